"""A3–A5: the sanctions ledger, the ten-minute response, the after-hours EC de-duplication.

Seed 001 §客户资源分配管理制度 3.1.1-4 (A3), 3.3.6 (A4), 3.6.7 (A5). "以上(含N次)" and
"达N次(含N次)" include the number: the threshold itself reaches a level.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules._allocation.sanctions import _ENTRIES
from customer_rules.allocation import (
    AfterHoursStart,
    AllocationPolicy,
    EcEntry,
    EscalationLevel,
    LeadGiven,
    LeadHandling,
    LevelCombination,
    Misjudgment,
    MisjudgmentCount,
    MisjudgmentPeriod,
    MissedReport,
    PassedOver,
    ResponseStatus,
    Sanction,
    SanctionEvent,
    SanctionKind,
    Sanctions,
    SkipReading,
    Violation,
    ViolationWindow,
    first_ec_entries,
    in_business_hours,
    sanctions,
    ten_minute_response,
)
from customer_rules.book import PolicyBook
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain, find_reason
from customer_rules.testing import lead_handlings, sanction_histories

SEED = AllocationPolicy()
_MINUTE = dt.timedelta(minutes=1)
_SECOND = dt.timedelta(seconds=1)


def at(month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def misjudged(*per_month: tuple[int, int], person: str = "K01") -> list[Misjudgment]:
    """``count`` misjudgments in each ``(month, count)``, on the 1st, 2nd, … at 10:00."""
    return [
        Misjudgment(person, at(month, day + 1))
        for month, count in per_month
        for day in range(count)
    ]


def with_sanctions(**changes: object) -> AllocationPolicy:
    return AllocationPolicy(sanctions=changes)


def with_response(**changes: object) -> AllocationPolicy:
    return AllocationPolicy(response=changes)  # type: ignore[arg-type]


def a3_levels(s: Sanctions) -> list[tuple[int, int]]:
    """(months, skips) of each A3 sanction that imposes skips."""
    return [(i.months, i.skips) for i in s.imposed if i.kind is SanctionKind.MISJUDGMENTS]


# --------------------------------------------------------------------------- A3


def test_a3_two_in_a_month_is_nothing_three_suspends_once() -> None:
    """ "同一月内若达3次以上(含3次)…暂停此接听客服资源分配一次"."""
    two = sanctions(misjudged((3, 2)), SEED, at=at(3, 20))
    assert (two.suspended, two.skips_left, two.imposed) == (False, 0, ())
    assert find_reason(two, "A3-A5.clear") is not None
    three = sanctions(misjudged((3, 3)), SEED, at=at(3, 20))
    assert (three.suspended, three.skips_left, three.skips_imposed) == (True, 1, 1)
    assert three.imposed[0].at == at(3, 3)  # imposed at the third misjudgment
    assert three.imposed[0].count == 3
    assert three.suspended_until is None  # count-based, not until a date
    assert find_reason(three, "A3.skips_left").fact("skips") == 1


def test_a3_calendar_months_do_not_join_across_a_month_end() -> None:
    """Two on 30–31 March and one on 1 April: two calendar months, no level [default]; the
    rolling-30-days reading joins them."""
    history = [
        Misjudgment("K01", at(3, 30)),
        Misjudgment("K01", at(3, 31)),
        Misjudgment("K01", at(4, 1)),
    ]
    assert sanctions(history, SEED, at=at(4, 2)).skips_imposed == 0
    rolling = with_sanctions(misjudgments={"period": MisjudgmentPeriod.ROLLING_30_DAYS})
    assert sanctions(history, rolling, at=at(4, 2)).skips_imposed == 1


def test_a3_months_are_counted_in_shanghai() -> None:
    """23:30 UTC on 31 March is 07:30 on 1 April in Shanghai: an April misjudgment."""
    utc_march = dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC)
    history = [*misjudged((4, 2)), Misjudgment("K01", utc_march)]
    assert sanctions(history, SEED, at=at(4, 20)).skips_left == 1


def test_a3_five_over_two_months_vs_six() -> None:
    """ "连续两个月出现判定客户类型不匹配达6次(含6次),将暂停…资源分配三次"."""
    five = sanctions(misjudged((2, 2), (3, 3)), SEED, at=at(3, 20))
    assert a3_levels(five) == [(1, 1)]  # only the month's 3 (level 1)
    six = sanctions(misjudged((2, 2), (3, 4)), SEED, at=at(3, 20))
    assert a3_levels(six) == [(1, 1), (2, 2)]  # level 1 at the 3rd, topped up to 3 at the 4th
    assert six.skips_imposed == 3  # the highest level applies: three times, not four
    assert six.imposed[1].count == 6


def test_a3_six_at_once_gives_three_not_four() -> None:
    six = sanctions(misjudged((2, 3), (3, 3)), SEED, at=at(3, 20))
    march = [i for i in six.imposed if i.at >= at(3, 1)]
    assert [(i.months, i.skips) for i in march] == [(2, 3), (1, 0)]
    assert find_reason(six, "A3.covered") is not None
    assert six.skips_imposed == 1 + 3


def test_a3_nine_over_three_months_vs_ten() -> None:
    """ "连续三个月出现判定客户类型不匹配达10次(含10次),则暂停此接听客服资源分配一周,且一个月内不能
    再安排400、离线宝接听"."""
    nine = sanctions(misjudged((1, 3), (2, 3), (3, 3)), SEED, at=at(3, 4))
    assert nine.suspended_until is None
    assert nine.answering_ban_until is None
    ten = sanctions(misjudged((1, 3), (2, 3), (3, 4)), SEED, at=at(3, 4))
    reached = at(3, 4)
    assert ten.suspended_until == reached + dt.timedelta(days=7)
    assert ten.answering_ban_until == at(4, 4)
    assert find_reason(ten, "A3.until").fact("until") == reached + dt.timedelta(days=7)
    assert find_reason(ten, "A3.banned") is not None
    after_week = sanctions(misjudged((1, 3), (2, 3), (3, 4)), SEED, at=at(3, 11))
    assert after_week.suspended_until is None  # the week is over (end exclusive)
    assert after_week.answering_ban_until == at(4, 4)  # the answering ban still runs
    after_month = sanctions(misjudged((1, 3), (2, 3), (3, 4)), SEED, at=at(4, 4))
    assert after_month.answering_ban_until is None


def test_a3_every_month_reading() -> None:
    """Five in February and six in March: six or more over the two months in total [default],
    but not six in each of them (the other reading)."""
    history = misjudged((2, 5), (3, 6))
    assert (2, 3) in a3_levels(sanctions(history, SEED, at=at(3, 20)))
    every = with_sanctions(misjudgments={"count": MisjudgmentCount.EVERY_MONTH})
    assert a3_levels(sanctions(history, every, at=at(3, 20))) == [(1, 1), (1, 1)]
    history = misjudged((2, 6), (3, 6))
    assert [m for m, _ in a3_levels(sanctions(history, every, at=at(3, 20)))] == [1, 1, 2]


def test_a3_cumulative_reading_adds_levels_up() -> None:
    cumulative = with_sanctions(misjudgments={"combine": LevelCombination.CUMULATIVE})
    s = sanctions(misjudged((2, 3), (3, 3)), cumulative, at=at(3, 20))
    assert s.skips_imposed == 1 + 3 + 1


def test_a3_a_month_without_misjudgments_is_not_judged() -> None:
    """Six in February are judged once; March, with none, adds nothing."""
    s = sanctions(misjudged((2, 6)), SEED, at=at(4, 20))
    assert s.skips_imposed == 3


def test_a3_a_level_is_reached_once_a_month() -> None:
    s = sanctions(misjudged((3, 9)), SEED, at=at(3, 20))
    assert a3_levels(s) == [(1, 1), (2, 2)]  # level 1 at the 3rd, level 2 at the 6th, no more


