"""S2 — reception expenses: the application and the reimbursement (客户接待费用方案).

Source: seed 002 §客户接待费用方案 (二 申领, 三 使用, 四 报销).

An application (客户接待申请单) lists the cost items with their amounts, the execution type, one
purpose of the seed's eight and the venue grade; it is signed by the customer-service manager and
the finance manager before money is drawn. :func:`check_application` checks the two sign-offs,
the budget (the past average, from the history the host passes), the monthly cap on receptions
per person ("原则上…不得超过×次" — flagged, not refused), repeats of the same content and guests
("尽量避免" — flagged, not refused) and the reception card of an important customer.
:func:`reimburse` checks a claim: receipts within 15 days after the reception, each line against
what was approved — over-standard amounts reduced, unauthorised ones refused — and returns the
reimbursable amount, exact to the cent.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._service.checks import day_in_force, items_of, service_policy, status_label
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import as_tuple, day, names, tuple_of
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import Deadline
from customer_rules.dates import add_months
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "RECEPTION_EXPENSE",
    "REIMBURSEMENT",
    "ApplicationCheck",
    "BudgetBasis",
    "CapBasis",
    "ClaimLine",
    "ClaimLineOutcome",
    "CostItem",
    "ExecutionType",
    "ExpenseFlag",
    "ExpenseItem",
    "ExpensePolicy",
    "LineDecision",
    "ReceptionApplication",
    "ReceptionPurpose",
    "ReceptionRecord",
    "Reimbursement",
    "ReimbursementClaim",
    "ReimbursementOutcome",
    "SignatureCheck",
    "VenueGrade",
    "check_application",
    "reimburse",
]

RECEPTION_EXPENSE = "S2.reception"
"""The ``Approval.what`` of a sign-off on a reception application (审核签字)."""
REIMBURSEMENT = "S2.reimbursement"
"""The ``Approval.what`` of the customer-service manager's sign-off on a claim (签批)."""

_S2 = "S2; 002 §客户接待费用方案"
_CENT = Decimal("0.01")
_ZERO = Decimal(0)


class CostItem(LabelledEnum):
    """The cost items of the application form (费用明细)."""

    HOSPITALITY = "hospitality"
    SOCIAL = "social"
    MEETING = "meeting"
    SEMINAR = "seminar"
    CEREMONY = "ceremony"
    GIFT = "gift"
    OTHER = "other"


class ExecutionType(LabelledEnum):
    """The execution type of the form (费用类型)."""

    FULL = "full"
    """全部执行."""
    PARTIAL = "partial"
    """部分执行."""
    SELF_PAID = "self_paid"
    """自费 — no company money is drawn."""


class ReceptionPurpose(LabelledEnum):
    """The eight purposes of the form (招待目的)."""

    NEW_PARTNER = "new_partner"
    NEW_RELATIONSHIP = "new_relationship"
    VISIT = "visit"
    OUTBOUND = "outbound"
    COOPERATION_ENDED = "cooperation_ended"
    SUGGESTION_ADOPTED = "suggestion_adopted"
    GOAL_REACHED = "goal_reached"
    FESTIVAL = "festival"


class VenueGrade(LabelledEnum):
    """The reception grade of the form (客户接待档次)."""

    HIGH = "high"
    MID = "mid"
    LOW = "low"


class CapBasis(LabelledEnum):
    """Whom the monthly cap "每人每月" counts (the catalogue's S2 ambiguity)."""

    PER_HOST = "per_host"
    """Per receiving employee [default]."""
    PER_GUEST = "per_guest"
    """Per guest received."""


class BudgetBasis(LabelledEnum):
    """What "预算按过去的平均实绩确定" averages."""

    PER_RECEPTION = "per_reception"
    """The average amount of one past reception: an application's total must not exceed it
    [default]."""
    PER_MONTH = "per_month"
    """The average monthly spend: the month's receptions with this one must not exceed it."""


class ExpenseFlag(LabelledEnum):
    """A finding on an application that is flagged, never refused."""

    OVER_CAP = "over_cap"
    """原则上每人每月不得超过×次 — more receptions this month than the cap."""
    REPEAT = "repeat"
    """同样内容与对象的客户接待应尽量避免 — the same content and guests again."""
    NO_CARD = "no_card"
    """对重要客户要设立客户接待卡 — an important customer without a reception card."""
    NO_BUDGET = "no_budget"
    """No past reception in the budget period: the budget cannot be set."""


