"""The quicker ``__init__`` of hot frozen results (``customer_rules._frozen.quick_init``): the
same signature, values and frozenness as attrs's own, and refused where attrs's does more."""

from __future__ import annotations

import inspect
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

    with pytest.raises(TypeError, match="Loose"):

        @quick_init
        @attrs.define
        class Loose:
            e: int
