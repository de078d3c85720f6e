"""Mutation testing of every chapter's rule modules: mutmut, a score per module, the survivors.

The rule modules are the files ``[tool.mutmut] only_mutate`` names in ``pyproject.toml`` — every
chapter's private package ``src/customer_rules/_<chapter>/*.py`` (so a new chapter is found
without touching this file) and any rule module declared there — less ``do_not_mutate`` (the
packages' ``__init__.py`` and the message tables ``codes.py``). mutmut 3 changes one expression at
a time in a copy of the source (``mutants/``) and runs only the tests that cover the changed
function, here with Hypothesis' fast profile (``HYPOTHESIS_PROFILE=fast``) and a fixed seed. A
mutant no test notices survives.

Usage::

    .venv/bin/python tools/mutate.py                      # every rule module
    .venv/bin/python tools/mutate.py deal_size scorecard  # some modules (or a chapter: grading)
    .venv/bin/python tools/mutate.py --list               # the rule modules found
    .venv/bin/python tools/mutate.py --report-only        # the last results again
    .venv/bin/python tools/mutate.py credit --survivors   # last time's survivors again
    .venv/bin/python tools/mutate.py --excluded           # what mutmut never mutates, and why

For each module it prints the score — mutants caught (killed, or stopped by mutmut's timeout)
over mutants checked — and every mutant not caught with its place (``file:line``, function) and
its diff. A mutant whose diff changes only the text inside string literals is tagged
``[literal text only]``: usually message wording, but read it — a stored key is text too. A
mutant of a function the module calls while it is imported (a check factory, a table builder) is
tagged ``[runs at import]``: mutmut imports before it picks a mutant, so no test can kill it.

mutmut does not mutate class bodies (where policy defaults live: ``tools/nudge_settings.py``
moves those), module-level statements, decorated functions (``@property``,
``@functools.cached_property``, ``@policy`` checks…; ``@staticmethod``/``@classmethod`` are
mutated), calls to ``len`` and ``isinstance``, or lines marked ``# pragma: no mutate``;
``--excluded`` lists them. Not part of ``.ci/run``: a run of every grading module takes tens of
minutes on two cores; docs/testing.md.

Exit status: 0, or 1 when a module scores below ``--fail-under``, 2 when mutmut itself fails.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

__all__ = [
    "Change",
    "Mutant",
    "Region",
    "RuleModule",
    "Score",
    "changed_lines",
    "excluded_regions",
    "function_spans",
    "import_time_functions",
    "literal_only",
    "locate",
    "main",
    "parse_key",
    "rule_modules",
    "select",
    "status_of",
]

# mutmut 3's exit codes (mutmut/stats.py), grouped by what they mean for the score
_STATUS = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    2: "interrupted",
    34: "skipped",
    35: "suspicious",
    36: "timeout",
    37: "caught by type check",
    -24: "timeout",
    24: "timeout",
    152: "timeout",
    255: "timeout",
    -11: "segfault",
    -9: "segfault",
}
CAUGHT = frozenset({"killed", "timeout", "caught by type check"})
NOT_CAUGHT = frozenset({"survived", "no tests"})


def status_of(exit_code: int | None) -> str:
    """What mutmut's recorded exit code for a mutant means (``None``: not checked yet)."""
    if exit_code is None:
        return "not checked"
    return _STATUS.get(exit_code, "suspicious")


# --------------------------------------------------------------------------- the rule modules


@dataclass(frozen=True)
class RuleModule:
    """One module mutmut mutates.

    Attributes:
        path: the path from the project root, ``src/customer_rules/_grading/deal_size.py``.
        name: the dotted module name, ``customer_rules._grading.deal_size``.
        chapter: the chapter (``grading``) for a module of ``_<chapter>/``, else ``""``.
    """

    path: str
    name: str
    chapter: str

    @property
    def short(self) -> str:
        """The module's name within its chapter, ``deal_size``."""
        return self.name.rsplit(".", 1)[-1]

    @property
    def mutants(self) -> str:
        """The glob of this module's mutant names, as ``mutmut run`` takes them."""
        return f"{self.name}.*"


def _config(root: Path) -> dict[str, Any]:
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    config: dict[str, Any] = data.get("tool", {}).get("mutmut", {})
    return config


