"""C1 — the credit standard (信用标准), its adoption, and a customer's credit grade.

Source: seed 003 §6.2.4-2(1), 6.2.4-3, 6.2.4-7(2) (信用管理办法).

* The credit standard is "the minimum a customer must meet to be granted credit" (信用标准是客户
  获得企业信用所应具备的最低条件) [seed]: :class:`CreditStandardPolicy` holds the minimum
  conditions and the credit grades (客户信用等级分类表), each with its limit (信用额度), payment
  term and credit forms.
* The business department drafts it, and it is adopted with the offices, finance and the leaders
  in charge (召集办事处、财务部以及公司主管领导讨论通过) [seed]: a standard without that adoption
  record — an :class:`~customer_rules.roles.Approval` for :data:`ADOPT_STANDARD` by each adopting
  role — is not in force (:func:`standard_adoption`), and no customer gets credit under it.
* The business department investigates the customer through customer materials, the website,
  direct contact, bank reports and lawyer's evidence [seed] and rates it
  (:func:`rate_customer`): the first grade whose requirements the facts meet, or "no credit" with
  every unmet condition as a reason. A customer not rated has no credit [default].
* The records the seed requires are facts and results: the office's summary record, information
  slip and site-investigation record and business statistics' customer management card must be on
  file [seed]; a grant is registered on the credit card and the grade table by the business
  department, which also sets the customer's collection plan (收账方针, the
  catalogue's "collection policy") [seed].
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import checked_day
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import credit_policy
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "ADOPT_STANDARD",
    "ApprovalFinding",
    "ArrearsRisk",
    "CollectionPlan",
    "CreditCondition",
    "CreditForm",
    "CreditGradeRow",
    "CreditRating",
    "CreditRecord",
    "CreditStandardPolicy",
    "CreditTerms",
    "InformationSource",
    "RatingFacts",
    "StandardAdoption",
    "rate_customer",
    "record_keeper",
    "standard_adoption",
]

ADOPT_STANDARD = "C1.standard"
"""The ``Approval.what`` of a role's adoption of the credit standard (讨论通过)."""

_C1 = "C1; 003 §6.2.4-3(1)"
_C1_RATING = "C1; 003 §6.2.4-3(3)"
_C1_RECORDS = "C1; 003 §6.2.4-2(1), 6.2.4-3(4)"
_C1_GRADES = "C1; 003 §6.2.4-3(4), 6.2.4-7(1)"


# --------------------------------------------------------------------------- vocabulary


class InformationSource(LabelledEnum):
    """C1: where the business department's credit investigation gets its facts (调查方式)."""

    CUSTOMER_MATERIALS = "customer_materials"
    """客户介绍资料."""
    WEBSITE = "website"
    """企业网页."""
    DIRECT_CONTACT = "direct_contact"
    """直接同客户接触(初步、长期)."""
    BANK_REPORT = "bank_report"
    """银行提供的报告."""
    LAWYER_EVIDENCE = "lawyer_evidence"
    """律师取证."""


class CreditForm(LabelledEnum):
    """C1/C2: a form of credit (信用形式). The seed names the form as one of the credit terms but
    lists none; these three are the library's vocabulary [default]."""

    OPEN_ACCOUNT = "open_account"
    """赊销(挂账) — goods now, payment by the due date."""
    INSTALMENT = "instalment"
    """分期付款 — payment in instalments."""
    ACCEPTANCE_BILL = "acceptance_bill"
    """承兑汇票 — payment by an accepted bill of exchange."""


class CreditRecord(LabelledEnum):
    """C1/C2: the records (表、卡) the credit regulations require, each kept by one role
    (:func:`record_keeper`)."""

    CUSTOMER_SUMMARY = "customer_summary"
    """客户概要信息记录表 (附表1) — filled by the office."""
    INFORMATION_SLIP = "information_slip"
    """信息处理单 (附表2) — filled by the office."""
    SITE_INVESTIGATION = "site_investigation"
    """实地调查记录表 (附表3) — filled by the office."""
    CUSTOMER_CARD = "customer_card"
    """客户管理卡 (附表4) — filled by business statistics."""
    CREDIT_CARD = "credit_card"
    """客户信用管理卡 (附表6) — the business department registers the grant; business statistics
    enters each signed contract."""
    GRADE_TABLE = "grade_table"
    """客户信用等级分类表 (附表7) — the business department."""
    AGING_RECORD = "aging_record"
    """应收账款账龄记录表 (附表9) — business statistics."""


_KEEPERS = {
    CreditRecord.CUSTOMER_SUMMARY: Role.OFFICE_DIRECTOR,
    CreditRecord.INFORMATION_SLIP: Role.OFFICE_DIRECTOR,
    CreditRecord.SITE_INVESTIGATION: Role.OFFICE_DIRECTOR,
    CreditRecord.CUSTOMER_CARD: Role.BUSINESS_STATISTICS,
    CreditRecord.CREDIT_CARD: Role.BUSINESS_DEPARTMENT,
    CreditRecord.GRADE_TABLE: Role.BUSINESS_DEPARTMENT,
    CreditRecord.AGING_RECORD: Role.BUSINESS_STATISTICS,
}


