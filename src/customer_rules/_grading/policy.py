"""The grading chapter's policy: every G parameter, defaulted to the seed."""

from __future__ import annotations

import attrs

from customer_rules._grading.deal_size import DealSizePolicy
from customer_rules._grading.eligibility import EligibilityPolicy
from customer_rules._grading.regrading import RegradingPolicy
from customer_rules._grading.reporting import ReportingPolicy
from customer_rules._grading.scorecard import ScorecardPolicy
from customer_rules._grading.service_tier import ServiceTierPolicy

__all__ = ["GradingPolicy"]


@attrs.frozen
class GradingPolicy:
    """Every parameter of the grading chapter (G1–G6); ``GradingPolicy()`` is the seed as written.

    G7's classification schemes are presets in code (:data:`customer_rules.grading.SCHEMES`), not
    parameters.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it. A
            :class:`~customer_rules.config.PolicyBook` stamps its own version here.
        deal_size: G1.
        scorecard: G2.
        eligibility: G3.
        service: G4.
        reporting: G5.
        regrading: G6.
    """

    version: str = "seed"
    deal_size: DealSizePolicy = DealSizePolicy()
    scorecard: ScorecardPolicy = ScorecardPolicy()
    eligibility: EligibilityPolicy = EligibilityPolicy()
    service: ServiceTierPolicy = ServiceTierPolicy()
    reporting: ReportingPolicy = ReportingPolicy()
    regrading: RegradingPolicy = RegradingPolicy()
