"""Benchmark: ``customer-rules grade`` on a synthetic portfolio, as a host runs it.

Run:  python benchmarks/bench_cli.py [--customers 50000] [--format jsonl] [--jobs 1 0]

Writes ``--customers`` rows of ``benchmarks/portfolio.py`` to a temporary CSV, then runs the
command on it once per ``--jobs`` value (``0``: one process per core, the default; ``1``: this
process only), output to ``/dev/null``, and prints for each run the wall time, the CPU time of
the command and its workers, and the peak resident memory of the largest process. This is a
measurement, not a test: nothing here asserts a time. JSON is written by orjson when the
``fast`` extra is installed, by the standard library otherwise (the first line says which).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from portfolio import portfolio_text

_MEASURE = """
import os, resource, subprocess, sys, time
start = time.perf_counter()
with open(os.devnull, "w") as sink:
    status = subprocess.run(sys.argv[1:], stdout=sink, stderr=sink, check=False).returncode
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, use.ru_utime + use.ru_stime, use.ru_maxrss, status)
"""
"""Runs the command and reports on it and its workers alone (children's usage is per process)."""


def run(path: Path, fmt: str, jobs: int) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS (KiB) and exit status of one run."""
    command = [sys.executable, "-m", "customer_rules", "grade", "--input", str(path)]
    command += ["--as-of", "2026-12-31", "--format", fmt, "--jobs", str(jobs)]
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    wall, cpu, peak, status = measured.stdout.split()
    return float(wall), float(cpu), int(peak), int(status)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--format", default="jsonl", choices=("csv", "json", "jsonl"))
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 0])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "portfolio.csv"
        print(f"writing {args.customers:,} synthetic customers …", flush=True)
        path.write_text(portfolio_text(args.customers), encoding="utf-8")
        writer = (
            "orjson (the fast extra)"
            if importlib.util.find_spec("orjson")
            else "the standard library"
        )
        print(f"cores: {len(os.sched_getaffinity(0))}; --format {args.format}; JSON by {writer}")
        for jobs in args.jobs:
            wall, cpu, peak, status = run(path, args.format, jobs)
            print(
                f"--jobs {jobs}: {wall:6.2f} s wall, {cpu:6.2f} s CPU, peak {peak / 1024:6.1f} MiB"
                f" (largest process), exit {status}"
            )


if __name__ == "__main__":
    main()
