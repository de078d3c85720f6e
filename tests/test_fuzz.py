"""The promise, kept by fuzzing: no public callable and no command raises a raw exception.

Every public callable of every public module is called with malformed values of every kind —
wrong types, None, NaN and infinite Decimals, huge numbers, edge dates, wrong enums, mangled
text — mixed with valid ones. The only acceptable outcomes are a returned value or a
:class:`~customer_rules.errors.CustomerRulesError` whose problems name a field or path. The
command line's ``main(argv)`` is fuzzed in-process with mangled arguments and files: it returns
a documented exit code and never lets a traceback out.

A new chapter adds its module to ``MODULES`` (its callables are found from ``__all__``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import importlib
import inspect
import io
import os
import tempfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_rules.allocation import AllocationPolicy
from customer_rules.archives import ArchivesPolicy
from customer_rules.credit import CreditPolicy
from customer_rules.errors import CustomerRulesError, InputError, PolicyError, shown
from customer_rules.grading import GradingPolicy
from customer_rules.roles import Approval, Role
from customer_rules.service import ServicePolicy
from customer_rules.testing import malformed_values

MODULES = [
    "customer_rules",
    "customer_rules.allocation",
    "customer_rules.archives",
    "customer_rules.calendars",
    "customer_rules.config",
    "customer_rules.credit",
    "customer_rules.dates",
    "customer_rules.grading",
    "customer_rules.interchange",
    "customer_rules.labels",
    "customer_rules.money",
    "customer_rules.reasons",
    "customer_rules.recurrence",
    "customer_rules.roles",
    "customer_rules.rows",
    "customer_rules.service",
    "customer_rules.settings",
    "customer_rules.testing",
    "customer_rules.workflow",
]

# Not fuzzed, and why: these take callables or classes to build something, not values.
SKIP = {
    "policy",  # the class decorator
    "setting",  # a field declaration
    "descending",
    "ascending",
    "register_codes",  # registration is checked by tests/test_reasons.py
    "set_labels",
    "main",  # fuzzed below with argv
}

_DAY = dt.date(2026, 6, 30)

JUNK = malformed_values()

GOOD: dict[str, Any] = {
    "policy": GradingPolicy(),
    "on": _DAY,
    "day": _DAY,
    "lang": "en",
    "approval": Approval("王", Role.VP_IN_CHARGE, "G6.regrade", _DAY),
}


_CHAPTER_POLICIES: dict[str, Any] = {
    "customer_rules._credit": CreditPolicy(),
    "customer_rules._allocation": AllocationPolicy(),
    "customer_rules._archives": ArchivesPolicy(),
    "customer_rules._service": ServicePolicy(),
}
"""The good ``policy`` of each chapter's rules, by the private package they live in (grading's
otherwise)."""


def _good_policy(func: Callable[..., Any]) -> Any:
    owner = str(getattr(func, "__module__", ""))
    for prefix, value in _CHAPTER_POLICIES.items():
        if owner.startswith(prefix):
            return value
    return GOOD["policy"]


def _public_callables() -> list[tuple[str, Callable[..., Any]]]:
    found: dict[str, tuple[str, Callable[..., Any]]] = {}
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attr in module.__all__:
            obj = getattr(module, attr)
            if attr in SKIP or not callable(obj):
                continue
            if not str(getattr(obj, "__module__", "")).startswith("customer_rules"):
                continue  # a typing alias such as settings.Check
            if getattr(obj, "_is_protocol", False):
                continue  # a Protocol describes, it is not called
            if inspect.isclass(obj) and issubclass(obj, type):
                continue  # a metaclass builds classes, not values
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                continue
            key = f"{getattr(obj, '__module__', name)}.{getattr(obj, '__qualname__', attr)}"
            found.setdefault(key, (key, obj))
    return sorted(found.values())


CALLABLES = _public_callables()


def _parameters(func: Callable[..., Any]) -> list[inspect.Parameter]:
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return []
    return [
        p
        for p in signature.parameters.values()
        if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]


def _acceptable(exc: BaseException) -> bool:
    if not isinstance(exc, CustomerRulesError):
        return False
    if isinstance(exc, InputError | PolicyError):
        return all(p.message for p in exc.problems) and bool(str(exc))
    return bool(str(exc))


@pytest.mark.parametrize(("name", "func"), CALLABLES, ids=[n for n, _ in CALLABLES])
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_public_callables_raise_only_library_errors(
    name: str, func: Callable[..., Any], data: st.DataObject
) -> None:
    if inspect.isclass(func) and issubclass(func, enum.Enum):
        value = data.draw(JUNK, label="value")
        try:
            func(value)
        except Exception as exc:  # the check below is the test
            if not _acceptable(exc):
                pytest.fail(f"{name}({shown(value)}) raised {type(exc).__name__}")
        return
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in _parameters(func):
        junk = data.draw(st.booleans(), label=f"junk {param.name}")
        if not junk and param.name == "policy":
            value = _good_policy(func)
        elif not junk and param.name in GOOD:
            value = GOOD[param.name]
        elif not junk and param.default is not inspect.Parameter.empty:
            continue
        else:
            value = data.draw(JUNK, label=param.name)
        if param.kind is inspect.Parameter.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[param.name] = value
    try:
        func(*args, **kwargs)
    except Exception as exc:  # the assertion below is the test
        if not _acceptable(exc):
            given = {k: shown(v) for k, v in kwargs.items()}
            pytest.fail(f"{name}({given}) raised {type(exc).__name__}: {shown(str(exc))}")


def test_there_is_something_to_fuzz() -> None:
    names = {n.rsplit(".", 1)[-1] for n, _ in CALLABLES}
    assert {"grade_customer", "score", "deal_size_type", "load_book", "from_data"} <= names


# --------------------------------------------------------------------------- the command line

_ARGS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "grade",
                "policy",
                "show",
                "validate",
                "dump",
                "--input",
                "--policy",
                "--as-of",
                "--lang",
                "--format",
                "--calendar",
                "--encoding",
                "--strict",
                "--bom",
                "--jobs",
                "--slots",
                "calendar",
                "credit",
                "check",
                "aging",
                "allocate",
                "reclaim",
                "archives",
                "report",
                "overdue",
                "cedar",
                "--loans",
                "--files",
                "--leads",
                "--roster",
                "--history",
                "--left-out",
                "--holdings",
                "--at",
                "service",
                "churn",
                "reception",
                "--from",
                "--to",
                "2026-11-30T09:00:00+08:00",
                "0",
                "2",
                "-3",
                "en",
                "zh",
                "jsonl",
                "json",
                "csv",
                "cn",
                "gbk",
                "2026-11-30",
                "9999-12-31",
                "-",
                "@FILE",
            ]
        ),
        st.text(max_size=12),
    ),
    max_size=8,
)

_FILES = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"id,name\nC1,\xff\xfe\n",
            b"id,last_visit\nC1,9999-12-31\n",
            b"id,contract_amount\nC1,3,000,000\n",
            b"[grading]\n" + b"a = [" * 1000,
            b'{"grading": ' * 1000,
            b"[grading.scorecard.total_cutoffs]\nA = " + b"9" * 5000 + b"\n",
            "id,category\nC1,大客户\n".encode("gbk"),
            b"\xef\xbb\xbfid,name\nC1,x\n",
            "kind,person,at\n误判,S07,2026-11-05T10:00:00+08:00\nx,,2026-11-05\n".encode("gbk"),
        ]
    ),
)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=300)
@given(args=_ARGS, content=_FILES, suffix=st.sampled_from([".csv", ".toml", ".json"]))
def test_the_command_line_never_shows_a_traceback(
    args: list[str], content: bytes, suffix: str
) -> None:
    from customer_rules.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "f" + suffix)
        with open(path, "wb") as handle:
            handle.write(content)
        argv = [path if a == "@FILE" else a for a in args]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
