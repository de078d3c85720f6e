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
from customer_rules.book import PolicyBook, chapters
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


_POLICY_PATH = re.compile(r"`policy\.([A-Za-z_][\w.]*)`")
_PARAMETER = re.compile(r"`([A-Za-z_][\w.]*)`(?:\s*\([A-Z]\d+\))?")
_MARK = re.compile(r"\[(seed|default)\b")
_SEPARATOR_ROW = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
_LIST_ITEM = re.compile(r"\s*[,、;/+]\s*")
_GLOSS = re.compile(r"\s*[(（][^)）]*[)）]")
_RANGE = re.compile(r"(-?\d+)\s*[–-]\s*(-?\d+)")
_ROWS = re.compile(r"\b(\d+)\s+rows?\b")


@attrs.frozen
class ParameterTable:
    """One table of a chapter's page whose header's first cell starts with "parameter"."""

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


CHAPTER_PAGES = {name: ROOT / "docs" / f"{name}.md" for name in chapters()}
"""Each chapter of the book and its page (``docs/grading.md``, ``docs/credit.md``, …)."""
PAGE_TABLES = {
    name: parameter_tables(page.read_text(encoding="utf-8")) for name, page in CHAPTER_PAGES.items()
}
CHAPTER_TABLES = [(name, table) for name, tables in PAGE_TABLES.items() for table in tables]


def _documented(tables: list[ParameterTable]) -> set[str]:
    """The full setting paths a page's parameter tables have a row for."""
    return {
        f"{t.path}.{match[1]}"
        for t in tables
        for _, cells in t.rows
        if (match := _PARAMETER.fullmatch(cells[0]))
    }


@pytest.mark.parametrize("chapter", sorted(CHAPTER_PAGES))
def test_every_setting_of_a_chapter_has_a_row(chapter: str) -> None:
    """Every setting of the chapter's seed policy (``PolicyBook().grading``, ``.credit`` …) — a
    new table's too — is a row of a parameter table of the chapter's page."""
    tables = PAGE_TABLES[chapter]
    assert tables, f"the parameter tables of docs/{chapter}.md were not found"
    documented = _documented(tables)
    policy = getattr(PolicyBook(), chapter)
    missing = [info.path for info in settings_of(policy) if info.path not in documented]
    assert not missing, f"settings without a row in docs/{chapter}.md: {missing}"


@pytest.mark.parametrize(
    ("chapter", "table"), CHAPTER_TABLES, ids=[f"{c}.{t.path}" for c, t in CHAPTER_TABLES]
)
def test_parameter_table_matches_the_code(chapter: str, table: ParameterTable) -> None:
    """A parameter table of a chapter's page says what the chapter's seed policy declares.

    The table's policy path is the backticked ``policy.x.y`` of its header's first cell, or the
    nearest one in the text above it. For each row:

    * the first cell is the backticked parameter name, relative to that path (a sub-table's
      field as ``supervisor_deadline.days``); a trailing tag such as ``(T1)`` or ``(R1)`` is
      ignored; it must be a setting listed by :func:`customer_rules.settings.settings_of` for
      the seed policy;
    * the second cell is its default: the value in the seed policy, which is the setting's
      declared default (for a field of a nested table, ``SettingInfo.default`` is that table
      class's own default, e.g. ``Deadline.days`` = 0, so the value in the seed policy is
      compared: 2 for ``reporting.supervisor_deadline.days``). Backticks, spaces and thousands
      separators are ignored and numbers are compared as ``Decimal`` (``10,000,000``, ``5 %``);
      an enum matches its value, name, or zh/en label (``one_point``, ``主管副总经理``);
      ``true``/``false`` for flags; a list or set is compared as a set of values, its items
      separated by ``,`` ``、`` ``/`` ``+`` or ``;`` (so items cannot use thousands separators),
      with ``1–12`` read as a range of integers and a parenthesised gloss after an item ignored
      (``主管副总经理 (VP in charge)``); a list of records (the G3 levels, the G4 tiers) is prose —
      the cell must say how many rows it holds (``8 rows``), which is all that is compared;
    * the first ``[seed…]`` or ``[default…]`` after the default cell is the setting's
      :class:`~customer_rules.settings.Mark` (a note may mention the other mark later on).

    And the reverse: every setting under the table's path is a row of some parameter table of the
    page, so a new parameter cannot be left out of the docs.
    """
    page = f"{chapter}.md"
    policy = getattr(PolicyBook(), chapter)
    target: object = policy
    for part in table.path.split("."):
        target = getattr(target, part, None)
    assert is_policy(type(target)), (
        f"{page}:{table.line}: policy.{table.path} is not a policy table of {type(policy).__name__}"
    )
    infos = {info.path: info for info in settings_of(policy)}
    documented = _documented(PAGE_TABLES[chapter])
    problems: list[str] = []
    for line, cells in table.rows:
        where = f"{page}:{line}"
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
            problems.append(f"{page}:{table.line}: policy.{path} has no row")
    assert not problems, "\n".join(problems)


def test_each_rule_group_has_its_tables_on_its_page() -> None:
    """The tables each rule group declares are on its chapter's page (so the checks above cover
    each of them whole)."""
    groups = {
        "grading": {"deal_size", "scorecard", "eligibility", "service", "reporting", "regrading"},
        "credit": {"standard", "orders", "shipment", "emergency", "aging", "collection"},
        "allocation": {
            "typing", "rerequest", "sanctions", "response", "fines", "registration", "window",
            "idle", "protection", "pool", "attribution", "allocator", "handover", "summary",
            "registers", "samples",
        },
    }  # fmt: skip
    for chapter, expected in groups.items():
        started = {t.path.split(".")[0] for t in PAGE_TABLES[chapter]}
        assert expected <= started, (chapter, expected - started)