def record_keeper(record: CreditRecord) -> Role:
    """C1/C11: the role that fills ``record`` [seed 003 §6.2.4-2(1), 6.2.4-3(4), 6.2.4-4(1)]:
    the office (办事处, represented by its director) fills the summary record, the information slip
    and the site-investigation record; business statistics (业务统计) the customer management card
    and the aging record; the business department (业务部) the credit card and the grade table.
    (Business statistics also enters each signed contract on the credit card: see
    :func:`~customer_rules.credit.contract_records`.)

    Raises:
        InputError: naming ``record`` unless it is a :class:`CreditRecord`.

    Example:
        >>> record_keeper(CreditRecord.CUSTOMER_CARD)
        <Role.BUSINESS_STATISTICS: 'business_statistics'>
    """
    keeper = _KEEPERS.get(record) if isinstance(record, CreditRecord) else None
    if keeper is None:
        raise InputError("record", record, "a CreditRecord")
    return keeper


class ArrearsRisk(LabelledEnum):
    """C1: the collection plan's judgement "客户是否会拖欠或拒付账款,程度如何"."""

    LOW = "low"
    """不大可能拖欠."""
    MEDIUM = "medium"
    """可能拖欠."""
    HIGH = "high"
    """可能拖欠甚至拒付."""


class CreditCondition(LabelledEnum):
    """C1: a minimum condition of the credit standard that a rating checks."""

    ADOPTED = "adopted"
    """the standard itself is in force (adopted)."""
    SOURCES = "sources"
    """the required investigation sources were used."""
    RECORDS = "records"
    """the required records are on file."""
    YEARS = "years"
    """years in business."""
    CAPITAL = "capital"
    """registered capital."""
    BANK_RECORD = "bank_record"
    """a clean bank record."""
    LAWSUITS = "lawsuits"
    """pending lawsuits and enforcement."""
    COLLECTION_PLAN = "collection_plan"
    """a collection plan (收账方针) set (only where the policy requires it first)."""
    GRADE = "grade"
    """the requirements of at least one credit grade."""


class ApprovalFinding(LabelledEnum):
    """How a credit rule read an approval: :class:`~customer_rules.roles.ApprovalStatus` with a
    zh/en label, so that a reason can name it (the value is the status's value)."""

    MISSING = "missing"
    WRONG_ROLE = "wrong_role"
    WRONG_SUBJECT = "wrong_subject"
    OTHER_SUBJECT = "other_subject"
    OVER_AMOUNT = "over_amount"
    OTHER_PURPOSE = "other_purpose"
    NOT_IN_FORCE = "not_in_force"
    GRANTED = "granted"

    @classmethod
    def of(cls, status: ApprovalStatus) -> ApprovalFinding:
        """The finding of ``status``."""
        return _FINDINGS[status]


_FINDINGS = {status: ApprovalFinding(status.value) for status in ApprovalStatus}

set_labels(
    {
        InformationSource.CUSTOMER_MATERIALS: ("客户介绍资料", "customer materials"),
        InformationSource.WEBSITE: ("企业网页", "website"),
        InformationSource.DIRECT_CONTACT: ("直接同客户接触", "direct contact"),
        InformationSource.BANK_REPORT: ("银行提供的报告", "bank report"),
        InformationSource.LAWYER_EVIDENCE: ("律师取证", "lawyer's evidence"),
        CreditForm.OPEN_ACCOUNT: ("赊销", "open account"),
        CreditForm.INSTALMENT: ("分期付款", "instalments"),
        CreditForm.ACCEPTANCE_BILL: ("承兑汇票", "acceptance bill"),
        CreditRecord.CUSTOMER_SUMMARY: ("客户概要信息记录表", "customer summary record"),
        CreditRecord.INFORMATION_SLIP: ("信息处理单", "information slip"),
        CreditRecord.SITE_INVESTIGATION: ("实地调查记录表", "site-investigation record"),
        CreditRecord.CUSTOMER_CARD: ("客户管理卡", "customer management card"),
        CreditRecord.CREDIT_CARD: ("客户信用管理卡", "customer credit card"),
        CreditRecord.GRADE_TABLE: ("客户信用等级分类表", "credit grade table"),
        CreditRecord.AGING_RECORD: ("应收账款账龄记录表", "receivables aging record"),
        ArrearsRisk.LOW: ("不大可能拖欠", "unlikely to fall into arrears"),
        ArrearsRisk.MEDIUM: ("可能拖欠", "may fall into arrears"),
        ArrearsRisk.HIGH: ("可能拖欠甚至拒付", "may fall into arrears or refuse payment"),
        CreditCondition.ADOPTED: ("信用标准已讨论通过", "standard adopted"),
        CreditCondition.SOURCES: ("调查来源", "investigation sources"),
        CreditCondition.RECORDS: ("客户资料记录", "records on file"),
        CreditCondition.YEARS: ("经营年限", "years in business"),
        CreditCondition.CAPITAL: ("注册资本", "registered capital"),
        CreditCondition.BANK_RECORD: ("银行信用记录", "bank record"),
        CreditCondition.LAWSUITS: ("未决诉讼及被执行记录", "pending lawsuits"),
        CreditCondition.COLLECTION_PLAN: ("收账方针", "collection plan"),
        CreditCondition.GRADE: ("信用等级条件", "grade requirements"),
        ApprovalFinding.MISSING: ("未签批", "not signed"),
        ApprovalFinding.WRONG_ROLE: ("签批人无权审批", "signed in a role that may not approve"),
        ApprovalFinding.WRONG_SUBJECT: ("审批事项不符", "an approval for something else"),
        ApprovalFinding.OTHER_SUBJECT: ("审批对象不符", "bound to another subject"),
        ApprovalFinding.OVER_AMOUNT: ("金额超出审批额度", "the amount exceeds what it covers"),
        ApprovalFinding.OTHER_PURPOSE: ("审批用途不符", "given for another purpose"),
        ApprovalFinding.NOT_IN_FORCE: ("签批未生效或已失效", "not in force on the day"),
        ApprovalFinding.GRANTED: ("有效", "valid"),
    }
)


