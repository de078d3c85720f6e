"""Dated policy versions (issue 6 §4) and calendar data across a policy history (§5).

The book in force on a day is the latest whose effective date is not after it; a day before the
first book is a typed error; the seed book alone applies to any day. A history is loaded from one
file of several books or from a folder, every problem of every book at its location, and the
calendar tables of all its books are merged.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_rules import (
    CalendarCoverageError,
    Customer,
    Deadline,
    DeadlineMode,
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    grade_customer,
)
from customer_rules._portfolio import SAMPLE_AS_OF, sample_portfolio
from customer_rules.book import PolicyHistory
from customer_rules.calendars import CalendarTable, CalendarYear
from customer_rules.cli import _core, main
from customer_rules.cli.policy import PolicyText
from customer_rules.cn_calendar import china_working_days
from customer_rules.config import (
    dump_book,
    dump_history,
    load_book,
    load_history,
    read_book,
    read_history,
    structure_history,
)
from customer_rules.grading import ScorecardFacts, StrategicInfluence, score
from customer_rules.reasons import render_message
from customer_rules.testing import days, malformed_values, policy_books

D = dt.date
CN = china_working_days()

B2026 = PolicyBook(version="2026", effective=D(2026, 1, 1))
B2027 = PolicyBook(
    version="2027",
    effective=D(2027, 1, 1),
    grading={"scorecard": {"total_cutoffs": {"A": 15}}},
)
B2028 = PolicyBook(version="2028", effective=D(2028, 7, 1))
HISTORY = PolicyHistory([B2028, B2026, B2027])  # in any order

# An illustrative 2027 arrangement, as a company copies the State Council's notice into its book.
Y2027 = {
    "year": 2027,
    "holidays": ["2027-01-01", *(f"2027-02-{d:02}" for d in range(6, 13)), "2027-04-05"],
    "makeup_workdays": ["2027-01-31", "2027-02-20"],
}

TWO_BOOKS = """\
[[book]]
version = "2026"
effective = 2026-01-01

[[book]]
version = "2027"
effective = 2027-01-01
[book.grading.scorecard.total_cutoffs]
A = 15
[[book.calendar.years]]
year = 2027
holidays = [2027-01-01, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11,
            2027-02-12, 2027-04-05]
