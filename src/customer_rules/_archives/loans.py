"""R3–R6 — lending originals, copies, the monthly loan report and the cabinet keys.

Source: seed 004 §第一篇 三.2–7 and its last paragraph.

* **Originals (R3)** never leave the company. Each loan is a case of ``LendingPolicy.originals``
  (subject: the loan's id, ``"R-0042/loan-2"``): 申请 ``requested`` → the keeper consents,
  registers and the borrower signs (``lend``) → 借出 ``out`` → ``return`` → ``returned`` → the
  keeper checks completeness: ``check_complete`` → 已注销 ``closed``, or ``check_incomplete``
  → 缺页 ``incomplete`` (the loan stays open and the file is flagged for repair) → ``return``
  again. Due back the same day: by the close of that working day [default].
* **Copies (R4)** need the 内勤部 manager's approval (``approve``) and, for use outside the
  company, a second approval (``approve_outside``); each copy is a case of
  ``LendingPolicy.copies``. A copy registration closes only when the original taken out to copy
  and then every copy are back and checked: a copy is not checked in while the registration's
  original is still open.
* **The monthly report (R5)**: by the 5th of every month, every original and copy lent and not
  returned, with where it is, to the general manager — each loan exactly once.
* **The keys (R6)**: two keys; opening with the general manager's backup key is a step of its
  own (``open_backup``) that leaves the cabinet ``awaiting_notice`` until the 内勤部 manager is
  told (``notify``, an event like any other).

Several loans open at once are several cases, one per loan, on the one workflow mechanism.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from customer_rules._archives.checks import archives_policy, calendar_arg, checked_day
from customer_rules._archives.codes import ArchivesReason
from customer_rules._archives.model import Loan, LoanItem
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, DeadlineMode
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.recurrence import Recurrence
from customer_rules.roles import Approval, Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import (
    Case,
    Event,
    EventRecord,
    State,
    Step,
    StepOutcome,
    Transition,
    WorkflowTable,
    apply,
    start,
)

if TYPE_CHECKING:
    from customer_rules._archives.policy import ArchivesPolicy

__all__ = [
    "COPY",
    "OUTSIDE",
    "LendingPolicy",
    "LoanOutcome",
    "LoanOverdue",
    "LoanReport",
    "LoanStep",
    "RegistrationStatus",
    "ReportLine",
    "cabinet_step",
    "loan_overdue",
    "loan_step",
    "monthly_report",
    "open_loan",
    "registration_status",
]

COPY = "R4.copy"
"""The ``Approval.what`` of the 内勤部 manager's approval of a copy (经内勤部经理同意)."""
OUTSIDE = "R4.outside"
"""The ``Approval.what`` of the approval to use a copy outside the company."""

_R3 = "R3; 004 §三.3–4, 三.7"
_R4 = "R4; 004 §三.3, 三.5"
_R5 = "R5; 004 §三.6"
_R6 = "R6; 004 §三.2, 末段"

_REQUESTED, _APPROVED, _APPROVED_OUT = "requested", "approved", "approved_outside"
_OUT, _RETURNED, _INCOMPLETE, _CLOSED, _REFUSED = (
    "out",
    "returned",
    "incomplete",
    "closed",
    "refused",
)
_LEND, _ISSUE, _CHECK, _CHECK_BAD = "lend", "issue", "check_complete", "check_incomplete"
_UNRETURNED = frozenset({_OUT, _INCOMPLETE})
"""The states of a loan lent and not returned (a page still missing is not returned)."""
_DONE = frozenset({_CLOSED, _REFUSED})

_KEEPER = frozenset({Role.ARCHIVE_KEEPER})
_MANAGER = frozenset({Role.ARCHIVE_MANAGER})
_KEY_ROLES = frozenset({Role.ARCHIVE_DEPARTMENT, Role.ARCHIVE_KEEPER, Role.ARCHIVE_MANAGER})
_BACKUP_ROLES = frozenset({Role.GENERAL_MANAGER})
_OVERSIGHT = frozenset({Role.GENERAL_MANAGER, Role.GM_ASSISTANT, Role.ARCHIVE_MANAGER})