def test_a3_switched_off_with_no_levels() -> None:
    off = with_sanctions(misjudgments={"levels": []})
    assert sanctions(misjudged((3, 30)), off, at=at(3, 31)).imposed == ()


def test_a3_a_level_must_impose_something() -> None:
    with pytest.raises(PolicyError, match="skips"):
        EscalationLevel(threshold=3)


# --------------------------------------------------------------------------- serving skips


def test_passed_over_runs_serve_the_skips_oldest_first() -> None:
    history = [*misjudged((3, 3)), MissedReport("K01", at(3, 10), "L7")]
    assert sanctions(history, SEED, at=at(3, 11)).skips_left == 2
    served = [*history, PassedOver("K01", at(3, 12))]
    s = sanctions(served, SEED, at=at(3, 13))
    assert (s.skips_left, s.skips_served) == (1, 1)
    assert [i.skips_left for i in s.imposed] == [0, 1]
    assert find_reason(s, "A5.skips_left") is not None
    assert find_reason(s, "A3.skips_left") is None
    done = sanctions([*served, PassedOver("K01", at(3, 14))], SEED, at=at(3, 15))
    assert (done.suspended, done.skips_left) == (False, 0)


def test_a_run_before_the_sanction_or_a_lead_given_serves_nothing() -> None:
    early = [PassedOver("K01", at(3, 1, 9)), *misjudged((3, 3))]
    assert sanctions(early, SEED, at=at(3, 20)).skips_left == 1
    given_a_lead = [*misjudged((3, 3)), LeadGiven("K01", at(3, 10), "L1")]
    assert sanctions(given_a_lead, SEED, at=at(3, 20)).skips_left == 1


def test_fixed_period_reading_turns_skips_into_days() -> None:
    days = with_sanctions(skip_reading=SkipReading.DAYS, days_per_skip=2)
    s = sanctions(misjudged((3, 3)), days, at=at(3, 4))
    assert (s.skips_left, s.suspended_until) == (0, at(3, 3) + dt.timedelta(days=2))


# --------------------------------------------------------------------------- A4


@pytest.mark.parametrize(("number", "days"), [(1, 7), (2, 15), (3, 30), (4, 30), (7, 30)], ids=str)
def test_a4_first_second_third_and_later(number: int, days: int) -> None:
    """ "初次…停止7天…二次…停止15天…三次及以上…停止30天的资源分配"."""
    history = [Violation("S07", at(1 + i, 1)) for i in range(number)]
    last = history[-1].at
    s = sanctions(history, SEED, at=last)
    assert s.suspended_until == last + dt.timedelta(days=days)
    assert s.imposed[-1].count == number
    assert find_reason(s, "A4.until") is not None
    just_before = sanctions(history, SEED, at=last + dt.timedelta(days=days) - _SECOND)
    assert just_before.suspended
    after = sanctions(history, SEED, at=last + dt.timedelta(days=days))
    assert not after.suspended


def test_a4_a_serious_case_is_resignation() -> None:
    """ "对于性质严重的情况则按自动离职处理"."""
    s = sanctions([Violation("S07", at(1, 5), serious=True)], SEED, at=at(12, 31))
    assert (s.resignation, s.suspended, s.suspended_until) == (True, True, None)
    assert find_reason(s, "A4.resignation") is not None
    off = with_sanctions(violations={"serious_resigns": False})
    plain = sanctions([Violation("S07", at(1, 5), serious=True)], off, at=at(1, 6))
    assert (plain.resignation, plain.suspended_until) == (False, at(1, 12))


def test_a4_counting_windows() -> None:
    history = [Violation("S07", at(12, 1, year=2025)), Violation("S07", at(1, 10))]
    employment = sanctions(history, SEED, at=at(1, 10))
    assert employment.imposed[-1].count == 2  # whole employment [default]
    yearly = with_sanctions(violations={"window": ViolationWindow.CALENDAR_YEAR})
    assert sanctions(history, yearly, at=at(1, 10)).imposed[-1].count == 1
    rolling = with_sanctions(violations={"window": ViolationWindow.ROLLING_YEAR})
    assert sanctions(history, rolling, at=at(1, 10)).imposed[-1].count == 2
    old = [Violation("S07", at(1, 10, year=2025)), Violation("S07", at(1, 10))]
    assert sanctions(old, rolling, at=at(1, 10)).imposed[-1].count == 1


def test_a4_concurrent_or_consecutive() -> None:
    history = [Violation("S07", at(3, 1)), Violation("S07", at(3, 3))]
    assert sanctions(history, SEED, at=at(3, 3)).suspended_until == at(3, 18)
    consecutive = with_sanctions(violations={"consecutive": True})
    assert sanctions(history, consecutive, at=at(3, 3)).suspended_until == at(3, 23)


def test_overlapping_suspensions_of_different_rules_join() -> None:
    history = [Violation("S07", at(3, 1)), *misjudged((1, 3), (2, 3), (3, 4), person="S07")]
    s = sanctions(history, SEED, at=at(3, 2))
    assert s.suspended_until == at(3, 8)  # A4 alone so far (the A3 week starts on the 4th)
    s = sanctions(history, SEED, at=at(3, 7))
    assert s.suspended_until == at(3, 11)  # the A4 week and the A3 week, joined


# --------------------------------------------------------------------------- A5 in the ledger


def test_a5_a_missed_report_suspends_once_and_costs_the_deduction() -> None:
    s = sanctions([MissedReport("S07", at(5, 6), "L1")], SEED, at=at(5, 7))
    assert (s.skips_left, s.deduction) == (1, Decimal(20))
    assert find_reason(s, "A5.deduction").fact("amount") == Decimal(20)
    priced = AllocationPolicy(fines={"ten_minute_report": "50"})
    assert sanctions([MissedReport("S07", at(5, 6))], priced, at=at(5, 7)).deduction == 50


# --------------------------------------------------------------------------- the contract


def test_events_after_the_moment_are_not_counted() -> None:
    s = sanctions(misjudged((3, 3)), SEED, at=at(3, 2, 23))
    assert s.imposed == ()


def test_an_empty_history() -> None:
    s = sanctions([], SEED, at=at(3, 1))
    assert (s.person, s.suspended) == (None, False)
    assert sanctions([], SEED, at=at(3, 1), person="S07").person == "S07"


@pytest.mark.parametrize(
    ("history", "kwargs", "path"),
    [
        ([Misjudgment("K01", at(3, 1)), Misjudgment("K02", at(3, 2))], {}, "history[1].person"),
        ([Misjudgment("K01", at(3, 1))], {"person": "K02"}, "history[0].person"),
        ([Misjudgment("K01", at(3, 1)), "x"], {}, "history[1]"),
        ("K01", {}, "history"),
        ([], {"person": " "}, "person"),
    ],
)
def test_bad_histories_name_the_item(history: object, kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(InputError) as error:
        sanctions(history, SEED, at=at(3, 5), **kwargs)  # type: ignore[arg-type]
    assert error.value.problems[0].path == path


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="at"):
        sanctions([], SEED, at=dt.datetime(2026, 3, 1))  # naive
    with pytest.raises(InputError, match=r"book\.allocation"):
        sanctions([], PolicyBook(), at=at(3, 1))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="at"):
        Misjudgment("K01", dt.datetime(2026, 3, 1))
    later = AllocationPolicy(effective=dt.date(2027, 1, 1))
    with pytest.raises(InputError, match="effective"):
        sanctions([], later, at=at(3, 1))


