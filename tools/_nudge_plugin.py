"""A pytest plugin that moves ONE policy default before any test runs (``tools/nudge_settings.py``).

Loaded with ``-p _nudge_plugin`` (``tools/`` on ``PYTHONPATH``); it reads
``CUSTOMER_RULES_NUDGE``, a JSON object such as
``{"path": "grading.deal_size.a_min", "value": "800000.01"}`` — the dotted path of a setting
as ``customer_rules.settings.settings_of(PolicyBook())`` lists it and its new value as plain
data (``settings.plain``) — and patches the declared default in place, at every level that
holds it:

* the class that declares the field (``DealSizePolicy().a_min``), unless the setting's default
  comes from the table that holds a shared record (a G5 ``Deadline``'s ``days`` default to 0,
  the supervisor's deadline to 2: only the holder's default moves);
* every enclosing table's default instance (``GradingPolicy().deal_size``,
  ``PolicyBook().grading``), rebuilt with ``attrs.evolve`` so the policy's own conversions and
  checks run on the nudged value.

A default is patched where attrs keeps it: the field's ``Attribute.default`` (what
``settings_of`` reads) and the generated ``__init__``'s ``__defaults__``/``__kwdefaults__``
(what a call without the argument uses). Classes are patched, not copied, so it does not matter
in which order the tests import them; the plugin is imported by pytest before ``conftest.py``
and the test modules.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import attrs

ENV = "CUSTOMER_RULES_NUDGE"

__all__ = ["ENV", "Patch", "apply", "patches", "value_at"]


@attrs.frozen
class Patch:
    """Set the default of field ``name`` of ``cls`` to ``value``."""

    cls: type
    name: str
    value: Any


def _root() -> Any:
    from customer_rules.book import PolicyBook

    return PolicyBook


def _declared_default(cls: type, name: str) -> Any:
    default = attrs.fields_dict(cls)[name].default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default
        return factory.factory(cls) if factory.takes_self else factory.factory()
    return default


def patches(path: str, value: Any, root: type | None = None) -> list[Patch]:
    """The defaults to patch so that the setting at ``path`` defaults to ``value``.

    Nothing is changed: the new default instances are built (and so validated) here, and
    :func:`apply` sets them.

    Args:
        path: the setting's dotted path from the root (``grading.scorecard.total_cutoffs.A``).
        value: the new value, as a Python value or as plain data (converted by the policy).
        root: the root policy class (``PolicyBook``).

    Raises:
        KeyError: ``path`` names no setting.
        customer_rules.errors.PolicyError: the nudged value makes an invalid policy.
    """
    cls = _root() if root is None else root
    # chain[i] = (class, field name, the field's declared default), from the root down
    chain: list[tuple[type, str, Any]] = []
    for name in path.split("."):
        if not attrs.has(cls) or name not in attrs.fields_dict(cls):
            raise KeyError(f"no setting {path!r}: {cls.__name__} has no field {name!r}")
        default = _declared_default(cls, name)
        chain.append((cls, name, default))
        cls = type(default)
    leaf_cls, leaf, declared = chain[-1]
    if len(chain) == 1:
        return [Patch(leaf_cls, leaf, getattr(attrs.evolve(leaf_cls(), **{leaf: value}), leaf))]
    holder = chain[-2][2]  # the default instance of leaf_cls that the enclosing table holds
    table = attrs.evolve(holder, **{leaf: value})  # converts and validates
    out: list[Patch] = []
    # the declaring class too (DealSizePolicy().a_min), unless its own default is not the
    # setting's (a shared record such as a Deadline, whose holder declares the default)
    if not getattr(leaf_cls, "__policy_generic__", False) and declared == getattr(holder, leaf):
        out.append(Patch(leaf_cls, leaf, getattr(table, leaf)))
    for depth in range(len(chain) - 2, -1, -1):
        cls_, name, _ = chain[depth]
        out.append(Patch(cls_, name, table))
        if depth:
            table = attrs.evolve(chain[depth - 1][2], **{name: table})
    return out


def _set_default(patch: Patch) -> None:
    field = attrs.fields_dict(patch.cls)[patch.name]
    object.__setattr__(field, "default", patch.value)  # attrs' Attribute is frozen
    init = patch.cls.__init__  # type: ignore[misc]
    alias = field.alias or patch.name
    if init.__kwdefaults__ and alias in init.__kwdefaults__:
        init.__kwdefaults__ = {**init.__kwdefaults__, alias: patch.value}
        return
    code = init.__code__
    positional = code.co_varnames[1 : code.co_argcount]
    defaults = list(init.__defaults__ or ())
    index = positional.index(alias) - (len(positional) - len(defaults))
    if index < 0:  # pragma: no cover - every setting has a default
        raise KeyError(f"{patch.cls.__name__}.{patch.name} has no default to patch")
    defaults[index] = patch.value
    init.__defaults__ = tuple(defaults)


def value_at(obj: Any, path: str) -> Any:
    """The value at a dotted ``path`` of a policy instance."""
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def apply(path: str, value: Any, root: type | None = None) -> Any:
    """Patch the defaults so the setting at ``path`` defaults to ``value``; return the value
    a fresh root policy now has there (converted by the policy)."""
    for patch in patches(path, value, root):
        _set_default(patch)
    rebuilt = (_root() if root is None else root)()
    return value_at(rebuilt, path)


def _from_env() -> Iterator[str]:
    raw = os.environ.get(ENV)
    if not raw:
        return
    spec = json.loads(raw)
    got = apply(spec["path"], spec["value"])
    yield f"nudged {spec['path']} = {got!r}"


_HEADER = list(_from_env())


def pytest_report_header() -> list[str]:
    """Say in the test run's header which default was moved."""
    return _HEADER