set_labels(
    {
        CostItem.HOSPITALITY: ("招待费用", "hospitality"),
        CostItem.SOCIAL: ("交际费用", "social"),
        CostItem.MEETING: ("会议费用", "meeting"),
        CostItem.SEMINAR: ("研讨费用", "seminar"),
        CostItem.CEREMONY: ("典礼费用", "ceremony"),
        CostItem.GIFT: ("礼品费用", "gifts"),
        CostItem.OTHER: ("其他费用", "other"),
        ExecutionType.FULL: ("全部执行", "full"),
        ExecutionType.PARTIAL: ("部分执行", "partial"),
        ExecutionType.SELF_PAID: ("自费", "self-paid"),
        ReceptionPurpose.NEW_PARTNER: ("招待新的合作客户", "a new partner"),
        ReceptionPurpose.NEW_RELATIONSHIP: (
            "庆祝新客户合作关系的建立",
            "celebrating a new relationship",
        ),
        ReceptionPurpose.VISIT: ("客户来访时的招待", "a customer's visit"),
        ReceptionPurpose.OUTBOUND: ("客户服务人员出访时的请客", "hosting on a service trip"),
        ReceptionPurpose.COOPERATION_ENDED: (
            "与客户合作结束后的致谢",
            "thanks at the end of a cooperation",
        ),
        ReceptionPurpose.SUGGESTION_ADOPTED: (
            "接纳各种客户建议后的致谢",
            "thanks for an adopted suggestion",
        ),
        ReceptionPurpose.GOAL_REACHED: ("达到各种目的后的致谢", "thanks for a goal reached"),
        ReceptionPurpose.FESTIVAL: ("重要的节日或庆典", "a festival or celebration"),
        VenueGrade.HIGH: ("高档", "high"),
        VenueGrade.MID: ("中档", "mid"),
        VenueGrade.LOW: ("低档", "low"),
        CapBasis.PER_HOST: ("按接待人员计", "per receiving employee"),
        CapBasis.PER_GUEST: ("按被接待客人计", "per guest"),
        BudgetBasis.PER_RECEPTION: ("按每次接待的平均实绩", "average per reception"),
        BudgetBasis.PER_MONTH: ("按每月的平均实绩", "average per month"),
        ExpenseFlag.OVER_CAP: ("超过每月接待次数", "over the monthly cap"),
        ExpenseFlag.REPEAT: ("重复接待", "repeat reception"),
        ExpenseFlag.NO_CARD: ("未设客户接待卡", "no reception card"),
        ExpenseFlag.NO_BUDGET: ("无往期实绩,预算不明", "no history: budget unknown"),
    }
)


# --------------------------------------------------------------------------- the policy


