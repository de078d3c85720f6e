"""A1 — lead typing; A2 — the re-request (资源重新申请表) when a lead turns out another type.

Source: seed 001 §客户资源分配管理制度 3.1.1-4: "接听客服须严格按照《400、离线宝来电客户判定标准》
来匹配客户类型。销售员在跟踪回访过程中,了解到客户实际情况与判定的客户类型不一致时,可以填写
《资源重新申请表》,要求重新分配同一类型客户。由销售部经理签字确认后,可以获得重新分配同一类型客户
资源。"

* A1: the call-centre agent types each incoming lead by the company's lead-judgment standard.
  That standard is not in the seeds, so the default is G1 on the expected deal amount (A from
  800,000, B from 400,000, C from 200,000, else D) [default] — a table of the policy
  (``policy.typing.standard``), which the host replaces with its own thresholds. The typing is
  :func:`customer_rules.grading.deal_size_type` itself, given that table: G1 is never written
  twice.
* A2: the re-request is a table on the shared workflow mechanism (``policy.rerequest.table``):
  the salesperson files it, the sales-department manager (销售部经理, ``Role.SALES_MANAGER``)
  signs it — an :class:`~customer_rules.roles.Approval` for :data:`RE_REQUEST`, by someone other
  than the person who filed it — or refuses it. Signed, the salesperson gets a replacement lead of
  the type originally judged ("同一类型" [default]; the type it turned out to be is the other
  reading, ``policy.rerequest.replacement``); without the signature it is refused, with the
  workflow's reason why.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._allocation.checks import allocation_policy
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.sanctions import (
    Misjudgment,
)
from customer_rules._checks import checked_moment
from customer_rules._grading.deal_size import DealSizePolicy, deal_size_type
from customer_rules._grading.model import DealSizeType
from customer_rules._grading.policy import GradingPolicy
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import SHANGHAI, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Case, Event, State, Step, Transition, WorkflowTable, apply

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "RE_REQUEST",
    "LeadTyping",
    "ReRequest",
    "ReRequestOutcome",
    "ReRequestPolicy",
    "ReRequestResult",
    "ReplacementType",
    "TypingPolicy",
    "rerequest",
    "type_lead",
]

_A1 = "A1; 001 §客户资源分配管理制度 3.1.1-4"
_A2 = "A2; 001 §客户资源分配管理制度 3.1.1-4"
_R = AllocationReason

RE_REQUEST = "A2.rerequest"
"""The ``Approval.what`` of the sales-department manager's signature on a re-request."""


# --------------------------------------------------------------------------- A1


@policy
class TypingPolicy:
    """A1: the lead-judgment standard (《400、离线宝来电客户判定标准》) the agent types leads by.

    Attributes:
        standard: the thresholds on the expected deal amount: A from ``a_min``, B from
            ``b_min``, C from ``c_min``, each inclusive (及以上), else D. The company's standard
            is not in the seeds, so the default is G1's table with G1's seed values (800,000,
            400,000, 200,000) [default: the choice of G1 as the standard]; a company replaces it
            with its own thresholds.
    """

    standard: DealSizePolicy = setting(
        default=DealSizePolicy(), unit=Unit.TABLE, source=_A1, mark=Mark.DEFAULT
    )

    @functools.cached_property
    def grading(self) -> GradingPolicy:
        """A grading policy whose G1 table is this standard (what G1's rule is given)."""
        return GradingPolicy(deal_size=self.standard)


