"""Move every declared policy default by one step and check that some test notices.

mutmut does not mutate class bodies, and the policy defaults — the seed's thresholds, periods,
roles and tables — live there. This pass is their mutation test: for every setting that
``settings_of(PolicyBook())`` lists it builds the nudges of one step (below), and for each runs the
chapter's tests (``tests/test_<chapter>_*.py``, Hypothesis' fast profile, ``-x``) with that one
default patched by the pytest plugin ``tools/_nudge_plugin.py``. A run that passes is a nudge no
test noticed: a seed value that can change without any test failing.

One step, by kind of value:

========================  ===============================================================
amount (``Unit.YUAN``)    ±0.01 yuan
percent                   ±1 percentage point (``--percent-step``)
other number              ±1 (months, days, points, counts, weekdays, years)
flag                      flipped
choice or role            the next and the previous member (within ``allowed``)
date                      ±1 day
text                      changed
set or list of roles      each member dropped; one role added (the one ranked just below
                          the lowest present, or just above the highest)
list of months            the first and the last dropped; the smallest absent one added
table (rows)              each row dropped; each field of each row nudged as above
========================  ===============================================================

A nudge outside the setting's range or making the policy invalid (a check across fields) is
not run and is listed as skipped. An unset optional value (``None``) is not nudged.

Usage::

    .venv/bin/python tools/nudge_settings.py                  # every setting, 2 jobs
    .venv/bin/python tools/nudge_settings.py grading.deal_size grading.scorecard.total_cutoffs
    .venv/bin/python tools/nudge_settings.py --list           # the nudges, without running

Exit status: 0 when every nudge that ran was noticed, 1 when some were not, 2 on an error.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import enum
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import typing
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent
if str(TOOLS) not in sys.path:  # pragma: no cover - when run as a script
    sys.path.insert(0, str(TOOLS))

import _nudge_plugin  # noqa: E402

__all__ = [
    "Invalid",
    "Nudge",
    "Outcome",
    "failed_tests",
    "main",
    "nudges",
    "nudges_of",
    "outcome_of",
    "suite_for",
    "unnudged",
]

_CYCLIC = frozenset({"month of year", "weekday"})
_UNICODE = re.compile(r"\\u([0-9a-f]{4})")  # pytest's escaped ids: 80\u4e07 is 80万
_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)")
_KIND = re.compile(r"^(?:FAILED|ERROR) \S+ - ((?:\w+\.)*[A-Z]\w*)(?::|$)", re.MULTILINE)


@attrs.frozen
class Nudge:
    """One default moved by one step.

    Attributes:
        setting: the dotted path of the setting patched (what the plugin receives).
        target: what moved, down to a row's field (``grading.eligibility.big_levels[0].min_years``).
        change: what the step is, e.g. ``800000 → 800000.01`` or ``drop vp_in_charge``.
        value: the setting's whole new value.
    """

    setting: str
    target: str
    change: str
    value: Any

    def env(self) -> str:
        """The plugin's ``CUSTOMER_RULES_NUDGE`` value: the path and the value as plain data."""
        from customer_rules.settings import plain

        data = {"path": self.setting, "value": plain(self.value)}
        return json.dumps(data, ensure_ascii=False, default=_iso)


def _iso(value: Any) -> str:
    """Dates as ISO strings: JSON has no dates, the policy reads ``"2026-01-02"`` back."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON data: {value!r}")


@attrs.frozen
class Invalid:
    """The value of a nudge that makes no valid policy (a row its own checks refuse)."""

    why: str


@attrs.frozen
class Outcome:
    """What the tests said about one nudge.

    Attributes:
        nudge: the nudge.
        status: ``caught`` (a test failed), ``missed`` (every test passed), ``error`` (the run
            itself failed: collection, usage, a timeout) or ``skipped`` (not a valid policy).
        detail: the first failing test, the error, or why it was skipped.
        seconds: how long the run took.
    """

    nudge: Nudge
    status: str
    detail: str = ""
    seconds: float = 0.0


# --------------------------------------------------------------------------- the nudges


def _show(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, frozenset | tuple) and not attrs.has(type(value)):
        return "{" + ", ".join(_show(v) for v in _ordered(value)) + "}"
    if attrs.has(type(value)):
        return type(value).__name__
    return str(value)


def _ordered(items: Any) -> list[Any]:
    """The items of a set or list; a set's enum members in declaration (rank) order."""
    listed: list[Any] = list(items)
    if listed and isinstance(items, frozenset) and isinstance(listed[0], enum.Enum):
        order = list(type(listed[0]))
        listed.sort(key=order.index)
    return listed