_LOAN_STATES = {
    _REQUESTED: ("申请借阅", "requested"),
    _APPROVED: ("已同意影印", "copy approved"),
    _APPROVED_OUT: ("已同意外出使用", "approved for use outside"),
    _OUT: ("借出", "out"),
    _RETURNED: ("已归还待检查", "returned, to be checked"),
    _INCOMPLETE: ("缺页待补", "incomplete"),
    _CLOSED: ("已注销登记", "closed"),
    _REFUSED: ("未同意", "refused"),
}
_LOAN_EVENTS = {
    _LEND: ("同意并登记借出", "consent, register and lend"),
    "approve": ("同意影印", "approve the copy"),
    "approve_outside": ("同意外出使用", "approve use outside"),
    _ISSUE: ("登记影印并领取", "register and hand out the copy"),
    "return": ("归还", "return"),
    _CHECK: ("检查完整并注销登记", "check complete and close"),
    _CHECK_BAD: ("检查发现缺损", "check: incomplete"),
    "refuse": ("不同意", "refuse"),
}


def _loan_table(name: str, rule: str, rows: tuple[Transition, ...]) -> WorkflowTable:
    used_states = {r.source for r in rows} | {r.target for r in rows}
    used_events = {r.event for r in rows}
    return WorkflowTable(
        name=name,
        rule=rule,
        initial=_REQUESTED,
        states=tuple(State(n, *_LOAN_STATES[n]) for n in _LOAN_STATES if n in used_states),
        events=tuple(Event(n, *_LOAN_EVENTS[n]) for n in _LOAN_EVENTS if n in used_events),
        transitions=rows,
    )


def _back(keeper: frozenset[Role]) -> tuple[Transition, ...]:
    return (
        Transition(_OUT, "return", _RETURNED, roles=keeper),
        Transition(_RETURNED, _CHECK, _CLOSED, roles=keeper),
        Transition(_RETURNED, _CHECK_BAD, _INCOMPLETE, roles=keeper),
        Transition(_INCOMPLETE, "return", _RETURNED, roles=keeper),
    )


def _originals(keeper: frozenset[Role]) -> WorkflowTable:
    return _loan_table(
        "R3.original",
        "R3",
        (
            Transition(_REQUESTED, _LEND, _OUT, roles=keeper),
            Transition(_REQUESTED, "refuse", _REFUSED, roles=keeper),
            *_back(keeper),
        ),
    )


def _copies(
    keeper: frozenset[Role], approvers: frozenset[Role], outside: frozenset[Role]
) -> WorkflowTable:
    return _loan_table(
        "R4.copy",
        "R4",
        (
            Transition(_REQUESTED, "approve", _APPROVED, roles=approvers, approval=COPY),
            Transition(_REQUESTED, "refuse", _REFUSED, roles=approvers),
            Transition(
                _APPROVED, "approve_outside", _APPROVED_OUT, roles=outside, approval=OUTSIDE
            ),
            Transition(_APPROVED, _ISSUE, _OUT, roles=keeper),
            Transition(_APPROVED_OUT, _ISSUE, _OUT, roles=keeper),
            *_back(keeper),
        ),
    )


def _cabinet(keys: frozenset[Role], backup: frozenset[Role]) -> WorkflowTable:
    return WorkflowTable(
        name="R6.cabinet",
        rule="R6",
        initial="locked",
        states=(
            State("locked", "已上锁", "locked"),
            State("open", "已开启", "open"),
            State(
                "awaiting_notice",
                "备用锁匙开启,待知会内勤部经理",
                "opened with the backup key, the 内勤部 manager not yet told",
            ),
        ),
        events=(
            Event("open", "用内勤部锁匙开启", "open with 内勤部's key"),
            Event("open_backup", "用备份锁匙开启", "open with the backup key"),
            Event("notify", "知会内勤部经理", "tell the 内勤部 manager"),
            Event("close", "上锁", "lock"),
        ),
        transitions=(
            Transition("locked", "open", "open", roles=keys),
            Transition("locked", "open_backup", "awaiting_notice", roles=backup),
            Transition("awaiting_notice", "notify", "open", roles=backup),
            Transition("open", "close", "locked", roles=keys | backup),
        ),
    )


_SEED_ORIGINALS = _originals(_KEEPER)
_SEED_COPIES = _copies(_KEEPER, _MANAGER, _MANAGER)
_SEED_CABINET = _cabinet(_KEY_ROLES, _BACKUP_ROLES)


