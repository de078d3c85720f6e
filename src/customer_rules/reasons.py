"""Reasons and their rendering for people.

Every result carries ``reasons``: a tuple of :class:`Reason`, each naming the catalogue ID that
decided (``G2``), a message key (``G2.contract``) and the facts it used. :func:`explain` renders
them in Chinese or English from a message catalogue that each rule module registers with
:func:`register_messages`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal, Protocol

import attrs

from customer_rules.errors import InputError

__all__ = ["Explained", "Lang", "Reason", "explain", "register_messages", "render_reason"]

Lang = Literal["zh", "en"]

_MESSAGES: dict[str, tuple[str, str]] = {}


@attrs.frozen
class Reason:
    """One step of a decision.

    Attributes:
        rule: the catalogue ID that decided, e.g. ``"G2"``.
        code: the message key, e.g. ``"G2.contract"``.
        facts: the facts used, as ``(name, value)`` pairs in a stable order.
    """

    rule: str
    code: str
    facts: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, rule: str, code: str, **facts: object) -> Reason:
        """Build a reason from keyword facts."""
        return cls(rule, code, tuple(facts.items()))

    def fact(self, name: str) -> object:
        """The value of one fact.

        Raises:
            InputError: if the reason has no such fact.
        """
        for key, value in self.facts:
            if key == name:
                return value
        raise InputError("name", name, f"one of {[k for k, _ in self.facts]}")


class Explained(Protocol):
    """Anything with reasons: every result class of the library."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons of the decision."""
        ...


def register_messages(messages: Mapping[str, tuple[str, str]]) -> None:
    """Register ``code → (zh template, en template)``; templates use ``str.format`` fields."""
    _MESSAGES.update(messages)


def _render_value(value: object, lang: Lang) -> str:
    if isinstance(value, Decimal):
        return f"{value:,f}" if value == value.to_integral_value() else f"{value:,}"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, enum.Enum):
        label = getattr(value, lang, None)
        return str(label if isinstance(label, str) else value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return (
            "、".join(_render_value(v, lang) for v in value)
            if lang == "zh"
            else ", ".join(_render_value(v, lang) for v in value)
        )
    if value is None:
        return "—"
    return str(value)


def render_reason(reason: Reason, lang: Lang = "zh") -> str:
    """Render one reason as ``[ID] sentence``.

    Raises:
        InputError: for a language other than ``"zh"`` or ``"en"``.
    """
    if lang not in ("zh", "en"):
        raise InputError("lang", lang, "'zh' or 'en'")
    templates = _MESSAGES.get(reason.code)
    values = {k: _render_value(v, lang) for k, v in reason.facts}
    if templates is None:
        body = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"[{reason.rule}] {reason.code}: {body}"
    template = templates[0] if lang == "zh" else templates[1]
    return f"[{reason.rule}] {template.format(**values)}"


def explain(result: Explained, lang: Lang = "zh") -> str:
    """Render a result's reasons for a person, one line per reason.

    Args:
        result: any result of the library.
        lang: ``"zh"`` (default) or ``"en"``.

    Returns:
        The reasons, one per line, each prefixed with the catalogue ID that decided it.

    Raises:
        InputError: for an unsupported language.
    """
    return "\n".join(render_reason(r, lang) for r in result.reasons)
