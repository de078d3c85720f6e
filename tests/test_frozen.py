"""The quicker ``__init__`` of hot frozen results (``customer_rules._frozen.quick_init``): the
same signature, values and frozenness as attrs's own, and refused where attrs's does more."""

from __future__ import annotations

import copy
import functools
import inspect
import pickle
from typing import Any

import attrs
import pytest

from customer_rules._credit.exposure import Exposure, OrderCheck
from customer_rules._frozen import quick_init
from customer_rules._grading.customer import CustomerGrade
from customer_rules._grading.eligibility import EligibilityResult
from customer_rules._grading.scorecard import ScorecardResult
from customer_rules._grading.service_tier import ServiceTierResult
from customer_rules.reasons import Reason

QUICK = [
    Reason,
    CustomerGrade,
    ScorecardResult,
    EligibilityResult,
    ServiceTierResult,
    Exposure,
    OrderCheck,
]


def _attrs_twin(cls: Any) -> Any:
    """The same fields as ``cls``, with attrs's own ``__init__``."""
    fields = {
        f.name: attrs.field(
            default=f.default, init=f.init, kw_only=f.kw_only, alias=f.alias, eq=f.eq
        )
        for f in attrs.fields(cls)
    }
    return attrs.make_class(f"{cls.__name__}Twin", fields, frozen=True, slots=True)


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_the_signature_is_attrs_own(cls: Any) -> None:
    quick, own = inspect.signature(cls.__init__), inspect.signature(_attrs_twin(cls).__init__)
    assert quick.parameters == own.parameters


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_every_field_is_stored_and_the_result_stays_frozen(cls: Any) -> None:
    fields = attrs.fields(cls)
    given = {f.alias: object() for f in fields if f.init}
    made = cls(**given)
    twin = _attrs_twin(cls)(**given)
    for f in fields:
        assert getattr(made, f.name) is getattr(twin, f.name)
    name = next(f.name for f in fields if f.init)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(made, name, None)


def test_defaults_and_keyword_only_fields_are_attrs_own() -> None:
    @quick_init
    @attrs.frozen
    class Sample:
        a: int
        b: int = 2
        c: int = attrs.field(default=3, kw_only=True)
        d: int = attrs.field(kw_only=True)
        _e: int | None = attrs.field(default=None, init=False)

    made = Sample(1, d=4)
    assert (made.a, made.b, made.c, made.d, made._e) == (1, 2, 3, 4, None)
    assert Sample(1, 5, c=6, d=7) == Sample(a=1, b=5, c=6, d=7)
    with pytest.raises(TypeError):
        Sample(1, 2, 3, 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Sample(1)  # type: ignore[call-arg]


def _positive(instance: object, attribute: object, value: int) -> None:
    if value <= 0:
        raise ValueError(value)


def test_a_class_whose_init_does_more_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Checked.*\['a'\]"):

        @quick_init
        @attrs.frozen
        class Checked:
            a: int = attrs.field(validator=_positive)

    with pytest.raises(TypeError, match=r"Converted.*\['b'\]"):

        @quick_init
        @attrs.frozen
        class Converted:
            b: int = attrs.field(converter=int)

    with pytest.raises(TypeError, match=r"Made.*\['c'\]"):

        @quick_init
        @attrs.frozen
        class Made:
            c: list[int] = attrs.Factory(list)

    with pytest.raises(TypeError, match="__attrs_post_init__"):

        @quick_init
        @attrs.frozen
        class After:
            d: int

            def __attrs_post_init__(self) -> None:
                pass

    @quick_init
    @attrs.frozen
    class Base:
        f: int

    with pytest.raises(TypeError, match=r"Derived.*\['f'\]"):

        @quick_init
        @attrs.frozen
        class Derived(Base):
            g: int

    with pytest.raises(TypeError, match="Loose"):

        @quick_init
        @attrs.define
        class Loose:
            e: int


_CALLS: list[int] = []


@quick_init(preset=("double",))
@attrs.frozen
class _Doubled:
    a: int

    @functools.cached_property
    def double(self) -> int:
        """Twice ``a``."""
        _CALLS.append(self.a)
        return 2 * self.a

    @functools.cached_property
    def triple(self) -> int:
        return 3 * self.a


def test_a_preset_property_is_worked_out_once_and_survives_copy_and_pickle() -> None:
    _CALLS.clear()
    made = _Doubled(4)
    assert (made.double, made.double, made.triple) == (8, 8, 12)
    assert _CALLS == [4]
    assert _Doubled.double.__doc__ == "Twice ``a``."
    for other in (copy.copy(made), pickle.loads(pickle.dumps(made))):
        assert other == made
        assert other.double == 8
    assert _CALLS == [4, 4, 4]  # a copy works it out again: only fields are copied
    assert made == _Doubled(4)  # a worked-out value is not part of the value
    assert repr(made) == "_Doubled(a=4)"


def test_preset_names_only_cached_properties() -> None:
    with pytest.raises(TypeError, match=r"\['b'\]"):

        @quick_init(preset=("b",))
        @attrs.frozen
        class Sample:
            a: int

            @property
            def b(self) -> int:
                return self.a


def test_preset_parts_are_still_written_as_the_results_derived_parts() -> None:
    import datetime as dt

    from customer_rules.grading import Customer, GradingPolicy, ScorecardFacts, grade_customer
    from customer_rules.grading import StrategicInfluence as Level
    from customer_rules.interchange import to_data

    day = dt.date(2026, 12, 31)
    facts = ScorecardFacts("800万", True, "60万", "12", Level.KEY)
    customer = Customer("C1", first_trade=dt.date(2020, 1, 1), scorecard=facts)
    result = grade_customer(customer, GradingPolicy(), on=day)
    data = to_data(result)
    assert [r["code"] for r in data["reasons"]] == [r.code for r in result.reasons]
    assert [r["code"] for r in data["deciding"]] == ["G2.total.below"]
    assert data["scorecard"]["grade_reason"] == data["scorecard"]["reasons"][-1]