def rule_modules(root: Path = ROOT, config: dict[str, Any] | None = None) -> list[RuleModule]:
    """The modules ``[tool.mutmut]`` says to mutate, sorted by path."""
    config = _config(root) if config is None else config
    include = config.get("only_mutate") or [f"{p}/*" for p in config.get("source_paths", ["src"])]
    exclude = config.get("do_not_mutate", [])
    found: set[str] = set()
    for pattern in include:
        for path in root.glob(pattern):
            rel = path.relative_to(root).as_posix()
            if path.suffix == ".py" and not any(fnmatch.fnmatch(rel, p) for p in exclude):
                found.add(rel)
    return [_module(rel) for rel in sorted(found)]


def _module(rel: str) -> RuleModule:
    dotted = rel.removesuffix(".py").replace("/", ".")
    dotted = dotted.removeprefix("src.")
    package = dotted.split(".")[-2] if dotted.count(".") >= 2 else ""
    chapter = package[1:] if package.startswith("_") else ""
    return RuleModule(rel, dotted, chapter)


def select(modules: Sequence[RuleModule], wanted: Sequence[str]) -> list[RuleModule]:
    """The modules named by ``wanted`` — a module (``deal_size``, ``deal_size.py``,
    ``_grading/deal_size.py``, ``customer_rules._grading.deal_size``) or a chapter
    (``grading``) — or every module when nothing is named.

    Raises:
        SystemExit: a name matches no module, or several modules of different chapters.
    """
    if not wanted:
        return list(modules)
    chosen: dict[str, RuleModule] = {}
    for word in wanted:
        key = word.removesuffix(".py").replace("/", ".").strip(".").removeprefix("src.")
        chapter = [m for m in modules if m.chapter and key in (m.chapter, f"_{m.chapter}")]
        exact = [
            m
            for m in modules
            if key in (m.name, m.short, m.name.removeprefix("customer_rules."))
            or m.name.endswith("." + key)
        ]
        hits = chapter or exact
        if not hits:
            names = ", ".join(m.short for m in modules)
            raise SystemExit(f"no rule module {word!r}; the rule modules are: {names}")
        if not chapter and len(hits) > 1:
            names = ", ".join(m.name for m in hits)
            raise SystemExit(f"{word!r} is ambiguous: {names}")
        chosen.update((m.path, m) for m in hits)
    return sorted(chosen.values(), key=lambda m: m.path)


# --------------------------------------------------------------------------- scores


@dataclass
class Score:
    """The mutants of one module by status."""

    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, exit_codes: Iterable[int | None]) -> Score:
        """Count mutmut's recorded exit codes by status."""
        score = cls()
        for code in exit_codes:
            status = status_of(code)
            score.counts[status] = score.counts.get(status, 0) + 1
        return score

    @property
    def caught(self) -> int:
        """Killed by a test, stopped by the timeout, or refused by the type checker."""
        return sum(n for s, n in self.counts.items() if s in CAUGHT)

    @property
    def checked(self) -> int:
        """Mutants with a verdict: caught, survived, or covered by no test."""
        return self.caught + sum(n for s, n in self.counts.items() if s in NOT_CAUGHT)

    @property
    def unsettled(self) -> int:
        """Mutants without a verdict yet (not checked, interrupted, suspicious, crashed)."""
        return sum(self.counts.values()) - self.checked - self.counts.get("skipped", 0)

    @property
    def percent(self) -> float | None:
        """Caught over checked, in percent (``None`` when nothing was checked)."""
        return 100 * self.caught / self.checked if self.checked else None

    def line(self, label: str) -> str:
        """One line of the score table."""
        pct = "   —  " if self.percent is None else f"{self.percent:5.1f} %"
        rest = ", ".join(
            f"{self.counts[s]} {s}"
            for s in ("survived", "no tests", "timeout", "not checked", "interrupted", "suspicious")
            if self.counts.get(s)
        )
        return f"{label:<24} {self.caught:>4} / {self.checked:<4} {pct}" + (
            f"   ({rest})" if rest else ""
        )


def _meta(root: Path, module: RuleModule) -> dict[str, int | None] | None:
    path = root / "mutants" / (module.path + ".meta")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    codes: dict[str, int | None] = data.get("exit_code_by_key", {})
    return codes