# --------------------------------------------------------------------------- the policy

_REQUIRED = attrs.NOTHING

_OFFICE_RECORDS = frozenset(
    {
        CreditRecord.CUSTOMER_SUMMARY,
        CreditRecord.INFORMATION_SLIP,
        CreditRecord.SITE_INVESTIGATION,
        CreditRecord.CUSTOMER_CARD,
    }
)


@policy
class CreditGradeRow:
    """One row of the credit grade table (客户信用等级分类表): a grade, what it grants and what a
    customer must meet to get it.

    Attributes:
        name: the grade's name (``"A"``), unique in the table.
        limit: the credit limit it grants (信用额度), in yuan.
        term_days: the payment term it grants (信用期限), days from shipment to the due date,
            0 to 3,650.
        forms: the credit forms it grants (信用形式), at least one.
        min_years: years in business the customer needs, at least (不低于).
        min_registered_capital: registered capital the customer needs, at least.
        max_days_late: the most days any payment may have been late in the customer's trade
            record; ``None`` for no requirement. A row that sets it needs a trade record: a
            customer without one (a new customer) does not meet it.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    name: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_C1_GRADES, mark=Mark.DEFAULT)
    limit: Decimal = setting(
        default=_REQUIRED, unit=Unit.YUAN, source=_C1_GRADES, mark=Mark.DEFAULT
    )
    term_days: int = setting(
        default=_REQUIRED, unit=Unit.DAYS, source=_C1_GRADES, mark=Mark.DEFAULT, high=3650
    )
    forms: tuple[CreditForm, ...] = setting(
        default=(CreditForm.OPEN_ACCOUNT,),
        unit=Unit.CHOICE,
        source=_C1_GRADES,
        mark=Mark.DEFAULT,
        min_items=1,
    )
    min_years: int = setting(
        default=0, unit=Unit.YEARS, source=_C1_GRADES, mark=Mark.DEFAULT, high=200
    )
    min_registered_capital: Decimal = setting(
        default=Decimal(0), unit=Unit.YUAN, source=_C1_GRADES, mark=Mark.DEFAULT
    )
    max_days_late: int | None = setting(
        default=None, unit=Unit.DAYS, source=_C1_GRADES, mark=Mark.DEFAULT, high=3650
    )

    def _check(self) -> Iterator[Problem]:
        if len(set(self.forms)) != len(self.forms):
            yield Problem.mismatch("forms", self.forms, "each form once")


SEED_GRADES = (
    # the seed names the grade table but prints none of its rows: an example [default]
    CreditGradeRow(
        "A",
        Decimal(1_000_000),
        90,
        (CreditForm.OPEN_ACCOUNT, CreditForm.ACCEPTANCE_BILL, CreditForm.INSTALMENT),
        min_years=5,
        min_registered_capital=Decimal(5_000_000),
        max_days_late=0,
    ),
    CreditGradeRow(
        "B",
        Decimal(500_000),
        60,
        (CreditForm.OPEN_ACCOUNT, CreditForm.ACCEPTANCE_BILL),
        min_years=3,
        min_registered_capital=Decimal(1_000_000),
        max_days_late=30,
    ),
    CreditGradeRow("C", Decimal(200_000), 30, (CreditForm.OPEN_ACCOUNT,)),
)


@policy
class CreditStandardPolicy:
    """C1: the credit standard (信用标准) — the minimum conditions for credit and the credit grades.

    Source: seed 003 §6.2.4-3(1)(3)(4), 6.2.4-2(1), 6.2.4-7(2). The seed says who drafts and adopts
    the standard, where the investigation's facts come from and which records are kept, but prints
    no condition and no grade: those are examples [default], to be replaced by the company's own.

    Attributes:
        adopting_roles: the roles whose adoption puts the standard in force — the business
            department that drafts it, the offices, finance and the leader in charge
            (业务部…召集办事处、财务部以及公司主管领导讨论通过) [seed].
        required_sources: the investigation sources every rating must have used [default:
            customer materials and direct contact; the seed lists five sources as "可以" (may)].
        required_records: the records that must be on file before a rating — the office's
            summary record, information slip and site-investigation record and business
            statistics' customer management card [seed 6.2.4-2(1)]. (Any record may be listed;
            the seed's are these four.)
        min_years_in_business: years in business, at least (不低于) [default: 1].
        min_registered_capital: registered capital in yuan, at least [default: 500,000].
        clean_bank_record: a bank report that shows a bad credit record fails the standard
            [default: true].
        max_pending_lawsuits: pending lawsuits and enforcement records found by a lawyer, at most
            [default: 0].
        collection_plan_required: whether a customer's collection plan (收账方针) must be set
            before credit is granted [default: false — the seed has the business department set
            it "at the same time" (同时) as it registers the grant: a grant without one names it
            as the business department's next task].
        grades: the credit grade table, best first: a rating gives the first row whose
            requirements the facts meet [default: A, B, C — the seed prints no rows].

    Raises:
        PolicyError: listing every invalid field with its path, and every duplicate grade name.
    """

    adopting_roles: frozenset[Role] = setting(
        default=frozenset(
            {Role.BUSINESS_DEPARTMENT, Role.OFFICE_DIRECTOR, Role.FINANCE, Role.VP_IN_CHARGE}
        ),
        unit=Unit.ROLES,
        source=_C1,
        min_items=1,
    )
    required_sources: frozenset[InformationSource] = setting(
        default=frozenset({InformationSource.CUSTOMER_MATERIALS, InformationSource.DIRECT_CONTACT}),
        unit=Unit.CHOICE,
        source=_C1_RATING,
        mark=Mark.DEFAULT,
    )
    required_records: frozenset[CreditRecord] = setting(
        default=_OFFICE_RECORDS, unit=Unit.CHOICE, source=_C1_RECORDS
    )
    min_years_in_business: int = setting(
        default=1, unit=Unit.YEARS, source=_C1, mark=Mark.DEFAULT, high=200
    )
    min_registered_capital: Decimal = setting(
        default=Decimal(500_000), unit=Unit.YUAN, source=_C1, mark=Mark.DEFAULT
    )
    clean_bank_record: bool = setting(default=True, unit=Unit.FLAG, source=_C1, mark=Mark.DEFAULT)
    max_pending_lawsuits: int = setting(
        default=0, unit=Unit.COUNT, source=_C1, mark=Mark.DEFAULT, high=10_000
    )
    collection_plan_required: bool = setting(
        default=False, unit=Unit.FLAG, source="C1; 003 §6.2.4-3(4)", mark=Mark.DEFAULT
    )
    grades: tuple[CreditGradeRow, ...] = setting(
        default=SEED_GRADES, unit=Unit.TABLES, source=_C1_GRADES, mark=Mark.DEFAULT, min_items=1
    )

    def _check(self) -> Iterator[Problem]:
        seen: set[str] = set()
        for i, row in enumerate(self.grades):
            if row.name in seen:
                yield Problem(f"grades[{i}].name", f"duplicate grade {row.name!r}")
            seen.add(row.name)

    def grade(self, name: str) -> CreditGradeRow | None:
        """The row of grade ``name``, or ``None``.

        Example:
            >>> CreditStandardPolicy().grade("B").limit
            Decimal('500000')
        """
        for row in self.grades:
            if row.name == name:
                return row
        return None

    def rank(self, name: str) -> int | None:
        """The position of grade ``name`` from the bottom of the table (the last row is 1, the
        best the highest), so a higher rank is a better grade; ``None`` for no such grade.

        Example:
            >>> CreditStandardPolicy().rank("A"), CreditStandardPolicy().rank("C")
            (3, 1)
        """
        for i, row in enumerate(self.grades):
            if row.name == name:
                return len(self.grades) - i
        return None


# --------------------------------------------------------------------------- the checks


def approvals_arg(value: object, field: str) -> tuple[Approval, ...]:
    """``value`` — a list or tuple of :class:`Approval` — as a tuple; otherwise an
    :class:`InputError` naming ``field`` (or ``field[i]``)."""
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise InputError(field, value, "a list of Approval records")
    for i, item in enumerate(value):
        if not isinstance(item, Approval):
            raise InputError(f"{field}[{i}]", item, "an Approval")
    return tuple(value)


def _enum_set(value: object, kind: type[LabelledEnum], name: str) -> frozenset[Any]:
    """A set-of-members fact: a list, tuple, set or frozenset of ``kind`` members (or their
    values) as a ``frozenset``."""
    expected = f"a set of {kind.__name__} values"
    if type(value) is frozenset and all(type(v) is kind for v in value):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple | set | frozenset):
        raise InputError(name, value, expected)
    items = []
    for item in value:
        if not isinstance(item, kind):
            try:
                item = kind(item)
            except InputError:
                raise InputError(name, value, expected) from None
        items.append(item)
    return frozenset(items)


def _to_sources(value: object) -> frozenset[InformationSource]:
    return _enum_set(value, InformationSource, "sources")


def _to_records(value: object) -> frozenset[CreditRecord]:
    return _enum_set(value, CreditRecord, "records")


def _count(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 0 <= value <= 100_000:
        raise InputError(attribute.name, value, "a whole number from 0 to 100000")


def _optional_count(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _count(instance, attribute, value)


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_date(value, attribute.name)


# --------------------------------------------------------------------------- facts


@attrs.frozen
class CollectionPlan:
    """C1: the collection plan — the seed's 收账方针, the catalogue's "collection policy" — the
    business department sets for a customer it grants
    credit, answering the seed's three questions [seed 003 §6.2.4-3(4)].

    Attributes:
        risk: a. whether the customer will fall into arrears or refuse payment, and how far
            (客户是否会拖欠或拒付账款,程度如何).
        prevention: b. how to prevent arrears as far as possible (怎样最大限度地防止客户拖欠账款).
        response: c. what the company does if payment falls into arrears or is refused
            (一旦账款遭到拖欠甚至拒付,公司应采取怎样的对策).
        set_on: the day it was set.

    Raises:
        InputError: naming the field: a risk that is not an :class:`ArrearsRisk`, a blank text,
            a day that is not a date.
    """

    risk: ArrearsRisk = attrs.field(validator=fact_check(ArrearsRisk, "an ArrearsRisk"))
    prevention: str = attrs.field(validator=non_empty_text)
    response: str = attrs.field(validator=non_empty_text)
    set_on: dt.date = attrs.field(validator=_day)


def _capital(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "registered_capital")


@attrs.frozen
class RatingFacts:
    """C1: what the business department's investigation found about a customer.

    Attributes:
        customer: the customer's id.
        sources: the investigation sources used (:class:`InformationSource`).
        records: the records on file (:class:`CreditRecord`).
        years_in_business: whole years since the customer was established (customer materials,
            website).
        registered_capital: its registered capital in yuan.
        bank_record_clean: what the bank report says — no bad credit record (``True``) or one
            (``False``); ``None`` when no bank report was obtained.
        pending_lawsuits: pending lawsuits and enforcement records found by a lawyer; ``None``
            when no lawyer's evidence was obtained.
        days_late: the most days any payment was late in the customer's trade record with the
            company (0 for always on time); ``None`` for no trade record (a new customer).
        collection_plan: the collection plan (收账方针) set for it, if any.

    Raises:
        InputError: naming the field: a blank customer, a source or record that is not one, a
            count that is not a whole number from 0 to 100,000, a capital that is not an amount,
            and a bank or lawyer's finding whose source is not among ``sources``.
    """

    customer: str = attrs.field(validator=non_empty_text)
    sources: frozenset[InformationSource] = attrs.field(converter=_to_sources)
    records: frozenset[CreditRecord] = attrs.field(converter=_to_records)
    years_in_business: int = attrs.field(validator=_count)
    registered_capital: Decimal = attrs.field(converter=_capital)
    bank_record_clean: bool | None = attrs.field(
        default=None, validator=fact_check(bool, "True, False or None", optional=True)
    )
    pending_lawsuits: int | None = attrs.field(default=None, validator=_optional_count)
    days_late: int | None = attrs.field(default=None, validator=_optional_count)
    collection_plan: CollectionPlan | None = attrs.field(
        default=None,
        validator=fact_check(CollectionPlan, "a CollectionPlan or None", optional=True),
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.bank_record_clean is not None and InformationSource.BANK_REPORT not in self.sources:
            problems.append(
                Problem.mismatch(
                    "bank_record_clean",
                    self.bank_record_clean,
                    "None unless a bank report is a source",
                )
            )
        if (
            self.pending_lawsuits is not None
            and InformationSource.LAWYER_EVIDENCE not in self.sources
        ):
            problems.append(
                Problem.mismatch(
                    "pending_lawsuits",
                    self.pending_lawsuits,
                    "None unless lawyer's evidence is a source",
                )
            )
        if problems:
            raise InputError.of(problems)


def _optional_limit(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "limit")


def _term_days(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 0 <= value <= 3650:
        raise InputError(attribute.name, value, "a whole number of days from 0 to 3650")


def _forms(value: object) -> tuple[CreditForm, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple | set | frozenset):
        raise InputError("forms", value, _FORMS)
    items = []
    for item in sorted(value, key=str) if isinstance(value, set | frozenset) else value:
        if not isinstance(item, CreditForm):
            try:
                item = CreditForm(item)
            except InputError:
                raise InputError("forms", value, _FORMS) from None
        items.append(item)
    if not items or len(set(items)) != len(items):
        raise InputError("forms", value, _FORMS)
    return tuple(items)


_FORMS = "a list of distinct CreditForm values (at least one)"


@attrs.frozen
class CreditTerms:
    """C1/C2: a customer's credit terms (信用条件: 信用形式、期限、金额), as on its credit card.

    Attributes:
        limit: the credit limit in yuan (信用额度); ``None`` to take the limit of the customer's
            group or the company default (C2).
        term_days: the payment term granted (信用期限), days, 0 to 3,650.
        forms: the credit forms granted (信用形式), at least one.
        grade: the credit grade the terms come from, if any.

    Raises:
        InputError: naming the field.

    Example:
        >>> CreditTerms("50万", 60, (CreditForm.OPEN_ACCOUNT,)).limit
        Decimal('500000')
    """

    limit: Decimal | None = attrs.field(converter=_optional_limit)
    term_days: int = attrs.field(validator=_term_days)
    forms: tuple[CreditForm, ...] = attrs.field(converter=_forms)
    grade: str | None = attrs.field(default=None)

    @grade.validator
    def _grade(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError("grade", value, "a grade name or None")


# --------------------------------------------------------------------------- adoption


@attrs.frozen
class StandardAdoption:
    """C1: whether the credit standard is in force on a day — adopted by every adopting role.

    Attributes:
        on: the day asked about.
        approvals: the adoption records given.
        statuses: what each record is worth on ``on``, in the same order.
        required: the adopting roles, in rank order.
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> day = dt.date(2026, 1, 5)
        >>> a = standard_adoption([], CreditPolicy(), on=day)
        >>> a.in_force, a.next_role
        (False, <Role.OFFICE_DIRECTOR: 'office_director'>)
    """

    on: dt.date
    approvals: tuple[Approval, ...]
    statuses: tuple[ApprovalStatus, ...]
    required: tuple[Role, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def adopted_by(self) -> tuple[Role, ...]:
        """The adopting roles with a record in force, in rank order."""
        granted = {
            a.role
            for a, s in zip(self.approvals, self.statuses, strict=False)
            if s is ApprovalStatus.GRANTED
        }
        return tuple(r for r in self.required if r in granted)

    @functools.cached_property
    def missing(self) -> tuple[Role, ...]:
        """The adopting roles without a record in force, in rank order."""
        return tuple(r for r in self.required if r not in self.adopted_by)

    @functools.cached_property
    def in_force(self) -> bool:
        """Whether every adopting role adopted the standard: only then is it in force."""
        return not self.missing

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: the first adopting role still to adopt it; ``None`` once it is in force."""
        return self.missing[0] if self.missing else None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C1: the records that do not count and why, then whether the standard is in force."""
        reasons = [
            Reason.of(
                "C1",
                CreditReason.C1_ADOPTION_REFUSED,
                who=a.who,
                role=a.role,
                finding=ApprovalFinding.of(s),
            )
            for a, s in zip(self.approvals, self.statuses, strict=False)
            if s is not ApprovalStatus.GRANTED
        ]
        if self.in_force:
            reasons.append(Reason.of("C1", CreditReason.C1_ADOPTED, roles=self.required))
        else:
            reasons.append(
                Reason.of(
                    "C1",
                    CreditReason.C1_NOT_ADOPTED,
                    missing=self.missing,
                    next=self.next_role,
                )
            )
        return tuple(reasons)


def standard_adoption(
    adoption: Sequence[Approval], policy: CreditPolicy, *, on: dt.date
) -> StandardAdoption:
    """C1: is the credit standard in force on ``on``?

    The standard is the basis of credit management only once it is adopted (讨论通过) by every
    role of ``policy.standard.adopting_roles`` [seed]: each needs an
    :class:`~customer_rules.roles.Approval` in that role, for :data:`ADOPT_STANDARD`, holding on
    ``on``, bound to no subject or to the policy's version (``policy.version``) — a standard
    adopted for one version of the book is not adopted for the next.

    Args:
        adoption: the adoption records (any number; records of other roles, for other matters or
            not in force are reported and do not count).
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.

    Returns:
        Whether the standard is in force, who adopted it, who is missing (the first is the
        ``next_role``), and the reasons.

    Raises:
        InputError: naming ``adoption`` (or ``adoption[i]``), ``policy`` or ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> day = dt.date(2026, 1, 5)
        >>> signed = [Approval(n, r, ADOPT_STANDARD, day) for n, r in
        ...           [("业务部", Role.BUSINESS_DEPARTMENT), ("办事处", Role.OFFICE_DIRECTOR),
        ...            ("财务部", Role.FINANCE), ("主管副总", Role.VP_IN_CHARGE)]]
        >>> standard_adoption(signed, CreditPolicy(), on=day).in_force
        True
    """
    records = approvals_arg(adoption, "adoption")
    credit = credit_policy(policy)
    day = checked_day(credit, on)
    roles = credit.standard.adopting_roles
    statuses = tuple(
        approval_status(a, roles, ADOPT_STANDARD, day, subject=credit.version) for a in records
    )
    return StandardAdoption(
        day,
        records,
        statuses,
        in_rank_order(roles),
        credit.version,
        policy_effective=credit.effective,
    )


# --------------------------------------------------------------------------- the rating


@attrs.frozen
class CreditRating:
    """C1: a customer's credit grade and terms, or "no credit" with every unmet condition.

    Attributes:
        facts: the investigation's facts.
        adoption: whether the standard was in force on the day.
        unmet: the minimum conditions the facts do not meet, in the order checked (empty when
            credit is granted).
        grade: the grade row reached; ``None`` for no credit.
        policy: the standard that decided.
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.

    Derived: ``granted``, ``terms`` (the :class:`CreditTerms` to put on the credit card),
    ``records_to_write``, ``collection_plan_due``, ``next_role`` and ``reasons``.
    """

    facts: RatingFacts
    adoption: StandardAdoption
    unmet: tuple[CreditCondition, ...]
    grade: CreditGradeRow | None
    policy: CreditStandardPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def on(self) -> dt.date:
        """The day of the rating."""
        return self.adoption.on

    @functools.cached_property
    def granted(self) -> bool:
        """Whether the customer gets credit (a grade)."""
        return self.grade is not None

    @functools.cached_property
    def terms(self) -> CreditTerms | None:
        """The credit terms the grade grants (limit, term, forms), or ``None`` for no credit."""
        g = self.grade
        return None if g is None else CreditTerms(g.limit, g.term_days, g.forms, g.name)

    @functools.cached_property
    def records_to_write(self) -> tuple[CreditRecord, ...]:
        """The records the business department registers a grant on — the credit card and the
        credit grade table (6.2.4-3(4)) [seed]; none without a grant."""
        if self.grade is None:
            return ()
        return (CreditRecord.CREDIT_CARD, CreditRecord.GRADE_TABLE)

    @functools.cached_property
    def missing_records(self) -> tuple[CreditRecord, ...]:
        """The required records not on file, in :class:`CreditRecord` order."""
        return tuple(
            r
            for r in CreditRecord
            if r in self.policy.required_records and r not in self.facts.records
        )

    @functools.cached_property
    def collection_plan_due(self) -> bool:
        """Whether credit is granted and the customer has no collection plan yet: the business
        department sets one (制定…收账方针)."""
        return self.grade is not None and self.facts.collection_plan is None

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: who acts next — the first role still to adopt the standard; the keeper of the
        first missing record; the business department (to register a grant, set the collection
        policy, or refuse credit) otherwise."""
        if not self.adoption.in_force:
            return self.adoption.next_role
        if self.missing_records:
            return record_keeper(self.missing_records[0])
        return Role.BUSINESS_DEPARTMENT

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C1: each unmet condition with its facts, then the grade (or no credit), the records to
        write and the collection plan."""
        return tuple(_rating_reasons(self))


def _rating_reasons(r: CreditRating) -> Iterator[Reason]:
    f, p = r.facts, r.policy
    for condition in r.unmet:
        if condition is CreditCondition.ADOPTED:
            yield from r.adoption.reasons
        elif condition is CreditCondition.SOURCES:
            missing = tuple(
                s for s in InformationSource if s in p.required_sources and s not in f.sources
            )
            yield Reason.of("C1", CreditReason.C1_SOURCES, missing=missing)
        elif condition is CreditCondition.RECORDS:
            for record in r.missing_records:
                yield Reason.of(
                    "C1", CreditReason.C1_RECORD, record=record, keeper=record_keeper(record)
                )
        elif condition is CreditCondition.YEARS:
            yield Reason.of(
                "C1", CreditReason.C1_YEARS, years=f.years_in_business, min=p.min_years_in_business
            )
        elif condition is CreditCondition.CAPITAL:
            yield Reason.of(
                "C1",
                CreditReason.C1_CAPITAL,
                capital=f.registered_capital,
                min=p.min_registered_capital,
            )
        elif condition is CreditCondition.BANK_RECORD:
            yield Reason.of("C1", CreditReason.C1_BANK)
        elif condition is CreditCondition.LAWSUITS:
            yield Reason.of(
                "C1", CreditReason.C1_LAWSUITS, count=f.pending_lawsuits, max=p.max_pending_lawsuits
            )
        elif condition is CreditCondition.COLLECTION_PLAN:
            yield Reason.of("C1", CreditReason.C1_COLLECTION_REQUIRED)
        else:  # CreditCondition.GRADE
            yield Reason.of("C1", CreditReason.C1_NO_GRADE, last=p.grades[-1].name)
    g = r.grade
    if g is None:
        yield Reason.of("C1", CreditReason.C1_NO_CREDIT, customer=f.customer)
        return
    yield Reason.of(
        "C1",
        CreditReason.C1_GRADE,
        customer=f.customer,
        grade=g.name,
        limit=g.limit,
        days=g.term_days,
        forms=g.forms,
    )
    yield Reason.of(
        "C1",
        CreditReason.C1_REGISTER,
        by=Role.BUSINESS_DEPARTMENT,
        records=r.records_to_write,
    )
    c = f.collection_plan
    if c is None:
        yield Reason.of("C1", CreditReason.C1_COLLECTION_DUE, by=Role.BUSINESS_DEPARTMENT)
    else:
        yield Reason.of("C1", CreditReason.C1_COLLECTION_SET, risk=c.risk, on=c.set_on)


def _meets(row: CreditGradeRow, f: RatingFacts) -> bool:
    if f.years_in_business < row.min_years or f.registered_capital < row.min_registered_capital:
        return False
    return row.max_days_late is None or (
        f.days_late is not None and f.days_late <= row.max_days_late
    )


def rate_customer(
    facts: RatingFacts,
    policy: CreditPolicy,
    *,
    on: dt.date,
    adoption: Sequence[Approval],
) -> CreditRating:
    """C1: rate a customer into a credit grade, or "no credit" with every unmet condition.

    In order: the standard must be in force (:func:`standard_adoption`); the required sources
    used and records on file; years in business and registered capital at least the minimum
    (不低于, the number itself passes); no bad bank record (when a bank report was obtained and
    ``clean_bank_record`` is on); pending lawsuits at most the maximum; a collection plan set,
    where the policy requires one first. Every unmet condition is reported, not only the first.
    If all hold, the grade is the first row of ``policy.standard.grades`` whose requirements the
    facts meet; none met is "no credit" too.

    A customer never rated has no credit [default]: C2 treats a position without terms so.

    Args:
        facts: the investigation's facts.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the rating.
        adoption: the standard's adoption records (see :func:`standard_adoption`).

    Returns:
        The rating: ``grade`` and ``terms``, or ``None`` with the unmet conditions; the records to
        write; whether the collection plan is still due; ``next_role``; ``reasons``.

    Raises:
        InputError: naming ``facts``, ``policy``, ``on`` or ``adoption``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> day = dt.date(2026, 3, 2)
        >>> roles = CreditPolicy().standard.adopting_roles
        >>> signed = [Approval("x", r, ADOPT_STANDARD, day) for r in roles]
        >>> used = {InformationSource.CUSTOMER_MATERIALS, InformationSource.DIRECT_CONTACT}
        >>> on_file = CreditStandardPolicy().required_records
        >>> facts = RatingFacts("C007", used, on_file, years_in_business=4,
        ...                     registered_capital="200万", days_late=12)
        >>> r = rate_customer(facts, CreditPolicy(), on=day, adoption=signed)
        >>> r.grade.name, r.terms.limit, r.terms.term_days
        ('B', Decimal('500000'), 60)
    """
    if not isinstance(facts, RatingFacts):
        raise InputError("facts", facts, "a RatingFacts")
    credit = credit_policy(policy)
    adopted = standard_adoption(adoption, credit, on=on)
    p = credit.standard
    unmet: list[CreditCondition] = []
    if not adopted.in_force:
        unmet.append(CreditCondition.ADOPTED)
    if not p.required_sources <= facts.sources:
        unmet.append(CreditCondition.SOURCES)
    if not p.required_records <= facts.records:
        unmet.append(CreditCondition.RECORDS)
    if facts.years_in_business < p.min_years_in_business:
        unmet.append(CreditCondition.YEARS)
    if facts.registered_capital < p.min_registered_capital:
        unmet.append(CreditCondition.CAPITAL)
    if p.clean_bank_record and facts.bank_record_clean is False:
        unmet.append(CreditCondition.BANK_RECORD)
    if facts.pending_lawsuits is not None and facts.pending_lawsuits > p.max_pending_lawsuits:
        unmet.append(CreditCondition.LAWSUITS)
    if p.collection_plan_required and facts.collection_plan is None:
        unmet.append(CreditCondition.COLLECTION_PLAN)
    grade = None
    if not unmet:
        grade = next((row for row in p.grades if _meets(row, facts)), None)
        if grade is None:
            unmet.append(CreditCondition.GRADE)
    return CreditRating(
        facts,
        adopted,
        tuple(unmet),
        grade,
        p,
        credit.version,
        policy_effective=credit.effective,
    )
