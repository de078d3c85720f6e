"""C5 — the collection ladder: the phases (事前 / 事中 / 事后), the default days on both sides of
the due date, the next action following the last step taken, promises, residuals, the recovery
method, working-day calendars; and properties (never steps back as the receivable ages, never
skips a step, a due date never before what it counts from, round trip, no float)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import PolicyBook
from customer_rules.calendars import DeadlineMode, WorkingDayCalendar
from customer_rules.cn_calendar import china_working_days
from customer_rules.credit import (
    LADDER,
    AgingPolicy,
    CollectionAction,
    CollectionPhase,
    CollectionPolicy,
    CollectionStep,
    CreditPolicy,
    CreditReason,
    PaymentPromise,
    Receivable,
    RecoveryMethod,
    collection_action,
    collection_ladder,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, explain, find_reason
from customer_rules.roles import Approval, Role
from customer_rules.testing import collection_policies, days, payment_promises, receivables
from customer_rules.workflow import Case, apply, replay, start
from refusals import problems_of

D = dt.date
SEED = CreditPolicy()
DUE = D(2026, 12, 31)
ISSUED = D(2026, 10, 31)
R = Receivable("INV-1", "C001", "5万", DUE, issued=ISSUED)
STEPS = list(CollectionStep)


def case(step: CollectionStep | None, on: dt.date | None = None, subject: str = "INV-1") -> Case:
    """The ladder's case with ``step`` the last taken (on ``on``)."""
    if step is None:
        return Case(LADDER, "open", subject)
    return Case(LADDER, step.value, subject, STEPS.index(step) + 1, "someone", on)


def action(
    on: dt.date, r: Receivable = R, policy: CreditPolicy = SEED, **kw: Any
) -> CollectionAction:
    return collection_action(r, policy, on=on, **kw)


def reason(result: CollectionAction, code: CreditReason) -> Reason:
    found = find_reason(result, code)
    assert found is not None, f"no {code} in {[r.code for r in result.reasons]}"
    return found


