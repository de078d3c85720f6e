"""Test configuration: Hypothesis profiles.

``fast`` (the local default) runs 50 examples per property; ``thorough`` runs 1,000 and is what
CI selects (``HYPOTHESIS_PROFILE=thorough``, or any environment with ``CI`` set).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "thorough" if os.environ.get("CI") else "fast")
)
