"""customer_rules.rows: the one CSV reader — encodings, headers, lines, unquoted thousands."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import types
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import customer_rules.rows as rows_module
from customer_rules import InputError, PolicyError
from customer_rules._portfolio import PORTFOLIO_COLUMNS, sample_portfolio_text
from customer_rules.grading import GradingPolicy
from customer_rules.rows import ColumnMap, RowError, RowReader, RowResult, parse_rows, read_rows

T = TypeVar("T")


@attrs.frozen
class Signoff:
    who: str
    what: str
    on: dt.date


@attrs.frozen
class Deal:
    code: str
    amount: Decimal
    signed: Signoff | None = None
    note: str = ""


DEALS: ColumnMap[Deal] = ColumnMap(
    Deal,
    {
        "code": "code",
        "amount": "amount",
        "signed_by": "signed.who",
        "signed_on": "signed.on",
        "note": "note",
    },
    aliases={"编号": "code", "金额": "amount"},
    constants={"signed.what": "deal"},
    required={"code", "amount"},
    key="code",
)


def read(text: str, *, strict: bool = False) -> tuple[list[RowResult[Deal]], RowReader[Deal]]:
    with parse_rows(text, DEALS, strict=strict) as reader:
        return list(reader), reader


def values(results: list[RowResult[Deal]]) -> list[Deal | None]:
    return [r.value for r in results]


def errors(results: list[RowResult[Deal]]) -> list[str]:
    return [str(p) for r in results for p in r.problems]


def test_all_is_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(rows_module).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and type(value).__module__ != "typing"
        and name != "annotations"
        and (
            not isinstance(value, type | types.FunctionType)
            or value.__module__ == rows_module.__name__
        )
    }
    assert len(rows_module.__all__) == len(set(rows_module.__all__))
    assert set(rows_module.__all__) == public


# --------------------------------------------------------------------------- rows into facts


def test_rows_become_facts_with_nested_groups_and_constants() -> None:
    results, reader = read('code,amount,signed_by,signed_on\nD1,80万,王,2026-01-05\nD2,"3,000",,\n')
    assert reader.header_problems == ()
    assert [(r.line, r.problems) for r in results] == [(2, ()), (3, ())]
    assert values(results) == [
        Deal("D1", Decimal(800_000), Signoff("王", "deal", dt.date(2026, 1, 5))),
        Deal("D2", Decimal(3000)),  # no cell of the group filled: no constant, no group
    ]


def test_a_problem_names_its_line_and_column_not_the_field_path() -> None:
    results, _ = read("code,amount,signed_by,signed_on\nD1,1,王,soon\nD2,x,,\nD3,5,,\n")
    assert [r.value is None for r in results] == [True, True, False]
    assert [(p.line, p.column) for r in results for p in r.problems] == [
        (2, "signed_on"),
        (3, "amount"),
    ]
    assert errors(results)[0].startswith("line 2: signed_on: expected an ISO date")


def test_a_filled_group_missing_a_required_cell_names_that_column() -> None:
    results, _ = read("code,amount,signed_by,signed_on\nD1,1,王,\n")
    assert [(p.line, p.column) for p in results[0].problems] == [(2, "signed_on")]


def test_empty_cells_are_missing_and_cells_are_trimmed() -> None:
    results, _ = read("code,amount,note\n D1 , 12 ,\n")
    assert values(results) == [Deal("D1", Decimal(12))]


def test_lines_count_quoted_newlines_and_skip_blank_rows() -> None:
    results, _ = read('code,amount,note\nD1,1,"two\nlines"\n\n,,\nD2,x,\n')
    assert [r.line for r in results] == [2, 6]
    assert errors(results) == [f"line 6: amount: {results[1].problems[0].message}"]


def test_a_repeated_key_rejects_the_row_and_names_the_first_line() -> None:
    results, _ = read("code,amount\nD1,1\nD2,2\nD1,3\n")
    assert values(results)[:2] == [Deal("D1", Decimal(1)), Deal("D2", Decimal(2))]
    assert errors(results) == ["line 4: code: duplicate code 'D1' (first on line 2)"]


def test_rows_are_read_once() -> None:
    reader = parse_rows("code,amount\nD1,1\n", DEALS)
    assert len(list(reader)) == 1
    with pytest.raises(InputError, match="read once"):
        iter(reader)


# --------------------------------------------------------------------------- built from the cells


def _both_ways(text: str, columns: ColumnMap[T]) -> tuple[list[RowResult[T]], list[RowResult[T]]]:
    """The rows as read, and as read the general way: every row's nested mapping through
    ``from_data`` (no row built straight from its cells)."""
    with parse_rows(text, columns) as reader:
        read_ = list(reader)
    with parse_rows(text, columns) as reader:
        reader._build = None
        general = list(reader)
    return read_, general


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


_DEAL_CELLS = st.one_of(
    st.sampled_from(
        ["", " ", "D1", "D2", " D1 ", "12", " 12 ", "80万", "3,000", "-3.97", "1e5", ",5"]
    ),
    st.sampled_from(["x", "2026-01-05", " 2026-01-05", "2026-02-30", "20260105", "王", "deal"]),
)


@given(
    st.lists(st.sampled_from(["signed_by", "signed_on", "note"]), unique=True),
    st.lists(st.lists(_DEAL_CELLS, max_size=7), max_size=8),
)
def test_rows_built_from_their_cells_are_what_the_general_way_gives(
    extra: list[str], rows: list[list[str]]
) -> None:
    """A row is built straight from its cells; the facts, problems, lines and duplicates are
    exactly those of its nested mapping through ``from_data`` — short and long rows too."""
    fast, general = _both_ways(_csv([["code", "amount", *extra], *rows]), DEALS)
    assert fast == general


class _Size(enum.Enum):
    S = "s"
    M = "m"


@attrs.frozen
class _Extras:
    colour: str = "none"
    size: _Size | None = None
    count: int = 0


@attrs.frozen
class _Item:
    code: str
    ok: bool = False
    on: dt.date | None = None
    extras: _Extras | None = None
    price: Decimal | None = None


_ITEMS = ColumnMap(
    _Item,
    {
        "code": "code",
        "ok": "ok",
        "on": "on",
        "colour": "extras.colour",
        "size": "extras.size",
        "count": "extras.count",
        "price": "price",
    },
    key="code",
)
_ITEM_CELLS = st.one_of(
    st.sampled_from(["", " ", "I1", "I2", "是", "no", "maybe", "2026-01-05", "2026-13-01"]),
    st.sampled_from(["s", " M ", "L", "3", " 7 ", "-0", "1,000", "12%", "1.5", "x" * 20]),
)


@given(
    st.lists(st.sampled_from(list(_ITEMS.columns)), min_size=1, unique=True),
    st.lists(st.lists(_ITEM_CELLS, max_size=8), max_size=8),
)
def test_rows_of_a_group_with_defaults_are_what_the_general_way_gives(
    columns: list[str], rows: list[list[str]]
) -> None:
    """A group whose cells are all empty is left out (its field keeps its default)."""
    fast, general = _both_ways(_csv([columns, *rows]), _ITEMS)
    assert fast == general


_PORTFOLIO_CELLS = {
    "id": ["C1", "C2", " C1", ""],
    "name": ["华东重工", " ", ""],
    "category": ["大客户", "big", "ordinary", "BIG ", "huge", ""],
    "first_trade": ["2019-03-01", "2026-02-30", "2019/03/01", ""],
    "developed_on": ["2019-03-01", ""],
    "contract_amount": ["800万", "1,160,851.42", "3000000", "一千万", "1e5", ""],
    "paid_on_time": ["是", "否", "yes", "maybe", ""],
    "year_end_receivables": ["60万", "233,244.02", "-1", ""],
    "premium_pct": ["12%", "-3.97", "26.32", "x", ""],
    "strategic_influence": ["1", "3", "4", "9", "LEADER", ""],
    "assessed_by": ["王建国", ""],
    "assessor_role": ["sales_manager", "vp_in_charge", "nobody", ""],
    "assessed_on": ["2026-06-02", "1899-12-31", ""],
    "last_visit": ["2025-10-26", "soon", ""],
    "previous_grade": ["A", "d", "E", ""],
    "registered_on": ["2020-01-01", ""],
}


@given(
    st.lists(st.sampled_from(list(_PORTFOLIO_CELLS)), min_size=1, unique=True),
    st.data(),
)
def test_portfolio_rows_built_from_their_cells_are_what_the_general_way_gives(
    columns: list[str], data: st.DataObject
) -> None:
    header = ["id", *[c for c in columns if c != "id"]]
    rows = [
        [data.draw(st.sampled_from(_PORTFOLIO_CELLS[c])) for c in header]
        for _ in range(data.draw(st.integers(0, 6)))
    ]
    fast, general = _both_ways(_csv([header, *rows]), PORTFOLIO_COLUMNS)
    assert fast == general


def test_the_sample_portfolio_is_built_from_its_cells() -> None:
    with parse_rows(sample_portfolio_text(), PORTFOLIO_COLUMNS) as reader:
        assert reader._build is not None
    fast, general = _both_ways(sample_portfolio_text(), PORTFOLIO_COLUMNS)
    assert fast == general
    assert all(r.value is not None for r in fast)


@attrs.frozen
class _Inner:
    y: str
    z: int = 0


@attrs.frozen
class _Outer:
    x: _Inner | None = None
    w: str = ""


@pytest.mark.parametrize(
    ("cls", "columns", "constants"),
    [
        (_Outer, {"a": "x.y", "b": "x"}, {}),  # a path that is also a group
        (_Outer, {"a": "x..y", "b": "w"}, {}),  # an empty part
        (_Outer, {"a": "v", "b": "w"}, {}),  # not a field
        (_Outer, {"a": "w.y"}, {}),  # a group that is no attrs class
        (_Outer, {"a": "x.y"}, {"x.z": None}),  # a missing constant
        (_Outer, {"a": "x.y"}, {"x.z": [1]}),  # a constant that could change
        (_Outer, {"a": "x.y"}, {"x.z": "many"}),  # a constant that does not convert
        (GradingPolicy, {"a": "version"}, {}),  # a policy
    ],
)
def test_a_map_not_built_from_the_cells_is_read_the_general_way(
    cls: type, columns: dict[str, str], constants: dict[str, object]
) -> None:
    names = list(columns)
    text = _csv([names, ["v"] * len(names), ["7"] * len(names)])
    with parse_rows(text, ColumnMap(cls, columns, constants=constants)) as reader:
        assert reader._build is None


# --------------------------------------------------------------------------- headers


def test_aliases_and_any_case_name_the_columns() -> None:
    results, reader = read("编号,金额,NOTE\nD1,1,hi\n")
    assert reader.header == ("code", "amount", "note")
    assert values(results) == [Deal("D1", Decimal(1), note="hi")]


def test_unknown_column_is_a_warning_or_with_strict_an_error() -> None:
    results, reader = read("code,amount,colour\nD1,1,red\n")
    assert reader.header_problems == (
        RowError(
            1,
            "colour",
            "unknown column, ignored; expected one of: code, amount, signed_by, signed_on, note",
            warning=True,
        ),
    )
    assert values(results) == [Deal("D1", Decimal(1))]
    results, reader = read("code,amount,colour\nD1,1,red\n", strict=True)
    assert [p.warning for p in reader.header_problems] == [False]
    assert values(results) == [Deal("D1", Decimal(1))]


def test_a_column_named_twice_is_an_error_and_the_first_is_used() -> None:
    results, reader = read("code,amount,金额\nD1,1,2\n")
    assert [(p.line, p.column, p.warning) for p in reader.header_problems] == [(1, "金额", False)]
    assert values(results) == [Deal("D1", Decimal(1))]


@pytest.mark.parametrize(
    ("text", "match"),
    [("", "a header row"), ("\n ,\n", "a header row"), ("code,note\nD1,x\n", "amount")],
)
def test_no_header_or_a_missing_required_column_is_an_input_error(text: str, match: str) -> None:
    with pytest.raises(InputError, match=match) as caught:
        parse_rows(text, DEALS)
    assert caught.value.field == "header"


# --------------------------------------------------------------------------- unquoted thousands


def test_unquoted_thousands_are_one_error_naming_the_amounts_column() -> None:
    results, _ = read("code,amount,note\nD1,3,000,000,hi\nD2,1,500.50,\nD3,4,ok\n")
    assert values(results)[2] == Deal("D3", Decimal(4), note="ok")
    assert errors(results) == [
        "line 2: amount: amount 3,000,000 was split at the commas (the cell is not quoted), so"
        ' the row has 5 cells for 3 columns; quote the amount ("3,000,000") or write it without'
        " commas (3000000)",
        "line 3: amount: amount 1,500.50 was split at the commas (the cell is not quoted), so"
        ' the row has 4 cells for 3 columns; quote the amount ("1,500.50") or write it without'
        " commas (1500.50)",
    ]


def test_other_surplus_cells_are_one_plain_error_and_trailing_commas_are_harmless() -> None:
    results, _ = read("code,amount\nD1,1,oops\nD2,2,,\n")
    assert errors(results) == ["line 2: row has 3 cells, the header names 2"]
    assert values(results)[1] == Deal("D2", Decimal(2))


# --------------------------------------------------------------------------- encodings

TEXT = "编号,金额,note\nD1,80万,华东重工\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_files_in_utf8_with_or_without_bom_or_gbk_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "deals.csv"
    path.write_bytes(TEXT.encode(encoding))
    with read_rows(path, DEALS) as reader:
        assert [r.value for r in reader] == [Deal("D1", Decimal(800_000), note="华东重工")]
    assert reader.encoding == ("utf-8-sig" if encoding.startswith("utf") else "gb18030")


def test_an_explicit_encoding_is_used_as_given(tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    path.write_bytes(TEXT.encode("gbk"))
    with read_rows(path, DEALS, encoding="gbk") as reader:
        assert next(r.value for r in reader) == Deal("D1", Decimal(800_000), note="华东重工")
    with pytest.raises(InputError, match="encoding") as caught:
        read_rows(path, DEALS, encoding="utf-8")
    assert caught.value.field == "encoding"


def test_an_unknown_encoding_or_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    path.write_bytes(TEXT.encode("utf-8"))
    with pytest.raises(InputError, match="a text encoding such as") as caught:
        read_rows(path, DEALS, encoding="klingon")
    assert caught.value.field == "encoding"
    with pytest.raises(InputError, match="readable file") as caught:
        read_rows(tmp_path / "none.csv", DEALS)
    assert caught.value.field == "input"


class _Pipe(io.RawIOBase):
    """A binary stream that cannot be rewound (standard input from a pipe); counts reads."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = io.BytesIO(data)
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._data.read(len(buffer))
        buffer[: len(data)] = data
        self.read_bytes += len(data)
        return len(data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_streams_that_cannot_rewind_are_judged_by_their_start(encoding: str) -> None:
    pipe = _Pipe(TEXT.encode(encoding))
    with read_rows(io.BufferedReader(pipe), DEALS) as reader:
        assert [r.value for r in reader] == [Deal("D1", Decimal(800_000), note="华东重工")]
    assert not pipe.closed  # the caller's stream is left open


def test_a_stream_whose_later_bytes_are_not_utf8_is_an_input_error() -> None:
    ascii_rows = "".join(f"D{n},{n}\n" for n in range(200_000))  # over a megabyte
    data = ("code,amount,note\n" + ascii_rows).encode() + "D0x,1,华东\n".encode("gbk")
    reader = read_rows(io.BufferedReader(_Pipe(data)), DEALS)
    with reader, pytest.raises(InputError, match="--encoding gb18030") as caught:
        for _ in reader:
            pass
    assert caught.value.field == "encoding"


def test_rows_are_read_lazily() -> None:
    """The first row is there before the whole input is read: memory stays flat."""
    data = ("code,amount\n" + "".join(f"D{n},{n}\n" for n in range(500_000))).encode()
    pipe = _Pipe(data)
    reader = read_rows(io.BufferedReader(pipe), DEALS)
    first = next(iter(reader))
    assert first.value == Deal("D0", Decimal(0))
    assert pipe.read_bytes < len(data) // 2
    reader.close()


def test_a_file_is_closed_after_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("code,amount\nD1,1\n", encoding="utf-8")
    reader = read_rows(path, DEALS)
    stream = reader._stream
    assert [r.line for r in reader] == [2]
    assert stream.closed


def test_a_text_stream_is_read_as_is() -> None:
    with read_rows(io.StringIO("code,amount\nD1,1\n"), DEALS) as reader:
        assert [r.value for r in reader] == [Deal("D1", Decimal(1))]


def test_broken_csv_is_reported_on_its_line_and_stops() -> None:
    text = "code,amount,note\nD1,1,ok\nD2,2," + "x" * 200_000 + "\nD3,3,\n"
    results, _ = read(text)
    assert results[0].value == Deal("D1", Decimal(1), note="ok")
    assert [(p.line, p.column) for p in results[1].problems] == [(3, "")]
    assert results[1].problems[0].message.startswith("not valid CSV: field larger than")


# --------------------------------------------------------------------------- the map


def test_column_of_maps_a_problem_path_back_to_its_column() -> None:
    assert DEALS.column_of("signed.on") == "signed_on"
    assert DEALS.column_of("amount") == "amount"
    assert DEALS.column_of("signed.what") == "signed.what"  # a constant: no column
    assert DEALS.column_of("note[2]") == "note"


def test_a_map_that_cannot_be_right_is_a_policy_error() -> None:
    with pytest.raises(PolicyError) as caught:
        ColumnMap(
            Deal,
            {"code": "code"},
            aliases={"编号": "kode"},
            constants={"nowhere.what": 1},
            required={"amount"},
            key="id",
        )
    assert sorted(p.path for p in caught.value.problems) == [
        "aliases.编号",
        "constants.nowhere.what",
        "key",
        "required",
    ]


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"cls": int, "columns": {"a": "a"}}, "cls"),
        ({"cls": Deal, "columns": ["code"]}, "columns"),
        ({"cls": Deal, "columns": {}}, "columns"),
        ({"cls": Deal, "columns": {"code": "code"}, "aliases": {"x": 1}}, "aliases"),
        ({"cls": Deal, "columns": {"code": "code"}, "required": 5}, "required"),
        ({"cls": Deal, "columns": {"code": "code"}, "key": 5}, "key"),
    ],
)
def test_a_map_of_the_wrong_types_is_a_policy_error(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(PolicyError) as caught:
        ColumnMap(**kwargs)  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == [path]


def test_what_is_not_a_source_is_an_input_error(tmp_path: Path) -> None:
    for source, field in [(123, "source"), (b"code", "source"), ("a\x00b", "input")]:
        with pytest.raises(InputError) as caught:
            read_rows(source, DEALS)  # type: ignore[arg-type]
        assert caught.value.field == field
    closed = io.BytesIO(b"code,amount\n")
    closed.close()
    with pytest.raises(InputError, match="open, readable stream"):
        read_rows(closed, DEALS)
    with pytest.raises(InputError, match="ColumnMap"):
        parse_rows("code\n", {"code": "code"})  # type: ignore[arg-type]


def test_reading_in_halves_gives_what_iterating_gives() -> None:
    """``unbuilt``, then ``build`` and ``repeated`` on each row in order — what a command that
    builds rows in workers does — gives exactly the reader's own results."""
    text = sample_portfolio_text()
    lines = text.splitlines()
    text += "\n" + lines[3] + "\n\n" + lines[5].replace("2", "x", 3) + "\n"  # a repeat, a blank
    with parse_rows(text, PORTFOLIO_COLUMNS) as reader:
        whole = list(reader)
    halves: list[RowResult[object]] = []
    with parse_rows(text, PORTFOLIO_COLUMNS) as reader:
        for line, row, problems in reader.unbuilt():
            if row is None:
                halves.append(RowResult(line, None, problems))
                continue
            made = reader.build(line, row)
            if made is None:
                continue
            result, key = made
            repeated = None if key is None else reader.repeated(line, key)
            halves.append(result if repeated is None else RowResult(line, None, (repeated,)))
    assert halves == whole
    assert any("duplicate id" in str(p) for r in whole for p in r.problems)


@given(st.data())
def test_the_halves_refuse_what_is_not_a_row_naming_it(data: st.DataObject) -> None:
    from customer_rules.testing import malformed_values

    with parse_rows(sample_portfolio_text(), PORTFOLIO_COLUMNS) as reader:
        line, row = (
            data.draw(malformed_values(), label="line"),
            data.draw(malformed_values(), label="row"),
        )
        for call in (lambda: reader.build(line, row), lambda: reader.repeated(line, row)):
            try:
                call()
            except InputError as exc:
                paths = {p.path for p in exc.problems}
            else:
                paths = set()
            assert paths <= {"line", "row", "key_value"}
        for not_cells in ([1, 2], "C001,大客户", None):
            with pytest.raises(InputError, match="row"):
                reader.build(3, not_cells)  # type: ignore[arg-type]
        with pytest.raises(InputError, match="line"):
            reader.repeated(0, "C1")
        with pytest.raises(InputError, match="key_value"):
            reader.repeated(3, ["C1"])  # type: ignore[arg-type]
        list(reader.unbuilt())
        with pytest.raises(InputError, match="read once"):
            reader.unbuilt()
