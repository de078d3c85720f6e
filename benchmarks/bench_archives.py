"""Benchmark: archives access decisions (R9, R11) and the monthly loan report (R5).

Run:  python benchmarks/bench_archives.py [--requests 200000] [--loans 1000000] [--repeat 3]

The inputs are built once (not timed): access requests drawn with the targeted generator of
``customer_rules.testing.access_requests`` (seeded, every rule deciding a share), and a loans
register of ``--loans`` loans over ten years, one in ten still out. On one core, in the same run,
on the same inputs, it measures:

  * ``may_access`` — the public API, returning a frozen ``AccessDecision`` (reasons built when
    read) — against a bare Python function of the same seed rules returning ``(allowed, code)``,
    and the same bare function building a small frozen attrs result of the same request;
  * ``monthly_report`` over every loan — against a bare function that filters, dates and sorts
    the same loans into tuples.

It checks that the API and the bare functions agree on every decision and every line, and prints
the rates and ratios. Goals: decisions within 2.5x of the bare function; the report over
1,000,000 loans in under 2 s. CPU time of this process (``time.process_time``) is measured.
This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best_seconds

from customer_rules.archives import (
    AccessAction,
    ArchivesPolicy,
    EmployeeStatus,
    FileKind,
    Loan,
    LoanItem,
    may_access,
    monthly_report,
)
from customer_rules.roles import Approval, Role
from customer_rules.testing import _seeded_request

POLICY = ArchivesPolicy()

# --------------------------------------------------------------------------- the bare rules

_KEEPERS = {
    FileKind.ARCHIVE: {Role.ARCHIVE_KEEPER, Role.ARCHIVE_DEPARTMENT},
    FileKind.RECORD: {Role.SALES_ADMIN},
    FileKind.LEDGER_CARD: {Role.GENERAL_AFFAIRS_FINANCE, Role.GENERAL_AFFAIRS_MANAGER},
    FileKind.CREDIT: {Role.BUSINESS_STATISTICS},
}
_V, _B, _C, _T = AccessAction.VIEW, AccessAction.BORROW, AccessAction.COPY, AccessAction.TRANSMIT
_GRANTS: dict[
    tuple[FileKind, AccessAction], tuple[str, tuple[tuple[str, frozenset[Role]], ...]]
] = {
    (FileKind.RECORD, _V): ("R9.grant.chairman", (("R9.records", frozenset({Role.CHAIRMAN})),)),
    (FileKind.LEDGER_CARD, _V): (
        "R9.grant.ledger",
        (("R9.ledger", frozenset({Role.GENERAL_AFFAIRS_FINANCE})),),
    ),
    (FileKind.LEDGER_CARD, _B): (
        "R9.grant.ledger",
        (("R9.ledger", frozenset({Role.GENERAL_AFFAIRS_FINANCE})),),
    ),
    (FileKind.CREDIT, _V): (
        "R9.grant.credit",
        (("R9.credit", frozenset({Role.BUSINESS_STATISTICS})),),
    ),
    (FileKind.CREDIT, _B): (
        "R9.grant.credit",
        (("R9.credit", frozenset({Role.BUSINESS_STATISTICS})),),
    ),
    (FileKind.ARCHIVE, _V): ("R3.grant.lend", (("R3.lend", frozenset({Role.ARCHIVE_KEEPER})),)),
    (FileKind.ARCHIVE, _B): ("R3.grant.lend", (("R3.lend", frozenset({Role.ARCHIVE_KEEPER})),)),
    (FileKind.ARCHIVE, _C): ("R4.grant.copy", (("R4.copy", frozenset({Role.ARCHIVE_MANAGER})),)),
    (FileKind.ARCHIVE, _T): (
        "R4.grant.outside",
        (
            ("R4.copy", frozenset({Role.ARCHIVE_MANAGER})),
            ("R4.outside", frozenset({Role.ARCHIVE_MANAGER})),
        ),
    ),
}


def _has(
    approvals: Sequence[Approval],
    what: str,
    roles: frozenset[Role],
    file: str,
    purpose: str,
    day: dt.date,
) -> bool:
    for a in approvals:
        if (
            a.what == what
            and a.subject == file
            and a.role in roles
            and a.purpose == purpose
            and a.on <= day
            and (a.valid_until is None or day <= a.valid_until)
        ):
            return True
    return False


def bare_access(
    p: Any,
    action: AccessAction,
    f: Any,
    purpose: str | None,
    approvals: Sequence[Approval],
    day: dt.date,
) -> tuple[bool, str]:
    """The seed's access rules (``sales`` preset) as one plain function: no checks, no result
    object."""
    if p.status is not EmployeeStatus.ACTIVE:
        return False, "R9.departed"
    if not purpose or not purpose.strip():
        return False, "R9.no_purpose"
    if (action is _T or f.personal) and not any(
        c.purpose == purpose and c.on <= day and (c.until is None or day <= c.until)
        for c in f.consents
    ):
        return False, "R11.third_party" if action is _T else "R11.consent"
    kind = f.kind
    if kind is not FileKind.ARCHIVE and f.owner is not None and f.owner == p.who:
        return True, "R9.grant.own"
    if action is _V and p.role in _KEEPERS[kind]:
        return True, "R9.grant.keeper"
    grant = _GRANTS.get((kind, action))
    if grant is not None:
        if all(_has(approvals, w, r, f.id, purpose, day) for w, r in grant[1]):
            return True, grant[0]
        return False, "R9.denied"
    if kind is not FileKind.ARCHIVE and action in (_C, _T):
        return False, "R9.duty"
    return False, "R9.denied"


def bare_report(loans: Sequence[Loan], on: dt.date) -> list[tuple[str, str, dt.date, int]]:
    """The seed's monthly report as one plain function: the loans out on ``on``, their due day
    and days late, sorted as the report sorts them."""
    out = []
    for x in loans:
        if x.state in ("out", "incomplete") and x.lent_on <= on:
            due = x.lent_on if x.item is LoanItem.ORIGINAL else x.lent_on + dt.timedelta(days=30)
            out.append(
                (
                    x.file,
                    x.item is not LoanItem.ORIGINAL,
                    x.lent_on,
                    x.id,
                    due,
                    (on - due).days if on > due else 0,
                )
            )
    out.sort(key=lambda t: t[:4])
    return [(t[3], t[0], t[4], t[5]) for t in out]


@attrs.frozen
class _BareDecision:
    """A small frozen result, as a host's own wrapper would keep one."""

    allowed: bool
    code: str
    principal: Any
    action: AccessAction
    file: Any
    on: dt.date


