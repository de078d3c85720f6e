"""Facts the credit rules share: a receivable and the one currency they add up.

Money is one currency, CNY (C2): a receivable or an order may state its currency, and a rule
that sums amounts refuses one in another currency (:func:`require_cny`) — it never adds yuan to
dollars.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import chapter_policy, checked_day
from customer_rules._validation import non_empty_text
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.money import parse_amount

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = ["CNY", "Receivable", "credit_policy", "policy_and_day", "require_cny"]

CNY = "CNY"
"""The one currency of the credit chapter (人民币)."""

_CURRENCY = re.compile(r"[A-Z]{3}")


def _check_currency(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str or not _CURRENCY.fullmatch(value):
        raise InputError(attribute.name, value, "an ISO 4217 currency code such as 'CNY'")


def _check_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_date(value, attribute.name)


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(value, attribute.name)


def _to_amount(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "amount")


def _to_paid(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "paid")


@attrs.frozen
class Receivable:
    """One receivable on the aging record (应收账款账龄记录表, C4): an invoiced amount a customer
    owes.

    Attributes:
        id: the host's id of the receivable (invoice or delivery note).
        customer: the customer's id.
        amount: the amount invoiced, in yuan (``Decimal``; ``int`` and texts such as ``"12,500"``
            or ``"1.2万"`` are converted; a float is refused).
        due: the due date: the end of the customer's credit term, the normal collection period
            (正常收帐期, C4/C5).
        issued: the day it arose (shipment or invoice), from which 事中 tracking counts (C5);
            ``None`` when unknown.
        paid: what has been paid of it so far (default 0); never more than ``amount``.
        currency: ISO 4217 code, ``"CNY"`` by default; the rules refuse any other (C2).

    Raises:
        InputError: naming the field: a blank ``id`` or ``customer``, an amount that is negative,
            a float or unreadable, a date that is not a ``datetime.date``, ``issued`` after
            ``due``, ``paid`` above ``amount``, a currency that is not three capital letters.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    amount: Decimal = attrs.field(converter=_to_amount)
    due: dt.date = attrs.field(validator=_check_day)
    issued: dt.date | None = attrs.field(default=None, validator=_optional_day)
    paid: Decimal = attrs.field(default=Decimal(0), converter=_to_paid)
    currency: str = attrs.field(default=CNY, validator=_check_currency)

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.paid > self.amount:
            problems.append(
                Problem.mismatch("paid", self.paid, f"at most the amount, {self.amount}")
            )
        if self.issued is not None and self.issued > self.due:
            problems.append(
                Problem.mismatch("issued", self.issued, f"on or before due, {self.due}")
            )
        if problems:
            raise InputError.of(problems)

    @property
    def open_amount(self) -> Decimal:
        """What is still owed: ``amount - paid``."""
        return self.amount - self.paid


def require_cny(items: Iterable[Any], path: str) -> None:
    """Refuse, in one :class:`InputError`, every item of ``items`` (receivables, orders: anything
    with a ``currency``) not in CNY, each at ``path[i].currency``."""
    problems = [
        Problem.mismatch(
            f"{path}[{i}].currency", item.currency, f"'{CNY}': amounts in one currency"
        )
        for i, item in enumerate(items)
        if item.currency != CNY
    ]
    if problems:
        raise InputError.of(problems)


def credit_policy(value: object) -> CreditPolicy:
    """``value`` if it is a :class:`~customer_rules.credit.CreditPolicy`; otherwise an
    :class:`InputError` naming ``policy`` that says what to pass (for a whole ``PolicyBook``,
    ``book.credit``)."""
    checked: CreditPolicy = chapter_policy(value, "credit")
    return checked


def policy_and_day(policy: object, on: object) -> tuple[CreditPolicy, dt.date]:
    """The checked ``policy`` and ``on``: a :class:`CreditPolicy` and a date in range, on or
    after the policy's effective date."""
    credit = credit_policy(policy)
    return credit, checked_day(credit, on)
