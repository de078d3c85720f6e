"""R9, R11 — who may view, borrow, copy or transmit a customer file: deny by default.

Sources: seed 001 §客户资源管理制度 4.2.5 (a salesperson sees only their own customers; anyone
else's with the chairman's approval), 六 (a departing employee takes nothing), §市场部 (2nd) 一.5
and 三 (retrieval from the archive room: the marketing director's written review and the general
manager's approval; nothing outside one's duty, no private copying), §公司客户资源管理制度模板
第七条, 第十七条 (queries by approval, for one's work; warning, demerit, demotion); seed 000
第三条 (ledger cards: another's with the finance section's approval); seed 003 §6.2.4-2(3)
(business statistics controls credit data), §事业公司 第六条 (the customer-service department's
rules for the customer database); R11: 001 §公司客户信息资源管理制度 第四条, §店面 第七条, 003
§集团内部 第六条, §公司客户管理制度范文 第七条 (consent for a stated purpose; nothing to a third
party without it); seed 004 §三.3–5 for the archive (the keeper's consent, the 内勤部 manager's
approval of copies and of their use outside).

:func:`may_access` grants only what a rule grants; every other case is denied. An approval
counts only when it is bound to the file (``Approval.subject`` is the file's id — an approval
bound to no file grants nothing here), states the same purpose, is signed in one of the roles
the rule names, for the rule's ``what``, and holds on the day: the diagnosis is
:func:`customer_rules.roles.approval_status`'s.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._archives.checks import archives_policy, checked_day
from customer_rules._archives.codes import ArchivesReason
from customer_rules._archives.loans import COPY, OUTSIDE
from customer_rules._archives.model import (
    AccessAction,
    CustomerFile,
    EmployeeStatus,
    FileKind,
    Principal,
)
from customer_rules._bounded import keep
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import EARLIEST as _EARLIEST
from customer_rules.dates import LATEST as _LATEST
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._archives.loans import LendingPolicy
    from customer_rules._archives.policy import ArchivesPolicy

__all__ = [
    "ARCHIVE_RETRIEVAL",
    "ARCHIVE_REVIEW",
    "CREDIT_DATA",
    "DATABASE",
    "LEDGER",
    "LEND",
    "RECORDS",
    "AccessDecision",
    "AccessNeed",
    "AccessPolicy",
    "AccessPreset",
    "AccessSanction",
    "Breach",
    "BreachKind",
    "HandOver",
    "SanctionDecision",
    "SanctionRule",
    "hand_over",
    "may_access",
    "sanction",
]

RECORDS = "R9.records"
"""The ``Approval.what`` of the chairman's approval to see another's records (SALES preset)."""
ARCHIVE_REVIEW = "R9.archive_review"
"""The marketing director's written review of a retrieval from the archive room."""
ARCHIVE_RETRIEVAL = "R9.archive_retrieval"
"""The general manager's approval of a retrieval from the archive room."""
DATABASE = "R9.database"
"""The customer-service department's approval of a look-up in the customer database."""
LEDGER = "R9.ledger"
"""The finance section's approval to read another's ledger card."""
CREDIT_DATA = "R9.credit"
"""Business statistics' approval to use or borrow credit data."""
LEND = "R3.lend"
"""The archive keeper's consent to lend an archive (经同意后登记签名借阅)."""

_R9 = (
    "R9; 001 §4.2.5, §市场部 (2nd) 一.5、三, §模板 第七条; 000 第三条; 003 §6.2.4-2(3),"
    " §事业公司 第六条"
)
_R9_SANCTIONS = "R9; 001 §公司客户资源管理制度模板 第十七条"


class AccessPreset(LabelledEnum):
    """R9: whose rules govern access to the customer records (``FileKind.RECORD``)."""

    SALES = "sales"
    """销售内勤保管 — 001 §客户资源管理制度 4.2.5: sales admin keeps the records; a salesperson
    sees only their own; anyone else's with the chairman's approval."""
    MARKETING = "marketing"
    """档案室 — 001 §市场部 (2nd) 一.5: the archive room keeps the database; retrieval needs
    the marketing director's written review and the general manager's approval."""
    SERVICE = "service"
    """客户服务部 — 003 §事业公司 第六条: the customer-service department manages the database;
    other departments look up by its rules (its approval)."""


