"""Facts and closed sets the archives rules share (R1–R12): a customer file, a loan, a hold, a
person asking for access and the customer's consent, with the regulations' Chinese terms.

Facts are frozen attrs classes of plain values, checked when built: a bad value is an
:class:`~customer_rules.errors.InputError` naming the field, never a raw ``TypeError``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.dates import require_date
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.roles import Role
from customer_rules.workflow import Case

__all__ = [
    "AccessAction",
    "Consent",
    "CustomerFile",
    "EmployeeStatus",
    "FileKind",
    "Hold",
    "HoldKind",
    "Loan",
    "LoanItem",
    "Principal",
]


class FileKind(LabelledEnum):
    """What a file is, which decides whose rules govern access to it (R9)."""

    ARCHIVE = "archive"
    """客户档案 — a customer's archive kept by 内勤部 in the archive cabinet (seed 004): lent
    in-house with the keeper's consent, copied with the 内勤部 manager's approval."""
    RECORD = "record"
    """客户信息 / 帐页 — customer information and account pages in the customer database
    (seed 001, 003): the access preset decides who may see another's."""
    LEDGER_CARD = "ledger_card"
    """交易往来客户原始资料卡 — a trading partner's ledger card (seed 000)."""
    CREDIT = "credit"
    """客户信用资料 — credit data, controlled by business statistics (seed 003 §6.2.4)."""


class AccessAction(LabelledEnum):
    """What someone asks to do with a file (R9)."""

    VIEW = "view"
    """查阅 — look at it."""
    BORROW = "borrow"
    """借阅 — take it (in the company) for a while."""
    COPY = "copy"
    """复印 / 拷贝 — copy it."""
    TRANSMIT = "transmit"
    """对外传送 — send it outside the company (to a third party)."""


class EmployeeStatus(LabelledEnum):
    """Whether a person still works for the company (R9: a departing employee gets nothing)."""

    ACTIVE = "active"
    """在职."""
    DEPARTING = "departing"
    """调离中 — leaving: their files pass to their department."""
    DEPARTED = "departed"
    """已离职."""


class LoanItem(LabelledEnum):
    """What is lent (R3, R4)."""

    ORIGINAL = "original"
    """原件 — the original archive; never leaves the company."""
    COPY = "copy"
    """影印件 — a copy; may be used outside with approval."""


class HoldKind(LabelledEnum):
    """Why a file may not be disposed of (R8) [default: the seed names no holds; the three are
    the records-management practice the issue names]."""

    LITIGATION = "litigation"
    """诉讼保全 — a legal hold."""
    AUDIT = "audit"
    """审计 — an audit."""
    RECEIVABLE = "receivable"
    """未清应收账款 — an open receivable."""


set_labels(
    {
        FileKind.ARCHIVE: ("客户档案", "customer archive"),
        FileKind.RECORD: ("客户信息", "customer record"),
        FileKind.LEDGER_CARD: ("交易往来客户原始资料卡", "ledger card"),
        FileKind.CREDIT: ("客户信用资料", "credit data"),
        AccessAction.VIEW: ("查阅", "view"),
        AccessAction.BORROW: ("借阅", "borrow"),
        AccessAction.COPY: ("复印", "copy"),
        AccessAction.TRANSMIT: ("对外传送", "transmit outside the company"),
        EmployeeStatus.ACTIVE: ("在职", "active"),
        EmployeeStatus.DEPARTING: ("调离中", "departing"),
        EmployeeStatus.DEPARTED: ("已离职", "departed"),
        LoanItem.ORIGINAL: ("原件", "original"),
        LoanItem.COPY: ("影印件", "copy"),
        HoldKind.LITIGATION: ("诉讼保全", "litigation hold"),
        HoldKind.AUDIT: ("审计", "audit hold"),
        HoldKind.RECEIVABLE: ("未清应收账款", "open receivable"),
    }
)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty string or None")


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_date(value, attribute.name)


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(value, attribute.name)


def _to_tuple(value: Any) -> Any:
    """Converter: a list becomes a tuple; anything else is left for the validator."""
    return tuple(value) if isinstance(value, list) else value


def _consents(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not tuple:
        raise InputError(attribute.name, value, "a tuple of Consent")
    for i, item in enumerate(value):
        if not isinstance(item, Consent):
            raise InputError(f"{attribute.name}[{i}]", item, "a Consent")


@attrs.frozen
class Principal:
    """A person asking for access (R9).

    Attributes:
        who: their name or staff id — what a file's ``owner`` names.
        role: the role they act in.
        department: their department, if known.
        status: in post, departing or departed; only a person in post gets anything.

    Raises:
        InputError: naming the field, for a blank name, a role or status that is not one.

    Example:
        >>> Principal("陈小明", Role.SALESPERSON).status
        <EmployeeStatus.ACTIVE: 'active'>
    """

    who: str = attrs.field(validator=non_empty_text)
    role: Role = attrs.field(validator=fact_check(Role, "a Role"))
    department: str | None = attrs.field(default=None, validator=_optional_text)
    status: EmployeeStatus = attrs.field(
        default=EmployeeStatus.ACTIVE,
        validator=fact_check(EmployeeStatus, "an EmployeeStatus: active, departing, departed"),
    )


@attrs.frozen
class Consent:
    """The customer's consent to the use of their information for one stated purpose (R11).

    Attributes:
        purpose: the purpose consented to, compared exactly as given.
        on: the day consent was given.
        until: the last day it holds; ``None`` until withdrawn.

    Raises:
        InputError: naming the field, for a blank purpose, a day that is not a date of the
            supported range, ``until`` before ``on``.
    """

    purpose: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=_day)
    until: dt.date | None = attrs.field(default=None, validator=_optional_day)

    def __attrs_post_init__(self) -> None:
        if self.until is not None and self.until < self.on:
            raise InputError("until", self.until, f"a day on or after on ({self.on})")

    def holds(self, purpose: str, day: dt.date) -> bool:
        """Whether this consent covers ``purpose`` on ``day``."""
        return (
            self.purpose == purpose and self.on <= day and (self.until is None or day <= self.until)
        )


