"""R1, R2, R8, R12 — a customer file from first contact to disposal, and what it must hold.

Sources: seed 004 §第一篇 三.1–2, 8–9 (the archive's lifecycle, the forms of the completion
file, the equipment manuals); seed 000 第四条(四), 第六条 (trade suspended or past, disposal with
the manager in charge's approval); seed 001 §客户资源管理制度 四、五、八 and §4.2.3–4.2.4, §市场部
(2nd) 一.3–4 (the file opened at first contact, what is recorded in it and who edits it); seed 002
§新开发客户报告表 and 003 §6.2.4-2(2)e (the fields of the new-customer report and the credit
file).

A file's life is one case of the lifecycle table (``FilesPolicy.lifecycle``) on the shared
workflow mechanism (:mod:`customer_rules.workflow`): 已建档 ``opened`` (at the first contact)
→ ``sign_contract`` → 临时档案 ``temporary`` (``add_documents`` collects every project document)
→ ``complete_project`` → ``completed`` → ``receive_completion`` (内勤部 receives the completion
documents: the five days start) → ``awaiting_formal`` → ``formalise`` → 正式档案 ``formal``
(shelved) → ``suspend_trade`` / ``end_trade`` → 交易中止 ``suspended`` / 交易过去 ``past`` →
``request_disposal`` → ``disposal_requested`` → ``approve_disposal`` (the manager in charge, not
the requester) → ``disposed``. Recording a dealing, a major change, a letter, a fax, a call, the
year's results or a visit report is an event too (``record_*``, a step that keeps the state), so
replaying a file's records from its opening reproduces it exactly.

:func:`file_step` takes one step and adds what the table alone cannot say: formalising needs the
company's forms (R2), a file under a hold (R8) cannot be disposed of, and under the
customer-manager preset (R12) only the file's own manager records in it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from customer_rules._archives.checks import archives_policy, calendar_arg, checked_day
from customer_rules._archives.codes import ArchivesReason
from customer_rules._archives.model import CustomerFile, Hold, HoldKind
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, Role
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import (
    Case,
    Event,
    EventRecord,
    State,
    Step,
    StepOutcome,
    Transition,
    WorkflowTable,
    apply,
    start,
)

if TYPE_CHECKING:
    from customer_rules._archives.policy import ArchivesPolicy

__all__ = [
    "DISPOSAL",
    "FileOutcome",
    "FileStep",
    "FilesPolicy",
    "FormalisationStatus",
    "ManualsCheck",
    "OverdueFiles",
    "RecordCheck",
    "RecordEditing",
    "RecordForm",
    "check_manuals",
    "check_record",
    "file_step",
    "formalisation",
    "open_file",
    "overdue_files",
]

DISPOSAL = "R8.dispose"
"""The ``Approval.what`` of the manager in charge's approval of a disposal (主管经理的承认)."""

_R1 = "R1; 004 §第一篇 三.1–2"
_R2 = "R2; 004 §三.8–9; 001 §客户资源管理制度 四.2, §4.2.3; 002 §新开发客户报告表; 003 §6.2.4-2(2)e"
_R8 = "R8; 000 第四条(四), 第六条"
_R12 = (
    "R12; 001 §客户资源管理制度 四、五、八, §4.2.4, §市场部 (2nd) 一.4;"
    " 000 §客户信息管理办法 第十五条"
)


class RecordEditing(LabelledEnum):
    """R12: who edits a customer record — a preset, one per regulation."""

    SALES_ADMIN = "sales_admin"
    """销售内勤更新 — the salesperson notifies sales admin, who updates the record
    (001 §4.2.4)."""
    CUSTOMER_MANAGER = "customer_manager"
    """客户经理更新 — the customer manager updates their own files and periodically sends
    electronic copies to the marketing director (001 §市场部 (2nd) 一.4)."""


class FileOutcome(LabelledEnum):
    """What :func:`file_step` did: applied the step, or why not."""

    APPLIED = "applied"
    """已办理."""
    REFUSED = "refused"
    """流程不允许 — the lifecycle table refuses it (out of order, wrong role, no sign-off…);
    ``workflow`` says how."""
    MISSING_FORMS = "missing_forms"
    """缺少指定表格 — formalising without the company's forms (R2)."""
    HELD = "held"
    """档案被冻结 — disposal while a hold is open (R8)."""
    NOT_OWNER = "not_owner"
    """非本人负责的档案 — a record by someone other than the file's manager (R12)."""


set_labels(
    {
        RecordEditing.SALES_ADMIN: ("销售内勤更新", "sales admin updates"),
        RecordEditing.CUSTOMER_MANAGER: ("客户经理更新", "the customer manager updates"),
        FileOutcome.APPLIED: ("已办理", "applied"),
        FileOutcome.REFUSED: ("流程不允许", "refused by the lifecycle"),
        FileOutcome.MISSING_FORMS: ("缺少指定表格", "forms missing"),
        FileOutcome.HELD: ("档案被冻结", "under a hold"),
        FileOutcome.NOT_OWNER: ("非本人负责的档案", "not the file's manager"),
    }
)