def days_from_due(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


# --------------------------------------------------------------------------- the default days


@pytest.mark.parametrize(
    ("last", "step", "scheduled", "role"),
    [
        (None, CollectionStep.PHONE, D(2026, 12, 21), Role.OFFICE_DIRECTOR),  # due − 10
        (CollectionStep.PHONE, CollectionStep.LETTER, D(2026, 12, 26), Role.OFFICE_DIRECTOR),
        (CollectionStep.LETTER, CollectionStep.VISIT, D(2026, 12, 30), Role.OFFICE_DIRECTOR),
        (CollectionStep.VISIT, CollectionStep.HAND_OVER, D(2027, 1, 1), Role.PLANNING_DEPARTMENT),
        (CollectionStep.HAND_OVER, CollectionStep.CONSIDER_LEGAL, D(2027, 3, 31),
         Role.PLANNING_DEPARTMENT),
    ],
)  # fmt: skip
def test_each_step_falls_on_its_default_day(
    last: CollectionStep | None, step: CollectionStep, scheduled: dt.date, role: Role
) -> None:
    """Phone at due − 10, letter at − 5, visit at − 1, hand-over to 企划部 from due + 1,
    legal action considered at + 90 (catalogue C5 [default])."""
    a = action(D(2026, 12, 1), case=case(last, D(2026, 12, 1)))
    assert (a.next_action, a.next_scheduled, a.next_due, a.next_role) == (
        step, scheduled, scheduled, role
    )  # fmt: skip
    assert a.offset == (scheduled - DUE).days
    assert step.phase is (CollectionPhase.DURING if scheduled <= DUE else CollectionPhase.AFTER)


def test_the_hand_over_waits_for_the_grace_period() -> None:
    policy = CreditPolicy(aging=AgingPolicy(grace_days=15))
    a = action(D(2026, 12, 1), policy=policy, case=case(CollectionStep.VISIT, D(2026, 12, 1)))
    assert (a.next_action, a.next_due, a.offset) == (CollectionStep.HAND_OVER, D(2027, 1, 16), 16)
    assert reason(a, CreditReason.C5_AFTER_DUE).fact("days") == 16


def test_without_a_grace_period_the_hand_over_is_the_day_after_the_due_date() -> None:
    """C4/C5: with the seed's grace of 0 days, 企划部 takes over the day after the due date — one
    day *after* it, told with the after-the-due-date reason."""
    a = action(D(2026, 12, 1), case=case(CollectionStep.VISIT, D(2026, 12, 1)))
    assert (a.next_action, a.next_scheduled, a.offset) == (
        CollectionStep.HAND_OVER,
        D(2027, 1, 1),
        1,
    )
    assert find_reason(a, CreditReason.C5_BEFORE_DUE) is None
    assert reason(a, CreditReason.C5_AFTER_DUE).fact("days") == 1


def test_the_legal_prompt_is_never_before_the_hand_over() -> None:
    policy = CreditPolicy(
        aging=AgingPolicy(grace_days=120), collection=CollectionPolicy(legal_prompt_days=90)
    )
    a = action(D(2026, 12, 1), policy=policy, case=case(CollectionStep.HAND_OVER, D(2026, 12, 1)))
    assert (a.next_action, a.offset, a.next_due) == (
        CollectionStep.CONSIDER_LEGAL, 121, D(2027, 5, 1)
    )  # fmt: skip


# --------------------------------------------------------------------------- the phases


def test_phases_on_both_sides_of_shipment_and_due_date() -> None:
    """事前 before shipment; 事中 from shipment (inclusive) to the due date (inclusive); 事后
    from the first day of arrears."""
    assert action(D(2026, 10, 30)).phase is CollectionPhase.BEFORE
    assert action(ISSUED).phase is CollectionPhase.DURING
    assert action(DUE).phase is CollectionPhase.DURING
    assert action(days_from_due(1)).phase is CollectionPhase.AFTER
    unknown = Receivable("INV-2", "C001", "1", DUE)  # no shipment day: 事中 up to the due date
    assert collection_action(unknown, SEED, on=D(2000, 1, 1)).phase is CollectionPhase.DURING


def test_phase_reasons_say_why() -> None:
    assert explain(action(D(2026, 10, 30)), "en").splitlines()[0] == (
        "[C5] before the formal transaction (事前): 2026-10-30 is before the shipment on 2026-10-31"
    )
    assert explain(action(days_from_due(3)), "zh").splitlines()[0] == (
        "[C5] 事后处理:到期日 2026-12-31 后已拖欠 3 天"
    )


# --------------------------------------------------------------------------- never jumps


def test_the_next_action_follows_the_last_step_taken_never_jumps() -> None:
    """200 days past due with only a phone call made: the next action is the letter, overdue
    since its own day — not legal action."""
    a = action(days_from_due(200), case=case(CollectionStep.PHONE, D(2026, 12, 20)))
    assert a.next_action is CollectionStep.LETTER
    assert a.next_due == D(2026, 12, 26)  # keeps its own day
    assert a.overdue
    assert a.next_role is Role.OFFICE_DIRECTOR
    assert reason(a, CreditReason.C5_NEXT_OVERDUE).fact("late") == 205


def test_an_overdue_action_keeps_its_day_whatever_the_day_asked() -> None:
    dates = {action(days_from_due(n)).next_due for n in (-20, -10, -9, 0, 1, 45, 400)}
    assert dates == {D(2026, 12, 21)}
    assert not action(D(2026, 12, 21)).overdue
    assert action(D(2026, 12, 22)).overdue


def test_every_step_taken_means_the_owner_pursues() -> None:
    done = case(CollectionStep.CONSIDER_LEGAL, days_from_due(90))
    a = action(days_from_due(100), case=done, method=RecoveryMethod.LEGAL)
    assert (a.next_action, a.next_due, a.next_role) == (None, None, Role.PLANNING_DEPARTMENT)
    assert [r.code for r in a.reasons[1:]] == [
        CreditReason.C5_LAST, CreditReason.C5_COMPLETE, CreditReason.C5_METHOD
    ]  # fmt: skip
    finance = CreditPolicy(aging=AgingPolicy(write_off_days=365))
    assert action(days_from_due(365), policy=finance, case=done).next_role is Role.FINANCE


# --------------------------------------------------------------------------- floors


def test_a_step_is_never_before_the_shipment() -> None:
    late = Receivable("INV-3", "C1", "100", DUE, issued=D(2026, 12, 28))
    a = collection_action(late, SEED, on=D(2026, 12, 28))
    assert (a.next_action, a.next_scheduled, a.next_due) == (
        CollectionStep.PHONE, D(2026, 12, 21), D(2026, 12, 28)
    )  # fmt: skip
    assert reason(a, CreditReason.C5_AFTER_ISSUE).fact("issued") == D(2026, 12, 28)


def test_a_step_is_never_before_the_last_step_taken() -> None:
    late_letter = case(CollectionStep.LETTER, D(2027, 1, 5))
    a = action(D(2027, 1, 6), case=late_letter)
    assert (a.next_action, a.next_scheduled, a.next_due) == (
        CollectionStep.VISIT, D(2026, 12, 30), D(2027, 1, 5)
    )  # fmt: skip
    assert reason(a, CreditReason.C5_AFTER_LAST).fact("last") == D(2027, 1, 5)


def test_signs_of_arrears_bring_the_offices_step_forward() -> None:
    """事中: 早期催收 — the office does not wait for the policy's day."""
    a = action(D(2026, 12, 5), early_signs=D(2026, 12, 3))
    assert (a.next_action, a.next_due) == (CollectionStep.PHONE, D(2026, 12, 3))
    assert reason(a, CreditReason.C5_EARLY).fact("seen") == D(2026, 12, 3)
    # not before the shipment even so
    assert action(D(2026, 11, 1), early_signs=D(2026, 10, 1)).next_due == ISSUED
    # 企划部's steps keep their days
    b = action(D(2026, 12, 31), case=case(CollectionStep.VISIT, D(2026, 12, 30)),
               early_signs=D(2026, 12, 5))  # fmt: skip
    assert b.next_due == D(2027, 1, 1)
    assert find_reason(b, CreditReason.C5_EARLY) is None


# --------------------------------------------------------------------------- promises


def test_a_payment_promise_pauses_the_ladder_to_its_date_with_the_reason() -> None:
    promise = PaymentPromise("INV-1", "王总", D(2026, 12, 20), D(2027, 1, 15))
    a = action(D(2026, 12, 22), promise=promise)
    assert a.paused
    assert (a.next_action, a.next_scheduled, a.next_due) == (
        CollectionStep.PHONE, D(2026, 12, 21), D(2027, 1, 16)
    )  # fmt: skip
    assert not a.overdue
    assert explain(a, "en").splitlines()[-1] == (
        "[C5] 王总 promised on 2026-12-20 to pay by 2027-01-15: collection is paused until then"
        " and resumes on 2027-01-16"
    )
    on_the_day = action(D(2027, 1, 15), promise=promise)
    assert on_the_day.paused
    lapsed = action(D(2027, 1, 17), promise=promise)
    assert not lapsed.paused
    assert lapsed.next_due == D(2027, 1, 16)
    assert lapsed.overdue
    assert reason(lapsed, CreditReason.C5_LAPSED).fact("resume") == D(2027, 1, 16)


def test_a_promise_that_ends_before_the_steps_day_does_not_move_it() -> None:
    promise = PaymentPromise("INV-1", "王总", D(2026, 11, 1), D(2026, 11, 10))
    a = action(D(2026, 11, 5), promise=promise)
    assert a.paused
    assert a.next_due == D(2026, 12, 21)


def test_a_promise_is_a_record_that_cannot_run_backwards() -> None:
    with pytest.raises(InputError) as exc:
        PaymentPromise("INV-1", "王总", D(2026, 12, 20), D(2026, 12, 19))
    assert exc.value.problems[0].path == "until"
    promise = PaymentPromise("INV-1", "王总", D(2026, 12, 20), D(2026, 12, 20))
    with pytest.raises(AttributeError):
        promise.until = D(2027, 1, 1)  # type: ignore[misc]


# --------------------------------------------------------------------------- residuals


def test_a_residual_below_the_tolerance_is_ignored_and_one_yuan_is_not() -> None:
    """低于 excludes the number: below 1 yuan is ignored, exactly 1 yuan is still collected."""
    below = Receivable("INV-1", "C1", "100.00", DUE, paid="99.01")
    at = Receivable("INV-1", "C1", "100.00", DUE, paid="99.00")
    a = collection_action(below, SEED, on=days_from_due(30))
    assert (a.settled, a.next_action, a.next_due, a.next_role) == (True, None, None, None)
    assert explain(a, "zh").splitlines()[-1] == "[C5] 未收余额 0.99 元低于容差 1 元,不再催收"
    b = collection_action(at, SEED, on=days_from_due(30))
    assert (b.settled, b.next_action) == (False, CollectionStep.PHONE)


def test_the_tolerance_is_a_setting() -> None:
    policy = CreditPolicy(collection=CollectionPolicy(tolerance="50"))
    r = Receivable("INV-1", "C1", "100", DUE, paid="50.01")
    assert collection_action(r, policy, on=DUE).settled
    assert not collection_action(r, SEED, on=DUE).settled


# --------------------------------------------------------------------------- recovery method


def test_after_the_hand_over_planning_chooses_the_method() -> None:
    visited = case(CollectionStep.VISIT, D(2026, 12, 30))
    a = action(days_from_due(3), case=visited)
    assert reason(a, CreditReason.C5_METHOD_OPEN).fact("role") is Role.PLANNING_DEPARTMENT
    b = action(days_from_due(3), case=visited, method=RecoveryMethod.AGENCY)
    assert reason(b, CreditReason.C5_METHOD).fact("method") is RecoveryMethod.AGENCY


def test_the_legal_prompt_notes_a_lawsuit_already_chosen() -> None:
    handed = case(CollectionStep.HAND_OVER, D(2027, 1, 2))
    prompt = action(days_from_due(91), case=handed)
    assert explain(prompt, "en").splitlines()[-1] == (
        "[C5] at 90 days past due, consider legal action"
    )
    chosen = action(days_from_due(91), case=handed, method=RecoveryMethod.LEGAL)
    assert chosen.next_action is CollectionStep.CONSIDER_LEGAL  # never skipped
    assert find_reason(chosen, CreditReason.C5_LEGAL_CHOSEN) is not None
    assert find_reason(chosen, CreditReason.C5_LEGAL) is None


# --------------------------------------------------------------------------- calendars


def test_working_days_count_back_from_the_due_date() -> None:
    calendar = china_working_days()
    policy = CreditPolicy(collection=CollectionPolicy(mode=DeadlineMode.WORKING_DAYS))
    r = Receivable("INV-1", "C1", "100", D(2026, 10, 9))
    a = collection_action(r, policy, on=D(2026, 9, 1), calendar=calendar)
    # ten working days before 9 October 2026 skip the National Day holiday and count Sunday
    # 20 September, a make-up workday (调休)
    assert a.next_scheduled == D(2026, 9, 18)


def test_a_rolled_day_before_the_due_date_moves_back_and_after_it_forward() -> None:
    calendar = china_working_days()
    policy = CreditPolicy(collection=CollectionPolicy(mode=DeadlineMode.CALENDAR_THEN_ROLL))
    r = Receivable("INV-1", "C1", "100", D(2026, 10, 12))
    phone = collection_action(r, policy, on=D(2026, 9, 1), calendar=calendar)
    assert phone.next_scheduled == D(2026, 9, 30)  # 2 October is a holiday: the day before
    s = Receivable("INV-1", "C1", "100", D(2026, 9, 30))
    visited = case(CollectionStep.VISIT, D(2026, 9, 29))
    hand = collection_action(s, policy, on=D(2026, 10, 1), case=visited, calendar=calendar)
    assert hand.next_scheduled == D(2026, 10, 8)  # 1 October is a holiday: the working day after


def test_calendar_days_ignore_the_calendar() -> None:
    """The seed counts calendar days [default]: a step may fall on a holiday."""
    r = Receivable("INV-1", "C1", "100", D(2026, 10, 12))
    a = collection_action(r, SEED, on=D(2026, 9, 1), calendar=china_working_days())
    assert a.next_due == D(2026, 10, 2)  # a National Day holiday, not moved
    assert explain(a, "en").splitlines()[-1] == (
        "[C5] phone call: 10 days (calendar days) before the due date, 2026-10-02"
    )


# --------------------------------------------------------------------------- the ladder table


def test_the_ladder_is_a_workflow_table_that_refuses_a_jump() -> None:
    ladder = collection_ladder(SEED)
    assert ladder is collection_ladder(CreditPolicy())
    # 办事处 and its salespeople (各办事处业务员) record the office's steps [seed]
    assert ladder.transition("open", "phone").roles == {Role.OFFICE_DIRECTOR, Role.SALESPERSON}
    assert (ladder.name, ladder.rule, ladder.initial) == (LADDER, "C5", "open")
    day = D(2026, 12, 21)
    clerk = Approval("陈小明", Role.SALESPERSON, "C5", day)
    planner = Approval("周企划", Role.PLANNING_DEPARTMENT, "C5", day)
    first = start(ladder, subject="INV-1")
    jump = apply(ladder, first, "hand_over", by=planner, on=day)
    assert jump.outcome.value == "no_transition"
    assert explain(jump, "en").startswith("[C5] 'hand-over to the planning department' is not")
    phoned = apply(ladder, first, "phone", by=clerk, on=day)
    assert phoned.applied
    wrong = apply(ladder, phoned.after, "letter", by=planner, on=day)
    assert wrong.outcome.value == "wrong_role"
    lettered = apply(ladder, phoned.after, "letter", by=clerk, on=D(2026, 12, 26))
    assert replay(ladder, first, [phoned.record, lettered.record]) == lettered.after
    a = collection_action(R, SEED, on=D(2026, 12, 27), case=lettered.after)
    assert (a.last_step, a.last_on, a.next_action) == (
        CollectionStep.LETTER, D(2026, 12, 26), CollectionStep.VISIT
    )  # fmt: skip


def test_the_ladders_roles_follow_the_policy() -> None:
    policy = CreditPolicy(
        aging=AgingPolicy(office_role=Role.SALES_MANAGER),
        collection=CollectionPolicy(office_staff=[Role.SALES_ADMIN]),
    )
    ladder = collection_ladder(policy)
    assert ladder.transition("open", "phone").roles == {Role.SALES_MANAGER, Role.SALES_ADMIN}
    assert ladder.transition("visit", "hand_over").roles == {
        Role.SALES_MANAGER, Role.PLANNING_DEPARTMENT
    }  # fmt: skip
    assert ladder.transition("hand_over", "consider_legal").roles == {Role.PLANNING_DEPARTMENT}


# --------------------------------------------------------------------------- the policy


def test_the_offices_steps_must_come_in_order() -> None:
    with pytest.raises(PolicyError) as exc:
        CollectionPolicy(phone_days_before=5, letter_days_before=5, visit_days_before=7)
    assert [p.path for p in exc.value.problems] == ["letter_days_before", "visit_days_before"]
    assert CollectionPolicy(visit_days_before=0).visit_days_before == 0  # on the due date


@pytest.mark.parametrize(
    ("settings", "path"),
    [
        ({"legal_prompt_days": 0}, "legal_prompt_days"),
        ({"tolerance": -1}, "tolerance"),
        ({"tolerance": 0.125}, "tolerance"),
        ({"mode": "lunar"}, "mode"),
        ({"office_staff": ["janitor"]}, "office_staff"),
        ({"phone_days_before": 367}, "phone_days_before"),
    ],
)
def test_a_bad_setting_is_named(settings: dict[str, Any], path: str) -> None:
    with pytest.raises(PolicyError) as exc:
        CollectionPolicy(**settings)
    assert exc.value.problems[0].path.startswith(path)


# --------------------------------------------------------------------------- wrong input


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"case": "phone"}, "case"),
        ({"case": Case("G6.review", "due")}, "case.workflow"),
        ({"case": Case(LADDER, "lawsuit")}, "case.state"),
        ({"case": case(CollectionStep.PHONE, D(2026, 12, 1), subject="INV-9")}, "case.subject"),
        ({"case": case(CollectionStep.PHONE, D(2026, 12, 2))}, "case.last_on"),
        ({"promise": PaymentPromise("INV-9", "王", D(2026, 11, 1), D(2026, 12, 1))},
         "promise.receivable"),
        ({"promise": PaymentPromise("INV-1", "王", D(2026, 12, 2), D(2026, 12, 9))},
         "promise.on"),
        ({"promise": "soon"}, "promise"),
        ({"method": "legal"}, "method"),
        ({"early_signs": D(2026, 12, 2)}, "early_signs"),
        ({"early_signs": "2026-11-01"}, "early_signs"),
        ({"calendar": "cn"}, "calendar"),
    ],
)  # fmt: skip
def test_wrong_input_is_an_input_error_naming_it(kwargs: dict[str, Any], path: str) -> None:
    with pytest.raises(InputError) as exc:
        collection_action(R, SEED, on=D(2026, 12, 1), **kwargs)
    assert exc.value.problems[0].path == path