makeup_workdays = [2027-01-31, 2027-02-20]
"""


# --------------------------------------------------------------------------- the book in force


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (D(2026, 1, 1), "2026"),  # the first book's effective date: in force
        (D(2026, 12, 31), "2026"),  # the day before the next book
        (D(2027, 1, 1), "2027"),  # "not after": the effective date itself
        (D(2028, 6, 30), "2027"),
        (D(2028, 7, 1), "2028"),
        (D(2999, 12, 31), "2028"),
    ],
)
def test_the_book_in_force_on_each_side_of_each_effective_date(day: dt.date, version: str) -> None:
    book = HISTORY.in_force(day)
    assert book.version == version
    assert (book.grading.version, book.grading.effective) == (version, book.effective)


def test_a_day_before_the_first_book_is_a_typed_error() -> None:
    with pytest.raises(InputError) as info:
        HISTORY.in_force(D(2025, 12, 31))
    assert str(info.value) == (
        "on: expected a day on or after 2026-01-01, when the first book of the policy history"
        " takes effect (version '2026'), got datetime.date(2025, 12, 31)"
    )
    assert info.value.field == "on"


def test_the_seed_book_alone_applies_to_any_day() -> None:
    seed = PolicyHistory([PolicyBook()])
    assert seed.in_force(D(1900, 1, 1)) == PolicyBook()
    assert seed.in_force(D(2999, 12, 31)) == PolicyBook()
    # a dated book alone applies from its date on: a 2027 book does not grade 2026-06-30
    alone = PolicyHistory([B2027])
    assert alone.in_force(D(2027, 1, 1)) is B2027
    with pytest.raises(InputError, match="on or after 2027-01-01"):
        alone.in_force(D(2026, 6, 30))
    # in a history of several books, the seed book is in force from its effective date
    with_seed = PolicyHistory([PolicyBook(), B2027])
    assert with_seed.in_force(D(2026, 1, 1)).version == "seed"
    with pytest.raises(InputError):
        with_seed.in_force(D(2025, 12, 31))


def test_books_are_kept_by_effective_date() -> None:
    assert [b.version for b in HISTORY.books] == ["2026", "2027", "2028"]
    assert HISTORY.locations == ("book[1]", "book[2]", "book[0]")
    assert HISTORY.latest is B2028
    assert PolicyHistory([B2026, B2027, B2028]) == HISTORY


def test_history_problems_are_located() -> None:
    twin = PolicyBook(version="2026", effective=D(2026, 1, 1), grading=B2027.grading)
    with pytest.raises(PolicyError) as info:
        PolicyHistory([B2026, B2027, twin])
    assert [str(p) for p in info.value.problems] == [
        "book[2].effective: expected a day of its own, got 2026-01-01, when book[0] (version"
        " '2026') takes effect too",
        "book[2].version: expected a label of its own, got '2026', the label of book[0] too",
    ]


def test_what_is_not_a_list_of_books_is_refused() -> None:
    with pytest.raises(PolicyError, match=r"^book: expected at least one policy book, got none$"):
        PolicyHistory([])
    with pytest.raises(PolicyError) as info:
        PolicyHistory([B2026, "2027.toml", None])
    assert [p.path for p in info.value.problems] == ["book[1]", "book[2]"]
    with pytest.raises(PolicyError, match=r"^book: expected a list of PolicyBook values"):
        PolicyHistory("2027.toml")  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match=r"^locations: "):
        PolicyHistory([B2026], locations=["a", "b"])
    assert PolicyHistory(B2026).books == (B2026,)  # type: ignore[arg-type]


@given(malformed_values(), malformed_values())
def test_a_history_refuses_junk_with_a_policy_error(books: object, locations: object) -> None:
    with pytest.raises(PolicyError) as info:
        PolicyHistory(books, locations=locations)  # type: ignore[arg-type]
    assert all(p.message for p in info.value.problems)


@given(malformed_values())
def test_in_force_refuses_junk_with_an_input_error(value: object) -> None:
    if type(value) is dt.date and D(2026, 1, 1) <= value <= D(2999, 12, 31):
        assert HISTORY.in_force(value).effective <= value
        return
    with pytest.raises(InputError) as info:
        HISTORY.in_force(value)  # type: ignore[arg-type]
    assert info.value.field == "on"


@given(st.lists(days(D(2000, 1, 1), D(2030, 12, 31)), min_size=1, max_size=6, unique=True), days())
def test_in_force_is_the_latest_book_not_after_the_day(starts: list[dt.date], day: dt.date) -> None:
    history = PolicyHistory(
        [PolicyBook(version=f"v{i}", effective=start) for i, start in enumerate(starts)]
    )
    if day < min(starts):
        with pytest.raises(InputError):
            history.in_force(day)
        return
    book = history.in_force(day)
    assert book.effective == max(s for s in starts if s <= day)
    assert history.in_force(day) is book  # deterministic
    later = history.in_force(day + dt.timedelta(days=1))
    assert later.effective >= book.effective  # monotonic in the day


# --------------------------------------------------------------------------- loading


def test_one_file_of_several_books() -> None:
    history = load_history(TWO_BOOKS)
    assert [(b.version, b.effective) for b in history.books] == [
        ("2026", D(2026, 1, 1)),
        ("2027", D(2027, 1, 1)),
    ]
    assert history.in_force(D(2026, 12, 31)).grading.scorecard.total_cutoffs.A == 14
    assert history.in_force(D(2027, 1, 1)).grading.scorecard.total_cutoffs.A == 15
    data = json.loads(dump_history(history, "json"))
    assert load_history(json.dumps(data), "json") == history
    assert load_history(json.dumps({"book": data}), "json") == history
    assert structure_history(data) == history


def test_a_file_of_one_book_is_a_history_of_one_book() -> None:
    history = load_history('version = "2027"\neffective = 2027-01-01\n')
    assert history.books == (load_book('version = "2027"\neffective = 2027-01-01\n'),)
    with pytest.raises(PolicyError) as info:
        load_history('[grading.scorecard.total_cutoffs]\nA = "x"\n')
    assert [p.path for p in info.value.problems] == ["grading.scorecard.total_cutoffs.A"]


def test_every_problem_of_every_book_at_its_path() -> None:
    text = """\
