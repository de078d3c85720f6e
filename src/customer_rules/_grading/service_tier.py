"""Placeholder: being written."""

from __future__ import annotations

import attrs

__all__ = ["ServiceTierPolicy"]


@attrs.frozen
class ServiceTierPolicy:
    """Placeholder."""
