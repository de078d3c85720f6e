"""The documented examples run: every docstring example and the README's Python block."""

from __future__ import annotations

import contextlib
import datetime as dt
import doctest
import enum
import importlib
import importlib.util
import io
import pkgutil
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import attrs
import pytest

import customer_rules
from customer_rules.grading import GradingPolicy
from customer_rules.labels import LabelledEnum
from customer_rules.settings import is_policy, settings_of

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(customer_rules.__path__, "customer_rules.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


DOC_PAGES = sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("page", DOC_PAGES, ids=lambda p: p.name)
def test_examples_in_the_docs(page: Path) -> None:
    import datetime as dt
    from decimal import Decimal

    import customer_rules.grading as grading

    namespace: dict[str, object] = {"dt": dt, "Decimal": Decimal}
    namespace.update({name: getattr(customer_rules, name) for name in customer_rules.__all__})
    namespace.update({name: getattr(grading, name) for name in grading.__all__})
    # doctest reads expected output up to a blank line: drop the Markdown fences first
    text = "\n".join(
        line for line in page.read_text(encoding="utf-8").splitlines() if not line.startswith("```")
    )
    test = doctest.DocTestParser().get_doctest(text, namespace, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_readme_python_example_prints_what_it_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.group(1), "README.md", "exec"), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == "Grade.A (4, 4, 4, 3) 15"
    assert len(lines) == 6
    assert all(line.startswith("[G2]") for line in lines[1:])


def test_the_type_checked_examples_import_and_run() -> None:
    """``tests/typing/api_examples.py`` (type-checked by ``mypy --strict src tests/typing``) is
    importable without running anything, and its examples that need no file run."""
    path = ROOT / "tests" / "typing" / "api_examples.py"
    spec = importlib.util.spec_from_file_location("api_examples", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert len(module.EXAMPLES_WITHOUT_FILES) >= 10
    with contextlib.redirect_stdout(io.StringIO()):
        for example in module.EXAMPLES_WITHOUT_FILES:
            example()


# --------------------------------------------------------------------------- parameter tables

GRADING_PAGE = ROOT / "docs" / "grading.md"

_POLICY_PATH = re.compile(r"`policy\.([A-Za-z_][\w.]*)`")
_PARAMETER = re.compile(r"`([A-Za-z_][\w.]*)`(?:\s*\([A-Z]\d+\))?")
_MARK = re.compile(r"\[(seed|default)\b")
_SEPARATOR_ROW = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
_LIST_ITEM = re.compile(r"\s*[,、;/+]\s*")
_GLOSS = re.compile(r"\s*[(（][^)）]*[)）]")
_RANGE = re.compile(r"(-?\d+)\s*[–-]\s*(-?\d+)")
_ROWS = re.compile(r"\b(\d+)\s+rows?\b")

NOT_YET_SETTINGS: frozenset[str] = frozenset()
"""Policy paths whose module is still being moved onto ``setting(...)``: their tables are skipped
while the policy at that path is not a ``@policy`` class. Empty once every module has landed."""


@attrs.frozen
class ParameterTable:
    """One table of docs/grading.md whose header's first cell starts with "parameter"."""

    line: int
    path: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))


def parameter_tables(text: str) -> list[ParameterTable]:
    """Every parameter table of a page, with its policy path: a backticked ``policy.x.y`` in the
    header's first cell or, failing that, the nearest one in the text above the table."""
    lines = text.splitlines()
    found: list[ParameterTable] = []
    i = 0
    while i < len(lines) - 1:
        if not (lines[i].startswith("|") and _SEPARATOR_ROW.match(lines[i + 1])):
            i += 1
            continue
        header = _cells(lines[i])
        end = i + 2
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        if header[0].lower().startswith("parameter"):
            paths = _POLICY_PATH.findall(header[0])
            if not paths:
                paths = _POLICY_PATH.findall("\n".join(lines[:i]))
            assert paths, f"grading.md:{i + 1}: no `policy.x` path in or above the table"
            rows = tuple((n + 1, _cells(lines[n])) for n in range(i + 2, end))
            found.append(ParameterTable(i + 1, paths[-1], rows))
        i = end
    return found


