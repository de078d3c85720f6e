"""The validators the service chapter's fact classes share (``customer_rules._service.facts``):
what each accepts, up to its bounds, and the exact problem (path, given, expected) of each refusal.

The fact classes (``VisitRequest``, ``ChurnFacts``, ``CareCustomer``, ``ReceptionApplication``…)
are built with these validators; a probe class built here with every one of them pins them once
for all. The probe is built when a test runs, not when this module is imported, so the validator
factories (``whole``, ``tuple_of``) run under the test like the validators themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from customer_rules._service import facts
from customer_rules.service import AreaPasses, VisitArea
from refusals import problems_of

DAY = dt.date(2026, 6, 15)
RANGE = "a datetime.date from 1900-01-01 to 2999-12-31"
WHOLE = "a whole number from 1 to 10,000"


def _probe() -> type:
    """A frozen fact class with one field per shared validator (each with a valid default)."""
    return attrs.make_class(
        "Probe",
        {
            "on": attrs.field(default=DAY, validator=facts.day),
            "since": attrs.field(default=None, validator=facts.optional_day),
            "note": attrs.field(default=None, validator=facts.optional_text),
            "guests": attrs.field(default=(), converter=facts.as_tuple, validator=facts.names),
            "size": attrs.field(default=1, validator=facts.whole(1, 10_000)),
            "passes": attrs.field(default=None, validator=facts.whole(1, 10_000, optional=True)),
            "ticked": attrs.field(
                default=(),
                converter=facts.as_tuple,
                validator=facts.tuple_of(AreaPasses, "AreaPasses", unique=True),
            ),
            "areas": attrs.field(
                default=(),
                converter=facts.as_tuple,
                validator=facts.tuple_of(VisitArea, "VisitArea values", unique=True),
            ),
            "repeated": attrs.field(default=(), validator=facts.tuple_of(VisitArea, "VisitArea")),
        },
        frozen=True,
    )


def _build(**values: Any) -> Any:
    return _probe()(**values)


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        # day: a plain date of 1900-01-01 … 2999-12-31
        pytest.param({"on": "2026-06-15"}, ("on", "'2026-06-15'", RANGE), id="day-text"),
        pytest.param(
            {"on": dt.datetime(2026, 6, 15, 9)},
            ("on", "datetime.datetime(2026, 6, 15, 9, 0)", RANGE),
            id="day-datetime",
        ),
        pytest.param({"on": None}, ("on", None, RANGE), id="day-none"),
        pytest.param(
            {"on": dt.date(1899, 12, 31)},
            ("on", "datetime.date(1899, 12, 31)", RANGE),
            id="day-before-1900",
        ),
        pytest.param(
            {"on": dt.date(3000, 1, 1)}, ("on", "datetime.date(3000, 1, 1)", RANGE), id="day-3000"
        ),
        # optional_day: the same, or None
        pytest.param(
            {"since": "2026-06-15"},
            ("since", "'2026-06-15'", RANGE + ", or None"),
            id="optional-day-text",
        ),
        pytest.param(
            {"since": dt.date(1899, 12, 31)},
            ("since", "datetime.date(1899, 12, 31)", RANGE + ", or None"),
            id="optional-day-before-1900",
        ),
        pytest.param(
            {"since": dt.date(3000, 1, 1)},
            ("since", "datetime.date(3000, 1, 1)", RANGE + ", or None"),
            id="optional-day-3000",
        ),
        # optional_text: a text that is not blank, or None
        pytest.param({"note": " "}, ("note", "' '", "a non-empty string or None"), id="text-blank"),
        pytest.param({"note": ""}, ("note", "''", "a non-empty string or None"), id="text-empty"),
        pytest.param({"note": 5}, ("note", 5, "a non-empty string or None"), id="text-number"),
        # names: a tuple of texts that are not blank
        pytest.param({"guests": "甲"}, ("guests", "'甲'", "a tuple of names"), id="names-text"),
        pytest.param(
            {"guests": ("甲", " ")}, ("guests[1]", "' '", "a non-empty name"), id="names-blank"
        ),
        pytest.param({"guests": (5,)}, ("guests[0]", 5, "a non-empty name"), id="names-number"),
        # whole: a whole number (not a bool) from low to high; None only when optional
        pytest.param({"size": 0}, ("size", 0, WHOLE), id="whole-0"),
        pytest.param({"size": 10_001}, ("size", 10_001, WHOLE), id="whole-10001"),
        pytest.param({"size": True}, ("size", True, WHOLE), id="whole-bool"),
        pytest.param({"size": "3"}, ("size", "'3'", WHOLE), id="whole-text"),
        pytest.param({"size": 2.0}, ("size", "a float", WHOLE), id="whole-float"),
        pytest.param({"size": None}, ("size", None, WHOLE), id="whole-none-not-optional"),
        pytest.param({"passes": 0}, ("passes", 0, WHOLE + ", or None"), id="optional-whole-0"),
        pytest.param(
            {"passes": False}, ("passes", False, WHOLE + ", or None"), id="optional-whole-bool"
        ),
        # tuple_of: a tuple of the kind, each once when unique (by its area if it has one)
        pytest.param(
            {"ticked": "厂区"}, ("ticked", "'厂区'", "a tuple of AreaPasses"), id="tuple-text"
        ),
        pytest.param(
            {"ticked": (AreaPasses(VisitArea.WORKSHOP), "厂区")},
            ("ticked[1]", "'厂区'", "AreaPasses"),
            id="tuple-item-kind",
        ),
        pytest.param(
            {"ticked": (AreaPasses(VisitArea.WORKSHOP), AreaPasses(VisitArea.WORKSHOP, 3))},
            ("ticked[1]", "a AreaPasses", "AreaPasses, each once"),
            id="tuple-same-area-other-passes",
        ),
        pytest.param(
            {"areas": (VisitArea.FACTORY, VisitArea.WORKSHOP, VisitArea.FACTORY)},
            ("areas[2]", "<VisitArea.FACTORY: 'factory'>", "VisitArea values, each once"),
            id="tuple-value-twice",
        ),
        pytest.param(
            {"repeated": [VisitArea.FACTORY]},
            ("repeated", "[<VisitArea.FACTORY: 'factory'>]", "a tuple of VisitArea"),
            id="tuple-list-without-converter",
        ),
    ],
)
def test_every_refusal_of_the_shared_validators(
    values: dict[str, Any], problem: tuple[str, object, str]
) -> None:
    assert problems_of(lambda: _build(**values)) == [problem]


def test_the_bounds_and_none_are_accepted() -> None:
    """The first and the last day of the supported range, 1 and 10,000, ``None`` where optional,
    a tuple of distinct areas, an area repeated where the tuple need not be unique."""
    first, last = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
    for on, since in ((first, first), (last, last), (DAY, None)):
        probe = _build(on=on, since=since)
        assert (probe.on, probe.since) == (on, since)
    for size, passes in ((1, 1), (10_000, 10_000), (5, None)):
        probe = _build(size=size, passes=passes)
        assert (probe.size, probe.passes) == (size, passes)
    assert _build(note="甲", guests=("甲", "乙")).note == "甲"
    ticked = (AreaPasses(VisitArea.WORKSHOP, 3), AreaPasses(VisitArea.MARKETING))
    areas = (VisitArea.FACTORY, VisitArea.WORKSHOP, VisitArea.MARKETING)
    probe = _build(ticked=ticked, areas=areas, repeated=(VisitArea.FACTORY, VisitArea.FACTORY))
    assert (probe.ticked, probe.areas) == (ticked, areas)
    assert probe.repeated == (VisitArea.FACTORY, VisitArea.FACTORY)


def test_a_list_is_read_as_a_tuple() -> None:
    """What a JSON array gives: ``as_tuple`` turns a list into a tuple before the validator."""
    probe = _build(guests=["甲", "乙"], areas=[VisitArea.FACTORY], ticked=[])
    assert probe.guests == ("甲", "乙")
    assert probe.areas == (VisitArea.FACTORY,)
    assert probe.ticked == ()
    assert facts.as_tuple("厂区") == "厂区"
    assert facts.as_tuple(None) is None
