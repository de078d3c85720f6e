"""Private: the one way the library reads a file it ships in ``customer_rules/data`` — the
samples every command runs on without arguments."""

from __future__ import annotations

from importlib import resources

__all__ = ["shipped_text"]


def shipped_text(name: str) -> str:
    """The text of the shipped file ``data/<name>``, read as UTF-8 (a byte-order mark
    dropped) whatever the host's locale encoding."""
    return resources.files("customer_rules").joinpath("data", name).read_text(encoding="utf-8-sig")
