"""A8–A10 — the development window, the idle reclaim and the protection period of a holding;
and, beyond the seed, the public pool (公海): reclaim rules, the warning ladder, claiming.

Three rules from three regulations, each its own, each on in the seed book; a company switches
off what its own regulation lacks (``enabled``):

* **A8 — the development window** (001 §4.4.3): success within 6 months of the development
  application credits the salesperson; otherwise a review meeting adjusts the resource, the
  salesperson may state the problems met, and the window may be extended. Start = registration
  [default], success = a signed contract, end date inclusive [default]. Extensions are steps of
  a workflow table (``window.extension``); a granted one adds its months.
* **A9 — the idle reclaim** (001 §市场部客户资源管理制度 (2nd) 二.1, 二.3): a customer resource on
  which its manager has produced no sales action within two months of receiving it *may* be
  reclaimed by the marketing director: the outcome is "reclaimable — the marketing director
  decides", never an automatic move. Two months from receipt [default]; "any two months without
  a sales action" — counted from the later of receipt and the last sales action — is the other
  reading (``idle.reading``).
* **A10 — the protection period** (003 §大客户部管理制度 三.1): a declared customer is protected
  for two months from the declaration date [default]; then the customer-department manager
  decides between re-assignment (调整) and re-declaration (重新申报).

Periods in months end on the same day of the month they reach (the month's last day when it has
no such day), that day included — the way 民法典 §201–202 count a period: 2026-01-15 plus two
months is protected through 2026-03-15; 2025-12-31 plus two months through 2026-02-28.

**The public pool** (off in the seed book, ``pool.enabled``) is what the Chinese CRMs that run a
公海 offer, without their defects: reclaim rules by kind (no follow-up since the later of
assignment and the last follow-up; no deal since assignment) with durations per customer class
(the G2 grade where graded, else the G1 lead type); exemptions (locked, dealt) — an open
opportunity exempts nothing; a holding never followed up counts from its assignment, never
"reclaim now"; a warning ladder (remind the holder, then copy the manager, then back to the
pool) counted on the policy's calendar, by the day in Asia/Shanghai; and claiming, with a cap on
customers held, a daily cap counted from the claims made that day, a cooldown for the previous
holder and an embargo on customers new to the pool, counted from their entry. A claim decision
carries the version of the holding it was decided on: the host applies it with a
compare-and-set, so two people never both win (``docs/allocation.md`` shows it with SQLite).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy, items_of, policy_on
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.model import PersonStatus, Salesperson
from customer_rules._bounded import keep
from customer_rules._checks import checked_moment
from customer_rules._grading.checks import calendar_arg
from customer_rules._grading.model import DealSizeType, Grade
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, DeadlineMode
from customer_rules.dates import EARLIEST, LATEST, SHANGHAI, add_months, require_aware, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import (
    Case,
    Event,
    EventRecord,
    State,
    StepOutcome,
    Transition,
    WorkflowTable,
    apply,
    replay,
    start,
)

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "EXTEND",
    "ActionKind",
    "ClaimDecision",
    "ClaimOutcome",
    "ClassDays",
    "Holding",
    "HoldingStatus",
    "IdleCheck",
    "IdlePolicy",
    "IdleReading",
    "IdleState",
    "LadderStage",
    "PoolCheck",
    "PoolPolicy",
    "PoolRule",
    "ProtectionCheck",
    "ProtectionPolicy",
    "ProtectionStart",
    "ProtectionState",
    "ReclaimKind",
    "ReclaimReport",
    "SalesAction",
    "WindowCheck",
    "WindowExtension",
    "WindowPolicy",
    "WindowStart",
    "WindowState",
    "apply_claim",
    "claim",
    "holding_case",
    "holding_status",
    "reclaimable",
]

_R = AllocationReason
_A8 = "A8; 001 §4.4.3"
_A9 = "A9; 001 §市场部客户资源管理制度 (2nd) 二.1, 二.3"
_A10 = "A10; 003 §大客户部管理制度 三.1"
_POOL = "A9 beyond the seed: the public pool (公海) of the Chinese CRMs, off in the seed book"
_REQUIRED = attrs.NOTHING
_ONE_DAY = dt.timedelta(days=1)
_SCAN = 3 * 366
_SHARED_MAX = 65_536

EXTEND = "A8.extend"
"""What the review meeting's sign-off of a window extension grants (``Approval.what``)."""


# --------------------------------------------------------------------------- closed sets


class ActionKind(LabelledEnum):
    """A sales action on a customer (销售动作, A9; 跟进 in the pool rules)."""

    CONTACT = "contact"
    """跟进 — a call, a visit, a message."""
    OPPORTUNITY = "opportunity"
    """商机 — an opportunity opened or updated: a sales action, and no exemption from anything."""
    DEAL = "deal"
    """成交 — a contract signed."""


class WindowStart(LabelledEnum):
    """From when A8's six months run (the catalogue's A8 ambiguity)."""

    REGISTRATION = "registration"
    """From the registration (A7) [default]."""
    APPLICATION = "application"
    """From a separate development application (``Holding.applied``)."""


class IdleReading(LabelledEnum):
    """How A9's "两个月时间内未产生任何销售动作" is read (the catalogue's A9 ambiguity)."""

    FROM_RECEIPT = "from_receipt"
    """No sales action within two months of receipt [default]."""
    SINCE_LAST_ACTION = "since_last_action"
    """Any two months without a sales action: from the later of receipt and the last action."""


class ProtectionStart(LabelledEnum):
    """From when A10's two months run (the catalogue's A10 ambiguity)."""

    DECLARATION = "declaration"
    """From the declaration date [default]."""
    REPORT = "report"
    """From the weekly or monthly report that carries the declaration."""


class WindowState(LabelledEnum):
    """Where a holding stands in its A8 development window."""

    OPEN = "open"
    """开发期内."""
    WARNING = "warning"
    """开发期将满 — within the warning days of the deadline."""
    SUCCEEDED = "succeeded"
    """开发成功 — a contract signed within the window: the results are the salesperson's."""
    REVIEW = "review"
    """待评审 — the window ended without success: a review meeting adjusts the resource."""


class IdleState(LabelledEnum):
    """Where a holding stands under A9."""

    ACTIVE = "active"
    """已有销售动作 — a sales action within two months of receipt: A9 does not apply."""
    WATCH = "watch"
    """待跟进 — no sales action yet, the two months running."""
    WARNING = "warning"
    """即将可收回 — within the warning days of the two months' end."""
    RECLAIMABLE = "reclaimable"
    """可收回 — the marketing director may reclaim it and decides."""


class ProtectionState(LabelledEnum):
    """Where a declared customer stands under A10."""

    PROTECTED = "protected"
    """保护期内."""
    WARNING = "warning"
    """保护期将满."""
    ENDED = "ended"
    """保护期已满 — the customer-department manager decides: re-assign or re-declare."""


class ReclaimKind(LabelledEnum):
    """A public-pool reclaim rule (beyond the seed)."""

    NO_FOLLOW_UP = "no_follow_up"
    """未跟进 — no follow-up since the later of assignment and the last follow-up."""
    NO_DEAL = "no_deal"
    """未成交 — no deal since assignment (an open opportunity does not count)."""


class LadderStage(LabelledEnum):
    """Where a holding stands on the public pool's warning ladder."""

    EXEMPT = "exempt"
    """免于退回 — locked, or a customer with a deal."""
    CLEAR = "clear"
    """未触发 — no rule applies (each is met)."""
    WATCH = "watch"
    """计时中 — a rule runs; no warning yet."""
    REMIND = "remind"
    """提醒负责人."""
    COPY_MANAGER = "copy_manager"
    """提醒负责人并抄送经理."""
    RECLAIM = "reclaim"
    """退回公海 — due back to the pool under the company's rule."""


class ClaimOutcome(LabelledEnum):
    """What :func:`claim` decided."""

    GRANTED = "granted"
    """可领取 — apply it with the version it carries (compare-and-set)."""
    POOL_OFF = "pool_off"
    """未启用公海 — the policy has no public pool: the marketing director allocates."""
    NOT_IN_POOL = "not_in_pool"
    """不在公海 — someone holds it."""
    NOT_ACTIVE = "not_active"
    """不能领取 — the claimant is on leave or inactive."""
    EMBARGO = "embargo"
    """新入公海暂不可领取 — new to the pool."""
    COOLDOWN = "cooldown"
    """前负责人暂不可领取 — its previous holder, too soon."""
    HELD_CAP = "held_cap"
    """持有已达上限."""
    DAILY_CAP = "daily_cap"
    """今日领取已达上限."""
    REFUSED = "refused"
    """流程不允许 — the pool table refuses the step (the claimant's role)."""