note = "x"
[[book]]
version = "2026"
[book.grading.scorecard.total_cutoffs]
A = "fourteen"
[[book]]
version = "2027"
effective = 2027-01-01
[[book]]
version = "2028"
effective = "2028-13-01"
[book.grading.deal_size]
b_min = "90万"
"""
    with pytest.raises(PolicyError) as info:
        load_history(text)
    assert [str(p) for p in info.value.problems] == [
        "note: unknown key; a file of several books holds only [[book]] tables",
        "book[0].grading.scorecard.total_cutoffs.A: expected an integer, got 'fourteen'",
        "book[2].effective: expected an ISO date YYYY-MM-DD, got '2028-13-01'",
        "book[2].grading.deal_size.b_min: expected less than a_min (800000), got 900000",
    ]


def test_problems_of_the_history_in_a_file_are_located() -> None:
    text = TWO_BOOKS + '[[book]]\nversion = "2027b"\neffective = 2027-01-01\n'
    with pytest.raises(PolicyError) as info:
        load_history(text)
    assert [str(p) for p in info.value.problems] == [
        "book[2].effective: expected a day of its own, got 2027-01-01, when book[1] (version"
        " '2027') takes effect too"
    ]
    with pytest.raises(PolicyError, match=r"^book: expected a list of books"):
        structure_history({"book": {"version": "x"}})
    with pytest.raises(PolicyError, match=r"^book\[0\]: expected one book, got a list"):
        structure_history([[{"version": "x"}]])


def test_a_book_reader_points_to_the_history_reader(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as info:
        load_book(TWO_BOOKS)
    assert str(info.value) == (
        "book: a policy history (several books): load it with load_history or read_history"
        " (customer-rules --policy reads both)"
    )
    with pytest.raises(PolicyError, match="a folder of books is a history"):
        read_book(str(tmp_path))


def test_a_folder_of_book_files(tmp_path: Path) -> None:
    (tmp_path / "2026.toml").write_text('version = "2026"\neffective = 2026-01-01\n', "utf-8")
    (tmp_path / "2027.json").write_text(
        json.dumps({"version": "2027", "effective": "2027-01-01"}), "utf-8"
    )
    (tmp_path / ".hidden.toml").write_text("junk", "utf-8")
    (tmp_path / "notes.txt").write_text("junk", "utf-8")
    (tmp_path / "old.toml").mkdir()
    history = read_history(str(tmp_path))
    assert [b.version for b in history.books] == ["2026", "2027"]
    assert history.locations == ("2026.toml", "2027.json")


def test_every_problem_of_a_folder_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("[grading.scorecard.total_cutoffs]\nA = 'x'\n", "utf-8")
    (tmp_path / "b.toml").write_text("version = \n", "utf-8")
    (tmp_path / "c.json").write_bytes(b"\xff")
    with pytest.raises(PolicyError) as info:
        read_history(str(tmp_path))
    assert info.value.source == str(tmp_path)
    messages = [str(p) for p in info.value.problems]
    assert messages[0] == "a.toml: grading.scorecard.total_cutoffs.A: expected an integer, got 'x'"
    assert messages[1].startswith("b.toml: not valid TOML: ")
    assert messages[2] == "c.json: expected a UTF-8 text file; byte 0 is not UTF-8"
    for name in ("a.toml", "b.toml", "c.json"):
        (tmp_path / name).unlink()
    (tmp_path / "a.toml").write_text('version = "x"\neffective = 2027-01-01\n', "utf-8")
    (tmp_path / "b.toml").write_text('version = "y"\neffective = 2027-01-01\n', "utf-8")
    with pytest.raises(PolicyError) as info:
        read_history(str(tmp_path))
    assert [str(p) for p in info.value.problems] == [
        "b.toml: effective: expected a day of its own, got 2027-01-01, when a.toml (version"
        " 'x') takes effect too"
    ]


def test_an_empty_or_missing_folder_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"expected policy books .* in the folder, found none"):
        read_history(str(tmp_path))
    with pytest.raises(PolicyError, match="cannot read the file"):
        read_history(str(tmp_path / "missing"))


@settings(max_examples=min(settings().max_examples, 200))
@given(st.lists(policy_books(), min_size=1, max_size=3))
def test_every_history_round_trips_through_toml_and_json(books: list[PolicyBook]) -> None:
    unique: dict[dt.date, PolicyBook] = {}
    for book in books:
        if book.effective not in unique and all(b.version != book.version for b in unique.values()):
            unique[book.effective] = book
    history = PolicyHistory(list(unique.values()))
    assert load_history(dump_history(history, "toml"), "toml") == history
    assert load_history(dump_history(history, "json"), "json") == history


def test_dump_history_refuses_what_is_not_a_history() -> None:
    with pytest.raises(PolicyError, match=r"^history: "):
        dump_history(B2026)  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match=r"^format: "):
        dump_history(HISTORY, "yaml")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- calendar data


REPORTING_IN_WORKING_DAYS = {
    "reporting": {"supervisor_deadline": {"days": 2, "mode": "working_days"}}
}


def test_a_deadline_under_the_2026_book_reaches_into_the_2027_books_table() -> None:
    book2026 = PolicyBook(version="2026", grading=REPORTING_IN_WORKING_DAYS)
    book2027 = PolicyBook(
        version="2027",
        effective=D(2027, 1, 1),
        grading=REPORTING_IN_WORKING_DAYS,
        calendar={"years": [Y2027]},
    )
    history = PolicyHistory([book2026, book2027])
    assert history.calendar.covered_years == {2027}
    calendar = history.working_calendar(CN)
    # the 2026 book is in force on 28 December 2026; its deadline runs over New Year
    assert history.in_force(D(2026, 12, 28)) is history.books[0]
    five = Deadline(5, DeadlineMode.WORKING_DAYS)
    assert five.due(D(2026, 12, 28), calendar) == D(2027, 1, 5)
    with pytest.raises(CalendarCoverageError):
        five.due(D(2026, 12, 28), CN)
    # and so does grading: a grade-A customer's March report is handed on in April 2027
    customer = sample_portfolio().customers[0]
    policy = history.in_force(SAMPLE_AS_OF).grading
    with pytest.raises(CalendarCoverageError):
        grade_customer(customer, policy, on=SAMPLE_AS_OF, calendar=CN)
    result = grade_customer(customer, policy, on=SAMPLE_AS_OF, calendar=calendar)
    assert result.report is not None
    assert (result.report.next_due, result.report.supervisor_due) == (
        D(2027, 3, 31),
        D(2027, 4, 2),
    )
    assert result.policy_version == "2026"


def test_the_tables_of_all_books_are_merged_and_a_conflict_is_located() -> None:
    with_2027 = attrs.evolve(B2026, calendar={"years": [Y2027]})
    weekend_listed = {**Y2027, "holidays": [*Y2027["holidays"], "2027-01-02"]}
    agreeing = attrs.evolve(B2027, calendar={"years": [weekend_listed, {"year": 2028}]})
    merged = PolicyHistory([with_2027, agreeing]).calendar
    assert merged.covered_years == {2027, 2028}
    assert D(2027, 1, 2) in merged.years[0].holidays
    wrong = {**Y2027, "holidays": [d for d in Y2027["holidays"] if d != "2027-04-05"]}
    with pytest.raises(PolicyError) as info:
        PolicyHistory([with_2027, attrs.evolve(B2027, calendar={"years": [wrong]})])
    assert [str(p) for p in info.value.problems] == [
        "book[1].calendar.years[0]: 2027 disagrees with the calendar table of book[0] (version"
        " '2026') on 1 day(s): 2027-04-05 (working here, a rest day there)"
    ]


def test_a_table_that_disagrees_with_the_package_is_located() -> None:
    noted = CN.year_table(2026)
    wrong = CalendarYear(2026, noted.holidays | {D(2026, 10, 8)}, noted.makeup_workdays)
    book = attrs.evolve(B2027, calendar=CalendarTable([Y2027, wrong]))
    expected = (
        "calendar.years[1]: 2026 disagrees with China (chinesecalendar) on 1 day(s): 2026-10-08"
        " (a rest day here, working there)"
    )
    with pytest.raises(PolicyError) as info:
        book.working_calendar(CN)
    assert [str(p) for p in info.value.problems] == [expected]
    with pytest.raises(PolicyError) as info:
        PolicyHistory([B2026, book]).working_calendar(CN)
    assert [str(p) for p in info.value.problems] == ["book[1]." + expected]
    with pytest.raises(InputError, match=r"^base: "):
        book.working_calendar(None)  # type: ignore[arg-type]


def test_a_book_table_round_trips_through_toml() -> None:
    book = attrs.evolve(B2027, calendar={"years": [Y2027]})
    assert load_book(TWO_BOOKS.split("[[book]]")[2].replace("book.", "")) == book
    assert load_book(dump_book(book)) == book
    assert "\n[[calendar.years]]\nyear = 2027  # [default] years" in dump_book(book)


# --------------------------------------------------------------------------- the command line


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_policy_texts_render_exactly_in_both_languages() -> None:
    facts = {"path": "h.toml", "count": 2, "books": "B", "version": "2027"}
    facts |= {"effective": "2027-01-01", "years": "2027", "format": "toml"}
    assert {
        code: (render_message(code, "zh", **facts), render_message(code, "en", **facts))
        for code in PolicyText
    } == {
        PolicyText.VALID_HISTORY: ("h.toml:有效(2 本政策书:B)", "h.toml: valid (2 books: B)"),
        PolicyText.BOOK: ("版本 2027,2027-01-01 起生效", "version 2027 from 2027-01-01"),
        PolicyText.BOOK_SEP: (";", "; "),
        PolicyText.CALENDAR_YEARS: (
            "h.toml:自带日历数据(2027 年)",
            "h.toml: calendar tables for 2027",
        ),
        PolicyText.WRITTEN_HISTORY: (
            "h.toml:已写入(toml,2 本政策书)",
            "h.toml: written (toml, 2 books)",
        ),
    }


def test_validate_a_file_of_several_books(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.toml"
    path.write_text(TWO_BOOKS, encoding="utf-8")
    assert run(capsys, "policy", "validate", str(path), "--lang", "en") == (
        0,
        f"{path}: valid (2 books: version 2026 from 2026-01-01; version 2027 from 2027-01-01)\n"
        f"{path}: calendar tables for 2027\n",
        "",
    )
    assert run(capsys, "policy", "validate", str(path)) == (
        0,
        f"{path}:有效(2 本政策书:版本 2026,2026-01-01 起生效;版本 2027,2027-01-01 起生效)\n"
        f"{path}:自带日历数据(2027 年)\n",
        "",
    )


def test_validate_a_folder_lists_every_problem_with_its_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "2026.toml").write_text("[grading.scorecard.total_cutoffs]\nA = 'x'\n", "utf-8")
    (tmp_path / "2027.toml").write_text("[grading.deal_size]\nb_min = '90万'\n", "utf-8")
    code, out, err = run(capsys, "policy", "validate", str(tmp_path), "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{tmp_path}: 2026.toml: grading.scorecard.total_cutoffs.A: expected an integer, got 'x'",
        f"{tmp_path}: 2027.toml: grading.deal_size.b_min: expected less than a_min (800000),"
        " got 900000",
        f"{tmp_path}: invalid (2 problems)",
    ]


def test_validate_checks_the_tables_against_the_package(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "book.toml"
    path.write_text("[[calendar.years]]\nyear = 2026\nholidays = [2026-10-08]\n", "utf-8")
    code, out, err = run(capsys, "policy", "validate", str(path), "--lang", "en")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(
        f"{path}: calendar.years[0]: 2026 disagrees with China (chinesecalendar) on 26 day(s): "
    )
    assert lines[1] == f"{path}: invalid (1 problem)"


def test_show_and_dump_a_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "history.toml"
    path.write_text(TWO_BOOKS, encoding="utf-8")
    code, out, _ = run(capsys, "policy", "show", "--policy", str(path))
    assert code == 0
    assert out.count("\n[[book]]\n") == 2
    assert load_history(out) == read_history(str(path))
    code, out, _ = run(capsys, "policy", "show", "--policy", str(path), "--as-of", "2026-12-31")
    assert load_book(out) == read_history(str(path)).books[0]
    code, out, err = run(capsys, "policy", "show", "--policy", str(path), "--as-of", "2025-06-30")
    assert (code, out) == (2, "")
    assert err == (
        f"customer-rules: error: {path}: no policy book is in force on 2025-06-30: the first"
        " (2026) takes effect on 2026-01-01\n"
    )
    target = tmp_path / "history.json"
    code, out, err = run(capsys, "policy", "dump", "--policy", str(path), "--output", str(target))
    assert (code, out, err) == (0, "", f"{target}:已写入(json,2 本政策书)\n")
    assert read_history(str(target)) == read_history(str(path))
    code, _, err = run(
        capsys, "policy", "dump", "--policy", str(path), "--as-of", "2027-01-01", "--output",
        str(tmp_path / "b.toml"), "--lang", "en",
    )  # fmt: skip
    assert (code, err) == (0, f"{tmp_path / 'b.toml'}: written (toml, version 2027)\n")


def test_the_core_gives_the_book_in_force_and_the_merged_calendar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.toml"
    path.write_text(TWO_BOOKS, encoding="utf-8")
    assert _core.load_book(str(path)).version == "2027"  # the latest without a day
    assert _core.load_book(str(path), D(2026, 11, 30)).version == "2026"
    assert _core.load_book(None, D(1999, 1, 1)) == PolicyBook()
    with pytest.raises(_core.CommandError, match="no policy book is in force on 2025-12-31"):
        _core.load_book(str(path), D(2025, 12, 31))
    history = _core.load_history(str(path))
    calendar = _core.load_calendar("cn", history, str(path))
    assert Deadline(5, DeadlineMode.WORKING_DAYS).due(D(2026, 12, 28), calendar) == D(2027, 1, 5)
    assert _core.load_calendar("cn") is CN
    assert _core.load_calendar("days", history).is_working_day(D(2027, 1, 1))
    bad = tmp_path / "bad.toml"
    bad.write_text("[[calendar.years]]\nyear = 2026\nholidays = [2026-10-08]\n", "utf-8")
    with pytest.raises(_core.Exit) as info:
        _core.load_calendar("cn", _core.load_history(str(bad)), str(bad))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: calendar.years[0]: 2026 disagrees with China")
    with pytest.raises(_core.Exit):
        _core.load_calendar("cn", _core.load_history(str(bad)))
    assert capsys.readouterr().err.startswith("customer-rules: error: calendar.years[0]: 2026 ")


def test_grade_uses_the_book_in_force_on_the_day_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``grade --policy FOLDER`` grades each day under the book in force then (G6: yearly
    versions); a day before the first book is a usage error naming the file."""
    folder = tmp_path / "books"
    folder.mkdir()
    (folder / "2026.toml").write_text(
        'version = "2026"\neffective = 2026-01-01\n', encoding="utf-8"
    )
    (folder / "2027.toml").write_text(
        'version = "2027"\neffective = 2027-01-01\n[grading.scorecard.total_cutoffs]\nA = 16\n',
        encoding="utf-8",
    )

    def versions(day: str) -> set[str]:
        code = main(["grade", "--policy", str(folder), "--as-of", day, "--format", "jsonl"])
        out = capsys.readouterr().out
        assert code == 0
        return {json.loads(line)["policy_version"] for line in out.splitlines()}

    assert versions("2026-12-31") == {"2026"}
    assert versions("2027-01-01") == {"2027"}
    code = main(["grade", "--policy", str(folder), "--as-of", "2025-12-31"])
    err = capsys.readouterr().err
    assert code == 2
    assert "no policy book is in force on 2025-12-31" in err