# --------------------------------------------------------------------------- the tables

_OPENED, _TEMPORARY, _COMPLETED, _AWAITING = "opened", "temporary", "completed", "awaiting_formal"
_FORMAL, _SUSPENDED, _PAST = "formal", "suspended", "past"
_REQUESTED, _DISPOSED = "disposal_requested", "disposed"
_FORMALISE, _REQUEST, _APPROVE = "formalise", "request_disposal", "approve_disposal"

_RECORD_EVENTS = (
    ("record_dealing", "记录业务往来", "record a business dealing"),
    ("record_change", "记录重大变动", "record a major change"),
    ("record_letter", "记录信函", "record a letter"),
    ("record_fax", "记录传真", "record a fax"),
    ("record_call", "记录长话", "record a call"),
    ("record_results", "积累年度业绩和财务状况报告", "add the year's results and financial report"),
)
_VISIT = "record_visit"
_RECORDING_STATES = (_OPENED, _TEMPORARY, _COMPLETED, _AWAITING, _FORMAL, _SUSPENDED, _PAST)
_ARCHIVE = frozenset({Role.ARCHIVE_DEPARTMENT})
_ENDING = frozenset({Role.ARCHIVE_DEPARTMENT, Role.GENERAL_AFFAIRS_FINANCE})
_EDITORS = {
    RecordEditing.SALES_ADMIN: frozenset({Role.SALES_ADMIN}),
    RecordEditing.CUSTOMER_MANAGER: frozenset({Role.SALESPERSON}),
}
_MANAGER_IN_CHARGE = frozenset({Role.SALES_MANAGER})


def _lifecycle(editing: RecordEditing, disposers: frozenset[Role]) -> WorkflowTable:
    """The R1/R8/R12 lifecycle table with the seed's steps, records edited by ``editing``'s
    roles and disposal approved by ``disposers``."""
    editors = _EDITORS[editing]
    rows = [
        Transition(_OPENED, "sign_contract", _TEMPORARY, roles=_ARCHIVE),
        Transition(_TEMPORARY, "add_documents", _TEMPORARY, roles=_ARCHIVE),
        Transition(
            _TEMPORARY, "complete_project", _COMPLETED, roles=frozenset({Role.PROJECT_LEAD})
        ),
        Transition(_COMPLETED, "receive_completion", _AWAITING, roles=_ARCHIVE),
        Transition(_AWAITING, _FORMALISE, _FORMAL, roles=_ARCHIVE),
        Transition(_FORMAL, "suspend_trade", _SUSPENDED, roles=_ENDING),
        Transition(_FORMAL, "end_trade", _PAST, roles=_ENDING),
        Transition(_OPENED, "end_trade", _PAST, roles=_ENDING),
        Transition(_SUSPENDED, "end_trade", _PAST, roles=_ENDING),
        Transition(_SUSPENDED, "resume_trade", _FORMAL, roles=_ENDING),
        Transition(_PAST, _REQUEST, _REQUESTED, roles=_ENDING),
        Transition(
            _REQUESTED, _APPROVE, _DISPOSED, roles=disposers, approval=DISPOSAL, distinct=True
        ),
        Transition(_REQUESTED, "reject_disposal", _PAST, roles=disposers),
    ]
    for state in _RECORDING_STATES:
        rows.extend(Transition(state, name, state, roles=editors) for name, _, _ in _RECORD_EVENTS)
        rows.append(Transition(state, _VISIT, state, roles=frozenset({Role.SALESPERSON})))
    return WorkflowTable(
        name="R1.file",
        rule="R1",
        initial=_OPENED,
        states=(
            State(_OPENED, "已建档户头", "opened"),
            State(_TEMPORARY, "临时档案", "temporary archive"),
            State(_COMPLETED, "工程完工", "project completed"),
            State(_AWAITING, "待整理归档", "awaiting formalisation"),
            State(_FORMAL, "正式档案(已上柜)", "formal archive, shelved"),
            State(_SUSPENDED, "交易中止", "trade suspended"),
            State(_PAST, "交易过去", "trade past"),
            State(_REQUESTED, "待批准处理", "disposal requested"),
            State(_DISPOSED, "已处理", "disposed"),
        ),
        events=(
            Event("sign_contract", "签订合同", "contract signed"),
            Event("add_documents", "收集文档入档", "documents added"),
            Event("complete_project", "工程完工", "project completed"),
            Event("receive_completion", "收到竣工文档", "completion documents received"),
            Event(_FORMALISE, "整理成正式档案并上柜", "formalise and shelve"),
            Event("suspend_trade", "交易中止", "trade suspended"),
            Event("end_trade", "交易过去", "trade ended"),
            Event("resume_trade", "恢复交易", "trade resumed"),
            Event(_REQUEST, "申请处理", "request disposal"),
            Event(_APPROVE, "批准处理", "approve disposal"),
            Event("reject_disposal", "不予处理", "reject disposal"),
            *(Event(name, zh, en) for name, zh, en in _RECORD_EVENTS),
            Event(_VISIT, "提交访问日报", "hand in a visit report"),
        ),
        transitions=tuple(rows),
    )


