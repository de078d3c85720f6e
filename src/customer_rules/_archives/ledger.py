"""R7 — the trading-partner ledger: a new partner enters it only after an approved start-of-trade
investigation reported to the chairman; when customers are many, only important or big customers
need a card.

Sources: seed 000 第二条 (the card, one per company, in the general-affairs manager's office; the
per-department list; both written and corrected by the finance section of general affairs),
第四条 (交易开始调查书: approved by the unit head and reported to the chairman before the card
and the list are made; changes recorded as they happen; the twice-yearly survey, C10), 第五条
(each responsible person reports changes); seed 003 §公司顾客管理办法 1(2) (when customers are
many, only important or big customers need a ledger).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._archives.checks import archives_policy, checked_day
from customer_rules._archives.codes import ArchivesReason
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import require_date
from customer_rules.errors import InputError
from customer_rules.grading import CustomerCategory, Grade
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._archives.policy import ArchivesPolicy

__all__ = ["INVESTIGATION", "LedgerDecision", "LedgerPolicy", "TradingPartner", "ledger_entry"]

INVESTIGATION = "R7.investigation"
"""The ``Approval.what`` of the unit head's approval of the start-of-trade investigation
(交易开始调查书)."""

_R7 = "R7; 000 第二条, 第四条, 第五条; 003 §公司顾客管理办法 1(2)"


@policy
class LedgerPolicy:
    """R7: entering the trading-partner ledger, and which partners need a card.

    Attributes:
        investigation_roles: who approves the start-of-trade investigation, "单位主管的认可"
            [default: the unit heads among the roles — supervisor, office director, sales
            manager; the seed names the post, not a role].
        report_to: who it is reported to before the partner enters the ledger [seed: 董事长].
        writers: who writes and corrects the cards and lists [seed: 总务部财务科].
        important_only: "when customers are many, only important or big customers need a
            ledger card" (003) [seed switch; off by default: 000 keeps a card for every
            partner]. On, a partner needs a card when its grade is A (重要客户) or it is a big
            customer.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    investigation_roles: frozenset[Role] = setting(
        default=frozenset({Role.SUPERVISOR, Role.OFFICE_DIRECTOR, Role.SALES_MANAGER}),
        unit=Unit.ROLES,
        source=_R7,
        mark=Mark.DEFAULT,
        min_items=1,
    )
    report_to: Role = setting(default=Role.CHAIRMAN, unit=Unit.ROLE, source=_R7)
    writers: frozenset[Role] = setting(
        default=frozenset({Role.GENERAL_AFFAIRS_FINANCE}),
        unit=Unit.ROLES,
        source=_R7,
        min_items=1,
    )
    important_only: bool = setting(default=False, unit=Unit.FLAG, source=_R7)


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(value, attribute.name)


@attrs.frozen
class TradingPartner:
    """R7: a new trading partner (buying or selling) about to enter the ledger.

    Attributes:
        id: the partner's id; the investigation's approval is bound to it (or to none).
        investigation: the unit head's approval of the start-of-trade investigation
            (``Approval.what`` = :data:`INVESTIGATION`), if given.
        reported_on: the day the investigation was reported to the chairman, if it was.
        grade: its grade (G2), if graded.
        category: big or ordinary (G3), if known.

    Raises:
        InputError: naming the field, for a blank id or a value of the wrong type.
    """

    id: str = attrs.field(validator=non_empty_text)
    investigation: Approval | None = attrs.field(
        default=None, validator=fact_check(Approval, "an Approval or None", optional=True)
    )
    reported_on: dt.date | None = attrs.field(default=None, validator=_optional_day)
    grade: Grade | None = attrs.field(
        default=None, validator=fact_check(Grade, "a Grade or None", optional=True)
    )
    category: CustomerCategory | None = attrs.field(
        default=None,
        validator=fact_check(CustomerCategory, "a CustomerCategory or None", optional=True),
    )