class AccessSanction(LabelledEnum):
    """R9: the seed's sanctions for a leak or a breach (警告、记过、降职)."""

    WARNING = "warning"
    """警告."""
    DEMERIT = "demerit"
    """记过."""
    DEMOTION = "demotion"
    """降职."""


class BreachKind(LabelledEnum):
    """R9: what was breached."""

    LEAK = "leak"
    """泄露客户信息 — a leak."""
    UNAUTHORISED = "unauthorised"
    """擅自调阅 — access outside one's duty or without approval."""
    COPY = "copy"
    """私自复印、拷贝 — copying without authority."""
    TRANSMIT = "transmit"
    """私自传送 — sending customer data out without authority."""
    TAKEN = "taken"
    """离职带走客户资料 — taking customer data when leaving."""
    NEGLECT = "neglect"
    """未按规定维护客户关系 — not maintaining the relationship as the rules say."""


set_labels(
    {
        AccessPreset.SALES: ("销售内勤保管(董事长批准查阅他人)", "sales admin keeps; chairman"),
        AccessPreset.MARKETING: ("档案室保管(市场总监审核、总经理批准)", "archive room"),
        AccessPreset.SERVICE: ("客户服务部管理", "customer-service department"),
        AccessSanction.WARNING: ("警告", "warning"),
        AccessSanction.DEMERIT: ("记过", "demerit"),
        AccessSanction.DEMOTION: ("降职", "demotion"),
        BreachKind.LEAK: ("泄露客户信息", "leak of customer data"),
        BreachKind.UNAUTHORISED: ("擅自调阅", "unauthorised access"),
        BreachKind.COPY: ("私自复印拷贝", "unauthorised copying"),
        BreachKind.TRANSMIT: ("私自对外传送", "unauthorised transmission"),
        BreachKind.TAKEN: ("离职带走客户资料", "customer data taken on leaving"),
        BreachKind.NEGLECT: ("未按规定维护客户关系", "relationship not maintained as required"),
    }
)

_LADDER = (AccessSanction.WARNING, AccessSanction.DEMERIT, AccessSanction.DEMOTION)


@policy
class SanctionRule:
    """R9: the sanction for the first, second, third … breach of one kind.

    Attributes:
        breach: the kind of breach.
        sanctions: the sanction of the 1st, 2nd, … breach; the last repeats for every later one.
    """

    breach: BreachKind = setting(
        default=attrs.NOTHING, unit=Unit.CHOICE, source=_R9_SANCTIONS, mark=Mark.DEFAULT
    )
    sanctions: tuple[AccessSanction, ...] = setting(
        default=_LADDER, unit=Unit.CHOICE, source=_R9_SANCTIONS, mark=Mark.DEFAULT, min_items=1
    )


_SEED_SANCTIONS = tuple(SanctionRule(kind, _LADDER) for kind in BreachKind)


def _roles(*roles: Role) -> frozenset[Role]:
    return frozenset(roles)


