"""``customer-rules service calendar|churn|reception`` (S4, S5, S1) through ``main([...])``: the
shipped samples with no arguments, agreement with the Python API, located errors for bad rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from customer_rules import InputError
from customer_rules._service.columns import (
    CARE_COLUMNS,
    CHURN_COLUMNS,
    SAMPLE_AS_OF,
    SAMPLE_FROM,
    SAMPLE_TO,
    VISIT_COLUMNS,
    VisitRow,
    sample_text,
    visit_request,
)
from customer_rules.cli import main
from customer_rules.cli.service import (
    CALENDAR_CSV_COLUMNS,
    CHURN_CSV_COLUMNS,
    RECEPTION_CSV_COLUMNS,
)
from customer_rules.roles import Approval, Role
from customer_rules.rows import parse_rows
from customer_rules.service import (
    PHOTOGRAPHY,
    VISIT_INSTRUCTION,
    AreaPasses,
    ServicePolicy,
    VisitArea,
    VisitInstruction,
    VisitorClass,
    VisitRequest,
    care_calendar,
    churn_warning,
    receive_visit,
)
from refusals import problems_of


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _values(columns: object, name: str) -> list[object]:
    with parse_rows(sample_text(name), columns) as rows:  # type: ignore[arg-type]
        found = []
        for row in rows:
            assert row.value is not None, [str(p) for p in row.problems]
            found.append(row.value)
        return found


# --------------------------------------------------------------------------- the samples


@pytest.mark.parametrize("action", ["calendar", "churn", "reception"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_command_runs_on_its_sample_with_no_arguments(
    capsys: pytest.CaptureFixture[str], action: str, lang: str
) -> None:
    code, out, err = run(capsys, "service", action, "--lang", lang)
    assert code == 0, err
    assert err == ""
    assert out.splitlines()[1].startswith("政策版本 seed" if lang == "zh" else "policy seed")


def test_the_calendar_is_the_apis_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "service", "calendar", "--format", "csv", "--lang", "en")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(CALENDAR_CSV_COLUMNS)
    api = care_calendar(
        _values(CARE_COLUMNS, "customers"), ServicePolicy(), start=SAMPLE_FROM, end=SAMPLE_TO
    )  # type: ignore[arg-type]
    assert [(r["day"], r["customer"], r["kind"]) for r in rows] == [
        (e.day.isoformat(), e.customer, e.kind.value) for e in api.entries
    ]
    assert all(SAMPLE_FROM.isoformat() <= r["day"] <= SAMPLE_TO.isoformat() for r in rows)


def test_the_calendar_range_is_chosen_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys,
        "service",
        "calendar",
        "--from",
        "2027-01-01",
        "--to",
        "2027-01-01",
        "--format",
        "jsonl",
    )
    assert code == 0
    items = [json.loads(line) for line in out.splitlines()]
    assert {i["day"] for i in items} == {"2027-01-01"}
    assert {i["occasion"] for i in items if i["kind"] == "holiday"} == {"new_year"}
    code, _, err = run(capsys, "service", "calendar", "--from", "2027-01-02", "--to", "2027-01-01")
    assert code == 2
    assert "--to 2027-01-01" in err


def test_churn_is_the_apis_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "service", "churn", "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert list(items[0]) == list(CHURN_CSV_COLUMNS)
    api = [
        churn_warning(f, ServicePolicy(), on=SAMPLE_AS_OF) for f in _values(CHURN_COLUMNS, "churn")
    ]  # type: ignore[arg-type]
    assert [(i["customer"], i["level"], i["signals"]) for i in items] == [
        (w.facts.customer, w.level.value, [s.value for s in w.signals]) for w in api
    ]
    assert {i["level"] for i in items} == {"none", "watch", "at_risk", "churned"}


def test_reception_is_the_apis_decision(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "service", "reception", "--format", "jsonl", "--lang", "en")
    assert code == 0
    items = [json.loads(line) for line in out.splitlines()]
    assert list(items[0]) == list(RECEPTION_CSV_COLUMNS)
    api = [
        receive_visit(visit_request(r), ServicePolicy()) for r in _values(VISIT_COLUMNS, "visits")
    ]  # type: ignore[arg-type]
    assert [(i["id"], i["received"], i["refusals"]) for i in items] == [
        (d.request.id, d.received, [x.value for x in d.refusals]) for d in api
    ]
    refused = {i["id"]: i["refusals"] for i in items if not i["received"]}
    assert refused["V-03"] == ["small_group", "no_pass"]
    assert refused["V-02"] == ["late_booking"]


def test_the_table_summarises_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "service", "reception")
    assert out.rstrip().splitlines()[-1].startswith("共 8 批来访:接待 5,不予接待 3")
    _, out, _ = run(capsys, "service", "churn", "--lang", "en")
    assert (
        out.rstrip().splitlines()[-1] == "10 customers: no warning 1, watch 4, at risk 3, churned 2"
    )


# --------------------------------------------------------------------------- malformed files


def test_a_bad_row_is_reported_with_its_line_and_the_rest_processed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "churn.csv"
    path.write_text(
        "客户编号,最近下单,本期销售,去年同期销售,未结投诉\n"
        "C1,2026-11-01,100,200,0\n"
        "C2,2026-13-01,100,200,0\n"
        "C3,2026-11-01,1.5.0,200,x\n"
        "C4,2026-12-31,100,200,0\n"
        "C5,2026-06-01,0,200,3\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys,
        "service",
        "churn",
        "--input",
        str(path),
        "--as-of",
        "2026-11-30",
        "--format",
        "jsonl",
    )
    assert code == 1
    assert [json.loads(line)["customer"] for line in out.splitlines()] == ["C1", "C5"]
    lines = err.splitlines()
    assert lines[0].startswith("line 3: last_order: expected an ISO date")
    assert lines[1].startswith("line 4: sales:")
    assert lines[2].startswith("line 4: open_complaints:")
    assert (
        lines[3] == "line 5: last_order: expected a day on or before on (2026-11-30),"
        " got datetime.date(2026, 12, 31)"
    )


def test_a_visit_row_names_the_column_of_each_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "visits.csv"
    path.write_text(
        "id,visitor,visitor_class,group_size,areas,booked_on,visit_on,approved_by,approver_role,approved_on,allowed_areas\n"
        "V1,甲,important,8,生产车间;车库,2026-12-01,2026-12-08,赵总,general_manager,2026-12-02,生产车间:x\n"
        "V2,乙,big,8,厂区,2026-12-01,2026-12-08,赵总,,2026-12-02,厂区\n"
        "V3,丙,big,8,厂区,2026-12-09,2026-12-08,,,,\n"
        "V4,丁,big,8,厂区;厂区,2026-12-01,2026-12-08,赵总,general_manager,2026-12-02,厂区\n"
        "V5,戊,big,8,厂区,2026-12-01,2026-12-08,赵总,general_manager,2026-12-02,厂区\n",
        encoding="gbk",
    )
    code, out, err = run(capsys, "service", "reception", "--input", str(path), "--format", "csv")
    assert code == 1
    assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ["V5"]
    lines = err.splitlines()
    assert lines[0].startswith("line 2: areas: expected a VisitArea")
    assert lines[1].startswith("line 2: allowed_areas: expected an integer")
    assert lines[2].startswith("line 3: approver_role: expected a value")
    assert lines[3].startswith("line 4: visit_on: expected a day on or after booked_on")
    assert lines[4].startswith("line 5: areas: expected each area once")


def test_a_header_without_a_required_column_stops_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("id,name\nC1,甲\n", encoding="utf-8")
    code, out, err = run(capsys, "service", "calendar", "--input", str(path))
    assert code == 2
    assert out == ""
    assert "category" in err


def test_a_bad_calendar_row_and_unknown_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(
        "\ufeffid,category,grade,extra\nC1,大客户,A,1\nC2,huge,A,2\nC3,普通客户,B,3\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys,
        "service",
        "calendar",
        "--input",
        str(path),
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
        "--format",
        "csv",
    )
    assert code == 1
    assert {row["customer"] for row in csv.DictReader(io.StringIO(out))} == {"C1", "C3"}
    assert err.splitlines()[0].startswith("warning: line 1: extra")
    assert err.splitlines()[1].startswith("line 3: category: expected a CustomerCategory")
    code, _, err = run(capsys, "service", "calendar", "--input", str(path), "--strict")
    assert code == 1


def test_a_policy_book_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    book = tmp_path / "book.toml"
    book.write_text('version = "2026b"\n[service.churn]\ninactive_days = 30\n', encoding="utf-8")
    code, out, _ = run(capsys, "service", "churn", "--policy", str(book), "--format", "jsonl")
    assert code == 0
    items = [json.loads(line) for line in out.splitlines()]
    assert {i["policy_version"] for i in items} == {"2026b"}
    assert "inactive" in next(i for i in items if i["customer"] == "C005")["signals"]  # 51 days
    bad = tmp_path / "bad.toml"
    bad.write_text("[service.churn]\ninactive_days = -1\n", encoding="utf-8")
    code, _, err = run(capsys, "service", "churn", "--policy", str(bad))
    assert code == 2
    assert "service.churn.inactive_days" in err


def test_service_alone_prints_its_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "service")
    assert code == 2
    assert "calendar" in err
    assert "reception" in err


def test_bom_is_for_csv_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "service", "churn", "--format", "csv", "--bom")
    assert code == 0
    assert out.startswith("\ufeffcustomer,")
    code, _, _ = run(capsys, "service", "churn", "--bom")
    assert code == 2


def test_the_sample_dates_are_the_samples() -> None:
    assert dt.date(2026, 11, 30) == SAMPLE_AS_OF
    assert (dt.date(2026, 12, 1), dt.date(2027, 2, 28)) == (SAMPLE_FROM, SAMPLE_TO)


# ----------------------------------------------------------------------- a visit row, cell by cell

_ROW = {
    "id": "V1",
    "visitor": "甲",
    "visitor_class": VisitorClass.BIG,
    "group_size": 8,
    "areas": "厂区",
    "booked_on": dt.date(2026, 12, 1),
    "visit_on": dt.date(2026, 12, 8),
}
_SIGNED = {
    "approved_by": "赵总",
    "approver_role": Role.GENERAL_MANAGER,
    "approved_on": dt.date(2026, 12, 2),
}
_AREA = (
    "a VisitArea: one of factory (厂区), workshop (生产车间), logistics (物流中心), technology"
    " (技术中心), research (研发中心), finished_goods (成品中心), marketing (营销中心),"
    " laboratory (实验中心), other (其他)"
)
_NEEDS = "a value: approved_by needs approver_role and approved_on"
_PHOTO_NEEDS = "a value: photo_permitted_by needs photo_permitter_role and photo_permitted_on"


def _row(**change: object) -> VisitRow:
    return VisitRow(**{**_ROW, **change})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "problems"),
    [
        pytest.param(
            {"areas": "车库;厂区;厂区;菜园"},
            [
                ("areas", "'车库'", _AREA),
                ("areas", "'厂区'", "each area once"),
                ("areas", "'菜园'", _AREA),
            ],
            id="areas-every-problem-of-the-cell",
        ),
        pytest.param(
            {"areas": "厂区;厂区;车库"},
            [("areas", "'厂区'", "each area once"), ("areas", "'车库'", _AREA)],
            id="areas-read-on-after-a-repeat",
        ),
        pytest.param({"areas": "车库"}, [("areas", "'车库'", _AREA)], id="areas-none-known"),
        pytest.param({"areas": " ; "}, [("areas", "' ; '", "at least one area")], id="areas-none"),
        pytest.param(
            {"areas": "生产车间:3"},
            [("areas", "'生产车间:3'", _AREA)],
            id="areas-asked-take-no-passes",
        ),
        pytest.param(
            {**_SIGNED, "allowed_areas": "生产车间:10=3"},
            [("allowed_areas", "'10=3'", "an integer")],
            id="allowed-areas-one-colon-splits",
        ),
        pytest.param(
            {**_SIGNED, "allowed_areas": "生产车间:2;车库"},
            [("allowed_areas", "'车库'", _AREA)],
            id="allowed-areas-unknown",
        ),
        pytest.param(
            {"allowed_areas": "厂区"},
            [("approved_by", None, "who signed the instruction that allows the areas")],
            id="allowed-areas-unsigned",
        ),
        pytest.param(
            {"approved_by": "赵总"},
            [("approver_role", None, _NEEDS), ("approved_on", None, _NEEDS)],
            id="instruction-without-role-and-day",
        ),
        pytest.param(
            {"approved_by": "赵总", "approver_role": Role.GENERAL_MANAGER},
            [("approved_on", None, _NEEDS)],
            id="instruction-without-day",
        ),
        pytest.param(
            {"approver_role": Role.GENERAL_MANAGER, "approved_on": dt.date(2026, 12, 2)},
            [("approved_by", None, _NEEDS)],
            id="instruction-without-signer",
        ),
        pytest.param(
            {**_SIGNED, "approved_on": dt.date(1800, 1, 1)},
            [
                (
                    "approved_on",
                    "datetime.date(1800, 1, 1)",
                    "a date from 1900-01-01 to 2999-12-31",
                )
            ],
            id="instruction-signed-in-1800",
        ),
        pytest.param(
            {"photo_permitted_on": dt.date(2026, 12, 2)},
            [
                ("photo_permitted_by", None, _PHOTO_NEEDS),
                ("photo_permitter_role", None, _PHOTO_NEEDS),
            ],
            id="photo-permission-without-signer",
        ),
        pytest.param(
            {"visit_on": dt.date(2026, 11, 30)},
            [
                (
                    "visit_on",
                    "datetime.date(2026, 11, 30)",
                    "a day on or after booked_on (2026-12-01)",
                )
            ],
            id="visit-before-booking",
        ),
    ],
)
def test_every_problem_of_a_visit_row_names_its_column(
    change: dict[str, object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(lambda: visit_request(_row(**change))) == problems


def test_a_visit_row_problem_reads_as_the_command_prints_it() -> None:
    """``line N: column: message`` — the message of a problem found by a fact class is kept."""
    with pytest.raises(InputError) as caught:
        visit_request(_row(**{**_SIGNED, "approved_on": dt.date(1800, 1, 1)}))
    assert [str(p) for p in caught.value.problems] == [
        "approved_on: expected a date from 1900-01-01 to 2999-12-31, got datetime.date(1800, 1, 1)"
    ]


def test_a_visit_row_is_the_request_every_cell_read() -> None:
    row = _row(
        areas=" 厂区 、 生产车间 / 营销中心|研发中心",
        contact="李四",
        photography=True,
        dignitaries=True,
        allowed_areas="厂区 = 3;生产车间:2 ;营销中心",
        photo_permitted_by="钱总",
        photo_permitter_role=Role.VP_IN_CHARGE,
        photo_permitted_on=dt.date(2026, 12, 3),
        led_by="张三",
        **_SIGNED,
    )
    assert visit_request(row) == VisitRequest(
        "V1",
        "甲",
        VisitorClass.BIG,
        8,
        (VisitArea.FACTORY, VisitArea.WORKSHOP, VisitArea.MARKETING, VisitArea.RESEARCH),
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 8),
        contact="李四",
        photography=True,
        dignitaries=True,
        instruction=VisitInstruction(
            Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, dt.date(2026, 12, 2)),
            (
                AreaPasses(VisitArea.FACTORY, 3),
                AreaPasses(VisitArea.WORKSHOP, 2),
                AreaPasses(VisitArea.MARKETING),
            ),
        ),
        photo_permission=Approval("钱总", Role.VP_IN_CHARGE, PHOTOGRAPHY, dt.date(2026, 12, 3)),
        led_by="张三",
    )


def test_a_signed_instruction_without_allowed_areas_allows_none() -> None:
    request = visit_request(_row(**_SIGNED))
    assert request.instruction == VisitInstruction(
        Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, dt.date(2026, 12, 2)), ()
    )
    assert (request.photo_permission, request.contact, request.led_by) == (None, None, None)
    assert visit_request(_row()).instruction is None


@pytest.mark.parametrize(
    "column", ["contact", "approved_by", "allowed_areas", "photo_permitted_by", "led_by"]
)
@pytest.mark.parametrize(("value", "given"), [(" ", "' '"), ("", "''"), (5, 5)])
def test_a_text_cell_of_a_visit_row_is_not_blank(column: str, value: object, given: object) -> None:
    assert problems_of(lambda: _row(**{column: value})) == [(column, given, "a non-empty text")]


@pytest.mark.parametrize(
    ("name", "given"),
    [("visit", "'visit'"), (["visits"], "['visits']"), (None, None), ({}, "{}")],
)
def test_only_the_shipped_samples_are_read(name: object, given: object) -> None:
    assert problems_of(lambda: sample_text(name)) == [  # type: ignore[arg-type]
        ("name", given, "one of ['churn', 'customers', 'visits']")
    ]


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("customers", "id,"),
        ("churn", "customer,"),
        ("visits", "id,visitor,visitor_class,group_size,areas,"),
    ],
)
def test_each_sample_is_its_csv_text(name: str, header: str) -> None:
    assert sample_text(name).startswith(header)


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"approver_role": "boss"}, "approver_role"),
        ({"approved_by": " "}, "approved_by"),
        ({"approved_on": "2026-12-02"}, "approved_on"),
    ],
)
def test_a_sign_off_problem_is_named_at_its_own_column(
    change: dict[str, object], column: str
) -> None:
    """A row built in Python (not read from CSV) with a bad sign-off cell: the problem names
    that cell's column, not the sign-off's date."""
    [(path, given, _)] = problems_of(lambda: visit_request(_row(**{**_SIGNED, **change})))
    assert (path, given) == (column, repr(change[column]))