@policy
class LendingPolicy:
    """R3–R6: lending originals and copies, the monthly report, the cabinet keys.

    Source: seed 004 §第一篇 三.2–7 and its last paragraph.

    Attributes:
        consent_roles: R3 "经同意后登记签名": who consents to a loan, registers it, takes the
            return and checks it [default: the archive keeper 客户档案管理员 — the seed names no
            one; the applicant asks at the keeper's].
        copy_roles: R4: who approves a copy [seed: the 内勤部 manager].
        outside_roles: R4: who approves using a copy outside the company [seed: the 内勤部
            manager, "需要文档资料外出使用时,经内勤部经理同意"].
        original_due: R3 "原则上当天借阅须当天归还": an original is due back the day it is lent
            [seed: 0 days], by the close of that working day [default reading: a loan on a rest
            day is due on the next working day, ``calendar_then_roll``; ``calendar_days`` reads
            it as by midnight of the same day].
        copy_days: R4: a copy is due back this many calendar days after it is lent [default:
            30; the seed says copies are registered and returned but sets no term].
        report: R5 "每月5日前": the monthly report of loans out [seed: the 5th of each month;
            read as on or before the 5th [default] — ``day = 4`` reads "strictly before"].
        report_to: R5: who gets it [seed: the general manager].
        key_roles: R6: who holds the 内勤部 key [seed: 内勤部 — the department, its keeper and
            its manager].
        backup_roles: R6: who keeps the backup key [seed: the general manager].
        notify_role: R6: who must be told when the backup key is used [seed: the 内勤部
            manager].
        oversight: R6: who oversees the archives [seed: general manager, GM assistant, 内勤部
            manager].
        originals: R3's loan of an original as a workflow table. Left at the seed its roles
            follow ``consent_roles``; a company's own must keep the states ``out`` and
            ``incomplete`` (a loan in them is out and unreturned) and ``closed``.
        copies: R4's copy as a workflow table; left at the seed its roles follow the three role
            sets; a company's own keeps ``out``, ``incomplete``, ``closed``, and ``approve``
            granting ``R4.copy``.
        cabinet: R6's cabinet as a workflow table; left at the seed its roles follow
            ``key_roles`` and ``backup_roles``.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    consent_roles: frozenset[Role] = setting(
        default=_KEEPER, unit=Unit.ROLES, source=_R3, mark=Mark.DEFAULT, min_items=1
    )
    copy_roles: frozenset[Role] = setting(
        default=_MANAGER, unit=Unit.ROLES, source=_R4, min_items=1
    )
    outside_roles: frozenset[Role] = setting(
        default=_MANAGER, unit=Unit.ROLES, source=_R4, min_items=1
    )
    original_due: Deadline = setting(
        default=Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL), unit=Unit.TABLE, source=_R3
    )
    copy_days: int = setting(
        default=30, unit=Unit.DAYS, source=_R4, mark=Mark.DEFAULT, low=1, high=366
    )
    report: Recurrence = setting(default=Recurrence.monthly(5), unit=Unit.TABLE, source=_R5)
    report_to: Role = setting(default=Role.GENERAL_MANAGER, unit=Unit.ROLE, source=_R5)
    key_roles: frozenset[Role] = setting(
        default=_KEY_ROLES, unit=Unit.ROLES, source=_R6, min_items=1
    )
    backup_roles: frozenset[Role] = setting(
        default=_BACKUP_ROLES, unit=Unit.ROLES, source=_R6, min_items=1
    )
    notify_role: Role = setting(default=Role.ARCHIVE_MANAGER, unit=Unit.ROLE, source=_R6)
    oversight: frozenset[Role] = setting(
        default=_OVERSIGHT, unit=Unit.ROLES, source=_R6, min_items=1
    )
    originals: WorkflowTable = setting(default=_SEED_ORIGINALS, unit=Unit.TABLE, source=_R3)
    copies: WorkflowTable = setting(default=_SEED_COPIES, unit=Unit.TABLE, source=_R4)
    cabinet: WorkflowTable = setting(default=_SEED_CABINET, unit=Unit.TABLE, source=_R6)

    def _check(self) -> Iterator[Problem]:
        # the seed's tables follow the role settings (as RegradingPolicy's review does)
        if self.originals == _SEED_ORIGINALS and self.consent_roles != _KEEPER:
            object.__setattr__(self, "originals", _originals(self.consent_roles))
        if self.copies == _SEED_COPIES and (
            self.consent_roles != _KEEPER
            or self.copy_roles != _MANAGER
            or self.outside_roles != _MANAGER
        ):
            object.__setattr__(
                self, "copies", _copies(self.consent_roles, self.copy_roles, self.outside_roles)
            )
        if self.cabinet == _SEED_CABINET and (
            self.key_roles != _KEY_ROLES or self.backup_roles != _BACKUP_ROLES
        ):
            object.__setattr__(self, "cabinet", _cabinet(self.key_roles, self.backup_roles))
        for name in ("originals", "copies"):
            table: WorkflowTable = getattr(self, name)
            states = table._index.states
            for needed in (_OUT, _INCOMPLETE, _CLOSED):
                if needed not in states:
                    yield Problem.mismatch(f"{name}.states", sorted(states), f"a state {needed!r}")
        move = self.copies.transition(_REQUESTED, "approve")
        if move is None or move.approval != COPY:
            yield Problem.mismatch(
                "copies.transitions",
                f"{len(self.copies.transitions)} row(s)",
                f"a row from 'requested' on 'approve' granting {COPY!r}",
            )


# --------------------------------------------------------------------------- a step of a loan


class LoanOutcome(LabelledEnum):
    """What :func:`loan_step` did: applied the step, or why not."""

    APPLIED = "applied"
    """已办理."""
    REFUSED = "refused"
    """流程不允许 — the loan table refuses it; ``workflow`` says how."""
    ORIGINAL_OUTSIDE = "original_outside"
    """原件不得带出公司 — an original asked for use outside the company (R3)."""
    OUTSIDE_UNAPPROVED = "outside_unapproved"
    """外出使用未经同意 — a copy for use outside without that approval (R4)."""
    ORIGINAL_FIRST = "original_first"
    """原件未归还注销 — a copy checked in while its registration's original is open (R4)."""


