"""Placeholder: being written."""

from __future__ import annotations

import attrs

__all__ = ["RegradingPolicy"]


@attrs.frozen
class RegradingPolicy:
    """Placeholder."""