def test_every_dated_rule_refuses_a_day_before_its_book() -> None:
    """G6: a book applies from its effective date; a rule asked about an earlier day under it
    refuses with an error naming ``on`` (the seed book applies to any day)."""
    from customer_rules.grading import (
        CustomerCategory,
        Grade,
        check_eligibility,
        contract_window,
        designate_key_customer,
        exit_big_customer,
        next_regrade_review,
        regrade,
        report_schedule,
        rules_review_due,
        service_tier,
        weekly_report,
    )

    policy = load_book('version = "2027"\neffective = 2027-01-01\n').grading
    before, on_the_day = dt.date(2026, 12, 31), dt.date(2027, 1, 1)
    calls = [
        lambda day: check_eligibility(None, None, policy, on=day),
        lambda day: contract_window(policy, on=day),
        lambda day: designate_key_customer([], policy, on=day),
        lambda day: exit_big_customer(CustomerCategory.BIG, policy, on=day, still_qualifies=True),
        lambda day: grade_customer(Customer("C1"), policy, on=day),
        lambda day: next_regrade_review(policy, on=day),
        lambda day: regrade(Grade.C, Grade.B, policy, on=day),
        lambda day: report_schedule(Grade.A, policy, on=day),
        lambda day: rules_review_due(dt.date(2026, 1, 1), policy, on=day),
        lambda day: service_tier(CustomerCategory.BIG, Grade.A, policy, on=day),
        lambda day: weekly_report(policy, on=day),
        lambda day: score(
            ScorecardFacts("1", True, "1", "1", StrategicInfluence.KEY), policy, on=day
        ),
    ]
    for call in calls:
        call(on_the_day)
        with pytest.raises(InputError) as info:
            call(before)
        assert info.value.field == "on"
        assert "effective date 2027-01-01 (version '2027')" in str(info.value)
    seed = PolicyBook().grading
    assert weekly_report(seed, on=dt.date(1990, 1, 1)).due == dt.date(1990, 1, 5)


