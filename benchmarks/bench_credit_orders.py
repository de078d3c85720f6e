"""Benchmark: checking orders against customers' credit positions (C2) as a host runs it.

Run:  python benchmarks/bench_credit_orders.py [--orders 1000000] [--customers 1000] [--repeat 3]

Builds (not timed) ``--customers`` synthetic credit positions — terms with a limit of 100,000 to
2,000,000, zero to five receivables (past due, not yet due, partly paid), zero to two signed
unshipped orders — and ``--orders`` orders spread over them (amounts up to 500,000; one in ten
asking a longer term, one in twenty a form not granted, one in twenty re-submitting an unshipped
order). Then, on one core, in the same run, on the same orders, it measures CPU time
(``time.process_time``) for:

  * ``check_order`` — the public API, returning a frozen ``OrderCheck`` (reasons, what-if and
    components built lazily, only when read);
  * a bare Python function of the same seed rule (limit, exposure component by component, the
    re-submission, term and form), recomputing each customer's sums for every order, returning
    a tuple;
  * the same bare function with each customer's sums worked out once per customer and day, as
    the API keeps them — the tight baseline;
  * each followed by export to plain data: ``interchange.to_data`` of the result for the API
    (every field, the limit, the derived ``over`` / ``collect_first`` / ``ship_less`` and every
    reason with its facts), and for the bare function the same data — the same keys, amounts and
    reasons' codes and facts — built directly as dicts (recomputing the sums, as the plain bare
    function does);

and prints orders per second, µs per order and the ratios. Each repeat uses a fresh policy, so
no run starts with what the previous one kept. It checks that the API and the bare function
agree on the decision and the exposure of the first 100,000 orders, and that their plain data
is equal for the first 10,000 (so the baseline does all the work the export does). A
measurement, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best_seconds

from customer_rules.credit import (
    CreditForm,
    CreditPolicy,
    CreditPosition,
    CreditTerms,
    Order,
    Receivable,
    check_order,
)
from customer_rules.interchange import to_data

DAY = dt.date(2026, 11, 30)
_ZERO = Decimal(0)


def positions(count: int, rng: random.Random) -> list[CreditPosition]:
    """``count`` synthetic positions (deterministic for a seed)."""
    found = []
    for i in range(count):
        customer = f"C{i:05d}"
        limit = Decimal(rng.randrange(100_000, 2_000_001, 10_000))
        forms = (CreditForm.OPEN_ACCOUNT,) + ((CreditForm.ACCEPTANCE_BILL,) if i % 3 else ())
        terms = CreditTerms(limit, rng.choice((30, 60, 90)), forms)
        receivables = []
        for j in range(rng.randrange(6)):
            amount = Decimal(rng.randrange(1_000_00, 40_000_000)) / 100
            paid = amount / 2 if j % 3 == 0 else _ZERO
            due = DAY + dt.timedelta(days=rng.randrange(-120, 90))
            receivables.append(Receivable(f"INV-{i}-{j}", customer, amount, due, paid=paid))
        unshipped = [
            Order(f"SO-{i}-{j}", customer, Decimal(rng.randrange(1_000, 300_000)))
            for j in range(rng.randrange(3))
        ]
        found.append(CreditPosition(customer, terms, None, receivables, unshipped))
    return found


def orders(count: int, book: list[CreditPosition], rng: random.Random) -> list[Order]:
    found = []
    for k in range(count):
        p = book[k % len(book)]
        assert p.terms is not None
        term = p.terms.term_days + (30 if k % 10 == 0 else 0)
        form = CreditForm.INSTALMENT if k % 20 == 1 else CreditForm.OPEN_ACCOUNT
        resubmit = k % 20 == 2 and p.unshipped
        id = p.unshipped[0].id if resubmit else f"SO-N{k}"
        amount = Decimal(rng.randrange(1_000_00, 50_000_000)) / 100
        found.append(Order(id, p.customer, amount, term, form))
    return found


# --------------------------------------------------------------------------- the bare rule


def _sums(p: CreditPosition, on: dt.date) -> tuple[Decimal, Decimal, Decimal, dict[str, Decimal]]:
    not_due = past = _ZERO
    for r in p.receivables:
        if r.due < on:
            past += r.amount - r.paid
        else:
            not_due += r.amount - r.paid
    by_id = {o.id: o.amount for o in p.unshipped}
    return not_due, past, sum(by_id.values(), _ZERO), by_id


def _decide(
    o: Order, p: CreditPosition, sums: tuple[Decimal, Decimal, Decimal, dict[str, Decimal]]
) -> tuple[str, Decimal, Decimal]:
    """The seed rule as one plain function: no checks, no reasons, a tuple."""
    not_due, past, unshipped, by_id = sums
    prior = by_id.get(o.id)
    if prior is not None:
        unshipped -= prior
    total = not_due + past + unshipped + o.amount
    terms = p.terms
    if terms is None:
        return "needs_approval", total, total
    limit = terms.limit if terms.limit is not None else _ZERO
    over = total - limit if total > limit else _ZERO
    failed = (
        over > 0
        or (o.term_days is not None and o.term_days > terms.term_days)
        or (o.form is not None and o.form not in terms.forms)
    )
    return ("needs_approval" if failed else "accept"), total, over


def bare(o: Order, p: CreditPosition, on: dt.date) -> tuple[str, Decimal, Decimal]:
    """Recomputing the customer's sums for every order."""
    return _decide(o, p, _sums(p, on))


