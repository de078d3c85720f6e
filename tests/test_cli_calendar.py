"""``customer-rules calendar show YEAR``: what the library believes about a year's working days,
and where each day's status comes from (issue 6 §5)."""

from __future__ import annotations

import csv
import io
import json
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_rules.cli import main
from customer_rules.cli._writers import width
from customer_rules.cli.calendar import CalendarText
from customer_rules.cn_calendar import china_working_days
from customer_rules.reasons import render_message

PACKAGE = f"chinesecalendar {metadata.version('chinesecalendar')}"

BOOK_2027 = """\
version = "2027"
effective = 2027-01-01

[[calendar.years]]
year = 2027
holidays = [2027-01-01, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11,
            2027-02-12]
makeup_workdays = [2027-01-31, 2027-02-20]
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def book(tmp_path: Path, text: str = BOOK_2027, name: str = "company.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_calendar_text_renders_exactly_in_both_languages() -> None:
    facts = {"year": 2027, "holidays": 8, "makeup": 2, "package": "P", "version": "V"}
    facts |= {"covered": "C", "span": "2004–2026"}
    assert {
        code: (render_message(code, "zh", **facts), render_message(code, "en", **facts))
        for code in CalendarText
    } == {
        CalendarText.TITLE: (
            "2027 年工作日历:节假日 8 天,调休上班 2 天",
            "Working days 2027: 8 holiday(s), 2 make-up workday(s)",
        ),
        CalendarText.NO_PACKAGE: (
            "(未安装 chinesecalendar,只有政策书的日历表)",
            "(chinesecalendar is not installed: the policy books' tables only)",
        ),
        CalendarText.COL_DAY: ("日期", "day"),
        CalendarText.COL_WEEKDAY: ("星期", "weekday"),
        CalendarText.COL_STATUS: ("状态", "status"),
        CalendarText.COL_SOURCE: ("来源", "source"),
        CalendarText.HOLIDAY: ("节假日(休息)", "holiday (rest)"),
        CalendarText.MAKEUP: ("调休上班", "make-up workday"),
        CalendarText.FROM_PACKAGE: ("P 软件包数据", "package data (P)"),
        CalendarText.FROM_BOOK: ("政策书 V 的日历表", "the calendar table of book V"),
        CalendarText.SOURCE_SEP: ("、", "; "),
        CalendarText.WEEKEND_RULE: (
            "其余日期按周末规则:周六、周日休息,周一至周五上班",
            "Every other day follows the weekend rule: Saturday and Sunday rest, Monday to"
            " Friday work",
        ),
        CalendarText.NO_DATA: (
            "2027 年没有工作日数据(C):请把该年的节假日与调休安排写入政策书的"
            " [[calendar.years]] 表,或更新节假日软件包",
            "no working-day data for 2027 (C): add the year's holidays and make-up workdays to"
            " the policy book as a [[calendar.years]] table, or update the holiday package",
        ),
        CalendarText.COVERED: ("已有数据的年份为 2004–2026", "the data covers the years 2004–2026"),
        CalendarText.COVERED_NONE: ("没有任何年份的数据", "no year has data"),
    }


def test_a_year_of_the_package_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calendar", "show", "2026")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    source = f"{PACKAGE} 软件包数据"
    rule = "─" * width(source)  # wide characters take two columns
    assert lines[:5] == [
        "2026 年工作日历:节假日 33 天,调休上班 6 天",
        "日期        星期  状态          来源",
        f"──────────  ────  ────────────  {rule}",
        f"2026-01-01  周四  节假日(休息)  {source}",
        f"2026-01-02  周五  节假日(休息)  {source}",
    ]
    assert f"2026-10-10  周六  调休上班      {source}" in lines
    assert len(lines) == 3 + 33 + 6 + 1
    assert lines[-1] == "其余日期按周末规则:周六、周日休息,周一至周五上班"


def test_a_year_of_a_book_table_in_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "calendar", "show", "2027", "--policy", book(tmp_path), "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out == (
        "Working days 2027: 8 holiday(s), 2 make-up workday(s)\n"
        "day         weekday    status           source\n"
        "──────────  ─────────  ───────────────  ───────────────────────────────\n"
        "2027-01-01  Friday     holiday (rest)   the calendar table of book 2027\n"
        "2027-01-31  Sunday     make-up workday  the calendar table of book 2027\n"
        "2027-02-06  Saturday   holiday (rest)   the calendar table of book 2027\n"
        "2027-02-07  Sunday     holiday (rest)   the calendar table of book 2027\n"
        "2027-02-08  Monday     holiday (rest)   the calendar table of book 2027\n"
        "2027-02-09  Tuesday    holiday (rest)   the calendar table of book 2027\n"
        "2027-02-10  Wednesday  holiday (rest)   the calendar table of book 2027\n"
        "2027-02-11  Thursday   holiday (rest)   the calendar table of book 2027\n"
        "2027-02-12  Friday     holiday (rest)   the calendar table of book 2027\n"
        "2027-02-20  Saturday   make-up workday  the calendar table of book 2027\n"
        "Every other day follows the weekend rule: Saturday and Sunday rest, Monday to Friday"
        " work\n"
    )


def _dates(days: frozenset[object]) -> str:
    return ", ".join(str(d) for d in sorted(days))  # type: ignore[type-var]


def test_a_day_both_sources_give_names_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A book that copies a year the package has: each of its days names both sources; the
    tables of every book of a history are shown."""
    y2026 = china_working_days().year_table(2026)
    history = (
        '[[book]]\nversion = "2026"\neffective = 2026-01-01\n'
        "[[book.calendar.years]]\nyear = 2026\n"
        f"holidays = [{_dates(y2026.holidays)}]\n"
        f"makeup_workdays = [{_dates(y2026.makeup_workdays)}]\n\n"
        "[[book]]\n" + BOOK_2027.replace("[[calendar.", "[[book.calendar.")
    )
    path = book(tmp_path, history, "history.toml")
    code, out, err = run(capsys, "calendar", "show", "2026", "--policy", path, "--format", "csv")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 33 + 6
    assert rows[0] == {
        "day": "2026-01-01",
        "weekday": "4",
        "status": "holiday",
        "sources": f"package:{PACKAGE} | book:2026",
    }
    code, out, _ = run(capsys, "calendar", "show", "2026", "--policy", path, "--lang", "en")
    assert (
        f"2026-01-04  Sunday     make-up workday  package data ({PACKAGE}); the calendar table"
        " of book 2026\n"
    ) in out
    code, out, _ = run(capsys, "calendar", "show", "2027", "--policy", path, "--format", "jsonl")
    first = json.loads(out.splitlines()[0])
    assert first == {
        "day": "2027-01-01",
        "weekday": 5,
        "status": "holiday",
        "sources": ["book:2027"],
    }