def _members(kind: Any, sample: Any, allowed: frozenset[Any] | None) -> list[Any]:
    """The members an enum-valued setting (or the items of a collection) may take."""
    cls: Any = type(sample) if isinstance(sample, enum.Enum) else None
    if cls is None:
        for arg in typing.get_args(kind):
            if isinstance(arg, type) and issubclass(arg, enum.Enum):
                cls = arg
    if cls is None:
        return []
    return [m for m in cls if allowed is None or m in allowed]


def _scalar_steps(value: Any, unit: str, low: Any, high: Any, percent_step: Decimal) -> list[Any]:
    """The values one step away from a number, a date, a text, a flag."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int | Decimal):
        step: int | Decimal = 1
        if isinstance(value, Decimal):
            step = {"yuan": Decimal("0.01"), "percent": percent_step}.get(unit, Decimal(1))
        floor = 0 if low is None else low
        steps = [value + step, value - step]
        if unit in _CYCLIC and high is not None:  # December's next month is January
            span = high - floor + 1
            steps = [floor + (v - floor) % span for v in steps]
        return [v for v in steps if v >= floor and (high is None or v <= high)]
    if isinstance(value, dt.date):
        return [value + dt.timedelta(days=1), value - dt.timedelta(days=1)]
    if isinstance(value, str):
        return [value + "-nudged"]
    return []


def _enum_steps(value: enum.Enum, members: list[Any]) -> list[Any]:
    if value not in members or len(members) < 2:
        return []
    i = members.index(value)
    steps = [members[(i + 1) % len(members)], members[i - 1]]
    return list(dict.fromkeys(s for s in steps if s is not value))


def _role_to_add(present: Sequence[Any], members: list[Any]) -> Any | None:
    """The absent member ranked just below the lowest present (else just above the highest)."""
    absent = [m for m in members if m not in present]
    if not absent:
        return None
    if not present:
        return absent[0]
    ranks = [members.index(m) for m in present if m in members]
    below = [m for m in absent if members.index(m) < min(ranks)]
    if below:
        return below[-1]
    return absent[0]


def _collection_steps(
    value: tuple[Any, ...] | frozenset[Any], members: list[Any], min_items: int, low: Any, high: Any
) -> Iterator[tuple[str, Any]]:
    items = _ordered(value)
    rebuild = frozenset if isinstance(value, frozenset) else tuple
    if items and isinstance(items[0], int) and not isinstance(items[0], bool):
        # a list of numbers (months of the year): its ends dropped, the smallest absent added
        if len(items) > max(min_items, 1):
            for item in dict.fromkeys((items[0], items[-1])):
                yield f"drop {item}", rebuild(i for i in items if i != item)
        lo = 0 if low is None else int(low)
        hi = max(items) + 1 if high is None else int(high)
        absent = [n for n in range(lo, hi + 1) if n not in items]
        if absent:
            yield f"add {absent[0]}", rebuild(sorted([*items, absent[0]]))
        return
    if len(items) > min_items:
        for item in items:
            yield f"drop {_show(item)}", rebuild(i for i in items if i != item)
    add = _role_to_add(items, members)
    if add is not None:
        yield f"add {_show(add)}", rebuild([*items, add])


def nudges_of(
    path: str,
    value: Any,
    kind: Any,
    setting: Any,
    *,
    percent_step: Decimal = Decimal(1),
) -> list[tuple[str, str, Any]]:
    """The one-step nudges of one value: ``(target, change, new value)`` for each.

    ``target`` is ``path``, or ``path[i].field`` for a field of a row of a table.
    """
    unit = setting.unit.value
    out: list[tuple[str, str, Any]] = []
    if value is None:
        return out
    if isinstance(value, enum.Enum):
        members = _members(kind, value, setting.allowed)
        return [(path, f"{_show(value)} → {_show(m)}", m) for m in _enum_steps(value, members)]
    if isinstance(value, frozenset | tuple):
        rows = [v for v in value if attrs.has(type(v))]
        if rows and len(rows) == len(value):
            return list(_table_steps(path, tuple(value), setting, percent_step))
        sample = next(iter(value), None)
        members = _members(kind, sample, setting.allowed)
        return [
            (path, change, new)
            for change, new in _collection_steps(
                value, members, setting.min_items, setting.low, setting.high
            )
        ]
    for new in _scalar_steps(value, unit, setting.low, setting.high, percent_step):
        out.append((path, f"{_show(value)} → {_show(new)}", new))
    return out


def _table_steps(
    path: str, rows: tuple[Any, ...], setting: Any, percent_step: Decimal
) -> Iterator[tuple[str, str, Any]]:
    from customer_rules.settings import is_policy, settings_of

    if len(rows) > setting.min_items:
        for i in range(len(rows)):
            yield f"{path}[{i}]", "drop the row", rows[:i] + rows[i + 1 :]
    for i, row in enumerate(rows):
        if not is_policy(type(row)):
            continue
        for info in settings_of(row):
            for _, change, new in nudges_of(
                info.path, info.value, info.kind, info.setting, percent_step=percent_step
            ):
                target = f"{path}[{i}].{info.path}"
                try:
                    moved = attrs.evolve(row, **{info.path: new})
                except ValueError as exc:  # the row's own checks refuse it: listed as skipped
                    yield target, change, Invalid(str(exc).replace("\n", " "))
                    continue
                yield target, change, (*rows[:i], moved, *rows[i + 1 :])


def nudges(prefixes: Sequence[str] = (), *, percent_step: Decimal = Decimal(1)) -> list[Nudge]:
    """Every nudge of every setting of the seed book whose path starts with one of
    ``prefixes`` (every setting when none is given)."""
    from customer_rules.book import PolicyBook
    from customer_rules.settings import settings_of

    out: list[Nudge] = []
    for info in settings_of(PolicyBook()):
        if prefixes and not any(_under(info.path, p) for p in prefixes):
            continue
        for target, change, new in nudges_of(
            info.path, info.default, info.kind, info.setting, percent_step=percent_step
        ):
            out.append(Nudge(info.path, target, change, new))
    return out


def unnudged(prefixes: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The settings no step can move — an unset optional value, an empty table (no row to
    drop, and no row this tool could invent) — with why: the report lists them."""
    from customer_rules.book import PolicyBook
    from customer_rules.settings import settings_of

    out: list[tuple[str, str]] = []
    for info in settings_of(PolicyBook()):
        if prefixes and not any(_under(info.path, p) for p in prefixes):
            continue
        if not nudges_of(info.path, info.default, info.kind, info.setting):
            why = "unset (None)" if info.default is None else f"nothing to move in {info.default!r}"
            out.append((info.path, why))
    return out


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + ".")