# --------------------------------------------------------------------------- mutants and diffs


@dataclass(frozen=True)
class Change:
    """One changed place of a mutant's diff: the line in the original function (1-based), the
    text removed and the text added."""

    line: int
    removed: str
    added: str


@dataclass(frozen=True)
class Mutant:
    """A mutant not caught, as reported."""

    name: str
    status: str
    module: RuleModule
    function: str
    line: int | None
    diff: str
    literal: bool
    at_import: bool = False


_KEY = re.compile(
    r"^(?P<module>.+?)\.x(?:_(?P<func>\w+?)|ǁ(?P<cls>\w+)ǁ(?P<meth>\w+?))__mutmut_\w+$"
)
_MANGLED = re.compile(r"x(?:_|ǁ\w+ǁ)(\w+?)__mutmut_\w+")
_STRING = re.compile(r"""[rRbBuUfF]{0,2}("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")


def parse_key(name: str) -> tuple[str, str]:
    """The module and the function (``Class.method``) of a mutant's name."""
    m = _KEY.match(name)
    if m is None:
        return name, "?"
    if m["func"]:
        return m["module"], m["func"]
    return m["module"], f"{m['cls']}.{m['meth']}"


def changed_lines(diff: str) -> list[Change]:
    """The changed places of a unified diff of one function, with their original line."""
    out: list[Change] = []
    orig = 0
    removed: list[str] = []
    added: list[str] = []
    start = 0

    def flush() -> None:
        if removed or added:
            out.append(Change(start, "\n".join(removed), "\n".join(added)))
            removed.clear()
            added.clear()

    for text in diff.splitlines():
        if text.startswith(("---", "+++")):
            continue
        if text.startswith("@@"):
            flush()
            m = re.match(r"@@ -(\d+)", text)
            orig = int(m.group(1)) if m else 0
            continue
        if text.startswith("-"):
            if not removed and not added:
                start = orig
            removed.append(text[1:])
            orig += 1
        elif text.startswith("+"):
            if not removed and not added:
                start = orig
            added.append(text[1:])
        else:
            flush()
            orig += 1
    flush()
    return out


def literal_only(removed: str, added: str) -> bool:
    """Whether a change only alters the text inside string literals."""
    if removed == added:
        return False
    return _STRING.sub('""', removed) == _STRING.sub('""', added)


def function_spans(source: str) -> dict[str, tuple[int, int]]:
    """The lines of each function and method (``name`` / ``Class.name``), decorators included."""
    spans: dict[str, tuple[int, int]] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([d.lineno for d in node.decorator_list] + [node.lineno])
                spans[prefix + node.name] = (first, node.end_lineno or node.lineno)
            elif isinstance(node, ast.ClassDef):
                visit(node.body, f"{prefix}{node.name}.")

    visit(ast.parse(source).body, "")
    return spans


def import_time_functions(source: str) -> set[str]:
    """The module's own functions called while it is imported: in module-level statements, in
    class bodies, in decorators and in default values (a check factory passed to ``@policy``,
    a seed table built by a helper). mutmut imports the module before it picks a mutant, so the
    mutants of such a call are never run: they survive whatever the tests do, unless the
    function is also called later."""
    tree = ast.parse(source)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    called: set[str] = set()

    def calls(node: ast.AST | None) -> None:
        if node is None:
            return
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name):
                called.add(sub.func.id)

    def statements(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for d in node.decorator_list:
                    calls(d)
                for default in [*node.args.defaults, *node.args.kw_defaults]:
                    calls(default)
            elif isinstance(node, ast.ClassDef):
                for part in [*node.decorator_list, *node.bases, *node.keywords]:
                    calls(part)
                statements(node.body)
            else:
                calls(node)

    statements(tree.body)
    return called & defined


def locate(lines: Sequence[str], span: tuple[int, int], relative: int, text: str) -> int:
    """The line of the source file where a change at ``relative`` (1-based, within the function
    whose lines are ``span``) removed ``text``; the nearest line of the function with that text
    when the offset does not match (a comment above the function, the source changed since)."""
    start, end = span
    guess = start + relative - 1
    want = _MANGLED.sub(r"\1", text.split("\n", 1)[0]).strip()
    if not want:
        return guess
    matches = [n for n in range(start, end + 1) if lines[n - 1].strip() == want]
    if not matches:
        return guess
    return min(matches, key=lambda n: abs(n - guess))


def _diff(root: Path, name: str, path: str) -> str:
    cwd = os.getcwd()
    try:
        os.chdir(root)
        from mutmut.mutation.diff_apply import get_diff_for_mutant

        return str(get_diff_for_mutant(name, path=path))
    except Exception:  # mutmut's internals moved: ask its command line
        done = subprocess.run(
            [_mutmut(), "show", name], cwd=root, capture_output=True, text=True, check=False
        )
        return done.stdout.split("\n", 1)[1] if "\n" in done.stdout else done.stdout
    finally:
        os.chdir(cwd)


def _mutants(root: Path, module: RuleModule, codes: dict[str, int | None]) -> list[Mutant]:
    source = (root / module.path).read_text(encoding="utf-8")
    lines = source.splitlines()
    spans = function_spans(source)
    at_import = import_time_functions(source)
    out: list[Mutant] = []
    for name, code in sorted(codes.items(), key=lambda kv: _natural(kv[0])):
        status = status_of(code)
        if status in CAUGHT or status in ("skipped", "not checked"):  # not survivors
            continue
        _, function = parse_key(name)
        diff = _diff(root, name, module.path)
        changes = changed_lines(diff)
        line = None
        if changes and function in spans:
            first = changes[0]
            line = locate(lines, spans[function], first.line, first.removed)
        literal = bool(changes) and all(literal_only(c.removed, c.added) for c in changes)
        out.append(
            Mutant(name, status, module, function, line, diff, literal, function in at_import)
        )
    return out


def _natural(name: str) -> tuple[str, int]:
    head, _, number = name.rpartition("__mutmut_")
    return head, int(number) if number.isdigit() else 0


# --------------------------------------------------------------------------- what is excluded


@dataclass(frozen=True)
class Region:
    """Lines of a rule module that mutmut never mutates, and why."""

    start: int
    end: int
    what: str
    why: str


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    return ast.unparse(node)


def excluded_regions(source: str) -> list[Region]:
    """What mutmut 3 leaves alone in a module: decorated functions (but for a lone
    ``@staticmethod``/``@classmethod``), class bodies, module-level statements, and lines
    marked ``# pragma: no mutate``."""
    tree = ast.parse(source)
    out: list[Region] = []

    def visit_class(node: ast.ClassDef, prefix: str) -> None:
        name = prefix + node.name
        fields = [
            s
            for s in node.body
            if not isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
        ]
        if fields:
            bases = {ast.unparse(b) for b in node.bases}
            kind = "enum members" if any("Enum" in b for b in bases) else "fields and defaults"
            why = (
                "class body; stored values — pin them in a test"
                if kind == "enum members"
                else "class body; policy defaults are moved by tools/nudge_settings.py"
            )
            out.append(Region(fields[0].lineno, fields[-1].end_lineno or 0, f"{name} {kind}", why))
        for s in node.body:
            if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef):
                visit_function(s, f"{name}.")
            elif isinstance(s, ast.ClassDef):
                visit_class(s, f"{name}.")

    def visit_function(node: ast.FunctionDef | ast.AsyncFunctionDef, prefix: str) -> None:
        names = [_decorator_name(d) for d in node.decorator_list]
        if names and names not in (["staticmethod"], ["classmethod"]):
            first = min(d.lineno for d in node.decorator_list)
            out.append(
                Region(
                    first,
                    node.end_lineno or node.lineno,
                    f"{prefix}{node.name} (@{', @'.join(names)})",
                    "decorated function: mutmut does not mutate it",
                )
            )

    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            visit_class(node, "")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            visit_function(node, "")
        elif isinstance(node, ast.Assign | ast.AnnAssign) and _has_literal(node):
            target = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
            if target != "__all__":
                out.append(
                    Region(
                        node.lineno,
                        node.end_lineno or node.lineno,
                        f"{target} (module level)",
                        "module-level value: not mutated — pin it in a test if a decision or a "
                        "stored key depends on it",
                    )
                )
    for number, text in enumerate(source.splitlines(), 1):
        if re.search(r"#\s*pragma:\s*no mutate", text):
            out.append(Region(number, number, text.strip(), "marked # pragma: no mutate"))
    return sorted(out, key=lambda r: r.start)