set_labels(
    {
        LoanOutcome.APPLIED: ("已办理", "applied"),
        LoanOutcome.REFUSED: ("流程不允许", "refused by the loan table"),
        LoanOutcome.ORIGINAL_OUTSIDE: ("原件不得带出公司", "originals never leave the company"),
        LoanOutcome.OUTSIDE_UNAPPROVED: ("外出使用未经同意", "use outside not approved"),
        LoanOutcome.ORIGINAL_FIRST: ("原件未归还注销", "the original is not back and checked"),
    }
)


@attrs.frozen
class LoanStep:
    """The outcome of :func:`loan_step`: a step of one loan, taken or refused.

    Attributes:
        outcome: applied, refused by the table, or by a rule the table cannot state.
        workflow: what the loan table said.
        loan: the loan.
        event: the event asked for.
        before: the case before.
        after: the case after — ``before`` itself when refused.
        record: the record to store, ``None`` when refused.
        by: the sign-off given.
        on: the day of the step.
        policy: the lending policy used (not written as data).
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    outcome: LoanOutcome
    workflow: StepOutcome
    loan: Loan
    event: str
    before: Case
    after: Case
    record: EventRecord | None
    by: Approval | None
    on: dt.date
    policy: LendingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def applied(self) -> bool:
        """Whether the step was taken."""
        return self.outcome is LoanOutcome.APPLIED

    @property
    def flagged(self) -> bool:
        """R3: the check found pages missing or damaged — the loan stays open and the file is
        flagged for repair (拆旧破损的,应及时修复)."""
        return self.applied and self.after.state == _INCOMPLETE

    @property
    def step(self) -> Step:
        """The loan table's own step (its reason cites R3 or R4)."""
        return Step(
            self.workflow,
            self.event,
            self.before,
            self.after,
            self.record,
            self.by,
            self.on,
            _table(self.policy, self.loan.item),
        )

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The table's reason (``workflow.*``), or the rule that refused
        (``R3.original_outside``, ``R4.outside_unapproved``, ``R4.original_first``); a check
        that finds pages missing adds ``R3.incomplete``."""
        loan = self.loan
        if self.outcome is LoanOutcome.ORIGINAL_OUTSIDE:
            return (
                Reason.of("R3", ArchivesReason.R3_ORIGINAL_OUTSIDE, loan=loan.id, file=loan.file),
            )
        if self.outcome is LoanOutcome.OUTSIDE_UNAPPROVED:
            return (
                Reason.of(
                    "R4",
                    ArchivesReason.R4_OUTSIDE_UNAPPROVED,
                    loan=loan.id,
                    roles=in_rank_order(self.policy.outside_roles),
                    what=OUTSIDE,
                ),
            )
        if self.outcome is LoanOutcome.ORIGINAL_FIRST:
            return (
                Reason.of(
                    "R4",
                    ArchivesReason.R4_ORIGINAL_FIRST,
                    loan=loan.id,
                    registration=loan.registration,
                ),
            )
        head = self.step.reasons
        if self.flagged:
            return (
                *head,
                Reason.of("R3", ArchivesReason.R3_INCOMPLETE, loan=loan.id, file=loan.file),
            )
        return head


def _table(p: LendingPolicy, item: LoanItem) -> WorkflowTable:
    return p.originals if item is LoanItem.ORIGINAL else p.copies


def open_loan(loan: Loan, policy: ArchivesPolicy) -> Case:
    """R3, R4: a new case for ``loan`` in the originals' or the copies' table, bound to the
    loan's id, in state ``requested`` (the applicant has said what and why).

    Raises:
        InputError: naming ``loan`` unless a Loan, ``policy`` unless an ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> loan = Loan("R-0042/loan-2", "R-0042", LoanItem.ORIGINAL, "李工",
        ...             dt.date(2026, 3, 2), state="requested")
        >>> open_loan(loan, ArchivesPolicy()).workflow
        'R3.original'
    """
    if not isinstance(loan, Loan):
        raise InputError("loan", loan, "a Loan")
    return start(_table(archives_policy(policy).loans, loan.item), subject=loan.id)


def _siblings(registration: object) -> tuple[Loan, ...]:
    if isinstance(registration, str | bytes) or not isinstance(registration, Iterable):
        raise InputError("registration", registration, "an iterable of Loan")
    items = tuple(registration)
    for i, loan in enumerate(items):
        if not isinstance(loan, Loan):
            raise InputError(f"registration[{i}]", loan, "a Loan")
    return items


def loan_step(
    loan: Loan,
    case: Case,
    event: str,
    policy: ArchivesPolicy,
    *,
    by: Approval | None,
    on: dt.date,
    registration: Iterable[Loan] = (),
) -> LoanStep:
    """R3, R4: take one step of a loan — lend, approve a copy, return, check.

    The loan's table (``originals`` or ``copies``) decides first: a step out of order, by the
    wrong role or without the approval it needs is refused with the table's reason. A step the
    table allows is still refused when:

    * an original is lent for use outside the company (R3: originals never leave it);
    * a copy for use outside (``loan.outside``) is issued without the approval for that use —
      ``approve_outside`` (R4);
    * a copy of a registration is checked in (``check_complete``) while the original taken out
      to copy is not back and checked: give the registration's other loans (with their
      states) as ``registration`` — a copy with a ``registration`` whose original is not among
      them is refused too (R4: the original first, then every copy).

    Args:
        loan: the loan (its ``state`` is not read: ``case`` is the state).
        case: the loan's case (from :func:`open_loan` or a previous step), bound to the loan.
        event: the event's name.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        by: the sign-off of the person taking the step.
        on: the day of the step.
        registration: the other loans of the loan's copy registration.

    Returns:
        A :class:`LoanStep`.

    Raises:
        InputError: naming the argument, for a loan that is not one, a case of another table
            or subject, an event the table does not list, a malformed sign-off, day or
            registration.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 3, 2)
        >>> loan = Loan("L1", "R-0042", LoanItem.ORIGINAL, "李工", day, state="requested")
        >>> keeper = Approval("王档案", Role.ARCHIVE_KEEPER, "R3", day)
        >>> s = loan_step(loan, open_loan(loan, ArchivesPolicy()), "lend", ArchivesPolicy(),
        ...               by=keeper, on=day)
        >>> s.applied, s.after.state
        (True, 'out')
    """
    if not isinstance(loan, Loan):
        raise InputError("loan", loan, "a Loan")
    book = archives_policy(policy)
    p = book.loans
    day = checked_day(book, on)
    others = _siblings(registration)
    table = _table(p, loan.item)
    step = apply(table, case, event, by=by, on=day)
    if step.before.subject != loan.id:
        raise InputError("case.subject", step.before.subject, f"the loan's id {loan.id!r}")
    outcome = LoanOutcome.APPLIED if step.applied else LoanOutcome.REFUSED
    if step.applied:
        if loan.item is LoanItem.ORIGINAL and loan.outside and event == _LEND:
            outcome = LoanOutcome.ORIGINAL_OUTSIDE
        elif (
            loan.item is LoanItem.COPY
            and loan.outside
            and event == _ISSUE
            and step.before.state != _APPROVED_OUT
        ):
            outcome = LoanOutcome.OUTSIDE_UNAPPROVED
        elif (
            loan.item is LoanItem.COPY
            and event == _CHECK
            and loan.registration is not None
            and not _original_closed(loan, others)
        ):
            outcome = LoanOutcome.ORIGINAL_FIRST
    applied = outcome is LoanOutcome.APPLIED
    return LoanStep(
        outcome,
        step.outcome,
        loan,
        event,
        step.before,
        step.after if applied else step.before,
        step.record if applied else None,
        by,
        day,
        p,
        book.version,
        policy_effective=book.effective,
    )


def _original_closed(loan: Loan, others: tuple[Loan, ...]) -> bool:
    """Whether the registration of ``loan`` has its original among ``others``, every such
    original done — closed, or refused and so never out — as :func:`registration_status`
    counts it."""
    originals = [
        o
        for o in others
        if o.registration == loan.registration and o.item is LoanItem.ORIGINAL and o.id != loan.id
    ]
    return bool(originals) and all(o.state in _DONE for o in originals)


# --------------------------------------------------------------------------- registration


@attrs.frozen
class RegistrationStatus:
    """R4: whether a copy registration can be cancelled (注销登记).

    Attributes:
        registration: its id.
        closed: the original and every copy are back and checked (or refused).
        outstanding: the loans not yet closed, originals first, then by id.
        original_closed: its original is back and checked.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    registration: str
    closed: bool
    outstanding: tuple[str, ...]
    original_closed: bool
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R4.registration_closed`` or ``R4.registration_open`` naming what is out."""
        if self.closed:
            return (
                Reason.of(
                    "R4", ArchivesReason.R4_REGISTRATION_CLOSED, registration=self.registration
                ),
            )
        return (
            Reason.of(
                "R4",
                ArchivesReason.R4_REGISTRATION_OPEN,
                registration=self.registration,
                outstanding=self.outstanding,
            ),
        )


def registration_status(
    registration: str, loans: Iterable[Loan], policy: ArchivesPolicy
) -> RegistrationStatus:
    """R4: a copy registration closes only when the original taken out to copy and then every
    copy are back and checked (``closed``, or ``refused`` — never made).

    Args:
        registration: the registration's id.
        loans: loans (those of other registrations are ignored); at least the original.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).

    Raises:
        InputError: naming the argument, for a blank registration, an item that is not a
            Loan, a loan state its table does not have.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> day = dt.date(2026, 3, 2)
        >>> loans = [Loan("L1", "R-1", LoanItem.ORIGINAL, "李工", day, "closed", registration="G1"),
        ...          Loan("L2", "R-1", LoanItem.COPY, "李工", day, "out", registration="G1")]
        >>> registration_status("G1", loans, ArchivesPolicy()).outstanding
        ('L2',)
    """
    if not isinstance(registration, str) or not registration.strip():
        raise InputError("registration", registration, "a registration id")
    book = archives_policy(policy)
    if isinstance(loans, str | bytes) or not isinstance(loans, Iterable):
        raise InputError("loans", loans, "an iterable of Loan")
    mine: list[Loan] = []
    for i, loan in enumerate(loans):
        if not isinstance(loan, Loan):
            raise InputError(f"loans[{i}]", loan, "a Loan")
        _state_of(book.loans, loan, f"loans[{i}].state")
        if loan.registration == registration:
            mine.append(loan)
    mine.sort(key=lambda o: (o.item is not LoanItem.ORIGINAL, o.id))
    outstanding = tuple(o.id for o in mine if o.state not in _DONE)
    originals = [o for o in mine if o.item is LoanItem.ORIGINAL]
    original_closed = bool(originals) and all(o.state in _DONE for o in originals)
    return RegistrationStatus(
        registration,
        original_closed and not outstanding,
        outstanding,
        original_closed,
        book.version,
        policy_effective=book.effective,
    )


def _state_of(p: LendingPolicy, loan: Loan, where: str) -> str:
    table = _table(p, loan.item)
    if loan.state not in table._index.states:
        raise InputError(where, loan.state, f"a state of {table.name}: {list(table._index.states)}")
    return loan.state


# --------------------------------------------------------------------------- due and overdue


@attrs.frozen
class LoanOverdue:
    """R3, R4: when a loan is due back and whether it is overdue on a day.

    Attributes:
        loan: the loan's id.
        item: original or copy.
        due: the last day to return it (never before the day it was lent).
        out: it is lent and not returned on ``on`` (state ``out`` or ``incomplete``).
        overdue: out, and ``on`` is after ``due``.
        days_late: days past ``due`` on ``on`` while out; 0 otherwise.
        on: the day asked about.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    loan: str
    item: LoanItem
    due: dt.date
    out: bool
    overdue: bool
    days_late: int
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R3.overdue``/``R4.overdue`` or ``R3.due``/``R4.due``; ``R3.not_out`` for a loan
        not lent or already back."""
        rule = "R3" if self.item is LoanItem.ORIGINAL else "R4"
        if not self.out:
            return (Reason.of(rule, ArchivesReason.R3_NOT_OUT, loan=self.loan, item=self.item),)
        if self.overdue:
            return (
                Reason.of(
                    rule,
                    ArchivesReason.R3_OVERDUE,
                    loan=self.loan,
                    item=self.item,
                    due=self.due,
                    days=self.days_late,
                ),
            )
        return (
            Reason.of(rule, ArchivesReason.R3_DUE, loan=self.loan, item=self.item, due=self.due),
        )


def _due(p: LendingPolicy, item: LoanItem, lent: dt.date, calendar: Calendar) -> dt.date:
    if item is LoanItem.ORIGINAL:
        return p.original_due.due(lent, calendar)
    return lent + dt.timedelta(days=p.copy_days)


def loan_overdue(
    loan: Loan,
    policy: ArchivesPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> LoanOverdue:
    """R3, R4: the day a loan is due back — an original the day it is lent (by the close of
    that working day), a copy ``copy_days`` after it is lent — and whether it is overdue on ``on``.

    Args:
        loan: the loan; ``state`` says whether it is out.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        on: the day asked about.
        calendar: the calendar the deadlines count with.

    Raises:
        InputError: naming the argument for a loan that is not one or whose state its table
            does not have, a policy, day or calendar that is not one.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> loan = Loan("L1", "R-0042", LoanItem.ORIGINAL, "李工", dt.date(2026, 3, 2))
        >>> loan_overdue(loan, ArchivesPolicy(), on=dt.date(2026, 3, 2)).overdue
        False
        >>> loan_overdue(loan, ArchivesPolicy(), on=dt.date(2026, 3, 3)).days_late
        1
    """
    if not isinstance(loan, Loan):
        raise InputError("loan", loan, "a Loan")
    book = archives_policy(policy)
    day = checked_day(book, on)
    cal = calendar_arg(calendar)
    p = book.loans
    state = _state_of(p, loan, "loan.state")
    due = _due(p, loan.item, loan.lent_on, cal)
    out = state in _UNRETURNED and loan.lent_on <= day
    late = (day - due).days if out and day > due else 0
    return LoanOverdue(
        loan.id,
        loan.item,
        due,
        out,
        late > 0,
        late,
        day,
        book.version,
        policy_effective=book.effective,
    )


# --------------------------------------------------------------------------- R5 the report


@attrs.frozen
class ReportLine:
    """One loan out and unreturned, as the monthly report lists it.

    Attributes:
        loan: the loan.
        due: the day it was due back.
        days_late: days past ``due`` on the report's day (0 when not overdue).
    """

    loan: Loan
    due: dt.date
    days_late: int

    @property
    def overdue(self) -> bool:
        """Past its due day."""
        return self.days_late > 0

    @property
    def where(self) -> str:
        """Where it is (去向): the loan's location, else its borrower."""
        return self.loan.where


