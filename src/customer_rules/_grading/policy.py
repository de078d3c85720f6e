"""The grading chapter's policy: every G parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules._grading.deal_size import DealSizePolicy
from customer_rules._grading.eligibility import EligibilityPolicy
from customer_rules._grading.regrading import RegradingPolicy
from customer_rules._grading.reporting import ReportingPolicy
from customer_rules._grading.scorecard import ScorecardPolicy
from customer_rules._grading.service_tier import ServiceTierPolicy
from customer_rules.settings import Unit, policy, setting

__all__ = ["GradingPolicy"]

SEED_VERSION = "seed"
"""The version label of the seed's own values (and only of them)."""


@policy
class GradingPolicy:
    """Every parameter of the grading chapter (G1–G6); ``GradingPolicy()`` is the seed as written.

    G7's classification schemes are presets in code (:data:`customer_rules.grading.SCHEMES`), not
    parameters.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it. A
            :class:`~customer_rules.book.PolicyBook` stamps its own version here (it is not a
            setting of its own: a policy file writes the version once, at the top); a book
            whose values differ from the seed's and that carries no label of its own stamps one
            derived from what differs (``"custom-1a2b3c4d"``, see
            :class:`~customer_rules.book.PolicyBook`). A policy built alone keeps the label it
            is given.
        effective: the day the policy takes effect; ``None`` (the default) for a policy that
            applies to any day (the seed book's, and a policy built alone). A book stamps its
            effective date here as it stamps its version; a rule refuses a day before it.
        deal_size: G1.
        scorecard: G2.
        eligibility: G3.
        service: G4.
        reporting: G5.
        regrading: G6.
    """

    version: str = attrs.field(default=SEED_VERSION)
    effective: dt.date | None = attrs.field(default=None)
    deal_size: DealSizePolicy = setting(
        default=DealSizePolicy(), unit=Unit.TABLE, source="G1; 001 §客户资源分配管理制度 3.1.1"
    )
    scorecard: ScorecardPolicy = setting(
        default=ScorecardPolicy(), unit=Unit.TABLE, source="G2; 003 §客户管理办法 6.1.1-3"
    )
    eligibility: EligibilityPolicy = setting(
        default=EligibilityPolicy(),
        unit=Unit.TABLE,
        source="G3; 003 §6.1.1-3, §公司大客户管理制度 (2nd)",
    )
    service: ServiceTierPolicy = setting(
        default=ServiceTierPolicy(), unit=Unit.TABLE, source="G4; 003 §6.1.2"
    )
    reporting: ReportingPolicy = setting(
        default=ReportingPolicy(), unit=Unit.TABLE, source="G5; 003 §6.1.1-2, 4, 5, 6"
    )
    regrading: RegradingPolicy = setting(
        default=RegradingPolicy(), unit=Unit.TABLE, source="G6; 003 §6.1.2-3"
    )