def _has_literal(node: ast.Assign | ast.AnnAssign) -> bool:
    value = node.value
    if value is None:
        return False
    return any(
        isinstance(n, ast.Constant) and n.value is not None and not isinstance(n.value, bool)
        for n in ast.walk(value)
    )


# --------------------------------------------------------------------------- running mutmut


def _mutmut() -> str:
    beside = Path(sys.executable).parent / "mutmut"
    found = str(beside) if beside.exists() else shutil.which("mutmut")
    if found is None:
        raise SystemExit("mutmut is not installed: .venv/bin/pip install -e '.[dev]'")
    return found


def _failing_tests(root: Path, selection: Sequence[str], env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, flags=re.MULTILINE)
    broken = [f for f in found if "::" not in f]
    if broken or done.returncode not in (0, 1):
        print(done.stdout[-3000:])
        raise SystemExit(f"the tests cannot run (exit code {done.returncode}): {broken}")
    return sorted({f.split("[", 1)[0] for f in found})


def _progress(root: Path, modules: Sequence[RuleModule]) -> str:
    done = total = 0
    for module in modules:
        codes = _meta(root, module) or {}
        total += len(codes)
        done += sum(code is not None for code in codes.values())
    return f"{done} / {total} mutants checked" if total else "generating mutants, collecting stats"