def _scalar_matches(text: str, value: object) -> bool:
    token = _GLOSS.sub("", text.replace("`", "")).strip()
    if isinstance(value, bool):
        return token.lower() in (("true", "yes", "是") if value else ("false", "no", "否"))
    if isinstance(value, enum.Enum):
        names = {value.name.lower(), str(value.value).lower()}
        if isinstance(value, LabelledEnum):
            names |= {value.zh.lower(), value.en.lower()}
        return token.lower() in names
    if isinstance(value, int | Decimal):
        number = re.sub(r"[\s,]", "", token).removesuffix("%")
        try:
            return Decimal(number) == value
        except InvalidOperation:
            return False
    if value is None:
        return token.lower() in ("—", "none", "")
    if isinstance(value, dt.date):
        return token == value.isoformat()
    return token == str(value)


def _items(cell: str, value: tuple[object, ...] | frozenset[object]) -> list[object] | None:
    """The values a list cell names (``3, 9``; ``1–12``; ``sales manager, 主管副总经理``), each
    matched to a member of ``value`` or kept as its text; ``None`` if the cell is empty."""
    text = _GLOSS.sub("", cell.replace("`", "")).strip()
    if not text:
        return None
    named: list[object] = []
    for part in _LIST_ITEM.split(text):
        span = _RANGE.fullmatch(part)
        if span and all(type(v) is int for v in value):
            named.extend(range(int(span[1]), int(span[2]) + 1))
            continue
        match = [v for v in value if _scalar_matches(part, v)]
        named.append(match[0] if match else part)
    return named


def default_matches(cell: str, value: object) -> bool:
    """Whether a table's default cell states ``value`` (see the test's docstring for the rules)."""
    if isinstance(value, tuple | frozenset):
        if not value:  # an empty list or table: "0 rows", "none" or "—"
            rows = _ROWS.search(cell)
            token = _GLOSS.sub("", cell.replace("`", "")).strip().lower()
            return (rows is not None and int(rows[1]) == 0) or token in ("—", "none", "")
        if value and all(attrs.has(type(v)) for v in value):
            rows = _ROWS.search(cell)
            return rows is not None and int(rows[1]) == len(value)
        named = _items(cell, value)
        return named is not None and set(named) == set(value)
    return _scalar_matches(cell, value)


TABLES = parameter_tables(GRADING_PAGE.read_text(encoding="utf-8"))


def _documented() -> set[str]:
    """The full setting paths the page's parameter tables have a row for."""
    return {
        f"{t.path}.{match[1]}"
        for t in TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }


def test_grading_page_has_parameter_tables() -> None:
    assert len(TABLES) >= 6, "the parameter tables of docs/grading.md were not found"


def test_every_grading_setting_has_a_row() -> None:
    """Every setting of ``GradingPolicy()`` — a new table's too — is a row of docs/grading.md
    (tables still listed in ``NOT_YET_SETTINGS`` aside)."""
    missing = [
        info.path
        for info in settings_of(GradingPolicy())
        if info.path not in _documented()
        and not any(info.path.startswith(f"{p}.") for p in NOT_YET_SETTINGS)
    ]
    assert not missing, f"settings without a row in docs/grading.md: {missing}"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: f"policy.{t.path}")
