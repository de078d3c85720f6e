"""``customer-rules allocate`` (A13): the shipped samples with no arguments, bad rows reported by
file and line with the rest allocated, the machine formats, agreement with the Python API, and
the people's history (``--history``): who is suspended (A3–A5) and the quotas' leads given."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from tests.refusals import problems_of

from customer_rules._allocation.history_csv import (
    HISTORY_COLUMNS,
    HistoryKind,
    HistoryRow,
    sample_history_text,
)
from customer_rules.allocation import (
    AllocationPolicy,
    LeadGiven,
    Misjudgment,
    MissedReport,
    PassedOver,
    Violation,
    allocate,
)
from customer_rules.cli import main
from customer_rules.cli.allocation import (
    ALLOCATE_CSV_COLUMNS,
    LEAD_COLUMNS,
    ROSTER_COLUMNS,
    SAMPLE_AT,
    sample_leads_text,
    sample_roster_text,
)
from customer_rules.grading import DealSizeType
from customer_rules.rows import parse_rows

ROSTER = "id,name,level,team\nS1,王强,1,东\nS2,李娜,1,西\n"
LEADS = "id,type,received_at,contribution\n"
HISTORY = "kind,person,at,lead\n"
AT = "2026-11-30T09:00:00+08:00"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def sample_run() -> object:
    with parse_rows(sample_leads_text(), LEAD_COLUMNS) as rows:
        leads = [row.value for row in rows]
    with parse_rows(sample_roster_text(), ROSTER_COLUMNS) as rows:
        roster = [row.value for row in rows]
    with parse_rows(sample_history_text(), HISTORY_COLUMNS) as rows:
        history = [row.value.event() if row.value else None for row in rows]
    assert None not in leads
    assert None not in roster
    assert None not in history
    return allocate(leads, roster, history, AllocationPolicy(), at=SAMPLE_AT)


# --------------------------------------------------------------------------- the samples


def test_the_samples_run_with_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "allocate")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "客户资源分配 2026-11-30T09:00:00+08:00(样例数据的时间;可用 --at 指定)"
    assert lines[3].split() == ["序", "线索", "类型", "贡献", "潜力", "分配给", "级别", "小组"]
    assert lines[5].split()[:3] == ["1", "L005", "北京华夏重工集团"]
    assert "[A13] S05 陈静 休假,不分配资源" in out
    assert "[A13] S09 吴昊 的级别 实习 不在级别表中,不分配资源" in out
    assert lines[-1] == "共 20 条线索:已分配 20 条,未分配 0 条"


def test_the_sample_history_leaves_out_the_suspended_agent_with_the_a3_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "allocate", "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    start = lines.index("Left out of this run:")
    passed = lines.index(
        "    [A13] S07 赵磊 has 1 allocation(s) of suspension to serve (A3/A5): passed over in"
        " this run, which serves one"
    )
    assert passed > start
    assert lines[passed + 1 : passed + 4] == [
        "        [A3] 2026-11-24T11:05:00+08:00: 3 lead types judged wrongly over 1 consecutive"
        " month(s), 3 or more",
        "        [A3] allocation suspended 1 time(s): the next 1 allocation(s) skipped",
        "        [A3] 1 allocation(s) still to skip (lead types judged wrongly)",
    ]
    assert "    [A13] S08 周敏 is inactive: given no leads" in lines[passed + 4 :]
    assert "S07" not in "\n".join(lines[:start])  # given no lead
    assert "S04" not in "\n".join(lines[start:-2])  # the violation's seven days are over


def test_the_sample_agrees_with_the_python_api(capsys: pytest.CaptureFixture[str]) -> None:
    expected = sample_run()
    code, out, _ = run(capsys, "allocate", "--format", "json", "--lang", "en")
    assert code == 0
    records = json.loads(out)
    assigned = {a.lead.id: a.person.id for a in expected.assignments}  # type: ignore[attr-defined]
    assert {r["lead"]: r["person"] for r in records} == assigned
    assert "S07" not in assigned.values()
    assert [r["rank"] for r in records] == list(range(1, 21))
    first = records[0]
    assert (first["contribution"], first["assigned"], first["unassigned_reason"]) == (
        "2500000",
        True,
        None,
    )
    assert first["reasons"][0]["code"] == "A13.assigned"
    assert first["reasons"][0]["text"].startswith("[A13] lead L005 (type A")


def test_csv_has_the_documented_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "allocate", "--format", "csv", "--bom")
    assert code == 0
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == ALLOCATE_CSV_COLUMNS
    assert len(rows) == 20
    jsonl = run(capsys, "allocate", "--format", "jsonl")[1].splitlines()
    assert [json.loads(line)["lead"] for line in jsonl] == [r["lead"] for r in rows]


# --------------------------------------------------------------------------- files


def test_bad_rows_are_reported_by_file_and_line_and_the_rest_allocated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    leads = write(
        tmp_path,
        "leads.csv",
        LEADS
        + "L1,A,2026-11-30T08:00:00+08:00,5\n"
        + "L2,Z,2026-11-30T08:00:00+08:00,5\n"
        + "L3,B,2026-12-30T08:00:00+08:00,5\n"
        + "L1,C,2026-11-30T08:00:00+08:00,1\n"
        + "L4,D,2026-11-30 08:00,1\n"
        + "L5,D,2026-11-30T08:30:00+08:00,-1\n",
    )
    roster = write(tmp_path, "roster.csv", ROSTER + "S3,x,1,东,extra\n")
    code, out, err = run(
        capsys, "allocate", "--leads", leads, "--roster", roster, "--at", "2026-11-30T09:00+08:00"
    )
    assert code == 1
    problems = err.splitlines()
    assert [p.split(":")[0:2] for p in problems] == [
        ["roster", " line 4"],
        ["leads", " line 3"],
        ["leads", " line 4"],
        ["leads", " line 5"],
        ["leads", " line 6"],
        ["leads", " line 7"],
    ]
    assert problems[2] == (
        "leads: line 4: received_at: 晚于分配时间 2026-11-30T09:00:00+08:00 接收"
    )
    assert "L1" in out
    assert "共 1 条线索:已分配 1 条,未分配 0 条" in out
    assert "另有 6 处输入问题" in out


def test_gbk_and_chinese_headers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    leads = write(
        tmp_path,
        "leads.csv",
        '线索编号,客户类型,接收时间,客户名称,贡献\nL1,A类,2026-11-30T08:00:00+08:00,华东重工,"1,200,000"\n',
        "gbk",
    )
    roster = write(
        tmp_path, "roster.csv", "工号,姓名,级别,状态\nS1,王强,1,在岗\nS2,李娜,1,休假\n", "gbk"
    )
    code, out, err = run(
        capsys,
        "allocate",
        "--leads",
        leads,
        "--roster",
        roster,
        "--at",
        "2026-11-30T09:00:00+08:00",
        "--format",
        "jsonl",
    )
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert (record["lead"], record["person"], record["contribution"]) == ("L1", "S1", "1200000")


def test_an_unassigned_lead_says_why_under_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = write(
        tmp_path,
        "book.toml",
        '[[allocation.allocator.levels]]\nname = "1"\ntypes = ["A"]\nquota = 1\n',
    )
    leads = write(
        tmp_path,
        "leads.csv",
        LEADS + "L1,A,2026-11-30T08:00:00+08:00,9\nL2,A,2026-11-30T08:00:00+08:00,8\n"
        "L3,A,2026-11-30T08:00:00+08:00,7\nL4,D,2026-11-30T08:00:00+08:00,1\n",
    )
    roster = write(tmp_path, "roster.csv", ROSTER)
    code, out, err = run(
        capsys,
        "allocate",
        "--leads",
        leads,
        "--roster",
        roster,
        "--at",
        "2026-11-30T09:00:00+08:00",
        "--policy",
        policy,
        "--lang",
        "en",
    )
    assert (code, err) == (0, "")
    assert (
        "    [A13] lead L3 (type A) not allocated: all 2 people of levels 1 that take it are at"
        " capacity" in out
    )
    assert "    [A13] lead L4 (type D) not allocated: no level of the table takes this type" in out
    assert out.splitlines()[-1] == "4 leads: 2 allocated, 2 not"


def test_the_seed_rotates_the_cycle(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    leads = write(tmp_path, "leads.csv", LEADS + "L1,A,2026-11-30T08:00:00+08:00,9\n")
    roster = write(tmp_path, "roster.csv", ROSTER)
    args = ["allocate", "--leads", leads, "--roster", roster, "--at", "2026-11-30T09:00:00+08:00"]
    first = json.loads(run(capsys, *args, "--format", "jsonl")[1])
    second = json.loads(run(capsys, *args, "--format", "jsonl", "--seed", "1")[1])
    assert (first["person"], second["person"]) == ("S1", "S2")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "2026-11-30T09:00"], "expected a date and time with its offset"),
        (["--at", "yesterday"], "expected a date and time with its offset"),
        (["--roster", "/no/such/roster.csv"], "--roster: /no/such/roster.csv"),
        (["--seed", "-1"], "--seed"),
        (["--format", "json", "--bom"], "--bom"),
        (["--left-out"], "--left-out"),
        (["--history", "/no/such/history.csv"], "--history: /no/such/history.csv"),
    ],
)
def test_usage_errors_stop_with_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "allocate", *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_a_header_without_a_required_column_stops(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    leads = write(tmp_path, "leads.csv", "id,contribution\nL1,5\n")
    code, out, err = run(capsys, "allocate", "--leads", leads)
    assert (code, out) == (2, "")
    assert err.startswith("customer-rules: error: --leads: ")


# --------------------------------------------------------------------------- the history


def test_history_with_leads_applies_the_suspension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    leads = write(tmp_path, "leads.csv", LEADS + "L1,A,2026-11-30T08:00:00+08:00,9\n")
    roster = write(tmp_path, "roster.csv", ROSTER)
    history = write(
        tmp_path,
        "history.csv",
        HISTORY
        + "".join(f"misjudgment,S1,2026-11-{d:02}T10:00:00+08:00,L{d}\n" for d in (2, 3, 4)),
    )
    args = ["allocate", "--leads", leads, "--roster", roster, "--at", AT, "--format", "jsonl"]
    without = json.loads(run(capsys, *args)[1])
    code, out, err = run(capsys, *args, "--history", history)
    assert (code, err) == (0, "")
    assert (without["person"], json.loads(out)["person"]) == ("S1", "S2")
    code, out, _ = run(capsys, *args, "--history", history, "--left-out")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["person"], r["why"], r["skips"], r["serves_skip"]) for r in records] == [
        ("S1", "passed_over", 1, True)
    ]
    assert [r["code"] for r in records[0]["reasons"]] == [
        "A13.passed_over",
        "A3.level",
        "A3.skips",
        "A3.skips_left",
    ]


def test_a_passed_over_row_serves_the_skip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    leads = write(tmp_path, "leads.csv", LEADS + "L1,A,2026-11-30T08:00:00+08:00,9\n")
    roster = write(tmp_path, "roster.csv", ROSTER)
    history = write(
        tmp_path,
        "history.csv",
        HISTORY
        + "".join(f"误判,S1,2026-11-{d:02}T10:00:00+08:00,L{d}\n" for d in (2, 3, 4))
        + "跳过分配,S1,2026-11-20T09:00:00+08:00,\n",
    )
    code, out, err = run(
        capsys,
        "allocate",
        "--leads",
        leads,
        "--roster",
        roster,
        "--history",
        history,
        "--at",
        AT,
        "--format",
        "jsonl",
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["person"] == "S1"


def test_the_quota_counts_the_leads_given_in_the_history(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = write(
        tmp_path,
        "book.toml",
        '[[allocation.allocator.levels]]\nname = "1"\ntypes = ["A"]\nquota = 1\n',
    )
    leads = write(tmp_path, "leads.csv", LEADS + "L1,A,2026-11-30T08:00:00+08:00,9\n")
    roster = write(tmp_path, "roster.csv", ROSTER)
    history = write(tmp_path, "history.csv", HISTORY + "已分配,S1,2026-11-03T09:00:00+08:00,L0\n")
    code, out, err = run(
        capsys,
        "allocate",
        "--leads",
        leads,
        "--roster",
        roster,
        "--history",
        history,
        "--at",
        AT,
        "--policy",
        policy,
        "--lang",
        "en",
    )
    assert (code, err) == (0, "")
    assert (
        "    [A13] S1 王强 was given 1 leads this period, the quota of 1: none in this run"
        in out.splitlines()
    )
    assert "S2 李娜" in out.splitlines()[5]


def test_bad_history_rows_are_reported_by_line_and_the_rest_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    leads = write(tmp_path, "leads.csv", LEADS + "L1,A,2026-11-30T08:00:00+08:00,9\n")
    roster = write(tmp_path, "roster.csv", ROSTER)
    history = write(
        tmp_path,
        "history.csv",
        "kind,person,at,lead,serious\n"
        "misjudgment,S1,2026-11-02T10:00:00+08:00,L2,\n"
        "lateness,S1,2026-11-02T11:00:00+08:00,,\n"
        "misjudgment,S1,2026-11-03 10:00,L3,\n"
        "misjudgment,S1,2026-11-31T10:00:00+08:00,L3,\n"
        "violation,,2026-11-03T10:00:00+08:00,,maybe\n"
        "violation,S2,2026-11-03T10:00:00+08:00,L9,\n"
        "misjudgment,S1,2026-11-03T10:00:00+08:00,L3,\n"
        "misjudgment,S1,2026-11-04T10:00:00+08:00,L4,\n",
    )
    code, out, err = run(
        capsys,
        "allocate",
        "--leads",
        leads,
        "--roster",
        roster,
        "--history",
        history,
        "--at",
        AT,
        "--lang",
        "en",
    )
    assert code == 1
    problems = err.splitlines()
    assert [p.split(": ")[:3] for p in problems] == [
        ["history", "line 3", "kind"],
        ["history", "line 4", "at"],
        ["history", "line 5", "at"],
        ["history", "line 6", "person"],
        ["history", "line 6", "serious"],
        ["history", "line 7", "lead"],
    ]
    assert problems[0].endswith("got 'lateness'")
    assert "timezone-aware" in problems[1]
    assert problems[5] == (
        "history: line 7: lead: not a column of a violation (its own columns: serious, what)"
    )
    # the three good misjudgments of S1 (lines 2, 8, 9) reach A3's first level
    assert "    [A13] S1 王强 has 1 allocation(s) of suspension to serve" in out
    assert "S2 李娜" in out.splitlines()[5]
    assert out.splitlines()[-1] == "1 leads: 1 allocated, 0 not; 6 input problem(s), see stderr"


def test_a_gbk_history_with_chinese_headers_and_labels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    history = write(
        tmp_path,
        "history.csv",
        "事件类型,工号,时间,情节严重,违规事项\n违规,S04,2026-11-28T10:00:00+08:00,否,私自转让客户\n",
        "gbk",
    )
    code, out, err = run(capsys, "allocate", "--history", history, "--lang", "en")
    assert (code, err) == (0, "")
    assert (
        "    [A13] S04 刘洋 is suspended from allocation until 2026-12-05T10:00:00+08:00 (A3–A5):"
        " given no leads" in out
    )
    assert (
        "        [A4] 2026-11-28T10:00:00+08:00: punished violation of company rules no. 1" in out
    )
    assert "S07 赵磊" in out  # the sample history is not read: no one else is suspended


def test_the_sample_history_reads_as_the_api_events() -> None:
    with parse_rows(sample_history_text(), HISTORY_COLUMNS) as rows:
        events = [row.value.event() for row in rows if row.value is not None]
    assert len(events) == 6
    assert sum(isinstance(e, Misjudgment) and e.person == "S07" for e in events) == 3


# --------------------------------------------------------------------------- history rows, exactly

CST = dt.timezone(dt.timedelta(hours=8))


def test_each_kind_of_history_row_becomes_its_event_with_every_field() -> None:
    """A3–A5, A13: a history row becomes the event of its kind, each field from its own column;
    an empty lead or what is "", an empty serious is not serious."""
    text = (
        "kind,person,at,lead,judged,actual,serious,what\n"
        "误判,S07,2026-11-05T10:00:00+08:00,L1,A,C,,\n"
        "violation,S04,2026-11-06T10:00:00+08:00,,,,是,迟到\n"
        "violation,S05,2026-11-06T11:00:00+08:00,,,,,\n"
        "missed_report,S01,2026-11-07T10:00:00+08:00,L3,,,,\n"
        "missed_report,S01,2026-11-07T11:00:00+08:00,,,,,\n"
        "passed_over,S02,2026-11-08T10:00:00+08:00,L4,,,,\n"
        "lead_given,S03,2026-11-09T10:00:00+08:00,L5,,,,\n"
    )
    with parse_rows(text, HISTORY_COLUMNS) as rows:
        events = [row.value.event() if row.value else row.problems for row in rows]
    assert events == [
        Misjudgment(
            "S07", dt.datetime(2026, 11, 5, 10, tzinfo=CST), "L1", DealSizeType.A, DealSizeType.C
        ),
        Violation("S04", dt.datetime(2026, 11, 6, 10, tzinfo=CST), True, "迟到"),
        Violation("S05", dt.datetime(2026, 11, 6, 11, tzinfo=CST), False, ""),
        MissedReport("S01", dt.datetime(2026, 11, 7, 10, tzinfo=CST), "L3"),
        MissedReport("S01", dt.datetime(2026, 11, 7, 11, tzinfo=CST), ""),
        PassedOver("S02", dt.datetime(2026, 11, 8, 10, tzinfo=CST), "L4"),
        LeadGiven("S03", dt.datetime(2026, 11, 9, 10, tzinfo=CST), "L5"),
    ]


def test_a_column_the_kind_does_not_have_is_refused_with_its_value() -> None:
    """A4: a violation has no lead; the refusal names the column and the value given."""
    at = dt.datetime(2026, 11, 6, 10, tzinfo=CST)
    assert problems_of(lambda: HistoryRow(HistoryKind.VIOLATION, "S04", at, lead="L2")) == [
        ("lead", "L2", "")
    ]
