"""Reasons and messages: codes as data, rendered for people in Chinese or English.

Every result carries ``reasons``: a tuple of :class:`Reason`, each naming the catalogue ID that
decided (``G2``), a message code (``G2.contract``) and the facts it used.

Each chapter declares its codes as one :class:`MessageCode` enum and its templates as one table,
``code → (zh template, en template)``, registered with :func:`register_codes`. Registration
refuses a code without both languages, a code another enum already registered, and zh/en
templates whose placeholders differ — so a chapter cannot ship a code that renders in one
language only, and a test renders every registered code in both (:func:`registered_codes`).
The command line's own texts are message codes too (:func:`render_message`).

A reason's facts are plain values — ``None``, ``bool``, ``int``, ``str``, ``Decimal``, ``date``,
``datetime``, a :class:`~customer_rules.labels.LabelledEnum` member, a
:class:`~customer_rules.labels.Label`, or a tuple of these — so :meth:`Reason.to_data` writes
every reason as JSON-safe data and :meth:`Reason.from_data` reads it back exactly.
"""

from __future__ import annotations

import datetime as dt
import enum
import string
import zoneinfo
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol, cast

import attrs

from customer_rules._bounded import keep
from customer_rules._frozen import quick_init
from customer_rules.errors import InputError, PolicyError, Problem, shown
from customer_rules.labels import (
    Label,
    LabelledEnum,
    Lang,
    LookupEnumType,
    label_of,
    labelled_enum,
)

__all__ = [
    "Explained",
    "Lang",
    "MessageCode",
    "Reason",
    "explain",
    "find_reason",
    "register_codes",
    "registered_codes",
    "render_message",
    "render_reason",
    "template_of",
]


class MessageCode(enum.StrEnum, metaclass=LookupEnumType):
    """Base of every enum of message codes: a chapter's reason codes, the command line's texts.

    A member equals its code string (``GradingReason.G1_TYPE == "G1.type"``), so hosts that
    stored codes as text keep matching them.
    """


_TEMPLATES: dict[str, tuple[str, str]] = {}
_CODES: dict[str, MessageCode] = {}
_BY_LANG: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
"""The templates of :data:`_TEMPLATES` by language, for rendering."""


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def register_codes(
    codes: type[MessageCode], templates: Mapping[MessageCode, tuple[str, str]]
) -> None:
    """Register one enum of message codes with its zh/en templates (``str.format`` fields).

    Raises:
        PolicyError: listing every code without a template, every template of another enum,
            every template not a pair of non-empty texts, every zh/en pair whose placeholders
            differ, and every code another enum registered already. Nothing is registered then.
    """
    problems: list[Problem] = []
    for member in codes:
        pair = templates.get(member)
        where = f"{codes.__name__}.{member.name}"
        if pair is None:
            problems.append(Problem(where, "expected zh and en templates, got none"))
            continue
        if (
            not isinstance(pair, tuple)
            or len(pair) != 2
            or not all(isinstance(t, str) and t.strip() for t in pair)
        ):
            problems.append(Problem.mismatch(where, pair, "a (zh, en) pair of non-empty texts"))
            continue
        try:
            zh, en = _placeholders(pair[0]), _placeholders(pair[1])
        except ValueError as exc:  # a malformed template: "{x"
            problems.append(Problem(where, f"expected a str.format template: {exc}"))
            continue
        if zh != en:
            problems.append(
                Problem(
                    where,
                    f"expected the same placeholders in zh and en, got zh {sorted(zh)}"
                    f" and en {sorted(en)}",
                )
            )
        other = _CODES.get(member.value)
        if other is not None and type(other) is not codes:
            problems.append(
                Problem(where, f"code {member.value!r} is already registered by {type(other)}")
            )
    for key in templates:
        if not isinstance(key, codes):
            problems.append(Problem.mismatch(codes.__name__, key, f"members of {codes.__name__}"))
    if problems:
        raise PolicyError(problems)
    for member in codes:
        _TEMPLATES[member.value] = templates[member]
        _CODES[member.value] = member
        _BY_LANG["zh"][member.value], _BY_LANG["en"][member.value] = templates[member]