def test_a_receivable_in_another_currency_or_a_book_is_refused() -> None:
    usd = Receivable("INV-1", "C1", "1", DUE, currency="USD")
    with pytest.raises(InputError, match=r"receivable\.currency"):
        collection_action(usd, SEED, on=DUE)
    with pytest.raises(InputError, match=r"book\.credit"):
        collection_action(R, PolicyBook(), on=DUE)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="policy"):
        collection_ladder("seed")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("due", "last"),
    [(D(1900, 1, 5), None), (D(2999, 12, 31), CollectionStep.VISIT)],
)
def test_a_step_outside_the_supported_dates_names_the_due_date(
    due: dt.date, last: CollectionStep | None
) -> None:
    r = Receivable("INV-1", "C1", "1", due)
    with pytest.raises(InputError) as exc:
        collection_action(r, SEED, on=due, case=case(last, due))
    assert exc.value.problems[0].path == "receivable.due"


# --------------------------------------------------------------------------- properties

ON = days(dt.date(2001, 1, 1), dt.date(2098, 12, 31))
POLICIES = st.builds(
    lambda c, grace: CreditPolicy(
        version="drawn", collection=c, aging=AgingPolicy(grace_days=grace)
    ),
    collection_policies(),
    st.integers(0, 60),
)
LAST = st.sampled_from([None, *CollectionStep])


