"""The credit chapter (C1–C11), one private module per rule; the public face is
:mod:`customer_rules.credit`."""
