"""The command line, through its real entry point: ``main([...])`` and ``python -m customer_rules``.

``grade`` runs G3 → G2 → G4 → G5 (→ G6) for each customer; the outputs must agree with the
Python API on the same customers.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from customer_rules import PolicyBook, load_book, read_book
from customer_rules._portfolio import COLUMNS, SAMPLE_AS_OF, sample_portfolio
from customer_rules.cli import main
from customer_rules.cli.grade import CSV_COLUMNS
from customer_rules.grading import CustomerGrade, GradingPolicy, grade_customer
from customer_rules.reasons import render_reason

STRICT = "[grading.scorecard.total_cutoffs]\nA = 16\nB = 15\nC = 14\n"
WORKING_DAYS = '[grading.reporting.supervisor_deadline]\ndays = 2\nmode = "working_days"\n'
BAD = '[grading.scorecard.total_cutoffs]\nA = "fourteen"\n'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def api(policy: GradingPolicy | None = None) -> dict[str, CustomerGrade]:
    """The sample graded through the Python API, as of the sample's date."""
    on = SAMPLE_AS_OF
    return {
        c.id: grade_customer(c, policy or GradingPolicy(), on=on)
        for c in sample_portfolio().customers
    }


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# --------------------------------------------------------------------------- the sample table


def test_sample_table_shows_every_grade_both_categories_and_the_columns(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """G2 points and grade, G3 category, G4 tier and revisit, G5 report — for the sample."""
    code, out, err = run(capsys, "grade")
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "客户评级 截至 2026-11-30(样例数据的日期;可用 --as-of 指定)"
    c001 = next(line for line in lines if line.startswith("C001 "))
    assert c001.split() == [
        "C001", "华东重工集团有限公司", "大客户", "4", "4", "4", "4", "16", "A",
        "1/最优价格", "2027-01-20", "2027-03-31",
    ]  # fmt: skip
    assert "普通客户" in out
    # G6: a change awaiting the VP shows the grade in force and the proposed one
    c006 = next(line for line in lines if line.startswith("C006 "))
    c018 = next(line for line in lines if line.startswith("C018 "))
    assert "B(拟D,待审批)" in c006.split()
    assert "C(拟B,待审批)" in c018.split()
    # the grades in force are counted; C006 stays B and C018 stays C until the VP approves
    assert lines[-1] == "共 20 户:A 4、B 5、C 6、D 3,未评级 2;其中 2 户等级调整待审批,仍按原等级"


def test_deciding_reasons_follow_each_customer_indented(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The reason for the grade comes first (G2 total, or G3's new-customer rule), then notes."""
    _, out, _ = run(capsys, "grade")
    lines = out.splitlines()

    def under(customer_id: str) -> list[str]:
        start = next(i for i, line in enumerate(lines) if line.startswith(customer_id + " "))
        block = []
        for line in lines[start + 1 :]:
            if not line.startswith("    "):
                break
            block.append(line.strip())
        return block

    assert under("C001") == ["[G2] 四项合计 16 分,评为 A等级(重要客户)(下限 14 分)"]
    assert under("C012")[0].startswith("[G3] 新开发客户一年之内列为 C等级")
    assert under("C013") == ["[G3] 正常商业往来不足期限,2027-03-01 起方可评级"]
    assert under("C002")[1].startswith("[G4] 每 3 个月由")  # overdue revisit
    assert under("C011")[1].startswith("[G2] 战略影响未经评定")  # influence scored 0
    assert under("C006")[1:3] == [
        "[G2] 合同金额 15,000,000 元,拖欠回款(拖欠即1分)→ 1 分",
        "[G6] 年度重审:等级由 B等级(较重要客户) 调降为 D等级(未达C级)",
    ]


def test_table_columns_line_up_with_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "grade", "--lang", "en")
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("customer "))
    column = display_width(lines[header][: lines[header].index("grade")])
    rows = [line for line in lines[header + 2 :] if line[:1] == "C"]
    assert len(rows) == 20
    for row in rows:
        # the grade column starts at the same display column in every row
        before = next(i for i in range(len(row)) if display_width(row[:i]) == column)
        assert row[before] in "ABCD—", row
        assert row[before - 1] == " "


def test_english_labels(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "grade", "--lang", "en")
    assert code == 0
    assert out.startswith("Customer grades as of 2026-11-30 (the sample's date; use --as-of)\n")
    assert "[G3] new customer: C (ordinary) for its first year whatever its score" in out
    assert "2026-08-12 overdue" in out
    assert " B (D pending) " in out
    assert out.splitlines()[-1] == (
        "20 customers: A 4, B 5, C 6, D 3; not graded 2; 2 change(s) of grade awaiting approval,"
        " the previous grade in force"
    )


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "customer_rules", "grade", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "C001 华东重工集团有限公司" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("20 customers: A 4, B 5, C 6, D 3;")


# --------------------------------------------------------------------------- csv and json


def test_csv_agrees_with_the_python_api(capsys: pytest.CaptureFixture[str]) -> None:
    """G2 points/total/grade, G4 priority and revisit, G5 report due: as grade_customer says."""
    code, out, _ = run(capsys, "grade", "--format", "csv", "--lang", "en")
    assert code == 0
    assert out.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = csv_rows(out)
    expected = api()
    assert rows.keys() == expected.keys()
    for cid, result in expected.items():
        row = rows[cid]
        sc = result.scorecard
        points = [row[f"points_{k}"] for k in ("contract", "receivables", "premium", "influence")]
        assert points == ([str(p) for p in sc.points] if sc else ["", "", "", ""])
        assert row["total"] == (str(sc.total) if sc else "")
        assert row["grade"] == (result.grade.value if result.grade else "")
        proposed = result.proposed_grade
        assert row["proposed_grade"] == (proposed.value if proposed else "")
        assert row["pending_approval"] == ("vp_in_charge" if result.pending_approval else "")
        assert row["category"] == result.category.category.value
        tier = result.tier
        assert row["tier_priority"] == (str(tier.tier.priority) if tier and tier.tier else "")
        next_revisit = tier.next_revisit if tier else None
        assert row["next_revisit"] == (next_revisit.isoformat() if next_revisit else "")
        report_due = result.report.next_due.isoformat() if result.report else ""
        assert row["next_report_due"] == report_due
        assert row["policy_version"] == "seed"
        assert row["reasons"].split(" | ")[0].startswith(("[G2] total", "[G3]"))
    assert {row["grade"] for row in rows.values()} == {"A", "B", "C", "D", ""}
    # G6: the grade in force, and the proposed grade while it awaits the VP
    pending = {
        k: (r["grade"], r["proposed_grade"]) for k, r in rows.items() if r["pending_approval"]
    }
    assert pending == {"C006": ("B", "D"), "C018": ("C", "B")}
    assert rows["C004"]["grade"] == rows["C004"]["proposed_grade"] == "B"  # a first grade


def test_json_agrees_with_the_python_api(capsys: pytest.CaptureFixture[str]) -> None:
    """G2 what-if (points short, next grade, levers) and every reason, as the API gives them."""
    code, out, _ = run(capsys, "grade", "--format", "json")
    assert code == 0
    items = {item["id"]: item for item in json.loads(out)}
    expected = api()
    assert items.keys() == expected.keys()
    for cid, result in expected.items():
        item = items[cid]
        assert item["grade"] == (result.grade.value if result.grade else None)
        assert item["proposed_grade"] == (
            result.proposed_grade.value if result.proposed_grade else None
        )
        assert item["pending_approval"] == (
            [r.value for r in result.pending_from] if result.pending_approval else None
        )
        assert [r["code"] for r in item["reasons"]] == [r.code for r in result.reasons]
        what_if = result.what_if
        assert item["what_if"]["case"] == what_if.case.value
        assert item["what_if"]["points_short"] == what_if.points_short
        assert item["what_if"]["next_grade"] == (
            what_if.next_grade.value if what_if.next_grade else None
        )
        levers = what_if.scorecard.levers if what_if.scorecard else ()
        assert [lv["indicator"] for lv in item["what_if"]["levers"]] == [
            lv.indicator.value for lv in levers
        ]
        assert item["what_if"]["text"] == render_reason(what_if.reasons[0], "zh")
    c011 = items["C011"]  # unassessed influence: 2 points short of B; an assessment closes it
    assert c011["points_influence"] == 0
    assert c011["what_if"]["points_short"] == 2
    assert c011["what_if"]["levers"][0]["indicator"] == "strategic_influence"
    assert c011["what_if"]["levers"][0]["closes_gap"] is True
    # the what-if is about the final grade: C012 is capped at C until 2027-01-14, then its
    # figures give A — never "next grade C" while C
    c012 = items["C012"]["what_if"]
    assert (c012["case"], c012["next_grade"], c012["until"], c012["since"], c012["then"]) == (
        "capped",
        None,
        "2027-01-14",
        "2027-01-15",
        "A",
    )
    assert c012["text"] == (
        "[G3] 新开发客户列为 C等级(一般性客户) 至 2027-01-14 止;按当前数据,2027-01-15 起将评为"
        " A等级(重要客户)"
    )
    c013 = items["C013"]["what_if"]  # not yet eligible: from when, and what then
    assert (c013["case"], c013["since"], c013["then"]) == ("not_eligible", "2027-03-01", "C")
    assert items["C014"]["what_if"]["case"] == "no_trade"
    c006 = items["C006"]
    assert (c006["grade"], c006["proposed_grade"], c006["pending_approval"]) == (
        "B",
        "D",
        ["vp_in_charge"],
    )
    assert c006["change"] == {
        "previous": "B",
        "current": "D",
        "change": "downgrade",
        "effective": False,
        "pending": True,
    }
    assert "华东重工集团有限公司" in out  # ensure_ascii=False


# --------------------------------------------------------------------------- --as-of


@pytest.mark.parametrize(
    ("as_of", "c012", "c019"),
    [
        ("2026-11-29", "C", "C"),  # C019 developed 2025-11-30: still new on 2026-11-29
        ("2026-11-30", "C", "B"),
        ("2027-01-14", "C", "B"),  # C012 developed 2026-01-15: new until 2027-01-14
        ("2027-01-15", "A", "B"),
    ],
)
def test_as_of_moves_the_new_customer_across_its_first_year(
    capsys: pytest.CaptureFixture[str], as_of: str, c012: str, c019: str
) -> None:
    """G3: a customer developed less than a year ago is C whatever its score."""
    code, out, _ = run(capsys, "grade", "--format", "csv", "--as-of", as_of)
    assert code == 0
    rows = csv_rows(out)
    assert (rows["C012"]["grade"], rows["C019"]["grade"]) == (c012, c019)


def test_as_of_is_printed_without_the_sample_note(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "grade", "--lang", "en", "--as-of", "2027-01-15")
    assert out.splitlines()[0] == "Customer grades as of 2027-01-15"


# --------------------------------------------------------------------------- --input


def write_portfolio(tmp_path: Path) -> Path:
    header = ",".join(COLUMNS)
    good = "2018-01-01,,600万,yes,35万,14,3,王建国,sales_manager,2026-10-15,,"
    lines = [
        header,  # line 1
        f"G1,好客户一,big,{good}",  # line 2
        f"G2,坏日期,big,2018-02-30{good[10:]}",  # line 3: bad date
        f"G3,好客户二,ordinary,{good}",  # line 4
        f"G4,坏金额,ordinary,{good.replace('600万', 'abc')}",  # line 5: bad amount
    ]
    path = tmp_path / "portfolio.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_malformed_rows_are_reported_by_line_and_the_rest_graded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_portfolio(tmp_path)
    code, out, err = run(capsys, "grade", "--input", str(path), "--as-of", "2026-11-30")
    assert code == 1
    assert err.splitlines() == [
        "line 3: first_trade: expected an ISO date YYYY-MM-DD, got '2018-02-30'",
        "line 5: contract_amount: expected a Decimal, an int or a string such as '800000',"
        " '800,000', '80万' or '1.5亿', got 'abc'",
    ]
    assert "G1 好客户一" in out
    assert "G3 好客户二" in out
    assert "G2 坏日期" not in out
    assert (
        out.splitlines()[-1]
        == "共 2 户:A 0、B 2、C 0、D 0,未评级 0;另有 2 处输入问题未能评级(见标准错误输出)"
    )


def test_malformed_rows_with_csv_output_keep_stdout_parseable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_portfolio(tmp_path)
    code, out, err = run(
        capsys, "grade", "--input", str(path), "--as-of", "2026-11-30", "--format", "csv"
    )
    assert code == 1
    assert list(csv_rows(out)) == ["G1", "G3"]
    assert "line 3" in err
    assert "line 5" in err


def test_a_date_after_as_of_rejects_that_row_at_grading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """G3 refuses a first trade after the day of grading; the CLI reports it by line."""
    path = tmp_path / "p.csv"
    path.write_text("id,first_trade\nF1,2027-05-01\nF2,2020-01-01\n", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--input", str(path), "--as-of", "2026-11-30")
    assert code == 1
    assert err.startswith(
        "line 2: first_trade: expected a date on or before 2026-11-30, the day of the grading"
    )
    assert "F2" in out


def test_input_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("id,first_trade\nS1,2020-01-01\n"))
    code, out, _ = run(capsys, "grade", "--input", "-", "--as-of", "2026-11-30", "--format", "csv")
    assert code == 0
    assert csv_rows(out)["S1"]["reasons"] == "[G2] 缺少评分所需资料,暂不评级"


def test_unreadable_input_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "grade", "--input", str(tmp_path / "missing.csv"))
    assert code == 2
    assert out == ""
    assert "missing.csv" in err
    assert "readable file" in err


