"""Write a synthetic portfolio CSV in the columns of the shipped sample, for the CLI benchmarks.

Run:  python benchmarks/portfolio.py 1000000 > /tmp/portfolio.csv

Rows are distinct and spread over every band, category, eligibility case and previous grade;
about one row in a hundred carries a mistake (an unreadable amount or a date after the day of
the grading), as a real spreadsheet does. The output is deterministic for a given count.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import sys
from collections.abc import Iterator, Sequence

from customer_rules._portfolio import COLUMNS

HEADER = list(COLUMNS)
"""The columns of the shipped sample, in its order."""
_DAY0 = dt.date(2010, 1, 1)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> str:
    return (start + dt.timedelta(days=rng.randrange((end - start).days + 1))).isoformat()


def rows(count: int, seed: int = 20261125) -> Iterator[list[str]]:
    """``count`` synthetic rows (without the header)."""
    rng = random.Random(seed)
    end = dt.date(2026, 12, 31)
    for i in range(count):
        first = _day(rng, _DAY0, end)
        amount = f"{rng.randrange(0, 2_000_000_000) / 100:,.2f}"
        if rng.random() < 0.005:
            amount = "一千万"  # an amount nobody can read: the row is reported, the rest go on
        assessed = rng.random() < 0.7
        yield [
            f"C{i:07d}",
            f"客户{i}有限公司",
            rng.choice(("大客户", "普通客户", "big", "ordinary")),
            first,
            first if rng.random() < 0.5 else "",
            amount,
            "是" if rng.random() < 0.85 else "否",
            f"{rng.randrange(0, 300_000_000) / 100:,.2f}",
            f"{rng.randrange(-500, 3000) / 100}",
            str(rng.randrange(1, 5)),
            "王建国" if assessed else "",
            "sales_manager" if assessed else "",
            _day(rng, dt.date(2026, 1, 1), end) if assessed else "",
            _day(rng, dt.date(2024, 1, 1), end) if rng.random() < 0.9 else "",
            rng.choice(("A", "B", "C", "D", "")),
            "",  # registered_on: the first-contract reading of G3 does not read it
        ]


def portfolio_text(count: int) -> str:
    """The CSV text of a synthetic portfolio of ``count`` rows (and its header)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows(count))
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=50_000)
    args = parser.parse_args(argv)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADER)
    out.writerows(rows(args.count))


if __name__ == "__main__":
    main()