def _run(args: argparse.Namespace, root: Path, modules: Sequence[RuleModule]) -> int:
    env = dict(os.environ)
    env.setdefault("HYPOTHESIS_PROFILE", "fast")
    deselect = list(args.deselect)
    if args.skip_failing:
        selection = _config(root).get("pytest_add_cli_args_test_selection", ["tests"])
        failing = _failing_tests(root, selection, env)
        if failing:
            print(f"{len(failing)} tests fail without any mutant; left out:")
            print("\n".join(f"  {t}" for t in failing))
        deselect += failing
    if deselect:
        extra = " ".join(f"--deselect {d}" for d in deselect)
        env["PYTEST_ADDOPTS"] = f"{env.get('PYTEST_ADDOPTS', '')} {extra}".strip()
    names: list[str] = [m.mutants for m in modules]
    if args.survivors:
        again = [
            key
            for module in modules
            for key, code in (_meta(root, module) or {}).items()
            if status_of(code) in NOT_CAUGHT
        ]
        if not again:
            print("no mutant of these modules survived; nothing to check again")
            return 0
        names = again
    elif args.resume:
        pending: list[str] = []
        for module in modules:
            codes = _meta(root, module)
            if codes is None:
                pending.append(module.mutants)
            else:
                pending += [k for k, v in codes.items() if v is None]
        if not pending:
            print("every mutant of these modules has a result; nothing to resume")
            return 0
        names = pending
    command = [_mutmut(), "run", "--max-children", str(args.max_children), *names]
    (root / "mutants").mkdir(exist_ok=True)
    log = root / "mutants" / "mutate.log"
    print(f"mutmut run over {', '.join(m.short for m in modules)}; its output: {log}")
    start = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        stopped = False
        while process.poll() is None:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                elapsed = time.monotonic() - start
                print(f"  {elapsed / 60:5.1f} min: {_progress(root, modules)}", flush=True)
                if args.budget and elapsed > args.budget and not stopped:
                    print(f"  budget of {args.budget:.0f} s spent: stopping mutmut")
                    os.killpg(process.pid, signal.SIGINT)  # mutmut's own clean stop
                    stopped = True
                    try:
                        process.wait(timeout=60)
                    except subprocess.TimeoutExpired:
                        os.killpg(process.pid, signal.SIGKILL)
    elapsed = time.monotonic() - start
    print(f"mutmut finished in {elapsed / 60:.1f} min (exit code {process.returncode})")
    if process.returncode != 0 and not stopped:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        print(tail)
        print("mutmut failed; its whole output is in", log)
        return 2
    return 0