@policy
class ExpensePolicy:
    """S2: the reception-expense rules. Source: seed 002 §客户接待费用方案.

    Attributes:
        approving_roles: the two sign-offs an application needs, each by its own role
            (客户服务部经理 and 财务部经理) [seed].
        reimbursing_role: who signs off a claim (呈交客户服务经理签批) [seed].
        budget_months: the months of history the budget averages, before the reception
            [default: 12 — "过去的平均实绩" names no period].
        budget_basis: what the budget averages [default: per reception; ``per_month``: the
            month's spend].
        over_budget_refused: an application over budget is refused ("应在…预算范围内进行开支")
            [default: yes; ``false`` flags it only].
        monthly_cap: receptions per person per month, "原则上每人每月不得超过×次" — blank in the
            seed [default: 4 — the company must set its own]; the 5th is over ("超过" excludes
            the number) and is flagged, not refused ("原则上").
        cap_basis: whom the cap counts [default: per receiving employee; ``per_guest``].
        repeat_days: the days before a reception in which the same content with the same
            guests is a repeat ("尽量避免" — flagged, not refused) [default: 30].
        claim_deadline: receipts are submitted within 15 days after the reception
            ("工作结束后15日内") [seed: 15 days, the day after the reception being day 1].
        late_claim_refused: a claim submitted after the deadline is refused [default: yes;
            ``false`` flags it only].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    approving_roles: tuple[Role, ...] = setting(
        default=(Role.CUSTOMER_SERVICE_MANAGER, Role.FINANCE_MANAGER),
        unit=Unit.ROLES,
        source=_S2,
        min_items=1,
    )
    reimbursing_role: Role = setting(
        default=Role.CUSTOMER_SERVICE_MANAGER, unit=Unit.ROLE, source=_S2
    )
    budget_months: int = setting(
        default=12, unit=Unit.MONTHS, source=_S2, mark=Mark.DEFAULT, low=1, high=120
    )
    budget_basis: BudgetBasis = setting(
        default=BudgetBasis.PER_RECEPTION, unit=Unit.CHOICE, source=_S2, mark=Mark.DEFAULT
    )
    over_budget_refused: bool = setting(default=True, unit=Unit.FLAG, source=_S2, mark=Mark.DEFAULT)
    monthly_cap: int = setting(
        default=4, unit=Unit.COUNT, source=_S2, mark=Mark.DEFAULT, low=1, high=1000
    )
    cap_basis: CapBasis = setting(
        default=CapBasis.PER_HOST, unit=Unit.CHOICE, source=_S2, mark=Mark.DEFAULT
    )
    repeat_days: int = setting(
        default=30, unit=Unit.DAYS, source=_S2, mark=Mark.DEFAULT, low=1, high=3660
    )
    claim_deadline: Deadline = setting(default=Deadline(15), unit=Unit.TABLE, source=_S2)
    late_claim_refused: bool = setting(default=True, unit=Unit.FLAG, source=_S2, mark=Mark.DEFAULT)


# --------------------------------------------------------------------------- facts


def _amount(value: object) -> Decimal:
    """The converter of an ``amount`` field."""
    return parse_amount(value, "amount")


@attrs.frozen
class ExpenseItem:
    """One line of an application's cost detail (费用明细).

    Attributes:
        item: the cost item.
        amount: its amount in yuan (``Decimal``, ``int`` or ``"1,200.50"``; never a float).

    Raises:
        InputError: naming the field.
    """

    item: CostItem = attrs.field(validator=fact_check(CostItem, "a CostItem"))
    amount: Decimal = attrs.field(converter=_amount)


@attrs.frozen
class ReceptionApplication:
    """A reception application (客户接待申请单).

    Attributes:
        id: the application's id (what the sign-offs are bound to).
        customer: the customer received (客户名).
        host: the receiving employee (申请人).
        reception_on: the day of the reception (接待时间).
        execution: the execution type (费用类型).
        items: the cost detail, at least one line.
        purpose: the purpose, one of the eight.
        grade: the venue grade.
        guests: the guests received (for the per-guest cap and repeats); may be empty.
        content: what the reception is (for repeats), e.g. "工厂参观+午宴".
        approvals: the sign-offs given (each an :class:`~customer_rules.roles.Approval` for
            :data:`RECEPTION_EXPENSE`).
        important: the customer is an important customer (a reception card is kept).
        card_on_file: customer service keeps a reception card for the customer.

    Raises:
        InputError: naming the field.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    host: str = attrs.field(validator=non_empty_text)
    reception_on: dt.date = attrs.field(validator=day)
    execution: ExecutionType = attrs.field(validator=fact_check(ExecutionType, "an ExecutionType"))
    items: tuple[ExpenseItem, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(ExpenseItem, "ExpenseItem")
    )
    purpose: ReceptionPurpose = attrs.field(
        validator=fact_check(ReceptionPurpose, "a ReceptionPurpose")
    )
    grade: VenueGrade = attrs.field(validator=fact_check(VenueGrade, "a VenueGrade"))
    guests: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=names)
    content: str = attrs.field(default="", validator=fact_check(str, "a text"))
    approvals: tuple[Approval, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Approval, "an Approval")
    )
    important: bool = attrs.field(default=False, validator=IS_BOOL)
    card_on_file: bool = attrs.field(default=False, validator=IS_BOOL)

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise InputError("items", self.items, "at least one cost line")

    @property
    def total(self) -> Decimal:
        """The application's amount: the sum of its lines."""
        return sum((line.amount for line in self.items), _ZERO)

    def standard(self, item: CostItem) -> Decimal:
        """The amount approved for ``item``: the sum of its lines (0 when not applied for)."""
        return sum((line.amount for line in self.items if line.item is item), _ZERO)


@attrs.frozen
class ReceptionRecord:
    """A past reception, as the host's history holds it.

    Attributes:
        on: its day.
        host: the receiving employee.
        amount: what it cost.
        guests: the guests received.
        content: what it was.
        customer: the customer received, if known.

    Raises:
        InputError: naming the field.
    """

    on: dt.date = attrs.field(validator=day)
    host: str = attrs.field(validator=non_empty_text)
    amount: Decimal = attrs.field(converter=_amount)
    guests: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=names)
    content: str = attrs.field(default="", validator=fact_check(str, "a text"))
    customer: str | None = attrs.field(
        default=None, validator=fact_check(str, "a text or None", optional=True)
    )


