"""The commands' JSON: written by orjson when the ``fast`` extra is installed, by the standard
library otherwise — the same bytes either way; and the encoded records written to a stream with
a UTF-8 buffer, or to one without, as the same text."""

from __future__ import annotations

import contextlib
import io
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


def _stdlib(value: object, *, indent: bool) -> bytes:
    if indent:
        return json.dumps(value, ensure_ascii=False, indent=2).encode()
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@given(trees, st.booleans())
def test_json_bytes_are_the_standard_librarys_with_orjson_or_without(
    value: Any, indent: bool
) -> None:
    expected = _stdlib(value, indent=indent)
    assert _writers.json_bytes(value, indent=indent) == expected
    saved = _writers._orjson
    _writers._orjson = None
    try:
        assert _writers.json_bytes(value, indent=indent) == expected
    finally:
        _writers._orjson = saved


def test_an_int_orjson_refuses_is_written_by_the_standard_library() -> None:
    with pytest.raises(TypeError):
        _orjson.dumps(2**64)
    assert (
        _writers.json_bytes({"n": 2**64, "m": [-(2**70)]})
        == b'{"n":18446744073709551616,"m":[-1180591620717411303424]}'
    )


def test_non_ascii_and_control_characters_read_back_exactly() -> None:
    value = {"名称": '华东重工\u2028\x00\x1f"\\/', "列": ["一", True, None, 0]}
    text = _writers.json_bytes(value).decode()
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


_COLUMNS = (_writers.Column("名称", lambda r, _: r), _writers.Column("n", lambda r, _: len(r)))


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
@pytest.mark.parametrize("records", [[], ["华东重工", 'a "b", c', "x\ny"]])
def test_encoded_records_read_the_same_through_a_buffer_or_as_text(
    fmt: str, records: list[str]
) -> None:
    with_buffer = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with_buffer.write("before ")  # text already written stays first
    count = _writers.write_records(with_buffer, fmt, _COLUMNS, records, "zh", bom=fmt == "csv")
    with_buffer.write(" after")
    with_buffer.flush()
    as_bytes = with_buffer.buffer.getvalue()  # type: ignore[attr-defined]
    text_only = io.StringIO()
    text_only.write("before ")
    assert _writers.write_records(text_only, fmt, _COLUMNS, records, "zh", bom=fmt == "csv") == (
        count
    )
    text_only.write(" after")
    assert count == len(records)
    assert as_bytes.decode() == text_only.getvalue()
    body = text_only.getvalue()[len("before ") : -len(" after")]
    if fmt == "json":
        assert [r["名称"] for r in json.loads(body)] == records
    elif fmt == "jsonl":
        assert [json.loads(line)["名称"] for line in body.splitlines()] == records
    else:
        assert body.startswith("\ufeff名称,n\n")


def test_a_stream_in_another_encoding_is_written_as_text() -> None:
    gbk = io.TextIOWrapper(io.BytesIO(), encoding="gbk", newline="")
    _writers.write_records(gbk, "jsonl", _COLUMNS, ["华东"], "zh")
    gbk.flush()
    assert gbk.buffer.getvalue().decode("gbk") == '{"名称":"华东","n":2}\n'  # type: ignore[attr-defined]


def test_a_command_writes_to_a_replaced_standard_output() -> None:
    """A host that points ``sys.stdout`` at a ``StringIO`` (no binary buffer) gets the text."""
    seen = io.StringIO()
    with contextlib.redirect_stdout(seen):
        assert main(["grade", "--format", "jsonl"]) == 0
    lines = seen.getvalue().splitlines()
    assert json.loads(lines[0])["id"] == "C001"
    assert all(json.loads(line)["grade"] in ("A", "B", "C", "D", None) for line in lines)