def _report(args: argparse.Namespace, root: Path, modules: Sequence[RuleModule]) -> int:
    print()
    print(f"{'module':<24} {'caught/checked':>11}  score")
    below = False
    report: list[dict[str, Any]] = []
    every: list[Mutant] = []
    for module in modules:
        codes = _meta(root, module)
        if codes is None:
            print(f"{module.short:<24} no results yet")
            continue
        score = Score.of(codes.values())
        mutants = _mutants(root, module, codes)
        literal = sum(m.literal for m in mutants)
        imported = sum(m.at_import and not m.literal for m in mutants)
        line = score.line(module.short)
        if (literal or imported) and score.checked > literal + imported:
            rest = 100 * score.caught / (score.checked - literal - imported)
            left = [f"{literal} literal-text-only"] if literal else []
            left += [f"{imported} at import"] if imported else []
            line += f"   [{rest:.1f} % leaving out {' and '.join(left)}]"
        print(line)
        if args.fail_under is not None and (score.percent or 0) < args.fail_under:
            below = True
        every += mutants
        report.append(
            {
                "module": module.name,
                "path": module.path,
                "counts": score.counts,
                "caught": score.caught,
                "checked": score.checked,
                "percent": None if score.percent is None else round(score.percent, 1),
                "not_caught": [
                    {
                        "name": m.name,
                        "status": m.status,
                        "function": m.function,
                        "line": m.line,
                        "literal_text_only": m.literal,
                        "runs_at_import": m.at_import,
                        "diff": m.diff,
                    }
                    for m in mutants
                ],
            }
        )
    shown = [m for m in every if not (args.hide_literal and m.literal)]
    if shown:
        print(f"\nmutants not caught ({len(shown)}):")
    for m in shown:
        place = f"{m.module.path}:{m.line}" if m.line else m.module.path
        tag = "  [literal text only]" if m.literal else ""
        tag += "  [runs at import]" if m.at_import else ""
        print(f"\n{place}  {m.function}  {m.status}  {m.name}{tag}")
        if not args.no_diff:
            print("\n".join("    " + t for t in m.diff.splitlines()[2:]))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"\nwritten: {args.json}")
    return 1 if below else 0


def _excluded(root: Path, modules: Sequence[RuleModule]) -> None:
    for module in modules:
        regions = excluded_regions((root / module.path).read_text(encoding="utf-8"))
        print(f"\n{module.path}")
        for r in regions:
            lines = f"{r.start}" if r.start == r.end else f"{r.start}-{r.end}"
            print(f"  {lines:>9}  {r.what}: {r.why}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run mutmut over the chosen rule modules and report; see the module docstring."""
    parser = argparse.ArgumentParser(
        prog="tools/mutate.py", description="Mutation testing of the rule modules (mutmut)."
    )
    parser.add_argument("modules", nargs="*", help="modules or chapters (default: all)")
    parser.add_argument("--list", action="store_true", help="list the rule modules and stop")
    parser.add_argument("--report-only", action="store_true", help="report the last results")
    parser.add_argument("--excluded", action="store_true", help="list what is never mutated")
    parser.add_argument(
        "--max-children", type=int, default=os.cpu_count() or 2, help="mutmut's parallel workers"
    )
    parser.add_argument(
        "--budget", type=float, help="stop mutmut after this many seconds (results so far kept)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="check only the mutants without a result yet"
    )
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="check again only the mutants not caught last time (after adding tests)",
    )
    parser.add_argument("--deselect", action="append", default=[], help="a test to leave out")
    parser.add_argument(
        "--skip-failing",
        action="store_true",
        help="leave out the tests that fail without any mutant (listed) instead of stopping",
    )
    parser.add_argument("--no-diff", action="store_true", help="list survivors without diffs")
    parser.add_argument(
        "--hide-literal", action="store_true", help="leave out [literal text only] survivors"
    )
    parser.add_argument("--fail-under", type=float, help="exit 1 when a module scores below")
    parser.add_argument("--json", type=Path, help="write the scores and survivors to this file")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, even in a log

    modules = select(rule_modules(ROOT), args.modules)
    if args.list:
        for m in modules:
            print(f"{m.chapter or '-':<10} {m.path}")
        return 0
    if args.excluded:
        _excluded(ROOT, modules)
        return 0
    if not args.report_only:
        code = _run(args, ROOT, modules)
        if code:
            return code
    return _report(args, ROOT, modules)


if __name__ == "__main__":
    sys.exit(main())
