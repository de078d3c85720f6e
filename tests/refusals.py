"""Test helper shared by the chapters' tests: what a refusal says, field by field.

Every argument check of the library raises :class:`~customer_rules.errors.InputError` with one
:class:`~customer_rules.errors.Problem` per thing wrong; a test pins all of them at once::

    assert problems_of(lambda: check_order(order, position, SEED, on="x")) == [
        ("on", "'x'", "a date from 1900-01-01 to 2999-12-31"),
    ]
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from customer_rules.errors import InputError, PolicyError

__all__ = ["problems_of"]


def problems_of(
    call: Callable[[], object], error: type[InputError | PolicyError] = InputError
) -> list[tuple[str, object, str]]:
    """Call ``call``, which must raise ``error`` (:class:`InputError`, or :class:`PolicyError`
    for a policy built from bad settings), and give its problems as ``(path, given, expected)``
    triples, in order."""
    with pytest.raises(error) as info:
        call()
    raised = info.value
    assert isinstance(raised, InputError | PolicyError)
    return [(p.path, p.given, p.expected) for p in raised.problems]