def _dec(value: Decimal | None) -> object:
    return None if value is None else {"decimal": str(value)}


def bare_data(o: Order, p: CreditPosition, on: dt.date) -> dict[str, object]:
    """The bare rule and its result as the plain data ``to_data`` writes — the same keys, the
    same amounts, the same reasons' codes and facts — built directly, without the objects."""
    not_due, past, unshipped, by_id = sums = _sums(p, on)
    decision, total, over = _decide(o, p, sums)
    prior = by_id.get(o.id)
    if prior is not None:
        unshipped -= prior
    terms = p.terms
    assert terms is not None
    assert terms.limit is not None
    limit = terms.limit
    limit_reason: dict[str, object] = {
        "rule": "C2",
        "code": "C2.limit.customer",
        "facts": {"customer": p.customer, "limit": _dec(limit), "group": p.group},
    }
    reasons: list[dict[str, object]] = [
        limit_reason,
        {
            "rule": "C2",
            "code": "C2.exposure",
            "facts": {
                "total": _dec(total),
                "open_not_due": _dec(not_due),
                "past_due": _dec(past),
                "unshipped": _dec(unshipped),
                "this_order": _dec(o.amount),
            },
        },
    ]
    if prior is not None:
        reasons.append(
            {
                "rule": "C2",
                "code": "C2.resubmitted",
                "facts": {"order": o.id, "earlier": _dec(prior)},
            }
        )
    failures = []
    if over:
        failures.append("over_limit")
        reasons.append(
            {
                "rule": "C2",
                "code": "C2.over_limit",
                "facts": {"total": _dec(total), "limit": _dec(limit), "over": _dec(over)},
            }
        )
    if o.term_days is not None and o.term_days > terms.term_days:
        failures.append("term")
        reasons.append(
            {
                "rule": "C2",
                "code": "C2.term",
                "facts": {"days": o.term_days, "granted": terms.term_days},
            }
        )
    if o.form is not None and o.form not in terms.forms:
        failures.append("form")
        reasons.append(
            {
                "rule": "C2",
                "code": "C2.form",
                "facts": {
                    "form": {"enum": "CreditForm", "value": o.form.value},
                    "granted": [{"enum": "CreditForm", "value": f.value} for f in terms.forms],
                },
            }
        )
    next_role = "general_manager" if failures else "business_department"
    if failures:
        decided: dict[str, object] = {
            "order": o.id,
            "next": {"enum": "Role", "value": next_role},
        }
    else:
        decided = {
            "at": {"enum": "CheckPoint", "value": "order_confirmation"},
            "next": {"enum": "Role", "value": next_role},
        }
    reasons.append(
        {"rule": "C2", "code": "C2.needs_approval" if failures else "C2.accept", "facts": decided}
    )
    # what would make it pass (the seed book: every component included, no sub-limit)
    only_over = failures == ["over_limit"]
    collect = over if only_over and over <= past + not_due else None
    less = over if only_over and over < o.amount else None
    if collect is not None:
        reasons.append(
            {"rule": "C2", "code": "C2.collect_first", "facts": {"amount": _dec(collect)}}
        )
    if less is not None:
        reasons.append(
            {
                "rule": "C2",
                "code": "C2.ship_less",
                "facts": {"amount": _dec(less), "remaining": _dec(o.amount - less)},
            }
        )
    return {
        "order": {
            "id": o.id,
            "customer": o.customer,
            "amount": str(o.amount),
            "term_days": o.term_days,
            "form": None if o.form is None else o.form.value,
            "currency": o.currency,
        },
        "at": "order_confirmation",
        "reaction": "approval",
        "decision": decision,
        "failures": failures,
        "terms": {
            "limit": str(limit),
            "term_days": terms.term_days,
            "forms": [f.value for f in terms.forms],
            "grade": terms.grade,
        },
        "limit": {
            "customer": p.customer,
            "on": on.isoformat(),
            "source": "customer",
            "base": str(limit),
            "group": p.group,
            "raises": [],
            "statuses": [],
            "amount": str(limit),
            "policy_version": "seed",
            "policy_effective": None,
            "granted": True,
            "next_role": None,
            "reasons": [limit_reason],
        },
        "open_not_due": str(not_due),
        "past_due": str(past),
        "unshipped": str(unshipped),
        "total": str(total),
        "replaces": None if prior is None else str(prior),
        "approval": None,
        "approval_status": None,
        "next_role": next_role,
        "policy_version": "seed",
        "policy_effective": None,
        "over": str(over),
        "collect_first": None if collect is None else str(collect),
        "ship_less": None if less is None else str(less),
        "reasons": reasons,
    }