@attrs.frozen
class LoanReport:
    """R5: the monthly report of originals and copies lent and not returned (每月5日前 …
    借出未归还的去向列表,呈交总经理).

    Attributes:
        on: the day it is drawn up (loans out on that day).
        due: the day it is due: the first report day (the 5th) on or after ``on``.
        to: who it goes to.
        lines: every loan out and unreturned, each exactly once: by file, originals first,
            then by the day lent and id.
        checked: how many loans were looked at.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    on: dt.date
    due: dt.date
    to: Role
    lines: tuple[ReportLine, ...]
    checked: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def originals(self) -> int:
        """Originals out."""
        return sum(1 for line in self.lines if line.loan.item is LoanItem.ORIGINAL)

    @property
    def copies(self) -> int:
        """Copies out."""
        return len(self.lines) - self.originals

    @property
    def overdue(self) -> tuple[ReportLine, ...]:
        """The lines past their due day, most days late first (then as listed)."""
        late = [line for line in self.lines if line.days_late > 0]
        late.sort(key=lambda line: -line.days_late)
        return tuple(late)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R5.report`` (what it lists, to whom, by when) and ``R3.overdue_count``."""
        return (
            Reason.of(
                "R5",
                ArchivesReason.R5_REPORT,
                on=self.on,
                due=self.due,
                to=self.to,
                originals=self.originals,
                copies=self.copies,
            ),
            Reason.of("R5", ArchivesReason.R5_OVERDUE_COUNT, count=len(self.overdue)),
        )