def test_grade_customer_counts_the_new_customer_year_from_registration_when_asked() -> None:
    """G3 "一年之内": from the first contract [default] or from registration (a parameter);
    the customer's registered_on is used, and a registration after the day is refused."""
    from customer_rules.grading import NewCustomerFrom

    customer = Customer(
        "C1",
        first_trade=dt.date(2025, 1, 1),
        developed_on=dt.date(2025, 1, 1),
        registered_on=dt.date(2025, 9, 1),
    )
    day = dt.date(2026, 3, 1)
    by_contract = grade_customer(customer, GradingPolicy(), on=day)
    assert not by_contract.eligibility.new_customer
    by_registration = GradingPolicy(eligibility={"new_customer_from": "registration"})
    assert by_registration.eligibility.new_customer_from is NewCustomerFrom.REGISTRATION
    result = grade_customer(customer, by_registration, on=day)
    assert result.eligibility.new_customer
    assert result.eligibility.new_until == dt.date(2026, 8, 31)
    with pytest.raises(InputError) as info:
        grade_customer(customer, GradingPolicy(), on=dt.date(2025, 8, 31))
    assert [p.path for p in info.value.problems] == ["registered_on"]


def test_results_carry_the_effective_date_of_the_book_that_decided() -> None:
    """G6: a stored result says which book decided — its version and its effective date — and
    reading it back under another book is refused."""
    from customer_rules.grading import CustomerGrade
    from customer_rules.interchange import from_data, to_data

    book = load_book('version = "2027"\neffective = 2027-01-01\n')
    day = dt.date(2027, 3, 31)
    result = grade_customer(Customer("C1", first_trade=dt.date(2020, 1, 1)), book.grading, on=day)
    assert (result.policy_version, result.policy_effective) == ("2027", dt.date(2027, 1, 1))
    assert result.eligibility.policy_effective == dt.date(2027, 1, 1)
    data = json.loads(json.dumps(to_data(result)))
    assert (data["policy_version"], data["policy_effective"]) == ("2027", "2027-01-01")
    assert from_data(CustomerGrade, data, policy=book.grading) == result
    other = load_book('version = "2027"\neffective = 2027-02-01\n').grading
    with pytest.raises(InputError) as info:
        from_data(CustomerGrade, data, policy=other)
    assert info.value.field == "policy_effective"
    seed = grade_customer(Customer("C1"), PolicyBook().grading, on=day)
    assert seed.policy_effective is None


