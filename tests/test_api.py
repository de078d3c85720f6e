"""The public API: each module's __all__ is exactly its public names, so the API cannot drift."""

from __future__ import annotations

import importlib
import types

import pytest

import customer_rules

MODULES = [
    "customer_rules",
    "customer_rules.calendars",
    "customer_rules.cli",
    "customer_rules.cn_calendar",
    "customer_rules.config",
    "customer_rules.dates",
    "customer_rules.errors",
    "customer_rules.grading",
    "customer_rules.money",
    "customer_rules.reasons",
    "customer_rules.roles",
    "customer_rules.testing",
]


FACADES = {"customer_rules", "customer_rules.grading"}  # modules that re-export on purpose


def _public_names(module: types.ModuleType) -> set[str]:
    """Names a reader would take for public: not underscored, not modules, defined here
    (or, for a facade, anything it imports from the package)."""
    names = set()
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, types.ModuleType) or name == "annotations":
            continue
        if isinstance(value, type | types.FunctionType):
            owner = value.__module__
            defined_here = owner == module.__name__
            if not defined_here and not (
                module.__name__ in FACADES and owner.startswith("customer_rules")
            ):
                continue
        elif type(value).__module__ == "typing":
            continue  # typing helpers imported for annotations
        names.add(name)
    return names


@pytest.mark.parametrize("name", MODULES)
def test_all_is_exactly_the_public_names(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(module.__all__)
    assert len(exported) == len(module.__all__), "duplicates in __all__"
    assert all(hasattr(module, n) for n in exported)
    assert _public_names(module) - exported == set()


def test_version() -> None:
    assert customer_rules.__version__.count(".") == 2