def monthly_report(
    loans: Iterable[Loan],
    policy: ArchivesPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> LoanReport:
    """R5: the monthly report to the general manager, due by the 5th: every original and copy
    lent and not returned on ``on`` (state ``out`` or ``incomplete``, lent on or before
    ``on``), each exactly once, with where it is and whether it is overdue.

    Args:
        loans: every loan (each id once; returned and closed loans are left out of the report).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        on: the day the report is drawn up.
        calendar: the calendar the due dates count with.

    Returns:
        The report: its due day, its lines, the overdue ones.

    Raises:
        InputError: naming ``loans[i]`` for an item that is not a Loan, an id listed before, a
            state its table does not have; the other arguments as :func:`loan_overdue`.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> day = dt.date(2026, 3, 2)
        >>> loans = [Loan("L1", "R-1", LoanItem.ORIGINAL, "李工", day),
        ...          Loan("L2", "R-2", LoanItem.COPY, "张工", day, "closed")]
        >>> r = monthly_report(loans, ArchivesPolicy(), on=dt.date(2026, 3, 4))
        >>> r.due, [line.loan.id for line in r.lines], [line.days_late for line in r.overdue]
        (datetime.date(2026, 3, 5), ['L1'], [2])
    """
    book = archives_policy(policy)
    day = checked_day(book, on)
    cal = calendar_arg(calendar)
    if isinstance(loans, str | bytes) or not isinstance(loans, Iterable):
        raise InputError("loans", loans, "an iterable of Loan")
    p = book.loans
    states = {
        LoanItem.ORIGINAL: p.originals._index.states,
        LoanItem.COPY: p.copies._index.states,
    }
    dues: dict[tuple[LoanItem, dt.date], dt.date] = {}
    seen: set[str] = set()
    lines: list[ReportLine] = []
    count = 0
    for i, loan in enumerate(loans):
        if type(loan) is not Loan and not isinstance(loan, Loan):
            raise InputError(f"loans[{i}]", loan, "a Loan")
        ident = loan.id
        if ident in seen:
            raise InputError(f"loans[{i}].id", ident, "a loan id not listed before")
        seen.add(ident)
        count += 1
        state = loan.state
        if state not in states[loan.item]:
            _state_of(p, loan, f"loans[{i}].state")
        if state not in _UNRETURNED or loan.lent_on > day:
            continue
        key = (loan.item, loan.lent_on)
        due = dues.get(key)
        if due is None:
            due = dues[key] = _due(p, loan.item, loan.lent_on, cal)
        lines.append(ReportLine(loan, due, (day - due).days if day > due else 0))
    lines.sort(key=_line_order)
    return LoanReport(
        day,
        p.report.first_on_or_after(day),
        p.report_to,
        tuple(lines),
        count,
        book.version,
        policy_effective=book.effective,
    )


def _line_order(line: ReportLine) -> tuple[str, bool, dt.date, str]:
    loan = line.loan
    return (loan.file, loan.item is not LoanItem.ORIGINAL, loan.lent_on, loan.id)


# --------------------------------------------------------------------------- R6 the cabinet


def cabinet_step(
    case: Case, event: str, policy: ArchivesPolicy, *, by: Approval | None, on: dt.date
) -> Step:
    """R6: a step of the archive cabinet (``policy.loans.cabinet``, reasons citing R6): open
    with 内勤部's key, open with the general manager's backup key (the cabinet is then
    ``awaiting_notice``: it cannot be locked again before the 内勤部 manager is told —
    ``notify``, an event of its own), lock.

    Args:
        case: the cabinet's case (``workflow.start(policy.loans.cabinet)`` for a new one).
        event: ``open``, ``open_backup``, ``notify`` or ``close``.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        by: who takes the step.
        on: the day.

    Raises:
        InputError: as :func:`customer_rules.workflow.apply`, and naming ``policy`` unless an
            ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.workflow import start
        >>> day = dt.date(2026, 3, 2)
        >>> gm = Approval("赵总", Role.GENERAL_MANAGER, "R6", day)
        >>> opened = cabinet_step(start(ArchivesPolicy().loans.cabinet), "open_backup",
        ...                       ArchivesPolicy(), by=gm, on=day)
        >>> opened.after.state
        'awaiting_notice'
        >>> cabinet_step(opened.after, "close", ArchivesPolicy(), by=gm, on=day).applied
        False
    """
    book = archives_policy(policy)
    day = checked_day(book, on)
    return apply(book.loans.cabinet, case, event, by=by, on=day)