def bare_access_result(
    p: Any,
    action: AccessAction,
    f: Any,
    purpose: str | None,
    approvals: Sequence[Approval],
    day: dt.date,
) -> _BareDecision:
    allowed, code = bare_access(p, action, f, purpose, approvals, day)
    return _BareDecision(allowed, code, p, action, f, day)


# --------------------------------------------------------------------------- inputs


def requests(count: int) -> list[tuple[Any, ...]]:
    return [_seeded_request(seed, POLICY) for seed in range(count)]


def loans(count: int) -> list[Loan]:
    rnd = random.Random(7)
    start = dt.date(2016, 12, 31)
    states = (
        "closed",
        "closed",
        "closed",
        "closed",
        "closed",
        "closed",
        "closed",
        "closed",
        "out",
        "incomplete",
    )
    return [
        Loan(
            f"L{i:07d}",
            f"R-{rnd.randrange(200_000):06d}",
            LoanItem.ORIGINAL if rnd.random() < 0.6 else LoanItem.COPY,
            "李工",
            start + dt.timedelta(days=rnd.randrange(3650)),
            states[rnd.randrange(10)],
        )
        for i in range(count)
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200_000)
    parser.add_argument("--loans", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"building {args.requests:,} requests and {args.loans:,} loans …", flush=True)
    reqs = requests(args.requests)
    register = loans(args.loans)
    day = dt.date(2026, 12, 3)

    def api() -> None:
        for p, action, f, purpose, approvals, on in reqs:
            may_access(p, action, f, purpose, approvals, POLICY, on=on)

    def bare() -> None:
        for p, action, f, purpose, approvals, on in reqs:
            bare_access(p, action, f, purpose, approvals, on)

    def bare_result() -> None:
        for p, action, f, purpose, approvals, on in reqs:
            bare_access_result(p, action, f, purpose, approvals, on)

    api_s = best_seconds(api, args.repeat, time.process_time)
    bare_s = best_seconds(bare, args.repeat, time.process_time)
    bare_result_s = best_seconds(bare_result, args.repeat, time.process_time)
    report_s = best_seconds(
        lambda: monthly_report(register, POLICY, on=day), args.repeat, time.process_time
    )
    bare_report_s = best_seconds(lambda: bare_report(register, day), args.repeat, time.process_time)

    agree = sum(
        (d := may_access(p, a, f, pu, ap, POLICY, on=on)).allowed
        == (b := bare_access(p, a, f, pu, ap, on))[0]
        and str(d.code) == b[1]
        for p, a, f, pu, ap, on in reqs
    )
    report = monthly_report(register, POLICY, on=day)
    lines = [(x.loan.id, x.loan.file, x.due, x.days_late) for x in report.lines]
    same = lines == bare_report(register, day)

    n = len(reqs)

    def rate(name: str, seconds: float) -> None:
        print(f"{name:39s}: {n / seconds:>11,.0f}/s {seconds / n * 1e6:6.2f} µs")

    rate("may_access() — the public API", api_s)
    rate("bare function of the same rules", bare_s)
    print(f"ratio API / bare                       : {api_s / bare_s:.2f}x (goal ≤ 2.5x)")
    rate("bare function with a small result", bare_result_s)
    print(f"ratio API / bare with a result         : {api_s / bare_result_s:.2f}x")
    print(f"decisions agreeing with the bare rules : {agree:,} of {n:,} (must be all)")
    print(
        f"monthly_report() over {len(register):,} loans: {report_s:.2f} s (goal < 2 s),"
        f" {len(report.lines):,} lines"
    )
    print(
        f"bare report over the same loans        : {bare_report_s:.2f} s"
        f" (ratio {report_s / bare_report_s:.2f}x)"
    )
    print(f"report lines equal to the bare report  : {same}")


if __name__ == "__main__":
    main()
