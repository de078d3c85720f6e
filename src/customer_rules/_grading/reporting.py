"""Placeholder: being written."""

from __future__ import annotations

import attrs

__all__ = ["ReportingPolicy"]


@attrs.frozen
class ReportingPolicy:
    """Placeholder."""
