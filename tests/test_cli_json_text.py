"""The commands' JSON text: written by orjson when the ``fast`` extra is installed, by the
standard library otherwise — the same text byte for byte either way."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.cli import _writers, main

_orjson = pytest.importorskip("orjson")  # the test extra installs it (customer_rules[fast])

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)  # beyond 64 bits orjson gives way
    | st.text()
)
trees = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def _stdlib(value: object, *, indent: bool) -> str:
    if indent:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@given(trees, st.booleans())
def test_json_text_is_the_standard_librarys_text_with_orjson_or_without(
    value: Any, indent: bool
) -> None:
    expected = _stdlib(value, indent=indent)
    assert _writers.json_text(value, indent=indent) == expected
    saved = _writers._orjson
    _writers._orjson = None
    try:
        assert _writers.json_text(value, indent=indent) == expected
    finally:
        _writers._orjson = saved


def test_an_int_orjson_refuses_is_written_by_the_standard_library() -> None:
    with pytest.raises(TypeError):
        _orjson.dumps(2**64)
    assert (
        _writers.json_text({"n": 2**64, "m": [-(2**70)]})
        == '{"n":18446744073709551616,"m":[-1180591620717411303424]}'
    )


def test_non_ascii_and_control_characters_read_back_exactly() -> None:
    value = {"名称": '华东重工\u2028\x00\x1f"\\/', "列": ["一", True, None, 0]}
    text = _writers.json_text(value)
    assert "华东重工" in text
    assert "\\u0000" in text
    assert '\\"' in text
    assert json.loads(text) == value


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("args", [("grade",), ("credit", "aging"), ("service", "calendar")])
def test_each_command_writes_the_same_text_without_orjson(
    capsys: pytest.CaptureFixture[str], fmt: str, args: tuple[str, ...]
) -> None:
    assert main([*args, "--format", fmt]) == 0
    fast = capsys.readouterr().out
    saved = _writers._orjson
    _writers._orjson = None
    try:
        assert main([*args, "--format", fmt]) == 0
    finally:
        _writers._orjson = saved
    assert capsys.readouterr().out == fast
    first = fast.splitlines()[0]
    assert first.startswith("{") if fmt == "jsonl" else first == "["