def drawn_case(r: Receivable, last: CollectionStep | None, taken: dt.date) -> Case:
    return case(last, taken if last else None, subject=r.id)


@given(receivables(), POLICIES, LAST, ON, st.integers(0, 500))
def test_the_ladder_never_steps_back_as_days_past_due_grow(
    r: Receivable, policy: CreditPolicy, last: CollectionStep | None, on: dt.date, more: int
) -> None:
    """With the same steps taken, a later day gives the same next action on the same day:
    nothing moves back, nothing is skipped."""
    c = drawn_case(r, last, min(on, r.due))
    first = collection_action(r, policy, on=on, case=c)
    later = collection_action(r, policy, on=on + dt.timedelta(days=more), case=c)
    assert later.next_action == first.next_action
    assert later.next_due == first.next_due
    order = [None, *CollectionStep]
    phases = list(CollectionPhase)  # before, during, after
    assert phases.index(later.phase) >= phases.index(first.phase)
    if first.next_action is not None:
        assert order.index(first.next_action) == order.index(last) + 1  # never skips


@given(receivables(), POLICIES, ON)
def test_taking_each_next_action_walks_the_whole_ladder_in_order(
    r: Receivable, policy: CreditPolicy, on: dt.date
) -> None:
    ladder = collection_ladder(policy)
    c = start(ladder, subject=r.id)
    taken: list[CollectionStep] = []
    day = on
    while True:
        a = collection_action(r, policy, on=day, case=c)
        if a.next_action is None:
            break
        assert a.next_due is not None
        day = max(day, a.next_due)
        role = a.next_role
        assert role is not None
        step = apply(ladder, c, a.next_action.value, by=Approval("x", role, "C5", day), on=day)
        assert step.applied, explain(step, "en")
        c = step.after
        taken.append(a.next_action)
    assert taken in ([], list(CollectionStep))  # settled, or every step in order


@given(receivables(), POLICIES, LAST, ON, st.data())
def test_a_due_date_is_never_before_what_it_counts_from(
    r: Receivable, policy: CreditPolicy, last: CollectionStep | None, on: dt.date, data: Any
) -> None:
    taken = data.draw(days(dt.date(2000, 1, 1), on), label="taken")
    promise = data.draw(st.none() | payment_promises(r.id, on), label="promise")
    early = data.draw(st.none() | days(dt.date(2000, 1, 1), on), label="early")
    a = collection_action(
        r, policy, on=on, case=drawn_case(r, last, taken), promise=promise, early_signs=early
    )
    if a.next_due is None:
        assert a.settled or a.last_step is CollectionStep.CONSIDER_LEGAL
        return
    assert a.next_scheduled is not None
    assert a.next_action is not None
    if r.issued is not None:
        assert a.next_due >= r.issued
    if a.last_on is not None:
        assert a.next_due >= a.last_on
    if promise is not None:
        assert a.next_due > promise.until
    if a.next_action.phase is CollectionPhase.AFTER:
        assert a.next_scheduled > r.due
    else:
        assert a.next_scheduled <= r.due
    if early is None:
        assert a.next_due >= a.next_scheduled
    assert (a.next_scheduled - r.due).days == a.offset


