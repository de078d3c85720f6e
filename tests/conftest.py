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


if os.environ.get("MUTANT_UNDER_TEST"):  # a mutmut run (tools/mutate.py)
    import pytest

    from customer_rules._bounded import forget_all

    @pytest.fixture(autouse=True)
    def _work_everything_out_afresh() -> None:
        """mutmut forks each mutant's test process from one that has already run the suite, so
        the library's shared tables (:func:`customer_rules._bounded.keep`) would hand a mutant
        answers worked out by the unmutated code; emptied before each test, every answer a test
        reads is worked out by the code under test."""
        forget_all()
