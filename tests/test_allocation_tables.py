"""A2, A8, A9, A11: a workflow table rebuilt for a company's own roles keeps the seed's table.

Four policy sections build their workflow table from roles the company may change — who
approves a re-request (A2), who reviews a window extension (A8), who claims from the pool and
who allocates (A9), which director carries out a swap (A11). Left at the default table, a
change of those roles rebuilds it; the rebuilt table must be the seed's table (name, rule,
states, events, their labels, every row's source, event, target, approval and distinctness)
with only those roles swapped — never a second vocabulary for what a host has stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest

from customer_rules.allocation import AllocationPolicy
from customer_rules.roles import Role
from customer_rules.workflow import WorkflowTable

SEED = AllocationPolicy()


def _swapped(table: WorkflowTable, mapping: Mapping[Role, frozenset[Role]]) -> WorkflowTable:
    """``table`` with each role of ``mapping`` replaced by its roles, every other role kept."""
    return attrs.evolve(
        table,
        transitions=tuple(
            attrs.evolve(t, roles=frozenset().union(*(mapping.get(r, {r}) for r in t.roles)))
            for t in table.transitions
        ),
    )


_Pick = Callable[[AllocationPolicy], WorkflowTable]

CASES: list[tuple[dict[str, Any], _Pick, dict[Role, frozenset[Role]]]] = [
    (
        {"rerequest": {"approving_roles": ["chairman"]}},
        lambda p: p.rerequest.table,
        {Role.SALES_MANAGER: frozenset({Role.CHAIRMAN})},
    ),
    (
        {"window": {"reviewing_roles": ["chairman", "sales_manager"]}},
        lambda p: p.window.extension,
        {Role.GENERAL_MANAGER: frozenset({Role.CHAIRMAN, Role.SALES_MANAGER})},
    ),
    (
        {"pool": {"claiming_roles": ["chairman"], "allocating_role": "general_manager"}},
        lambda p: p.pool.table,
        {
            Role.SALESPERSON: frozenset({Role.CHAIRMAN}),
            Role.MARKETING_DIRECTOR: frozenset({Role.GENERAL_MANAGER}),
        },
    ),
    (
        {"attribution": {"director_roles": ["general_manager"]}},
        lambda p: p.attribution.swap,
        {Role.MARKETING_DIRECTOR: frozenset({Role.GENERAL_MANAGER})},
    ),
]


@pytest.mark.parametrize(
    ("sections", "pick", "mapping"), CASES, ids=["A2", "A8-extension", "A9-pool", "A11-swap"]
)
def test_a_table_rebuilt_for_other_roles_is_the_seed_table_with_those_roles(
    sections: dict[str, Any], pick: _Pick, mapping: dict[Role, frozenset[Role]]
) -> None:
    """The rebuilt table equals the seed's, field by field, but for the roles changed."""
    rebuilt = pick(AllocationPolicy(**sections))
    seed = pick(SEED)
    assert rebuilt != seed
    assert rebuilt == _swapped(seed, mapping)


@pytest.mark.parametrize(("sections", "pick", "mapping"), CASES, ids=["A2", "A8", "A9", "A11"])
def test_the_seed_table_is_what_the_seed_book_stores(
    sections: dict[str, Any], pick: _Pick, mapping: dict[Role, frozenset[Role]]
) -> None:
    """Left at the seed's roles, the table is the seed's own (``docs/seed-book.toml``)."""
    seed_roles = {
        name: {field: getattr(getattr(SEED, name), field) for field in fields}
        for name, fields in sections.items()
    }
    assert pick(AllocationPolicy(**seed_roles)) == pick(SEED)
