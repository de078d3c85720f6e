"""R10 — correcting a wrong customer record through an approval chain that ends archived.

Source: seed 001 §客户资源管理制度 例 ("客户信息错误后怎么管理"): customer-service staff draft the
remedy → the customer-service manager reviews → the general manager approves → customer service
executes and hands over to the other departments → they execute and give feedback → customer
service reports → the manager reviews → the general manager approves → archived.

The chain is a table on the shared workflow mechanism (``CorrectionPolicy.chain``, reasons citing
R10): every step out of order or by the wrong role is refused with the reason, and replaying a
correction's records reproduces where it stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from customer_rules._archives.checks import archives_policy, checked_day
from customer_rules.errors import InputError, Problem
from customer_rules.roles import Approval, Role
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import (
    Case,
    Event,
    State,
    Step,
    Transition,
    WorkflowTable,
    apply,
    start,
)

if TYPE_CHECKING:
    from customer_rules._archives.policy import ArchivesPolicy

__all__ = [
    "PLAN_APPROVAL",
    "REPORT_APPROVAL",
    "CorrectionPolicy",
    "correction_step",
    "open_correction",
]

PLAN_APPROVAL = "R10.plan"
"""The ``Approval.what`` of the general manager's approval of the remedy (总经理审批)."""
REPORT_APPROVAL = "R10.report"
"""The ``Approval.what`` of the general manager's approval of the closing report."""

_R10 = "R10; 001 §客户资源管理制度 例"
_STAFF = frozenset({Role.CUSTOMER_SERVICE})
_MANAGER = frozenset({Role.CUSTOMER_SERVICE_MANAGER})
_GM = frozenset({Role.GENERAL_MANAGER})
_DEPARTMENTS = frozenset(
    {
        Role.SALES_ADMIN,
        Role.SALES_MANAGER,
        Role.BUSINESS_DEPARTMENT,
        Role.BUSINESS_STATISTICS,
        Role.FINANCE,
        Role.ARCHIVE_DEPARTMENT,
        Role.MARKETING_DIRECTOR,
        Role.PLANNING_DEPARTMENT,
    }
)


def _chain(
    staff: frozenset[Role],
    managers: frozenset[Role],
    approvers: frozenset[Role],
    departments: frozenset[Role],
) -> WorkflowTable:
    return WorkflowTable(
        name="R10.correction",
        rule="R10",
        initial="found",
        states=(
            State("found", "发现信息错误", "error found"),
            State("drafted", "已拟补救方案", "remedy drafted"),
            State("reviewed", "客服经理已审核", "reviewed by the manager"),
            State("approved", "总经理已审批", "approved by the general manager"),
            State("handed_over", "已交接其他部门执行", "handed over to the departments"),
            State("executed", "其他部门已执行并反馈", "executed, feedback given"),
            State("reported", "客服部已写报告", "report written"),
            State("report_reviewed", "报告已审核", "report reviewed"),
            State("archived", "已存档", "archived"),
        ),
        events=(
            Event("draft", "制订补救处理方案", "draft the remedy"),
            Event("review", "客服经理审核", "manager's review"),
            Event("approve", "总经理审批", "general manager's approval"),
            Event("hand_over", "组织执行并交接其他部门", "execute and hand over"),
            Event("feedback", "其他部门执行后反馈", "departments execute and report back"),
            Event("report", "客服部写报告", "write the report"),
            Event("review_report", "客服经理审核报告", "manager reviews the report"),
            Event("approve_report", "总经理审批后存档", "general manager approves; archive"),
            Event("send_back", "退回重拟", "send back for redrafting"),
        ),
        transitions=(
            Transition("found", "draft", "drafted", roles=staff),
            Transition("drafted", "review", "reviewed", roles=managers, distinct=True),
            Transition(
                "reviewed",
                "approve",
                "approved",
                roles=approvers,
                approval=PLAN_APPROVAL,
                distinct=True,
            ),
            Transition("approved", "hand_over", "handed_over", roles=staff),
            Transition("handed_over", "feedback", "executed", roles=departments),
            Transition("executed", "report", "reported", roles=staff),
            Transition(
                "reported", "review_report", "report_reviewed", roles=managers, distinct=True
            ),
            Transition(
                "report_reviewed",
                "approve_report",
                "archived",
                roles=approvers,
                approval=REPORT_APPROVAL,
                distinct=True,
            ),
            Transition("drafted", "send_back", "found", roles=managers),
            Transition("reviewed", "send_back", "found", roles=approvers),
        ),
    )