@given(receivables(), POLICIES, LAST, ON, st.sampled_from([None, *RecoveryMethod]))
def test_an_action_round_trips_and_its_reasons_match_it(
    r: Receivable,
    policy: CreditPolicy,
    last: CollectionStep | None,
    on: dt.date,
    method: RecoveryMethod | None,
) -> None:
    a = collection_action(r, policy, on=on, case=drawn_case(r, last, min(on, r.due)), method=method)
    assert a == collection_action(
        r, policy, on=on, case=drawn_case(r, last, min(on, r.due)), method=method
    )  # deterministic
    data = to_data(a, lang="zh")
    assert "policy" not in data
    assert from_data(CollectionAction, data, policy=policy) == a
    assert a.reasons[0].rule == "C5"
    if a.settled:
        assert a.reasons[-1].code == CreditReason.C5_SETTLED
        assert a.next_role is None
    elif a.next_action is None:
        assert find_reason(a, CreditReason.C5_COMPLETE) is not None
    else:
        code = CreditReason.C5_NEXT_OVERDUE if a.overdue else CreditReason.C5_NEXT
        said = reason(a, code)
        assert (said.fact("step"), said.fact("due"), said.fact("role")) == (
            a.next_action, a.next_due, a.next_role
        )  # fmt: skip
        office = a.next_action.phase is CollectionPhase.DURING
        aging = policy.aging
        assert a.next_role is (aging.office_role if office else aging.recovery_role)


def test_no_float_anywhere_in_an_action() -> None:
    def walk(value: Any) -> None:
        assert not isinstance(value, float)
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        if isinstance(value, list):
            for v in value:
                walk(v)

    promise = PaymentPromise("INV-1", "王总", D(2026, 12, 20), D(2027, 1, 15))
    walk(to_data(action(D(2026, 12, 22), promise=promise), lang="en"))
    assert type(action(DUE).receivable.open_amount) is Decimal


# --------------------------------------------------------------------------- pinned in full


def test_the_seed_ladder_table_in_full() -> None:
    """Every state, event and row of the ladder: hosts store the names in cases and records."""
    ladder = collection_ladder(CreditPolicy(version="pinned"))
    assert (ladder.name, ladder.rule, ladder.initial) == ("C5.ladder", "C5", "open")
    assert [(s.name, s.zh, s.en) for s in ladder.states] == [
        ("open", "未催收", "not yet pursued"),
        ("phone", "已电话沟通", "phoned"),
        ("letter", "已信函提示", "reminder letter sent"),
        ("visit", "已实地走访", "visited"),
        ("hand_over", "已移交企划部", "handed over to the planning department"),
        ("consider_legal", "已提示考虑法律诉讼", "legal action considered"),
    ]
    assert [(e.name, e.zh, e.en) for e in ladder.events] == [
        ("phone", "电话沟通", "phone call"),
        ("letter", "信函提示", "reminder letter"),
        ("visit", "实地走访", "on-site visit"),
        ("hand_over", "移交企划部追讨", "hand-over to the planning department"),
        ("consider_legal", "考虑法律诉讼", "consider legal action"),
    ]
    office = {Role.OFFICE_DIRECTOR, Role.SALESPERSON}
    assert [
        (t.source, t.event, t.target, t.roles, t.approval, t.distinct) for t in ladder.transitions
    ] == [
        ("open", "phone", "phone", office, None, False),
        ("phone", "letter", "letter", office, None, False),
        ("letter", "visit", "visit", office, None, False),
        (
            "visit",
            "hand_over",
            "hand_over",
            {Role.OFFICE_DIRECTOR, Role.PLANNING_DEPARTMENT},
            None,
            False,
        ),
        ("hand_over", "consider_legal", "consider_legal", {Role.PLANNING_DEPARTMENT}, None, False),
    ]


def test_planning_choosing_the_method_is_a_c5_reason() -> None:
    a = action(days_from_due(3), case=case(CollectionStep.VISIT, D(2026, 12, 30)))
    found = reason(a, CreditReason.C5_METHOD_OPEN)
    assert (found.rule, found.facts) == ("C5", (("role", Role.PLANNING_DEPARTMENT),))


class _OnlyOn:
    """A calendar whose only working days are the ones given."""

    def __init__(self, days: list[dt.date]) -> None:
        self.days = frozenset(days)

    def is_working_day(self, day: dt.date) -> bool:
        return day in self.days

    def covers(self, day: dt.date) -> bool:
        return True


WORKING = CreditPolicy(collection=CollectionPolicy(mode=DeadlineMode.WORKING_DAYS))
ROLLED = CreditPolicy(collection=CollectionPolicy(mode=DeadlineMode.CALENDAR_THEN_ROLL))
NOT_SHIPPED = Receivable("INV-1", "C001", "5万", DUE)
_FITS = "a due date whose collection steps fall from 1900-01-01 to 2999-12-31"


LATE_SHIPMENT = Receivable("INV-1", "C001", "100", DUE, issued=D(2026, 12, 28))
DECEMBER_1_TO_20 = [D(2026, 12, n) for n in range(1, 21)]