_PLACED = "placed"
_HOLD_ROLES = frozenset(
    {Role.GENERAL_MANAGER, Role.FINANCE, Role.FINANCE_MANAGER, Role.ARCHIVE_MANAGER}
)
_SEED_LIFECYCLE = _lifecycle(RecordEditing.SALES_ADMIN, _MANAGER_IN_CHARGE)
_SEED_HOLDS = WorkflowTable(
    name="R8.hold",
    rule="R8",
    initial="none",
    states=(
        State("none", "未冻结", "not held"),
        State(_PLACED, "冻结中", "on hold"),
        State("lifted", "已解除", "lifted"),
    ),
    events=(Event("place", "冻结", "place a hold"), Event("lift", "解除冻结", "lift the hold")),
    transitions=(
        Transition("none", "place", _PLACED, roles=_HOLD_ROLES),
        Transition(_PLACED, "lift", "lifted", roles=_HOLD_ROLES),
    ),
)


# --------------------------------------------------------------------------- R2 forms


@policy
class RecordForm:
    """R2: one form of customer record and the fields it requires.

    Attributes:
        name: the form's name, used to pick it (``form_in_use``).
        fields: the fields it requires, each named once.
        source: where the seed lists them.
    """

    name: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_R2, mark=Mark.DEFAULT)
    fields: tuple[str, ...] = setting(
        default=attrs.NOTHING, unit=Unit.TEXT, source=_R2, min_items=1
    )
    source: str = setting(default="", unit=Unit.TEXT, source=_R2, mark=Mark.DEFAULT)

    def _check(self) -> Iterator[Problem]:
        seen: set[str] = set()
        for i, field in enumerate(self.fields):
            if not field.strip():
                yield Problem.mismatch(f"fields[{i}]", field, "a field name")
            if field in seen:
                yield Problem.mismatch(f"fields[{i}]", field, "a field not named before")
            seen.add(field)


_BASIC = (
    "name",
    "legal_representative",
    "address",
    "postcode",
    "phone",
    "fax",
    "business_scope",
    "registered_capital",
)
_SEED_FORMS = (
    RecordForm("basic", _BASIC, "001 §客户资源管理制度 四.2"),
    RecordForm(
        "contact",
        (
            "name",
            "website",
            "address",
            "business_scope",
            "registered_capital",
            "phone",
            "fax",
            "principal_mobile",
            "email",
        ),
        "001 §4.2.3, §市场部 (2nd) 一.3",
    ),
    RecordForm(
        "new_customer",
        (
            "name",
            "phone",
            "address",
            "email",
            "contact",
            "contact_phone",
            "factory_address",
            "first_purchase_product",
            "first_purchase_model",
            "first_purchase_amount",
            "first_purchase_signed_on",
            "history",
            "developer",
            "supervisor_opinion",
            "manager_opinion",
        ),
        "002 §新开发客户报告表",
    ),
    RecordForm(
        "credit",
        (*_BASIC, "profit_and_loss", "balance_sheet", "key_ratios"),
        "003 §6.2.4-2(2)e",
    ),
)