@policy
class AccessPolicy:
    """R9, R11: who may view, borrow, copy or transmit a file, and the sanctions of a breach.

    Sources: as the module says. Approvals are :class:`~customer_rules.roles.Approval` records
    bound to the file, for the stated purpose; the archive's lending approvals (the keeper's
    consent, the 内勤部 manager's approval of a copy and of its use outside) are the roles of
    ``LendingPolicy`` (R3, R4).

    Attributes:
        preset: whose rules govern the customer records [default: ``sales``, 001 §4.2.5; the
            other seed regulations are ``marketing`` and ``service``].
        sales_keepers: ``sales``: who keeps the records and may view them [seed: 销售内勤].
        sales_approvers: ``sales``: who approves a look at another's records [seed: 董事长].
        archive_room_keepers: ``marketing``: who keeps the archive room [default: the archive
            keeper; the seed says "档案室负责保管"].
        archive_room_reviewers: ``marketing``: the written review [seed: 市场总监].
        archive_room_approvers: ``marketing``: the approval [seed: 总经理].
        service_keepers: ``service``: who manages the database [seed: 客户服务部 — its staff
            and manager].
        service_approvers: ``service``: who approves another department's look-up [default:
            the customer-service manager; the seed says "按照规定" without naming one].
        ledger_keepers: who writes and keeps the ledger cards [seed: 总务部财务科, 总务部经理].
        ledger_approvers: who approves reading another's card [seed: 总务部财务科].
        credit_keepers: who keeps credit data [seed: 业务统计].
        credit_approvers: who approves its use or lending [seed: 业务统计].
        archive_keepers: who keeps the customer archives [seed: the archive keeper and 内勤部].
        sanctions: the sanction of each kind of breach by its count [seed: warning, demerit,
            demotion; the escalation by count is [default]: the seed lists them without a
            scale].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    preset: AccessPreset = setting(
        default=AccessPreset.SALES, unit=Unit.CHOICE, source=_R9, mark=Mark.DEFAULT
    )
    sales_keepers: frozenset[Role] = setting(
        default=_roles(Role.SALES_ADMIN), unit=Unit.ROLES, source=_R9, min_items=1
    )
    sales_approvers: frozenset[Role] = setting(
        default=_roles(Role.CHAIRMAN), unit=Unit.ROLES, source=_R9, min_items=1
    )
    archive_room_keepers: frozenset[Role] = setting(
        default=_roles(Role.ARCHIVE_KEEPER),
        unit=Unit.ROLES,
        source=_R9,
        mark=Mark.DEFAULT,
        min_items=1,
    )
    archive_room_reviewers: frozenset[Role] = setting(
        default=_roles(Role.MARKETING_DIRECTOR), unit=Unit.ROLES, source=_R9, min_items=1
    )
    archive_room_approvers: frozenset[Role] = setting(
        default=_roles(Role.GENERAL_MANAGER), unit=Unit.ROLES, source=_R9, min_items=1
    )
    service_keepers: frozenset[Role] = setting(
        default=_roles(Role.CUSTOMER_SERVICE, Role.CUSTOMER_SERVICE_MANAGER),
        unit=Unit.ROLES,
        source=_R9,
        min_items=1,
    )
    service_approvers: frozenset[Role] = setting(
        default=_roles(Role.CUSTOMER_SERVICE_MANAGER),
        unit=Unit.ROLES,
        source=_R9,
        mark=Mark.DEFAULT,
        min_items=1,
    )
    ledger_keepers: frozenset[Role] = setting(
        default=_roles(Role.GENERAL_AFFAIRS_FINANCE, Role.GENERAL_AFFAIRS_MANAGER),
        unit=Unit.ROLES,
        source=_R9,
        min_items=1,
    )
    ledger_approvers: frozenset[Role] = setting(
        default=_roles(Role.GENERAL_AFFAIRS_FINANCE), unit=Unit.ROLES, source=_R9, min_items=1
    )
    credit_keepers: frozenset[Role] = setting(
        default=_roles(Role.BUSINESS_STATISTICS), unit=Unit.ROLES, source=_R9, min_items=1
    )
    credit_approvers: frozenset[Role] = setting(
        default=_roles(Role.BUSINESS_STATISTICS), unit=Unit.ROLES, source=_R9, min_items=1
    )
    archive_keepers: frozenset[Role] = setting(
        default=_roles(Role.ARCHIVE_KEEPER, Role.ARCHIVE_DEPARTMENT),
        unit=Unit.ROLES,
        source=_R9,
        min_items=1,
    )
    sanctions: tuple[SanctionRule, ...] = setting(
        default=_SEED_SANCTIONS, unit=Unit.TABLES, source=_R9_SANCTIONS, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        seen: dict[BreachKind, int] = {}
        for i, rule in enumerate(self.sanctions):
            if rule.breach in seen:
                yield Problem.mismatch(
                    f"sanctions[{i}].breach", rule.breach.value, "a breach without another row"
                )
            seen.setdefault(rule.breach, i)
        for kind in BreachKind:
            if kind not in seen:
                yield Problem.mismatch(
                    "sanctions", f"{len(self.sanctions)} row(s)", f"a row for {kind.value!r}"
                )

    def keepers(self, kind: FileKind) -> frozenset[Role]:
        """The roles that keep files of ``kind`` (and may view them) under this policy."""
        return _rules(self).keepers[kind]


# --------------------------------------------------------------------------- the rules


@attrs.frozen
class _Rules:
    """The seed-independent reading of one access policy and lending policy: what each kind of
    file asks of each action (worked out once per pair of policies)."""

    keepers: dict[FileKind, frozenset[Role]]
    grants: dict[
        tuple[FileKind, AccessAction],
        tuple[ArchivesReason, str, tuple[tuple[str, frozenset[Role]], ...]],
    ]
    """(kind, action) → (grant code, rule, the approvals it needs: (what, roles) each)."""


_JOBS: dict[tuple[int, int], tuple[AccessPolicy, LendingPolicy | None, _Rules]] = {}
_JOBS_MAX = 64


def _rules(p: AccessPolicy, lending: LendingPolicy | None = None) -> _Rules:
    key = (id(p), id(lending))
    found = _JOBS.get(key)
    if found is not None and found[0] is p and found[1] is lending:
        return found[2]
    return keep(_JOBS, key, (p, lending, _build_rules(p, lending)), _JOBS_MAX)[2]


_V, _B, _C, _T = AccessAction.VIEW, AccessAction.BORROW, AccessAction.COPY, AccessAction.TRANSMIT
_A = ArchivesReason


def _build_rules(p: AccessPolicy, lending: LendingPolicy | None) -> _Rules:
    preset = p.preset
    keepers = {
        FileKind.ARCHIVE: p.archive_keepers,
        FileKind.RECORD: {
            AccessPreset.SALES: p.sales_keepers,
            AccessPreset.MARKETING: p.archive_room_keepers,
            AccessPreset.SERVICE: p.service_keepers,
        }[preset],
        FileKind.LEDGER_CARD: p.ledger_keepers,
        FileKind.CREDIT: p.credit_keepers,
    }
    grants: dict[
        tuple[FileKind, AccessAction],
        tuple[ArchivesReason, str, tuple[tuple[str, frozenset[Role]], ...]],
    ] = {}
    if preset is AccessPreset.SALES:
        grants[FileKind.RECORD, _V] = (_A.R9_GRANT_CHAIRMAN, "R9", ((RECORDS, p.sales_approvers),))
    elif preset is AccessPreset.MARKETING:
        needs = (
            (ARCHIVE_REVIEW, p.archive_room_reviewers),
            (ARCHIVE_RETRIEVAL, p.archive_room_approvers),
        )
        grants[FileKind.RECORD, _V] = (_A.R9_GRANT_ARCHIVE_ROOM, "R9", needs)
        grants[FileKind.RECORD, _B] = (_A.R9_GRANT_ARCHIVE_ROOM, "R9", needs)
    else:
        grants[FileKind.RECORD, _V] = (
            _A.R9_GRANT_SERVICE,
            "R9",
            ((DATABASE, p.service_approvers),),
        )
    for action in (_V, _B):
        grants[FileKind.LEDGER_CARD, action] = (
            _A.R9_GRANT_LEDGER,
            "R9",
            ((LEDGER, p.ledger_approvers),),
        )
        grants[FileKind.CREDIT, action] = (
            _A.R9_GRANT_CREDIT,
            "R9",
            ((CREDIT_DATA, p.credit_approvers),),
        )
    if lending is not None:
        lend = ((LEND, lending.consent_roles),)
        copy = (COPY, lending.copy_roles)
        grants[FileKind.ARCHIVE, _V] = (_A.R3_GRANT_LEND, "R3", lend)
        grants[FileKind.ARCHIVE, _B] = (_A.R3_GRANT_LEND, "R3", lend)
        grants[FileKind.ARCHIVE, _C] = (_A.R4_GRANT_COPY, "R4", (copy,))
        grants[FileKind.ARCHIVE, _T] = (
            _A.R4_GRANT_OUTSIDE,
            "R4",
            (copy, (OUTSIDE, lending.outside_roles)),
        )
    return _Rules(keepers, grants)


def _granted(
    approvals: tuple[Approval, ...],
    what: str,
    roles: frozenset[Role],
    file: str,
    purpose: str,
    day: dt.date,
) -> bool:
    """Whether one of ``approvals`` grants ``what``: bound to ``file``, for ``purpose``, by one
    of ``roles``, in force on ``day`` (:func:`approval_status`)."""
    for a in approvals:
        if (
            a.what == what
            and a.subject == file
            and a.role in roles
            and a.purpose == purpose
            and approval_status(a, roles, what, day, subject=file, purpose=purpose)
            is ApprovalStatus.GRANTED
        ):
            return True
    return False


def _diagnosis(
    approvals: tuple[Approval, ...],
    what: str,
    roles: frozenset[Role],
    file: str,
    purpose: str | None,
    day: dt.date,
) -> ApprovalStatus:
    """Why none of ``approvals`` grants ``what``: the status of the closest one (an approval
    for ``what`` first), ``MISSING`` when none is for ``what``; an approval bound to no file is
    ``OTHER_SUBJECT`` (it grants nothing here)."""
    order = list(ApprovalStatus)
    best = ApprovalStatus.MISSING
    for a in approvals:
        if a.what != what:
            continue
        if a.subject != file:
            status = ApprovalStatus.OTHER_SUBJECT if a.role in roles else ApprovalStatus.WRONG_ROLE
        else:
            status = approval_status(a, roles, what, day, subject=file, purpose=purpose or None)
            if purpose is None and status is ApprovalStatus.GRANTED:  # pragma: no cover
                status = ApprovalStatus.OTHER_PURPOSE
        if order.index(status) > order.index(best):
            best = status
    return best


# --------------------------------------------------------------------------- the decision


@attrs.frozen
class AccessNeed:
    """An approval a grant needs: its ``what``, signed by one of ``roles`` (bound to the file,
    for the stated purpose, in force on the day).

    Attributes:
        what: the ``Approval.what`` (``"R9.records"``).
        roles: who may sign it, in rank order.
    """

    what: str
    roles: tuple[Role, ...]


@attrs.frozen(slots=False)  # a dict class: its frozen __init__ writes the dict, faster per field
class AccessDecision:
    """R9, R11: whether a person may do something with a file, and the rule that decided.

    Attributes:
        allowed: the rule that decided grants it; ``False`` for every case no rule grants.
        code: the reason code of the rule that decided (``R9.grant.own``, ``R9.departed``,
            ``R11.consent``, ``R9.denied`` …).
        rule: its catalogue ID (``R9``, ``R11``, ``R3``, ``R4``).
        principal: who asked.
        action: what for.
        file: the file asked about (its id, kind, owner, consents).
        purpose: the stated purpose (``None``: none stated).
        on: the day.
        approvals: the approvals presented.
        needs: for a denial for want of approvals: the approvals a grant needs.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    allowed: bool
    code: ArchivesReason
    rule: str
    principal: Principal
    action: AccessAction
    file: CustomerFile
    purpose: str | None
    on: dt.date
    approvals: tuple[Approval, ...]
    needs: tuple[AccessNeed, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The rule that decided; for a denial that needs approvals, each one's requirement and
        why the approvals presented do not meet it (``R9.needs``)."""
        return _decision_reasons(self)


def _decision_reasons(d: AccessDecision) -> tuple[Reason, ...]:
    who, action, file = d.principal.who, d.action, d.file.id
    head = Reason.of(
        d.rule,
        d.code,
        who=who,
        role=d.principal.role,
        action=action,
        file=file,
        kind=d.file.kind,
        purpose=d.purpose,
        status=d.principal.status,
    )
    if d.allowed or not d.needs:
        return (head,)
    lines = [head]
    for need in d.needs:
        status = _diagnosis(d.approvals, need.what, frozenset(need.roles), file, d.purpose, d.on)
        lines.append(
            Reason.of(
                "R9",
                ArchivesReason.R9_NEEDS,
                what=need.what,
                roles=need.roles,
                file=file,
                purpose=d.purpose,
                status=status.value,
            )
        )
    return tuple(lines)


def _approvals(value: object) -> tuple[Approval, ...]:
    if type(value) is tuple:
        for a in value:
            if type(a) is not Approval:
                break
        else:
            return value
        items: tuple[object, ...] = value
    elif isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError("approvals", value, "an iterable of Approval")
    else:
        items = tuple(value)
    for i, a in enumerate(items):
        if type(a) is not Approval and not isinstance(a, Approval):
            raise InputError(f"approvals[{i}]", a, "an Approval")
    return items  # type: ignore[return-value]


def may_access(
    principal: Principal,
    action: AccessAction,
    file: CustomerFile,
    purpose: str | None,
    approvals: Iterable[Approval],
    policy: ArchivesPolicy,
    *,
    on: dt.date,
) -> AccessDecision:
    """R9, R11: may ``principal`` do ``action`` with ``file`` for ``purpose`` on ``on``?

    Denied, whatever else holds (checked in this order):

    1. a departing or departed employee (R9 — their files pass to their department,
       :func:`hand_over`);
    2. no stated purpose (R9: a query serves only the querier's work);
    3. transmitting outside the company without the customer's consent for the purpose (R11:
       nothing to a third party without it);
    4. a file with personal data without the customer's consent for the purpose (R11).

    Then granted by the first rule that grants, in this order:

    * the file's owner (a salesperson's own customers, the person responsible for a ledger card
      or credit data) — any action (R9); not for an archive, which follows R3/R4 for everyone;
    * a keeper of that kind of file viewing it (R9);
    * by the kind of file, with approvals bound to the file for the stated purpose:
      records — under the ``sales`` preset another's with the chairman's approval (view);
      ``marketing``: the marketing director's written review and the general manager's
      approval (view, borrow); ``service``: the customer-service department's approval (view);
      ledger cards — the finance section's approval (view, borrow); credit data — business
      statistics' approval (view, borrow); archives — the keeper's consent (view, borrow; R3),
      the 内勤部 manager's approval of a copy (copy; R4) and, to transmit, that and the
      approval of use outside (R4).

    Everything else is denied: copying or transmitting another's records outside one's duty
    (``R9.duty``), and any case without the approvals a grant needs (``R9.denied``, with what
    each needs and why the approvals given do not meet it).

    Args:
        principal: who asks.
        action: view, borrow, copy or transmit.
        file: the file.
        purpose: the stated purpose (``None`` or blank: none).
        approvals: the approvals presented (each counts only if bound to this file, for this
            purpose, by the right role, for the right ``what``, in force on ``on``).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        on: the day.

    Returns:
        An :class:`AccessDecision`: allowed or not, the rule and code that decided.

    Raises:
        InputError: naming the argument, for a principal, action, file, approval or policy
            that is not one, a purpose that is neither text nor ``None``, a day out of range.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> day = dt.date(2026, 3, 2)
        >>> me = Principal("陈小明", Role.SALESPERSON)
        >>> mine = CustomerFile("C-7", kind=FileKind.RECORD, owner="陈小明")
        >>> theirs = CustomerFile("C-8", kind=FileKind.RECORD, owner="王芳")
        >>> may_access(me, AccessAction.VIEW, mine, "回访", (), ArchivesPolicy(), on=day).allowed
        True
        >>> d = may_access(me, AccessAction.VIEW, theirs, "回访", (), ArchivesPolicy(), on=day)
        >>> d.allowed, d.code
        (False, <ArchivesReason.R9_DENIED: 'R9.denied'>)
        >>> ok = Approval("董事长", Role.CHAIRMAN, RECORDS, day, subject="C-8", purpose="回访")
        >>> may_access(me, AccessAction.VIEW, theirs, "回访", [ok], ArchivesPolicy(), on=day).code
        <ArchivesReason.R9_GRANT_CHAIRMAN: 'R9.grant.chairman'>
    """
    if type(principal) is not Principal and not isinstance(principal, Principal):
        raise InputError("principal", principal, "a Principal")
    if type(action) is not AccessAction:
        raise InputError("action", action, "an AccessAction: view, borrow, copy, transmit")
    if type(file) is not CustomerFile and not isinstance(file, CustomerFile):
        raise InputError("file", file, "a CustomerFile")
    if purpose is not None and type(purpose) is not str:
        raise InputError("purpose", purpose, "the stated purpose (text) or None")
    given = _approvals(approvals)
    last = _LAST.get(0, _NO_CALL)  # none remembered: the first call, or after forget_all
    book: ArchivesPolicy
    rules: _Rules
    if policy is last[0]:  # the policy of the last call: checked then, its rules worked out
        book, rules = last
    else:
        book = archives_policy(policy)
        rules = _rules(book.access, book.loans)
        keep(_LAST, 0, (book, rules), 1)
    effective = book.effective
    if (
        type(on) is dt.date
        and _EARLIEST <= on <= _LATEST
        and (effective is None or effective <= on)
    ):
        day = on
    else:
        day = checked_day(book, on)
    allowed, code, rule, needs = _decide(principal, action, file, purpose, given, rules, day)
    return AccessDecision(
        allowed,
        code,
        rule,
        principal,
        action,
        file,
        purpose if purpose else None,
        day,
        given,
        needs,
        book.version,
        policy_effective=effective,
    )


_LAST: dict[int, tuple[Any, Any]] = {}
"""The policy of the last :func:`may_access` call and its rules, under key 0 (one tuple,
replaced whole; kept by :func:`keep`, so ``forget_all`` empties it too)."""
_NO_CALL = (object(), None)
"""The last call before there is one: a policy no caller has, so the first call checks its
policy (``None`` too)."""
_NO_NEEDS: tuple[AccessNeed, ...] = ()


def _decide(
    principal: Principal,
    action: AccessAction,
    file: CustomerFile,
    purpose: str | None,
    approvals: tuple[Approval, ...],
    rules: _Rules,
    day: dt.date,
) -> tuple[bool, ArchivesReason, str, tuple[AccessNeed, ...]]:
    """:func:`may_access` on checked arguments: (allowed, code, rule, needs)."""
    if principal.status is not EmployeeStatus.ACTIVE:
        return False, _A.R9_DEPARTED, "R9", _NO_NEEDS
    if purpose is None or not purpose.strip():
        return False, _A.R9_NO_PURPOSE, "R9", _NO_NEEDS
    if action is _T or file.personal:
        for consent in file.consents:
            if consent.holds(purpose, day):  # the one reading of a consent
                break
        else:
            if action is _T:
                return False, _A.R11_THIRD_PARTY, "R11", _NO_NEEDS
            return False, _A.R11_CONSENT, "R11", _NO_NEEDS
    kind = file.kind
    if kind is not FileKind.ARCHIVE and file.owner is not None and file.owner == principal.who:
        return True, _A.R9_GRANT_OWN, "R9", _NO_NEEDS
    if action is _V and principal.role in rules.keepers[kind]:
        return True, _A.R9_GRANT_KEEPER, "R9", _NO_NEEDS
    grant = rules.grants.get((kind, action))
    if grant is not None:
        code, rule, needs = grant
        ident = file.id
        for what, roles in needs:
            if not _granted(approvals, what, roles, ident, purpose, day):
                return False, _A.R9_DENIED, "R9", _needs(needs)
        return True, code, rule, _NO_NEEDS
    if kind is not FileKind.ARCHIVE and action in (_C, _T):
        return False, _A.R9_DUTY, "R9", _NO_NEEDS
    return False, _A.R9_DENIED, "R9", _NO_NEEDS


_NEEDS: dict[tuple[tuple[str, frozenset[Role]], ...], tuple[AccessNeed, ...]] = {}


def _needs(needs: tuple[tuple[str, frozenset[Role]], ...]) -> tuple[AccessNeed, ...]:
    found = _NEEDS.get(needs)
    if found is None:
        made = tuple(AccessNeed(w, in_rank_order(r)) for w, r in needs)
        found = keep(_NEEDS, needs, made, 256)
    return found


# --------------------------------------------------------------------------- hand-over


@attrs.frozen
class HandOver:
    """R9 "员工调离公司时,不得将客户资料带走,其主管部门将其客户资料接收、整理、归档": the files of
    a departing employee, passed to their department.

    Attributes:
        who: the departing employee.
        files: their files, each now without an owner (held by its department until the
            department assigns it).
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    who: str
    files: tuple[CustomerFile, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R9.handover``: how many files pass to the department."""
        return (Reason.of("R9", _A.R9_HANDOVER, who=self.who, count=len(self.files)),)


def hand_over(files: Iterable[CustomerFile], who: str, policy: ArchivesPolicy) -> HandOver:
    """R9: the files ``who`` is responsible for, passed to their department (``owner`` cleared):
    a departing employee keeps no file and takes none with them.

    Args:
        files: files (those of others are left out of the result).
        who: the departing employee (as files name their owner).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).

    Raises:
        InputError: naming ``files[i]`` for an item that is not a CustomerFile, ``who`` for a
            blank name, ``policy`` unless an ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> fs = [CustomerFile("C-1", owner="王芳", department="销售一部"),
        ...       CustomerFile("C-2", owner="陈小明")]
        >>> [(f.id, f.owner, f.department) for f in hand_over(fs, "王芳", ArchivesPolicy()).files]
        [('C-1', None, '销售一部')]
    """
    if not isinstance(who, str) or not who.strip():
        raise InputError("who", who, "the departing employee's name")
    book = archives_policy(policy)
    if isinstance(files, str | bytes) or not isinstance(files, Iterable):
        raise InputError("files", files, "an iterable of CustomerFile")
    moved: list[CustomerFile] = []
    for i, f in enumerate(files):
        if not isinstance(f, CustomerFile):
            raise InputError(f"files[{i}]", f, "a CustomerFile")
        if f.owner == who:
            moved.append(attrs.evolve(f, owner=None))
    return HandOver(who, tuple(moved), book.version, policy_effective=book.effective)


# --------------------------------------------------------------------------- sanctions


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_date(value, attribute.name)


def _count(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or value < 0:
        raise InputError(attribute.name, value, "a whole number, 0 or more")


@attrs.frozen
class Breach:
    """R9: a breach found.

    Attributes:
        who: who committed it.
        kind: what was breached.
        on: the day it was found.
        previous: breaches of the same kind found before (0 for the first).

    Raises:
        InputError: naming the field, for a blank name, a kind that is not one, a day out of
            range, a count that is not a whole number of 0 or more.
    """

    who: str = attrs.field(validator=non_empty_text)
    kind: BreachKind = attrs.field(validator=fact_check(BreachKind, "a BreachKind"))
    on: dt.date = attrs.field(validator=_day)
    previous: int = attrs.field(default=0, validator=_count)


@attrs.frozen
class SanctionDecision:
    """R9: the sanction of a breach.

    Attributes:
        breach: the breach.
        sanction: warning, demerit or demotion.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    breach: Breach
    sanction: AccessSanction
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R9.sanction``: the breach, its count and the sanction."""
        b = self.breach
        return (
            Reason.of(
                "R9",
                _A.R9_SANCTION,
                who=b.who,
                breach=b.kind,
                count=b.previous + 1,
                sanction=self.sanction,
            ),
        )


def sanction(breach: Breach, policy: ArchivesPolicy) -> SanctionDecision:
    """R9 "给予警告、记过、降职等处分": the sanction of a breach — by the policy's table, the
    sanction of the breach's count (the last one repeats).

    Raises:
        InputError: naming ``breach`` unless a Breach, ``policy`` unless an ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> b = Breach("王芳", BreachKind.COPY, dt.date(2026, 3, 2), previous=1)
        >>> sanction(b, ArchivesPolicy()).sanction
        <AccessSanction.DEMERIT: 'demerit'>
    """
    if not isinstance(breach, Breach):
        raise InputError("breach", breach, "a Breach")
    book = archives_policy(policy)
    row = next(r for r in book.access.sanctions if r.breach is breach.kind)
    ladder = row.sanctions
    chosen = ladder[min(breach.previous, len(ladder) - 1)]
    return SanctionDecision(breach, chosen, book.version, policy_effective=book.effective)