def test_parameter_table_matches_the_code(table: ParameterTable) -> None:
    """A parameter table of docs/grading.md says what ``GradingPolicy()`` declares.

    The table's policy path is the backticked ``policy.x.y`` of its header's first cell, or the
    nearest one in the text above it. For each row:

    * the first cell is the backticked parameter name, relative to that path (a sub-table's
      field as ``supervisor_deadline.days``); a trailing tag such as ``(T1)`` or ``(R1)`` is
      ignored; it must be a setting listed by :func:`customer_rules.settings.settings_of` for
      ``GradingPolicy()``;
    * the second cell is its default: the value in ``GradingPolicy()`` — the seed policy — which
      is the setting's declared default (for a field of a nested table, ``SettingInfo.default`` is
      that table class's own default, e.g. ``Deadline.days`` = 0, so the value in the seed policy
      is compared: 2 for ``reporting.supervisor_deadline.days``). Backticks, spaces and thousands
      separators are ignored and numbers are compared as ``Decimal`` (``10,000,000``, ``5 %``); an
      enum matches its value, name, or zh/en label (``one_point``, ``主管副总经理``); ``true``/
      ``false`` for flags; a list or set is compared as a set of values, its items separated by
      ``,`` ``、`` ``/`` ``+`` or ``;`` (so items cannot use thousands separators), with ``1–12``
      read as a range of integers and a parenthesised gloss after an item ignored (``主管副总经理
      (VP in charge)``); a list of records (the G3 levels, the G4 tiers) is prose — the cell must
      say how many rows it holds (``8 rows``), which is all that is compared;
    * the first ``[seed…]`` or ``[default…]`` after the default cell is the setting's
      :class:`~customer_rules.settings.Mark` (a note may mention the other mark later on).

    And the reverse: every setting under the table's path is a row of some parameter table of the
    page, so a new parameter cannot be left out of the docs.
    """
    policy = GradingPolicy()
    target: object = policy
    for part in table.path.split("."):
        target = getattr(target, part, None)
    if table.path in NOT_YET_SETTINGS and not is_policy(type(target)):
        pytest.skip(f"policy.{table.path}: {type(target).__module__} not on setting(...) yet")
    assert is_policy(type(target)), (
        f"grading.md:{table.line}: policy.{table.path} is not a policy table of GradingPolicy"
    )
    infos = {info.path: info for info in settings_of(policy)}
    documented = _documented()
    problems: list[str] = []
    for line, cells in table.rows:
        where = f"grading.md:{line}"
        name = _PARAMETER.fullmatch(cells[0])
        if name is None or len(cells) < 3:
            problems.append(f"{where}: expected | `name` | default | [seed]/[default] … |")
            continue
        info = infos.get(f"{table.path}.{name[1]}")
        if info is None:
            problems.append(f"{where}: `{name[1]}` is not a setting of policy.{table.path}")
            continue
        if not default_matches(cells[1], info.value):
            code = repr(info.value)
            code = code if len(code) <= 120 else code[:117] + "..."
            problems.append(f"{where}: `{name[1]}` default {cells[1]!r}, code {code}")
        mark = _MARK.search(" | ".join(cells[2:]))
        if mark is None or mark[1] != info.setting.mark.value:
            said = mark[1] if mark else "no mark"
            problems.append(f"{where}: `{name[1]}` says {said}, code [{info.setting.mark.value}]")
    for path in infos:
        if path.startswith(f"{table.path}.") and path not in documented:
            problems.append(f"grading.md:{table.line}: policy.{path} has no row")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- credit.md (C1–C11)

CREDIT_PAGE = ROOT / "docs" / "credit.md"
CREDIT_TABLES = parameter_tables(CREDIT_PAGE.read_text(encoding="utf-8"))


