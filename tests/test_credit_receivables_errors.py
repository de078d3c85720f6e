"""C4/C5 — the sample ledger shipped with ``credit aging``: read as UTF-8 whatever the locale.

The sample holds Chinese customer names; a host on Chinese Windows runs Python with a GBK locale,
where a text file opened without an encoding is decoded as GBK (garbled, or an error).
"""

from __future__ import annotations

import io
from importlib import resources

import pytest

from customer_rules._credit.receivables import LEDGER_COLUMNS, sample_ledger_text
from customer_rules.rows import parse_rows


def test_the_sample_ledger_is_read_as_utf8_under_a_gbk_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = resources.files("customer_rules").joinpath("data", "sample_receivables.csv").read_bytes()
    # what ``open(..., encoding=None)`` decodes with on a machine whose locale is GBK
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "gbk")
    text = sample_ledger_text()
    assert text == raw.decode("utf-8-sig")
    with parse_rows(text, LEDGER_COLUMNS) as rows:
        first = next(iter(rows))
    assert first.value is not None
    assert first.value.customer_name == "华东重工集团有限公司"
