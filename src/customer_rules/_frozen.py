"""Private: a quicker ``__init__`` for the frozen results built once per row on hot paths.

attrs builds a frozen slotted class's ``__init__`` to store each field with
``object.__setattr__(self, name, value)``, which looks the name up on the class every time: about
65 ns a field, most of the cost of a result of a dozen fields that the grading job builds for
every customer. :func:`quick_init` replaces that ``__init__`` with one that stores each field
through its slot's own setter (about 35 ns) — the same signature, defaults and values, for the
classes where attrs's would do nothing else: no validator, converter, factory, ``on_setattr`` or
``__attrs_pre_init__``/``__attrs_post_init__``. Any other class is refused when it is decorated,
so a field given a validator later cannot be skipped silently.

Fields with ``init=False`` (a slot a result fills in when first asked, such as a rendered line)
are set to their plain default.

A ``functools.cached_property`` of a slotted attrs class is worked out on its first read by
attrs's ``__getattr__``, reached only after the empty slot's read has failed and raised — about
0.35 µs a first read. For the few that a hot path always reads (a result's ``reasons``),
``preset=`` names them: ``__init__`` sets their slots to a marker, and each is read through a
:class:`Preset` property that works the value out and stores it when it finds the marker. Its
value, and when it is worked out, are the cached property's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar, overload

import attrs

__all__ = ["Preset", "quick_init"]

T = TypeVar("T")

_UNSET: Any = type("_Unset", (), {"__repr__": lambda self: "<not worked out yet>"})()
"""The mark of a preset slot whose value is not worked out yet."""


class Preset(property):
    # A cached property of a quick_init class with preset=: its slot, set to a marker by
    # __init__, holds the value once it is read. (No docstring: a property subclass's own would
    # hide the cached property's, which the reader carries.)
    pass


@overload
def quick_init(cls: type[T], /) -> type[T]: ...


@overload
def quick_init(*, preset: Iterable[str]) -> Callable[[type[T]], type[T]]: ...


def quick_init(
    cls: type[T] | None = None, /, *, preset: Iterable[str] = ()
) -> type[T] | Callable[[type[T]], type[T]]:
    """Give the frozen slotted attrs class ``cls`` an ``__init__`` that stores each field
    through its slot (applied above ``@attrs.frozen``); with ``preset=``, the cached properties
    named are read through :class:`Preset` properties.

    Raises:
        TypeError: for a class whose ``__init__`` does more than store its arguments and plain
            defaults (a validator, converter, factory, setattr hook or pre/post-init), that is
            not a frozen slotted attrs class, or for a name in ``preset`` that is not one of its
            cached properties.
    """
    names = tuple(preset)
    if cls is None:
        return lambda later: _quick(later, names)
    return _quick(cls, names)


def _quick(cls: type[T], preset: tuple[str, ...]) -> type[T]:
    kind: Any = cls
    refused = [
        f.name
        for f in attrs.fields(kind)
        if f.validator is not None
        or f.converter is not None
        or isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        or f.on_setattr is not None
        or (not f.init and f.default is attrs.NOTHING)
        or f.name not in vars(cls)  # a base class's slot: its own __init__ stores it
    ]
    refused += [h for h in ("__attrs_pre_init__", "__attrs_post_init__") if hasattr(cls, h)]
    frozen = "__slots__" in vars(cls) and kind.__setattr__.__name__ == "_frozen_setattrs"
    lazies = _cached_properties(cls) if frozen else {}
    refused += [name for name in preset if name not in lazies]
    if refused or not frozen:
        raise TypeError(f"quick_init: {cls.__qualname__} needs attrs's own __init__: {refused}")
    scope: dict[str, Any] = {"_unset": _UNSET}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for i, f in enumerate(attrs.fields(kind)):
        scope[f"_set{i}"] = vars(cls)[f.name].__set__
        if not f.init:
            scope[f"_default{i}"] = f.default
            body.append(f"    _set{i}(self, _default{i})")
            continue
        spec = f.alias
        if f.default is not attrs.NOTHING:
            scope[f"_default{i}"] = f.default
            spec += f"=_default{i}"
        (keyword if f.kw_only else positional).append(spec)
        body.append(f"    _set{i}(self, {f.alias})")
    for i, name in enumerate(preset):
        slot = vars(cls)[name]
        scope[f"_preset{i}"] = slot.__set__
        body.append(f"    _preset{i}(self, _unset)")
        setattr(cls, name, Preset(_reader(slot, lazies[name])))
    params = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({params}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(compile(source, f"<quick __init__ of {cls.__qualname__}>", "exec"), scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = kind.__init__.__doc__
    kind.__init__ = init
    return cls


def _cached_properties(cls: type) -> dict[str, Callable[[Any], Any]]:
    """The functions of the cached properties attrs made slots of (its ``__getattr__`` keeps
    them by name); empty if it made none."""
    defaults: tuple[object, ...] = getattr(vars(cls).get("__getattr__"), "__defaults__", None) or ()
    found = defaults[0] if defaults else None
    return found if isinstance(found, dict) else {}


def _reader(slot: Any, func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    get, put = slot.__get__, slot.__set__

    def read(self: Any) -> Any:
        try:
            value = get(self)
        except AttributeError:  # a copy or an unpickled result: only its fields were restored
            value = _UNSET
        if value is _UNSET:
            value = func(self)
            put(self, value)
        return value

    read.__doc__ = func.__doc__
    return read
