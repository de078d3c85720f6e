"""The command line: ``customer-rules <command>`` (also ``python -m customer_rules``).

The edge of the library: it reads files and the clock, parses arguments, calls the rules and
renders their results; it decides nothing itself. A small core (``_core``: options, exit codes,
errors, a closed pipe, progress, discovery of the commands; ``_writers``: table, CSV, JSON and
JSON Lines) and one module per chapter — :mod:`customer_rules.cli.grade` (``grade``),
:mod:`customer_rules.cli.policy` (``policy show|validate|dump``) — each defining
``register(commands)``. See ``docs/cli.md``.

Exit codes: 0 — done; 1 — some input rows were rejected (the others are still printed);
2 — a usage error, an unreadable input, a bad policy file, or a date outside the working-day
calendar. A closed pipe (``… | head``) ends quietly with 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from customer_rules.cli import _core

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: the arguments without the program name; ``None`` reads ``sys.argv``.

    Returns:
        The exit code: 0 success, 1 some input rows rejected, 2 usage or configuration error.
    """
    return _core.run(argv)