# --------------------------------------------------------------------------- running


def suite_for(path: str, root: Path = ROOT) -> list[str]:
    """The tests a nudge of ``path`` runs: the chapter's (``tests/test_<chapter>_*.py``) for a
    setting of a chapter, the whole suite for the book's own settings."""
    chapter = path.split(".", 1)[0]
    found = sorted(root.glob(f"tests/test_{chapter}_*.py")) if "." in path else []
    return [str(p.relative_to(root)) for p in found] or ["tests"]


def failed_tests(output: str) -> list[str]:
    """The node ids pytest's summary lists as failed or in error."""
    return [m.group(1) for line in output.splitlines() if (m := _FAILED.match(line))]


def outcome_of(nudge: Nudge, returncode: int, output: str, seconds: float = 0.0) -> Outcome:
    """Classify one pytest run: 1 is caught, 0 is missed, anything else an error."""
    if returncode == 1:
        failed = failed_tests(output)
        first = _UNICODE.sub(lambda m: chr(int(m[1], 16)), failed[0]) if failed else "a test"
        kind = _KIND.search(output)
        if kind and kind[1] != "AssertionError":
            # an exception, not an assertion: often a cross-field check the nudge broke in a
            # policy the test builds — noticed, but not by a test of this value
            first += f" ({kind[1]})"
        return Outcome(nudge, "caught", first, seconds)
    if returncode == 0:
        return Outcome(nudge, "missed", "", seconds)
    tail = " | ".join(output.strip().splitlines()[-3:])
    return Outcome(nudge, "error", f"pytest exit code {returncode}: {tail}", seconds)