# --------------------------------------------------------------------------- the application


@attrs.frozen
class SignatureCheck:
    """One of the sign-offs an application needs.

    Attributes:
        role: the role that must sign.
        status: the diagnosis of the best sign-off given in that role (``granted``, or why
            not; ``missing`` when none was given).
        who: who signed, when a sign-off in that role was given.
    """

    role: Role
    status: ApprovalStatus
    who: str | None = None


@attrs.frozen
class ApplicationCheck:
    """S2: an application checked.

    Attributes:
        application: the application.
        approved: money may be drawn: every sign-off granted and, when
            ``over_budget_refused``, within budget.
        total: the application's amount.
        drawable: what may be drawn: ``total`` when approved, 0 when not or self-paid.
        signatures: one check per required sign-off, in the policy's order.
        budget: the budget the amount is held to (``None`` when no history or self-paid).
        spent: for a per-month budget, the month's spend before this reception (else 0).
        over_budget: the amount (with the month's spend) exceeds the budget.
        month_count: the receptions counted against the cap this month, this one included
            (per host; per guest, the highest count of a guest).
        cap: the monthly cap the count is held to (from the policy).
        over_cap: the guests (per guest) or the host (per host) over the cap.
        repeats: the days of earlier receptions with the same content and guests.
        flags: the findings flagged, never refused.
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    application: ReceptionApplication
    approved: bool
    total: Decimal
    drawable: Decimal
    signatures: tuple[SignatureCheck, ...]
    budget: Decimal | None
    spent: Decimal
    over_budget: bool
    month_count: int
    cap: int
    over_cap: tuple[str, ...]
    repeats: tuple[dt.date, ...]
    flags: tuple[ExpenseFlag, ...]
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S2 reasons: the verdict, each sign-off, the budget, and every flag."""
        return _application_reasons(self)


def _application_reasons(c: ApplicationCheck) -> tuple[Reason, ...]:
    a = c.application
    out = [
        Reason.of(
            "S2",
            ServiceReason.S2_APPROVED if c.approved else ServiceReason.S2_NOT_APPROVED,
            id=a.id,
            total=c.total,
            purpose=a.purpose,
            grade=a.grade,
            execution=a.execution,
        )
    ]
    for sig in c.signatures:
        if sig.status is ApprovalStatus.GRANTED:
            out.append(Reason.of("S2", ServiceReason.S2_SIGNED, role=sig.role, who=sig.who))
        else:
            out.append(
                Reason.of(
                    "S2", ServiceReason.S2_UNSIGNED, role=sig.role, status=status_label(sig.status)
                )
            )
    if a.execution is ExecutionType.SELF_PAID:
        out.append(Reason.of("S2", ServiceReason.S2_SELF_PAID))
    elif c.budget is not None:
        code = ServiceReason.S2_OVER_BUDGET if c.over_budget else ServiceReason.S2_BUDGET
        out.append(Reason.of("S2", code, total=c.total, spent=c.spent, budget=c.budget))
    for flag in c.flags:
        if flag is ExpenseFlag.NO_BUDGET:
            out.append(Reason.of("S2", ServiceReason.S2_NO_BUDGET))
        elif flag is ExpenseFlag.OVER_CAP:
            out.append(
                Reason.of(
                    "S2",
                    ServiceReason.S2_OVER_CAP,
                    who=c.over_cap,
                    count=c.month_count,
                    cap=c.cap,
                )
            )
        elif flag is ExpenseFlag.REPEAT:
            out.append(Reason.of("S2", ServiceReason.S2_REPEAT, days=c.repeats))
        else:
            out.append(Reason.of("S2", ServiceReason.S2_NO_CARD, customer=a.customer))
    return tuple(out)


