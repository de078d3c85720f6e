"""Test configuration: Hypothesis profiles, the host time-zone fixture, mutation-run hygiene.

``fast`` (the local default) runs 50 examples per property; ``thorough`` runs 1,000 and is what
CI selects (``HYPOTHESIS_PROFILE=thorough``, or any environment with ``CI`` set).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
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


@pytest.fixture(
    params=["UTC0", "<-10>10", "<+14>-14"], ids=["host-utc", "host-utc-10", "host-utc+14"]
)
def host_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run the test with the host's local time zone set to UTC, UTC−10 and UTC+14 (POSIX ``TZ``
    strings, no tz database needed): a Shanghai morning is the day before in UTC and UTC−10, a
    Shanghai evening from 18:00 the day after in UTC+14 — the rules must read Shanghai's days
    whatever the host's zone."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield request.param
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


if os.environ.get("MUTANT_UNDER_TEST"):  # a mutmut run (tools/mutate.py)
    from customer_rules._bounded import forget_all

    @pytest.fixture(autouse=True)
    def _work_everything_out_afresh() -> None:
        """mutmut forks each mutant's test process from one that has already run the suite, so
        the library's shared tables (:func:`customer_rules._bounded.keep`) would hand a mutant
        answers worked out by the unmutated code; emptied before each test, every answer a test
        reads is worked out by the code under test."""
        forget_all()