def registered_codes() -> tuple[MessageCode, ...]:
    """Every registered code, in registration order."""
    return tuple(_CODES.values())


def template_of(code: str, lang: Lang) -> str:
    """The template of a registered code in ``lang``.

    Raises:
        InputError: for an unregistered code or an unsupported language.
    """
    _check_lang(lang)
    pair = _TEMPLATES.get(code) if isinstance(code, str) else None
    if pair is None:
        raise InputError("code", code, "a registered message code")
    return pair[1] if lang == "en" else pair[0]


def _check_lang(lang: object) -> None:
    if lang != "zh" and lang != "en":
        raise InputError("lang", lang, "'zh' or 'en'")


# --------------------------------------------------------------------------- reasons

_Fact = Any
"""A fact's value: None, bool, int, str, Decimal, date, datetime, a LabelledEnum member, a
Label, or a tuple of these."""


@quick_init
@attrs.frozen
class Reason:
    """One step of a decision.

    Attributes:
        rule: the catalogue ID that decided, e.g. ``"G2"``.
        code: the message code, e.g. ``GradingReason.G2_CONTRACT`` (equal to ``"G2.contract"``).
        facts: the facts used, as ``(name, value)`` pairs in a stable order.
    """

    rule: str
    code: str
    facts: tuple[tuple[str, _Fact], ...] = ()
    _zh_line: str | None = attrs.field(default=None, init=False, eq=False, repr=False)
    """The Chinese line once rendered (:attr:`_zh`); not part of the reason's value."""
    _en_line: str | None = attrs.field(default=None, init=False, eq=False, repr=False)
    """The English line once rendered (:attr:`_en`)."""

    @classmethod
    def of(cls, rule: str, code: str, /, **facts: _Fact) -> Reason:
        """Build a reason from keyword facts.

        Asked again for the same facts, it gives the same object, so a line that many results
        carry (``G2.total`` with its total and grade) is rendered once however many results
        carry it. "The same facts": equal texts, whole numbers, dates and labelled-enum members,
        and the same yes/no (``True == 1``, yet they read differently). A fact of another kind
        — an amount (``Decimal("1.0") == Decimal("1.00")``, yet they read differently) —
        always makes a new reason.
        """
        items = tuple(facts.items())
        typed = False
        for _, value in items:
            kind = type(value)
            how = _HOW.get(kind)
            if how is None:
                how = _HOW[kind] = _how(kind)
            if how is _SHARE or (how is _MEMBERS and _all_members(value)):
                continue
            if how is _TYPED:
                typed = True  # True is 1, but reads "yes": the key holds each fact's type
                continue
            # an amount (``Decimal("1.0") == Decimal("1.00")``) or an unknown kind
            return cls(rule, code, items)
        if typed:
            shared: tuple[object, ...] = (cls, rule, code, items, *[type(v) for _, v in items])
        else:
            shared = (cls, rule, code, items)
        found = _SHARED.get(shared)
        if found is None:
            return keep(_SHARED, shared, cls(rule, code, items), _SHARED_MAX)
        return found

    @property
    def _zh(self) -> str:
        """The Chinese line, rendered once: a reason shared by many results (one report
        schedule per grade and day…) is rendered once for all of them."""
        line = self._zh_line
        if line is None:
            line = f"[{self.rule}] {_render(self.code, self.facts, 'zh')}"
            _set_zh(self, line)
        return line

    @property
    def _en(self) -> str:
        """The English line, rendered once."""
        line = self._en_line
        if line is None:
            line = f"[{self.rule}] {_render(self.code, self.facts, 'en')}"
            _set_en(self, line)
        return line

    def fact(self, name: str) -> _Fact:
        """The value of one fact.

        Raises:
            InputError: if the reason has no such fact.
        """
        for key, value in self.facts:
            if key == name:
                return value
        raise InputError("name", name, f"one of {[k for k, _ in self.facts]}")

    def to_data(self, lang: Lang | None = None) -> dict[str, object]:
        """The reason as JSON-safe data: ``{"rule", "code", "facts"}`` and, with ``lang``, the
        rendered ``"text"``. Decimals, dates and enum members are tagged so that
        :meth:`from_data` reads them back exactly: ``{"decimal": "800000"}``,
        ``{"date": "2026-01-01"}``, ``{"datetime": "…+08:00", "zone": "Asia/Shanghai", "fold": 0}``,
        ``{"enum": "Grade", "value": "A"}``,
        ``{"label": ["重点客户", "key customer"]}``; a tuple is a list.

        Raises:
            InputError: for a fact of a type outside the list above.
        """
        data: dict[str, object] = {
            "rule": self.rule,
            "code": str(self.code),
            "facts": {
                name: value if type(value) in _AS_IS else _encode(value, name)
                for name, value in self.facts
            },
        }
        if lang is not None:
            data["text"] = render_reason(self, lang)
        return data

    @classmethod
    def from_data(cls, data: object) -> Reason:
        """Read a reason written by :meth:`to_data` (a ``"text"`` key is ignored).

        Raises:
            InputError: listing every problem with its path.
        """
        if not isinstance(data, Mapping):
            raise InputError("reason", data, "a mapping with rule, code and facts")
        problems: list[Problem] = []
        rule, code, facts = data.get("rule"), data.get("code"), data.get("facts", {})
        if not isinstance(rule, str) or not rule:
            problems.append(Problem.mismatch("rule", rule, "a catalogue ID such as 'G2'"))
        if not isinstance(code, str) or not code:
            problems.append(Problem.mismatch("code", code, "a message code such as 'G2.contract'"))
        decoded: list[tuple[str, _Fact]] = []
        if not isinstance(facts, Mapping):
            problems.append(Problem.mismatch("facts", facts, "a mapping of fact names to values"))
        else:
            for name, value in facts.items():
                try:
                    decoded.append((str(name), _decode(value, f"facts.{name}", 0)))
                except InputError as exc:
                    problems.extend(exc.problems)
        extra = set(data) - {"rule", "code", "facts", "text"}
        problems.extend(
            Problem(str(k), "unknown key; expected rule, code, facts, text") for k in extra
        )
        if problems:
            raise InputError.of(problems)
        return cls(str(rule), _CODES.get(str(code), str(code)), tuple(decoded))