def check_application(
    application: ReceptionApplication,
    policy: ServicePolicy,
    *,
    on: dt.date,
    history: Iterable[ReceptionRecord] = (),
) -> ApplicationCheck:
    """S2: check a reception application before money is drawn.

    * **Sign-offs.** Each of ``approving_roles`` must have signed: an approval among
      ``application.approvals`` in that role, for :data:`RECEPTION_EXPENSE`, bound to the
      application or to none, covering its total (``max_amount``), holding on ``on``.
    * **Budget** (not for a self-paid reception). The past average of ``history`` over the
      ``budget_months`` before the reception, rounded half up to the cent: per reception (the
      total must not exceed it) or per month (the month's earlier spend plus the total must
      not). Over budget refuses when ``over_budget_refused``; no history in the period is
      flagged (``no_budget``).
    * **Monthly cap** — flagged: the host's receptions in the reception's calendar month, this
      one included, over ``monthly_cap`` (per guest: any guest's).
    * **Repeats** — flagged: a reception of ``history`` in the ``repeat_days`` before with the
      same content (ignoring case and spacing; an application without content has no repeats)
      and the same set of guests.
    * **Reception card** — flagged: an important customer without one.

    Args:
        application: the application.
        policy: the service policy (``ServicePolicy()`` is the seed).
        on: the day money would be drawn (the sign-offs must hold on it).
        history: the department's past receptions (the host passes them).

    Returns:
        The :class:`ApplicationCheck`.

    Raises:
        InputError: naming the argument: ``application``, ``policy``, ``on`` (not a date, or
            before the policy takes effect), ``history`` (not a list of
            :class:`ReceptionRecord`).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.service import ServicePolicy
        >>> day = dt.date(2026, 6, 1)
        >>> signed = (Approval("钱经理", Role.CUSTOMER_SERVICE_MANAGER, RECEPTION_EXPENSE, day),
        ...           Approval("孙经理", Role.FINANCE_MANAGER, RECEPTION_EXPENSE, day))
        >>> app = ReceptionApplication("R-1", "华东重工", "王芳", dt.date(2026, 6, 5),
        ...     ExecutionType.FULL, (ExpenseItem(CostItem.HOSPITALITY, "1200.50"),),
        ...     ReceptionPurpose.VISIT, VenueGrade.MID, approvals=signed)
        >>> past = [ReceptionRecord(dt.date(2026, 3, 2), "李雷", "1500")]
        >>> c = check_application(app, ServicePolicy(), on=day, history=past)
        >>> c.approved, c.budget, c.drawable
        (True, Decimal('1500.00'), Decimal('1200.50'))
    """
    if not isinstance(application, ReceptionApplication):
        raise InputError("application", application, "a ReceptionApplication")
    service = service_policy(policy)
    day = day_in_force(service, on)
    records = items_of(history, "history", ReceptionRecord, "a ReceptionRecord")
    p = service.expenses
    a = application
    total = a.total
    signatures = tuple(_signature(a, role, total, day) for role in p.approving_roles)
    signed = all(s.status is ApprovalStatus.GRANTED for s in signatures)
    flags: list[ExpenseFlag] = []
    budget: Decimal | None = None
    spent = _ZERO
    over_budget = False
    if a.execution is not ExecutionType.SELF_PAID:
        window_start = add_months(a.reception_on, -p.budget_months)
        window = [r for r in records if window_start <= r.on < a.reception_on]
        if not window:
            flags.append(ExpenseFlag.NO_BUDGET)
        elif p.budget_basis is BudgetBasis.PER_RECEPTION:
            budget = _cents(sum((r.amount for r in window), _ZERO) / len(window))
            over_budget = total > budget
        else:
            budget = _cents(sum((r.amount for r in window), _ZERO) / p.budget_months)
            spent = sum(
                (
                    r.amount
                    for r in records
                    if _same_month(r.on, a.reception_on) and r.on <= a.reception_on
                ),
                _ZERO,
            )
            over_budget = spent + total > budget
    month = [r for r in records if _same_month(r.on, a.reception_on)]
    if p.cap_basis is CapBasis.PER_HOST:
        count = 1 + sum(1 for r in month if r.host == a.host)
        over: tuple[str, ...] = (a.host,) if count > p.monthly_cap else ()
    else:
        counts = {g: 1 + sum(1 for r in month if g in r.guests) for g in dict.fromkeys(a.guests)}
        count = max(counts.values(), default=1)
        over = tuple(g for g, n in counts.items() if n > p.monthly_cap)
    if over:
        flags.append(ExpenseFlag.OVER_CAP)
    content, guests = _norm(a.content), frozenset(a.guests)
    since = a.reception_on - dt.timedelta(days=p.repeat_days)
    repeats = tuple(
        sorted(
            r.on
            for r in records
            if content
            and since <= r.on <= a.reception_on
            and _norm(r.content) == content
            and frozenset(r.guests) == guests
        )
    )
    if repeats:
        flags.append(ExpenseFlag.REPEAT)
    if a.important and not a.card_on_file:
        flags.append(ExpenseFlag.NO_CARD)
    approved = signed and not (over_budget and p.over_budget_refused)
    drawable = total if approved and a.execution is not ExecutionType.SELF_PAID else _ZERO
    return ApplicationCheck(
        a,
        approved,
        total,
        drawable,
        signatures,
        budget,
        spent,
        over_budget,
        count,
        p.monthly_cap,
        over,
        repeats,
        tuple(sorted(flags, key=list(ExpenseFlag).index)),
        day,
        service.version,
        policy_effective=service.effective,
    )


