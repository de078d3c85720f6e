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
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

__all__ = ["quick_init"]

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give the frozen slotted attrs class ``cls`` an ``__init__`` that stores each field
    through its slot (applied above ``@attrs.frozen``).

    Raises:
        TypeError: for a class whose ``__init__`` does more than store its arguments and plain
            defaults (a validator, converter, factory, setattr hook or pre/post-init), or that
            is not a frozen slotted attrs class.
    """
    kind: Any = cls
    refused = [
        f.name
        for f in attrs.fields(kind)
        if f.validator is not None
        or f.converter is not None
        or isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        or f.on_setattr is not None
        or (not f.init and f.default is attrs.NOTHING)
    ]
    refused += [h for h in ("__attrs_pre_init__", "__attrs_post_init__") if hasattr(cls, h)]
    frozen = "__slots__" in vars(cls) and kind.__setattr__.__name__ == "_frozen_setattrs"
    if refused or not frozen:
        raise TypeError(f"quick_init: {cls.__qualname__} needs attrs's own __init__: {refused}")
    scope: dict[str, Any] = {}
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
    params = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({params}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(compile(source, f"<quick __init__ of {cls.__qualname__}>", "exec"), scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = kind.__init__.__doc__
    kind.__init__ = init
    return cls