def test_working_days_are_looked_for_up_to_three_years_back_inclusive() -> None:
    """The scan back for working days stops past 3 × 366 days before the due date: ten working
    days ending exactly 1,099 days before it are found; none in reach is an error."""
    far = [DUE - dt.timedelta(days=n) for n in range(1090, 1100)]
    a = collection_action(NOT_SHIPPED, WORKING, on=D(2026, 1, 1), calendar=_OnlyOn(far))
    assert a.next_scheduled == DUE - dt.timedelta(days=1099)


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (
            lambda: action(D(2026, 12, 1), promise="soon"),
            "promise",
            "'soon'",
            "a PaymentPromise or None",
        ),
        (
            lambda: action(
                D(2026, 12, 1),
                promise=PaymentPromise("INV-9", "王", D(2026, 11, 1), D(2026, 12, 1)),
            ),
            "promise.receivable",
            "'INV-9'",
            "the receivable's id 'INV-1'",
        ),
        (
            lambda: action(
                D(2026, 12, 1),
                promise=PaymentPromise("INV-1", "王", D(2026, 12, 2), D(2026, 12, 9)),
            ),
            "promise.on",
            "datetime.date(2026, 12, 2)",
            "a day on or before on (2026-12-01)",
        ),
        (
            lambda: PaymentPromise("INV-1", "王", "2026-12-02", D(2026, 12, 9)),  # type: ignore[arg-type]
            "on",
            "'2026-12-02'",
            "a datetime.date",
        ),
        (
            lambda: PaymentPromise("INV-1", "王", D(2026, 12, 20), D(2026, 12, 19)),
            "until",
            "datetime.date(2026, 12, 19)",
            "a date on or after on (2026-12-20)",
        ),
        (  # ten working days back from 5 January 1900 run past the first supported day
            lambda: collection_action(
                Receivable("INV-1", "C1", "1", D(1900, 1, 5)),
                WORKING,
                on=D(1900, 1, 5),
                calendar=WorkingDayCalendar(covered_years=frozenset({1900})),
            ),
            "receivable.due",
            "datetime.date(1900, 1, 5)",
            _FITS,
        ),
        (
            lambda: action(D(2026, 1, 1), NOT_SHIPPED, WORKING, calendar=_OnlyOn([])),
            "calendar",
            "a _OnlyOn",
            "a calendar with working days before 2026-12-31",
        ),
        (
            lambda: action(
                D(2026, 1, 1),
                NOT_SHIPPED,
                WORKING,
                calendar=_OnlyOn([DUE - dt.timedelta(days=n) for n in range(1091, 1101)]),
            ),
            "calendar",
            "a _OnlyOn",
            "a calendar with working days before 2026-12-31",
        ),
        (
            lambda: action(D(2026, 12, 1), case="phone"),
            "case",
            "'phone'",
            "a Case of the collection ladder, or None",
        ),
        (
            lambda: action(D(2026, 12, 1), case=Case("G6.review", "due")),
            "case.workflow",
            "'G6.review'",
            "'C5.ladder', the collection ladder",
        ),
        (
            lambda: action(D(2026, 12, 1), case=Case(LADDER, "lawsuit")),
            "case.state",
            "'lawsuit'",
            "one of the states ['open', 'phone', 'letter', 'visit', 'hand_over', 'consider_legal']",
        ),
        (
            lambda: action(
                D(2026, 12, 1), case=case(CollectionStep.PHONE, D(2026, 12, 1), subject="INV-9")
            ),
            "case.subject",
            "'INV-9'",
            "the receivable's id 'INV-1'",
        ),
        (
            lambda: action(D(2026, 12, 1), case=case(CollectionStep.PHONE, D(2026, 12, 2))),
            "case.last_on",
            "datetime.date(2026, 12, 2)",
            "a day on or before on (2026-12-01)",
        ),
        (
            lambda: action(D(2026, 12, 1), method="legal"),
            "method",
            "'legal'",
            "a RecoveryMethod or None",
        ),
        (
            lambda: action(D(2026, 12, 1), early_signs=D(2026, 12, 2)),
            "early_signs",
            "datetime.date(2026, 12, 2)",
            "a day on or before on (2026-12-01)",
        ),
        (  # a promise to pay on the last supported day leaves no day to resume on
            lambda: action(
                D(2026, 12, 1),
                promise=PaymentPromise("INV-1", "王", D(2026, 11, 1), D(2999, 12, 31)),
            ),
            "promise.until",
            "datetime.date(2999, 12, 31)",
            "a day before 2999-12-31",
        ),
        (  # the phone call ten calendar days before 10 January 1900 is in 1899
            lambda: collection_action(
                Receivable("INV-1", "C1", "1", D(1900, 1, 10)), SEED, on=D(1900, 1, 10)
            ),
            "receivable.due",
            "datetime.date(1900, 1, 10)",
            _FITS,
        ),
        (  # the hand-over the day after 31 December 2999 is past the last supported day
            lambda: collection_action(
                Receivable("INV-1", "C1", "1", D(2999, 12, 31)),
                SEED,
                on=D(2999, 12, 31),
                case=case(CollectionStep.VISIT, D(2999, 12, 31)),
            ),
            "receivable.due",
            "datetime.date(2999, 12, 31)",
            _FITS,
        ),
        (  # the same in working days: refused before the calendar is asked about 3000
            lambda: collection_action(
                Receivable("INV-1", "C1", "1", D(2999, 12, 31)),
                WORKING,
                on=D(2999, 12, 31),
                case=case(CollectionStep.VISIT, D(2999, 12, 31)),
                calendar=WorkingDayCalendar(covered_years=frozenset({2999})),
            ),
            "receivable.due",
            "datetime.date(2999, 12, 31)",
            _FITS,
        ),
        (  # one working day after 30 December 2999 is only found in 3000
            lambda: collection_action(
                Receivable("INV-1", "C1", "1", D(2999, 12, 30)),
                WORKING,
                on=D(2999, 12, 30),
                case=case(CollectionStep.VISIT, D(2999, 12, 30)),
                calendar=_OnlyOn([D(3000, 1, 2)]),
            ),
            "receivable.due",
            "datetime.date(2999, 12, 30)",
            _FITS,
        ),
        (  # rolled back from the policy's day, no working day within three years
            lambda: action(D(2026, 1, 1), NOT_SHIPPED, ROLLED, calendar=_OnlyOn([])),
            "calendar",
            "a _OnlyOn",
            "a calendar with working days before 2026-12-31",
        ),
        (  # shipped on 28 December, no working day in the three years after it (one later)
            lambda: collection_action(
                LATE_SHIPMENT,
                WORKING,
                on=D(2026, 12, 28),
                calendar=_OnlyOn([*DECEMBER_1_TO_20, D(2026, 12, 28) + dt.timedelta(days=2000)]),
            ),
            "calendar",
            "a _OnlyOn",
            "a calendar with working days after 2026-12-11",
        ),
    ],
)
def test_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: str, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


# --------------------------------------------------------------------------- edges, in full


def said(a: CollectionAction) -> list[tuple[str, CreditReason, tuple[tuple[str, object], ...]]]:
    """Every reason of ``a`` with its rule, code and facts."""
    return [(r.rule, CreditReason(r.code), r.facts) for r in a.reasons]