def _credit_problems(table: ParameterTable) -> list[str]:
    """What differs between one parameter table of docs/credit.md and ``CreditPolicy()``: the
    rules of :func:`test_parameter_table_matches_the_code`."""
    from customer_rules.credit import CreditPolicy

    policy = CreditPolicy()
    target: object = policy
    for part in table.path.split("."):
        target = getattr(target, part, None)
    if not is_policy(type(target)):
        return [f"credit.md:{table.line}: policy.{table.path} is not a table of CreditPolicy"]
    infos = {info.path: info for info in settings_of(policy)}
    documented = {
        f"{t.path}.{match[1]}"
        for t in CREDIT_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }
    problems: list[str] = []
    for line, cells in table.rows:
        where = f"credit.md:{line}"
        name = _PARAMETER.fullmatch(cells[0])
        if name is None or len(cells) < 3:
            problems.append(f"{where}: expected | `name` | default | [seed]/[default] … |")
            continue
        info = infos.get(f"{table.path}.{name[1]}")
        if info is None:
            problems.append(f"{where}: `{name[1]}` is not a setting of policy.{table.path}")
            continue
        if not default_matches(cells[1], info.value):
            problems.append(f"{where}: `{name[1]}` default {cells[1]!r}, code {info.value!r}")
        mark = _MARK.search(" | ".join(cells[2:]))
        if mark is None or mark[1] != info.setting.mark.value:
            said = mark[1] if mark else "no mark"
            problems.append(f"{where}: `{name[1]}` says {said}, code [{info.setting.mark.value}]")
    for path in infos:
        if path.startswith(f"{table.path}.") and path not in documented:
            problems.append(f"credit.md:{table.line}: policy.{path} has no row")
    return problems


@pytest.mark.parametrize("table", CREDIT_TABLES, ids=lambda t: f"policy.{t.path}")
def test_credit_parameter_table_matches_the_code(table: ParameterTable) -> None:
    """A parameter table of docs/credit.md says what ``CreditPolicy()`` declares, by the rules
    of the grading page's tables; and every setting under its path has a row."""
    problems = _credit_problems(table)
    assert not problems, "\n".join(problems)


def test_credit_tables_documented_are_documented_whole() -> None:
    """Each table of ``CreditPolicy`` that the page documents at all (a rule group's section
    written) has every one of its settings in a row — a new parameter cannot be left out."""
    from customer_rules.credit import CreditPolicy

    started = {t.path.split(".")[0] for t in CREDIT_TABLES}
    assert {"aging", "collection"} <= started
    documented = {
        f"{t.path}.{match[1]}"
        for t in CREDIT_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }
    missing = [
        info.path
        for info in settings_of(CreditPolicy())
        if info.path.split(".")[0] in started and info.path not in documented
    ]
    assert not missing, f"settings without a row in docs/credit.md: {missing}"


def test_credit_c1_c2_c3_c6_tables_are_on_the_page() -> None:
    """C1 (``standard``), C2 (``orders``), C3 (``shipment``) and C6 (``emergency``) each have
    their parameter table on docs/credit.md, so the checks above cover them whole."""
    started = {t.path.split(".")[0] for t in CREDIT_TABLES}
    assert {"standard", "orders", "shipment", "emergency"} <= started


# --------------------------------------------------------------------------- allocation.md (A1–A17)

ALLOCATION_PAGE = ROOT / "docs" / "allocation.md"
ALLOCATION_TABLES = parameter_tables(ALLOCATION_PAGE.read_text(encoding="utf-8"))


def _allocation_problems(table: ParameterTable) -> list[str]:
    """What differs between one parameter table of docs/allocation.md and
    ``AllocationPolicy()``: the rules of :func:`test_parameter_table_matches_the_code`."""
    from customer_rules.allocation import AllocationPolicy

    policy = AllocationPolicy()
    target: object = policy
    for part in table.path.split("."):
        target = getattr(target, part, None)
    if not is_policy(type(target)):
        return [f"allocation.md:{table.line}: policy.{table.path} is not a table of the policy"]
    infos = {info.path: info for info in settings_of(policy)}
    documented = {
        f"{t.path}.{match[1]}"
        for t in ALLOCATION_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }
    problems: list[str] = []
    for line, cells in table.rows:
        where = f"allocation.md:{line}"
        name = _PARAMETER.fullmatch(cells[0])
        if name is None or len(cells) < 3:
            problems.append(f"{where}: expected | `name` | default | [seed]/[default] … |")
            continue
        info = infos.get(f"{table.path}.{name[1]}")
        if info is None:
            problems.append(f"{where}: `{name[1]}` is not a setting of policy.{table.path}")
            continue
        if not default_matches(cells[1], info.value):
            problems.append(f"{where}: `{name[1]}` default {cells[1]!r}, code {info.value!r}")
        mark = _MARK.search(" | ".join(cells[2:]))
        if mark is None or mark[1] != info.setting.mark.value:
            said = mark[1] if mark else "no mark"
            problems.append(f"{where}: `{name[1]}` says {said}, code [{info.setting.mark.value}]")
    for path in infos:
        if path.startswith(f"{table.path}.") and path not in documented:
            problems.append(f"allocation.md:{table.line}: policy.{path} has no row")
    return problems


