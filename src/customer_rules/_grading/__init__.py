"""Private implementation of :mod:`customer_rules.grading` (G1–G7)."""