PHONE_ON_21 = ("C5", CreditReason.C5_BEFORE_DUE, (
    ("step", CollectionStep.PHONE), ("days", 10), ("mode", DeadlineMode.CALENDAR_DAYS),
    ("day", D(2026, 12, 21)),
))  # fmt: skip
DURING = ("C5", CreditReason.C5_PHASE_DURING, (("due", DUE),))
NONE_YET = ("C5", CreditReason.C5_NONE_YET, ())


def next_phone(due: dt.date, overdue_by: int | None = None) -> tuple[str, CreditReason, Any]:
    facts: tuple[tuple[str, object], ...] = (
        ("step", CollectionStep.PHONE), ("role", Role.OFFICE_DIRECTOR), ("due", due)
    )  # fmt: skip
    if overdue_by is None:
        return ("C5", CreditReason.C5_NEXT, facts)
    return ("C5", CreditReason.C5_NEXT_OVERDUE, (*facts, ("late", overdue_by)))


@pytest.mark.parametrize(
    ("r", "last", "on", "scheduled"),
    [
        (Receivable("INV-1", "C1", "1", D(1900, 1, 11)), None, D(1900, 1, 11), D(1900, 1, 1)),
        (Receivable("INV-1", "C1", "1", D(2999, 12, 30)), CollectionStep.VISIT, D(2999, 12, 30),
         D(2999, 12, 31)),
    ],
)  # fmt: skip
def test_a_step_may_fall_on_the_first_or_last_supported_day(
    r: Receivable, last: CollectionStep | None, on: dt.date, scheduled: dt.date
) -> None:
    """C5: the phone call ten days before 11 January 1900 is 1900-01-01, the hand-over the day
    after 30 December 2999 is 2999-12-31 — both supported days, not refused."""
    a = collection_action(r, SEED, on=on, case=case(last, on))
    assert (a.next_scheduled, a.next_due) == (scheduled, scheduled)


def test_signs_of_arrears_seen_on_the_day_asked_are_accepted() -> None:
    """C5 早期催收: ``early_signs`` may be ``on`` itself (on or before it)."""
    a = action(D(2026, 12, 5), early_signs=D(2026, 12, 5))
    assert (a.next_action, a.next_due, a.overdue) == (CollectionStep.PHONE, D(2026, 12, 5), False)


def test_signs_of_arrears_on_a_holiday_bring_the_step_to_that_very_day() -> None:
    """C5 早期催收 with a rolled calendar: the step falls on the day the signs were seen,
    Sunday 27 September 2026, not rolled to a working day (nothing it counts from is later)."""
    r = Receivable("INV-1", "C1", "100", D(2026, 10, 12))
    a = collection_action(
        r, ROLLED, on=D(2026, 9, 28), early_signs=D(2026, 9, 27), calendar=china_working_days()
    )
    assert (a.next_scheduled, a.next_due) == (D(2026, 9, 30), D(2026, 9, 27))


@pytest.mark.parametrize(
    ("policy", "scheduled", "due"),
    [
        (SEED, D(2026, 9, 25), D(2026, 10, 1)),  # calendar days: the holiday itself
        (ROLLED, D(2026, 9, 24), D(2026, 10, 8)),  # the first working day after the holiday
        (WORKING, D(2026, 9, 17), D(2026, 10, 8)),
    ],
)
def test_a_shipment_on_a_holiday_moves_the_step_to_a_working_day_unless_calendar_days(
    policy: CreditPolicy, scheduled: dt.date, due: dt.date
) -> None:
    """C5: the phone call may not precede the shipment on 1 October 2026 (National Day); in the
    working-day modes it falls on the first working day from then, 8 October."""
    r = Receivable("INV-1", "C1", "100", D(2026, 10, 5), issued=D(2026, 10, 1))
    a = collection_action(r, policy, on=D(2026, 10, 1), calendar=china_working_days())
    assert (a.next_action, a.next_scheduled, a.next_due) == (CollectionStep.PHONE, scheduled, due)
    assert reason(a, CreditReason.C5_AFTER_ISSUE).facts == (
        ("issued", D(2026, 10, 1)), ("due", due)
    )  # fmt: skip


@pytest.mark.parametrize(
    ("r", "working", "due"),
    [
        (LATE_SHIPMENT, [*DECEMBER_1_TO_20, D(2026, 12, 28) + dt.timedelta(days=1098)],
         D(2029, 12, 30)),  # exactly 3 × 366 days after the shipment: still found
        (Receivable("INV-1", "C1", "100", D(2999, 12, 31), issued=D(2999, 12, 30)),
         [*(D(2999, 12, n) for n in range(1, 21)), D(2999, 12, 31)], D(2999, 12, 31)),
    ],
)  # fmt: skip
def test_working_days_are_looked_for_up_to_three_years_forward_inclusive(
    r: Receivable, working: list[dt.date], due: dt.date
) -> None:
    """C5: from a shipment on a day off the step moves forward to a working day found within
    3 × 366 days (inclusive) and on or before 2999-12-31 (inclusive)."""
    assert r.issued is not None
    a = collection_action(r, WORKING, on=r.issued, calendar=_OnlyOn(working))
    assert (a.next_action, a.next_due) == (CollectionStep.PHONE, due)


def test_early_collection_is_a_c5_reason_with_its_days() -> None:
    a = action(D(2026, 12, 5), early_signs=D(2026, 12, 3))
    assert said(a) == [
        DURING, NONE_YET, next_phone(D(2026, 12, 3), overdue_by=2), PHONE_ON_21,
        ("C5", CreditReason.C5_EARLY, (("seen", D(2026, 12, 3)), ("due", D(2026, 12, 3)))),
    ]  # fmt: skip


def test_signs_seen_on_the_policys_day_bring_nothing_forward() -> None:
    """C5 早期催收 only when the signs come before the policy's day: none on the day itself."""
    a = action(D(2026, 12, 21), early_signs=D(2026, 12, 21))
    assert said(a) == [DURING, NONE_YET, next_phone(D(2026, 12, 21)), PHONE_ON_21]


def test_a_late_shipment_is_a_c5_reason_with_its_days() -> None:
    a = collection_action(LATE_SHIPMENT, SEED, on=D(2026, 12, 28))
    assert said(a) == [
        DURING, NONE_YET, next_phone(D(2026, 12, 28)), PHONE_ON_21,
        ("C5", CreditReason.C5_AFTER_ISSUE,
         (("issued", D(2026, 12, 28)), ("due", D(2026, 12, 28)))),
    ]  # fmt: skip