_set_zh = cast(Any, Reason).__dict__["_zh_line"].__set__
_set_en = cast(Any, Reason).__dict__["_en_line"].__set__
"""The rendered lines' slots' own setters: they store past the frozen ``__setattr__``."""

_SHAREABLE: frozenset[type] = frozenset({str, int, dt.date, type(None)})
"""Fact types whose equal values read the same (``bool`` is not one: ``True == 1``)."""


_SHARE, _TYPED, _MEMBERS, _NEVER = "share", "typed", "members", "never"
"""How :meth:`Reason.of` keys a fact of a type: by value; by type and value (a yes/no); by
value if it is a tuple of labelled-enum members; never shared (an amount, anything else)."""
_HOW: dict[type, str] = dict.fromkeys(_SHAREABLE, _SHARE) | {bool: _TYPED, Decimal: _NEVER}
""":func:`_how` of each type met so far (types are few: decided once per type)."""
_MEMBER_KINDS: set[type] = set()
"""The labelled-enum classes met so far inside a tuple fact."""


def _how(kind: type) -> str:
    """How :meth:`Reason.of` keys a fact of type ``kind`` (not in :data:`_HOW` yet)."""
    if issubclass(kind, LabelledEnum):
        return _SHARE
    if issubclass(kind, tuple):
        return _MEMBERS
    return _NEVER


def _all_members(value: tuple[object, ...]) -> bool:
    """Whether every item of ``value`` is a labelled-enum member."""
    for item in value:
        kind = type(item)
        if kind not in _MEMBER_KINDS:
            if not isinstance(item, LabelledEnum):
                return False
            _MEMBER_KINDS.add(kind)
    return True


_SHARED: dict[tuple[object, ...], Reason] = {}
"""Reasons by their facts (:meth:`Reason.of`); each holds its facts, so an id in a key is not
reused while its entry lives. Bounded: emptied when full."""
_SHARED_MAX = 4096