set_labels(
    {
        ActionKind.CONTACT: ("跟进", "contact"),
        ActionKind.OPPORTUNITY: ("商机", "opportunity"),
        ActionKind.DEAL: ("成交", "deal"),
        WindowStart.REGISTRATION: ("自登记起算", "from the registration"),
        WindowStart.APPLICATION: ("自开发申请起算", "from the development application"),
        IdleReading.FROM_RECEIPT: ("拿到资源后两个月内", "within two months of receipt"),
        IdleReading.SINCE_LAST_ACTION: ("任意两个月无销售动作", "any two months without an action"),
        ProtectionStart.DECLARATION: ("自申报日起算", "from the declaration date"),
        ProtectionStart.REPORT: ("自报表日起算", "from the report carrying the declaration"),
        WindowState.OPEN: ("开发期内", "within the window"),
        WindowState.WARNING: ("开发期将满", "window ending soon"),
        WindowState.SUCCEEDED: ("开发成功", "developed in time"),
        WindowState.REVIEW: ("待评审", "due for review"),
        IdleState.ACTIVE: ("已有销售动作", "active"),
        IdleState.WATCH: ("待跟进", "no action yet"),
        IdleState.WARNING: ("即将可收回", "reclaimable soon"),
        IdleState.RECLAIMABLE: ("可收回(市场总监决定)", "reclaimable (the director decides)"),
        ProtectionState.PROTECTED: ("保护期内", "protected"),
        ProtectionState.WARNING: ("保护期将满", "protection ending soon"),
        ProtectionState.ENDED: ("保护期已满", "protection ended"),
        ReclaimKind.NO_FOLLOW_UP: ("未跟进", "no follow-up"),
        ReclaimKind.NO_DEAL: ("未成交", "no deal"),
        LadderStage.EXEMPT: ("免于退回", "exempt"),
        LadderStage.CLEAR: ("未触发", "clear"),
        LadderStage.WATCH: ("计时中", "running"),
        LadderStage.REMIND: ("提醒负责人", "remind the holder"),
        LadderStage.COPY_MANAGER: ("抄送经理", "copy the manager"),
        LadderStage.RECLAIM: ("退回公海", "back to the pool"),
        ClaimOutcome.GRANTED: ("可领取", "granted"),
        ClaimOutcome.POOL_OFF: ("未启用公海", "no public pool"),
        ClaimOutcome.NOT_IN_POOL: ("不在公海", "not in the pool"),
        ClaimOutcome.NOT_ACTIVE: ("不能领取", "claimant not at work"),
        ClaimOutcome.EMBARGO: ("新入公海暂不可领取", "new to the pool"),
        ClaimOutcome.COOLDOWN: ("前负责人暂不可领取", "previous holder, too soon"),
        ClaimOutcome.HELD_CAP: ("持有已达上限", "holding cap reached"),
        ClaimOutcome.DAILY_CAP: ("今日领取已达上限", "daily cap reached"),
        ClaimOutcome.REFUSED: ("流程不允许", "refused by the pool table"),
    }
)


# --------------------------------------------------------------------------- workflow tables

_EXTENSION = "A8.extension"
_DUE, _REQUESTED, _GRANTED, _REFUSED = "due", "requested", "granted", "refused"
_REQUEST, _GRANT, _REFUSE = "request", "grant", "refuse"


def _extension_table(reviewers: frozenset[Role]) -> WorkflowTable:
    """A8's extension of a window: the salesperson states the problems met and asks; the
    review meeting grants (signing :data:`EXTEND`) or refuses."""
    return WorkflowTable(
        name=_EXTENSION,
        rule="A8",
        initial=_DUE,
        states=(
            State(_DUE, "待评审", "due for review"),
            State(_REQUESTED, "已申请延期", "extension requested"),
            State(_GRANTED, "已批准延期", "extension granted"),
            State(_REFUSED, "未批准延期", "extension refused"),
        ),
        events=(
            Event(_REQUEST, "陈述问题并申请延期", "state the problems and ask for more time"),
            Event(_GRANT, "评审批准延期", "grant on review"),
            Event(_REFUSE, "评审不予延期", "refuse on review"),
        ),
        transitions=(
            Transition(_DUE, _REQUEST, _REQUESTED, roles=frozenset({Role.SALESPERSON})),
            Transition(
                _REQUESTED, _GRANT, _GRANTED, roles=reviewers, approval=EXTEND, distinct=True
            ),
            Transition(_REQUESTED, _REFUSE, _REFUSED, roles=reviewers, distinct=True),
        ),
    )


_POOL_TABLE = "A9.holding"
_IN_POOL, _HELD = "pool", "held"
_CLAIM, _ASSIGN, _RELEASE, _RECLAIM, _RETURN, _TRANSFER = (
    "claim",
    "assign",
    "release",
    "reclaim",
    "return",
    "transfer",
)
_SEED_CLAIMERS = frozenset({Role.SALESPERSON})
_SEED_DIRECTOR = Role.MARKETING_DIRECTOR


def _pool_table(claimers: frozenset[Role], director: Role) -> WorkflowTable:
    """A holding's life: in the pool, or held; claimed, assigned, released, reclaimed by the
    director, returned by the company's rule, transferred by the director."""
    directors = frozenset({director})
    return WorkflowTable(
        name=_POOL_TABLE,
        rule="A9",
        initial=_IN_POOL,
        states=(State(_IN_POOL, "公海", "in the pool"), State(_HELD, "已分配", "held")),
        events=(
            Event(_CLAIM, "领取", "claim"),
            Event(_ASSIGN, "分配", "assign"),
            Event(_RELEASE, "放弃", "release"),
            Event(_RECLAIM, "收回", "reclaim"),
            Event(_RETURN, "按规则退回公海", "return under the rules"),
            Event(_TRANSFER, "调整", "transfer"),
        ),
        transitions=(
            Transition(_IN_POOL, _CLAIM, _HELD, roles=claimers),
            Transition(_IN_POOL, _ASSIGN, _HELD, roles=directors),
            Transition(_HELD, _RELEASE, _IN_POOL, roles=claimers | directors),
            Transition(_HELD, _RECLAIM, _IN_POOL, roles=directors),
            Transition(_HELD, _RETURN, _IN_POOL, roles=frozenset({Role.SALES_ADMIN}) | directors),
            Transition(_HELD, _TRANSFER, _HELD, roles=directors),
        ),
    )


_SEED_REVIEWERS = frozenset({Role.GENERAL_MANAGER})
_SEED_EXTENSION = _extension_table(_SEED_REVIEWERS)
_SEED_POOL = _pool_table(_SEED_CLAIMERS, _SEED_DIRECTOR)


def _row_problems(
    table: WorkflowTable, field: str, source: str, event: str, target: str, roles: frozenset[Role]
) -> Iterator[Problem]:
    move = table.transition(source, event)
    if move is None or move.target != target:
        yield Problem.mismatch(
            f"{field}.transitions",
            f"{len(table.transitions)} row(s)",
            f"a row from {source!r} on {event!r} to {target!r}",
        )
    elif not roles <= move.roles:
        where = f"{field}.transitions[{table.transitions.index(move)}].roles"
        wanted = ", ".join(sorted(r.value for r in roles))
        yield Problem.mismatch(
            where, sorted(r.value for r in move.roles), f"roles including {wanted}"
        )


# --------------------------------------------------------------------------- policies


@policy
class WindowPolicy:
    """A8: the development window. Source: seed 001 §4.4.3.

    Attributes:
        enabled: whether the company's regulation has the rule [seed: on].
        months: the window, "开发申请后6个月内" [seed: 6], its last day included [default].
        start: from the registration [default] or a separate development application.
        warn_days: a warning this many days before the deadline [default: 30].
        reviewing_roles: who holds the review meeting (公司召开评审会议) and grants an extension
            [default: the general manager — the seed says "the company"].
        extension: the extension as a workflow table: 待评审 ``due`` → ``request`` by the
            salesperson (陈述问题) → ``requested`` → ``grant`` (signing :data:`EXTEND`) or
            ``refuse`` by the reviewing roles, someone else than the requester → ``granted`` /
            ``refused`` [seed: "公司视具体情况可延长开发时限"; the names are the library's]. Left at
            the seed's table, its roles follow ``reviewing_roles``; a company's own table must
            keep ``requested`` → ``grant`` → ``granted``, allowed to the reviewing roles.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    enabled: bool = setting(default=True, unit=Unit.FLAG, source=_A8)
    months: int = setting(default=6, unit=Unit.MONTHS, source=_A8, low=1, high=120)
    start: WindowStart = setting(
        default=WindowStart.REGISTRATION, unit=Unit.CHOICE, source=_A8, mark=Mark.DEFAULT
    )
    warn_days: int = setting(default=30, unit=Unit.DAYS, source=_A8, mark=Mark.DEFAULT, high=366)
    reviewing_roles: frozenset[Role] = setting(
        default=_SEED_REVIEWERS, unit=Unit.ROLES, source=_A8, mark=Mark.DEFAULT, min_items=1
    )
    extension: WorkflowTable = setting(default=_SEED_EXTENSION, unit=Unit.TABLE, source=_A8)

    def _check(self) -> Iterator[Problem]:
        if self.extension == _SEED_EXTENSION and self.reviewing_roles != _SEED_REVIEWERS:
            object.__setattr__(self, "extension", _extension_table(self.reviewing_roles))
        yield from _row_problems(
            self.extension, "extension", _REQUESTED, _GRANT, _GRANTED, self.reviewing_roles
        )


@policy
class IdlePolicy:
    """A9: the idle reclaim. Source: seed 001 §市场部客户资源管理制度 (2nd) 二.1, 二.3.

    Attributes:
        enabled: whether the company's regulation has the rule [seed: on].
        months: "两个月时间内" [seed: 2].
        reading: within two months of receipt [default], or any two months without a sales
            action (from the later of receipt and the last sales action).
        warn_days: a warning this many days before the two months end [default: 7].
        deciding_role: who may reclaim and decides (市场总监有权收回) [seed: the marketing
            director].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    enabled: bool = setting(default=True, unit=Unit.FLAG, source=_A9)
    months: int = setting(default=2, unit=Unit.MONTHS, source=_A9, low=1, high=120)
    reading: IdleReading = setting(
        default=IdleReading.FROM_RECEIPT, unit=Unit.CHOICE, source=_A9, mark=Mark.DEFAULT
    )
    warn_days: int = setting(default=7, unit=Unit.DAYS, source=_A9, mark=Mark.DEFAULT, high=366)
    deciding_role: Role = setting(default=Role.MARKETING_DIRECTOR, unit=Unit.ROLE, source=_A9)


