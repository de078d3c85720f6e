"""The seed book as a host reads and stores it, pinned: ``docs/seed-book.toml``.

Every chapter's workflow tables (their state and event names are the keys a host stores in its
event records), access rules, ladders, labels and seed values are in the dumped book. A change to
any of them changes what hosts have stored or been shown, so it must be a deliberate edit of the
reference file, reviewed as such — not a side effect. Regenerate after a deliberate change with::

    customer-rules policy show > docs/seed-book.toml
"""

from __future__ import annotations

import difflib
from pathlib import Path

from customer_rules import PolicyBook, dump_book, load_book

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "seed-book.toml"


def test_the_seed_book_dumps_to_the_reference_file() -> None:
    reference = REFERENCE.read_text(encoding="utf-8")
    dumped = dump_book(PolicyBook())
    diff = list(
        difflib.unified_diff(
            reference.splitlines(), dumped.splitlines(), "docs/seed-book.toml", "seed", n=1
        )
    )
    assert not diff, "the seed book changed:\n" + "\n".join(diff[:60])


def test_the_reference_file_loads_back_to_the_seed_book() -> None:
    assert load_book(REFERENCE.read_text(encoding="utf-8")) == PolicyBook()
