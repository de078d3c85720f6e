"""The service chapter (S1–S7), one private module per rule; the public face is
:mod:`customer_rules.service`."""
