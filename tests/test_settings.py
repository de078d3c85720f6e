"""Policy settings: declared once, validated the same way from Python and from a file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from customer_rules import PolicyBook, PolicyError, load_book
from customer_rules.calendars import Deadline, DeadlineMode, WorkingDayCalendar
from customer_rules.config import dump_book
from customer_rules.grading import DealSizePolicy, GradingPolicy
from customer_rules.settings import Mark, Unit, from_mapping, is_policy, settings_of


def _problems(call: object) -> list[str]:
    with pytest.raises(PolicyError) as info:
        call()  # type: ignore[operator]
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    "mistake",
    [
        {"a_min": "x"},
        {"a_min": -1},
        {"a_min": "10万"},
        {"a_min": "80万", "b_min": [1, 2]},
        {"c_min": None},
    ],
)
def test_python_and_a_file_give_the_same_problems(mistake: dict[str, object]) -> None:
    from_python = _problems(lambda: DealSizePolicy(**mistake))  # type: ignore[arg-type]
    from_file = _problems(lambda: from_mapping(DealSizePolicy, mistake))
    assert from_python == from_file
    assert from_python  # and there is one


def test_the_same_mistake_in_python_and_in_toml_names_the_same_path() -> None:
    in_python = _problems(lambda: PolicyBook(grading={"deal_size": {"b_min": "x"}}))
    in_toml = _problems(lambda: load_book('[grading.deal_size]\nb_min = "x"\n'))
    assert (
        in_python
        == in_toml
        == [
            "grading.deal_size.b_min: expected a Decimal, an int or a string such as '800000',"
            " '800,000', '80万' or '1.5亿', got 'x'"
        ]
    )


def test_every_problem_at_once_with_dotted_paths() -> None:
    assert _problems(lambda: GradingPolicy(scorecard=1, deal_size={"a_min": "x", "zz": 1})) == [
        "deal_size.zz: unknown key; expected one of: a_min, b_min, c_min",
        "deal_size.a_min: expected a Decimal, an int or a string such as '800000', '800,000',"
        " '80万' or '1.5亿', got 'x'",
        "scorecard: expected a ScorecardPolicy or a table of its fields, got 1",
    ]


def test_order_across_sibling_fields() -> None:
    assert _problems(lambda: DealSizePolicy(a_min="30万")) == [
        "b_min: expected less than a_min (300000), got 400000"
    ]
    assert DealSizePolicy(a_min="40.01万").a_min == Decimal("400100")


def test_numeric_strings_are_integers_everywhere() -> None:
    book = load_book('[grading.scorecard.total_cutoffs]\nA = "15"\n')
    assert book.grading.scorecard.total_cutoffs.A == 15
    assert Deadline("5").days == 5
    with pytest.raises(PolicyError, match="integer"):
        load_book("[grading.scorecard.total_cutoffs]\nA = " + "9" * 5000 + "\n")


def test_deadline_is_checked_like_any_policy() -> None:
    assert _problems(lambda: Deadline(2, mode="x")) == [  # type: ignore[arg-type]
        "mode: expected a DeadlineMode: one of calendar_days (自然日), working_days (工作日),"
        " calendar_then_roll (自然日,遇休息日顺延), got 'x'"
    ]
    assert Deadline(2, count_start_day="no").count_start_day is False  # type: ignore[arg-type]
    assert _problems(lambda: Deadline(2, count_start_day="maybe")) == [  # type: ignore[arg-type]
        "count_start_day: expected yes or no (true/false, 是/否, 1/0), got 'maybe'"
    ]
    assert _problems(lambda: Deadline(367)) == ["days: expected a number from 0 to 366, got 367"]
    assert Deadline(366, DeadlineMode.WORKING_DAYS).days == 366


def test_calendar_tables_are_checked_item_by_item() -> None:
    assert _problems(lambda: WorkingDayCalendar([None], [], [2026])) == [  # type: ignore[list-item]
        "holidays[0]: required: a value is missing"
    ]
    cal = WorkingDayCalendar(["2026-10-01"], [], [2026])
    assert not cal.is_working_day(__import__("datetime").date(2026, 10, 1))


def test_every_setting_declares_its_unit_mark_and_source() -> None:
    infos = settings_of(PolicyBook())
    assert len(infos) > 40
    for info in infos:
        assert isinstance(info.setting.unit, Unit)
        assert isinstance(info.setting.mark, Mark)
        assert info.setting.source.strip(), info.path
    paths = {info.path for info in infos}
    assert "grading.deal_size.a_min" in paths
    assert "grading.scorecard.total_cutoffs.A" in paths


def test_the_dump_explains_itself_and_reads_back() -> None:
    text = dump_book(PolicyBook())
    assert 'a_min = "800000"  # [seed] yuan — G1; 001 §客户资源分配管理制度 3.1.1' in text
    assert load_book(text) == PolicyBook()
    assert is_policy(PolicyBook)
    assert not is_policy(dict)
