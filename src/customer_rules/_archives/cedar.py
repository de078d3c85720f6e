"""R9, R11 as Cedar policies — an export for hosts that already authorise with Cedar.

:func:`cedar_policies` writes the access rules of :func:`~customer_rules.archives.may_access`
for one policy as Cedar policy text (https://www.cedarpolicy.com): ``forbid`` policies for the
denials that hold whatever else does, one ``permit`` per grant; everything else is denied, as
Cedar denies by default. :func:`cedar_request` writes one question in the shape those policies
read. The two agree with :func:`may_access` on every case (the test suite checks it on tens of
thousands of generated cases against ``cedarpy``).

The shape the policies read — Cedar has no dates and no "some element of a set such that …", so:

* days are whole numbers, :meth:`datetime.date.toordinal` (``context.day``, and the ``from`` and
  ``until`` of each approval and consent);
* the approvals presented are the records ``context.a0`` … ``context.a{n-1}`` (``slots`` of
  them, each ``{what, role, from}`` and, when set, ``subject``, ``purpose``, ``until``);
* the customer's consents are the file's attributes ``c0`` … ``c{n-1}`` (``{purpose, from}``
  and ``until`` when set);
* the principal is a ``User`` with ``name``, ``role`` and ``status``; the file a ``File`` with
  ``id``, ``kind``, ``personal`` and, when it has one, ``owner``; the action is
  ``Action::"view"``, ``"borrow"``, ``"copy"`` or ``"transmit"``; ``context.purpose`` is the
  stated purpose (``""`` for none).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from customer_rules._archives.access import (
    ARCHIVE_RETRIEVAL,
    ARCHIVE_REVIEW,
    CREDIT_DATA,
    DATABASE,
    LEDGER,
    LEND,
    RECORDS,
    AccessPreset,
    _approvals,
)
from customer_rules._archives.checks import archives_policy
from customer_rules._archives.loans import COPY, OUTSIDE
from customer_rules._archives.model import AccessAction, CustomerFile, FileKind, Principal
from customer_rules.dates import require_date
from customer_rules.errors import InputError
from customer_rules.roles import Role

if TYPE_CHECKING:
    from customer_rules._archives.policy import ArchivesPolicy
    from customer_rules.roles import Approval

__all__ = ["cedar_policies", "cedar_request"]

_MAX_SLOTS = 16


def _slots(value: object) -> int:
    if type(value) is not int or not 1 <= value <= _MAX_SLOTS:
        raise InputError("slots", value, f"a whole number from 1 to {_MAX_SLOTS}")
    return value


def _roles(roles: Iterable[Role]) -> str:
    return "[" + ", ".join(f'"{r.value}"' for r in sorted(roles, key=lambda r: r.value)) + "]"


def _approval(what: str, roles: Iterable[Role], slots: int) -> str:
    allowed = _roles(roles)
    terms = []
    for i in range(slots):
        a = f"context.a{i}"
        terms.append(
            f'(context has a{i} && {a}.what == "{what}" && {allowed}.contains({a}.role)'
            f" && {a} has subject && {a}.subject == resource.id"
            f" && {a} has purpose && {a}.purpose == context.purpose"
            f" && {a}.from <= context.day && (!({a} has until) || context.day <= {a}.until))"
        )
    return "(" + "\n      || ".join(terms) + ")"


def _consent(slots: int) -> str:
    terms = []
    for i in range(slots):
        c = f"resource.c{i}"
        terms.append(
            f"(resource has c{i} && {c}.purpose == context.purpose && {c}.from <= context.day"
            f" && (!({c} has until) || context.day <= {c}.until))"
        )
    return "(" + "\n      || ".join(terms) + ")"


def cedar_policies(policy: ArchivesPolicy, *, slots: int = 4) -> str:
    """The access rules of ``policy`` (R9, R11, and R3/R4 for archives) as Cedar policy text.

    Each policy carries an ``@id`` annotation naming the reason code of the rule it states
    (``@id("R9.grant.own")``), in the order :func:`may_access` checks them.

    Args:
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        slots: how many approvals (``context.a0`` …) and consents (``resource.c0`` …) a
            request may carry, 1–16.

    Returns:
        The policy text, for ``cedarpy.is_authorized`` or any Cedar engine.

    Raises:
        InputError: naming ``policy`` unless an ArchivesPolicy, ``slots`` outside 1–16.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> text = cedar_policies(ArchivesPolicy(), slots=1)
        >>> text.count("permit ("), text.count("forbid (")
        (11, 4)
    """
    book = archives_policy(policy)
    n = _slots(slots)
    p, lending = book.access, book.loans
    consent = _consent(n)
    lines = [
        "// customer_rules.archives: R9, R11 (and R3, R4 for archives) — deny by default.",
        f"// policy version {book.version}; approvals in context.a0..a{n - 1},"
        f" consents in resource.c0..c{n - 1}; days are date.toordinal().",
        "",
        '@id("R9.departed")',
        'forbid (principal, action, resource) when { principal.status != "active" };',
        "",
        '@id("R9.no_purpose")',
        'forbid (principal, action, resource) when { context.purpose == "" };',
        "",
        '@id("R11.third_party")',
        'forbid (principal, action == Action::"transmit", resource)',
        f"  unless {{ {consent} }};",
        "",
        '@id("R11.consent")',
        "forbid (principal, action, resource) when { resource.personal }",
        f"  unless {{ {consent} }};",
        "",
        '@id("R9.grant.own")',
        "permit (principal, action, resource) when {",
        '  resource.kind != "archive" && resource has owner && resource.owner == principal.name',
        "};",
        "",
    ]
    keepers = {
        FileKind.ARCHIVE: p.archive_keepers,
        FileKind.RECORD: {
            AccessPreset.SALES: p.sales_keepers,
            AccessPreset.MARKETING: p.archive_room_keepers,
            AccessPreset.SERVICE: p.service_keepers,
        }[p.preset],
        FileKind.LEDGER_CARD: p.ledger_keepers,
        FileKind.CREDIT: p.credit_keepers,
    }
    for kind, roles in keepers.items():
        lines += [
            '@id("R9.grant.keeper")',
            'permit (principal, action == Action::"view", resource) when {',
            f'  resource.kind == "{kind.value}" && {_roles(roles)}.contains(principal.role)',
            "};",
            "",
        ]

    def grant(code: str, actions: tuple[str, ...], kind: FileKind, *needs: str) -> None:
        scope = (
            f'action == Action::"{actions[0]}"'
            if len(actions) == 1
            else "action in [" + ", ".join(f'Action::"{a}"' for a in actions) + "]"
        )
        lines.extend(
            [
                f'@id("{code}")',
                f"permit (principal, {scope}, resource) when {{",
                f'  resource.kind == "{kind.value}"',
                *(f"  && {need}" for need in needs),
                "};",
                "",
            ]
        )

    record = FileKind.RECORD
    if p.preset is AccessPreset.SALES:
        grant("R9.grant.chairman", ("view",), record, _approval(RECORDS, p.sales_approvers, n))
    elif p.preset is AccessPreset.MARKETING:
        grant(
            "R9.grant.archive_room",
            ("view", "borrow"),
            record,
            _approval(ARCHIVE_REVIEW, p.archive_room_reviewers, n),
            _approval(ARCHIVE_RETRIEVAL, p.archive_room_approvers, n),
        )
    else:
        grant("R9.grant.service", ("view",), record, _approval(DATABASE, p.service_approvers, n))
    grant(
        "R9.grant.ledger",
        ("view", "borrow"),
        FileKind.LEDGER_CARD,
        _approval(LEDGER, p.ledger_approvers, n),
    )
    grant(
        "R9.grant.credit",
        ("view", "borrow"),
        FileKind.CREDIT,
        _approval(CREDIT_DATA, p.credit_approvers, n),
    )
    archive = FileKind.ARCHIVE
    grant("R3.grant.lend", ("view", "borrow"), archive, _approval(LEND, lending.consent_roles, n))
    grant("R4.grant.copy", ("copy",), archive, _approval(COPY, lending.copy_roles, n))
    grant(
        "R4.grant.outside",
        ("transmit",),
        archive,
        _approval(COPY, lending.copy_roles, n),
        _approval(OUTSIDE, lending.outside_roles, n),
    )
    return "\n".join(lines)


def _when(day: dt.date, until: dt.date | None) -> dict[str, Any]:
    out: dict[str, Any] = {"from": day.toordinal()}
    if until is not None:
        out["until"] = until.toordinal()
    return out


def cedar_request(
    principal: Principal,
    action: AccessAction,
    file: CustomerFile,
    purpose: str | None,
    approvals: Iterable[Approval],
    *,
    on: dt.date,
    slots: int = 4,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One access question in the shape :func:`cedar_policies` reads: the Cedar request and
    its entities (the principal ``User::"principal"`` and the file ``File::"file"``).

    Args:
        principal, action, file, purpose, approvals, on: as :func:`may_access` takes them.
        slots: the policies' ``slots``: at most that many approvals and consents.

    Returns:
        ``(request, entities)`` for ``cedarpy.is_authorized(request, policies, entities)``.

    Raises:
        InputError: naming the argument for a value :func:`may_access` refuses, or more
            approvals or consents than ``slots``.

    Example:
        >>> from customer_rules.archives import CustomerFile, FileKind, Principal
        >>> request, entities = cedar_request(
        ...     Principal("陈小明", Role.SALESPERSON), AccessAction.VIEW,
        ...     CustomerFile("C-7", kind=FileKind.RECORD), "回访", [], on=dt.date(2026, 3, 2))
        >>> request["action"], request["context"]
        ('Action::"view"', {'purpose': '回访', 'day': 739677})
    """
    if not isinstance(principal, Principal):
        raise InputError("principal", principal, "a Principal")
    if type(action) is not AccessAction:
        raise InputError("action", action, "an AccessAction: view, borrow, copy, transmit")
    if not isinstance(file, CustomerFile):
        raise InputError("file", file, "a CustomerFile")
    if purpose is not None and type(purpose) is not str:
        raise InputError("purpose", purpose, "the stated purpose (text) or None")
    given = _approvals(approvals)
    day = require_date(on, "on")
    n = _slots(slots)
    if len(given) > n:
        raise InputError("approvals", len(given), f"at most {n} approvals (slots)")
    if len(file.consents) > n:
        raise InputError("file.consents", len(file.consents), f"at most {n} consents (slots)")
    stated = purpose if purpose is not None and purpose.strip() else ""
    context: dict[str, Any] = {"purpose": stated, "day": day.toordinal()}
    for i, a in enumerate(given):
        record: dict[str, Any] = {
            "what": a.what,
            "role": a.role.value,
            **_when(a.on, a.valid_until),
        }
        if a.subject is not None:
            record["subject"] = a.subject
        if a.purpose is not None:
            record["purpose"] = a.purpose
        context[f"a{i}"] = record
    attrs: dict[str, Any] = {"id": file.id, "kind": file.kind.value, "personal": file.personal}
    if file.owner is not None:
        attrs["owner"] = file.owner
    for i, c in enumerate(file.consents):
        attrs[f"c{i}"] = {"purpose": c.purpose, **_when(c.on, c.until)}
    entities = [
        {
            "uid": {"type": "User", "id": "principal"},
            "attrs": {
                "name": principal.who,
                "role": principal.role.value,
                "status": principal.status.value,
            },
            "parents": [],
        },
        {"uid": {"type": "File", "id": "file"}, "attrs": attrs, "parents": []},
    ]
    request = {
        "principal": 'User::"principal"',
        "action": f'Action::"{action.value}"',
        "resource": 'File::"file"',
        "context": context,
    }
    return request, entities