def test_the_result_round_trips_through_data() -> None:
    history = [
        *misjudged((1, 3), (2, 3), (3, 4), person="S07"),
        Violation("S07", at(3, 5)),
        MissedReport("S07", at(3, 6), "L1"),
        PassedOver("S07", at(3, 7)),
    ]
    s = sanctions(history, SEED, at=at(3, 8))
    data = to_data(s, lang="en")
    assert data["skips_left"] == s.skips_left
    assert data["deduction"] == "20"
    assert from_data(Sanctions, data, policy=SEED) == s
    for event in history:
        assert from_data(type(event), to_data(event)) == event


def test_reasons_render_in_both_languages() -> None:
    s = sanctions(misjudged((1, 3), (2, 3), (3, 4)), SEED, at=at(3, 5))
    zh, en = explain(s, "zh"), explain(s, "en")
    assert "暂停资源分配" in zh
    assert "400/离线宝" in en
    assert all(line.startswith("[A3]") for line in en.splitlines())


# --------------------------------------------------------------------------- properties


@given(sanction_histories(person="P1"), st.randoms(use_true_random=False))
def test_the_ledger_is_deterministic_and_order_free(
    history: list[object], rnd: random.Random
) -> None:
    moment = at(12, 31, 23)
    first = sanctions(history, SEED, at=moment)  # type: ignore[arg-type]
    shuffled = list(history)
    rnd.shuffle(shuffled)
    again = sanctions(shuffled, SEED, at=moment)  # type: ignore[arg-type]
    assert again == first
    assert again.reasons == first.reasons


@given(sanction_histories(person="P1"))
def test_the_explanation_matches_the_outcome(history: list[object]) -> None:
    s = sanctions(history, SEED, at=at(12, 31, 23))  # type: ignore[arg-type]
    codes = {r.code for r in s.reasons}
    assert s.suspended == bool(
        codes
        & {"A4.resignation", "A3.until", "A4.until", "A5.until", "A3.skips_left", "A5.skips_left"}
    )
    assert ("A3-A5.clear" in codes) == (not s.suspended and s.answering_ban_until is None)
    assert s.skips_left == s.skips_imposed - s.skips_served
    assert s.deduction == 20 * sum(1 for i in s.imposed if i.kind is SanctionKind.MISSED_REPORT)
    assert from_data(Sanctions, to_data(s), policy=SEED) == s


@given(sanction_histories(person="P1"))
def test_every_end_is_after_its_start(history: list[object]) -> None:
    s = sanctions(history, SEED, at=at(12, 31, 23))  # type: ignore[arg-type]
    for item in s.imposed:
        if item.until is not None:
            assert item.start is not None
            assert item.start >= item.at
            assert item.until > item.start
        if item.ban_until is not None:
            assert item.ban_until > item.at
    for moment in (s.suspended_until, s.answering_ban_until):
        assert moment is None or moment > s.at


_EVENT_AT = st.datetimes(
    min_value=dt.datetime(2026, 1, 1),
    max_value=dt.datetime(2026, 12, 31),
    timezones=st.just(SHANGHAI),
)


@given(
    sanction_histories(person="P1"),
    st.lists(
        st.tuples(
            st.sampled_from(["misjudgment", "violation", "missed"]),
            st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=60)),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(list(LevelCombination)),
)
def test_more_violations_never_shorten_a_suspension(
    history: list[object],
    more: list[tuple[str, dt.timedelta, bool]],
    combine: LevelCombination,
) -> None:
    """Appending later events (misjudgments, violations, missed reports) never ends a
    suspension sooner, lowers the skips imposed or left, shortens a ban or undoes a
    resignation."""
    policy = with_sanctions(misjudgments={"combine": combine})
    last = max((e.at for e in history), default=at(1, 1))  # type: ignore[attr-defined]
    added: list[object] = []
    for kind, gap, serious in more:
        moment = last + gap
        if kind == "misjudgment":
            added.append(Misjudgment("P1", moment))
        elif kind == "violation":
            added.append(Violation("P1", moment, serious=serious))
        else:
            added.append(MissedReport("P1", moment))
    for ask in (last, last + dt.timedelta(days=30), last + dt.timedelta(days=90)):
        before = sanctions(history, policy, at=ask)  # type: ignore[arg-type]
        after = sanctions([*history, *added], policy, at=ask)  # type: ignore[arg-type]
        assert after.skips_imposed >= before.skips_imposed
        assert after.skips_left >= before.skips_left
        assert after.resignation >= before.resignation
        for old, new in (
            (before.suspended_until, after.suspended_until),
            (before.answering_ban_until, after.answering_ban_until),
        ):
            assert old is None or (new is not None and new >= old)
        assert after.suspended >= before.suspended


@given(
    st.lists(_EVENT_AT, min_size=0, max_size=8),
    _EVENT_AT,
    st.sampled_from(list(ViolationWindow)),
    st.booleans(),
)
def test_a4_a_violation_inserted_anywhere_never_shortens(
    times: list[dt.datetime], extra: dt.datetime, window: ViolationWindow, consecutive: bool
) -> None:
    policy = with_sanctions(violations={"window": window, "consecutive": consecutive})
    history = [Violation("P1", t) for t in times]
    ask = max([*times, extra])
    for moment in (ask, ask + dt.timedelta(days=10)):
        before = sanctions(history, policy, at=moment).suspended_until
        after = sanctions([*history, Violation("P1", extra)], policy, at=moment).suspended_until
        assert before is None or (after is not None and after >= before)
        if moment == extra:
            assert after is not None


# --------------------------------------------------------------------------- A5 the response


def handled(given_at: dt.datetime, **kwargs: object) -> LeadHandling:
    return LeadHandling("L1", "S07", given_at, **kwargs)  # type: ignore[arg-type]


def test_a5_ten_minutes_include_the_tenth() -> None:
    """ "需在10分钟内…反馈销售经理": a report at the tenth minute is in time."""
    given_at = at(5, 6, 10)
    on_time = ten_minute_response(
        handled(given_at, reported_at=given_at + 10 * _MINUTE), SEED, at=at(5, 6, 12)
    )
    assert (on_time.status, on_time.deadline, on_time.event) == (
        ResponseStatus.ON_TIME,
        given_at + 10 * _MINUTE,
        None,
    )
    late = ten_minute_response(
        handled(given_at, reported_at=given_at + 10 * _MINUTE + _SECOND), SEED, at=at(5, 6, 12)
    )
    assert late.status is ResponseStatus.LATE
    assert late.event == MissedReport("S07", given_at + 10 * _MINUTE, "L1")
    assert late.deduction == Decimal(20)
    assert find_reason(late, "A5.late") is not None


def test_a5_pending_until_the_deadline_then_not_reported() -> None:
    given_at = at(5, 6, 10)
    pending = ten_minute_response(handled(given_at), SEED, at=given_at + 10 * _MINUTE)
    assert (pending.status, pending.missed, pending.deduction) == (
        ResponseStatus.PENDING,
        False,
        Decimal(0),
    )
    missed = ten_minute_response(handled(given_at), SEED, at=given_at + 10 * _MINUTE + _SECOND)
    assert missed.status is ResponseStatus.NOT_REPORTED
    assert missed.event is not None
    assert sanctions([missed.event], SEED, at=missed.at).skips_left == 1
    assert find_reason(missed, "A5.no_contact") is not None


def test_a5_a_report_known_only_later_is_not_yet_counted() -> None:
    given_at = at(5, 6, 10)
    h = handled(given_at, reported_at=given_at + 5 * _MINUTE)
    assert ten_minute_response(h, SEED, at=given_at + _MINUTE).status is ResponseStatus.PENDING