@pytest.mark.parametrize("table", ALLOCATION_TABLES, ids=lambda t: f"policy.{t.path}")
def test_allocation_parameter_table_matches_the_code(table: ParameterTable) -> None:
    """A parameter table of docs/allocation.md says what ``AllocationPolicy()`` declares, by the
    rules of the grading page's tables; and every setting under its path has a row."""
    problems = _allocation_problems(table)
    assert not problems, "\n".join(problems)


def test_allocation_a13_a17_tables_are_on_the_page() -> None:
    """A13 (``allocator``), A14 (``handover``), A15 (``summary``), A16 (``registers``) and A17
    (``samples``) each have their parameter table on docs/allocation.md, so the check above
    covers each of them whole."""
    started = {t.path.split(".")[0] for t in ALLOCATION_TABLES}
    assert {"allocator", "handover", "summary", "registers", "samples"} <= started


def test_allocation_a1_a6_tables_are_on_the_page() -> None:
    """A1 (``typing``), A2 (``rerequest``), A3–A5 (``sanctions``, ``response``) and A6
    (``fines``) each have their parameter tables on docs/allocation.md, so the check above
    covers each of them whole."""
    started = {t.path.split(".")[0] for t in ALLOCATION_TABLES}
    assert {"typing", "rerequest", "sanctions", "response", "fines"} <= started
    documented = {
        f"{t.path}.{match[1]}"
        for t in ALLOCATION_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }
    from customer_rules.allocation import AllocationPolicy

    mine = ("typing", "rerequest", "sanctions", "response", "fines")
    missing = [
        info.path
        for info in settings_of(AllocationPolicy())
        if info.path.split(".")[0] in mine and info.path not in documented
    ]
    assert not missing, f"A1–A6 settings without a row in docs/allocation.md: {missing}"


def test_allocation_a7_a12_tables_are_on_the_page() -> None:
    """A7 (``registration``), A8–A10 (``window``, ``idle``, ``protection``), the public pool
    (``pool``) and A11–A12 (``attribution``) each have their parameter tables on
    docs/allocation.md, with a row for every one of their settings."""
    from customer_rules.allocation import AllocationPolicy

    mine = ("registration", "window", "idle", "protection", "pool", "attribution")
    started = {t.path.split(".")[0] for t in ALLOCATION_TABLES}
    assert set(mine) <= started
    documented = {
        f"{t.path}.{match[1]}"
        for t in ALLOCATION_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }
    missing = [
        info.path
        for info in settings_of(AllocationPolicy())
        if info.path.split(".")[0] in mine and info.path not in documented
    ]
    assert not missing, f"A7–A12 settings without a row in docs/allocation.md: {missing}"


# --------------------------------------------------------------------------- service (S1–S7)

SERVICE_PAGE = ROOT / "docs" / "service.md"
SERVICE_TABLES = parameter_tables(SERVICE_PAGE.read_text(encoding="utf-8"))


def _service_documented() -> set[str]:
    return {
        f"{t.path}.{match[1]}"
        for t in SERVICE_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }


def test_every_service_setting_has_a_row() -> None:
    """Every setting of ``ServicePolicy()`` is a row of a parameter table of docs/service.md."""
    from customer_rules.service import ServicePolicy

    documented = _service_documented()
    missing = [i.path for i in settings_of(ServicePolicy()) if i.path not in documented]
    assert len(SERVICE_TABLES) >= 7
    assert not missing, f"settings without a row in docs/service.md: {missing}"