@attrs.frozen
class LeadTyping:
    """A1: the type of one lead by the lead-judgment standard.

    Attributes:
        amount: the expected deal amount (预计成交金额) used.
        type: A, B, C or D.
        threshold: the inclusive lower bound of the type reached (``None`` for D).
        policy: the standard used (not written by ``to_data``).
        policy_version: the version of the policy that decided.

    Example:
        >>> from customer_rules.allocation import AllocationPolicy
        >>> type_lead("45万", AllocationPolicy()).type
        <DealSizeType.B: 'B'>
    """

    amount: Decimal
    type: DealSizeType
    threshold: Decimal | None
    policy: TypingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``A1.type`` with the threshold reached, or ``A1.below`` the lowest one (D)."""
        if self.threshold is None:
            return (
                Reason.of(
                    "A1",
                    _R.A1_BELOW,
                    amount=self.amount,
                    threshold=self.policy.standard.c_min,
                    type=self.type,
                ),
            )
        return (
            Reason.of(
                "A1", _R.A1_TYPE, amount=self.amount, threshold=self.threshold, type=self.type
            ),
        )


def type_lead(amount: Decimal | int | str, policy: AllocationPolicy) -> LeadTyping:
    """A1: type an incoming lead (400 hotline, 离线宝) A/B/C/D by its expected deal amount.

    The standard is ``policy.typing.standard`` (G1's thresholds by default), applied by
    :func:`customer_rules.grading.deal_size_type`: each threshold inclusive ("80万及以上").

    Args:
        amount: the expected deal amount: ``Decimal``, ``int`` or ``"80万"`` (never a float).
        policy: the allocation policy (``AllocationPolicy()`` is the seed).

    Returns:
        The type with the threshold reached, and a reason citing A1.

    Raises:
        InputError: naming ``amount`` for a float, a malformed or negative amount; naming
            ``policy`` unless an AllocationPolicy.

    Example:
        >>> from customer_rules.allocation import AllocationPolicy
        >>> type_lead("800000", AllocationPolicy()).type, type_lead("799999.99",
        ...     AllocationPolicy()).type
        (<DealSizeType.A: 'A'>, <DealSizeType.B: 'B'>)
    """
    book = allocation_policy(policy)
    value = parse_amount(amount)
    p = book.typing
    g1 = deal_size_type(value, p.grading)
    return LeadTyping(
        g1.amount,
        g1.type,
        g1.threshold,
        p,
        book.version,
        policy_effective=book.effective,
    )


# --------------------------------------------------------------------------- A2


class ReplacementType(LabelledEnum):
    """A2: which type "重新分配同一类型客户" gives."""

    ORIGINAL = "original"
    """原判定类型 — the type originally judged [default]."""
    ACTUAL = "actual"
    """实际类型 — the type the lead turned out to be."""


class ReRequestOutcome(LabelledEnum):
    """A2: what became of a re-request."""

    GRANTED = "granted"
    """已批准 — signed: a replacement lead is due."""
    REFUSED = "refused"
    """不予重新分配 — no valid signature."""
    NO_MISMATCH = "no_mismatch"
    """类型一致 — the lead turned out the type judged: nothing to replace."""


set_labels(
    {
        ReplacementType.ORIGINAL: ("原判定类型", "the type originally judged"),
        ReplacementType.ACTUAL: ("实际类型", "the type it turned out to be"),
        ReRequestOutcome.GRANTED: ("已批准重新分配", "granted"),
        ReRequestOutcome.REFUSED: ("不予重新分配", "refused"),
        ReRequestOutcome.NO_MISMATCH: ("类型一致,无需重新分配", "no mismatch"),
    }
)

_TABLE = "A2.rerequest"
_DRAFT, _FILED, _APPROVED, _REFUSED = "draft", "filed", "approved", "refused"
_FILE, _APPROVE, _REFUSE = "file", "approve", "refuse"
_MANAGER = frozenset({Role.SALES_MANAGER})


def _rerequest_table(approvers: frozenset[Role]) -> WorkflowTable:
    """The A2 table with the seed's steps, signed by ``approvers``."""
    return WorkflowTable(
        name=_TABLE,
        rule="A2",
        initial=_DRAFT,
        states=(
            State(_DRAFT, "草稿", "draft"),
            State(_FILED, "已提交", "filed"),
            State(_APPROVED, "已签字确认", "signed"),
            State(_REFUSED, "未予确认", "refused"),
        ),
        events=(
            Event(_FILE, "填写《资源重新申请表》", "file the re-request"),
            Event(_APPROVE, "签字确认", "sign"),
            Event(_REFUSE, "不予确认", "refuse"),
        ),
        transitions=(
            Transition(_DRAFT, _FILE, _FILED, roles=frozenset({Role.SALESPERSON})),
            Transition(
                _FILED, _APPROVE, _APPROVED, roles=approvers, approval=RE_REQUEST, distinct=True
            ),
            Transition(_FILED, _REFUSE, _REFUSED, roles=approvers),
        ),
    )


_SEED_TABLE = _rerequest_table(_MANAGER)


@policy
class ReRequestPolicy:
    """A2: the re-request (资源重新申请表) and what a signed one gives.

    Attributes:
        approving_roles: who signs it, "由销售部经理签字确认" [seed: the sales-department manager,
            ``sales_manager``]; at least one role.
        replacement: the type of the replacement lead, "同一类型" [default: the type originally
            judged; the type the lead turned out to be the other reading].
        table: the re-request as a workflow table (reasons citing A2): 草稿 ``draft`` →
            ``file`` by the salesperson → 已提交 ``filed`` → ``approve`` by an approving role,
            with an approval for :data:`RE_REQUEST`, not the person who filed it → 已签字确认
            ``approved``; or ``refuse`` → 未予确认 ``refused`` [seed; the refusal step and the
            two-person rule are [default]]. Left at the seed's table, its roles follow
            ``approving_roles``; a company's own table must keep ``file`` (``draft`` →
            ``filed``) and ``approve`` (``filed`` → ``approved``, allowed to exactly the
            ``approving_roles``, granting :data:`RE_REQUEST`).
    """

    approving_roles: frozenset[Role] = setting(
        default=_MANAGER, unit=Unit.ROLES, source=_A2, min_items=1
    )
    replacement: ReplacementType = setting(
        default=ReplacementType.ORIGINAL, unit=Unit.CHOICE, source=_A2, mark=Mark.DEFAULT
    )
    table: WorkflowTable = setting(default=_SEED_TABLE, unit=Unit.TABLE, source=_A2)

    def _check(self) -> Iterator[Problem]:
        if self.table == _SEED_TABLE and self.approving_roles != _MANAGER:
            # the seed's table follows the roles (as G6's review table does)
            object.__setattr__(self, "table", _rerequest_table(self.approving_roles))
        table = self.table
        for source, event, target in ((_DRAFT, _FILE, _FILED), (_FILED, _APPROVE, _APPROVED)):
            move = table.transition(source, event)
            if move is None or move.target != target:
                yield Problem.mismatch(
                    "table.transitions",
                    f"{len(table.transitions)} row(s)",
                    f"a row from {source!r} on {event!r} to {target!r}",
                )
                continue
            if event != _APPROVE:
                continue
            where = f"table.transitions[{table.transitions.index(move)}]"
            if move.roles != self.approving_roles:
                wanted = ", ".join(sorted(r.value for r in self.approving_roles))
                yield Problem.mismatch(
                    f"{where}.roles",
                    sorted(r.value for r in move.roles),
                    f"the approving_roles ({wanted})",
                )
            if move.approval != RE_REQUEST:
                yield Problem.mismatch(f"{where}.approval", move.approval, repr(RE_REQUEST))


_IS_TYPE = fact_check(DealSizeType, "a DealSizeType (A, B, C or D)")
_IS_TEXT = fact_check(str, "a text (may be empty)")
_IS_DAY = fact_check(dt.date, "a datetime.date")


@attrs.frozen
class ReRequest:
    """A2: the re-request form (资源重新申请表) a salesperson files.

    Attributes:
        lead: the lead's id.
        person: the salesperson filing it.
        judged: the type the call-centre agent judged (A1).
        actual: the type the follow-up found (客户实际情况).
        filed_on: the day it was filed.
        agent: the agent who typed the lead, if known (a granted re-request charges them one
            misjudgment, A3).
        note: the situation found, for the record.
    """

    lead: str = attrs.field(validator=non_empty_text)
    person: str = attrs.field(validator=non_empty_text)
    judged: DealSizeType = attrs.field(validator=_IS_TYPE)
    actual: DealSizeType = attrs.field(validator=_IS_TYPE)
    filed_on: dt.date = attrs.field(validator=_IS_DAY)
    agent: str = attrs.field(default="", validator=_IS_TEXT)
    note: str = attrs.field(default="", validator=_IS_TEXT)

    def __attrs_post_init__(self) -> None:
        require_date(self.filed_on, "filed_on")


@attrs.frozen
class ReRequestResult:
    """A2: the decision on a re-request at a moment.

    Attributes:
        request: the form.
        outcome: granted, refused, or no mismatch.
        replacement: the type of the replacement lead due (``None`` unless granted).
        approval: the signature given, if any.
        at: the moment asked about.
        policy: the A2 policy used (not written by ``to_data``).
        policy_version: the version of the policy that decided.

    :attr:`step` is the workflow step that decided; :attr:`misjudgment` the A3 event a granted
    re-request charges the agent with.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> form = ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, dt.date(2026, 5, 6))
        >>> r = rerequest(form, AllocationPolicy(),
        ...               at=dt.datetime(2026, 5, 6, 15, 0, tzinfo=SHANGHAI))
        >>> r.outcome, r.replacement
        (<ReRequestOutcome.REFUSED: 'refused'>, None)
    """

    request: ReRequest
    outcome: ReRequestOutcome
    replacement: DealSizeType | None
    approval: Approval | None
    at: dt.datetime
    policy: ReRequestPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def granted(self) -> bool:
        """Whether a replacement lead is due."""
        return self.outcome is ReRequestOutcome.GRANTED

    @property
    def step(self) -> Step:
        """The ``approve`` step of ``policy.table`` on the filed form, signed by
        :attr:`approval`: applied when granted (its ``record`` is for the host to store), else
        refused with the workflow's reason. Built when read."""
        return _sign_off(self.policy, self.request, self.approval, _day(self.at))

    @property
    def misjudgment(self) -> Misjudgment | None:
        """A3: the misjudgment a granted re-request charges the agent who typed the lead with
        (``None`` unless granted and the agent is known)."""
        r = self.request
        if not self.granted or not r.agent.strip():
            return None
        return Misjudgment(r.agent, self.at, r.lead, r.judged, r.actual)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """``A2.filed``; then ``A2.no_mismatch``, or ``A2.granted`` (and ``A2.misjudgment``
        when the agent is known), or ``A2.refused`` followed by the workflow's reason."""
        r = self.request
        out = [
            Reason.of(
                "A2", _R.A2_FILED, person=r.person, lead=r.lead, judged=r.judged, actual=r.actual
            )
        ]
        if self.outcome is ReRequestOutcome.NO_MISMATCH:
            out.append(Reason.of("A2", _R.A2_NO_MISMATCH, type=r.actual))
        elif self.outcome is ReRequestOutcome.GRANTED and self.approval is not None:
            out.append(
                Reason.of(
                    "A2",
                    _R.A2_GRANTED,
                    who=self.approval.who,
                    role=self.approval.role,
                    type=self.replacement,
                    reading=self.policy.replacement,
                )
            )
            if r.agent.strip():
                out.append(Reason.of("A2", _R.A2_MISJUDGMENT, agent=r.agent))
        else:
            roles = in_rank_order(self.policy.approving_roles)
            out.append(Reason.of("A2", _R.A2_REFUSED, roles=roles))
            out.extend(self.step.reasons)
        return tuple(out)


def _day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(SHANGHAI).date()


def _sign_off(p: ReRequestPolicy, form: ReRequest, approval: Approval | None, day: dt.date) -> Step:
    """The ``approve`` step of the table on ``form``, filed by its salesperson."""
    filed = Case(p.table.name, _FILED, form.lead, 1, form.person, form.filed_on)
    return apply(p.table, filed, _APPROVE, by=approval, on=day)


def rerequest(
    request: ReRequest,
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
    approval: Approval | None = None,
) -> ReRequestResult:
    """A2: decide a re-request (资源重新申请表).

    A lead that turned out the type judged is not a mismatch: nothing to replace. Otherwise the
    ``approve`` step of ``policy.rerequest.table`` is applied to the filed form with
    ``approval``: it must be by an approving role (the sales-department manager [seed]), for
    :data:`RE_REQUEST`, not bound to another lead, in force on the day of ``at`` (Asia/Shanghai),
    not before the form was filed, and by someone other than the salesperson who filed it.
    Signed, a replacement lead of the type originally judged is due [default; the type it
    turned out to be under ``replacement = ACTUAL``]; without a valid signature the re-request
    is refused, with the workflow's reason why.

    Args:
        request: the form.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        at: the moment asked about (timezone-aware).
        approval: the manager's signature, if any.

    Returns:
        The outcome, the replacement type due, and reasons citing A2.

    Raises:
        InputError: naming the argument: a ``request`` that is not a ReRequest, a ``policy``
            that is not an AllocationPolicy, a naive ``at`` (or one before the policy's
            effective date), an ``approval`` that is neither an Approval nor ``None``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 5, 6)
        >>> form = ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, day, agent="K01")
        >>> signed = Approval("王经理", Role.SALES_MANAGER, RE_REQUEST, day)
        >>> r = rerequest(form, AllocationPolicy(), approval=signed,
        ...               at=dt.datetime(2026, 5, 6, 15, 0, tzinfo=SHANGHAI))
        >>> r.outcome, r.replacement, r.misjudgment.person
        (<ReRequestOutcome.GRANTED: 'granted'>, <DealSizeType.A: 'A'>, 'K01')
    """
    if not isinstance(request, ReRequest):
        raise InputError("request", request, "a ReRequest")
    book = allocation_policy(policy)
    moment = checked_moment(book, at)
    day = _day(moment)
    if approval is not None and not isinstance(approval, Approval):
        raise InputError("approval", approval, "an Approval or None")
    p = book.rerequest
    if request.judged is request.actual:
        outcome, replacement = ReRequestOutcome.NO_MISMATCH, None
    elif _sign_off(p, request, approval, day).applied:
        outcome = ReRequestOutcome.GRANTED
        original = p.replacement is ReplacementType.ORIGINAL
        replacement = request.judged if original else request.actual
    else:
        outcome, replacement = ReRequestOutcome.REFUSED, None
    return ReRequestResult(
        request=request,
        outcome=outcome,
        replacement=replacement,
        approval=approval,
        at=moment,
        policy=p,
        policy_version=book.version,
        policy_effective=book.effective,
    )