# --------------------------------------------------------------------------- --policy


def test_policy_file_changes_the_grades(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """G2 totals from the company's own book: A ≥ 16, B ≥ 15, C ≥ 14."""
    path = tmp_path / "strict.toml"
    path.write_text(STRICT, encoding="utf-8")
    code, out, _ = run(capsys, "grade", "--policy", str(path), "--format", "csv")
    assert code == 0
    rows = csv_rows(out)
    expected = api(load_book(STRICT).grading)
    assert {k: r["grade"] for k, r in rows.items()} == {
        k: (r.grade.value if r.grade else "") for k, r in expected.items()
    }
    assert rows["C001"]["grade"] == "A"  # 16 points
    # 14 points: A under the seed, C under this book — a downgrade that awaits the VP
    assert (rows["C002"]["grade"], rows["C002"]["proposed_grade"]) == ("A", "C")
    assert rows["C016"]["grade"] == "B"  # 15 points, a first grade


def test_bad_policy_file_exits_2_naming_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(BAD + "[grading.nope]\nx = 1\n", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--policy", str(path))
    assert code == 2
    assert out == ""
    assert sorted(err.splitlines()) == [
        f"{path}: grading.nope: unknown key; expected one of: deal_size, scorecard, eligibility,"
        " service, reporting, regrading",
        f"{path}: grading.scorecard.total_cutoffs.A: expected an integer, got 'fourteen'",
    ]


def test_policy_validate_good_and_bad(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('version = "2027"\neffective = 2027-01-01\n' + STRICT, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    assert run(capsys, "policy", "validate", str(good), "--lang", "en") == (
        0,
        f"{good}: valid (version 2027, effective 2027-01-01)\n",
        "",
    )
    code, out, err = run(capsys, "policy", "validate", str(bad), "--lang", "en")
    assert code == 2
    assert out == ""
    assert "grading.scorecard.total_cutoffs.A" in err
    assert err.splitlines()[-1] == f"{bad}: invalid (1 problem)"


def test_policy_validate_speaks_chinese_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.toml"
    good.write_text('version = "2027"\neffective = 2027-01-01\n' + STRICT, encoding="utf-8")
    assert run(capsys, "policy", "validate", str(good)) == (
        0,
        f"{good}:有效(版本 2027,2027-01-01 起生效)\n",
        "",
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD + "[grading.nope]\nx = 1\n", encoding="utf-8")
    code, out, err = run(capsys, "policy", "validate", str(bad), "--lang", "zh")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == f"{bad}:无效(2 处问题)"
    _, _, err = run(capsys, "policy", "validate", str(bad), "--lang", "en")
    assert err.splitlines()[-1] == f"{bad}: invalid (2 problems)"


def test_policy_validate_unreadable_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "policy", "validate", str(tmp_path / "none.toml"))
    assert code == 2
    assert "cannot read the file" in err


def test_policy_dump_json_then_validate_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "strict.toml"
    source.write_text(STRICT, encoding="utf-8")
    dumped = tmp_path / "dumped.json"
    code, _, _ = run(
        capsys,
        "policy",
        "dump",
        "--policy",
        str(source),
        "--format",
        "json",
        "--output",
        str(dumped),
    )
    assert code == 0
    assert json.loads(dumped.read_text(encoding="utf-8"))["grading"]["scorecard"][
        "total_cutoffs"
    ] == {"A": 16, "B": 15, "C": 14}
    code, out, _ = run(capsys, "policy", "validate", str(dumped), "--lang", "en")
    assert code == 0
    # a book that differs from the seed and has no label gets one derived from what differs
    assert out == f"{dumped}: valid (version custom-fb86551f, effective 2026-01-01)\n"
    assert read_book(str(dumped)) == read_book(str(source))


def test_policy_dump_to_stdout_defaults_to_toml(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "dump")
    assert code == 0
    assert load_book(out) == PolicyBook()
    code, out, _ = run(capsys, "policy", "dump", "--format", "json")
    assert load_book(out, "json") == PolicyBook()


def test_policy_show_prints_the_effective_book(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "policy", "show")
    assert code == 0
    assert '\nversion = "seed"' in "\n" + out
    assert load_book(out) == PolicyBook()
    path = tmp_path / "strict.toml"
    path.write_text(STRICT, encoding="utf-8")
    code, out, _ = run(capsys, "policy", "show", "--policy", str(path))
    assert load_book(out) == read_book(str(path))
    assert (
        load_book(out).grading.scorecard.total_cutoffs
        != PolicyBook().grading.scorecard.total_cutoffs
    )


# --------------------------------------------------------------------------- --calendar


def test_china_working_day_calendar_grades_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    """G5 deadlines may count China's working days; the sample's date is covered."""
    code, out, _ = run(capsys, "grade", "--calendar", "cn", "--format", "csv")
    assert code == 0
    assert len(csv_rows(out)) == 20
    _, table, _ = run(capsys, "grade", "--calendar", "cn")
    assert "日历:中国法定工作日" in table


def test_working_day_deadlines_count_china_holidays(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """G5 with a working-day book: the September report's 2-day step skips National Day."""
    path = tmp_path / "wd.toml"
    path.write_text(WORKING_DAYS, encoding="utf-8")
    args = ["grade", "--policy", str(path), "--format", "json", "--lang", "en"]
    code, out, err = run(capsys, *args, "--calendar", "cn", "--as-of", "2026-09-20")
    assert code == 1  # three of the sample's customers were visited after that day
    assert [line.split(":")[:2] for line in err.splitlines()] == [
        ["line 2", " last_visit"],
        ["line 20", " last_visit"],
        ["line 21", " last_visit"],
    ]
    c010 = next(item for item in json.loads(out) if item["id"] == "C010")  # D: reports monthly
    assert c010["next_report_due"] == "2026-09-30"
    chain = [r["text"] for r in c010["reasons"] if r["code"].startswith("G5.chain.next")]
    assert chain == [
        "[G5] the supervisor presents it to the sales manager within 2 working day(s), counting"
        " the day after 2026-09-30 as day 1: due 2026-10-09"
    ]
    # the same book on the sample's date reaches into 2027, which the calendar does not cover
    code, out, err = run(capsys, *args, "--calendar", "cn")
    assert code == 2
    assert out == ""
    assert err.startswith("customer-rules: error: no working-day data for ")
    assert "2027" in err
    assert len(err.splitlines()) == 1


def test_china_calendar_outside_its_years_is_one_clear_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "grade", "--calendar", "cn", "--as-of", "2099-01-01")
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("customer-rules: error: no working-day data for ")
    assert "2099" in err


# --------------------------------------------------------------------------- usage


@pytest.mark.parametrize(
    "args",
    [[], ["policy"], ["grade", "--as-of", "2026-13-01"], ["grade", "--lang", "fr"], ["frob"]],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "usage:" in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "grade", "--help")
    assert code == 0
    assert "--as-of DATE" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("customer-rules 0.")


# --------------------------------------------------------------------------- formats, streaming

GOOD_ROW = "2018-01-01,,600万,yes,35万,14,3,王建国,sales_manager,2026-10-15,,,"  # to registered_on


def test_jsonl_is_one_json_object_per_customer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "grade", "--format", "jsonl", "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 20
    items = [json.loads(line) for line in lines]
    assert [item["id"] for item in items] == [f"C{n:03d}" for n in range(1, 21)]
    # the same objects as --format json, in the same order
    _, array, _ = run(capsys, "grade", "--format", "json", "--lang", "en")
    assert items == json.loads(array)


def test_json_is_streamed_in_the_layout_of_an_indented_dump(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "grade", "--format", "json")
    assert out.startswith('[\n  {\n    "id": "C001",\n    "name": "华东重工集团有限公司",')
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    empty = tmp_path / "empty.csv"
    empty.write_text("id,name\n", encoding="utf-8")
    assert run(capsys, "grade", "--input", str(empty), "--format", "json") == (0, "[]\n", "")
    assert run(capsys, "grade", "--input", str(empty), "--format", "jsonl") == (0, "", "")
    assert run(capsys, "grade", "--input", str(empty), "--format", "csv") == (
        0,
        ",".join(CSV_COLUMNS) + "\n",
        "",
    )


def test_csv_with_bom_for_excel(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "grade", "--format", "csv", "--bom")
    assert code == 0
    assert out.startswith("\ufeffid,name,category,points_contract,")
    assert list(csv_rows(out.removeprefix("\ufeff"))) == [f"C{n:03d}" for n in range(1, 21)]
    _, plain, _ = run(capsys, "grade", "--format", "csv")
    assert plain == out.removeprefix("\ufeff")


def test_bom_is_for_csv_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "grade", "--bom") == (
        2,
        "",
        "customer-rules: error: --bom 只用于 --format csv\n",
    )
    code, _, err = run(capsys, "grade", "--bom", "--format", "jsonl", "--lang", "en")
    assert (code, err) == (2, "customer-rules: error: --bom applies to --format csv only\n")


# --------------------------------------------------------------------------- real spreadsheets


def spreadsheet(header: str = ",".join(COLUMNS)) -> str:
    return (
        "\n".join([header, f"S1,华东重工,大客户,{GOOD_ROW}", f"S2,深圳鹏程,普通客户,{GOOD_ROW}"])
        + "\n"
    )


@pytest.mark.parametrize(
    ("encoding", "options"),
    [("gbk", []), ("gbk", ["--encoding", "gbk"]), ("gb18030", []), ("utf-8-sig", []),
     ("utf-8", []), ("utf-8", ["--encoding", "utf-8"]), ("utf-8-sig", ["--encoding", "utf-8"])],
)  # fmt: skip
def test_gbk_and_utf8_with_or_without_bom_are_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str, options: list[str]
) -> None:
    """Excel on Chinese Windows saves GBK; elsewhere UTF-8, often with a BOM."""
    path = tmp_path / "p.csv"
    path.write_bytes(spreadsheet().encode(encoding))
    code, out, err = run(
        capsys, "grade", "--input", str(path), "--as-of", "2026-11-30", "--format", "csv",
        *options,
    )  # fmt: skip
    assert (code, err) == (0, "")
    rows = csv_rows(out)
    assert [(r["id"], r["name"], r["grade"]) for r in rows.values()] == [
        ("S1", "华东重工", "B"),
        ("S2", "深圳鹏程", "B"),
    ]


def test_gbk_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(spreadsheet().encode("gbk")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "grade", "--input", "-", "--as-of", "2026-11-30", "--lang", "en")
    assert (code, err) == (0, "")
    assert "S1 华东重工" in out


def test_wrong_or_unknown_encoding_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(spreadsheet().encode("gbk"))
    code, out, err = run(capsys, "grade", "--input", str(path), "--encoding", "latin-9000")
    assert (code, out) == (2, "")
    assert err.startswith(f"customer-rules: error: {path}: encoding: expected a text encoding")
    assert "'latin-9000'" in err
    code, out, err = run(capsys, "grade", "--input", str(path), "--encoding", "utf-8")
    assert (code, out) == (2, "")
    assert err.startswith(f"customer-rules: error: {path}: encoding: expected text in utf-8-sig")
    assert "--encoding gb18030" in err


def test_bytes_of_another_encoding_met_midway_stop_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    ascii_rows = "".join(f"A{n},x\n" for n in range(3000))
    path.write_bytes(f"id,name\n{ascii_rows}Z1,华东\n".encode("gbk"))
    code, out, err = run(capsys, "grade", "--input", str(path), "--encoding", "utf-8")
    assert code == 2
    assert err.startswith(f"customer-rules: error: {path}: encoding: expected text in utf-8-sig")
    assert len(err.splitlines()) == 1
    assert out == ""  # the table is written only once every row is read


def test_unknown_column_is_a_warning_unless_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(spreadsheet(",".join(COLUMNS) + ",remark"), encoding="utf-8")
    args = ["grade", "--input", str(path), "--as-of", "2026-11-30", "--format", "csv"]
    code, out, err = run(capsys, *args)
    assert code == 0
    assert err == (
        "warning: line 1: remark: unknown column, ignored; expected one of: "
        + ", ".join(COLUMNS)
        + "\n"
    )
    assert list(csv_rows(out)) == ["S1", "S2"]
    code, out, err = run(capsys, *args, "--strict")
    assert code == 1
    assert err.startswith("line 1: remark: unknown column, ignored;")
    assert list(csv_rows(out)) == ["S1", "S2"]


def test_chinese_header_labels_are_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_text("客户编号,客户名称,正常往来起始日\nZ1,华北,2020-01-01\n", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--input", str(path), "--format", "jsonl")
    assert (code, err) == (0, "")
    item = json.loads(out)
    assert (item["id"], item["name"]) == ("Z1", "华北")


def test_unquoted_thousands_give_one_error_for_the_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An amount written 3,000,000 without quotes splits into three cells: one error, a hint."""
    path = tmp_path / "p.csv"
    lines = spreadsheet().splitlines()
    lines.insert(2, f"S9,拆分,大客户,{GOOD_ROW.replace('600万', '3,000,000')}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--input", str(path), "--as-of", "2026-11-30")
    assert code == 1
    assert err.splitlines() == [
        "line 3: contract_amount: amount 3,000,000 was split at the commas (the cell is not"
        f" quoted), so the row has {len(COLUMNS) + 2} cells for {len(COLUMNS)} columns; quote"
        ' the amount ("3,000,000") or write it without commas (3000000)'
    ]
    assert "S1 华东重工" in out
    assert "S2 深圳鹏程" in out
    assert out.splitlines()[-1] == (
        "共 2 户:A 0、B 2、C 0、D 0,未评级 0;另有 1 处输入问题未能评级(见标准错误输出)"
    )


# --------------------------------------------------------------------------- pipes and progress


class _ClosedPipe(io.StringIO):
    """Standard output whose reader went away after ``limit`` characters."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.limit:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no file descriptor")


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_a_closed_pipe_ends_quietly_with_0(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fmt: str,
) -> None:
    """``customer-rules grade | head``: the reader chose to stop; even with rejected rows."""
    path = write_portfolio(tmp_path)  # two rows rejected: would be exit code 1
    stdout = _ClosedPipe(limit=200)
    monkeypatch.setattr(sys, "stdout", stdout)
    code = main(["grade", "--input", str(path), "--as-of", "2026-11-30", "--format", fmt])
    assert code == 0
    assert "Traceback" not in capsys.readouterr().err
    assert len(stdout.getvalue()) <= 200


def test_a_real_closed_pipe_prints_nothing_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    row = f"大客户,{GOOD_ROW}"
    path.write_text(
        ",".join(COLUMNS) + "\n" + "".join(f"M{n},客户{n},{row}\n" for n in range(3000)),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "customer_rules", "grade", "--input", str(path)]
    with subprocess.Popen(
        [*command, "--format", "jsonl", "--as-of", "2026-11-30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `head -1` does
        assert process.stderr is not None
        err = process.stderr.read()
        code = process.wait()
    assert json.loads(first)["id"] == "M0"
    assert (code, err) == (0, b"")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def big_portfolio(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "big.csv"
    row = f"普通客户,{GOOD_ROW}"
    path.write_text(
        ",".join(COLUMNS) + "\n" + "".join(f"B{n},客户{n},{row}\n" for n in range(rows)),
        encoding="utf-8",
    )
    return path


def test_progress_line_on_a_terminal_for_big_inputs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = big_portfolio(tmp_path, 6_500)
    terminal, out = _Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", out)
    code = main(["grade", "--input", str(path), "--as-of", "2026-11-30", "--format", "csv"])
    assert code == 0
    assert len(out.getvalue().splitlines()) == 6_501
    shown = "\r已处理 6000 行…"
    assert terminal.getvalue() == shown + "\r" + " " * 15 + "\r"  # 4 wide characters


def test_no_progress_line_when_stderr_is_not_a_terminal_or_the_input_small(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from customer_rules.cli import _core

    monkeypatch.setattr(_core, "PROGRESS_ABOVE", 50)  # the same rules, on a smaller input
    monkeypatch.setattr(_core, "PROGRESS_EVERY", 20)
    big = big_portfolio(tmp_path, 65)
    code, _, err = run(capsys, "grade", "--input", str(big), "--format", "jsonl")
    assert (code, err) == (0, "")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["grade", "--format", "jsonl"]) == 0  # the 20 customers of the sample
    assert terminal.getvalue() == ""
    # streamed output on the same terminal shows the progress itself
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert main(["grade", "--input", str(big), "--format", "jsonl"]) == 0
    assert terminal.getvalue() == ""
    # the table is written at the end: the line shows, and is gone before the table
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    assert main(["grade", "--input", str(big), "--as-of", "2026-11-30"]) == 0
    assert terminal.getvalue() == "\r已处理 60 行…\r" + " " * 13 + "\r"
    assert screen.getvalue().startswith("客户评级 截至 2026-11-30\n")


# --------------------------------------------------------------------------- the core


def test_commands_are_the_public_modules_of_the_package() -> None:
    from customer_rules.cli import _core

    assert _core.chapter_modules() == [
        "allocation",
        "archives",
        "calendar",
        "credit",
        "grade",
        "policy",
        "service",
    ]
    parser = _core.build_parser()
    assert "{allocate,reclaim,archives,calendar,credit,grade,policy,service}" in " ".join(
        parser.format_usage().split()
    )


def test_every_cli_text_renders_in_both_languages() -> None:
    """The command line's texts are one message-code enum; each renders fully in zh and en."""
    import string

    from customer_rules.cli._text import CliText
    from customer_rules.reasons import render_message, template_of

    for code in CliText:
        names = {n for _, n, _, _ in string.Formatter().parse(template_of(code, "zh")) if n}
        facts = {name: f"<{name}>" for name in names}
        zh, en = render_message(code, "zh", **facts), render_message(code, "en", **facts)
        assert zh.strip(), code
        assert en.strip(), code
        assert zh != en or code is CliText.STDIN, code
        assert "{" not in zh + en, code
        assert all(f"<{name}>" in zh and f"<{name}>" in en for name in names), code


def test_title_line_is_one_text_for_every_chapter() -> None:
    """The "as of" line: the heading, the day, and the sample note naming the option that asks
    for another day (a date for --as-of, a moment for --at) or only that it is the sample."""
    from customer_rules.cli._core import title_line

    day = SAMPLE_AS_OF
    assert title_line("zh", "客户评级", as_of=day, sample=True) == (
        "客户评级 截至 2026-11-30(样例数据的日期;可用 --as-of 指定)"
    )
    assert title_line("en", "Customer grades", as_of=day, sample=True) == (
        "Customer grades as of 2026-11-30 (the sample's date; use --as-of)"
    )
    assert title_line("en", "Customer grades", as_of=day) == "Customer grades as of 2026-11-30"
    at = "Lead allocation at 2026-11-30T09:00:00+08:00"
    assert title_line("en", at, sample=True, option="--at") == (
        f"{at} (the sample's moment; use --at)"
    )
    assert title_line("zh", "客户资源分配 X", sample=True, option="--at") == (
        "客户资源分配 X(样例数据的时间;可用 --at 指定)"
    )
    assert title_line("zh", "客户参观接待", sample=True, option=None) == "客户参观接待(样例数据)"
    assert title_line("en", "Churn warning", as_of=day, sample=True, option=None) == (
        "Churn warning as of 2026-11-30 (the shipped sample)"
    )
    assert title_line("en", "Visit reception", option=None) == "Visit reception"


def test_policy_line_names_the_book_and_then_the_calendar_or_a_note() -> None:
    from customer_rules.cli._core import policy_line

    book = PolicyBook()
    assert policy_line("zh", book) == "政策版本 seed(2026-01-01 起生效)"
    assert policy_line("en", book, calendar="days") == (
        "policy seed (effective 2026-01-01) · calendar: calendar days"
    )
    assert policy_line("zh", book, calendar="cn") == (
        "政策版本 seed(2026-01-01 起生效) · 日历:中国法定工作日"
    )
    assert policy_line("en", book, note="check point: shipment") == (
        "policy seed (effective 2026-01-01) · check point: shipment"
    )


def test_grade_help_lists_the_common_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "grade", "--help")
    assert code == 0
    options = ["--policy FILE", "--input FILE.csv", "--as-of DATE", "--encoding NAME", "--strict"]
    options += ["--bom", "{table,csv,json,jsonl}", "{days,cn}", "{zh,en}"]
    for option in options:
        assert option in out, option


def test_policy_dump_reports_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "book.toml"
    assert run(capsys, "policy", "dump", "--output", str(target)) == (
        0,
        "",
        f"{target}:已写入(toml,版本 seed)\n",
    )
    code, _, err = run(capsys, "policy", "dump", "--output", str(target), "--lang", "en")
    assert (code, err) == (0, f"{target}: written (toml, version seed)\n")
    code, _, err = run(capsys, "policy", "dump", "--output", str(tmp_path / "no" / "b.toml"))
    assert code == 2
    assert err.startswith(f"customer-rules: error: {tmp_path / 'no' / 'b.toml'}:无法写入文件:")
