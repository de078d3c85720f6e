"""``customer-rules credit check``: orders against a customer's credit position (C2, C11).

The outputs must agree with the Python API (``check_orders``) on the same position and orders.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from customer_rules.cli import main
from customer_rules.credit import (
    CheckPoint,
    CreditPolicy,
    CreditPosition,
    Order,
    OrderDecision,
    check_orders,
)
from customer_rules.interchange import from_data
from customer_rules.roles import Approval

SAMPLE = (
    Path(__file__).resolve().parent.parent / "src/customer_rules/data/sample_credit_position.json"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: object, name: str = "position.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def api(data: dict[str, Any], at: CheckPoint = CheckPoint.ORDER_CONFIRMATION) -> list[Any]:
    """The sample decided through the Python API."""
    raw = data["position"]
    customer = raw["customer"]
    filled = {
        **raw,
        "receivables": [{"customer": customer, **r} for r in raw["receivables"]],
        "unshipped": [{"customer": customer, **o} for o in raw["unshipped"]],
    }
    position = from_data(CreditPosition, filled)
    orders = [from_data(Order, {"customer": customer, **o}) for o in data["orders"]]
    approvals = {k: from_data(Approval, v) for k, v in data["approvals"].items()}
    return list(
        check_orders(
            orders,
            position,
            CreditPolicy(),
            on=dt.date.fromisoformat(data["as_of"]),
            at=at,
            approvals=approvals,
        )
    )


def test_runs_on_the_shipped_sample_with_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "credit", "check")
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "信用检查 截至 2026-11-30(样例数据的日期;可用 --as-of 指定)"
    assert "检查环节:订单确认" in lines[1]
    assert lines[2] == "客户 C007:信用额度 500,000.00,信用期限 60 天,信用形式 赊销、承兑汇票"
    assert "[C2] 现行信用额度 550,000 元" in out
    assert lines[-1] == "共 3 笔订单:通过 1、需总经理审批 1、特批通过 1"
    assert "[C2] 先收回应收账款 100,000 元即可通过" in out


def test_english_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "check", "--lang", "en")
    assert code == 0
    assert out.splitlines()[-1] == (
        "3 order(s): accepted 1, needs the general manager's approval 1, accepted by exception 1"
    )
    row = next(line for line in out.splitlines() if line.startswith("SO-2026-119"))
    assert row.split() == [
        "SO-2026-119",
        "200,000.00",
        "650,000.00",
        "550,000.00",
        "100,000.00",
        "needs",
        "the",
        "general",
        "manager's",
        "approval",
        "general",
        "manager",
    ]


def test_json_agrees_with_the_python_api(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "check", "--format", "json", "--lang", "en")
    assert code == 0
    records = json.loads(out)
    expected = api(sample())
    assert [r["order"] for r in records] == [c.order.id for c in expected]
    for record, check in zip(records, expected, strict=True):
        assert record["decision"] == check.decision.value
        assert record["exposure"] == f"{check.exposure.total:.2f}"
        assert record["next_role"] == check.next_role.value
        assert [r["code"] for r in record["reasons"]] == [str(r.code) for r in check.reasons]
    assert [r["decision"] for r in records] == ["accept", "needs_approval", "by_exception"]
    assert records[1]["collect_first"] == "100000.00"
    assert records[1]["ship_less"] == "100000.00"
    assert records[1]["failures"] == ["over_limit"]
    assert records[2]["failures"] == ["term"]


def test_csv_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "credit", "check", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["decision"] for r in rows] == ["accept", "needs_approval", "by_exception"]
    assert rows[0]["limit_source"] == "customer"
    code, out, _ = run(capsys, "credit", "check", "--format", "jsonl")
    assert [json.loads(line)["order"] for line in out.splitlines()] == [
        "SO-2026-118",
        "SO-2026-119",
        "SO-2026-120",
    ]


def test_the_check_point_is_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    """At shipment the seed book holds (C3's reaction); the approval of the special contract
    releases the hold as well."""
    code, out, _ = run(capsys, "credit", "check", "--at", "shipment", "--format", "jsonl")
    assert code == 0
    decisions = [json.loads(line)["decision"] for line in out.splitlines()]
    assert decisions == ["accept", "hold", "by_exception"]
    expected = api(sample(), CheckPoint.SHIPMENT)
    assert decisions == [c.decision.value for c in expected]


def test_as_of_and_policy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A later day: the raise has expired (valid until 2026-12-31); a stricter book."""
    code, out, _ = run(capsys, "credit", "check", "--as-of", "2027-01-05", "--format", "jsonl")
    assert code == 0
    first = json.loads(out.splitlines()[0])
    assert first["limit"] == "500000.00"
    book = tmp_path / "book.toml"
    book.write_text('[credit.orders]\nconfirmation_reaction = "warn"\n', encoding="utf-8")
    code, out, _ = run(capsys, "credit", "check", "--policy", str(book), "--format", "jsonl")
    assert code == 0
    decisions = [json.loads(line)["decision"] for line in out.splitlines()]
    assert decisions == ["accept", "warn", "warn"]


def test_malformed_orders_are_reported_and_the_rest_decided(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = sample()
    data["orders"] = [
        {"id": "SO-1", "amount": "1万"},
        {"id": "SO-2", "amount": "一万"},
        "SO-3",
        {"id": "SO-4", "amount": "1万", "currency": "USD"},
        {"id": "SO-5", "customer": "C008", "amount": "1万"},
        {"id": "SO-6", "amount": "2万", "term_days": "ninety"},
    ]
    data["approvals"] = {"SO-2026-120": {"who": "赵总", "role": "ceo"}}
    code, out, err = run(
        capsys, "credit", "check", "--input", write(tmp_path, data), "--format", "jsonl"
    )
    assert code == 1
    assert [json.loads(line)["order"] for line in out.splitlines()] == ["SO-1"]
    problems = err.splitlines()
    assert problems[0].startswith("orders[1].amount: expected")
    assert problems[1] == "orders[2]: expected an order object, got str"
    assert problems[2] == "orders[3].currency: expected 'CNY' (one currency), got 'USD'"
    assert problems[3] == "orders[4].customer: expected 'C007', got 'C008'"
    assert problems[4].startswith("orders[5].term_days: expected")
    assert any(p.startswith("approvals.SO-2026-120.role:") for p in problems)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"orders": []}', "expected a 'position' object"),
        ('{"position": {"customer": "C1", "terms": {"limit": "x"}}}', "position.terms.limit"),
        ('{"position": {"customer": "C1"}, "at": "packing"}', "at: expected one of"),
        ('{"position": {"customer": "C1"}, "as_of": "2026-02-30"}', "as_of"),
    ],
)
def test_an_unusable_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "credit", "check", "--input", str(path))
    assert code == 2
    assert out == ""
    assert message in err
    assert err.startswith("customer-rules: error:")


def test_a_receivable_in_another_currency_stops_the_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = sample()
    data["position"]["receivables"][1]["currency"] = "USD"
    code, out, err = run(capsys, "credit", "check", "--input", write(tmp_path, data))
    assert code == 2
    assert "position.receivables[1].currency" in err
    assert out == ""


def test_a_missing_file_and_gbk_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "credit", "check", "--input", str(tmp_path / "none.json"))
    assert code == 2
    assert "cannot read the file" in err
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps(sample(), ensure_ascii=False).encode("gbk"))
    code, out, _ = run(capsys, "credit", "check", "--input", str(gbk), "--format", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == 3


def test_one_order_alone_and_a_customer_not_rated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = {
        "as_of": "2026-11-30",
        "position": {"customer": "C1"},
        "order": {"id": "SO-1", "amount": "1"},
    }
    code, out, _ = run(capsys, "credit", "check", "--input", write(tmp_path, data), "--lang", "en")
    assert code == 0
    assert "customer C1: not rated, no credit terms" in out
    assert OrderDecision.NEEDS_APPROVAL.en in out
