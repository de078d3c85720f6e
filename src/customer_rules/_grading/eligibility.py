"""Placeholder: being written."""

from __future__ import annotations

import attrs

__all__ = ["EligibilityPolicy"]


@attrs.frozen
class EligibilityPolicy:
    """Placeholder."""
