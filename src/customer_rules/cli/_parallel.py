"""Private: a command's rows worked on by every core, in order, in flat memory.

A chapter command reads its input in this process (reading and the duplicate-id check need the
rows in order) and hands the work on each row — the rule, the columns, the output text — to
:func:`ordered_map`. With more than one job and more rows than one chunk, the chunks go to
worker processes forked from this one (so they share the policy, calendar and columns the
command loaded, with nothing pickled but the rows and the texts); their results come back in
input order, with at most two chunks per worker in flight, so memory does not grow with the
input. A small input, one job, or a platform without ``fork`` runs in this process, with the
same results.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from types import ModuleType
from typing import TypeVar

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # not a Unix: no pipes to widen (and no fork to use them)
    fcntl = None

__all__ = ["CHUNK", "default_jobs", "ordered_map"]

A = TypeVar("A")
B = TypeVar("B")

CHUNK = 1000
"""Rows per chunk handed to a worker."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def ordered_map(
    work: Callable[[list[A]], list[B]],
    items: Iterable[A],
    *,
    jobs: int,
    chunk: int = CHUNK,
) -> Iterator[B]:
    """``work`` applied to ``items`` a chunk at a time, the results in input order.

    ``work`` must be a module-level function; whatever it needs besides its chunk it reads from
    module state set before the call (workers are forked from this process). An exception in
    ``work`` is raised here, when its chunk's turn comes.
    """
    source = iter(items)
    first = list(itertools.islice(source, chunk))
    following = list(itertools.islice(source, chunk))
    parts = itertools.chain((first,), _chunks(following, source, chunk))
    pool = _pool(jobs) if jobs > 1 and following else None
    if pool is None:
        for part in parts:
            yield from work(part)
        return
    try:
        with pool:
            pending: deque[AsyncResult[list[B]]] = deque()
            for part in parts:
                pending.append(pool.apply_async(work, (part,)))
                if len(pending) >= 2 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        gc.unfreeze()


def _chunks(first: list[A], rest: Iterator[A], size: int) -> Iterator[list[A]]:
    if first:
        yield first
    while part := list(itertools.islice(rest, size)):
        yield part


def _pool(jobs: int) -> Pool | None:
    """A pool of forked workers, or ``None`` where forking is not available.

    What this process holds when they fork (the modules, the policy, the calendar, the
    columns) is frozen first (:func:`gc.freeze`; :func:`ordered_map` unfreezes it when the
    pool is done): no garbage collection in a worker walks it again, and none writes to — and
    so copies — the pages a worker shares with this process. Measured: the workers' CPU time
    for 50,000 customers graded falls by about 7 %.
    """
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs)
    except (ValueError, OSError, ImportError):  # no fork here, or no semaphores (a sandbox)
        gc.unfreeze()
        return None
    _widen_pipes(pool)
    return pool


PIPE_BYTES = 1 << 20
"""What a pool's pipes hold where the platform lets a pipe be widened (Linux's default
``/proc/sys/fs/pipe-max-size``)."""


def _widen_pipes(pool: Pool) -> None:
    """Let ``pool``'s task and result pipes hold :data:`PIPE_BYTES` instead of 64 KiB, where
    the platform allows it (Linux): a chunk's results — a few MiB of output — then cross in a
    few reads, not fifty-odd, each of which wakes a thread of this process. Measured on 50,000
    customers graded: a fifth of the context switches, about 0.1 s less wall time.

    Best effort, on the pool's private queues: a platform without ``F_SETPIPE_SZ``, a limit
    the system sets lower, or a pool built otherwise leaves the pipes as they are, and the
    work is the same.
    """
    resize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if resize is None:
        return
    for queue in (getattr(pool, "_inqueue", None), getattr(pool, "_outqueue", None)):
        reader = getattr(queue, "_reader", None)
        with contextlib.suppress(AttributeError, OSError, ValueError):
            fcntl.fcntl(reader.fileno(), resize, PIPE_BYTES)  # type: ignore[union-attr]
