"""The archives chapter's reason codes (R1–R12) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["ArchivesReason"]


class ArchivesReason(MessageCode):
    """Every reason code of the archives chapter; a member equals its code (``"R1.formal_due"``)."""

    R1_NOT_RECEIVED = "R1.not_received"
    R1_FORMAL_DUE = "R1.formal_due"
    R1_FORMAL_OVERDUE = "R1.formal_overdue"
    R1_FORMAL_DONE = "R1.formal_done"
    R1_FORMAL_LATE = "R1.formal_late"
    R1_OVERDUE_LIST = "R1.overdue_list"
    R2_FORMS_MISSING = "R2.forms_missing"
    R2_FORMS_COMPLETE = "R2.forms_complete"
    R2_RECORD_MISSING = "R2.record_missing"
    R2_RECORD_COMPLETE = "R2.record_complete"
    R2_MANUALS_SHORT = "R2.manuals_short"
    R2_MANUALS_OK = "R2.manuals_ok"
    R3_ORIGINAL_OUTSIDE = "R3.original_outside"
    R3_INCOMPLETE = "R3.incomplete"
    R3_NOT_OUT = "R3.not_out"
    R3_DUE = "R3.due"
    R3_OVERDUE = "R3.overdue"
    R3_GRANT_LEND = "R3.grant.lend"
    R4_OUTSIDE_UNAPPROVED = "R4.outside_unapproved"
    R4_ORIGINAL_FIRST = "R4.original_first"
    R4_REGISTRATION_OPEN = "R4.registration_open"
    R4_REGISTRATION_CLOSED = "R4.registration_closed"
    R4_GRANT_COPY = "R4.grant.copy"
    R4_GRANT_OUTSIDE = "R4.grant.outside"
    R5_REPORT = "R5.report"
    R5_OVERDUE_COUNT = "R5.overdue_count"
    R7_ENTER = "R7.enter"
    R7_INVESTIGATION = "R7.investigation"
    R7_NOT_REPORTED = "R7.not_reported"
    R7_CARD = "R7.card"
    R7_NO_CARD = "R7.no_card"
    R8_HELD = "R8.held"
    R9_DEPARTED = "R9.departed"
    R9_NO_PURPOSE = "R9.no_purpose"
    R9_GRANT_OWN = "R9.grant.own"
    R9_GRANT_KEEPER = "R9.grant.keeper"
    R9_GRANT_CHAIRMAN = "R9.grant.chairman"
    R9_GRANT_ARCHIVE_ROOM = "R9.grant.archive_room"
    R9_GRANT_SERVICE = "R9.grant.service"
    R9_GRANT_LEDGER = "R9.grant.ledger"
    R9_GRANT_CREDIT = "R9.grant.credit"
    R9_DUTY = "R9.duty"
    R9_DENIED = "R9.denied"
    R9_NEEDS = "R9.needs"
    R9_HANDOVER = "R9.handover"
    R9_SANCTION = "R9.sanction"
    R11_THIRD_PARTY = "R11.third_party"
    R11_CONSENT = "R11.consent"
    R12_NOT_OWNER = "R12.not_owner"
    R12_EDITOR_SALES_ADMIN = "R12.editor.sales_admin"
    R12_EDITOR_MANAGER = "R12.editor.customer_manager"


_R = ArchivesReason

register_codes(
    ArchivesReason,
    {
        # --- R1
        _R.R1_NOT_RECEIVED: (
            "档案 {file} 尚未收到竣工文档,正式归档期限未开始",
            "file {file}: the completion documents are not received yet; the deadline has not started",
        ),
        _R.R1_FORMAL_DUE: (
            "档案 {file} 于 {received} 收到竣工文档,应于 {due} 前整理成正式档案并上柜",
            "file {file}: completion documents received {received}; formal and shelved by {due}",
        ),
        _R.R1_FORMAL_OVERDUE: (
            "档案 {file} 于 {received} 收到竣工文档,应于 {due} 前整理成正式档案,已逾期 {days} 天",
            "file {file}: completion documents received {received}, due formal by {due}: {days} day(s) overdue",
        ),
        _R.R1_FORMAL_DONE: (
            "档案 {file} 于 {formalised} 整理成正式档案(期限 {due})",
            "file {file} formalised on {formalised} (due {due})",
        ),
        _R.R1_FORMAL_LATE: (
            "档案 {file} 于 {formalised} 才整理成正式档案,超过期限 {due} {days} 天",
            "file {file} formalised on {formalised}, {days} day(s) after the deadline {due}",
        ),
        _R.R1_OVERDUE_LIST: (
            "截至 {on},{checked} 份档案中有 {count} 份超过正式归档期限",
            "as of {on}, {count} of {checked} file(s) are past their formalisation deadline",
        ),
        # --- R2
        _R.R2_FORMS_MISSING: (
            "档案 {file} 的竣工文档缺少公司指定的表格:{missing},不能整理成正式档案",
            "file {file}: the completion file lacks the company's forms: {missing}; it cannot be formalised",
        ),
        _R.R2_FORMS_COMPLETE: (
            "竣工文档包含公司指定的表格:{forms}",
            "the completion file holds the company's forms: {forms}",
        ),
        _R.R2_RECORD_MISSING: (
            "客户档案({form})缺少必填项:{missing}",
            "the customer record ({form}) lacks required fields: {missing}",
        ),
        _R.R2_RECORD_COMPLETE: (
            "客户档案({form})必填项齐全",
            "the customer record ({form}) has every required field",
        ),
        _R.R2_MANUALS_SHORT: (
            "以下常用设备说明书在档案柜中不足 {required} 份:{manuals}",
            "fewer than {required} copy(ies) on file of: {manuals}",
        ),
        _R.R2_MANUALS_OK: (
            "常用设备说明书在档案柜中均保留 {required} 份以上",
            "every common equipment manual has {required} or more copies on file",
        ),
        # --- R3
        _R.R3_ORIGINAL_OUTSIDE: (
            "客户档案原件不允许拿出公司:借阅 {loan}(档案 {file})只能在公司内",
            "originals never leave the company: loan {loan} (file {file}) is in-house only",
        ),
        _R.R3_INCOMPLETE: (
            "借阅 {loan} 归还时档案 {file} 不完整:借阅登记不注销,档案标记待修复",
            "loan {loan}: file {file} came back incomplete; the loan stays open and the file is flagged for repair",
        ),
        _R.R3_NOT_OUT: (
            "{item} {loan} 未借出或已归还",
            "{item} {loan} is not out",
        ),
        _R.R3_DUE: (
            "{item} {loan} 应于 {due} 归还",
            "{item} {loan} is due back by {due}",
        ),
        _R.R3_OVERDUE: (
            "{item} {loan} 应于 {due} 归还,已逾期 {days} 天",
            "{item} {loan} was due back by {due}: {days} day(s) overdue",
        ),
        _R.R3_GRANT_LEND: (
            "{who}({role})经档案管理员同意,可在公司内{action}档案 {file}(用途:{purpose})",
            "{who} ({role}) may {action} file {file} in-house with the keeper's consent (purpose: {purpose})",
        ),
        # --- R4
        _R.R4_OUTSIDE_UNAPPROVED: (
            "影印件 {loan} 外出使用须经{roles}同意(“{what}”),尚未同意",
            "copy {loan} is for use outside the company: it needs the approval ('{what}') of the {roles}",
        ),
        _R.R4_ORIGINAL_FIRST: (
            "登记 {registration} 的原件尚未归还并检查,影印件 {loan} 不能先注销",
            "the original of registration {registration} is not back and checked: copy {loan} cannot be checked in first",
        ),
        _R.R4_REGISTRATION_OPEN: (
            "影印登记 {registration} 不能注销,尚未归还核对:{outstanding}",
            "copy registration {registration} stays open; not back and checked: {outstanding}",
        ),
        _R.R4_REGISTRATION_CLOSED: (
            "影印登记 {registration} 的原件和影印件均已归还核对,可注销登记",
            "copy registration {registration}: the original and every copy are back and checked; it is closed",
        ),
        _R.R4_GRANT_COPY: (
            "{who}({role})经内勤部经理同意,可影印档案 {file}(用途:{purpose})",
            "{who} ({role}) may copy file {file} with the 内勤部 manager's approval (purpose: {purpose})",
        ),
        _R.R4_GRANT_OUTSIDE: (
            "{who}({role})经同意影印并外出使用,可将档案 {file} 的影印件带出公司(用途:{purpose})",
            "{who} ({role}) may take a copy of file {file} outside: the copy and its use outside are approved (purpose: {purpose})",
        ),
        # --- R5
        _R.R5_REPORT: (
            "截至 {on} 借出未归还:原件 {originals} 件、影印件 {copies} 件,列明去向,于 {due} 前呈交{to}",
            "out and unreturned on {on}: {originals} original(s), {copies} copy(ies), with where each is; to the {to} by {due}",
        ),
        _R.R5_OVERDUE_COUNT: (
            "其中逾期未还 {count} 件",
            "{count} of them overdue",
        ),
        # --- R7
        _R.R7_ENTER: (
            "{partner} 的交易开始调查书已获单位主管认可并禀报{to},可记入交易往来客户原簿及一览表",
            "{partner}: the start-of-trade investigation is approved and reported to the {to}; it enters the ledger card and list",
        ),
        _R.R7_INVESTIGATION: (
            "{partner} 的交易开始调查书须经{roles}认可(审批状态:{status})",
            "{partner}: the start-of-trade investigation needs the approval of the {roles} (approval: {status})",
        ),
        _R.R7_NOT_REPORTED: (
            "{partner} 的交易开始调查书尚未禀报{to}",
            "{partner}: the start-of-trade investigation is not reported to the {to}",
        ),
        _R.R7_CARD: (
            "{partner} 须建交易往来客户原始资料卡",
            "{partner} needs a ledger card",
        ),
        _R.R7_NO_CARD: (
            "客户较多时只需为重要客户或大客户建卡:{partner} 不需建卡",
            "with many customers only important or big customers need a card: {partner} does not",
        ),
        # --- R8
        _R.R8_HELD: (
            "档案 {file} 存在未解除的冻结({holds}),不能处理",
            "file {file} is under a hold ({holds}): it cannot be disposed of",
        ),
        # --- R9
        _R.R9_DEPARTED: (
            "{who}({status})不得查阅或带走客户资料,其客户资料由主管部门接收",
            "{who} ({status}) gets no customer data; their files pass to their department",
        ),
        _R.R9_NO_PURPOSE: (
            "{who} 未说明用途:客户信息查询仅限于查询人工作需要",
            "{who} stated no purpose: a query serves only the querier's work",
        ),
        _R.R9_GRANT_OWN: (
            "{who}({role})是档案 {file} 的负责人,可{action}(用途:{purpose})",
            "{who} ({role}) is responsible for file {file} and may {action} it (purpose: {purpose})",
        ),
        _R.R9_GRANT_KEEPER: (
            "{who}({role})负责保管{kind},可查阅 {file}(用途:{purpose})",
            "{who} ({role}) keeps the {kind} and may view {file} (purpose: {purpose})",
        ),
        _R.R9_GRANT_CHAIRMAN: (
            "{who}({role})经董事长批准,可查阅他人客户信息 {file}(用途:{purpose})",
            "{who} ({role}) may view another's record {file} with the chairman's approval (purpose: {purpose})",
        ),
        _R.R9_GRANT_ARCHIVE_ROOM: (
            "{who}({role})经市场总监书面审核、总经理批准,可从档案室{action} {file}(用途:{purpose})",
            "{who} ({role}) may {action} {file} from the archive room with the marketing director's written review and the general manager's approval (purpose: {purpose})",
        ),
        _R.R9_GRANT_SERVICE: (
            "{who}({role})按客户服务部的规定经批准,可查询 {file}(用途:{purpose})",
            "{who} ({role}) may look up {file} with the customer-service department's approval (purpose: {purpose})",
        ),
        _R.R9_GRANT_LEDGER: (
            "{who}({role})经总务部财务科准许,可{action}交易往来客户资料 {file}(用途:{purpose})",
            "{who} ({role}) may {action} ledger card {file} with the finance section's approval (purpose: {purpose})",
        ),
        _R.R9_GRANT_CREDIT: (
            "{who}({role})经业务统计同意,可{action}信用资料 {file}(用途:{purpose})",
            "{who} ({role}) may {action} credit data {file} with business statistics' approval (purpose: {purpose})",
        ),
        _R.R9_DUTY: (
            "{who}({role})不得{action}职责范围外的客户资料 {file}",
            "{who} ({role}) may not {action} {file}: it is outside their duty",
        ),
        _R.R9_DENIED: (
            "{who}({role})无权{action} {file}({kind}):没有规则准许",
            "{who} ({role}) may not {action} {file} ({kind}): no rule grants it",
        ),
        _R.R9_NEEDS: (
            "须有{roles}就 {file}、用途“{purpose}”签署的“{what}”审批(所附审批:{status})",
            "needs the approval '{what}' of the {roles}, bound to {file} for the purpose '{purpose}' (approvals given: {status})",
        ),
        _R.R9_HANDOVER: (
            "{who} 调离:{count} 份客户资料由主管部门接收、整理、归档",
            "{who} is leaving: {count} file(s) pass to their department",
        ),
        _R.R9_SANCTION: (
            "{who} 第 {count} 次{breach}:给予{sanction}处分",
            "{who}, {breach} no. {count}: {sanction}",
        ),
        # --- R11
        _R.R11_THIRD_PARTY: (
            "未经客户同意(用途:{purpose}),不得将 {file} 向第三方{action}",
            "without the customer's consent for '{purpose}', {file} may not be sent to a third party ({action})",
        ),
        _R.R11_CONSENT: (
            "{file} 含个人信息:须有客户就用途“{purpose}”的同意",
            "{file} holds personal data: it needs the customer's consent for '{purpose}'",
        ),
        # --- R12
        _R.R12_NOT_OWNER: (
            "{who} 不是档案 {file} 的负责人({owner}):客户经理只更新本人负责的客户档案",
            "{who} is not the manager of file {file} ({owner}): customer managers update their own files",
        ),
        _R.R12_EDITOR_SALES_ADMIN: (
            "客户信息有更改由业务员通知销售内勤更新",
            "changes are notified by the salesperson and entered by sales admin",
        ),
        _R.R12_EDITOR_MANAGER: (
            "客户经理更新本人负责的档案,并定期形成电子文档上报{to}",
            "the customer manager updates their own file and periodically sends electronic copies to the {to}",
        ),
    },
)