def _encode(value: object, path: str) -> object:
    """A fact as tagged data (:meth:`Reason.to_data`); ``path`` names it in an error (the
    fact's name, ``roles[1]`` for an item)."""
    kind = type(value)
    if kind is Decimal:
        return {"decimal": str(value)}
    if kind in _LABELLED:
        return {"enum": kind.__name__, "value": value._value_}  # type: ignore[attr-defined]
    if kind is dt.date:
        return {"date": value.isoformat()}  # type: ignore[attr-defined]
    if value is None or isinstance(value, bool | str) or kind is int:
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dt.datetime):
        zone = getattr(value.tzinfo, "key", None)  # a ZoneInfo: keep the zone, not only the offset
        if isinstance(zone, str):  # its wall clock and fold too, exact even in a DST gap or fold
            return {"datetime": value.isoformat(), "zone": zone, "fold": value.fold}
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, LabelledEnum):
        _LABELLED.add(kind)
        return {"enum": kind.__name__, "value": value._value_}
    if isinstance(value, Label):
        return {"label": [value.zh, value.en]}
    if isinstance(value, tuple):
        return [_encode(item, f"{path}[{i}]") for i, item in enumerate(value)]
    raise InputError(
        f"facts.{path}",
        value,
        "None, bool, int, str, Decimal, date, datetime, a labelled enum, a Label",
    )


_AS_IS = frozenset({type(None), bool, str, int})
"""Fact types written as they are."""
_LABELLED: set[type] = set()
"""The labelled-enum classes met so far, written without the checks above them."""

_MAX_DEPTH = 8


def _decode(value: object, path: str, depth: int) -> _Fact:
    if value is None or isinstance(value, bool | str) or type(value) is int:
        return value
    if isinstance(value, list) and depth < _MAX_DEPTH:
        return tuple(_decode(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))
    if isinstance(value, Mapping) and len(value) in (1, 2, 3):
        try:
            return _decode_tagged(value)
        except (ValueError, ArithmeticError, TypeError, KeyError, zoneinfo.ZoneInfoNotFoundError):
            pass
    raise InputError(path, value, "a fact written by Reason.to_data")


def _decode_tagged(value: Mapping[Any, Any]) -> _Fact:
    keys = set(value)
    if keys == {"decimal"} and isinstance(value["decimal"], str) and len(value["decimal"]) < 60:
        number = Decimal(value["decimal"])
        if number.is_finite():
            return number
    if keys == {"date"} and isinstance(value["date"], str) and len(value["date"]) == 10:
        return dt.date.fromisoformat(value["date"])
    if keys in ({"datetime"}, {"datetime", "zone", "fold"}) and isinstance(value["datetime"], str):
        moment = dt.datetime.fromisoformat(value["datetime"][:40])
        zone, fold = value.get("zone"), value.get("fold", 0)
        if moment.tzinfo is not None and zone is None:
            return moment
        if (
            moment.tzinfo is not None
            and isinstance(zone, str)
            and len(zone) < 60
            and fold in (0, 1)
        ):
            return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=fold)
    if keys == {"enum", "value"}:
        return labelled_enum(value["enum"])(value["value"])
    if keys == {"label"} and isinstance(value["label"], list) and len(value["label"]) == 2:
        return Label(*value["label"])
    raise ValueError("not a tagged fact")


class Explained(Protocol):
    """Anything with reasons: every result class of the library."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons of the decision."""
        ...


def find_reason(result: Explained, code: str) -> Reason | None:
    """The first reason of ``result`` with message code ``code``, or ``None``.

    Results select their reasons by code, never by position: ``find_reason(r, "G2.total")``.
    """
    reasons = getattr(result, "reasons", None)
    if not isinstance(reasons, tuple | list):
        raise InputError("result", result, "a result of the library (anything with reasons)")
    for reason in reasons:
        if isinstance(reason, Reason) and reason.code == code:
            return reason
    return None


# --------------------------------------------------------------------------- rendering

