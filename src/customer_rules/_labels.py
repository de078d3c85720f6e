"""Private: enums whose members carry a Chinese and an English label."""

from __future__ import annotations

import enum
from collections.abc import Mapping


class LabelledEnum(enum.Enum):
    """An enum whose members have ``zh`` and ``en`` labels, registered with :func:`set_labels`.

    :func:`customer_rules.reasons.explain` renders an enum value with the label of the language
    asked for.
    """

    @property
    def zh(self) -> str:
        """The Chinese term (the regulations' own where they have one)."""
        return _LABELS[self][0]

    @property
    def en(self) -> str:
        """An English label."""
        return _LABELS[self][1]


_LABELS: dict[LabelledEnum, tuple[str, str]] = {}


def set_labels(labels: Mapping[LabelledEnum, tuple[str, str]]) -> None:
    """Register ``member → (zh, en)``; every member of an enum must be registered."""
    _LABELS.update(labels)