def _signature(a: ReceptionApplication, role: Role, total: Decimal, day: dt.date) -> SignatureCheck:
    roles = frozenset({role})
    best: SignatureCheck | None = None
    for approval in a.approvals:
        if approval.role is not role:
            continue
        status = approval_status(
            approval, roles, RECEPTION_EXPENSE, day, subject=a.id, amount=total
        )
        if status is ApprovalStatus.GRANTED:
            return SignatureCheck(role, status, approval.who)
        if best is None:
            best = SignatureCheck(role, status, approval.who)
    return best if best is not None else SignatureCheck(role, ApprovalStatus.MISSING)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _same_month(a: dt.date, b: dt.date) -> bool:
    return a.year == b.year and a.month == b.month


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


# --------------------------------------------------------------------------- reimbursement


class ClaimLineOutcome(LabelledEnum):
    """What happens to one line of a claim."""

    PAID = "paid"
    """报销 — within what was approved."""
    REDUCED = "reduced"
    """核减 — over the approved amount: reduced to it."""
    UNAUTHORISED = "unauthorised"
    """不予报销 — not applied for (擅自开支)."""
    NO_RECEIPT = "no_receipt"
    """不予报销 — no receipt or voucher (凭证不全)."""
    LATE = "late"
    """不予报销 — the claim was submitted after the deadline."""


class ReimbursementOutcome(LabelledEnum):
    """The verdict on a claim."""

    FULL = "full"
    """全额报销 — reimbursed as claimed."""
    REDUCED = "reduced"
    """核减报销 — reimbursed in part."""
    REFUSED = "refused"
    """不予报销 — nothing reimbursed."""
    AWAITING_SIGN_OFF = "awaiting_sign_off"
    """待签批 — the amount is worked out; the customer-service manager has not signed."""


set_labels(
    {
        ClaimLineOutcome.PAID: ("报销", "paid"),
        ClaimLineOutcome.REDUCED: ("核减", "reduced"),
        ClaimLineOutcome.UNAUTHORISED: ("擅自开支,不予报销", "unauthorised: refused"),
        ClaimLineOutcome.NO_RECEIPT: ("无凭证,不予报销", "no receipt: refused"),
        ClaimLineOutcome.LATE: ("逾期提交,不予报销", "submitted late: refused"),
        ReimbursementOutcome.FULL: ("全额报销", "reimbursed in full"),
        ReimbursementOutcome.REDUCED: ("核减报销", "reduced"),
        ReimbursementOutcome.REFUSED: ("不予报销", "refused"),
        ReimbursementOutcome.AWAITING_SIGN_OFF: ("待客户服务经理签批", "awaiting sign-off"),
    }
)


@attrs.frozen
class ClaimLine:
    """One line of a reimbursement claim.

    Attributes:
        item: the cost item.
        amount: the amount claimed in yuan.
        receipt: a receipt or voucher is attached (收据或开支凭证).

    Raises:
        InputError: naming the field.
    """

    item: CostItem = attrs.field(validator=fact_check(CostItem, "a CostItem"))
    amount: Decimal = attrs.field(converter=_amount)
    receipt: bool = attrs.field(default=True, validator=IS_BOOL)