def test_json_lists_every_day_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calendar", "show", "2026", "--format", "json")
    assert code == 0
    days = json.loads(out)
    y2026 = china_working_days().year_table(2026)
    assert [d["day"] for d in days] == [
        str(d) for d in sorted(y2026.holidays | y2026.makeup_workdays)
    ]
    assert {d["status"] for d in days if d["day"] in map(str, y2026.makeup_workdays)} == {
        "makeup_workday"
    }
    assert all(d["sources"] == [f"package:{PACKAGE}"] for d in days)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["2027", "--lang", "en"],
            "customer-rules: error: no working-day data for 2027 (the data covers the years"
            " 2004–2026): add the year's holidays and make-up workdays to the policy book as a"
            " [[calendar.years]] table, or update the holiday package\n",
        ),
        (
            ["1999"],
            "customer-rules: error: 1999 年没有工作日数据(已有数据的年份为 2004–2026):请把该年的"
            "节假日与调休安排写入政策书的 [[calendar.years]] 表,或更新节假日软件包\n",
        ),
    ],
)
def test_a_year_nobody_covers_is_an_error_not_a_guess(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(capsys, "calendar", "show", *args) == (2, "", message)


def test_the_years_covered_are_named_in_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = book(tmp_path, BOOK_2027 + "[[calendar.years]]\nyear = 2029\n")
    code, out, err = run(capsys, "calendar", "show", "2028", "--policy", path, "--lang", "en")
    assert (code, out) == (2, "")
    assert "(the data covers the years 2004–2027, 2029)" in err
    assert run(capsys, "calendar", "show", "2029", "--policy", path)[0] == 0


def test_a_table_that_disagrees_with_the_package_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = book(tmp_path, "[[calendar.years]]\nyear = 2026\nholidays = [2026-10-08]\n")
    code, out, err = run(capsys, "calendar", "show", "2026", "--policy", path)
    assert (code, out) == (2, "")
    assert err.startswith(
        f"{path}: calendar.years[0]: 2026 disagrees with China (chinesecalendar) on 26 day(s): "
        "2026-01-01 (working here, a rest day there)"
    )
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("args", [["calendar"], ["calendar", "show"], ["calendar", "show", "x"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, _ = run(capsys, *args)
    assert (code, out) == (2, "")


def test_a_bad_policy_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = book(tmp_path, "[[calendar.years]]\nyear = 2027\nmakeup_workdays = [2027-02-08]\n")
    assert run(capsys, "calendar", "show", "2027", "--policy", path) == (
        2,
        "",
        f"{path}: calendar.years[0].makeup_workdays: expected a Saturday or Sunday (a make-up"
        " workday is a weekend day worked), got 2027-02-08 (a Monday)\n",
    )


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=100)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["calendar", "show", "2026", "2027", "--policy", "--lang", "en", "--format", "@F"]
            ),
            st.text(max_size=8),
        ),
        max_size=6,
    )
)
def test_the_command_never_shows_a_traceback(args: list[str]) -> None:
    import contextlib
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "f.toml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(BOOK_2027)
        argv = ["calendar", *(path if a == "@F" else a for a in args)]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    assert code in (0, 2)
    assert "Traceback" not in err.getvalue()
