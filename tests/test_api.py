"""The public API as a visible contract.

Each public module's ``__all__`` is a literal list, compared here with a literal list: an API
change is a visible diff of this file. Each ``__all__`` is also exactly the module's public names,
so nothing public escapes the list.
"""

from __future__ import annotations

import importlib
import types

import pytest

import customer_rules

API: dict[str, list[str]] = {
    "customer_rules.allocation": [
        "AllocationPolicy",
        "AllocationReason",
        "Lead",
        "PersonStatus",
        "Salesperson",
    ],
    "customer_rules": [
        "Approval",
        "CALENDAR_DAYS",
        "Calendar",
        "CalendarCoverageError",
        "CalendarDays",
        "Customer",
        "CustomerCategory",
        "CustomerGrade",
        "CustomerRulesError",
        "Deadline",
        "DeadlineMode",
        "Grade",
        "GradingPolicy",
        "InputError",
        "PolicyBook",
        "PolicyError",
        "Problem",
        "Reason",
        "Role",
        "SHANGHAI",
        "WAN",
        "WorkingDayCalendar",
        "YI",
        "__version__",
        "dump_book",
        "explain",
        "grade_customer",
        "load_book",
        "parse_amount",
        "read_book",
    ],
    "customer_rules.archives": [
        "ArchivesPolicy",
        "ArchivesReason",
    ],
    "customer_rules.book": [
        "MAX_BOOKS",
        "PolicyBook",
        "PolicyHistory",
        "SEED_EFFECTIVE",
        "chapters",
    ],
    "customer_rules.calendars": [
        "CALENDAR_DAYS",
        "Calendar",
        "CalendarDays",
        "CalendarTable",
        "CalendarYear",
        "Deadline",
        "DeadlineMode",
        "Weekday",
        "WorkingDayCalendar",
    ],
    "customer_rules.cli": [
        "main",
    ],
    "customer_rules.cli.calendar": [
        "CalendarText",
        "register",
    ],
    "customer_rules.cli.grade": [
        "CSV_COLUMNS",
        "GradeText",
        "register",
    ],
    "customer_rules.cli.policy": [
        "PolicyText",
        "register",
    ],
    "customer_rules.cn_calendar": [
        "china_working_days",
    ],
    "customer_rules.config": [
        "Format",
        "dump_book",
        "dump_history",
        "load_book",
        "load_history",
        "read_book",
        "read_history",
        "structure_book",
        "structure_history",
    ],
    "customer_rules.credit": [
        "CNY",
        "CreditPolicy",
        "CreditReason",
        "Receivable",
    ],
    "customer_rules.dates": [
        "EARLIEST",
        "LATEST",
        "SHANGHAI",
        "add_months",
        "month_end",
        "parse_date",
        "require_aware",
        "require_date",
    ],
    "customer_rules.errors": [
        "CalendarCoverageError",
        "CustomerRulesError",
        "InputError",
        "PolicyError",
        "Problem",
        "shown",
    ],
    "customer_rules.grading": [
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
        "EXIT",
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
        "INFLUENCE_ASSESSMENT",
        "Indicator",
        "KEY_CUSTOMER",
        "KeyCustomerResult",
        "Lever",
        "NewCustomerFrom",
        "Op",
        "PremiumIndicator",
        "PriceLevel",
        "PurchaseFrequency",
        "REGRADE",
        "RULES_REVIEW",
        "ReceivablesIndicator",
        "RegradeResult",
        "RegradingPolicy",
        "ReportSchedule",
        "ReportingPolicy",
        "RevisitMode",
        "RulesReview",
        "SCHEMES",
        "ScorecardFacts",
        "ScorecardPolicy",
        "ScorecardResult",
        "ServiceBenefit",
        "ServiceTier",
        "ServiceTierPolicy",
        "ServiceTierResult",
        "StrategicInfluence",
        "TIER_PRESETS",
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
    ],
    "customer_rules.interchange": [
        "converter",
        "from_data",
        "to_data",
    ],
    "customer_rules.labels": [
        "Label",
        "LabelledEnum",
        "Lang",
        "LookupEnumType",
        "label_of",
        "labelled_enum",
        "labelled_enums",
        "set_labels",
    ],
    "customer_rules.money": [
        "MAX_AMOUNT",
        "WAN",
        "YI",
        "parse_amount",
        "parse_decimal",
    ],
    "customer_rules.reasons": [
        "Explained",
        "Lang",
        "MessageCode",
        "Reason",
        "explain",
        "find_reason",
        "register_codes",
        "registered_codes",
        "render_message",
        "render_reason",
        "template_of",
    ],
    "customer_rules.roles": [
        "Approval",
        "ApprovalStatus",
        "Role",
        "approval_status",
        "in_rank_order",
    ],
    "customer_rules.rows": [
        "ColumnMap",
        "RowError",
        "RowReader",
        "RowResult",
        "parse_rows",
        "read_rows",
    ],
    "customer_rules.service": [
        "ServicePolicy",
        "ServiceReason",
    ],
    "customer_rules.settings": [
        "Check",
        "Mark",
        "Setting",
        "SettingInfo",
        "Unit",
        "ascending",
        "descending",
        "from_mapping",
        "is_policy",
        "plain",
        "policy",
        "setting",
        "settings_of",
    ],
    "customer_rules.testing": [
        "amounts",
        "approvals",
        "aware_datetimes",
        "customers",
        "days",
        "grading_policies",
        "influence_assessments",
        "malformed_values",
        "percentages",
        "policies",
        "policy_books",
        "scorecard_facts",
    ],
    "customer_rules.workflow": [
        "Case",
        "Event",
        "EventRecord",
        "State",
        "Step",
        "StepOutcome",
        "Transition",
        "WorkflowReason",
        "WorkflowTable",
        "apply",
        "replay",
        "start",
    ],
}


