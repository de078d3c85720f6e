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