def test_a_shipment_on_the_policys_day_moves_nothing() -> None:
    r = Receivable("INV-1", "C001", "100", DUE, issued=D(2026, 12, 21))
    assert said(collection_action(r, SEED, on=D(2026, 12, 21))) == [
        DURING, NONE_YET, next_phone(D(2026, 12, 21)), PHONE_ON_21
    ]  # fmt: skip


def test_a_promise_ending_after_a_late_shipment_is_the_only_reason_the_day_moved() -> None:
    """C5: the day falls after the promise, the later floor: the shipment is not given as why."""
    promise = PaymentPromise("INV-1", "王总", D(2026, 12, 28), D(2027, 1, 15))
    a = collection_action(LATE_SHIPMENT, SEED, on=D(2026, 12, 28), promise=promise)
    assert said(a) == [
        DURING, NONE_YET, next_phone(D(2027, 1, 16)), PHONE_ON_21,
        ("C5", CreditReason.C5_PAUSED, (
            ("who", "王总"), ("made", D(2026, 12, 28)), ("until", D(2027, 1, 15)),
            ("resume", D(2027, 1, 16)),
        )),
    ]  # fmt: skip


def test_a_late_last_step_is_a_c5_reason_with_its_days() -> None:
    a = action(D(2027, 1, 6), case=case(CollectionStep.LETTER, D(2027, 1, 5)))
    assert said(a)[-1] == (
        "C5", CreditReason.C5_AFTER_LAST, (("last", D(2027, 1, 5)), ("due", D(2027, 1, 5)))
    )  # fmt: skip


def test_a_last_step_taken_on_the_next_ones_day_moves_nothing() -> None:
    a = action(D(2026, 12, 27), case=case(CollectionStep.PHONE, D(2026, 12, 26)))
    assert [code for _, code, _ in said(a)] == [
        CreditReason.C5_PHASE_DURING, CreditReason.C5_LAST, CreditReason.C5_NEXT_OVERDUE,
        CreditReason.C5_BEFORE_DUE,
    ]  # fmt: skip


def test_on_the_promised_day_the_ladder_is_still_paused() -> None:
    """C5: a promise pauses the ladder up to and including ``until``."""
    promise = PaymentPromise("INV-1", "王总", D(2026, 12, 20), D(2027, 1, 15))
    a = action(D(2027, 1, 15), promise=promise)
    assert said(a)[-1] == ("C5", CreditReason.C5_PAUSED, (
        ("who", "王总"), ("made", D(2026, 12, 20)), ("until", D(2027, 1, 15)),
        ("resume", D(2027, 1, 16)),
    ))  # fmt: skip


def test_every_step_taken_and_a_lawsuit_chosen_in_full() -> None:
    done = case(CollectionStep.CONSIDER_LEGAL, days_from_due(90))
    a = action(days_from_due(100), case=done, method=RecoveryMethod.LEGAL)
    assert said(a) == [
        ("C5", CreditReason.C5_PHASE_AFTER, (("due", DUE), ("days", 100))),
        ("C5", CreditReason.C5_LAST,
         (("step", CollectionStep.CONSIDER_LEGAL), ("on", D(2027, 3, 31)))),
        ("C5", CreditReason.C5_COMPLETE, (("role", Role.PLANNING_DEPARTMENT),)),
        ("C5", CreditReason.C5_METHOD, (("method", RecoveryMethod.LEGAL),)),
    ]  # fmt: skip


def test_the_legal_prompt_with_a_lawsuit_chosen_names_c5() -> None:
    a = action(days_from_due(91), case=case(CollectionStep.HAND_OVER, D(2027, 1, 2)),
               method=RecoveryMethod.LEGAL)  # fmt: skip
    assert said(a)[-2:] == [
        ("C5", CreditReason.C5_METHOD, (("method", RecoveryMethod.LEGAL),)),
        ("C5", CreditReason.C5_LEGAL_CHOSEN, ()),
    ]


def test_a_visit_on_the_due_date_is_one_of_the_steps_before_it() -> None:
    """C5 with ``visit_days_before=0``: the visit's day is the due date, 0 days, told with the
    office's before-the-due-date reason (the visit is a 事中 step)."""
    policy = CreditPolicy(collection=CollectionPolicy(visit_days_before=0))
    a = action(D(2026, 12, 1), policy=policy, case=case(CollectionStep.LETTER, D(2026, 12, 1)))
    assert said(a)[-1] == ("C5", CreditReason.C5_BEFORE_DUE, (
        ("step", CollectionStep.VISIT), ("days", 0), ("mode", DeadlineMode.CALENDAR_DAYS),
        ("day", DUE),
    ))  # fmt: skip


def test_a_visit_due_on_a_holiday_rolls_back_never_past_the_due_date() -> None:
    """C5 (事中: the office's steps come before the due date): with ``visit_days_before=0`` and
    calendar days rolled, a due date on National Day (2026-10-03) puts the visit on the last
    working day before it, 2026-09-30 — not on 2026-10-08, after the due date."""
    policy = CreditPolicy(
        collection=CollectionPolicy(visit_days_before=0, mode=DeadlineMode.CALENDAR_THEN_ROLL)
    )
    r = Receivable("INV-9", "C001", "5万", D(2026, 10, 3), issued=D(2026, 9, 1))
    a = collection_action(
        r,
        policy,
        on=D(2026, 9, 29),
        case=case(CollectionStep.LETTER, D(2026, 9, 28), "INV-9"),
        calendar=china_working_days(),
    )
    assert (a.next_action, a.next_scheduled) == (CollectionStep.VISIT, D(2026, 9, 30))
    assert said(a)[-1] == ("C5", CreditReason.C5_BEFORE_DUE, (
        ("step", CollectionStep.VISIT), ("days", 0),
        ("mode", DeadlineMode.CALENDAR_THEN_ROLL), ("day", D(2026, 9, 30)),
    ))  # fmt: skip


def test_an_action_names_the_effective_date_of_the_policy_that_decided() -> None:
    policy = CreditPolicy(effective=D(2026, 1, 1))
    assert action(D(2026, 12, 1), policy=policy).policy_effective == D(2026, 1, 1)
    assert action(D(2026, 12, 1)).policy_effective is None
