"""Every sample the package ships reads the same whatever the host's locale.

The commands run with no arguments on these samples (the README contract); a host whose
locale encoding is ASCII or GBK must get the same text, so every sample is read through the
one reader (``customer_rules._samples.shipped_text``) as UTF-8.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from importlib import import_module, resources
from types import SimpleNamespace

import pytest

SAMPLES: list[tuple[str, str, tuple[str, ...]]] = [
    ("customer_rules._portfolio", "sample_portfolio_text", ()),
    ("customer_rules._credit.receivables", "sample_ledger_text", ()),
    ("customer_rules.cli.credit", "_sample_position_text", ()),
    ("customer_rules._allocation.history_csv", "sample_history_text", ()),
    ("customer_rules._allocation.holdings_csv", "sample_holdings_text", ()),
    ("customer_rules.cli.allocation", "sample_leads_text", ()),
    ("customer_rules.cli.allocation", "sample_roster_text", ()),
    ("customer_rules._archives.columns", "sample_loans_text", ()),
    ("customer_rules._archives.columns", "sample_files_text", ()),
    ("customer_rules._service.columns", "sample_text", ("customers",)),
    ("customer_rules._service.columns", "sample_text", ("churn",)),
    ("customer_rules._service.columns", "sample_text", ("visits",)),
]


@pytest.mark.parametrize(
    ("module", "function", "args"), SAMPLES, ids=[f"{f}{a}" for _, f, a in SAMPLES]
)
def test_a_shipped_sample_reads_the_same_under_an_ascii_locale(
    module: str, function: str, args: tuple[str, ...]
) -> None:
    """The text read in a process whose locale is C (ASCII) equals the text read here, and
    carries no byte-order mark."""
    here = getattr(import_module(module), function)(*args)
    assert isinstance(here, str)
    assert len(here.splitlines()) > 1
    assert not here.startswith("\ufeff")
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    code = (
        f"import sys, {module} as m; t = m.{function}(*{args!r});"
        " sys.stdout.buffer.write(t.encode('utf-8'))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False)
    assert (done.returncode, done.stderr, done.stdout.decode("utf-8")) == (0, b"", here)


_READERS = [
    pytest.param(module, function, args, id=f"{function}{args}")
    for module, function, args in SAMPLES
]


@pytest.mark.parametrize(("module", "function", "args"), _READERS)
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
def test_a_shipped_sample_is_its_utf8_bytes_under_a_gbk_locale_with_or_without_a_bom(
    monkeypatch: pytest.MonkeyPatch, module: str, function: str, args: tuple[str, ...], bom: bytes
) -> None:
    """A host on Chinese Windows (a GBK locale: ``open`` without an encoding decodes as GBK)
    reads each sample as the UTF-8 it is written in, and a byte-order mark (a sample re-saved
    by Excel) is not part of the first column's name."""
    import customer_rules._samples as samples

    raw: dict[str, bytes] = {}

    class _File:
        def __init__(self, name: str) -> None:
            self.name = name

        def read_text(self, encoding: str | None = None) -> str:
            data = bom + (resources.files("customer_rules") / "data" / self.name).read_bytes()
            raw[self.name] = data
            return data.decode("gbk" if encoding is None else encoding, errors="replace")

    class _Package:
        def joinpath(self, *parts: str) -> _File:
            assert parts[:-1] == ("data",)
            return _File(parts[-1])

    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "gbk")
    monkeypatch.setattr(samples, "resources", SimpleNamespace(files=lambda _: _Package()))
    text = getattr(import_module(module), function)(*args)
    (data,) = raw.values()
    assert text == data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    assert not text.startswith("\ufeff")
