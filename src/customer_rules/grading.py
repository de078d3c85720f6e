"""Grading and classification — catalogue chapter G (G1–G7).

The public face of the grading chapter; the implementation lives in private modules, one per
rule:

* G1 :func:`deal_size_type` — deal-size type A/B/C/D by expected deal amount;
* G2 :func:`score` — the four-indicator scorecard, with what-if analysis; :func:`contract_window`
  — the days whose contract amount it scores;
* G3 :func:`classify_category`, :func:`check_eligibility`, :func:`big_customer_level`,
  :func:`designate_key_customer` — category, eligibility, the new-customer rule;
* G4 :func:`service_tier` — service tier and next revisit;
* G5 :func:`report_schedule`, :func:`weekly_report_due`, :func:`emergency_report`;
* G6 :func:`regrade`, :func:`next_regrade_review`, :func:`exit_big_customer`,
  :func:`rules_review_due`;
* G7 :func:`classify` with the :data:`SCHEMES` presets;

and the main job, :func:`grade_customer`, which runs G3 → G2 → G4 → G5 (→ G6) for one customer.
``GradingPolicy()`` holds every parameter at the seed's value; :class:`GradingReason` lists every
reason code of the chapter.
"""

from customer_rules._grading.codes import (
    GradingReason,
)
from customer_rules._grading.customer import (
    Customer,
    CustomerGrade,
    GradeWhatIf,
    WhatIfCase,
    grade_customer,
)
from customer_rules._grading.deal_size import (
    DealSizePolicy,
    DealSizeResult,
    deal_size_type,
)
from customer_rules._grading.eligibility import (
    KEY_CUSTOMER,
    BigCustomerCriterion,
    BigCustomerFacts,
    BigCustomerLevel,
    BigCustomerLevelResult,
    BigCustomerProfile,
    CategoryResult,
    CriteriaMode,
    EligibilityPolicy,
    EligibilityResult,
    KeyCustomerResult,
    NewCustomerFrom,
    big_customer_level,
    check_eligibility,
    classify_category,
    designate_key_customer,
)
from customer_rules._grading.model import (
    ArrearsReading,
    CustomerCategory,
    DealSizeType,
    Grade,
    PriceLevel,
    PurchaseFrequency,
    StrategicInfluence,
)
from customer_rules._grading.policy import (
    GradingPolicy,
)
from customer_rules._grading.regrading import (
    EXIT,
    REGRADE,
    RULES_REVIEW,
    ApprovalMatter,
    ExitResult,
    GradeChange,
    RegradeResult,
    RegradingPolicy,
    RulesReview,
    exit_big_customer,
    next_regrade_review,
    regrade,
    rules_review_due,
)
from customer_rules._grading.reporting import (
    EmergencyReport,
    ReportingPolicy,
    ReportSchedule,
    WeeklyReport,
    emergency_report,
    report_schedule,
    weekly_report,
    weekly_report_due,
)
from customer_rules._grading.schemes import (
    SCHEMES,
    Classification,
    Criterion,
    CriterionCheck,
    Op,
    Tier,
    TieredScheme,
    classify,
    scheme,
)
from customer_rules._grading.scorecard import (
    INFLUENCE_ASSESSMENT,
    ContractAmountIndicator,
    ContractPeriod,
    ContractWindow,
    GradeCutoffs,
    Indicator,
    Lever,
    PremiumIndicator,
    ReceivablesIndicator,
    ScorecardFacts,
    ScorecardPolicy,
    ScorecardResult,
    WhatIf,
    contract_window,
    score,
)
from customer_rules._grading.service_tier import (
    TIER_PRESETS,
    RevisitMode,
    ServiceBenefit,
    ServiceTier,
    ServiceTierPolicy,
    ServiceTierResult,
    service_tier,
)

__all__ = [
    "EXIT",
    "INFLUENCE_ASSESSMENT",
    "KEY_CUSTOMER",
    "REGRADE",
    "RULES_REVIEW",
    "SCHEMES",
    "TIER_PRESETS",
    "ApprovalMatter",
    "ArrearsReading",
    "BigCustomerCriterion",
    "BigCustomerFacts",
    "BigCustomerLevel",
    "BigCustomerLevelResult",
    "BigCustomerProfile",
    "CategoryResult",
    "Classification",
    "ContractAmountIndicator",
    "ContractPeriod",
    "ContractWindow",
    "CriteriaMode",
    "Criterion",
    "CriterionCheck",
    "Customer",
    "CustomerCategory",
    "CustomerGrade",
    "DealSizePolicy",
    "DealSizeResult",
    "DealSizeType",
    "EligibilityPolicy",
    "EligibilityResult",
    "EmergencyReport",
    "ExitResult",
    "Grade",
    "GradeChange",
    "GradeCutoffs",
    "GradeWhatIf",
    "GradingPolicy",
    "GradingReason",
    "Indicator",
    "KeyCustomerResult",
    "Lever",
    "NewCustomerFrom",
    "Op",
    "PremiumIndicator",
    "PriceLevel",
    "PurchaseFrequency",
    "ReceivablesIndicator",
    "RegradeResult",
    "RegradingPolicy",
    "ReportSchedule",
    "ReportingPolicy",
    "RevisitMode",
    "RulesReview",
    "ScorecardFacts",
    "ScorecardPolicy",
    "ScorecardResult",
    "ServiceBenefit",
    "ServiceTier",
    "ServiceTierPolicy",
    "ServiceTierResult",
    "StrategicInfluence",
    "Tier",
    "TieredScheme",
    "WeeklyReport",
    "WhatIf",
    "WhatIfCase",
    "big_customer_level",
    "check_eligibility",
    "classify",
    "classify_category",
    "contract_window",
    "deal_size_type",
    "designate_key_customer",
    "emergency_report",
    "exit_big_customer",
    "grade_customer",
    "next_regrade_review",
    "regrade",
    "report_schedule",
    "rules_review_due",
    "scheme",
    "score",
    "service_tier",
    "weekly_report",
    "weekly_report_due",
]