def test_a5_after_hours_the_minutes_start_at_the_next_opening() -> None:
    evening = ten_minute_response(handled(at(5, 6, 21, 30)), SEED, at=at(5, 6, 22))
    assert (evening.start, evening.deadline) == (at(5, 7, 9), at(5, 7, 9, 10))
    assert find_reason(evening, "A5.after_hours") is not None
    early = ten_minute_response(handled(at(5, 6, 8)), SEED, at=at(5, 6, 8))
    assert early.deadline == at(5, 6, 9, 10)
    closing = ten_minute_response(handled(at(5, 6, 17, 55)), SEED, at=at(5, 6, 18))
    assert closing.deadline == at(5, 6, 18, 5)  # given in hours: ten minutes from the giving
    at_once = AllocationPolicy(response={"after_hours": AfterHoursStart.AT_ONCE})
    assert ten_minute_response(handled(at(5, 6, 21, 30)), at_once, at=at(5, 6, 22)).deadline == at(
        5, 6, 21, 40
    )


class _Weekdays:
    """A calendar of Monday to Friday."""

    def is_working_day(self, day: dt.date) -> bool:
        return day.isoweekday() <= 5

    def covers(self, day: dt.date) -> bool:
        return True


def test_a5_business_days_come_from_the_calendar() -> None:
    saturday = at(5, 9, 11)  # 2026-05-09 is a Saturday
    r = ten_minute_response(handled(saturday), SEED, at=saturday, calendar=_Weekdays())
    assert r.deadline == at(5, 11, 9, 10)
    assert in_business_hours(saturday, SEED)  # every day is a business day by default
    assert not in_business_hours(saturday, SEED, calendar=_Weekdays())
    assert in_business_hours(at(5, 6, 9), SEED)
    assert not in_business_hours(at(5, 6, 18), SEED)  # closes at 18:00, exclusive


def test_a5_unreported_but_entered_is_reallocated() -> None:
    """ "录入EC客户管理表及来电登记表后,却未上报至销售部一经发现…进行分配并做好记录"."""
    given_at = at(5, 6, 10)
    entered = handled(given_at, ec_at=given_at + _MINUTE, register_at=given_at + _MINUTE)
    r = ten_minute_response(entered, SEED, at=at(5, 6, 15))
    assert (r.status, r.reallocate) == (ResponseStatus.NOT_REPORTED, True)
    assert find_reason(r, "A5.reallocate") is not None
    only_ec = ten_minute_response(handled(given_at, ec_at=given_at), SEED, at=at(5, 6, 15))
    assert only_ec.reallocate is False
    assert find_reason(only_ec, "A5.not_entered").fact("missing")[0].zh == "来电登记"
    off = AllocationPolicy(response={"reallocate_unreported": False})
    assert ten_minute_response(entered, off, at=at(5, 6, 15)).reallocate is False


def test_a5_facts_and_policy_are_checked() -> None:
    with pytest.raises(InputError, match="reported_at"):
        handled(at(5, 6, 10), reported_at=at(5, 6, 9))
    with pytest.raises(InputError, match="given_at"):
        LeadHandling("L1", "S07", dt.datetime(2026, 5, 6, 10))
    with pytest.raises(PolicyError) as error:
        AllocationPolicy(response={"opens": "9h", "closes": "25:00"})
    assert {p.path for p in error.value.problems} == {"response.opens", "response.closes"}
    with pytest.raises(PolicyError, match="after opens"):
        AllocationPolicy(response={"opens": "18:00", "closes": "09:00"})
    with pytest.raises(InputError, match="calendar"):
        ten_minute_response(handled(at(5, 6)), SEED, at=at(5, 6), calendar="x")  # type: ignore[arg-type]


def test_a5_result_round_trips() -> None:
    given_at = at(5, 6, 21, 30)
    r = ten_minute_response(
        handled(given_at, reported_at=at(5, 7, 9, 20), ec_at=given_at), SEED, at=at(5, 7, 10)
    )
    data = to_data(r, lang="zh")
    assert data["status"] == "late"
    assert from_data(type(r), data, policy=SEED) == r


@given(lead_handlings(), st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=3)))
def test_a5_the_deadline_is_after_the_start_and_a_miss_is_an_event(
    handling: LeadHandling, wait: dt.timedelta
) -> None:
    r = ten_minute_response(handling, SEED, at=handling.given_at + wait)
    assert r.start >= handling.given_at
    assert r.deadline == r.start + 10 * _MINUTE
    assert (r.event is not None) == r.missed
    assert r.missed == (r.deduction > 0)
    if r.reallocate:
        assert r.status is ResponseStatus.NOT_REPORTED


# --------------------------------------------------------------------------- A5 after hours


def test_after_hours_the_first_ec_entry_stands() -> None:
    """ "下班时间收到的资源以先录EC的方式去重"."""
    night = at(5, 6, 22)
    entries = [
        EcEntry("13800000000", "S02", night, night + 5 * _MINUTE),
        EcEntry("13800000000", "S01", night, night + 2 * _MINUTE),
        EcEntry("13800000000", "S03", night, night + 2 * _MINUTE),  # a tie: the first given
        EcEntry("13900000000", "S02", night, night + 9 * _MINUTE),
        EcEntry("13800000000", "S04", at(5, 6, 11), at(5, 6, 11)),  # in hours: not de-duplicated
    ]
    d = first_ec_entries(entries, SEED)
    assert [e.person for e in d.kept] == ["S01", "S02", "S04"]
    assert [(e.person, e.lead) for e in d.dropped] == [
        ("S02", "13800000000"),
        ("S03", "13800000000"),
    ]
    assert d.decisions[0].first == entries[1]
    assert [r.code for r in d.reasons] == [
        "A5.duplicate",
        "A5.first_entry",
        "A5.duplicate",
        "A5.first_entry",
        "A5.in_hours",
    ]
    assert from_data(type(d), to_data(d)) == d


def test_after_hours_bad_entries() -> None:
    with pytest.raises(InputError) as error:
        first_ec_entries([EcEntry("x", "S1", at(5, 6), at(5, 6)), 3], SEED)  # type: ignore[list-item]
    assert error.value.problems[0].path == "entries[1]"


def _reached_by_judging_each(
    times: list[dt.datetime], levels: tuple[EscalationLevel, ...], every: bool
) -> set[tuple[int, int, int]]:
    """A3 under calendar months, judged misjudgment by misjudgment: the reference the ledger's
    shortcut must agree with."""
    months = [t.astimezone(SHANGHAI).year * 12 + t.astimezone(SHANGHAI).month for t in times]
    found: set[tuple[int, int, int]] = set()
    seen: set[tuple[int, int]] = set()
    for i in range(len(times)):
        if i + 1 < len(times) and times[i + 1] == times[i]:
            continue
        for level_no, level in enumerate(levels):
            if (months[i], level_no) in seen:
                continue
            counts = [
                sum(1 for j in range(i + 1) if months[j] == months[i] - back)
                for back in range(level.months)
            ]
            ok = (
                all(c >= level.threshold for c in counts)
                if every
                else sum(counts) >= level.threshold
            )
            if ok:
                seen.add((months[i], level_no))
                found.add((i, level_no, sum(counts)))
    return found