@policy
class FilesPolicy:
    """R1, R2, R8, R12: the file's lifecycle, its contents, holds and disposal, who records.

    Sources: seed 004 §第一篇 三.1–2, 8–9; 000 第四条(四), 第六条; 001 §客户资源管理制度 四、五、
    八, §4.2.3–4.2.4, §市场部 (2nd) 一.3–4; 002 §新开发客户报告表; 003 §6.2.4-2(2)e.

    Attributes:
        formal_within: R1 "收到竣工文档后5天内": the temporary archive becomes the formal one
            within 5 days of 内勤部 receiving the completion documents [seed: 5], due on receipt
            + 5 [default reading; ``count_start_day=True`` counts the day of receipt], in
            calendar days [default; ``mode`` counts working days].
        completion_forms: R2: the company-specified forms the completion file must contain
            [seed: 电话交换机安装参数一览表]; formalising without any of them is refused.
        manual_copies: R2: copies of each common equipment manual kept in the cabinet
            [seed: "一份以上", at least 1].
        record_forms: R2: the forms of customer record and their required fields [seed: the
            basic record (001 §四.2), the contact record (001 §4.2.3), the new-customer report
            (002), the credit file (003 §6.2.4-2(2)e: the basic fields and the financial
            status)].
        form_in_use: R2: which form applies [default: ``basic``]; one of ``record_forms``.
        record_editing: R12: who edits a record, a preset [default: the sales-admin regulation
            001 §4.2.4; ``customer_manager`` is 001 §市场部 (2nd) 一.4].
        copies_to: R12, customer-manager preset: who gets the periodic electronic copies
            [seed: the marketing director].
        disposal_roles: R8 "取得主管经理的承认": who approves a disposal [default reading: the
            manager in charge of the customer, 业务部经理; the other reading is the
            general-affairs manager who keeps the cards].
        lifecycle: the file's lifecycle as a workflow table (reasons cite R1) [seed steps;
            names and English labels [default]]. Left at the seed's table its record steps
            follow ``record_editing`` and its disposal approval ``disposal_roles``; a company's
            own table must keep ``formalise`` (``awaiting_formal`` → ``formal``) and
            ``approve_disposal`` (``disposal_requested`` → ``disposed``, by exactly the
            ``disposal_roles``, granting ``R8.dispose``, another person than the requester),
            and no step may leave ``disposal_requested`` and come back to it (it would let the
            requester approve).
        holds: R8: a hold on a file as a workflow table [default: the seed names no holds]; a
            hold case in state ``placed`` forbids disposal.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    formal_within: Deadline = setting(default=Deadline(5), unit=Unit.TABLE, source=_R1)
    completion_forms: tuple[str, ...] = setting(
        default=("电话交换机安装参数一览表",), unit=Unit.TEXT, source=_R2
    )
    manual_copies: int = setting(default=1, unit=Unit.COUNT, source=_R2, low=1)
    record_forms: tuple[RecordForm, ...] = setting(
        default=_SEED_FORMS, unit=Unit.TABLES, source=_R2, min_items=1
    )
    form_in_use: str = setting(default="basic", unit=Unit.TEXT, source=_R2, mark=Mark.DEFAULT)
    record_editing: RecordEditing = setting(
        default=RecordEditing.SALES_ADMIN, unit=Unit.CHOICE, source=_R12, mark=Mark.DEFAULT
    )
    copies_to: Role = setting(default=Role.MARKETING_DIRECTOR, unit=Unit.ROLE, source=_R12)
    disposal_roles: frozenset[Role] = setting(
        default=_MANAGER_IN_CHARGE, unit=Unit.ROLES, source=_R8, mark=Mark.DEFAULT, min_items=1
    )
    lifecycle: WorkflowTable = setting(default=_SEED_LIFECYCLE, unit=Unit.TABLE, source=_R1)
    holds: WorkflowTable = setting(
        default=_SEED_HOLDS, unit=Unit.TABLE, source=_R8, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        names = [form.name for form in self.record_forms]
        for i, name in enumerate(names):
            if name in names[:i]:
                yield Problem.mismatch(f"record_forms[{i}].name", name, "a name not used before")
        if self.form_in_use not in names:
            yield Problem.mismatch("form_in_use", self.form_in_use, f"one of {names}")
        for i, form in enumerate(self.completion_forms):
            if not form.strip():
                yield Problem.mismatch(f"completion_forms[{i}]", form, "a form's name")
        if self.lifecycle == _SEED_LIFECYCLE and (
            self.record_editing is not RecordEditing.SALES_ADMIN
            or self.disposal_roles != _MANAGER_IN_CHARGE
        ):
            # the seed's table follows the preset and the roles (attrs' documented way to set a
            # field of a frozen instance during initialisation, as RegradingPolicy does)
            table = _lifecycle(self.record_editing, self.disposal_roles)
            object.__setattr__(self, "lifecycle", table)
        yield from _lifecycle_problems(self)
        if _PLACED not in self.holds._index.states:
            yield Problem.mismatch(
                "holds.states", [s.name for s in self.holds.states], f"a state {_PLACED!r}"
            )


def _lifecycle_problems(p: FilesPolicy) -> Iterator[Problem]:
    table = p.lifecycle
    for source, event, target in (
        (_AWAITING, _FORMALISE, _FORMAL),
        (_REQUESTED, _APPROVE, _DISPOSED),
    ):
        move = table.transition(source, event)
        if move is None or move.target != target:
            yield Problem.mismatch(
                "lifecycle.transitions",
                f"{len(table.transitions)} row(s)",
                f"a row from {source!r} on {event!r} to {target!r}",
            )
            continue
        if event != _APPROVE:
            continue
        where = f"lifecycle.transitions[{table.transitions.index(move)}]"
        if move.roles != p.disposal_roles:
            wanted = ", ".join(sorted(r.value for r in p.disposal_roles))
            yield Problem.mismatch(
                f"{where}.roles",
                sorted(r.value for r in move.roles),
                f"the disposal_roles ({wanted})",
            )
        if move.approval != DISPOSAL:
            yield Problem.mismatch(f"{where}.approval", move.approval, repr(DISPOSAL))
        if not move.distinct:
            yield Problem.mismatch(f"{where}.distinct", move.distinct, "true (two persons)")
    for i, move in enumerate(table.transitions):
        if move.source == _REQUESTED and move.target == _REQUESTED:
            yield Problem.mismatch(
                f"lifecycle.transitions[{i}].target",
                move.target,
                "a state other than 'disposal_requested' (the approver is not the requester)",
            )


# --------------------------------------------------------------------------- the step


@attrs.frozen
class FileStep:
    """The outcome of :func:`file_step`: a step of a file's lifecycle, taken or refused.

    Attributes:
        outcome: applied, refused by the table, or refused by a rule the table cannot state
            (forms missing, a hold, not the file's manager).
        workflow: what the lifecycle table said (``StepOutcome.APPLIED`` when only a rule of
            this chapter refused).
        event: the event asked for.
        before: the case before.
        after: the case after — ``before`` itself when refused.
        record: the :class:`~customer_rules.workflow.EventRecord` to store, ``None`` when
            refused.
        by: the sign-off given, if any.
        on: the day of the step.
        missing: R2: the forms the completion file lacks (formalising).
        holds: R8: the kinds of the open holds on the file (disposal).
        owner: R12: the file's manager (a record under the customer-manager preset).
        policy: the files policy used (not written as data; ``from_data`` takes it back
            from the chapter's policy).
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date (``None``: the seed, any day).

    ``reasons`` (built when read) cite R1 for the step and R2, R8 or R12 for the rule that
    refused or adds to it.
    """

    outcome: FileOutcome
    workflow: StepOutcome
    event: str
    before: Case
    after: Case
    record: EventRecord | None
    by: Approval | None
    on: dt.date
    missing: tuple[str, ...]
    holds: tuple[HoldKind, ...]
    owner: str | None
    policy: FilesPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def applied(self) -> bool:
        """Whether the step was taken."""
        return self.outcome is FileOutcome.APPLIED

    @property
    def step(self) -> Step:
        """The lifecycle table's own step (its reason cites R1)."""
        return Step(
            self.workflow,
            self.event,
            self.before,
            self.after,
            self.record,
            self.by,
            self.on,
            self.policy.lifecycle,
        )

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The table's reason (``workflow.*``, citing R1), or the rule that refused
        (``R2.forms_missing``, ``R8.held``, ``R12.not_owner``); an applied ``formalise`` adds
        ``R2.forms_complete``, an applied record step who edits records (``R12.editor.*``)."""
        return _step_reasons(self)


def _step_reasons(s: FileStep) -> tuple[Reason, ...]:
    p = s.policy
    if s.outcome is FileOutcome.MISSING_FORMS:
        return (
            Reason.of(
                "R2", ArchivesReason.R2_FORMS_MISSING, file=s.before.subject, missing=s.missing
            ),
        )
    if s.outcome is FileOutcome.HELD:
        return (Reason.of("R8", ArchivesReason.R8_HELD, file=s.before.subject, holds=s.holds),)
    if s.outcome is FileOutcome.NOT_OWNER:
        who = s.by.who if s.by is not None else None
        return (
            Reason.of(
                "R12",
                ArchivesReason.R12_NOT_OWNER,
                who=who,
                file=s.before.subject,
                owner=s.owner,
            ),
        )
    head = s.step.reasons
    if not s.applied:
        return head
    if s.event == _FORMALISE:
        return (*head, Reason.of("R2", ArchivesReason.R2_FORMS_COMPLETE, forms=p.completion_forms))
    if s.event.startswith("record_") and s.event != _VISIT:
        if p.record_editing is RecordEditing.CUSTOMER_MANAGER:
            return (*head, Reason.of("R12", ArchivesReason.R12_EDITOR_MANAGER, to=p.copies_to))
        return (*head, Reason.of("R12", ArchivesReason.R12_EDITOR_SALES_ADMIN))
    return head


def open_file(file: CustomerFile | str, policy: ArchivesPolicy) -> Case:
    """R12, R1: open a customer file (建立客户档案户头) at the first contact with a new customer:
    a new case of the lifecycle table, bound to the file's id, in state ``opened``.

    Args:
        file: the file, or its id.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).

    Returns:
        The new case; record each later step with :func:`file_step`.

    Raises:
        InputError: naming ``file`` for a value that is neither a CustomerFile nor a non-blank
            id, ``policy`` unless an ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> open_file("R-0042", ArchivesPolicy()).state
        'opened'
    """
    subject = _file_id(file)
    return start(archives_policy(policy).files.lifecycle, subject=subject)


def _file_id(file: object) -> str:
    if isinstance(file, CustomerFile):
        return file.id
    if isinstance(file, str) and file.strip():
        return file
    raise InputError("file", file, "a CustomerFile or a file id (a non-blank string)")


def _open_holds(holds: object, p: FilesPolicy, subject: str | None) -> tuple[HoldKind, ...]:
    """The kinds of the holds of ``holds`` open on ``subject`` (in the order given, each kind
    once)."""
    if isinstance(holds, str | bytes) or not isinstance(holds, Iterable):
        raise InputError("holds", holds, "an iterable of Hold")
    found: list[HoldKind] = []
    for i, hold in enumerate(holds):
        if not isinstance(hold, Hold):
            raise InputError(f"holds[{i}]", hold, "a Hold")
        if hold.case.workflow != p.holds.name:
            raise InputError(f"holds[{i}].case.workflow", hold.case.workflow, f"{p.holds.name!r}")
        if hold.case.subject == subject and hold.case.state == _PLACED and hold.kind not in found:
            found.append(hold.kind)
    return tuple(found)


def _forms(forms: object) -> frozenset[str]:
    if forms is None:
        return frozenset()
    if isinstance(forms, str | bytes) or not isinstance(forms, Iterable):
        raise InputError("forms", forms, "an iterable of form names")
    items = tuple(forms)
    for i, form in enumerate(items):
        if not isinstance(form, str):
            raise InputError(f"forms[{i}]", form, "a form's name (a string)")
    return frozenset(items)


def file_step(
    case: Case,
    event: str,
    policy: ArchivesPolicy,
    *,
    by: Approval | None,
    on: dt.date,
    file: CustomerFile | None = None,
    forms: Iterable[str] | None = None,
    holds: Iterable[Hold] = (),
) -> FileStep:
    """R1, R2, R8, R12: take one step of a file's lifecycle.

    The lifecycle table decides first (a step out of order, by the wrong role, without the sign-off
    it needs, dated before the last one, or — approving a disposal — by the person who requested
    it, is refused with the table's reason, citing R1). A step the table allows is still refused:

    * ``formalise`` unless ``forms`` holds every one of ``completion_forms`` (R2), naming the
      missing ones;
    * ``request_disposal`` and ``approve_disposal`` while a hold of ``holds`` bound to this file
      is open (R8) — a litigation hold, an audit, an open receivable;
    * a ``record_*`` step (not a visit report) under the customer-manager preset (R12) unless
      it is signed by the file's ``owner`` (``file`` must be given).

    Args:
        case: the file's case (from :func:`open_file` or a previous step).
        event: the event's name (``"formalise"``, ``"record_call"`` …).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        by: the sign-off of the person taking the step.
        on: the day of the step.
        file: the file's facts (its id must be the case's subject).
        forms: the forms in the completion file (``formalise``).
        holds: hold cases of the hold table (others' subjects are ignored).

    Returns:
        A :class:`FileStep`: the new case and the record to store, or why not.

    Raises:
        InputError: naming the argument for a case not of the lifecycle table, an event it
            does not list, a malformed sign-off, day, file, forms or holds.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 3, 9)
        >>> case = Case("R1.file", "awaiting_formal", "R-0042", 4, "李内勤", day)
        >>> clerk = Approval("李内勤", Role.ARCHIVE_DEPARTMENT, "R1", day)
        >>> file_step(case, "formalise", ArchivesPolicy(), by=clerk, on=day, forms=[]).missing
        ('电话交换机安装参数一览表',)
    """
    book = archives_policy(policy)
    p = book.files
    day = checked_day(book, on)
    if file is not None and not isinstance(file, CustomerFile):
        raise InputError("file", file, "a CustomerFile or None")
    step = apply(p.lifecycle, case, event, by=by, on=day)
    before = step.before
    if file is not None and file.id != before.subject:
        raise InputError("file.id", file.id, f"the case's subject {before.subject!r}")
    given = _forms(forms)
    open_holds = _open_holds(holds, p, before.subject)
    outcome = FileOutcome.APPLIED if step.applied else FileOutcome.REFUSED
    missing: tuple[str, ...] = ()
    owner = file.owner if file is not None else None
    if step.applied:
        if event == _FORMALISE:
            missing = tuple(f for f in p.completion_forms if f not in given)
            if missing:
                outcome = FileOutcome.MISSING_FORMS
        elif event in (_REQUEST, _APPROVE) and open_holds:
            outcome = FileOutcome.HELD
        elif (
            event.startswith("record_")
            and event != _VISIT
            and p.record_editing is RecordEditing.CUSTOMER_MANAGER
            and (owner is None or by is None or by.who != owner)
        ):
            outcome = FileOutcome.NOT_OWNER
    applied = outcome is FileOutcome.APPLIED
    return FileStep(
        outcome,
        step.outcome,
        event,
        before,
        step.after if applied else before,
        step.record if applied else None,
        by,
        day,
        missing,
        open_holds if event in (_REQUEST, _APPROVE) else (),
        owner,
        p,
        book.version,
        policy_effective=book.effective,
    )


# --------------------------------------------------------------------------- R1 the deadline


@attrs.frozen
class FormalisationStatus:
    """R1: where a file stands against "收到竣工文档后5天内" on a day.

    Attributes:
        file: the file's id.
        received_on: the day 内勤部 received the completion documents (``None``: not yet).
        due: the last day to formalise (``None`` before receipt); never before receipt.
        formalised_on: the day it was formalised, if it was by ``on``.
        on: the day asked about.
        overdue: received, not formalised by ``on``, and ``on`` is after ``due``.
        late: formalised, after ``due``.
        days_late: the days past ``due`` (to ``on`` while open, to ``formalised_on`` once done);
            0 when on time.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> f = CustomerFile("R-0042", received_on=dt.date(2026, 3, 2))
        >>> s = formalisation(f, ArchivesPolicy(), on=dt.date(2026, 3, 8))
        >>> s.due, s.overdue, s.days_late
        (datetime.date(2026, 3, 7), True, 1)
    """

    file: str
    received_on: dt.date | None
    due: dt.date | None
    formalised_on: dt.date | None
    on: dt.date
    overdue: bool
    late: bool
    days_late: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R1.not_received``, ``R1.formal_done``/``R1.formal_late`` once formalised,
        ``R1.formal_overdue`` past due, else ``R1.formal_due``."""
        if self.received_on is None or self.due is None:
            return (Reason.of("R1", ArchivesReason.R1_NOT_RECEIVED, file=self.file),)
        if self.formalised_on is not None:
            if self.late:
                return (
                    Reason.of(
                        "R1",
                        ArchivesReason.R1_FORMAL_LATE,
                        file=self.file,
                        formalised=self.formalised_on,
                        due=self.due,
                        days=self.days_late,
                    ),
                )
            return (
                Reason.of(
                    "R1",
                    ArchivesReason.R1_FORMAL_DONE,
                    file=self.file,
                    formalised=self.formalised_on,
                    due=self.due,
                ),
            )
        if self.overdue:
            return (
                Reason.of(
                    "R1",
                    ArchivesReason.R1_FORMAL_OVERDUE,
                    file=self.file,
                    received=self.received_on,
                    due=self.due,
                    days=self.days_late,
                ),
            )
        return (
            Reason.of(
                "R1",
                ArchivesReason.R1_FORMAL_DUE,
                file=self.file,
                received=self.received_on,
                due=self.due,
            ),
        )


def _status(
    f: CustomerFile,
    p: FilesPolicy,
    day: dt.date,
    calendar: Calendar,
    version: str,
    effective: dt.date | None,
) -> FormalisationStatus:
    received = f.received_on
    if received is None or received > day:
        return FormalisationStatus(
            f.id, None, None, None, day, False, False, 0, version, policy_effective=effective
        )
    due = p.formal_within.due(received, calendar)
    done = f.formalised_on if f.formalised_on is not None and f.formalised_on <= day else None
    if done is not None:
        late = done > due
        days = (done - due).days if late else 0
        return FormalisationStatus(
            f.id, received, due, done, day, False, late, days, version, policy_effective=effective
        )
    overdue = day > due
    days = (day - due).days if overdue else 0
    return FormalisationStatus(
        f.id, received, due, None, day, overdue, False, days, version, policy_effective=effective
    )


def formalisation(
    file: CustomerFile,
    policy: ArchivesPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> FormalisationStatus:
    """R1: when a file must be formalised — due on receipt of the completion documents + 5
    days (``formal_within``, through ``calendar``) — and whether it is overdue on ``on``.

    A receipt or formalisation dated after ``on`` is not known on ``on``: the file is then read
    as not received (not formalised).

    Args:
        file: the file; ``received_on`` and ``formalised_on`` are read.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        on: the day asked about.
        calendar: the calendar the deadline counts with (calendar days by default).

    Returns:
        The due date, whether it is overdue, and reasons citing R1.

    Raises:
        InputError: naming the argument for a file that is not a CustomerFile, a policy that
            is not an ArchivesPolicy, a day that is not a date in range, a calendar that is not
            one.
        CalendarCoverageError: for a working-day deadline outside the calendar's years.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> f = CustomerFile("R-0042", received_on=dt.date(2026, 3, 2))
        >>> formalisation(f, ArchivesPolicy(), on=dt.date(2026, 3, 7)).overdue
        False
    """
    if not isinstance(file, CustomerFile):
        raise InputError("file", file, "a CustomerFile")
    book = archives_policy(policy)
    day = checked_day(book, on)
    cal = calendar_arg(calendar)
    return _status(file, book.files, day, cal, book.version, book.effective)


@attrs.frozen
class OverdueFiles:
    """R1: the files past their formalisation deadline on a day, each once, most overdue first
    (then by id).

    Attributes:
        on: the day asked about.
        files: the status of each overdue file.
        checked: how many files were looked at.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    on: dt.date
    files: tuple[FormalisationStatus, ...]
    checked: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R1.overdue_list``: how many files are overdue of how many."""
        return (
            Reason.of(
                "R1",
                ArchivesReason.R1_OVERDUE_LIST,
                count=len(self.files),
                checked=self.checked,
                on=self.on,
            ),
        )


def overdue_files(
    files: Iterable[CustomerFile],
    policy: ArchivesPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> OverdueFiles:
    """R1: the list of files received but not formalised within their deadline on ``on``.

    Args:
        files: the files (each id once).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        on: the day asked about.
        calendar: the calendar the deadline counts with.

    Returns:
        The overdue files, most days late first, then by id.

    Raises:
        InputError: naming ``files[i]`` for an item that is not a CustomerFile or an id seen
            before; the other arguments as :func:`formalisation`.
        CalendarCoverageError: for a working-day deadline outside the calendar's years.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> fs = [CustomerFile("A", received_on=dt.date(2026, 3, 1)),
        ...       CustomerFile("B", received_on=dt.date(2026, 3, 5))]
        >>> [s.file for s in overdue_files(fs, ArchivesPolicy(), on=dt.date(2026, 3, 9)).files]
        ['A']
    """
    book = archives_policy(policy)
    day = checked_day(book, on)
    cal = calendar_arg(calendar)
    if isinstance(files, str | bytes) or not isinstance(files, Iterable):
        raise InputError("files", files, "an iterable of CustomerFile")
    p, version, effective = book.files, book.version, book.effective
    seen: set[str] = set()
    late: list[FormalisationStatus] = []
    count = 0
    for i, f in enumerate(files):
        if not isinstance(f, CustomerFile):
            raise InputError(f"files[{i}]", f, "a CustomerFile")
        if f.id in seen:
            raise InputError(f"files[{i}].id", f.id, "an id not listed before")
        seen.add(f.id)
        count += 1
        status = _status(f, p, day, cal, version, effective)
        if status.overdue:
            late.append(status)
    late.sort(key=lambda s: (-s.days_late, s.file))
    return OverdueFiles(day, tuple(late), count, version, policy_effective=effective)


# --------------------------------------------------------------------------- R2 records


@attrs.frozen
class RecordCheck:
    """R2: whether a customer record carries the fields its form requires.

    Attributes:
        form: the form checked against.
        missing: the required fields absent or blank, in the form's order.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    form: str
    missing: tuple[str, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def complete(self) -> bool:
        """Every required field is there."""
        return not self.missing

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R2.record_complete`` or ``R2.record_missing`` naming the fields."""
        if self.missing:
            return (
                Reason.of(
                    "R2", ArchivesReason.R2_RECORD_MISSING, form=self.form, missing=self.missing
                ),
            )
        return (Reason.of("R2", ArchivesReason.R2_RECORD_COMPLETE, form=self.form),)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_record(
    values: Mapping[str, object], policy: ArchivesPolicy, *, form: str | None = None
) -> RecordCheck:
    """R2: the required fields of the form in use (or ``form``) that a record lacks.

    A field is there when ``values`` has it and it is neither ``None`` nor blank text.

    Args:
        values: the record: field name → value.
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        form: the form to check against; default ``policy.files.form_in_use``.

    Returns:
        The missing fields, in the form's order.

    Raises:
        InputError: naming ``values`` unless a mapping with string keys, ``form`` unless one
            of the policy's forms, ``policy`` unless an ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> check_record({"name": "华东机电", "phone": "021-1234"}, ArchivesPolicy()).missing
        ... # doctest: +NORMALIZE_WHITESPACE
        ('legal_representative', 'address', 'postcode', 'fax', 'business_scope',
         'registered_capital')
    """
    book = archives_policy(policy)
    p = book.files
    if not isinstance(values, Mapping):
        raise InputError("values", values, "a mapping of field names to values")
    for key in values:
        if not isinstance(key, str):
            raise InputError("values", key, "field names (strings) as keys")
    name = p.form_in_use if form is None else form
    chosen = next((f for f in p.record_forms if f.name == name), None)
    if chosen is None:
        raise InputError("form", form, f"one of {[f.name for f in p.record_forms]}")
    missing = tuple(field for field in chosen.fields if _blank(values.get(field)))
    return RecordCheck(chosen.name, missing, book.version, policy_effective=book.effective)


@attrs.frozen
class ManualsCheck:
    """R2: the common equipment manuals with fewer copies in the cabinet than required.

    Attributes:
        short: the manuals below ``manual_copies``, in the order given.
        required: the copies required of each.
        policy_version: the version of the policy book that decided.
        policy_effective: its effective date.
    """

    short: tuple[str, ...]
    required: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``R2.manuals_ok`` or ``R2.manuals_short``."""
        if self.short:
            return (
                Reason.of(
                    "R2",
                    ArchivesReason.R2_MANUALS_SHORT,
                    manuals=self.short,
                    required=self.required,
                ),
            )
        return (Reason.of("R2", ArchivesReason.R2_MANUALS_OK, required=self.required),)


def check_manuals(copies: Mapping[str, int], policy: ArchivesPolicy) -> ManualsCheck:
    """R2 "必须在档案柜里有保留一份以上": the common equipment manuals with fewer than
    ``manual_copies`` copies (at least one, 以上 including the number) in the cabinet.

    Args:
        copies: manual → copies on file (whole numbers, 0 or more).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).

    Returns:
        The manuals short of copies.

    Raises:
        InputError: naming ``copies[name]`` for a count that is not a whole number of 0 or
            more, ``copies`` unless a mapping of names.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> check_manuals({"PBX-200": 1, "PBX-300": 0}, ArchivesPolicy()).short
        ('PBX-300',)
    """
    book = archives_policy(policy)
    if not isinstance(copies, Mapping):
        raise InputError("copies", copies, "a mapping of manual names to copies on file")
    need = book.files.manual_copies
    short: list[str] = []
    for name, count in copies.items():
        if not isinstance(name, str) or not name.strip():
            raise InputError("copies", name, "manual names (non-blank strings) as keys")
        if type(count) is not int or count < 0:
            raise InputError(f"copies[{name}]", count, "a whole number of copies, 0 or more")
        if count < need:
            short.append(name)
    return ManualsCheck(tuple(short), need, book.version, policy_effective=book.effective)
