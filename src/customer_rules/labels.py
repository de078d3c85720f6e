"""Labels: the one mechanism that gives a value a Chinese and an English name.

* :class:`Label` — a ``(zh, en)`` pair, a value of its own (a G7 tier's name, a scheme's title).
* :class:`LabelledEnum` — an enum whose members carry a :class:`Label`, registered once per enum
  with :func:`set_labels`; every member must be labelled (a test checks every enum of the
  package).

:func:`customer_rules.reasons.explain` renders both in the language asked for, and the command
line uses the same labels for its columns. Every labelled enum is also registered by name
(:func:`labelled_enum`) so that a reason's facts can be written as plain data and read back.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from customer_rules.errors import InputError, PolicyError, Problem

__all__ = [
    "Label",
    "LabelledEnum",
    "Lang",
    "LookupEnumType",
    "label_of",
    "labelled_enum",
    "labelled_enums",
    "set_labels",
]

Lang = Literal["zh", "en"]
"""A language the library renders: ``"zh"`` (the regulations' own) or ``"en"``."""


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(attribute.name, value, "a non-empty text")


@attrs.frozen
class Label:
    """A name in both languages.

    Example:
        >>> Label("重点客户", "key customer").en
        'key customer'
    """

    zh: str = attrs.field(validator=_text)
    en: str = attrs.field(validator=_text)

    def __call__(self, lang: Lang) -> str:
        """The name in ``lang``."""
        return self.en if lang == "en" else self.zh


class LookupEnumType(enum.EnumType):
    """The metaclass of the library's enums: looking a member up by value (``Grade("A")``)
    refuses anything that is not a value with an :class:`~customer_rules.errors.InputError`
    naming the enum — never a raw ``ValueError`` or ``TypeError``."""

    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # the functional API: Enum("Name", ["A", "B"])
            return super().__call__(value, *args, **kwargs)
        try:
            return super().__call__(value)
        except InputError:
            raise
        except (ValueError, TypeError, ArithmeticError):
            choices = ", ".join(repr(m.value) for m in cls)  # type: ignore[var-annotated]
            raise InputError(
                cls.__name__, value, f"one of {choices}" if choices else "a member"
            ) from None


class LabelledEnum(enum.Enum, metaclass=LookupEnumType):
    """An enum whose members have ``zh`` and ``en`` labels, registered with :func:`set_labels`.

    Subclasses are registered by class name (:func:`labelled_enum`); two labelled enums may not
    share a name.
    """

    __hash__ = object.__hash__
    """Members are singletons compared by identity, so the identity hash agrees with ``==``;
    ``Enum``'s own hashes the member's name in Python, and members are dictionary keys on
    every hot path (labels, policy tables, reason rendering)."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__name__ in _ENUMS and _ENUMS[cls.__name__] is not cls:
            raise PolicyError([Problem(cls.__name__, "a labelled enum of this name exists")])
        _ENUMS[cls.__name__] = cls

    @property
    def label(self) -> Label:
        """Both labels."""
        return _LABELS[self]

    @property
    def zh(self) -> str:
        """The Chinese term (the regulations' own where they have one)."""
        return _LABELS[self].zh

    @property
    def en(self) -> str:
        """An English label."""
        return _LABELS[self].en


_LABELS: dict[LabelledEnum, Label] = {}
_TEXTS: dict[str, dict[LabelledEnum, str]] = {"zh": {}, "en": {}}
"""The labels of :data:`_LABELS` by language, for rendering."""
_ENUMS: dict[str, type[LabelledEnum]] = {}


def set_labels(labels: Mapping[LabelledEnum, tuple[str, str]]) -> None:
    """Register ``member → (zh, en)`` for the members of one or more labelled enums.

    Raises:
        PolicyError: for a key that is not a labelled enum member or an empty label.
    """
    problems: list[Problem] = []
    for member, (zh, en) in labels.items():
        if not isinstance(member, LabelledEnum):
            problems.append(Problem.mismatch("labels", member, "LabelledEnum members"))
            continue
        try:
            _LABELS[member] = Label(zh, en)
            _TEXTS["zh"][member], _TEXTS["en"][member] = zh, en
        except InputError as exc:
            problems.extend(p.at(f"{type(member).__name__}.{member.name}") for p in exc.problems)
    if problems:
        raise PolicyError(problems)


def label_of(value: object, lang: Lang) -> str | None:
    """The label of a :class:`LabelledEnum` member or a :class:`Label` in ``lang``; ``None`` for
    anything else."""
    if isinstance(value, LabelledEnum):
        return _TEXTS["en" if lang == "en" else "zh"].get(value)
    if isinstance(value, Label):
        return value(lang)
    return None


def labelled_enum(name: str) -> type[LabelledEnum]:
    """The labelled enum registered under ``name``.

    Raises:
        InputError: for an unknown name.
    """
    found = _ENUMS.get(name) if isinstance(name, str) else None
    if found is None:
        raise InputError("enum", name, f"one of {', '.join(sorted(_ENUMS))}")
    return found


def labelled_enums() -> tuple[type[LabelledEnum], ...]:
    """Every labelled enum registered so far, by name."""
    return tuple(_ENUMS[name] for name in sorted(_ENUMS))
