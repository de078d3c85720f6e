"""``python -m customer_rules``: the command line (see :mod:`customer_rules.cli`)."""

from customer_rules.cli import main

__all__: list[str] = []

raise SystemExit(main())