@given(
    st.lists(
        st.datetimes(
            min_value=dt.datetime(2026, 1, 1),
            max_value=dt.datetime(2026, 3, 31),
            timezones=st.sampled_from([SHANGHAI, dt.UTC]),
        ).map(lambda t: t.replace(hour=t.hour // 8, minute=0, second=0, microsecond=0)),
        max_size=40,
    ),
    st.booleans(),
)
def test_a3_the_calendar_shortcut_agrees_with_judging_each_misjudgment(
    times: list[dt.datetime], every: bool
) -> None:
    from customer_rules._allocation.sanctions import _calendar_reached, _month_of

    ordered = sorted(times)
    levels = SEED.sanctions.misjudgments.levels
    fast = _calendar_reached(ordered, [_month_of(t) for t in ordered], levels, every)
    assert set(fast) == _reached_by_judging_each(ordered, levels, every)


# --------------------------------------------------------------------------- pinned outcomes


def lines(result: object) -> list[tuple[str, str, dict[str, object]]]:
    """Every reason of ``result`` as ``(rule, code, facts)``."""
    return [(r.rule, str(r.code), dict(r.facts)) for r in result.reasons]  # type: ignore[attr-defined]


def test_a3_a4_a5_reasons_name_every_fact() -> None:
    """A3–A5: one line per sanction imposed with its facts, then what is in force."""
    history: list[SanctionEvent] = [
        *misjudged((1, 3), (2, 3), (3, 4), person="S07"),
        Violation("S07", at(3, 5), serious=True),
        Violation("S07", at(3, 6)),
        MissedReport("S07", at(3, 6, 12), "L1"),
        MissedReport("S07", at(3, 6, 13)),
        PassedOver("S07", at(3, 7)),
    ]
    s = sanctions(history, SEED, at=at(3, 8))
    assert (s.skips_left, s.skips_served, s.deduction) == (8, 1, Decimal(40))
    assert [i.lead for i in s.imposed if i.kind is SanctionKind.MISSED_REPORT] == ["L1", ""]
    assert lines(s) == [
        ("A3", "A3.level", {"at": at(1, 3), "count": 3, "months": 1, "threshold": 3}),
        ("A3", "A3.skips", {"skips": 1}),
        ("A3", "A3.level", {"at": at(2, 3), "count": 6, "months": 2, "threshold": 6}),
        ("A3", "A3.skips", {"skips": 3}),
        ("A3", "A3.level", {"at": at(2, 3), "count": 3, "months": 1, "threshold": 3}),
        ("A3", "A3.covered", {"at": at(2, 3)}),
        ("A3", "A3.level", {"at": at(3, 3), "count": 6, "months": 2, "threshold": 6}),
        ("A3", "A3.skips", {"skips": 3}),
        ("A3", "A3.level", {"at": at(3, 3), "count": 3, "months": 1, "threshold": 3}),
        ("A3", "A3.covered", {"at": at(3, 3)}),
        ("A3", "A3.level", {"at": at(3, 4), "count": 10, "months": 3, "threshold": 10}),
        ("A3", "A3.suspension", {"start": at(3, 4), "until": at(3, 11)}),
        ("A3", "A3.ban", {"start": at(3, 4), "until": at(4, 4)}),
        ("A4", "A4.serious", {"at": at(3, 5), "ordinal": 1}),
        ("A4", "A4.violation", {"at": at(3, 6), "ordinal": 2}),
        ("A4", "A4.suspension", {"start": at(3, 6), "until": at(3, 21)}),
        ("A5", "A5.missed", {"at": at(3, 6, 12), "lead": "L1", "amount": Decimal(20)}),
        ("A5", "A5.skips", {"skips": 1}),
        ("A5", "A5.missed", {"at": at(3, 6, 13), "lead": "—", "amount": Decimal(20)}),
        ("A5", "A5.skips", {"skips": 1}),
        ("A4", "A4.resignation", {"at": at(3, 5)}),
        ("A4", "A4.until", {"until": at(3, 21), "at": at(3, 8)}),
        ("A3", "A3.skips_left", {"skips": 6, "served": 1}),
        ("A5", "A5.skips_left", {"skips": 2, "served": 1}),
        ("A3", "A3.banned", {"until": at(4, 4), "at": at(3, 8)}),
        ("A5", "A5.deduction", {"count": 2, "amount": Decimal(40)}),
    ]


def test_a3_a5_clear_names_the_moment() -> None:
    s = sanctions([], SEED, at=at(3, 1))
    assert lines(s) == [("A3-A5", "A3-A5.clear", {"at": at(3, 1)})]
    assert type(s.deduction) is Decimal


def test_a3_a_level_with_only_a_suspension_is_not_covered() -> None:
    """A3: a level that imposes only days is a suspension, not "covered" by a higher one."""
    week = with_sanctions(misjudgments={"levels": [{"threshold": 3, "suspension_days": 7}]})
    s = sanctions(misjudged((3, 3)), week, at=at(3, 3))
    assert lines(s) == [
        ("A3", "A3.level", {"at": at(3, 3), "count": 3, "months": 1, "threshold": 3}),
        ("A3", "A3.suspension", {"start": at(3, 3), "until": at(3, 10)}),
        ("A3", "A3.until", {"until": at(3, 10), "at": at(3, 3)}),
    ]


def test_a3_consecutive_months_cross_the_year() -> None:
    """A3: 3 in December 2025 and 3 in January 2026 are six over two consecutive months."""
    history = [Misjudgment("K01", at(12, d, year=2025)) for d in (1, 2, 3)]
    history += [Misjudgment("K01", at(1, d)) for d in (1, 2, 3)]
    s = sanctions(history, SEED, at=at(1, 20))
    assert [(i.at, i.months, i.count, i.skips) for i in s.imposed] == [
        (at(12, 3, year=2025), 1, 3, 1),
        (at(1, 3), 2, 6, 3),  # December and January are consecutive months
        (at(1, 3), 1, 3, 0),
    ]


def test_a3_levels_are_each_judged_whatever_their_order() -> None:
    """A3: a level not reached does not stop the judging of the levels after it in the table
    (a higher threshold listed first; a two-month level under the every-month reading)."""
    first_higher = with_sanctions(
        misjudgments={"levels": [{"threshold": 5, "skips": 3}, {"threshold": 3, "skips": 1}]}
    )
    assert a3_levels(sanctions(misjudged((3, 3)), first_higher, at=at(3, 20))) == [(1, 1)]
    every = with_sanctions(
        misjudgments={
            "levels": [{"months": 2, "threshold": 1, "skips": 5}, {"threshold": 3, "skips": 1}],
            "count": MisjudgmentCount.EVERY_MONTH,
        }
    )
    assert a3_levels(sanctions(misjudged((3, 3)), every, at=at(3, 20))) == [(1, 1)]


def test_a3_simultaneous_levels_list_the_highest_first() -> None:
    """A3: six at one moment reach levels 1 and 2 together; the highest is listed first and
    the lower one is covered."""
    same = [Misjudgment("K01", at(3, 5)) for _ in range(6)]
    s = sanctions(same, SEED, at=at(3, 20))
    assert [(i.months, i.count, i.skips) for i in s.imposed] == [(2, 6, 3), (1, 6, 0)]


_ROLLING = {"period": MisjudgmentPeriod.ROLLING_30_DAYS}


def rolling(**changes: object) -> AllocationPolicy:
    return with_sanctions(misjudgments={**_ROLLING, **changes})


def test_a3_rolling_a_level_is_reached_once_in_30_days() -> None:
    """Rolling 30 days: 3 reach level 1 (at the 3rd, counting 3); the 4th within 30 days does
    not reach it again; 30 days after it was reached it can be reached again."""
    times = [at(3, 1), at(3, 2), at(3, 3), at(3, 4)]
    s = sanctions([Misjudgment("K01", t) for t in times], rolling(), at=at(3, 20))
    assert [(i.at, i.count, i.months, i.skips) for i in s.imposed] == [(at(3, 3), 3, 1, 1)]
    again = [at(4, 2, 8), at(4, 2, 9), at(4, 2, 10)]  # 2 April 10:00 is 30 days after 3 March
    s = sanctions([Misjudgment("K01", t) for t in [*times[:3], *again]], rolling(), at=at(4, 20))
    assert [(i.at, i.months, i.count) for i in s.imposed] == [
        (at(3, 3), 1, 3),
        (at(4, 2), 2, 6),  # six over the 60 days up to it: level 2
        (at(4, 2), 1, 3),  # level 1 again: its 30 days no longer hold 3 March 10:00
    ]


def test_a3_rolling_the_window_is_the_30_days_up_to_the_misjudgment() -> None:
    """Rolling 30 days: two 40 days earlier are outside one month's window; a misjudgment is
    judged on those up to it, not those after."""
    old = [Misjudgment("K01", at(1, 20)), Misjudgment("K01", at(1, 21))]
    assert sanctions([*old, Misjudgment("K01", at(3, 2))], rolling(), at=at(3, 20)).imposed == ()
    times = [at(3, 1), at(3, 2), at(3, 3)]
    s = sanctions([Misjudgment("K01", t) for t in times], rolling(), at=at(3, 20))
    assert [(i.at, i.count) for i in s.imposed] == [(at(3, 3), 3)]


def test_a3_rolling_simultaneous_misjudgments_are_judged_together() -> None:
    three = [Misjudgment("K01", at(3, 5)) for _ in range(3)]
    s = sanctions(three, rolling(), at=at(3, 20))
    assert [(i.at, i.count) for i in s.imposed] == [(at(3, 5), 3)]
    first_two = [Misjudgment("K01", at(3, 1)), Misjudgment("K01", at(3, 1)), *misjudged((3, 3))[1:]]
    s = sanctions(first_two, rolling(), at=at(3, 20))
    assert [(i.at, i.count) for i in s.imposed] == [(at(3, 2), 3)]
    last_two = [*misjudged((3, 3)), Misjudgment("K01", at(3, 3))]
    s = sanctions(last_two, rolling(), at=at(3, 20))
    assert [(i.at, i.count) for i in s.imposed] == [(at(3, 3), 4)]


def test_a3_rolling_six_in_one_month_reach_level_two() -> None:
    """Rolling 30 days: level 1 at the 3rd; level 2 (six in 60 days) at the 6th, though level 1
    is not reached again; the highest applies: topped up to three."""
    s = sanctions(misjudged((3, 6)), rolling(), at=at(3, 20))
    assert [(i.at, i.months, i.count, i.skips) for i in s.imposed] == [
        (at(3, 3), 1, 3, 1),
        (at(3, 6), 2, 6, 2),
    ]


def test_a3_rolling_a_level_30_days_later_is_another_period() -> None:
    """Rolling, highest: level 2 reached exactly 30 days after level 1 is not topped up."""
    history = [Misjudgment("K01", t) for t in (at(2, 1), at(2, 2), at(2, 3))]
    history += [Misjudgment("K01", at(3, 5, 10) - dt.timedelta(hours=h)) for h in (2, 1, 0)]
    s = sanctions(history, rolling(), at=at(3, 20))
    assert [(i.at, i.months, i.skips) for i in s.imposed] == [
        (at(2, 3), 1, 1),
        (at(3, 5), 2, 3),
        (at(3, 5), 1, 0),
    ]


def test_a3_rolling_every_month_reading() -> None:
    """Rolling 30 days, every month reaching the threshold: exactly 3 in 30 days reach
    level 1."""
    every = rolling(count=MisjudgmentCount.EVERY_MONTH)
    s = sanctions(misjudged((3, 3)), every, at=at(3, 20))
    assert [(i.at, i.months, i.count) for i in s.imposed] == [(at(3, 3), 1, 3)]
    five_and_one = [*misjudged((3, 5)), Misjudgment("K01", at(4, 10))]
    two = rolling(
        count=MisjudgmentCount.EVERY_MONTH, levels=[{"months": 2, "threshold": 1, "skips": 1}]
    )
    s = sanctions(five_and_one, two, at=at(4, 20))
    assert [(i.at, i.count) for i in s.imposed] == [(at(4, 10), 6)]  # 1 and 5 in the blocks


def test_a3_cumulative_suspensions_and_bans_follow_each_other() -> None:
    """A3, cumulative: a second level reached in the month runs after the first's suspension
    and ban; under the highest reading both run from the moment reached."""
    levels = [
        {"threshold": 3, "suspension_days": 7, "ban_months": 1},
        {"threshold": 4, "suspension_days": 7, "ban_months": 1},
    ]
    cumulative = with_sanctions(
        misjudgments={"levels": levels, "combine": LevelCombination.CUMULATIVE}
    )
    s = sanctions(misjudged((3, 4)), cumulative, at=at(3, 5))
    assert [(i.at, i.start, i.until, i.ban_until) for i in s.imposed] == [
        (at(3, 3), at(3, 3), at(3, 10), at(4, 3)),
        (at(3, 4), at(3, 10), at(3, 17), at(5, 3)),
    ]
    assert (s.suspended_until, s.answering_ban_until) == (at(3, 17), at(5, 3))
    highest = with_sanctions(misjudgments={"levels": levels})
    s = sanctions(misjudged((3, 4)), highest, at=at(3, 5))
    assert [(i.start, i.until, i.ban_until) for i in s.imposed] == [
        (at(3, 3), at(3, 10), at(4, 3)),
        (at(3, 4), at(3, 11), at(4, 4)),
    ]


def test_a3_cumulative_a_chain_over_before_the_next_does_not_delay_it() -> None:
    cumulative = with_sanctions(
        misjudgments={
            "levels": [{"threshold": 3, "suspension_days": 7, "ban_months": 1}],
            "combine": LevelCombination.CUMULATIVE,
        }
    )
    s = sanctions(misjudged((1, 3), (3, 3)), cumulative, at=at(3, 5))
    assert [(i.start, i.until, i.ban_until) for i in s.imposed] == [
        (at(1, 3), at(1, 10), at(2, 3)),
        (at(3, 3), at(3, 10), at(4, 3)),
    ]


@pytest.mark.parametrize(
    ("reached", "ban_until"),
    [
        (
            dt.datetime(2999, 11, 15, 10, tzinfo=SHANGHAI),
            dt.datetime(2999, 12, 15, 10, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2998, 12, 15, 10, tzinfo=SHANGHAI),
            dt.datetime(2999, 1, 15, 10, tzinfo=SHANGHAI),
        ),
        (
            dt.datetime(2999, 12, 15, 10, tzinfo=SHANGHAI),
            dt.datetime(2999, 12, 31, 23, 59, 59, 999_999, tzinfo=SHANGHAI),
        ),
    ],
    ids=str,
)
def test_a3_a_ban_ends_by_calendar_months_within_the_date_range(
    reached: dt.datetime, ban_until: dt.datetime
) -> None:
    """A3 "一个月内不能再安排400、离线宝接听": a month on the Shanghai wall clock, never past the
    library's last moment."""
    ban = with_sanctions(misjudgments={"levels": [{"threshold": 1, "ban_months": 1}]})
    s = sanctions([Misjudgment("K01", reached)], ban, at=reached)
    assert (s.imposed[0].ban_until, s.answering_ban_until) == (ban_until, ban_until)


def test_a4_a_suspension_never_passes_the_last_moment() -> None:
    late = dt.datetime(2999, 12, 30, 10, tzinfo=SHANGHAI)
    s = sanctions([Violation("S07", late)], SEED, at=late)
    assert s.suspended_until == dt.datetime(2999, 12, 31, 23, 59, 59, 999_999, tzinfo=SHANGHAI)


def test_a4_the_calendar_year_starts_on_1_january() -> None:
    """A4, per calendar year: violations on 1 January and in January count together."""
    yearly = with_sanctions(violations={"window": ViolationWindow.CALENDAR_YEAR})
    history = [Violation("S07", at(1, 1)), Violation("S07", at(1, 20))]
    assert [i.count for i in sanctions(history, yearly, at=at(1, 20)).imposed] == [1, 2]
    history = [Violation("S07", at(12, 31, year=2025)), Violation("S07", at(1, 1, 9))]
    assert [i.count for i in sanctions(history, yearly, at=at(1, 2)).imposed] == [1, 1]


def test_a4_the_calendar_year_is_shanghai_s_whatever_the_host(host_zone: str) -> None:
    """1 January 05:00 in Shanghai is still 31 December in UTC and UTC−10: a new year."""
    yearly = with_sanctions(violations={"window": ViolationWindow.CALENDAR_YEAR})
    history = [Violation("S07", at(12, 1, year=2025)), Violation("S07", at(1, 1, 5))]
    assert [i.count for i in sanctions(history, yearly, at=at(1, 2)).imposed] == [1, 1]


@pytest.mark.parametrize(
    ("earlier", "later", "count"),
    [
        (at(3, 30, 12, year=2025), at(3, 31), 1),  # 31 March back to 31 March, 10:00
        (at(3, 31, 11, year=2025), at(3, 31), 2),
        (at(4, 30, year=2025), at(3, 31), 2),  # eleven months
        (at(2, 27, 12, year=2027), at(2, 29, year=2028), 1),  # 29 February back to the 28th
        (at(2, 28, 11, year=2027), at(2, 29, year=2028), 2),
    ],
    ids=str,
)
def test_a4_the_rolling_year_is_twelve_calendar_months(
    earlier: dt.datetime, later: dt.datetime, count: int
) -> None:
    twelve = with_sanctions(violations={"window": ViolationWindow.ROLLING_YEAR})
    history = [Violation("S07", earlier), Violation("S07", later)]
    assert sanctions(history, twelve, at=later).imposed[-1].count == count


def test_a4_a_serious_case_keeps_its_number_and_later_ones_count() -> None:
    history = [Violation("S07", at(3, 1)), Violation("S07", at(3, 2), serious=True)]
    history.append(Violation("S07", at(3, 3)))
    s = sanctions(history, SEED, at=at(3, 3))
    assert [(i.kind, i.count, i.until) for i in s.imposed] == [
        (SanctionKind.VIOLATION, 1, at(3, 8)),
        (SanctionKind.SERIOUS_VIOLATION, 2, None),
        (SanctionKind.VIOLATION, 3, at(4, 2)),
    ]


def test_events_after_the_moment_are_skipped_in_any_order() -> None:
    history = [Violation("S07", at(3, 10)), Violation("S07", at(3, 1))]
    assert sanctions(history, SEED, at=at(3, 2)).suspended_until == at(3, 8)


def test_a_run_at_the_moment_of_a_sanction_serves_it() -> None:
    """A run at the very moment a skip is imposed ("at or after") serves it."""
    s = sanctions([*misjudged((3, 3)), PassedOver("K01", at(3, 3))], SEED, at=at(3, 20))
    assert (s.skips_left, s.skips_served) == (0, 1)


def test_fixed_period_reading_after_a_sanction_without_skips() -> None:
    days = with_sanctions(skip_reading=SkipReading.DAYS, days_per_skip=2)
    history: list[SanctionEvent] = [Violation("K01", at(3, 1)), *misjudged((3, 3))]
    s = sanctions(history, days, at=at(3, 4))
    assert [(i.skips, i.start, i.until) for i in s.imposed] == [
        (0, at(3, 1), at(3, 8)),
        (0, at(3, 3), at(3, 5)),
    ]
    assert s.skips_left == 0


def test_the_policy_effective_date_is_recorded() -> None:
    book = AllocationPolicy(effective=dt.date(2026, 1, 1))
    assert sanctions([], book, at=at(3, 1)).policy_effective == dt.date(2026, 1, 1)
    h = ten_minute_response(handled(at(3, 1)), book, at=at(3, 1))
    assert h.policy_effective == dt.date(2026, 1, 1)
    d = first_ec_entries([], book)
    assert d.policy_effective == dt.date(2026, 1, 1)


class _Late(Misjudgment):
    """A host's subclass of an event."""


def test_a_subclass_of_an_event_is_accepted() -> None:
    assert sanctions([_Late("K01", at(3, 1))], SEED, at=at(3, 2)).person == "K01"


# --------------------------------------------------------------------------- refusals


def test_bad_histories_are_refused_with_what_was_given() -> None:
    assert problems_of(lambda: sanctions("K01", SEED, at=at(3, 5))) == [  # type: ignore[arg-type]
        ("history", "'K01'", f"a list of events ({_EVENT_NAMES})")
    ]
    other = [Misjudgment("K01", at(3, 1)), "x"]
    assert problems_of(lambda: sanctions(other, SEED, at=at(3, 5))) == [  # type: ignore[arg-type]
        ("history[1]", "'x'", _EVENT_NAMES)
    ]
    two = [Misjudgment("K01", at(3, 1)), Misjudgment("K02", at(3, 2))]
    assert problems_of(lambda: sanctions(two, SEED, at=at(3, 5))) == [
        ("history[1].person", "'K02'", "the same person as before ('K01')")
    ]
    assert problems_of(lambda: sanctions([], SEED, at=at(3, 5), person=" ")) == [
        ("person", "' '", "a person's id (a non-blank string) or None")
    ]


_EVENT_NAMES = "a Misjudgment, Violation, MissedReport, PassedOver or LeadGiven"
_AWARE = "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)"


def test_a_sanction_checks_its_fields() -> None:
    naive = dt.datetime(2026, 3, 1, 10)
    kind = SanctionKind.VIOLATION
    assert problems_of(lambda: Sanction(kind, at(3, 1), count=1.5)) == [  # type: ignore[arg-type]
        ("count", "a float", "a whole number, 0 or more")
    ]
    assert problems_of(lambda: Sanction(kind, at(3, 1), skips=-1)) == [
        ("skips", -1, "a whole number, 0 or more")
    ]
    assert problems_of(lambda: Sanction(kind, at(3, 1), deduction="abc")) == [
        (
            "deduction",
            "'abc'",
            "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'",
        )
    ]
    assert problems_of(lambda: Sanction(kind, at(3, 1), start=naive)) == [
        ("start", "datetime.datetime(2026, 3, 1, 10, 0)", _AWARE)
    ]


def test_a_lead_handling_checks_its_moments() -> None:
    naive = dt.datetime(2026, 3, 1, 10)
    assert problems_of(lambda: handled(at(3, 1), reported_at=naive)) == [
        ("reported_at", "datetime.datetime(2026, 3, 1, 10, 0)", _AWARE)
    ]
    early = at(3, 1, 9).astimezone(dt.UTC)
    assert problems_of(lambda: handled(at(3, 1), contacted_at=early)) == [
        (
            "contacted_at",
            repr(early),
            "a moment on or after given_at (2026-03-01 10:00:00+08:00)",
        )
    ]


def test_a5_bad_arguments_are_named() -> None:
    assert problems_of(lambda: ten_minute_response("h", SEED, at=at(3, 1))) == [  # type: ignore[arg-type]
        ("handling", "'h'", "a LeadHandling")
    ]
    naive = dt.datetime(2026, 3, 1, 10)
    assert problems_of(lambda: in_business_hours(naive, SEED)) == [
        ("moment", "datetime.datetime(2026, 3, 1, 10, 0)", _AWARE)
    ]
    assert problems_of(lambda: first_ec_entries("x", SEED)) == [  # type: ignore[arg-type]
        ("entries", "'x'", "a list of EcEntry")
    ]
    assert problems_of(lambda: first_ec_entries([3], SEED)) == [  # type: ignore[list-item]
        ("entries[0]", 3, "an EcEntry")
    ]


class _NoWorkingDays:
    """A calendar without a single working day."""

    def is_working_day(self, day: dt.date) -> bool:
        return False

    def covers(self, day: dt.date) -> bool:
        return True


def test_a5_a_calendar_without_working_days_is_refused() -> None:
    """A5: the next opening is looked for over three years (3 × 366 days)."""
    call = lambda: ten_minute_response(  # noqa: E731
        handled(at(3, 1)), SEED, at=at(3, 1), calendar=_NoWorkingDays()
    )
    assert problems_of(call) == [
        ("calendar", "a _NoWorkingDays", "a calendar with working days after 2029-03-04")
    ]


def test_a5_before_opening_on_a_rest_day_waits_for_the_next_business_day() -> None:
    saturday = at(5, 9, 8)  # 2026-05-09 is a Saturday
    r = ten_minute_response(handled(saturday), SEED, at=saturday, calendar=_Weekdays())
    assert (r.start, r.deadline) == (at(5, 11, 9), at(5, 11, 9, 10))


def test_policy_tables_are_checked() -> None:
    """A3 a level must impose something; A4 days 0–366; A5 business hours HH:MM."""
    assert problems_of(lambda: EscalationLevel(threshold=3), PolicyError) == [
        ("skips", 0, "a level that imposes something (skips, days or a ban)")
    ]
    assert EscalationLevel(threshold=3, suspension_days=7).suspension_days == 7
    assert EscalationLevel(threshold=3, ban_months=1).ban_months == 1
    days = with_sanctions(violations={"suspension_days": (0, 366)})
    assert days.sanctions.violations.suspension_days == (0, 366)
    bad = {"violations": {"suspension_days": (366, 367, 400)}}
    assert problems_of(lambda: with_sanctions(**bad), PolicyError) == [
        ("sanctions.violations.suspension_days[1]", 367, "a number of days, 0–366"),
        ("sanctions.violations.suspension_days[2]", 400, "a number of days, 0–366"),
    ]
    hours = {"opens": "9h", "closes": "25:00"}
    assert problems_of(lambda: with_response(**hours), PolicyError) == [
        ("response.opens", "'9h'", "a time HH:MM, e.g. 09:00"),
        ("response.closes", "'25:00'", "a time HH:MM, e.g. 18:00"),
    ]
    same = {"opens": "10:00", "closes": "10:00"}
    assert problems_of(lambda: with_response(**same), PolicyError) == [
        ("response.closes", "'10:00'", "a time after opens (10:00)")
    ]


@pytest.mark.parametrize("text", ["9:5", "ab:cd", "ab:00", "09:cd", "009:00", "24:00", "17:60"])
def test_a5_business_hours_must_be_hh_mm(text: str) -> None:
    assert problems_of(lambda: with_response(opens=text), PolicyError) == [
        ("response.opens", repr(text), "a time HH:MM, e.g. 09:00")
    ]


def test_a5_business_hours_up_to_23_59() -> None:
    p = with_response(opens="09:30", closes="23:59")
    assert p.response.hours == (dt.time(9, 30), dt.time(23, 59))


# --------------------------------------------------------------------------- A5 reasons


def test_a5_response_reasons_name_every_fact() -> None:
    given_at = at(5, 6, 10)
    deadline = given_at + 10 * _MINUTE
    on_time = ten_minute_response(
        handled(given_at, reported_at=deadline, contacted_at=deadline), SEED, at=deadline
    )
    assert lines(on_time) == [
        (
            "A5",
            "A5.on_time",
            {"given": given_at, "deadline": deadline, "reported": deadline, "minutes": 10},
        ),
        ("A5", "A5.not_entered", {"missing": _ENTRIES}),
    ]
    late_at = deadline + _MINUTE
    late = ten_minute_response(
        handled(
            given_at, reported_at=late_at, contacted_at=deadline, ec_at=late_at, register_at=late_at
        ),
        SEED,
        at=late_at,
    )
    assert lines(late) == [
        (
            "A5",
            "A5.late",
            {
                "given": given_at,
                "deadline": deadline,
                "reported": late_at,
                "skips": 1,
                "amount": Decimal(20),
            },
        ),
    ]
    missing = ten_minute_response(
        handled(given_at, contacted_at=given_at, ec_at=given_at, register_at=given_at),
        SEED,
        at=late_at,
    )
    assert lines(missing) == [
        (
            "A5",
            "A5.not_reported",
            {"given": given_at, "deadline": deadline, "skips": 1, "amount": Decimal(20)},
        ),
        ("A5", "A5.reallocate", {}),
    ]
    pending = ten_minute_response(handled(given_at), SEED, at=deadline)
    assert [code for _, code, _ in lines(pending)] == ["A5.pending", "A5.not_entered"]
    no_contact = ten_minute_response(handled(given_at, contacted_at=late_at), SEED, at=late_at)
    assert lines(no_contact)[1] == ("A5", "A5.no_contact", {"deadline": deadline})


def test_a5_a_report_or_entry_at_the_moment_asked_is_known() -> None:
    given_at = at(5, 6, 10)
    now = given_at + 5 * _MINUTE
    r = ten_minute_response(handled(given_at, reported_at=now), SEED, at=now)
    assert r.status is ResponseStatus.ON_TIME
    entered = handled(given_at, ec_at=now, register_at=now)
    later = given_at + 11 * _MINUTE
    assert ten_minute_response(entered, SEED, at=later).reallocate is True
    both = handled(given_at, ec_at=later, register_at=later)
    assert ten_minute_response(both, SEED, at=later).reallocate is True


def test_after_hours_an_in_hours_entry_first_does_not_stop_the_rest() -> None:
    night = at(5, 6, 22)
    entries = [
        EcEntry("13700000000", "S04", at(5, 6, 11), at(5, 6, 11)),
        EcEntry("13800000000", "S01", night, night + _MINUTE),
        EcEntry("13800000000", "S02", night, night + 2 * _MINUTE),
    ]
    d = first_ec_entries(entries, SEED)
    assert [(x.entry.person, x.after_hours, x.kept, x.first) for x in d.decisions] == [
        ("S04", False, True, None),
        ("S01", True, True, None),
        ("S02", True, False, entries[1]),
    ]


def test_fixed_period_reading_keeps_a_chained_start() -> None:
    """A3 cumulative, fixed-period reading: skips turned into days extend a suspension that
    follows another; its start stays where the chain put it."""
    levels = [
        {"threshold": 3, "suspension_days": 7},
        {"threshold": 4, "suspension_days": 1, "skips": 30},
    ]
    policy = with_sanctions(
        misjudgments={"levels": levels, "combine": LevelCombination.CUMULATIVE},
        skip_reading=SkipReading.DAYS,
    )
    s = sanctions(misjudged((3, 4)), policy, at=at(3, 5))
    assert [(i.start, i.until, i.skips) for i in s.imposed] == [
        (at(3, 3), at(3, 10), 0),
        (at(3, 10), at(4, 3), 0),
    ]


def test_a_sanction_without_an_end_has_no_suspension_line() -> None:
    """A4: a suspension line needs both its start and its end."""
    item = Sanction(SanctionKind.VIOLATION, at(3, 1), start=at(3, 1))
    s = Sanctions(
        person="S07",
        at=at(3, 2),
        suspended=False,
        suspended_until=None,
        skips_left=0,
        skips_imposed=0,
        skips_served=0,
        answering_ban_until=None,
        resignation=False,
        deduction=Decimal(0),
        imposed=(item,),
        policy_version=SEED.version,
    )
    assert [code for _, code, _ in lines(s)] == ["A4.violation", "A3-A5.clear"]


def test_a_suspension_end_no_sanction_explains_is_named_as_a3() -> None:
    """A3: a hand-built result whose ``suspended_until`` is no imposed sanction's end (a record
    that lost its sanctions) still explains the end, under the A3 rule."""
    s = Sanctions(
        person="S07",
        at=at(3, 2),
        suspended=True,
        suspended_until=at(3, 9),
        skips_left=0,
        skips_imposed=0,
        skips_served=0,
        answering_ban_until=None,
        resignation=False,
        deduction=Decimal(0),
        imposed=(),
        policy_version=SEED.version,
    )
    assert lines(s) == [("A3", "A3.until", {"until": at(3, 9), "at": at(3, 2)})]