def _pytest_command(tests: Sequence[str], deselect: Sequence[str]) -> list[str]:
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    command += ["-p", "_nudge_plugin", "--hypothesis-seed=0"]
    for node in deselect:
        command += ["--deselect", node]
    return command + list(tests)


def _run(
    nudge: Nudge | None, tests: Sequence[str], deselect: Sequence[str], timeout: float
) -> tuple[int, str, float]:
    env = dict(os.environ)
    env.setdefault("HYPOTHESIS_PROFILE", "fast")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TOOLS), env.get("PYTHONPATH")]))
    env.pop(_nudge_plugin.ENV, None)
    if nudge is not None:
        env[_nudge_plugin.ENV] = nudge.env()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="nudge-hypothesis-") as storage:
        # each run its own Hypothesis database: no example found under one nudge replays in another
        env["HYPOTHESIS_STORAGE_DIRECTORY"] = storage
        try:
            done = subprocess.run(
                _pytest_command(tests, deselect),
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return 124, f"timed out after {timeout:.0f} s", time.monotonic() - start
    return done.returncode, done.stdout + done.stderr, time.monotonic() - start


def _check(nudge: Nudge) -> str | None:
    """Why ``nudge`` cannot be applied (an invalid policy), or ``None``."""
    if isinstance(nudge.value, Invalid):
        return nudge.value.why
    try:
        _nudge_plugin.patches(nudge.setting, nudge.value)
    except (ValueError, KeyError) as exc:
        return str(exc).replace("\n", " ")
    return None


def _baseline(
    suites: Sequence[Sequence[str]], deselect: list[str], skip_failing: bool, timeout: float
) -> bool:
    for tests in suites:
        code, output, seconds = _run(None, tests, deselect, timeout)
        if code == 0:
            print(f"baseline {' '.join(tests)}: passed in {seconds:.0f} s")
            continue
        failed = failed_tests(output)
        if not skip_failing or code != 1:
            print(f"baseline {' '.join(tests)} fails without any nudge (exit code {code}):")
            print("\n".join(f"  {f}" for f in failed) or output[-2000:])
            print("fix them, or pass --skip-failing to leave them out (listed above)")
            return False
        # again without stopping at the first failure: every failing test, then leave them out
        code, output, _ = _run(None, ["--maxfail=100000", *tests], deselect, timeout)
        failed = sorted({f.split("[", 1)[0] for f in failed_tests(output)})
        broken = [f for f in failed if "::" not in f]
        if broken or code != 1:  # a module that does not even import: nothing to leave out
            print(f"baseline {' '.join(tests)} cannot run (exit code {code}): {broken}")
            print(output[-2000:])
            return False
        print(f"baseline {' '.join(tests)}: {len(failed)} failing tests left out:")
        print("\n".join(f"  {f}" for f in failed))
        deselect.extend(failed)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the nudge pass; see the module docstring."""
    parser = argparse.ArgumentParser(
        prog="tools/nudge_settings.py",
        description="Move each declared policy default by one step and check some test fails.",
    )
    parser.add_argument("paths", nargs="*", help="setting paths or prefixes (default: all)")
    parser.add_argument("--list", action="store_true", help="list the nudges; run nothing")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel runs")
    parser.add_argument("--tests", nargs="+", help="the tests to run (default: the chapter's)")
    parser.add_argument("--deselect", action="append", default=[], help="a test to leave out")
    parser.add_argument(
        "--skip-failing",
        action="store_true",
        help="leave out the tests that fail without any nudge (listed) instead of stopping",
    )
    parser.add_argument("--percent-step", type=Decimal, default=Decimal(1))
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--json", type=Path, help="write every outcome to this file")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, even in a log

    planned = nudges(args.paths, percent_step=args.percent_step)
    if not planned:
        print("no setting matches", " ".join(args.paths))
        return 2
    outcomes: list[Outcome] = []
    runnable: list[Nudge] = []
    for nudge in planned:
        why = _check(nudge)
        if why is None:
            runnable.append(nudge)
        else:
            outcomes.append(Outcome(nudge, "skipped", why))
    for path, why in unnudged(args.paths):
        print(f"not nudged: {path}: {why}")
    if args.list:
        for nudge in planned:
            flag = next((o.detail for o in outcomes if o.nudge is nudge), "")
            print(f"{nudge.target}: {nudge.change}" + (f"   [skipped: {flag}]" if flag else ""))
        print(f"{len(runnable)} nudges to run, {len(outcomes)} skipped")
        return 0

    def suite(n: Nudge) -> tuple[str, ...]:
        return tuple(args.tests or suite_for(n.setting))

    deselect: list[str] = list(args.deselect)
    if not _baseline(
        sorted({suite(n) for n in runnable}), deselect, args.skip_failing, args.timeout
    ):
        return 2
    print(f"{len(runnable)} nudges, {args.jobs} at a time")
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        futures = {pool.submit(_run, n, suite(n), deselect, args.timeout): n for n in runnable}
        for i, future in enumerate(concurrent.futures.as_completed(futures), 1):
            nudge = futures[future]
            try:
                outcome = outcome_of(nudge, *future.result())
            except Exception as exc:  # one broken run is reported; the others go on
                outcome = Outcome(nudge, "error", f"{type(exc).__name__}: {exc}")
            outcomes.append(outcome)
            print(
                f"[{i}/{len(runnable)}] {outcome.status:7} {nudge.target}: {nudge.change}"
                + (f"  ({outcome.detail})" if outcome.detail else ""),
                flush=True,
            )
    _report(outcomes)
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "setting": o.nudge.setting,
                        "target": o.nudge.target,
                        "change": o.nudge.change,
                        "status": o.status,
                        "detail": o.detail,
                        "seconds": round(o.seconds, 1),
                    }
                    for o in sorted(outcomes, key=_order(planned))
                ],
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    if any(o.status == "error" for o in outcomes):
        return 2
    return 1 if any(o.status == "missed" for o in outcomes) else 0


def _order(planned: list[Nudge]) -> Any:
    index = {id(n): i for i, n in enumerate(planned)}
    return lambda o: index[id(o.nudge)]


def _report(outcomes: list[Outcome]) -> None:
    count = {
        s: sum(o.status == s for o in outcomes) for s in ("caught", "missed", "error", "skipped")
    }
    ran = count["caught"] + count["missed"]
    print()
    print(
        f"nudges: {count['caught']} of {ran} noticed"
        + (f" ({100 * count['caught'] / ran:.1f} %)" if ran else "")
        + f"; {count['error']} errors; {count['skipped']} skipped (not a valid policy)"
    )
    for status, title in (
        ("missed", "no test noticed"),
        ("error", "errors"),
        ("skipped", "skipped"),
    ):
        chosen = sorted((o for o in outcomes if o.status == status), key=lambda o: o.nudge.target)
        if chosen:
            print(f"\n{title}:")
            for o in chosen:
                print(
                    f"  {o.nudge.target}: {o.nudge.change}"
                    + (f"  — {o.detail}" if o.detail and status != "missed" else "")
                )


if __name__ == "__main__":
    sys.exit(main())
