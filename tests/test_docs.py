"""The documented examples run: every docstring example and the README's Python block."""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import pkgutil
import re
from pathlib import Path

import pytest

import customer_rules

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
