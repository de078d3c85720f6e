"""A command's rows worked on by several processes (``--jobs``) give exactly what one process
gives: the same output, in input order, the same problems on standard error in the same order,
the same exit status — with bad rows, duplicates and dates after the day among them."""

from __future__ import annotations

import csv
import gc
import io
import multiprocessing
from pathlib import Path

import pytest

from customer_rules._portfolio import COLUMNS, sample_portfolio_text
from customer_rules.cli import _core, _parallel, main
from customer_rules.cli import grade as command
from customer_rules.cli._parallel import ordered_map


def _double(chunk: list[int]) -> list[int]:
    return [2 * n for n in chunk]


def _refuse_seven(chunk: list[int]) -> list[int]:
    if 7_777 in chunk:
        raise ValueError("7777")
    return chunk


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_ordered_map_keeps_the_order_of_the_input(jobs: int) -> None:
    assert list(ordered_map(_double, range(5_003), jobs=jobs, chunk=100)) == [
        2 * n for n in range(5_003)
    ]


def test_ordered_map_of_one_chunk_or_none_works_here() -> None:
    assert list(ordered_map(_double, range(3), jobs=4)) == [0, 2, 4]
    assert list(ordered_map(_double, [], jobs=4)) == []


def test_an_error_in_a_worker_is_raised_in_its_turn() -> None:
    seen: list[int] = []
    with pytest.raises(ValueError, match="7777"):
        seen.extend(ordered_map(_refuse_seven, range(20_000), jobs=2, chunk=1_000))
    assert seen == list(range(7_000))  # every chunk before the failing one, and nothing after


def _frozen_count(chunk: list[int]) -> list[int]:
    return [gc.get_freeze_count()] * len(chunk)


def test_the_heap_is_frozen_for_the_workers_and_thawed_after() -> None:
    gc.collect()
    assert gc.get_freeze_count() == 0
    seen = list(ordered_map(_frozen_count, range(4_000), jobs=2, chunk=1_000))
    assert min(seen) > 0  # every worker forked from a frozen heap
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError, match="7777"):
        list(ordered_map(_refuse_seven, range(20_000), jobs=2, chunk=1_000))
    assert gc.get_freeze_count() == 0  # thawed when a worker fails too


def test_the_pools_pipes_are_widened_where_linux_allows() -> None:
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipes cannot be widened here")
    pool = _parallel._pool(2)
    assert pool is not None
    try:
        for queue in (pool._inqueue, pool._outqueue):  # type: ignore[attr-defined]
            assert fcntl.fcntl(queue._reader.fileno(), fcntl.F_GETPIPE_SZ) == _parallel.PIPE_BYTES
        assert pool.apply(_double, ([1, 2],)) == [2, 4]
    finally:
        pool.terminate()
        gc.unfreeze()


def test_a_pool_built_otherwise_or_a_platform_without_resizing_is_left_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    class Closed:  # a reader whose pipe is gone: the resize fails and is let be
        def fileno(self) -> int:
            asked.append("fileno")
            raise ValueError("I/O operation on closed pipe")

    class Queue:
        _reader = Closed()

    class Bare:  # no _outqueue at all
        _inqueue = Queue()

    _parallel._widen_pipes(Bare())  # type: ignore[arg-type]
    resizable = getattr(_parallel.fcntl, "F_SETPIPE_SZ", None) is not None
    assert asked == (["fileno"] if resizable else [])
    monkeypatch.setattr(_parallel, "fcntl", None)
    _parallel._widen_pipes(Bare())  # type: ignore[arg-type]
    assert asked == (["fileno"] if resizable else [])  # without fcntl nothing more is asked


def test_without_fork_the_work_runs_here_and_the_heap_stays_thawed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork(method: str) -> object:
        raise ValueError(f"cannot find context for {method!r}")

    monkeypatch.setattr(multiprocessing, "get_context", no_fork)
    assert _parallel._pool(2) is None
    assert gc.get_freeze_count() == 0
    assert list(ordered_map(_frozen_count, range(3_000), jobs=2, chunk=1_000)) == [0] * 3_000


def _portfolio(path: Path, copies: int) -> Path:
    """The sample ``copies`` times with fresh ids, one bad amount, one date after the day and
    two duplicate ids per copy (one of the row the grading refuses)."""
    rows = list(csv.reader(io.StringIO(sample_portfolio_text())))[1:]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    at = {name: i for i, name in enumerate(COLUMNS)}
    for n in range(copies):
        for i, row in enumerate(rows):
            cells = list(row)
            cells[at["id"]] = f"{cells[at['id']]}-{n}"
            if i == 3:
                cells[at["contract_amount"]] = "一千万"
            if i == 5:
                cells[at["last_visit"]] = "2027-03-01"
            if i == 7:
                cells[at["id"]] = f"{rows[6][at['id']]}-{n}"  # the row before's id again
            if i == 8:  # the id of row 5, which the grading refuses: still a repeat
                cells[at["id"]] = f"{rows[5][at['id']]}-{n}"
            writer.writerow(cells)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_several_processes_write_what_one_writes(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(_portfolio(tmp_path / "big.csv", 120))  # 2,400 rows: three chunks
    common = ["grade", "--input", source, "--as-of", "2026-11-30", "--format", fmt]
    one = main([*common, "--jobs", "1"])
    alone = capsys.readouterr()
    two = main([*common, "--jobs", "2"])
    shared = capsys.readouterr()
    assert (two, shared.out, shared.err) == (one, alone.out, alone.err)
    assert one == 1  # rows were refused
    assert alone.err.count("一千万") == 120
    assert alone.err.count("duplicate id") == 240
    assert alone.err.count("last_visit") == 120
    lines = alone.out.splitlines()
    if fmt == "jsonl":
        assert len(lines) == 120 * 16
        assert lines[0].startswith('{"id":"C001-0"')
        assert lines[-1].startswith('{"id":"C020-119"')


def test_rows_built_by_workers_are_refused_as_rows_read_in_order_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A repeated id is refused whatever the first row's grading gave: the problems of the
    streaming formats (rows built where they are graded) are those of the table (rows built
    as they are read)."""
    source = str(_portfolio(tmp_path / "big.csv", 60))
    common = ["grade", "--input", source, "--as-of", "2026-11-30"]
    table = main([*common, "--format", "table", "--jobs", "1"])
    read_in_order = capsys.readouterr().err
    for jobs in ("1", "2"):
        assert main([*common, "--format", "jsonl", "--jobs", jobs]) == table
        assert capsys.readouterr().err == read_in_order
    assert read_in_order.count("duplicate id") == 120


def test_a_command_runs_with_fewer_collections_and_gives_the_callers_back(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[tuple[int, int, int]] = []
    real = command._run

    def spying(args: object) -> int:
        seen.append(gc.get_threshold())
        return real(args)  # type: ignore[arg-type]

    monkeypatch.setattr(command, "_run", spying)
    before = gc.get_threshold()
    gc.set_threshold(555, 7, 9)
    try:
        assert main(["grade", "--format", "jsonl"]) == 0
        assert gc.get_threshold() == (555, 7, 9)
        assert seen == [(_core.YOUNG_OBJECTS, 7, 9)]
        assert main(["grade", "--format", "nonsense"]) == 2  # a usage error: nothing changed
        assert gc.get_threshold() == (555, 7, 9)
    finally:
        gc.set_threshold(*before)
    assert capsys.readouterr().out.startswith('{"id":"C001"')