@attrs.frozen
class LedgerDecision:
    """R7: whether a partner may enter the ledger on a day, and whether it needs a card.

    Attributes:
        partner: the partner's id.
        may_enter: the investigation is approved (by a unit head, bound to the partner or to
            none, in force on ``on``) and was reported to the chairman on or after its approval
            and by ``on``.
        investigation: the diagnosis of the investigation's approval.
        reported: it was reported in time.
        card_needed: the partner needs a ledger card (always, unless ``important_only``).
        on: the day asked about.
        roles: who approves the investigation.
        report_to: who it is reported to.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    partner: str
    may_enter: bool
    investigation: ApprovalStatus
    reported: bool
    card_needed: bool
    on: dt.date
    roles: tuple[Role, ...]
    report_to: Role
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R7.enter`` or what stops it (``R7.investigation``, ``R7.not_reported``), then
        ``R7.card`` or ``R7.no_card``."""
        if self.may_enter:
            lines = [
                Reason.of("R7", ArchivesReason.R7_ENTER, partner=self.partner, to=self.report_to)
            ]
        else:
            lines = []
            if self.investigation is not ApprovalStatus.GRANTED:
                lines.append(
                    Reason.of(
                        "R7",
                        ArchivesReason.R7_INVESTIGATION,
                        partner=self.partner,
                        roles=self.roles,
                        status=self.investigation.value,
                    )
                )
            if not self.reported:
                lines.append(
                    Reason.of(
                        "R7",
                        ArchivesReason.R7_NOT_REPORTED,
                        partner=self.partner,
                        to=self.report_to,
                    )
                )
        code = ArchivesReason.R7_CARD if self.card_needed else ArchivesReason.R7_NO_CARD
        lines.append(Reason.of("R7", code, partner=self.partner))
        return tuple(lines)


def ledger_entry(partner: TradingPartner, policy: ArchivesPolicy, *, on: dt.date) -> LedgerDecision:
    """R7: may ``partner`` enter the trading-partner ledger (card and list) on ``on``?

    "对于开始有交易往来的公司,各负责者要在「交易开始调查书」里,记入必要事项,并且取得单位主管的
    认可并禀报董事长。而后依照调查书,在财务科里将交易往来客户原簿做成" [seed]: only with the
    investigation approved and reported to the chairman. With ``important_only`` (003: when
    customers are many) a partner needs a card only when it is graded A or is a big customer.

    Args:
        partner: the partner.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        on: the day asked about.

    Raises:
        InputError: naming the argument, for a partner or policy that is not one, a day out of
            range.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> day = dt.date(2026, 3, 2)
        >>> ok = Approval("张主任", Role.OFFICE_DIRECTOR, INVESTIGATION, day, subject="P-9")
        >>> d = ledger_entry(TradingPartner("P-9", ok, reported_on=day), ArchivesPolicy(), on=day)
        >>> d.may_enter, d.card_needed
        (True, True)
        >>> ledger_entry(TradingPartner("P-9", ok), ArchivesPolicy(), on=day).may_enter
        False
    """
    if not isinstance(partner, TradingPartner):
        raise InputError("partner", partner, "a TradingPartner")
    book = archives_policy(policy)
    day = checked_day(book, on)
    p = book.ledger
    status = approval_status(
        partner.investigation, p.investigation_roles, INVESTIGATION, day, subject=partner.id
    )
    signed = partner.investigation.on if partner.investigation is not None else None
    reported = (
        partner.reported_on is not None
        and partner.reported_on <= day
        and (signed is None or partner.reported_on >= signed)
    )
    granted = status is ApprovalStatus.GRANTED
    important = partner.grade is Grade.A or partner.category is CustomerCategory.BIG
    return LedgerDecision(
        partner.id,
        granted and reported,
        status,
        reported,
        not p.important_only or important,
        day,
        in_rank_order(p.investigation_roles),
        p.report_to,
        book.version,
        policy_effective=book.effective,
    )
