"""customer_rules: a company's customer-management regulations as executable, explainable rules."""

__version__ = "0.1.0"