# --------------------------------------------------------------------------- measuring


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    book = positions(args.customers, rng)
    print(f"building {args.orders:,} orders over {len(book):,} customers …", flush=True)
    work = [(o, book[k % len(book)]) for k, o in enumerate(orders(args.orders, book, rng))]
    n = len(work)

    def best(run: Callable[[CreditPolicy], object], repeat: int = args.repeat) -> float:
        return best_seconds(lambda: run(CreditPolicy()), repeat, time.process_time)

    def api(policy: CreditPolicy) -> None:
        for o, p in work:
            check_order(o, p, policy, on=DAY)

    def bare_each(_: CreditPolicy) -> None:
        for o, p in work:
            bare(o, p, DAY)

    def bare_kept(_: CreditPolicy) -> None:
        kept: dict[int, tuple[Decimal, Decimal, Decimal, dict[str, Decimal]]] = {}
        for o, p in work:
            sums = kept.get(id(p))
            if sums is None:
                sums = kept[id(p)] = _sums(p, DAY)
            _decide(o, p, sums)

    def api_data(policy: CreditPolicy) -> None:
        for o, p in work:
            to_data(check_order(o, p, policy, on=DAY))

    def bare_dicts(_: CreditPolicy) -> None:
        for o, p in work:
            bare_data(o, p, DAY)

    api_s = best(api)
    each_s = best(bare_each)
    kept_s = best(bare_kept)
    api_data_s = best(api_data, 1)
    bare_data_s = best(bare_dicts, 1)
    policy = CreditPolicy()
    agree = sum(
        (c := check_order(o, p, policy, on=DAY)).decision.value == (b := bare(o, p, DAY))[0]
        and c.exposure.total == b[1]
        for o, p in work[:100_000]
    )

    same_data = sum(
        to_data(check_order(o, p, policy, on=DAY)) == bare_data(o, p, DAY) for o, p in work[:10_000]
    )

    def line(name: str, seconds: float, note: str = "") -> None:
        print(f"{name:46s}: {n / seconds:>11,.0f}/s {seconds / n * 1e6:8.2f} µs {note}")

    print(f"orders checked                                : {n:,} over {len(book):,} customers")
    line("check_order() — the public API", api_s)
    line("bare function, sums recomputed per order", each_s)
    line("bare function, sums kept per customer", kept_s)
    print(f"ratio API / bare (recomputed)                 : {api_s / each_s:.2f}x")
    print(f"ratio API / bare (sums kept)                  : {api_s / kept_s:.2f}x (goal ≤ 2x)")
    line("check_order() + to_data()", api_data_s)
    line("bare function + the same plain data", bare_data_s)
    ratio = api_data_s / bare_data_s
    print(f"ratio API+to_data / bare+data                 : {ratio:.2f}x (goal ≤ 2x)")
    checked = min(n, 100_000)
    print(f"decisions agreeing with the bare function     : {agree:,} of {checked:,} (must be all)")
    print(
        f"plain data equal to the bare function's       : {same_data:,} of {min(n, 10_000):,}"
        " (must be all)"
    )


if __name__ == "__main__":
    main()
