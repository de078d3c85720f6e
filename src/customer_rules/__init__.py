"""customer_rules: a company's customer-management regulations as executable, explainable rules.

The package root re-exports the shared vocabulary; each chapter lives in its own module
(:mod:`customer_rules.grading` for G1–G7). Every rule is a pure function of facts, a policy and
"now"; every result carries the reasons that decided it (:func:`explain`).
"""

from customer_rules.book import PolicyBook
from customer_rules.calendars import (
    CALENDAR_DAYS,
    Calendar,
    CalendarDays,
    Deadline,
    DeadlineMode,
    WorkingDayCalendar,
)
from customer_rules.config import dump_book, load_book, read_book
from customer_rules.dates import SHANGHAI
from customer_rules.errors import (
    CalendarCoverageError,
    CustomerRulesError,
    InputError,
    PolicyError,
    Problem,
)
from customer_rules.grading import (
    Customer,
    CustomerCategory,
    CustomerGrade,
    Grade,
    GradingPolicy,
    grade_customer,
)
from customer_rules.money import WAN, YI, parse_amount
from customer_rules.reasons import Reason, explain
from customer_rules.roles import Approval, Role

__version__ = "0.1.0"

__all__ = [
    "CALENDAR_DAYS",
    "SHANGHAI",
    "WAN",
    "YI",
    "Approval",
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
    "WorkingDayCalendar",
    "__version__",
    "dump_book",
    "explain",
    "grade_customer",
    "load_book",
    "parse_amount",
    "read_book",
]
