"""``customer-rules credit aging`` (C4, C5): the shipped sample, a malformed file reported by
line with the rest processed, GBK and UTF-8 with a BOM, the machine formats, and agreement with
the Python API."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from customer_rules._credit.receivables import LEDGER_COLUMNS, SAMPLE_AS_OF, sample_ledger_text
from customer_rules.cli import main
from customer_rules.cli.credit import AGING_CSV_COLUMNS
from customer_rules.credit import CreditPolicy, aging_report, collection_action
from customer_rules.rows import parse_rows

HEADER = "id,customer,amount,paid,issued,due,currency,last_step,last_step_on,method\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sample_entries() -> list[object]:
    with parse_rows(sample_ledger_text(), LEDGER_COLUMNS) as rows:
        return [row.value for row in rows]


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "ledger.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


# --------------------------------------------------------------------------- the sample


def test_the_sample_is_clean_and_runs_with_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert all(e is not None for e in sample_entries())
    code, out, err = run(capsys, "credit", "aging")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "应收账款账龄 截至 2026-11-30(样例数据的日期;可用 --as-of 指定)"
    header = lines[2].split()
    assert header == [
        "客户", "笔数", "未逾期", "逾期1-30天", "逾期31-60天", "逾期61-90天", "逾期91-180天",
        "逾期超过180天", "合计",
    ]  # fmt: skip
    total = next(line for line in lines if line.startswith("合计 "))
    assert total.split() == [
        "合计", "20", "2,271,800.00", "1,053,500.00", "1,330,000.50", "488,000.00",
        "1,460,000.00", "242,400.00", "6,845,700.50",
    ]  # fmt: skip
    c003 = next(line for line in lines if line.startswith("C003 "))
    assert c003.split()[2:] == [
        "2", "0.00", "0.00", "0.50", "400,000.00", "0.00", "0.00", "400,000.50"
    ]  # fmt: skip
    assert lines[-1] == (
        "共 20 笔应收,未收合计 6,845,700.50 元,其中逾期 4,573,900.50 元;逾期待催收 11 笔"
        ";2 笔余额低于容差,不再催收"
    )


def test_the_sample_table_lists_each_overdue_item_with_its_next_action(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "credit", "aging", "--lang", "en")
    section = out[out.index("Overdue receivables and their next collection action (C5)") :]
    rows = [line for line in section.splitlines() if line.startswith("AR-")]
    assert len(rows) == 11
    never_chased = next(r for r in rows if r.startswith("AR-2605-012"))
    assert never_chased.split()[:6] == ["AR-2605-012", "C010", "2026-05-25", "92,400.00", "189",
                                        "over"]  # fmt: skip
    assert "phone call" in never_chased  # never jumps: nothing was done, so the call comes first
    assert "2026-05-15 overdue" in never_chased
    assert "[C5] next: phone call by the office director, due 2026-05-15: 199 days overdue" in (
        section
    )
    # paid in full and the 0.50 residual are not chased
    assert "AR-2609-003" not in section
    assert "AR-2608-021" not in section
    # the ladder is complete for AR-2603-009: 企划部 pursues by the method chosen
    assert "[C5] recovery method: legal action" in section


def test_the_sample_agrees_with_the_python_api(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "aging", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(AGING_CSV_COLUMNS)
    policy = CreditPolicy()
    entries = sample_entries()
    report = aging_report([e.receivable for e in entries], policy, on=SAMPLE_AS_OF)  # type: ignore[attr-defined]
    assert [r["id"] for r in rows] == [i.receivable.id for i in report.items]
    for row, item, entry in zip(rows, report.items, entries, strict=True):
        a = collection_action(
            item.receivable,
            policy,
            on=SAMPLE_AS_OF,
            case=entry.case(),  # type: ignore[attr-defined]
            method=entry.method,  # type: ignore[attr-defined]
        )
        assert row["bucket"] == item.bucket
        assert row["owner"] == item.owner.value
        assert int(row["days_past_due"]) == item.days_past_due
        assert Decimal(row["open_amount"]) == item.open_amount
        assert row["next_action"] == (a.next_action.value if a.next_action else "")
        assert row["next_due"] == (a.next_due.isoformat() if a.next_due else "")
        assert row["next_role"] == (a.next_role.value if a.next_role else "")
    assert sum(Decimal(r["open_amount"]) for r in rows) == report.total


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_amounts_as_text_and_every_reason(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, _ = run(capsys, "credit", "aging", "--format", fmt, "--lang", "en")
    assert code == 0
    items = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert len(items) == 20
    first = items[0]
    assert first["open_amount"] == "1200000.00"
    assert first["next_action"] == "phone"
    assert [r["rule"] for r in first["reasons"]] == ["C4", "C4", "C5", "C5", "C5", "C5"]
    assert not any(isinstance(v, float) for item in items for v in item.values())


def test_as_of_moves_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "aging", "--format", "jsonl", "--as-of", "2027-06-30")
    assert code == 0
    first = json.loads(out.splitlines()[0])
    assert (first["days_past_due"], first["bucket"]) == (198, "over-180")


# --------------------------------------------------------------------------- malformed files


MALFORMED = (
    HEADER
    + "AR-1,C1,1000,0,2026-10-01,2026-10-31,CNY,,,\n"  # 2 fine
    + "AR-2,C1,lots,0,,2026-10-31,,,,\n"  # 3 amount
    + "AR-3,C1,100,0,,2026-13-01,,,,\n"  # 4 due
    + "AR-4,C2,100,150,,2026-10-31,,,,\n"  # 5 paid above amount
    + "AR-5,C2,100,0,,2026-10-31,USD,,,\n"  # 6 another currency
    + "AR-6,C2,100,0,,2026-10-31,,letter,,\n"  # 7 a step without its day
    + "AR-1,C3,100,0,,2026-10-31,,,,\n"  # 8 repeated id
    + "AR-7,C3,3,000,000,0,,2026-10-31,,,,\n"  # 9 unquoted thousands
    + "AR-8,C3,100,0,,2026-10-31,,phone,2026-12-15,\n"  # 10 a step after the day asked
    + "AR-9,C3,100,0,,2026-10-31,,shout,2026-10-15,\n"  # 11 no such step
    + 'AR-10,C4,"2,000",0,,2026-11-15,,phone,2026-11-05,\n'  # 12 fine
)


def test_a_malformed_file_reports_each_row_by_line_and_processes_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, MALFORMED)
    code, out, err = run(
        capsys, "credit", "aging", "--input", path, "--as-of", "2026-11-30", "--lang", "en"
    )
    assert code == 1
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"line {n}" for n in range(3, 12)]
    assert [line.split(": ")[1] for line in lines] == [
        "amount", "due", "paid", "currency", "last_step_on", "id", "amount", "last_step_on",
        "last_step",
    ]  # fmt: skip
    assert "quote" in lines[6]
    assert "line 10: last_step_on: expected a day on or before on (2026-11-30)" in err
    assert "2 receivables, 3,000.00 yuan open" in out
    assert "; 9 input problem(s), see stderr" in out


def test_a_malformed_file_in_a_streaming_format_writes_the_good_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, MALFORMED)
    code, out, err = run(
        capsys, "credit", "aging", "--input", path, "--as-of", "2026-11-30", "--format", "csv"
    )
    assert code == 1
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["AR-1", "AR-10"]
    assert len(err.splitlines()) == 9


def test_a_file_without_a_required_column_stops_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "id,customer,amount\nAR-1,C1,100\n")
    code, out, err = run(capsys, "credit", "aging", "--input", path)
    assert (code, out) == (2, "")
    assert err.startswith("customer-rules: error: ")
    assert "due" in err


def test_an_unreadable_file_stops_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "credit", "aging", "--input", str(tmp_path / "none.csv"))
    assert (code, out) == (2, "")
    assert "none.csv" in err


def test_no_overdue_item_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "AR-1,C1,1000,0,,2027-01-31,,,,\n")
    code, out, _ = run(capsys, "credit", "aging", "--input", path, "--as-of", "2026-11-30")
    assert code == 0
    assert "无逾期应收账款" in out


# --------------------------------------------------------------------------- encodings


CHINESE = (
    "应收编号,客户编号,客户名称,应收金额,已收金额,到期日,上次催收步骤,上次催收日期,追讨方式\n"
    "AR-1,C1,华东重工,12万,2万,2026-10-31,移交企划部追讨,2026-11-01,法律诉讼\n"
    'AR-2,C2,鹏程电子,"1,500",0,2026-12-31,电话沟通,2026-12-20,\n'
)


@pytest.mark.parametrize(
    ("encoding", "options"),
    [("gbk", []), ("gbk", ["--encoding", "gbk"]), ("utf-8-sig", []), ("utf-8", [])],
)
def test_gbk_and_utf8_with_or_without_bom_and_chinese_headers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str, options: list[str]
) -> None:
    path = write(tmp_path, CHINESE, encoding)
    code, out, err = run(
        capsys, "credit", "aging", "--input", path, "--as-of", "2026-12-31", "--format", "jsonl",
        *options,
    )  # fmt: skip
    assert (code, err) == (0, "")
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["customer_name"], first["open_amount"], first["bucket"]) == (
        "华东重工", "100000.00", "61-90"
    )  # fmt: skip
    assert (first["last_step"], first["next_action"], first["method"]) == (
        "hand_over", "consider_legal", "legal"
    )  # fmt: skip
    assert (second["open_amount"], second["next_action"], second["next_due"]) == (
        "1500.00", "letter", "2026-12-26"
    )  # fmt: skip


def test_csv_with_a_bom_for_excel_and_the_bom_is_for_csv_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "credit", "aging", "--format", "csv", "--bom")
    assert code == 0
    assert out.startswith("\ufeffid,customer,")
    code, out, err = run(capsys, "credit", "aging", "--bom", "--lang", "en")
    assert (code, out, err) == (
        2, "", "customer-rules: error: --bom applies to --format csv only\n"
    )  # fmt: skip


# --------------------------------------------------------------------------- the group


def test_credit_alone_prints_its_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "credit")
    assert (code, out) == (2, "")
    assert "aging" in err


def test_jobs_write_what_one_process_writes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    body = "".join(
        f"AR-{i},C{i % 7},{1000 + i},{i % 3},,2026-{1 + i % 12:02d}-15,,,,\n" for i in range(2500)
    )
    path = write(tmp_path, HEADER + body)
    args = ["credit", "aging", "--input", path, "--as-of", "2026-11-30", "--format", "jsonl"]
    one = run(capsys, *args, "--jobs", "1")
    two = run(capsys, *args, "--jobs", "2")
    assert one[0] == 0
    assert one == two
    assert len(one[1].splitlines()) == 2500


def test_a_policy_file_changes_the_buckets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = tmp_path / "book.toml"
    policy.write_text(
        "[[credit.aging.buckets]]\nname = 'due'\nzh = '未到期'\nen = 'not due'\nhigh = 0\n"
        "[[credit.aging.buckets]]\nname = 'late'\nzh = '已逾期'\nen = 'late'\nlow = 1\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "credit", "aging", "--policy", str(policy), "--lang", "en")
    assert code == 0
    total = next(line for line in out.splitlines() if line.startswith("total "))
    assert total.split() == ["total", "20", "2,271,800.00", "4,573,900.50", "6,845,700.50"]