def test_every_result_records_the_book_that_decided_and_what_it_was_asked() -> None:
    """Every result of every rule records the version and effective date of the book that
    decided (G6), and the mode or day it was decided with — stored keys a host relies on."""
    from customer_rules.grading import (
        KEY_CUSTOMER,
        BigCustomerFacts,
        BigCustomerProfile,
        CriteriaMode,
        CustomerCategory,
        Grade,
        PurchaseFrequency,
        big_customer_level,
        check_eligibility,
        classify_category,
        contract_window,
        deal_size_type,
        designate_key_customer,
        exit_big_customer,
        regrade,
        report_schedule,
        rules_review_due,
        service_tier,
        weekly_report,
    )
    from customer_rules.roles import Approval, Role

    book = load_book(
        'version = "2027"\neffective = 2027-01-01\n[grading.eligibility]\nbig_criteria = "all"\n'
    )
    policy, day = book.grading, dt.date(2027, 6, 30)
    sign = Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, day)
    results = [
        *(deal_size_type(amount, policy) for amount in ("80万", "40万", "20万", "1")),
        score(ScorecardFacts("1", True, "1", "1", StrategicInfluence.KEY), policy, on=day),
        classify_category(BigCustomerFacts(industry_renown=True), policy),
        classify_category(CustomerCategory.BIG, policy),
        check_eligibility(None, None, policy, on=day),
        big_customer_level(BigCustomerProfile("1", PurchaseFrequency.IRREGULAR, 0), policy),
        big_customer_level(BigCustomerProfile("2000万", PurchaseFrequency.MONTHLY, 20), policy),
        designate_key_customer([sign], policy, on=day),
        service_tier(CustomerCategory.BIG, Grade.A, policy, on=day),
        report_schedule(Grade.A, policy, on=day),
        weekly_report(policy, on=day),
        regrade(Grade.C, Grade.B, policy, on=day),
        exit_big_customer(CustomerCategory.BIG, policy, on=day, still_qualifies=False),
        rules_review_due(dt.date(2027, 1, 1), policy, on=day),
        contract_window(policy, on=day),
        grade_customer(Customer("C1"), policy, on=day),
    ]
    for result in results:
        assert result.policy_version == "2027", result  # type: ignore[attr-defined]
        assert result.policy_effective == dt.date(2027, 1, 1), result  # type: ignore[attr-defined]
    assert [r.mode for r in results[5:7]] == [CriteriaMode.ALL, CriteriaMode.ALL]  # type: ignore[attr-defined]
    assert weekly_report(policy, on=day).on == day


def test_fact_dates_on_the_grading_day_itself_are_accepted() -> None:
    """grade_customer refuses fact dates *after* the day asked about, not the day itself."""
    day = dt.date(2026, 11, 30)
    customer = Customer("C1", first_trade=day, developed_on=day, last_visit=day, registered_on=day)
    result = grade_customer(customer, GradingPolicy(), on=day)
    assert result.eligibility.eligible_from == dt.date(2027, 5, 30)
    assert not result.eligibility.eligible