# modules that re-export on purpose
FACADES = {
    "customer_rules",
    "customer_rules.allocation",
    "customer_rules.archives",
    "customer_rules.credit",
    "customer_rules.grading",
    "customer_rules.service",
}


def _public_names(module: types.ModuleType) -> set[str]:
    """Names a reader would take for public: not underscored, not modules, defined here
    (or, for a facade, anything it imports from the package)."""
    names = set()
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, types.ModuleType) or name == "annotations":
            continue
        if isinstance(value, type | types.FunctionType):
            owner = value.__module__
            defined_here = owner == module.__name__
            if not defined_here and not (
                module.__name__ in FACADES and owner.startswith("customer_rules")
            ):
                continue
        elif type(value).__module__ == "typing":
            continue  # typing helpers imported for annotations
        names.add(name)
    return names


@pytest.mark.parametrize("name", sorted(API))
def test_all_is_the_literal_list(name: str) -> None:
    module = importlib.import_module(name)
    assert sorted(module.__all__) == API[name]
    assert len(set(module.__all__)) == len(module.__all__), "duplicates in __all__"


@pytest.mark.parametrize("name", sorted(API))
def test_all_is_exactly_the_public_names(name: str) -> None:
    module = importlib.import_module(name)
    assert all(hasattr(module, n) for n in module.__all__)
    assert _public_names(module) - set(module.__all__) == set()


def test_all_is_written_literally() -> None:
    """No ``__all__ +=`` or star imports: the list in the source is the API."""
    import pathlib

    root = pathlib.Path(customer_rules.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "__all__ +=" not in text, path
        assert "import *" not in text, path


def test_the_package_root_exports_no_new_chapter() -> None:
    """The root keeps the names it exported at 0.1.0 and adds only shared vocabulary."""
    assert {"Customer", "CustomerGrade", "Grade", "GradingPolicy", "grade_customer"} <= set(
        customer_rules.__all__
    )


def test_version() -> None:
    assert customer_rules.__version__.count(".") == 2