@attrs.frozen
class CustomerFile:
    """A customer file: an archive, a record, a ledger card or credit data (R1, R9, R11).

    Attributes:
        id: the file's id; workflow cases and approvals about it are bound to it.
        customer: the customer's name, if given.
        kind: what it is (decides whose access rules apply); an archive by default.
        owner: who is responsible for the customer (the salesperson or customer manager;
            ``None`` while no one is — a departed employee's files pass to their department).
        department: the department that holds it.
        personal: it holds personal data: every use needs the customer's consent for the
            stated purpose (R11).
        consents: the customer's consents.
        received_on: the day 内勤部 received the completion documents (R1); the five days to
            formalise count from it.
        formalised_on: the day the file became the formal archive and was shelved.

    Raises:
        InputError: naming the field, for a blank id, a kind that is not one, a date that is
            not a date of the supported range, ``formalised_on`` before ``received_on``.

    Example:
        >>> f = CustomerFile("R-0042", received_on=dt.date(2026, 3, 2))
        >>> f.kind, f.received_on
        (<FileKind.ARCHIVE: 'archive'>, datetime.date(2026, 3, 2))
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str | None = attrs.field(default=None, validator=_optional_text)
    kind: FileKind = attrs.field(
        default=FileKind.ARCHIVE,
        validator=fact_check(FileKind, "a FileKind: archive, record, ledger_card, credit"),
    )
    owner: str | None = attrs.field(default=None, validator=_optional_text)
    department: str | None = attrs.field(default=None, validator=_optional_text)
    personal: bool = attrs.field(default=False, validator=IS_BOOL)
    consents: tuple[Consent, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_consents
    )
    received_on: dt.date | None = attrs.field(default=None, validator=_optional_day)
    formalised_on: dt.date | None = attrs.field(default=None, validator=_optional_day)

    def __attrs_post_init__(self) -> None:
        if (
            self.formalised_on is not None
            and self.received_on is not None
            and self.formalised_on < self.received_on
        ):
            raise InputError(
                "formalised_on",
                self.formalised_on,
                f"a day on or after received_on ({self.received_on})",
            )


@attrs.frozen
class Loan:
    """One loan: an original lent in-house (R3) or one copy made (R4), with its state.

    Attributes:
        id: the loan's id — the subject of its workflow case (``"R-0042/loan-2"``).
        file: the id of the file lent.
        item: an original or a copy.
        borrower: who has it.
        lent_on: the day it was lent (or asked for, before it is lent).
        state: the state of its case in the loan table (``"out"`` while lent; see
            ``LendingPolicy.originals`` and ``.copies``).
        location: where it is (去向), if not with the borrower.
        purpose: what it is used for (stated when asking).
        outside: used outside the company (a copy with approval; never an original).
        registration: the copy registration it belongs to — the original taken out to copy
            and every copy made share it.

    Raises:
        InputError: naming the field, for a blank id, file, borrower or state, an item that is
            not one, a date that is not a date of the supported range.

    Example:
        >>> Loan("L1", "R-0042", LoanItem.ORIGINAL, "李工", dt.date(2026, 3, 2)).state
        'out'
    """

    id: str = attrs.field(validator=non_empty_text)
    file: str = attrs.field(validator=non_empty_text)
    item: LoanItem = attrs.field(validator=fact_check(LoanItem, "a LoanItem: original, copy"))
    borrower: str = attrs.field(validator=non_empty_text)
    lent_on: dt.date = attrs.field(validator=_day)
    state: str = attrs.field(default="out", validator=non_empty_text)
    location: str | None = attrs.field(default=None, validator=_optional_text)
    purpose: str | None = attrs.field(default=None, validator=_optional_text)
    outside: bool = attrs.field(default=False, validator=IS_BOOL)
    registration: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def where(self) -> str:
        """Where it is: ``location``, else the borrower."""
        return self.location if self.location is not None else self.borrower


@attrs.frozen
class Hold:
    """A hold on a file (R8): a case of the hold table (``FilesPolicy.holds``), bound to the
    file's id, and why.

    Attributes:
        kind: litigation, audit or an open receivable.
        case: its workflow case; the hold is open while the case is in the table's
            ``placed`` state, and counts for the file its ``subject`` names.

    Raises:
        InputError: naming the field, for a kind or case that is not one.
    """

    kind: HoldKind = attrs.field(
        validator=fact_check(HoldKind, "a HoldKind: litigation, audit, receivable")
    )
    case: Case = attrs.field(validator=fact_check(Case, "a workflow Case of the hold table"))