@pytest.mark.parametrize("table", SERVICE_TABLES, ids=lambda t: f"policy.{t.path}")
def test_service_parameter_table_matches_the_code(table: ParameterTable) -> None:
    """A parameter table of docs/service.md says what ``ServicePolicy()`` declares, by the rules
    of :func:`test_parameter_table_matches_the_code`."""
    from customer_rules.service import ServicePolicy

    policy = ServicePolicy()
    target: object = policy
    for part in table.path.split("."):
        target = getattr(target, part, None)
    assert is_policy(type(target)), f"service.md:{table.line}: policy.{table.path} is no table"
    infos = {info.path: info for info in settings_of(policy)}
    problems: list[str] = []
    for line, cells in table.rows:
        where = f"service.md:{line}"
        name = _PARAMETER.fullmatch(cells[0])
        if name is None or len(cells) < 3:
            problems.append(f"{where}: expected | `name` | default | [seed]/[default] … |")
            continue
        info = infos.get(f"{table.path}.{name[1]}")
        if info is None:
            problems.append(f"{where}: `{name[1]}` is not a setting of policy.{table.path}")
            continue
        if not default_matches(cells[1], info.value):
            problems.append(f"{where}: `{name[1]}` default {cells[1]!r}, code {info.value!r:.120}")
        mark = _MARK.search(" | ".join(cells[2:]))
        if mark is None or mark[1] != info.setting.mark.value:
            said = mark[1] if mark else "no mark"
            problems.append(f"{where}: `{name[1]}` says {said}, code [{info.setting.mark.value}]")
    documented = _service_documented()
    for path in infos:
        if path.startswith(f"{table.path}.") and path not in documented:
            problems.append(f"service.md:{table.line}: policy.{path} has no row")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- archives.md

ARCHIVES_PAGE = ROOT / "docs" / "archives.md"
ARCHIVES_TABLES = parameter_tables(ARCHIVES_PAGE.read_text(encoding="utf-8"))


def _archives_documented() -> set[str]:
    return {
        f"{t.path}.{match[1]}"
        for t in ARCHIVES_TABLES
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }


def test_archives_page_has_parameter_tables_for_every_setting() -> None:
    """Every setting of ``ArchivesPolicy()`` is a row of a parameter table of docs/archives.md."""
    from customer_rules.archives import ArchivesPolicy

    assert len(ARCHIVES_TABLES) >= 5, "the parameter tables of docs/archives.md were not found"
    documented = _archives_documented()
    missing = [s.path for s in settings_of(ArchivesPolicy()) if s.path not in documented]
    assert not missing, f"settings without a row in docs/archives.md: {missing}"


@pytest.mark.parametrize("table", ARCHIVES_TABLES, ids=lambda t: f"archives policy.{t.path}")
def test_archives_parameter_table_matches_the_code(table: ParameterTable) -> None:
    """A parameter table of docs/archives.md says what ``ArchivesPolicy()`` declares, by the
    rules of :func:`test_parameter_table_matches_the_code` (name, default, mark)."""
    from customer_rules.archives import ArchivesPolicy

    infos = {info.path: info for info in settings_of(ArchivesPolicy())}
    problems: list[str] = []
    for line, cells in table.rows:
        where = f"archives.md:{line}"
        name = _PARAMETER.fullmatch(cells[0])
        if name is None or len(cells) < 3:
            problems.append(f"{where}: expected | `name` | default | [seed]/[default] … |")
            continue
        info = infos.get(f"{table.path}.{name[1]}")
        if info is None:
            problems.append(f"{where}: `{name[1]}` is not a setting of policy.{table.path}")
            continue
        if not default_matches(cells[1], info.value):
            problems.append(f"{where}: `{name[1]}` default {cells[1]!r}, code {info.value!r}"[:300])
        mark = _MARK.search(" | ".join(cells[2:]))
        if mark is None or mark[1] != info.setting.mark.value:
            said = mark[1] if mark else "no mark"
            problems.append(f"{where}: `{name[1]}` says {said}, code [{info.setting.mark.value}]")
    assert not problems, "\n".join(problems)
