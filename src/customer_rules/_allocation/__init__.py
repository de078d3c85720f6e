"""The allocation chapter (A1–A17), one private module per rule; the public face is
:mod:`customer_rules.allocation`."""