_SEED_CHAIN = _chain(_STAFF, _MANAGER, _GM, _DEPARTMENTS)


@policy
class CorrectionPolicy:
    """R10: the correction chain of a wrong customer record.

    Source: seed 001 §客户资源管理制度 例.

    Attributes:
        staff: who drafts the remedy, executes it and reports [seed: 客服部人员].
        managers: who reviews the remedy and the report [seed: 客服部经理].
        approvers: who approves both [seed: 总经理].
        departments: who executes the remedy and gives feedback [default: the departments
            that keep customer data; the seed says "其他部门"].
        chain: the chain as a workflow table (reasons cite R10) [seed steps; the two
            ``send_back`` rows are [default]: the seed does not say what happens when a review
            or approval fails]. Left at the seed, its roles follow the four role sets; a
            company's own must end in a state ``archived`` reached by an approval.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    staff: frozenset[Role] = setting(default=_STAFF, unit=Unit.ROLES, source=_R10, min_items=1)
    managers: frozenset[Role] = setting(default=_MANAGER, unit=Unit.ROLES, source=_R10, min_items=1)
    approvers: frozenset[Role] = setting(default=_GM, unit=Unit.ROLES, source=_R10, min_items=1)
    departments: frozenset[Role] = setting(
        default=_DEPARTMENTS, unit=Unit.ROLES, source=_R10, mark=Mark.DEFAULT, min_items=1
    )
    chain: WorkflowTable = setting(default=_SEED_CHAIN, unit=Unit.TABLE, source=_R10)

    def _check(self) -> Iterator[Problem]:
        if self.chain == _SEED_CHAIN and (
            self.staff != _STAFF
            or self.managers != _MANAGER
            or self.approvers != _GM
            or self.departments != _DEPARTMENTS
        ):
            table = _chain(self.staff, self.managers, self.approvers, self.departments)
            object.__setattr__(self, "chain", table)
        into = [t for t in self.chain.transitions if t.target == "archived"]
        if not into or not all(t.approval is not None for t in into):
            yield Problem.mismatch(
                "chain.transitions",
                f"{len(self.chain.transitions)} row(s)",
                "rows into an 'archived' state, each needing an approval",
            )


def open_correction(record: str, policy: ArchivesPolicy) -> Case:
    """R10: a new correction of the wrong record ``record`` (the case's subject), in state
    ``found``.

    Raises:
        InputError: naming ``record`` for a blank id, ``policy`` unless an ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> open_correction("C-7/phone", ArchivesPolicy()).state
        'found'
    """
    if not isinstance(record, str) or not record.strip():
        raise InputError("record", record, "the id of the wrong record")
    return start(archives_policy(policy).corrections.chain, subject=record)


def correction_step(
    case: Case, event: str, policy: ArchivesPolicy, *, by: Approval | None, on: dt.date
) -> Step:
    """R10: one step of a correction (``policy.corrections.chain``): a step out of order, by the
    wrong role, without the general manager's approval where the chain needs it, or reviewed by
    the person who drafted, is refused with the reason citing R10.

    Args:
        case: the correction's case (:func:`open_correction` or a previous step).
        event: the step's event (``draft``, ``review``, ``approve``, ``hand_over``,
            ``feedback``, ``report``, ``review_report``, ``approve_report``, ``send_back``).
        policy: the archives policy (``ArchivesPolicy()`` is the seed).
        by: the sign-off of the person taking the step.
        on: the day.

    Returns:
        The workflow :class:`~customer_rules.workflow.Step`: the new case and its record, or the
        refusal.

    Raises:
        InputError: as :func:`customer_rules.workflow.apply`, and naming ``policy`` unless an
            ArchivesPolicy.

    Example:
        >>> from customer_rules.archives import ArchivesPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 3, 2)
        >>> case = open_correction("C-7/phone", ArchivesPolicy())
        >>> gm = Approval("赵总", Role.GENERAL_MANAGER, PLAN_APPROVAL, day)
        >>> correction_step(case, "approve", ArchivesPolicy(), by=gm, on=day).outcome.value
        'no_transition'
    """
    book = archives_policy(policy)
    day = checked_day(book, on)
    return apply(book.corrections.chain, case, event, by=by, on=day)