@policy
class ProtectionPolicy:
    """A10: the protection period of a declared customer. Source: seed 003 §大客户部管理制度 三.1.

    Attributes:
        enabled: whether the company's regulation has the rule [seed: on].
        months: "保护期为两个月" [seed: 2].
        start: from the declaration date [default] or from the report carrying it.
        warn_days: a warning this many days before the protection ends [default: 7].
        deciding_role: who decides between re-assignment and re-declaration when it ends
            (由客户部经理根据情况确定调整或者重新申报) [seed: the customer-department manager].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    enabled: bool = setting(default=True, unit=Unit.FLAG, source=_A10)
    months: int = setting(default=2, unit=Unit.MONTHS, source=_A10, low=1, high=120)
    start: ProtectionStart = setting(
        default=ProtectionStart.DECLARATION, unit=Unit.CHOICE, source=_A10, mark=Mark.DEFAULT
    )
    warn_days: int = setting(default=7, unit=Unit.DAYS, source=_A10, mark=Mark.DEFAULT, high=366)
    deciding_role: Role = setting(
        default=Role.CUSTOMER_DEPARTMENT_MANAGER, unit=Unit.ROLE, source=_A10
    )


@policy
class ClassDays:
    """One row of a reclaim rule's durations: the days for one customer class — a G2 grade, or,
    for a customer not graded, a G1 lead type. Exactly one of ``grade`` and ``lead_type``.

    Raises:
        PolicyError: listing every invalid field; a row with both or neither class.
    """

    days: int = setting(
        default=_REQUIRED, unit=Unit.DAYS, source=_POOL, mark=Mark.DEFAULT, low=1, high=366
    )
    grade: Grade | None = setting(default=None, unit=Unit.CHOICE, source=_POOL, mark=Mark.DEFAULT)
    lead_type: DealSizeType | None = setting(
        default=None, unit=Unit.CHOICE, source=_POOL, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        if (self.grade is None) == (self.lead_type is None):
            yield Problem.mismatch(
                "grade", self.grade, "either a grade or a lead_type (exactly one of them)"
            )


@policy
class PoolRule:
    """A public-pool reclaim rule (beyond the seed): its kind and its days per customer class.

    Attributes:
        kind: no follow-up, or no deal, since assignment.
        days: the days for a class without a row of its own, 1 to 366.
        classes: the days per class (a G2 grade where the customer is graded, else its G1 lead
            type), each class at most once.

    Raises:
        PolicyError: listing every invalid field; a class given twice.
    """

    kind: ReclaimKind = setting(
        default=_REQUIRED, unit=Unit.CHOICE, source=_POOL, mark=Mark.DEFAULT
    )
    days: int = setting(
        default=_REQUIRED, unit=Unit.DAYS, source=_POOL, mark=Mark.DEFAULT, low=1, high=366
    )
    classes: tuple[ClassDays, ...] = setting(
        default=(), unit=Unit.TABLES, source=_POOL, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        seen: set[Grade | DealSizeType | None] = set()
        for i, row in enumerate(self.classes):
            key = row.grade if row.grade is not None else row.lead_type
            if key in seen:
                yield Problem.mismatch(
                    f"classes[{i}]", getattr(key, "value", key), "each class once"
                )
            seen.add(key)

    @functools.cached_property
    def _by_class(self) -> dict[Grade | DealSizeType, int]:
        table: dict[Grade | DealSizeType, int] = {}
        for row in self.classes:
            key = row.grade if row.grade is not None else row.lead_type
            if key is not None:
                table[key] = row.days
        return table

    def days_for(self, grade: Grade | None, lead_type: DealSizeType | None) -> int:
        """The days for a customer of this grade (if graded) or lead type."""
        key = grade if grade is not None else lead_type
        if key is None:
            return self.days
        return self._by_class.get(key, self.days)


_EXAMPLE_RULES = (
    PoolRule(
        ReclaimKind.NO_FOLLOW_UP,
        30,
        (
            ClassDays(60, grade=Grade.A),
            ClassDays(45, grade=Grade.B),
            ClassDays(45, lead_type=DealSizeType.A),
        ),
    ),
    PoolRule(
        ReclaimKind.NO_DEAL,
        90,
        (ClassDays(180, grade=Grade.A), ClassDays(120, lead_type=DealSizeType.A)),
    ),
)


@policy
class PoolPolicy:
    """The public pool (公海), beyond the seed — off in the seed book: the seed's marketing
    director allocates every resource himself (A9 "统一调配").

    Attributes:
        enabled: whether the company runs a public pool [default: off].
        rules: the reclaim rules [default: an example — no follow-up for 30 days (60 for grade
            A, 45 for grade B or lead type A), no deal for 90 days (180 for grade A, 120 for
            lead type A)]; each kind at most once.
        mode: how the rules' and the ladder's days are counted on the calendar passed: calendar
            days [default], working days, or calendar days rolled to a working day.
        remind_days: remind the holder this many days before the last day [default: 7].
        copy_days: copy the manager this many days before it [default: 3]; at most
            ``remind_days``.
        manager_role: whom the ladder copies [default: the sales manager].
        exempt_locked: a locked customer never returns to the pool [default: yes].
        exempt_dealt: a customer with a deal never returns to the pool [default: yes].
        max_held: a claim is refused when the claimant already holds this many customers
            [default: 50]; ``None`` for no cap.
        count_dealt: whether customers with a deal count towards ``max_held`` [default: no].
        daily_claims: a claim is refused when the claimant made this many claims that day (in
            Asia/Shanghai; a claim later released still counts, a refused one does not)
            [default: 10]; ``None`` for no cap.
        cooldown_days: the previous holder may claim the customer again only this many days
            after it entered the pool [default: 30].
        embargo_days: a customer new to the pool may be claimed only this many days after it
            entered the pool — counted from that entry, not from its last edit [default: 1].
        allocating_role: who allocates when there is no pool (市场总监统一调配) [seed].
        claiming_roles: who may claim from the pool [default: salespeople].
        table: a holding's steps as a workflow table: ``pool`` → ``claim`` (claiming roles) or
            ``assign`` (the allocating role) → ``held``; ``held`` → ``release`` (either),
            ``reclaim`` (the allocating role), ``return`` under the rules (sales admin or the
            allocating role) → ``pool``; ``transfer`` by the allocating role. A holding's
            ``version`` is its case's number of steps. Left at the default, its roles follow
            ``claiming_roles`` and ``allocating_role``.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    enabled: bool = setting(default=False, unit=Unit.FLAG, source=_POOL, mark=Mark.DEFAULT)
    rules: tuple[PoolRule, ...] = setting(
        default=_EXAMPLE_RULES, unit=Unit.TABLES, source=_POOL, mark=Mark.DEFAULT
    )
    mode: DeadlineMode = setting(
        default=DeadlineMode.CALENDAR_DAYS, unit=Unit.CHOICE, source=_POOL, mark=Mark.DEFAULT
    )
    remind_days: int = setting(default=7, unit=Unit.DAYS, source=_POOL, mark=Mark.DEFAULT, high=366)
    copy_days: int = setting(default=3, unit=Unit.DAYS, source=_POOL, mark=Mark.DEFAULT, high=366)
    manager_role: Role = setting(
        default=Role.SALES_MANAGER, unit=Unit.ROLE, source=_POOL, mark=Mark.DEFAULT
    )
    exempt_locked: bool = setting(default=True, unit=Unit.FLAG, source=_POOL, mark=Mark.DEFAULT)
    exempt_dealt: bool = setting(default=True, unit=Unit.FLAG, source=_POOL, mark=Mark.DEFAULT)
    max_held: int | None = setting(
        default=50, unit=Unit.COUNT, source=_POOL, mark=Mark.DEFAULT, low=1, high=100_000
    )
    count_dealt: bool = setting(default=False, unit=Unit.FLAG, source=_POOL, mark=Mark.DEFAULT)
    daily_claims: int | None = setting(
        default=10, unit=Unit.COUNT, source=_POOL, mark=Mark.DEFAULT, low=1, high=100_000
    )
    cooldown_days: int = setting(
        default=30, unit=Unit.DAYS, source=_POOL, mark=Mark.DEFAULT, high=366
    )
    embargo_days: int = setting(
        default=1, unit=Unit.DAYS, source=_POOL, mark=Mark.DEFAULT, high=366
    )
    allocating_role: Role = setting(default=_SEED_DIRECTOR, unit=Unit.ROLE, source=_A9)
    claiming_roles: frozenset[Role] = setting(
        default=_SEED_CLAIMERS, unit=Unit.ROLES, source=_POOL, mark=Mark.DEFAULT, min_items=1
    )
    table: WorkflowTable = setting(
        default=_SEED_POOL, unit=Unit.TABLE, source=_POOL, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        if self.copy_days > self.remind_days:
            yield Problem.mismatch(
                "copy_days", self.copy_days, f"at most remind_days ({self.remind_days})"
            )
        kinds: set[ReclaimKind] = set()
        for i, rule in enumerate(self.rules):
            if rule.kind in kinds:
                yield Problem.mismatch(f"rules[{i}].kind", rule.kind.value, "each kind once")
            kinds.add(rule.kind)
        if self.table == _SEED_POOL and (
            self.claiming_roles != _SEED_CLAIMERS or self.allocating_role is not _SEED_DIRECTOR
        ):
            table = _pool_table(self.claiming_roles, self.allocating_role)
            object.__setattr__(self, "table", table)
        yield from _row_problems(self.table, "table", _IN_POOL, _CLAIM, _HELD, self.claiming_roles)


# --------------------------------------------------------------------------- facts

_IS_KIND = fact_check(ActionKind, "an ActionKind (contact, opportunity, deal)")
_IS_GRADE = fact_check(Grade, "a Grade (A, B, C or D) or None", optional=True)
_IS_TYPE = fact_check(DealSizeType, "a DealSizeType (A, B, C or D) or None", optional=True)
_IS_DAY = fact_check(dt.date, "a datetime.date")
_IS_OPTIONAL_DAY = fact_check(dt.date, "a datetime.date or None", optional=True)
_RANGE = f"a date from {EARLIEST} to {LATEST}"


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _IS_DAY(instance, attribute, value)
    if not EARLIEST <= value <= LATEST:
        raise InputError(attribute.name, value, _RANGE)


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _day(instance, attribute, value)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty text or None")


def _version(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 0 <= value <= 10**15:
        raise InputError(attribute.name, value, "a whole number from 0 to 10^15")


def _months(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 1 <= value <= 120:
        raise InputError(attribute.name, value, "a whole number of months from 1 to 120")


def _records(value: object) -> tuple[EventRecord, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError("records", value, "a list of EventRecord")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, EventRecord):
            raise InputError(f"records[{i}]", item, "an EventRecord")
    return items


@attrs.frozen
class SalesAction:
    """A sales action on a customer (A9's 销售动作; a follow-up or a deal for the pool rules).

    Attributes:
        customer: the customer's id, as in :attr:`Holding.customer`.
        on: the day of the action.
        kind: a contact [default], an opportunity opened or updated, or a deal (a contract
            signed).
        by: who took it; ``None`` for the holder. An action by someone else is not the holder's
            sales action (it still makes a deal a deal).

    Raises:
        InputError: naming the field for a blank customer, a date out of range, a value of the
            wrong type.
    """

    customer: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=_day)
    kind: ActionKind = attrs.field(default=ActionKind.CONTACT, validator=_IS_KIND)
    by: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen
class WindowExtension:
    """An extension of the A8 window: its months, and the steps of its case in the policy's
    ``window.extension`` table (subject: the holding's customer). It counts when the steps
    replay to ``granted``.

    Raises:
        InputError: naming the field for months outside 1–120, records that are not
            :class:`~customer_rules.workflow.EventRecord` values.
    """

    months: int = attrs.field(validator=_months)
    records: tuple[EventRecord, ...] = attrs.field(default=(), converter=_records)


def _extensions(value: object) -> tuple[WindowExtension, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError("extensions", value, "a list of WindowExtension")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, WindowExtension):
            raise InputError(f"extensions[{i}]", item, "a WindowExtension")
    return items


@attrs.frozen
class Holding:
    """A customer resource and who holds it (A8–A10; the public pool).

    Attributes:
        customer: the customer's id.
        holder: the salesperson (客户经理) holding it; ``None`` while it is in the public pool.
        received: the day the holder received it (拿到分配的客户资源; the pool rules'
            assignment) — required while held.
        version: the host's version of this holding: the number of steps its case in the pool
            table has taken (see :func:`holding_case`); a claim is applied only at the version
            it was decided on.
        name: the customer's name, for people.
        registered: the day the holder registered it (A7; A8's start by default).
        applied: the day of a separate development application (A8's other reading).
        declared: the day it was declared (申报, A10).
        declared_in_report: the day of the weekly or monthly report carrying the declaration
            (A10's other reading).
        grade: its G2 grade, if graded (the pool rules' customer class).
        lead_type: its G1 lead type (the class of a customer not graded).
        locked: locked against the pool rules (锁定).
        first_action: the holder's first sales action since receiving it.
        last_action: the holder's latest sales action since receiving it.
        signed: the first contract signed since the A8 window started (its success).
        last_deal: the customer's latest contract, with anyone, at any time (a customer with a
            deal; the no-deal rule counts those since ``received``).
        pool_entered: the day it entered the pool (embargo and cooldown), while in the pool.
        previous_holder: who held it before it entered the pool (the cooldown).
        extensions: A8 extensions (each counts once its steps replay to ``granted``).

    :func:`reclaimable` also takes a list of :class:`SalesAction`; the summary dates here and
    the actions are read together (the earliest first action, the latest last action…).

    Raises:
        InputError: naming the field: a blank customer or holder, a held customer without
            ``received``, an action before ``received``, ``last_action`` before
            ``first_action``, a version that is not a whole number, a value of the wrong type.
    """

    customer: str = attrs.field(validator=non_empty_text)
    holder: str | None = attrs.field(default=None, validator=_optional_text)
    received: dt.date | None = attrs.field(default=None, validator=_optional_day)
    version: int = attrs.field(default=0, validator=_version)
    name: str = attrs.field(default="", validator=fact_check(str, "a text (may be empty)"))
    registered: dt.date | None = attrs.field(default=None, validator=_optional_day)
    applied: dt.date | None = attrs.field(default=None, validator=_optional_day)
    declared: dt.date | None = attrs.field(default=None, validator=_optional_day)
    declared_in_report: dt.date | None = attrs.field(default=None, validator=_optional_day)
    grade: Grade | None = attrs.field(default=None, validator=_IS_GRADE)
    lead_type: DealSizeType | None = attrs.field(default=None, validator=_IS_TYPE)
    locked: bool = attrs.field(default=False, validator=IS_BOOL)
    first_action: dt.date | None = attrs.field(default=None, validator=_optional_day)
    last_action: dt.date | None = attrs.field(default=None, validator=_optional_day)
    signed: dt.date | None = attrs.field(default=None, validator=_optional_day)
    last_deal: dt.date | None = attrs.field(default=None, validator=_optional_day)
    pool_entered: dt.date | None = attrs.field(default=None, validator=_optional_day)
    previous_holder: str | None = attrs.field(default=None, validator=_optional_text)
    extensions: tuple[WindowExtension, ...] = attrs.field(default=(), converter=_extensions)
    _latest: dt.date | None = attrs.field(init=False, default=None, eq=False, repr=False)
    """The latest of its dates (what the rules check against the day asked), worked out once."""
    _plain: bool = attrs.field(init=False, default=True, eq=False, repr=False)
    """Neither the other readings' dates nor extensions: the rules' common case."""

    def __attrs_post_init__(self) -> None:
        dates = [
            d
            for d in (
                self.received,
                self.registered,
                self.applied,
                self.declared,
                self.declared_in_report,
                self.first_action,
                self.last_action,
                self.signed,
                self.last_deal,
                self.pool_entered,
            )
            if d is not None
        ]
        object.__setattr__(self, "_latest", max(dates) if dates else None)
        plain = self.applied is None and self.declared_in_report is None and not self.extensions
        object.__setattr__(self, "_plain", plain)
        received = self.received
        if self.holder is not None and received is None:
            raise InputError("received", None, "the day the holder received it (it is held)")
        if received is not None:
            for name in ("first_action", "last_action"):
                value = getattr(self, name)
                if value is not None and value < received:
                    raise InputError(name, value, f"a date on or after received ({received})")
        first, last = self.first_action, self.last_action
        if first is not None and last is not None and last < first:
            raise InputError("last_action", last, f"a date on or after first_action ({first})")


# --------------------------------------------------------------------------- the checks


@attrs.frozen
class WindowCheck:
    """A8 on one holding: the window and where it stands.

    Attributes:
        state: open, warning, succeeded (a contract within the window), review (ended without
            success).
        start: the window's start (registration, or the application).
        deadline: its last day, extensions included.
        months: its length in months, extensions included.
        extensions: the granted extensions.
        signed: the first contract since the start, if any.
        days_left: days from the day asked to the deadline (while open or warning).
        reviewing_roles: who holds the review meeting.
    """

    state: WindowState
    start: dt.date
    deadline: dt.date
    months: int
    extensions: tuple[WindowExtension, ...]
    signed: dt.date | None
    days_left: int | None
    reviewing_roles: frozenset[Role]

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """A8 reasons: each extension granted, then where the window stands."""
        out = [_extension_reason(e) for e in self.extensions]
        roles = in_rank_order(self.reviewing_roles)
        if self.state is WindowState.SUCCEEDED:
            out.append(Reason.of("A8", _R.A8_SUCCEEDED, signed=self.signed, deadline=self.deadline))
        elif self.state is WindowState.REVIEW:
            if self.signed is not None:
                out.append(
                    Reason.of(
                        "A8",
                        _R.A8_REVIEW_LATE,
                        signed=self.signed,
                        deadline=self.deadline,
                        roles=roles,
                    )
                )
            else:
                out.append(Reason.of("A8", _R.A8_REVIEW, deadline=self.deadline, roles=roles))
        else:
            facts: dict[str, Any] = {
                "start": self.start,
                "months": self.months,
                "deadline": self.deadline,
            }
            if self.state is WindowState.WARNING:
                out.append(Reason.of("A8", _R.A8_WARNING, days=self.days_left, **facts))
            else:
                out.append(Reason.of("A8", _R.A8_OPEN, **facts))
        return tuple(out)


def _extension_reason(extension: WindowExtension) -> Reason:
    grant = next((r for r in reversed(extension.records) if r.after == _GRANTED), None)
    if grant is None:  # pragma: no cover - only granted extensions are kept
        return Reason.of("A8", _R.A8_EXTENDED, months=extension.months, who="", role=None, on=None)
    return Reason.of(
        "A8",
        _R.A8_EXTENDED,
        months=extension.months,
        who=grant.by.who,
        role=grant.by.role,
        on=grant.on,
    )


@attrs.frozen
class IdleCheck:
    """A9 on one holding.

    Attributes:
        state: active (a sales action in time: A9 does not apply), watch, warning, reclaimable
            (the deciding role may reclaim it and decides).
        reading: how the two months were read.
        received: the day the holder received it.
        since: the day the two months run from (receipt; or the last sales action, for the
            other reading).
        deadline: their last day.
        first: the holder's first sales action since receipt, if any.
        months: the months.
        days_left: days to the deadline (while watching or warned).
        deciding_role: who decides a reclaim.
    """

    state: IdleState
    reading: IdleReading
    received: dt.date
    since: dt.date
    deadline: dt.date
    first: dt.date | None
    months: int
    days_left: int | None
    deciding_role: Role

    @property
    def reclaim_from(self) -> dt.date:
        """The first day it may be reclaimed: the day after :attr:`deadline`."""
        return self.deadline + _ONE_DAY

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A9 reason: where the holding stands, naming who decides."""
        role, state = self.deciding_role, self.state
        if self.reading is IdleReading.SINCE_LAST_ACTION:
            if state is IdleState.RECLAIMABLE:
                code = _R.A9_IDLE
            elif state is IdleState.WARNING:
                code = _R.A9_IDLE_WARNING
            else:
                code = _R.A9_IDLE_WATCH
            facts: dict[str, Any] = {"since": self.since, "deadline": self.deadline, "role": role}
            if code is _R.A9_IDLE:
                facts["months"] = self.months
            if code is _R.A9_IDLE_WARNING:
                facts["days"] = self.days_left
            return (Reason.of("A9", code, **facts),)
        base = {"received": self.received, "deadline": self.deadline}
        if state is IdleState.ACTIVE:
            return (Reason.of("A9", _R.A9_ACTIVE, months=self.months, first=self.first, **base),)
        if state is IdleState.RECLAIMABLE:
            if self.first is not None:
                return (
                    Reason.of(
                        "A9",
                        _R.A9_RECLAIMABLE_LATE,
                        months=self.months,
                        first=self.first,
                        role=role,
                        **base,
                    ),
                )
            return (Reason.of("A9", _R.A9_RECLAIMABLE, months=self.months, role=role, **base),)
        if state is IdleState.WARNING:
            return (Reason.of("A9", _R.A9_WARNING, role=role, days=self.days_left, **base),)
        return (Reason.of("A9", _R.A9_WATCH, role=role, **base),)


@attrs.frozen
class ProtectionCheck:
    """A10 on one declared customer.

    Attributes:
        state: protected, warning, or ended (the deciding role decides: re-assign or
            re-declare).
        start: the declaration date (or the report's).
        ends: the last protected day.
        months: the period.
        days_left: days to :attr:`ends` (while protected).
        deciding_role: who decides when it ends.
    """

    state: ProtectionState
    start: dt.date
    ends: dt.date
    months: int
    days_left: int | None
    deciding_role: Role

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A10 reason."""
        if self.state is ProtectionState.ENDED:
            return (
                Reason.of(
                    "A10", _R.A10_ENDED, start=self.start, ends=self.ends, role=self.deciding_role
                ),
            )
        facts = {"start": self.start, "months": self.months, "ends": self.ends}
        if self.state is ProtectionState.WARNING:
            return (Reason.of("A10", _R.A10_WARNING, days=self.days_left, **facts),)
        return (Reason.of("A10", _R.A10_PROTECTED, **facts),)


@attrs.frozen
class PoolCheck:
    """The public-pool rules on one holding (beyond the seed).

    Attributes:
        stage: exempt, clear, watch, remind, copy_manager, or reclaim (due back to the pool).
        kind: the rule that bites first, or ``None``.
        grade: the customer's grade, its class when graded.
        lead_type: its lead type, its class when not graded.
        days: the rule's days for that class.
        mode: how the days are counted.
        since: the day the rule counts from (assignment, or the last follow-up).
        due: the last day to act (follow up, or close a deal).
        remind_on: the day to remind the holder.
        copy_on: the day to copy the manager.
        locked: exempt as locked.
        last_deal: exempt as a customer with a deal (its latest).
        manager_role: whom the ladder copies.
    """

    stage: LadderStage
    kind: ReclaimKind | None = None
    grade: Grade | None = None
    lead_type: DealSizeType | None = None
    days: int | None = None
    mode: DeadlineMode | None = None
    since: dt.date | None = None
    due: dt.date | None = None
    remind_on: dt.date | None = None
    copy_on: dt.date | None = None
    locked: bool = False
    last_deal: dt.date | None = None
    manager_role: Role | None = None

    @property
    def reclaim_on(self) -> dt.date | None:
        """The day it returns to the pool: the day after :attr:`due`."""
        return None if self.due is None else self.due + _ONE_DAY

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The pool reasons (citing A9): the exemption, or the rule and the ladder's step."""
        if self.stage is LadderStage.EXEMPT:
            if self.locked:
                return (Reason.of("A9", _R.A9_POOL_LOCKED),)
            return (Reason.of("A9", _R.A9_POOL_DEALT, deal=self.last_deal),)
        if self.stage is LadderStage.CLEAR or self.due is None:
            return (Reason.of("A9", _R.A9_POOL_CLEAR),)
        out = [
            Reason.of(
                "A9",
                _R.A9_POOL_DUE,
                kind=self.kind,
                customer_class=_class_of(self.grade, self.lead_type),
                days=self.days,
                mode=self.mode,
                since=self.since,
                due=self.due,
                reclaim_on=self.reclaim_on,
            )
        ]
        if self.stage is LadderStage.REMIND:
            out.append(Reason.of("A9", _R.A9_POOL_REMIND, due=self.due))
        elif self.stage is LadderStage.COPY_MANAGER:
            out.append(Reason.of("A9", _R.A9_POOL_COPY, due=self.due, manager=self.manager_role))
        elif self.stage is LadderStage.RECLAIM:
            out.append(
                Reason.of("A9", _R.A9_POOL_RECLAIM, due=self.due, reclaim_on=self.reclaim_on)
            )
        return tuple(out)


_ANY_CLASS = Label("未分级客户", "a customer without grade or type")


def _class_of(grade: Grade | None, lead_type: DealSizeType | None) -> Grade | DealSizeType | Label:
    if grade is not None:
        return grade
    return lead_type if lead_type is not None else _ANY_CLASS


_WARNED = frozenset({WindowState.WARNING, IdleState.WARNING, ProtectionState.WARNING})
_LADDER_WARNED = frozenset({LadderStage.REMIND, LadderStage.COPY_MANAGER})


@attrs.frozen
class HoldingStatus:
    """A8–A10 and the pool rules on one holding, on one day.

    Attributes:
        holding: the holding.
        on: the day asked about (in Asia/Shanghai).
        window: A8, or ``None`` (rule off, no start date, or not held).
        idle: A9, or ``None`` (rule off, or not held).
        protection: A10, or ``None`` (rule off, or not declared).
        pool: the pool rules, or ``None`` (no pool, or not held).
        policy_version: the policy version that decided.
        policy_effective: the effective date of the book that decided.
    """

    holding: Holding
    on: dt.date
    window: WindowCheck | None
    idle: IdleCheck | None
    protection: ProtectionCheck | None
    pool: PoolCheck | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reclaimable(self) -> bool:
        """Whether it may be reclaimed (A9: the director decides) or is due back to the pool."""
        idle, pool = self.idle, self.pool
        return (idle is not None and idle.state is IdleState.RECLAIMABLE) or (
            pool is not None and pool.stage is LadderStage.RECLAIM
        )

    @property
    def warning(self) -> bool:
        """Whether a warning is due: a deadline near, or a step of the pool's ladder."""
        for check in (self.window, self.idle, self.protection):
            if check is not None and check.state in _WARNED:
                return True
        return self.pool is not None and self.pool.stage in _LADDER_WARNED

    @property
    def deciders(self) -> tuple[Role, ...]:
        """Who must decide now: the director of a reclaimable holding (A9), the
        customer-department manager when protection has ended (A10), the review meeting when
        the window ended without success (A8) — in rank order."""
        roles: set[Role] = set()
        if self.idle is not None and self.idle.state is IdleState.RECLAIMABLE:
            roles.add(self.idle.deciding_role)
        if self.protection is not None and self.protection.state is ProtectionState.ENDED:
            roles.add(self.protection.deciding_role)
        if self.window is not None and self.window.state is WindowState.REVIEW:
            roles.update(self.window.reviewing_roles)
        return in_rank_order(roles)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons of A10, A8, A9 and the pool rules, in that order."""
        out: list[Reason] = []
        for check in (self.protection, self.window, self.idle, self.pool):
            if check is not None:
                out.extend(check.reasons)
        return tuple(out)


@attrs.frozen
class ReclaimReport:
    """:func:`reclaimable` over many holdings.

    Attributes:
        on: the day asked about (in Asia/Shanghai).
        items: one :class:`HoldingStatus` per holding, in the order given.
        policy_version: the policy version that decided.
        policy_effective: the effective date of the book that decided.
    """

    on: dt.date
    items: tuple[HoldingStatus, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def due(self) -> tuple[HoldingStatus, ...]:
        """The holdings that may be reclaimed or are due back to the pool."""
        return tuple(item for item in self.items if item.reclaimable)

    @property
    def warnings(self) -> tuple[HoldingStatus, ...]:
        """The holdings with a warning due."""
        return tuple(item for item in self.items if item.warning)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A9 summary: the holdings, those reclaimable, warned, awaiting a decision."""
        reclaim = warnings = decisions = 0
        for item in self.items:
            reclaim += item.reclaimable
            warnings += item.warning
            decisions += bool(item.deciders)
        return (
            Reason.of(
                "A9",
                _R.A9_REPORT,
                on=self.on,
                count=len(self.items),
                reclaimable=reclaim,
                warnings=warnings,
                decisions=decisions,
            ),
        )


# --------------------------------------------------------------------------- the job


def _day_of(on: object) -> dt.date:
    """The day asked about: a date as given, a tz-aware datetime as its day in Asia/Shanghai."""
    if isinstance(on, dt.datetime):
        moment = require_aware(on, "on")
        return require_date(moment.astimezone(SHANGHAI).date(), "on")
    return require_date(on, "on")


class _Job:
    """What the rules decide once per policy, day and calendar, shared by every holding that
    asks the same question (a check object is frozen and equal to what the rule gives)."""

    __slots__ = (
        "allocation",
        "calendar",
        "day",
        "idle",
        "idles",
        "pool",
        "pools",
        "protection",
        "protections",
        "window",
        "windows",
    )

    def __init__(self, allocation: AllocationPolicy, day: dt.date, calendar: Calendar) -> None:
        self.allocation, self.day, self.calendar = allocation, day, calendar
        self.window: WindowPolicy | None = allocation.window if allocation.window.enabled else None
        self.idle: IdlePolicy | None = allocation.idle if allocation.idle.enabled else None
        self.protection: ProtectionPolicy | None = (
            allocation.protection if allocation.protection.enabled else None
        )
        self.pool: PoolPolicy | None = allocation.pool if allocation.pool.enabled else None
        self.protections: dict[dt.date, ProtectionCheck] = {}
        self.windows: dict[tuple[Any, ...], WindowCheck] = {}
        self.idles: dict[tuple[Any, ...], IdleCheck] = {}
        self.pools: dict[tuple[Any, ...], PoolCheck] = {}

    # ---- A10

    def protection_check(self, start: dt.date) -> ProtectionCheck:
        p = self.protection
        assert p is not None
        ends = add_months(start, p.months)
        day = self.day
        if day > ends:
            state, left = ProtectionState.ENDED, None
        else:
            left = (ends - day).days
            state = ProtectionState.WARNING if left <= p.warn_days else ProtectionState.PROTECTED
        found = ProtectionCheck(state, start, ends, p.months, left, p.deciding_role)
        return keep(self.protections, start, found, _SHARED_MAX)

    # ---- A8

    def window_check(
        self, start_day: dt.date, extensions: tuple[WindowExtension, ...], signed: dt.date | None
    ) -> WindowCheck:
        key = (start_day, extensions, signed)
        found = self.windows.get(key)
        if found is not None:
            return found
        p = self.window
        assert p is not None
        months = p.months + sum(e.months for e in extensions)
        deadline = add_months(start_day, months)
        day = self.day
        left: int | None = None
        if signed is not None and signed <= deadline:
            state = WindowState.SUCCEEDED
        elif day > deadline:
            state = WindowState.REVIEW
        else:
            left = (deadline - day).days
            state = WindowState.WARNING if left <= p.warn_days else WindowState.OPEN
        found = WindowCheck(
            state, start_day, deadline, months, extensions, signed, left, p.reviewing_roles
        )
        return keep(self.windows, key, found, _SHARED_MAX)

    def granted(self, holding: Holding, path: str) -> tuple[WindowExtension, ...]:
        """The extensions of ``holding`` whose steps replay to ``granted``."""
        p = self.window
        assert p is not None
        table = p.extension
        out = []
        for j, extension in enumerate(holding.extensions):
            case = start(table, subject=holding.customer)
            try:
                final = replay(table, case, extension.records)
            except InputError as exc:
                raise exc.prefixed(f"{path}.extensions[{j}]") from None
            if final.state == _GRANTED:
                out.append(extension)
        return tuple(out)

    # ---- A9

    def idle_check(
        self, received: dt.date, first: dt.date | None, last: dt.date | None
    ) -> IdleCheck:
        p = self.idle
        assert p is not None
        reading = p.reading
        if reading is IdleReading.FROM_RECEIPT:
            key: tuple[Any, ...] = (received, first)
        else:
            key = (received, last)
        found = self.idles.get(key)
        if found is not None:
            return found
        day = self.day
        if reading is IdleReading.FROM_RECEIPT:
            since = received
            deadline = add_months(received, p.months)
            if first is not None and first <= deadline:
                state, left = IdleState.ACTIVE, None
            elif day > deadline:
                state, left = IdleState.RECLAIMABLE, None
            else:
                left = (deadline - day).days
                state = IdleState.WARNING if left <= p.warn_days else IdleState.WATCH
        else:
            since = received if last is None or last < received else last
            deadline = add_months(since, p.months)
            if day > deadline:
                state, left = IdleState.RECLAIMABLE, None
            else:
                left = (deadline - day).days
                state = IdleState.WARNING if left <= p.warn_days else IdleState.WATCH
        found = IdleCheck(
            state, reading, received, since, deadline, first, p.months, left, p.deciding_role
        )
        return keep(self.idles, key, found, _SHARED_MAX)

    # ---- the pool

    def pool_check(
        self,
        received: dt.date,
        last: dt.date | None,
        last_deal: dt.date | None,
        signed: dt.date | None,
        grade: Grade | None,
        lead_type: DealSizeType | None,
        locked: bool,
    ) -> PoolCheck:
        key = (received, last, last_deal, signed, grade, lead_type, locked)
        found = self.pools.get(key)
        if found is not None:
            return found
        p = self.pool
        assert p is not None
        dealt = last_deal if last_deal is not None else signed
        if locked and p.exempt_locked:
            found = PoolCheck(LadderStage.EXEMPT, locked=True)
        elif dealt is not None and p.exempt_dealt:
            found = PoolCheck(LadderStage.EXEMPT, last_deal=dealt)
        else:
            found = self._ladder(p, received, last, dealt, grade, lead_type)
        return keep(self.pools, key, found, _SHARED_MAX)

    def _ladder(
        self,
        p: PoolPolicy,
        received: dt.date,
        last: dt.date | None,
        dealt: dt.date | None,
        grade: Grade | None,
        lead_type: DealSizeType | None,
    ) -> PoolCheck:
        best: tuple[dt.date, PoolRule, dt.date, int] | None = None
        calendar = self.calendar
        for rule in p.rules:
            if rule.kind is ReclaimKind.NO_FOLLOW_UP:
                since = received if last is None or last < received else last
            elif dealt is not None and dealt >= received:
                continue  # a deal since assignment: the rule is met
            else:
                since = received
            days = rule.days_for(grade, lead_type)
            due = Deadline(days, p.mode).due(since, calendar)
            if best is None or due < best[0]:
                best = (due, rule, since, days)
        if best is None:
            return PoolCheck(LadderStage.CLEAR)
        due, rule, since, days = best
        remind_on = _back(due, p.remind_days, p.mode, calendar)
        copy_on = _back(due, p.copy_days, p.mode, calendar)
        day = self.day
        if day > due:
            stage = LadderStage.RECLAIM
        elif day >= copy_on:
            stage = LadderStage.COPY_MANAGER
        elif day >= remind_on:
            stage = LadderStage.REMIND
        else:
            stage = LadderStage.WATCH
        return PoolCheck(
            stage,
            rule.kind,
            grade,
            lead_type if grade is None else None,
            days,
            p.mode,
            since,
            due,
            remind_on,
            copy_on,
            manager_role=p.manager_role,
        )


def _back(due: dt.date, days: int, mode: DeadlineMode, calendar: Calendar) -> dt.date:
    """The day ``days`` before ``due``, counted as the pool counts (a warning falls on a
    working day in the working-day modes)."""
    if days == 0:
        return due
    if mode is DeadlineMode.WORKING_DAYS:
        day, left, scanned = due, days, 0
        while left:
            day -= _ONE_DAY
            scanned += 1
            if scanned > _SCAN:
                raise InputError("calendar", calendar, f"a calendar with working days before {due}")
            if calendar.is_working_day(day):
                left -= 1
        return day
    day = due - dt.timedelta(days=days)
    if mode is DeadlineMode.CALENDAR_THEN_ROLL:
        scanned = 0
        while not calendar.is_working_day(day):
            day -= _ONE_DAY
            scanned += 1
            if scanned > _SCAN:
                raise InputError("calendar", calendar, f"a calendar with working days before {due}")
    return day


_LAST: dict[int, _Job] = {}
"""The job of the last call under key 0 (kept by :func:`keep`, so ``forget_all`` empties it)."""


def _job(policy: object, on: object, calendar: object) -> _Job:
    day = _day_of(on)
    job = _LAST.get(0)
    if job is not None and policy is job.allocation and calendar is job.calendar and day == job.day:
        return job
    allocation = policy_on(policy, day)
    job = _Job(allocation, day, calendar_arg(calendar))
    return keep(_LAST, 0, job, 1)


# --------------------------------------------------------------------------- actions


_Activity = list[dt.date | None]
"""first action, last action, first deal since a start (per holding), latest deal."""


def _activities(actions: object, day: dt.date) -> dict[str, list[SalesAction]]:
    """The actions by customer, those after ``day`` left out (not yet happened)."""
    items = items_of(actions, "actions", SalesAction, "SalesAction")
    by_customer: dict[str, list[SalesAction]] = {}
    for action in items:
        if action.on <= day:
            by_customer.setdefault(action.customer, []).append(action)
    return by_customer


def _summary(
    holding: Holding,
) -> tuple[dt.date | None, dt.date | None, dt.date | None, dt.date | None]:
    """The holding's own dates: its first sales action since receipt (the last stands for it
    when only the last is known — an action there was), last action, first contract, last deal."""
    first = holding.first_action
    if first is None:
        first = holding.last_action
    return first, holding.last_action, holding.signed, holding.last_deal


def _merged(
    holding: Holding, actions: list[SalesAction], window_start: dt.date | None
) -> tuple[dt.date | None, dt.date | None, dt.date | None, dt.date | None]:
    """The holding's first and last sales action since receipt, first contract since the
    window's start and latest deal, from its summary dates and its actions together."""
    first, last, signed, deal = _summary(holding)
    received, holder = holding.received, holding.holder
    for action in actions:
        on = action.on
        if action.kind is ActionKind.DEAL:
            if deal is None or on > deal:
                deal = on
            if window_start is not None and on >= window_start and (signed is None or on < signed):
                signed = on
        mine = action.by is None or action.by == holder
        if mine and received is not None and on >= received:
            if first is None or on < first:
                first = on
            if last is None or on > last:
                last = on
    return first, last, signed, deal


def _after_day(holding: Holding, day: dt.date, path: str) -> InputError | None:
    late = [
        Problem.mismatch(f"{path}.{name}" if path else name, value, f"a date on or before {day}")
        for name in (
            "received",
            "registered",
            "applied",
            "declared",
            "declared_in_report",
            "first_action",
            "last_action",
            "signed",
            "last_deal",
            "pool_entered",
        )
        if (value := getattr(holding, name)) is not None and value > day
    ]
    return InputError.of(late) if late else None


def _status(job: _Job, holding: Holding, actions: list[SalesAction], path: str) -> HoldingStatus:
    """A8–A10 and the pool on one holding (checked arguments; ``path`` names it in an error)."""
    day = job.day
    received = holding.received
    latest = holding._latest
    if latest is not None and latest > day:
        error = _after_day(holding, day, path)
        if error is not None:
            raise error
    window_p = job.window
    window_start: dt.date | None = None
    if window_p is not None and holding.holder is not None:
        window_start = (
            holding.registered if window_p.start is WindowStart.REGISTRATION else holding.applied
        )
    if actions:
        first, last, signed, deal = _merged(holding, actions, window_start)
    else:
        first, last, signed, deal = _summary(holding)
    protection = idle = window = pool = None
    protection_p = job.protection
    if protection_p is not None:
        begun = (
            holding.declared
            if protection_p.start is ProtectionStart.DECLARATION
            else holding.declared_in_report
        )
        if begun is not None:
            protection = job.protections.get(begun) or job.protection_check(begun)
    if received is not None and holding.holder is not None:
        if window_start is not None:
            if signed is not None and signed < window_start:
                signed = None  # before the window: not its success
            extensions = job.granted(holding, path) if holding.extensions else ()
            window = job.window_check(window_start, extensions, signed)
        if job.idle is not None:
            idle = job.idle_check(received, first, last)
        if job.pool is not None:
            pool = job.pool_check(
                received, last, deal, signed, holding.grade, holding.lead_type, holding.locked
            )
    allocation = job.allocation
    return HoldingStatus(
        holding,
        day,
        window,
        idle,
        protection,
        pool,
        allocation.version,
        policy_effective=allocation.effective,
    )


# --------------------------------------------------------------------------- the rules


def holding_status(
    holding: Holding,
    policy: AllocationPolicy,
    *,
    on: dt.date | dt.datetime,
    actions: Iterable[SalesAction] = (),
    calendar: Calendar = CALENDAR_DAYS,
) -> HoldingStatus:
    """A8, A9, A10 and the pool rules on one holding, on one day.

    Args:
        holding: the holding.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        on: the day asked about — a date, or a tz-aware moment taken as its day in
            Asia/Shanghai (never the zone a server runs in).
        actions: sales actions on its customer (others are ignored; those after ``on`` too).
        calendar: the calendar the pool's working-day modes count on.

    Returns:
        The date its protection ends, the window's deadline with the extensions granted, the
        day it becomes reclaimable, the pool's ladder — each with its warning and reasons.

    Raises:
        InputError: naming the argument or the field: a ``holding`` that is not a
            :class:`Holding`, a date of it after ``on``, an extension whose steps do not replay,
            ``actions[i]`` not a :class:`SalesAction`, a bad ``on``, ``policy`` or ``calendar``.
        CalendarCoverageError: a working-day count outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> h = Holding("C1", "陈小明", dt.date(2026, 1, 15), declared=dt.date(2026, 1, 15))
        >>> s = holding_status(h, AllocationPolicy(), on=dt.date(2026, 3, 16))
        >>> s.idle.state.value, s.idle.deadline, s.protection.state.value
        ('reclaimable', datetime.date(2026, 3, 15), 'ended')
        >>> [r.value for r in s.deciders]
        ['marketing_director', 'customer_department_manager']
    """
    job = _job(policy, on, calendar)
    if not isinstance(holding, Holding):
        raise InputError("holding", holding, "a Holding")
    by_customer = _activities(actions, job.day)
    return _status(job, holding, by_customer.get(holding.customer, []), "")


def reclaimable(
    holdings: Iterable[Holding],
    actions: Iterable[SalesAction],
    policy: AllocationPolicy,
    *,
    on: dt.date | dt.datetime,
    calendar: Calendar = CALENDAR_DAYS,
) -> ReclaimReport:
    """A8–A10 and the public pool over many holdings: what may be reclaimed, when, and why.

    A9's "may reclaim" is never a move: a reclaimable holding says the marketing director
    decides (:attr:`HoldingStatus.deciders`); a holding due back under the company's pool rules
    says so and the day. Each holding gets the dates of A10 (protection ends), A8 (the window's
    deadline, extensions granted) and A9 (the last day for a sales action), with their warnings.

    Args:
        holdings: the holdings (any iterable).
        actions: the sales actions of the host's log (any order; those after ``on`` ignored);
            ``()`` when the holdings' summary dates say it all.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        on: the day asked about — a date, or a tz-aware moment taken as its day in Asia/Shanghai.
        calendar: the calendar the pool's working-day modes count on.

    Returns:
        A :class:`ReclaimReport`: one :class:`HoldingStatus` per holding in the order given;
        ``due`` and ``warnings`` select.

    Raises:
        InputError: naming ``holdings`` (not an iterable), ``holdings[i]`` (not a
            :class:`Holding`, or a date of it after ``on``), ``actions[i]``, ``on``,
            ``policy`` or ``calendar``.
        CalendarCoverageError: a working-day count outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.reasons import explain
        >>> held = [Holding("C1", "陈小明", dt.date(2026, 1, 15)),
        ...         Holding("C2", "王芳", dt.date(2026, 1, 15))]
        >>> seen = [SalesAction("C2", dt.date(2026, 3, 15))]
        >>> report = reclaimable(held, seen, AllocationPolicy(), on=dt.date(2026, 3, 16))
        >>> [(s.holding.customer, s.idle.state.value) for s in report.items]
        [('C1', 'reclaimable'), ('C2', 'active')]
        >>> print(explain(report.due[0], "en"))  # doctest: +NORMALIZE_WHITESPACE
        [A9] no sales action within 2 months of receipt on 2026-01-15 (by 2026-03-15):
        reclaimable for another manager — the marketing director decides
    """
    job = _job(policy, on, calendar)
    if isinstance(holdings, str | bytes) or not isinstance(holdings, Iterable):
        raise InputError("holdings", holdings, "a list of Holding")
    by_customer = _activities(actions, job.day)
    day = job.day
    items: list[HoldingStatus] = []
    append = items.append
    version, effective = job.allocation.version, job.allocation.effective
    protection_p, idle_p = job.protection, job.idle
    window_p, pool_p = job.window, job.pool
    by_registration = window_p is None or window_p.start is WindowStart.REGISTRATION
    declared_first = protection_p is None or protection_p.start is ProtectionStart.DECLARATION
    protections, idles, windows = job.protections, job.idles, job.windows
    from_receipt = idle_p is None or idle_p.reading is IdleReading.FROM_RECEIPT
    fast = (
        not by_customer and pool_p is None and by_registration and declared_first and from_receipt
    )
    new = HoldingStatus
    for i, holding in enumerate(holdings):
        if type(holding) is not Holding and not isinstance(holding, Holding):
            raise InputError(f"holdings[{i}]", holding, "a Holding")
        latest = holding._latest
        if not fast or not holding._plain or (latest is not None and latest > day):
            append(_status(job, holding, by_customer.get(holding.customer, []), f"holdings[{i}]"))
            continue
        received = holding.received
        # the common case, inline: seed readings, no actions list, no pool, nothing to replay
        protection = window = idle = None
        declared = holding.declared
        if declared is not None and protection_p is not None:
            protection = protections.get(declared) or job.protection_check(declared)
        if received is not None and holding.holder is not None:
            registered = holding.registered
            if registered is not None and window_p is not None:
                signed = holding.signed
                if signed is not None and signed < registered:
                    signed = None
                key = (registered, (), signed)
                window = windows.get(key) or job.window_check(registered, (), signed)
            if idle_p is not None:
                first = holding.first_action
                if first is None:
                    first = holding.last_action
                idle = idles.get((received, first)) or job.idle_check(
                    received, first, holding.last_action
                )
        append(
            new(holding, day, window, idle, protection, None, version, policy_effective=effective)
        )
    return ReclaimReport(day, tuple(items), version, policy_effective=effective)


# --------------------------------------------------------------------------- claiming


def holding_case(holding: Holding, policy: AllocationPolicy) -> Case:
    """The case of ``holding`` in the policy's pool table: ``held`` or ``pool``, its subject
    the customer, its number of steps the holding's ``version``, its last step on the day it
    was received or entered the pool (a step dated before is refused).

    Raises:
        InputError: naming ``holding`` or ``policy`` for a value of the wrong kind.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> holding_case(Holding("C1", version=4), AllocationPolicy()).state
        'pool'
    """
    if not isinstance(holding, Holding):
        raise InputError("holding", holding, "a Holding")
    table = _allocation(policy).pool.table
    if holding.holder is not None:
        return Case(table.name, _HELD, holding.customer, holding.version, None, holding.received)
    return Case(table.name, _IN_POOL, holding.customer, holding.version, None, holding.pool_entered)


def _allocation(policy: object) -> AllocationPolicy:
    from customer_rules._allocation.checks import allocation_policy

    return allocation_policy(policy)


@attrs.frozen
class ClaimDecision:
    """A claim of a customer from the public pool, decided.

    Attributes:
        outcome: granted, or why not.
        holding: the holding decided on.
        claimant: who claims.
        on: the day of the claim (in Asia/Shanghai).
        version: the holding's version the decision was made on: apply it only while the
            holding is still at it (compare-and-set, :func:`apply_claim`).
        after: the holding once claimed (held by the claimant, received on ``on``, the version
            one more); ``None`` when refused.
        record: the pool table's step record to store; ``None`` when refused.
        until: the first day a claim is allowed (embargo, cooldown), or ``None``.
        count: the customers held, or the claims made that day, for a cap; else ``None``.
        limit: that cap, or ``None``.
        step: the pool table's outcome for a refusal of the step itself, else ``None``.
        policy: the pool policy that decided (not written by ``interchange.to_data``).
        policy_version: the policy version that decided.
        policy_effective: the effective date of the book that decided.
    """

    outcome: ClaimOutcome
    holding: Holding
    claimant: Salesperson
    on: dt.date
    version: int
    after: Holding | None
    record: EventRecord | None
    until: dt.date | None
    count: int | None
    limit: int | None
    step: StepOutcome | None
    policy: PoolPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def granted(self) -> bool:
        """Whether the claim may be applied (at its ``version``)."""
        return self.outcome is ClaimOutcome.GRANTED

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One reason citing A9 (or the pool table's refusal)."""
        return (_claim_reason(self),)


def _claim_reason(d: ClaimDecision) -> Reason:
    h, who, outcome = d.holding, d.claimant.id, d.outcome
    customer = h.name or h.customer
    if outcome is ClaimOutcome.GRANTED:
        return Reason.of(
            "A9", _R.A9_CLAIM_GRANTED, who=who, on=d.on, customer=customer, version=d.version
        )
    if outcome is ClaimOutcome.POOL_OFF:
        return Reason.of("A9", _R.A9_CLAIM_OFF, role=d.policy.allocating_role)
    if outcome is ClaimOutcome.NOT_IN_POOL:
        return Reason.of("A9", _R.A9_CLAIM_HELD, customer=customer, holder=h.holder)
    if outcome is ClaimOutcome.NOT_ACTIVE:
        return Reason.of("A9", _R.A9_CLAIM_INACTIVE, who=who, status=d.claimant.status)
    if outcome is ClaimOutcome.EMBARGO:
        return Reason.of(
            "A9",
            _R.A9_CLAIM_EMBARGO,
            customer=customer,
            entered=h.pool_entered,
            days=d.policy.embargo_days,
            until=d.until,
        )
    if outcome is ClaimOutcome.COOLDOWN:
        return Reason.of(
            "A9",
            _R.A9_CLAIM_COOLDOWN,
            who=who,
            customer=customer,
            entered=h.pool_entered,
            days=d.policy.cooldown_days,
            until=d.until,
        )
    if outcome is ClaimOutcome.HELD_CAP:
        counted = _HELD_COUNTED[d.policy.count_dealt]
        return Reason.of(
            "A9", _R.A9_CLAIM_CAP, who=who, count=d.count, counted=counted, limit=d.limit
        )
    if outcome is ClaimOutcome.DAILY_CAP:
        return Reason.of("A9", _R.A9_CLAIM_DAILY, who=who, on=d.on, count=d.count, limit=d.limit)
    step = apply(
        d.policy.table, _case_of(d.holding, d.policy.table), _CLAIM, by=_signoff(d), on=d.on
    )
    return step.reasons[0]


_HELD_COUNTED = {
    True: Label("含成交客户", "customers with a deal included"),
    False: Label("不含成交客户", "customers with a deal not counted"),
}


def _case_of(holding: Holding, table: WorkflowTable) -> Case:
    if holding.holder is not None:
        return Case(table.name, _HELD, holding.customer, holding.version, None, holding.received)
    return Case(table.name, _IN_POOL, holding.customer, holding.version, None, holding.pool_entered)


def _signoff(d: ClaimDecision) -> Approval:
    return Approval(d.claimant.id, d.claimant.role, _CLAIM_WHAT, d.on, subject=d.holding.customer)


_CLAIM_WHAT = "A9.claim"


def claim(
    holding: Holding,
    claimant: Salesperson,
    held: Iterable[Holding],
    claims: Iterable[EventRecord],
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
) -> ClaimDecision:
    """Claim a customer from the public pool (beyond the seed; off in the seed book).

    In order: the pool must be on; the customer in the pool; the claimant at work; the customer
    past its embargo (``embargo_days`` from its entry into the pool); the claimant, if its
    previous holder, past the cooldown (``cooldown_days`` from that entry); under the cap on
    customers held (``max_held``; customers with a deal counted or not, ``count_dealt``); under
    the daily cap (``daily_claims``, counted from the claims made that day — the pool table's
    ``claim`` records by the claimant dated that day, so a claim later released still counts
    and a refused one, having no record, does not); and the pool table must allow the step.

    A granted decision carries the version it was decided on, the holding after the claim and
    the record to store: the host applies it only while the holding is still at that version
    (``UPDATE … WHERE version = ?``, or :func:`apply_claim`), so of two claims decided on the
    same version only the first applied wins.

    Args:
        holding: the customer, in the pool.
        claimant: who claims.
        held: the holdings of the host (those held by the claimant are counted).
        claims: the pool table's step records of the host (the claimant's claims that day are
            counted).
        policy: the allocation policy.
        at: the moment of the claim (tz-aware); its day is taken in Asia/Shanghai.

    Returns:
        The decision.

    Raises:
        InputError: naming the argument: not a :class:`Holding` or
            :class:`~customer_rules.allocation.Salesperson`, ``held[i]`` not a Holding,
            ``claims[i]`` not an EventRecord, a naive ``at``, a bad ``policy``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy, Salesperson
        >>> from customer_rules.dates import SHANGHAI
        >>> policy = AllocationPolicy(pool={"enabled": True})
        >>> free = Holding("C9", pool_entered=dt.date(2026, 5, 1), version=3)
        >>> d = claim(free, Salesperson("S1"), [], [], policy,
        ...           at=dt.datetime(2026, 5, 6, 10, tzinfo=SHANGHAI))
        >>> d.outcome.value, d.version, d.after.holder, d.after.version
        ('granted', 3, 'S1', 4)
        >>> apply_claim(d.after, d) is None  # the second application finds version 4
        True
    """
    allocation = allocation_policy(policy)
    moment = checked_moment(allocation, at)
    day = moment.astimezone(SHANGHAI).date()
    if not isinstance(holding, Holding):
        raise InputError("holding", holding, "a Holding")
    if not isinstance(claimant, Salesperson):
        raise InputError("claimant", claimant, "a Salesperson")
    others = items_of(held, "held", Holding, "Holding")
    records = items_of(claims, "claims", EventRecord, "EventRecord")
    p = allocation.pool
    common: dict[str, Any] = {
        "holding": holding,
        "claimant": claimant,
        "on": day,
        "version": holding.version,
        "policy": p,
        "policy_version": allocation.version,
        "policy_effective": allocation.effective,
    }

    def refused(
        outcome: ClaimOutcome,
        *,
        until: dt.date | None = None,
        count: int | None = None,
        limit: int | None = None,
        step: StepOutcome | None = None,
    ) -> ClaimDecision:
        return ClaimDecision(
            outcome,
            after=None,
            record=None,
            until=until,
            count=count,
            limit=limit,
            step=step,
            **common,
        )

    if not p.enabled:
        return refused(ClaimOutcome.POOL_OFF)
    if holding.holder is not None:
        return refused(ClaimOutcome.NOT_IN_POOL)
    if claimant.status is not PersonStatus.ACTIVE:
        return refused(ClaimOutcome.NOT_ACTIVE)
    entered = holding.pool_entered
    if entered is not None:
        if p.embargo_days:
            until = entered + dt.timedelta(days=p.embargo_days)
            if day < until:
                return refused(ClaimOutcome.EMBARGO, until=until)
        if p.cooldown_days and holding.previous_holder == claimant.id:
            until = entered + dt.timedelta(days=p.cooldown_days)
            if day < until:
                return refused(ClaimOutcome.COOLDOWN, until=until)
    if p.max_held is not None:
        count = sum(
            1
            for h in others
            if h.holder == claimant.id
            and h.customer != holding.customer
            and (p.count_dealt or (h.last_deal is None and h.signed is None))
        )
        if count >= p.max_held:
            return refused(ClaimOutcome.HELD_CAP, count=count, limit=p.max_held)
    table = p.table
    if p.daily_claims is not None:
        count = sum(
            1
            for r in records
            if r.workflow == table.name
            and r.event == _CLAIM
            and r.on == day
            and r.by.who == claimant.id
        )
        if count >= p.daily_claims:
            return refused(ClaimOutcome.DAILY_CAP, count=count, limit=p.daily_claims)
    signoff = Approval(claimant.id, claimant.role, _CLAIM_WHAT, day, subject=holding.customer)
    step = apply(table, _case_of(holding, table), _CLAIM, by=signoff, on=day)
    if step.record is None:  # refused: apply gives a record only for a step taken
        return refused(ClaimOutcome.REFUSED, step=step.outcome)
    after = attrs.evolve(
        holding,
        holder=claimant.id,
        received=day,
        version=holding.version + 1,
        registered=None,
        applied=None,
        declared=None,
        declared_in_report=None,
        first_action=None,
        last_action=None,
        signed=None,
        pool_entered=None,
        extensions=(),
    )
    return ClaimDecision(
        ClaimOutcome.GRANTED,
        after=after,
        record=step.record,
        until=None,
        count=None,
        limit=None,
        step=None,
        **common,
    )


def apply_claim(current: Holding, decision: ClaimDecision) -> Holding | None:
    """The compare-and-set of a claim, in memory: the holding after ``decision`` if ``current``
    is still at the version it was decided on (and in the pool), else ``None`` — someone else's
    step came first. A host with a database does the same with ``UPDATE … WHERE version = ?``.

    Raises:
        InputError: naming ``current`` or ``decision`` for a value of the wrong kind, or a
            decision about another customer.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy, Salesperson
        >>> from customer_rules.dates import SHANGHAI
        >>> policy = AllocationPolicy(pool={"enabled": True})
        >>> free = Holding("C9", version=3)
        >>> at = dt.datetime(2026, 5, 6, 10, tzinfo=SHANGHAI)
        >>> mine = claim(free, Salesperson("S1"), [], [], policy, at=at)
        >>> yours = claim(free, Salesperson("S2"), [], [], policy, at=at)
        >>> won = apply_claim(free, mine)
        >>> won.holder, apply_claim(won, yours)
        ('S1', None)
    """
    if not isinstance(current, Holding):
        raise InputError("current", current, "a Holding")
    if not isinstance(decision, ClaimDecision):
        raise InputError("decision", decision, "a ClaimDecision")
    if decision.holding.customer != current.customer:
        raise InputError(
            "decision.holding.customer",
            decision.holding.customer,
            f"the customer of current ({current.customer!r})",
        )
    if decision.after is None or current.version != decision.version or current.holder is not None:
        return None
    return decision.after