@attrs.frozen
class ReimbursementClaim:
    """A reimbursement claim for one application.

    Attributes:
        application: the application's id.
        submitted_on: the day the receipts were submitted for sign-off.
        lines: the lines claimed, at least one.
        sign_off: the customer-service manager's sign-off (:data:`REIMBURSEMENT`), if given.

    Raises:
        InputError: naming the field.
    """

    application: str = attrs.field(validator=non_empty_text)
    submitted_on: dt.date = attrs.field(validator=day)
    lines: tuple[ClaimLine, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(ClaimLine, "ClaimLine")
    )
    sign_off: Approval | None = attrs.field(
        default=None, validator=fact_check(Approval, "an Approval or None", optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if not self.lines:
            raise InputError("lines", self.lines, "at least one line")

    @property
    def total(self) -> Decimal:
        """The amount claimed."""
        return sum((line.amount for line in self.lines), _ZERO)


@attrs.frozen
class LineDecision:
    """One line of a claim decided.

    Attributes:
        item: the cost item.
        claimed: the amount claimed.
        allowed: the amount reimbursable.
        outcome: paid, reduced, unauthorised or without receipt.
    """

    item: CostItem
    claimed: Decimal
    allowed: Decimal
    outcome: ClaimLineOutcome


@attrs.frozen
class Reimbursement:
    """S2: a claim decided.

    Attributes:
        claim: the claim.
        outcome: full, reduced, refused or awaiting the sign-off.
        claimed: the amount claimed.
        reimbursable: what is reimbursed (once signed); never more than ``claimed`` or than
            the application's total.
        lines: one decision per line, in the claim's order.
        authorised: the application was approved by every required sign-off on its day.
        due: the last day to submit the receipts.
        late: submitted after ``due``.
        signed: the customer-service manager signed the claim off, on ``on``.
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    claim: ReimbursementClaim
    outcome: ReimbursementOutcome
    claimed: Decimal
    reimbursable: Decimal
    lines: tuple[LineDecision, ...]
    authorised: bool
    due: dt.date
    late: bool
    signed: bool
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S2 reasons: the verdict with the amounts, authorisation, the deadline, each line
        not paid in full, and the sign-off."""
        return _claim_reasons(self)


def _claim_reasons(r: Reimbursement) -> tuple[Reason, ...]:
    out = [
        Reason.of(
            "S2",
            ServiceReason.S2_CLAIM,
            application=r.claim.application,
            outcome=r.outcome,
            claimed=r.claimed,
            reimbursable=r.reimbursable,
        )
    ]
    if not r.authorised:
        out.append(Reason.of("S2", ServiceReason.S2_UNAUTHORISED, application=r.claim.application))
    code = ServiceReason.S2_LATE if r.late else ServiceReason.S2_ON_TIME
    out.append(Reason.of("S2", code, submitted=r.claim.submitted_on, due=r.due))
    for line in r.lines:
        if line.outcome is ClaimLineOutcome.REDUCED:
            out.append(
                Reason.of(
                    "S2",
                    ServiceReason.S2_LINE_REDUCED,
                    item=line.item,
                    claimed=line.claimed,
                    allowed=line.allowed,
                )
            )
        elif line.outcome is ClaimLineOutcome.UNAUTHORISED:
            out.append(
                Reason.of(
                    "S2", ServiceReason.S2_LINE_UNAUTHORISED, item=line.item, claimed=line.claimed
                )
            )
        elif line.outcome is ClaimLineOutcome.NO_RECEIPT:
            out.append(
                Reason.of(
                    "S2", ServiceReason.S2_LINE_NO_RECEIPT, item=line.item, claimed=line.claimed
                )
            )
    if r.outcome is ReimbursementOutcome.AWAITING_SIGN_OFF:
        out.append(Reason.of("S2", ServiceReason.S2_AWAITING_SIGN_OFF))
    return tuple(out)


def reimburse(
    claim: ReimbursementClaim,
    application: ReceptionApplication,
    policy: ServicePolicy,
    *,
    on: dt.date,
) -> Reimbursement:
    """S2: decide a reimbursement claim against its application.

    * **Authorised.** The application must carry every required sign-off, holding on the
      reception day; without them the whole claim is unauthorised (擅自接待) and refused.
    * **On time.** Receipts are submitted by ``claim_deadline`` after the reception (the seed's
      15 days: a reception on 1 June, submitted on 16 June — day 15 — is on time, on 17 June —
      day 16 — late); a late claim is refused when ``late_claim_refused``.
    * **Each line** against the amount approved for its item (the standard): a line without a
      receipt is refused, a line of an item not applied for is refused (unauthorised), a line
      over what is left of its item's standard is reduced to it (核减), the rest is paid.
    * **Sign-off.** The reimbursable amount is paid once ``reimbursing_role`` signs
      (:data:`REIMBURSEMENT`, bound to the application or to none, holding on ``on``); until
      then the outcome is ``awaiting_sign_off``.

    The reimbursable amount is exact to the cent and never exceeds the claim or the
    application's total.

    Args:
        claim: the claim.
        application: the application it claims against (``claim.application`` is its id).
        policy: the service policy.
        on: the day asked about.

    Returns:
        The :class:`Reimbursement`.

    Raises:
        InputError: naming the argument (``claim``, ``application``, ``policy``, ``on``), or
            ``claim.application`` when it names another application, or ``claim.submitted_on``
            when it is before the reception.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.service import ServicePolicy
        >>> day = dt.date(2026, 6, 1)
        >>> signed = (Approval("钱经理", Role.CUSTOMER_SERVICE_MANAGER, RECEPTION_EXPENSE, day),
        ...           Approval("孙经理", Role.FINANCE_MANAGER, RECEPTION_EXPENSE, day))
        >>> app = ReceptionApplication("R-1", "华东重工", "王芳", day, ExecutionType.FULL,
        ...     (ExpenseItem(CostItem.HOSPITALITY, "1000"),), ReceptionPurpose.VISIT,
        ...     VenueGrade.MID, approvals=signed)
        >>> claim = ReimbursementClaim("R-1", dt.date(2026, 6, 16),
        ...     (ClaimLine(CostItem.HOSPITALITY, "1180.40"), ClaimLine(CostItem.GIFT, "300")),
        ...     sign_off=Approval("钱经理", Role.CUSTOMER_SERVICE_MANAGER, REIMBURSEMENT, day))
        >>> r = reimburse(claim, app, ServicePolicy(), on=dt.date(2026, 6, 18))
        >>> r.outcome.value, r.reimbursable, [l.outcome.value for l in r.lines]
        ('reduced', Decimal('1000'), ['reduced', 'unauthorised'])
    """
    if not isinstance(claim, ReimbursementClaim):
        raise InputError("claim", claim, "a ReimbursementClaim")
    if not isinstance(application, ReceptionApplication):
        raise InputError("application", application, "a ReceptionApplication")
    service = service_policy(policy)
    day = day_in_force(service, on)
    if claim.application != application.id:
        raise InputError(
            "claim.application", claim.application, f"the application's id {application.id!r}"
        )
    if claim.submitted_on < application.reception_on:
        raise InputError(
            "claim.submitted_on",
            claim.submitted_on,
            f"a day on or after the reception ({application.reception_on})",
        )
    p = service.expenses
    total = application.total
    authorised = all(
        _signature(application, role, total, application.reception_on).status
        is ApprovalStatus.GRANTED
        for role in p.approving_roles
    )
    due = p.claim_deadline.due(application.reception_on)
    late = claim.submitted_on > due
    refused = not authorised or (late and p.late_claim_refused)
    left = {item: application.standard(item) for item in CostItem}
    lines: list[LineDecision] = []
    for line in claim.lines:
        if refused:
            why = ClaimLineOutcome.UNAUTHORISED if not authorised else ClaimLineOutcome.LATE
            lines.append(LineDecision(line.item, line.amount, _ZERO, why))
            continue
        if not line.receipt:
            lines.append(LineDecision(line.item, line.amount, _ZERO, ClaimLineOutcome.NO_RECEIPT))
            continue
        standard = left[line.item]
        if standard <= _ZERO and application.standard(line.item) <= _ZERO:
            lines.append(LineDecision(line.item, line.amount, _ZERO, ClaimLineOutcome.UNAUTHORISED))
            continue
        allowed = min(line.amount, standard)
        left[line.item] = standard - allowed
        paid = ClaimLineOutcome.PAID if allowed == line.amount else ClaimLineOutcome.REDUCED
        lines.append(LineDecision(line.item, line.amount, allowed, paid))
    reimbursable = sum((line.allowed for line in lines), _ZERO)
    claimed = claim.total
    signed = (
        approval_status(
            claim.sign_off,
            frozenset({p.reimbursing_role}),
            REIMBURSEMENT,
            day,
            subject=application.id,
        )
        is ApprovalStatus.GRANTED
    )
    if refused or (reimbursable == _ZERO and claimed > _ZERO):
        outcome = ReimbursementOutcome.REFUSED
    elif not signed:
        outcome = ReimbursementOutcome.AWAITING_SIGN_OFF
    elif reimbursable == claimed:
        outcome = ReimbursementOutcome.FULL
    else:
        outcome = ReimbursementOutcome.REDUCED
    return Reimbursement(
        claim,
        outcome,
        claimed,
        reimbursable,
        tuple(lines),
        authorised,
        due,
        late,
        signed,
        day,
        service.version,
        policy_effective=service.effective,
    )
