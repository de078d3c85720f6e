"""The archives chapter (R1–R12), one private module per rule; the public face is
:mod:`customer_rules.archives`."""
