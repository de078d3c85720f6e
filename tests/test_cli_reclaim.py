"""``customer-rules reclaim``: A8–A10 (and the public pool) over a holdings CSV.

The command must say what the Python API says for the same holdings, run on the shipped sample
with no arguments, and report a bad row by its line while deciding the others.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from customer_rules._allocation.holdings_csv import (
    SAMPLE_AS_OF,
    HoldingsFile,
    parse_holdings,
    read_holdings,
    sample_holdings_text,
)
from customer_rules.allocation import AllocationPolicy, reclaimable
from customer_rules.cli import main
from customer_rules.cli._reclaim import RECLAIM_CSV_COLUMNS
from customer_rules.reasons import render_reason

HEADER = "customer,name,holder,received,declared,first_action\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "holdings.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_with_no_arguments_the_shipped_sample_as_of_its_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "reclaim")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "客户资源保护与收回 截至 2026-11-30(样例数据的日期;可用 --as-of 指定)"
    h002 = next(line for line in lines if line.startswith("H002 "))
    assert h002.split()[-3:] == ["可收回(市场总监决定)", "—", "市场总监"]
    h007 = next(line for line in lines if line.startswith("H007 "))
    assert "保护期已满" in h007
    assert h007.split()[-1] == "客户部经理"
    assert lines[-1] == "[A9] 截至 2026-11-30:16 个客户,可收回或退回公海 2 个,预警 3 个,待决定 5 个"


def test_csv_says_what_the_api_says(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "reclaim", "--format", "csv", "--lang", "en")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(RECLAIM_CSV_COLUMNS)
    report = reclaimable(
        parse_holdings(sample_holdings_text()).holdings, [], AllocationPolicy(), on=SAMPLE_AS_OF
    )
    assert [r["customer"] for r in rows] == [s.holding.customer for s in report.items]
    for row, s in zip(rows, report.items, strict=True):
        assert row["idle_state"] == (s.idle.state.value if s.idle is not None else "")
        assert row["reclaimable"] == ("true" if s.reclaimable else "false")
        assert row["reasons"] == " | ".join(render_reason(r, "en") for r in s.reasons)
    assert [r["customer"] for r in rows if r["reclaimable"] == "true"] == ["H002", "H005"]


def test_json_lines_and_a_pool_of_the_companys_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = tmp_path / "book.toml"
    policy.write_text("[allocation.pool]\nenabled = true\n", encoding="utf-8")
    code, out, err = run(capsys, "reclaim", "--format", "jsonl", "--policy", str(policy))
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 16
    by_id = {r["customer"]: r for r in records}
    assert by_id["H003"]["pool_stage"] == "reclaim"
    assert by_id["H010"]["pool_stage"] == "exempt"  # a customer with a deal
    assert by_id["H014"]["pool_stage"] == "exempt"  # locked
    assert by_id["H012"]["pool_stage"] is None  # in the pool already
    assert {r["rule"] for r in by_id["H003"]["reasons"]} == {"A9"}


def test_bad_rows_are_reported_by_line_and_the_rest_decided(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        HEADER
        + "C1,甲,S1,2026-09-01,,\n"
        + "C2,乙,S1,,,\n"  # held, but when was it received?
        + "C3,丙,S1,2026-02-30,,\n"  # no such day
        + "C4,丁,S1,2026-09-01,2026-12-15,\n"  # declared after --as-of
        + "C1,戊,S2,2026-09-01,,\n"  # the same customer twice
        + "C5,己,S1,2026-11-01,,2026-10-01\n",  # an action before receipt
    )
    code, out, err = run(capsys, "reclaim", "--holdings", path, "--as-of", "2026-11-30")
    assert code == 1
    problems = err.splitlines()
    assert [p.split(":")[0] for p in problems] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
    ]
    assert problems[0].startswith("line 3: received:")
    assert problems[2].startswith("line 5: declared: expected a date on or before 2026-11-30")
    assert "C1 甲" in out
    assert "5 处输入问题" in out.splitlines()[-1]


def test_gbk_with_chinese_headers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "客户编号,客户名称,负责人,接收日期\nC1,华远,陈小明,2026-09-01\n"
    path = write(tmp_path, text, "gbk")
    code, out, err = run(
        capsys, "reclaim", "--holdings", path, "--as-of", "2026-11-30", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert "C1 华远" in out
    assert "reclaimable (the director decides)" in out


def test_a_file_without_a_customer_column_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "name,holder\n甲,S1\n")
    code, _, err = run(capsys, "reclaim", "--holdings", path)
    assert code == 2
    assert "customer" in err


def test_bom_is_for_csv_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "reclaim", "--bom")
    assert code == 2
    assert err


# --------------------------------------------------------------------------- reading, exactly

UNKNOWN = (
    "unknown column, ignored; expected one of: customer, name, holder, received, version,"
    " registered, applied, declared, declared_in_report, grade, lead_type, locked, first_action,"
    " last_action, signed, last_deal, pool_entered, previous_holder"
)
EXTRA = "customer,holder,received,extra\nC1,陈小明,2026-09-01,x\nC2,王芳,2026-09-02,y\n"


def unknown_column(holdings: HoldingsFile) -> list[tuple[int, str, str, bool]]:
    return [(e.line, e.column, e.message, e.warning) for e in holdings.errors]


def test_the_holdings_name_their_lines_by_customer() -> None:
    """A8–A10: each holding read keeps the line its row starts on, for the report."""
    found = parse_holdings(EXTRA)
    assert [h.customer for h in found.holdings] == ["C1", "C2"]
    assert found.lines == {"C1": 2, "C2": 3}


def test_an_unknown_column_is_a_warning_unless_strict() -> None:
    """A8–A10: an unknown column is ignored with a warning; with strict it is an error."""
    assert unknown_column(parse_holdings(EXTRA)) == [(1, "extra", UNKNOWN, True)]
    assert unknown_column(parse_holdings(EXTRA, strict=True)) == [(1, "extra", UNKNOWN, False)]


def test_a_holdings_file_reads_as_its_text_with_the_encoding_and_strictness_given(
    tmp_path: Path,
) -> None:
    """A8–A10: read_holdings reads the file as parse_holdings reads its text, in the encoding
    given (here UTF-16, which the default detection would refuse) and with strict passed on."""
    path = write(tmp_path, EXTRA, "utf-16")
    found = read_holdings(path, encoding="utf-16")
    assert found == parse_holdings(EXTRA)
    assert unknown_column(found) == [(1, "extra", UNKNOWN, True)]
    strict = read_holdings(path, encoding="utf-16", strict=True)
    assert unknown_column(strict) == [(1, "extra", UNKNOWN, False)]
    assert read_holdings(write(tmp_path, EXTRA)) == parse_holdings(EXTRA)