_BIG = 10**18
_LONGEST = len(f"{_BIG:,}")
"""A shorter amount text is under 10**18 in size: the quick path of :func:`_render_value`."""


def _render_value(value: object, lang: Lang) -> str:
    kind = type(value)
    if kind is str and "\n" not in value and "\r" not in value:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    if kind is int and -_BIG < value < _BIG:  # type: ignore[operator]
        return str(value)
    if kind is dt.date:
        return cast(dt.date, value).isoformat()
    if kind is Decimal:  # an amount as it is written, when that needs no exponent
        text = f"{value:,}"
        if "E" not in text and len(text) < _LONGEST:
            return text
    else:
        label = label_of(value, lang)  # a labelled-enum member or a Label
        if label is not None:
            return label
    if isinstance(value, Decimal):
        if not value.is_finite() or (value.adjusted() >= 18 and not value.is_zero()):  # ≥ 10**18
            return f"{value:.6E}" if value.is_finite() else str(value)
        return f"{value:,f}" if value == value.to_integral_value() else f"{value:,}"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        sep = "、" if lang == "zh" else ", "
        return sep.join(_render_value(v, lang) for v in value)
    if value is None:
        return "—"
    if isinstance(value, str):
        return " ".join(value.splitlines()) if "\n" in value or "\r" in value else value
    if isinstance(value, int) and abs(value) >= _BIG:
        return "a very large number" if lang == "en" else "极大的数"
    return str(value)


def render_message(code: str, lang: Lang = "zh", /, **facts: object) -> str:
    """Render a registered message code in ``lang`` with ``facts``.

    A fact the template names but the caller did not give renders as ``—``; an unregistered
    code renders as ``code: name=value, …``. Never raises for the facts' values.

    Raises:
        InputError: for an unsupported language.
    """
    _check_lang(lang)
    return _render(code, facts.items(), lang)


def _render(code: object, facts: Iterable[tuple[str, object]], lang: Lang) -> str:
    """:func:`render_message` on a checked ``lang``: the one place a template is filled."""
    values = {}
    for name, value in facts:  # a loop, not a comprehension: no frame of its own per line
        values[name] = _render_value(value, lang)
    template = _BY_LANG[lang].get(code) if isinstance(code, str) else None
    if template is None:
        name = code if isinstance(code, str) else str(shown(code))
        body = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"{name}: {body}" if body else name
    try:
        return template.format_map(values)
    except KeyError:  # a fact the template names but the caller did not give
        return template.format_map(_Missing(values))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "—"


def render_reason(reason: Reason, lang: Lang = "zh") -> str:
    """Render one reason as ``[ID] sentence``.

    Raises:
        InputError: for a language other than ``"zh"`` or ``"en"``, or something not a Reason.
    """
    if type(reason) is Reason:  # the usual call: no check beyond these
        if lang == "zh":
            return reason._zh_line or reason._zh
        if lang == "en":
            return reason._en_line or reason._en
    _check_lang(lang)
    if not isinstance(reason, Reason):
        raise InputError("reason", reason, "a Reason")
    return reason._en if lang == "en" else reason._zh


def explain(result: Explained | Iterable[Reason], lang: Lang = "zh") -> str:
    """Render a result's reasons for a person, one line per reason.

    Args:
        result: any result of the library (or a sequence of reasons).
        lang: ``"zh"`` (default) or ``"en"``.

    Returns:
        The reasons, one per line, each prefixed with the catalogue ID that decided it.

    Raises:
        InputError: for an unsupported language or something without reasons.
    """
    if lang != "zh":
        _check_lang(lang)
    reasons = getattr(result, "reasons", result)
    if type(reasons) is not tuple and not isinstance(reasons, tuple | list):
        raise InputError("result", result, "a result of the library (anything with reasons)")
    try:  # every item is a Reason (checked below only when one is not)
        if lang == "en":
            return "\n".join([r._en_line or r._en for r in reasons])
        return "\n".join([r._zh_line or r._zh for r in reasons])
    except (AttributeError, TypeError):
        for r in reasons:
            if not isinstance(r, Reason):
                raise InputError("reason", r, "a Reason") from None
        raise
