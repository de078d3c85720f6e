"""``customer-rules archives report|overdue|cedar`` (R1, R3–R5, R9, R11) through ``main([...])``:
the shipped samples with no arguments, the same answers as the library, located errors for bad
rows, every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import cedarpy
import pytest

from customer_rules._archives.columns import (
    FILE_COLUMNS,
    LOAN_COLUMNS,
    SAMPLE_AS_OF,
    sample_files_text,
    sample_loans_text,
)
from customer_rules.archives import ArchivesPolicy, cedar_policies, monthly_report, overdue_files
from customer_rules.cli import main
from customer_rules.cli.archives import FILES_CSV_COLUMNS, REPORT_CSV_COLUMNS
from customer_rules.rows import parse_rows


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _sample_loans() -> list[object]:
    with parse_rows(sample_loans_text(), LOAN_COLUMNS) as rows:
        return [r.value for r in rows]


def _sample_files() -> list[object]:
    with parse_rows(sample_files_text(), FILE_COLUMNS) as rows:
        return [r.value for r in rows]


# --------------------------------------------------------------------------- report (R5)


def test_report_runs_on_the_sample_with_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "archives", "report")
    assert (code, err) == (0, "")
    assert out.startswith("客户档案借出未归还月报(R5) 截至 2026-12-03(样例数据的日期")
    assert (
        "[R5] 截至 2026-12-03 借出未归还:原件 3 件、影印件 3 件,列明去向,于 2026-12-05 前呈交总经理"
        in out
    )
    assert "    L-2611-06 R-0045 原件 技术部 王工 2026-11-28 +5" in out
    assert "L-2611-01" not in out
    assert "L-2612-03" not in out


def test_report_records_are_the_librarys_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "archives", "report", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert tuple(rows[0]) == REPORT_CSV_COLUMNS
    report = monthly_report(_sample_loans(), ArchivesPolicy(), on=SAMPLE_AS_OF)  # type: ignore[arg-type]
    assert [r["loan"] for r in rows] == [line.loan.id for line in report.lines]
    assert [int(r["days_late"]) for r in rows] == [line.days_late for line in report.lines]
    _, out, _ = run(capsys, "archives", "report", "--format", "json", "--lang", "en")
    assert [r["where"] for r in json.loads(out)] == [line.where for line in report.lines]
    _, out, _ = run(capsys, "archives", "report", "--format", "jsonl", "--as-of", "2026-11-20")
    assert {json.loads(line)["loan"] for line in out.splitlines()} == {
        "L-2611-02",
        "L-2611-05",
        "L-2611-07",
    }


def test_report_on_a_malformed_file_names_every_bad_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "loans.csv"
    path.write_text(
        "借阅编号,档案编号,类型,借阅人,借出日期,状态\n"
        "L1,R1,原件,李,2026-12-01,借出\n"
        "L2,R2,photo,李,2026-12-01,out\n"
        "L3,R3,copy,李,2026-13-01,out\n"
        "L1,R1,copy,李,2026-12-01,out\n"
        "L5,R5,copy,李,2026-12-01,lost\n",
        encoding="gbk",
    )
    code, out, err = run(
        capsys, "archives", "report", "--loans", str(path), "--as-of", "2026-12-03", "--lang", "en"
    )
    assert code == 1
    assert err.splitlines() == [
        "line 3: item: expected a LoanItem: one of original (原件), copy (影印件), got 'photo'",
        "line 4: lent_on: expected an ISO date YYYY-MM-DD, got '2026-13-01'",
        "line 5: id: duplicate id 'L1' (first on line 2)",
        "line 6: state: expected a state of R4.copy: requested, approved, approved_outside, out,"
        " returned, incomplete, closed, refused, got 'lost'",
    ]
    assert "    L1 R1 original 李 2026-12-01 +2" in out  # the state given by its label
    assert "4 input problem(s), see stderr" in out


def test_report_without_the_required_columns_stops(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "loans.csv"
    path.write_text("id,file\nL1,R1\n", encoding="utf-8")
    code, out, err = run(capsys, "archives", "report", "--loans", str(path))
    assert (code, out) == (2, "")
    assert "header" in err
    assert "borrower" in err


def test_nothing_out_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "loans.csv"
    path.write_text(
        "id,file,item,borrower,lent_on,state\nL1,R1,original,李,2026-12-01,closed\n",
        encoding="utf-8-sig",
    )
    code, out, _ = run(
        capsys, "archives", "report", "--loans", str(path), "--as-of", "2026-12-03", "--lang", "en"
    )
    assert code == 0
    assert "nothing is out" in out
    assert "nothing overdue" in out


# --------------------------------------------------------------------------- overdue (R1)


def test_overdue_runs_on_the_sample_with_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "archives", "overdue", "--lang", "en")
    assert (code, err) == (0, "")
    assert "[R1] as of 2026-12-03, 2 of 8 file(s) are past their formalisation deadline" in out
    expected = overdue_files(_sample_files(), ArchivesPolicy(), on=SAMPLE_AS_OF)  # type: ignore[arg-type]
    _, out, _ = run(capsys, "archives", "overdue", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == FILES_CSV_COLUMNS
    assert [(r["file"], r["customer"], int(r["days_late"])) for r in rows] == [
        (s.file, name, s.days_late)
        for s, name in zip(expected.files, ["南方电讯", "西部矿业"], strict=True)
    ]


def test_overdue_with_working_days_and_a_later_day(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "archives", "overdue", "--format", "jsonl", "--as-of", "2026-12-10")
    assert [json.loads(line)["file"] for line in out.splitlines()] == [
        "R-0045",
        "R-0050",
        "R-0062",
        "R-0070",
    ]
    code, out, _ = run(
        capsys,
        "archives",
        "overdue",
        "--format",
        "jsonl",
        "--calendar",
        "cn",
        "--as-of",
        "2026-12-03",
    )
    assert code == 0
    assert out


def test_overdue_on_a_malformed_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "files.csv"
    path.write_bytes(
        "\ufeffid,received_on,formalised_on\nA,2026-11-01,\nB,2026-11-05,2026-11-01\n"
        "C,x,\n".encode()
    )
    code, out, err = run(
        capsys,
        "archives",
        "overdue",
        "--files",
        str(path),
        "--as-of",
        "2026-12-03",
        "--lang",
        "en",
        "--format",
        "json",
    )
    assert code == 1
    assert [r["file"] for r in json.loads(out)] == ["A"]
    assert err.splitlines() == [
        "line 3: formalised_on: expected a day on or after received_on (2026-11-05), got"
        " datetime.date(2026, 11, 1)",
        "line 4: received_on: expected an ISO date YYYY-MM-DD, got 'x'",
    ]


def test_bom_is_for_csv_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "archives", "overdue", "--bom")
    assert code == 2
    assert "--bom" in err
    code, out, _ = run(capsys, "archives", "overdue", "--bom", "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeff")


# --------------------------------------------------------------------------- cedar (R9, R11)


def test_cedar_prints_the_policy_text_cedar_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "archives", "cedar", "--slots", "2")
    assert code == 0
    assert out == cedar_policies(ArchivesPolicy(), slots=2) + "\n"
    cedarpy.PolicySet.from_str(out)  # parses
    code, _, err = run(capsys, "archives", "cedar", "--slots", "99")
    assert code == 2
    assert "--slots" in err


def test_archives_alone_prints_its_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "archives")
    assert code == 2
    assert "{cedar,overdue,report}" in err
