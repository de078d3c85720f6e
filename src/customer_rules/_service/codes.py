"""The service chapter's reason codes (S1–S7) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["ServiceReason"]


class ServiceReason(MessageCode):
    """Every reason code of the service chapter; a member equals its code (``"S1.refused"``)."""

    # S1 — visit reception
    S1_RECEIVED = "S1.received"
    S1_REFUSED = "S1.refused"
    S1_SMALL_GROUP = "S1.small_group"
    S1_LATE = "S1.late"
    S1_NO_PASS = "S1.no_pass"
    S1_GUIDE = "S1.guide"
    S1_VIP = "S1.vip"
    S1_STANDARD = "S1.standard"
    S1_HOSPITALITY = "S1.hospitality"
    S1_ROOM = "S1.room"
    S1_PREPARATION = "S1.preparation"
    S1_AREA_PASS = "S1.area.pass"
    S1_AREA_NOT_ALLOWED = "S1.area.not_allowed"
    S1_AREA_RESTRICTED = "S1.area.restricted"
    S1_PHOTO_ALLOWED = "S1.photo.allowed"
    S1_PHOTO_REFUSED = "S1.photo.refused"
    S1_LEAK = "S1.leak"
    # S2 — reception expenses
    S2_APPROVED = "S2.approved"
    S2_NOT_APPROVED = "S2.not_approved"
    S2_SIGNED = "S2.signed"
    S2_UNSIGNED = "S2.unsigned"
    S2_SELF_PAID = "S2.self_paid"
    S2_BUDGET = "S2.budget"
    S2_OVER_BUDGET = "S2.over_budget"
    S2_NO_BUDGET = "S2.no_budget"
    S2_OVER_CAP = "S2.over_cap"
    S2_REPEAT = "S2.repeat"
    S2_NO_CARD = "S2.no_card"
    S2_CLAIM = "S2.claim"
    S2_UNAUTHORISED = "S2.unauthorised"
    S2_ON_TIME = "S2.on_time"
    S2_LATE = "S2.late"
    S2_LINE_REDUCED = "S2.line.reduced"
    S2_LINE_UNAUTHORISED = "S2.line.unauthorised"
    S2_LINE_NO_RECEIPT = "S2.line.no_receipt"
    S2_AWAITING_SIGN_OFF = "S2.awaiting_sign_off"
    # S3 — complaints and suggestions
    S3_SEVERITY_INPUT = "S3.severity.input"
    S3_SEVERITY_CRITERIA = "S3.severity.criteria"
    S3_STATE = "S3.state"
    S3_DONE = "S3.done"
    S3_NEXT = "S3.next"
    S3_NEXT_OVERDUE = "S3.next.overdue"
    S3_SLA_MET = "S3.sla.met"
    S3_SLA_LATE = "S3.sla.late"
    S3_SLA_BREACHED = "S3.sla.breached"
    S3_SLA_RUNNING = "S3.sla.running"
    S3_SLA_PAUSED = "S3.sla.paused"
    S3_SURVEY = "S3.survey"
    S3_SURVEY_OVERDUE = "S3.survey.overdue"
    # S4 — revisit and care calendar
    S4_CALENDAR = "S4.calendar"
    S4_REVISIT = "S4.revisit"
    S4_REVISIT_OVERDUE = "S4.revisit.overdue"
    S4_DEDICATED = "S4.dedicated"
    S4_DEDICATED_OVERDUE = "S4.dedicated.overdue"
    S4_DEDICATED_NO_STAFF = "S4.dedicated.no_staff"
    S4_REPORT = "S4.report"
    S4_BIRTHDAY = "S4.birthday"
    S4_HOLIDAY = "S4.holiday"
    S4_GIFT = "S4.gift"
    S4_FESTIVAL_GAP = "S4.festival_gap"
    S4_UNASSIGNED = "S4.unassigned"
    # S5 — churn warning
    S5_LEVEL = "S5.level"
    S5_NO_SIGNAL = "S5.no_signal"
    S5_INACTIVE = "S5.inactive"
    S5_NO_ORDER = "S5.no_order"
    S5_YEAR_ON_YEAR = "S5.year_on_year"
    S5_PERIOD_ON_PERIOD = "S5.period_on_period"
    S5_COMPLAINTS = "S5.complaints"
    S5_RETAIN = "S5.retain"
    S5_FOLLOW_UP = "S5.follow_up"
    S5_FOLLOW_UP_OVERDUE = "S5.follow_up.overdue"
    # S6 — customer development
    S6_PLAN = "S6.plan"
    S6_TARGETS_SET = "S6.targets.set"
    S6_TARGETS_UNSET = "S6.targets.unset"
    S6_STATE = "S6.state"
    S6_NEXT = "S6.next"
    S6_PROGRESS = "S6.progress"
    S6_PROGRESS_OVERDUE = "S6.progress.overdue"
    S6_FINAL_MISSING = "S6.final_missing"
    # S7 — big-customer commitments
    S7_HOTLINE_COVERED = "S7.hotline.covered"
    S7_HOTLINE_GAPS = "S7.hotline.gaps"
    S7_HOTLINE_GAP = "S7.hotline.gap"
    S7_MANAGER = "S7.manager"
    S7_MANAGER_ROLE = "S7.manager.role"
    S7_MANAGER_DATES = "S7.manager.dates"
    S7_NO_MANAGER = "S7.manager.none"
    S7_STAGE = "S7.stage"
    S7_NEXT = "S7.next"
    S7_REVIEW = "S7.review"
    S7_REVIEW_OVERDUE = "S7.review.overdue"


_R = ServiceReason

register_codes(
    ServiceReason,
    {
        # ------------------------------------------------------------------ S1
        _R.S1_RECEIVED: (
            "{visitor}({visitor_class})一行 {size} 人于 {day} 来访:予以接待",
            "{visitor} ({visitor_class}), {size} people on {day}: received",
        ),
        _R.S1_REFUSED: (
            "{visitor}({visitor_class})一行 {size} 人于 {day} 来访:不予接待({refusals})",
            "{visitor} ({visitor_class}), {size} people on {day}: not received ({refusals})",
        ),
        _R.S1_SMALL_GROUP: (
            "{size} 人的团体,{limit}人以下的客户团体原则上公司不予接待",
            "a group of {size}: groups of {limit} or fewer are not received in principle",
        ),
        _R.S1_LATE: (
            "须提前 {needed} 天预约,{booked} 预约 {day} 来访仅提前 {ahead} 天",
            "must be booked {needed} days ahead: booked {booked} for {day}, {ahead} days ahead",
        ),
        _R.S1_NO_PASS: (
            "未取得经核准的参观凭证(公司批示:{status}),没有凭证任何人不得参观",
            "no approved pass (the company's instruction: {status}): no one visits without one",
        ),
        _R.S1_GUIDE: ("陪同讲解:{guide}", "guide: {guide}"),
        _R.S1_VIP: (
            "{visitor_class}按贵宾级别接待",
            "{visitor_class}: received at VIP level",
        ),
        _R.S1_STANDARD: (
            "{visitor_class}按公司对外接待办法接待",
            "{visitor_class}: standard reception",
        ),
        _R.S1_HOSPITALITY: ("招待:{items}", "hospitality: {items}"),
        _R.S1_ROOM: (
            "团体 {size} 人,会客室容纳不下,不安排茶点和纪念品",
            "a group of {size} does not fit the meeting room: no tea and souvenir",
        ),
        _R.S1_PREPARATION: ("接待准备:{items}", "preparation: {items}"),
        _R.S1_AREA_PASS: ("{area}:发放参观证 {passes} 个", "{area}: {passes} pass(es)"),
        _R.S1_AREA_NOT_ALLOWED: (
            "{area}:公司不允许参观,予以说明,不发放参观证",
            "{area}: not allowed by the company — explained, no pass",
        ),
        _R.S1_AREA_RESTRICTED: (
            "{area}:公司重要的生产厂区,{visitor_class}不能参观",
            "{area}: a key production area, closed to a {visitor_class}",
        ),
        _R.S1_PHOTO_ALLOWED: ("经特准,可以拍照", "photography specially permitted"),
        _R.S1_PHOTO_REFUSED: (
            "未经特准,谢绝拍照(由陪同人员委婉说明)",
            "no special permission: photography declined (the guide explains politely)",
        ),
        _R.S1_LEAK: (
            "{who} 擅自率领未经核准的参观人员参观,按泄露商业机密论处",
            "{who} leads visitors who are not approved: treated as leaking trade secrets",
        ),
        # ------------------------------------------------------------------ S2
        _R.S2_APPROVED: (
            "接待申请 {id}:{total} 元({purpose},{grade}档,{execution}),审批齐全,可领取费用",
            "application {id}: {total} ({purpose}, {grade} venue, {execution}) approved",
        ),
        _R.S2_NOT_APPROVED: (
            "接待申请 {id}:{total} 元({purpose},{grade}档,{execution}),未获批准,不得领取费用",
            "application {id}: {total} ({purpose}, {grade} venue, {execution}) not approved",
        ),
        _R.S2_SIGNED: ("{role}已签字({who})", "signed by the {role} ({who})"),
        _R.S2_UNSIGNED: ("缺{role}审批签字({status})", "no sign-off by the {role} ({status})"),
        _R.S2_SELF_PAID: ("自费接待,不领取公司费用", "self-paid: no company money drawn"),
        _R.S2_BUDGET: (
            "金额 {total} 元(本月已用 {spent} 元)在预算 {budget} 元以内",
            "{total} (with {spent} spent this month) within the budget of {budget}",
        ),
        _R.S2_OVER_BUDGET: (
            "金额 {total} 元(本月已用 {spent} 元)超出按过去平均实绩确定的预算 {budget} 元",
            "{total} (with {spent} spent this month) over the budget of {budget} (the past average)",
        ),
        _R.S2_NO_BUDGET: (
            "预算期内无往期接待实绩,无法确定预算",
            "no past reception in the budget period: the budget cannot be set",
        ),
        _R.S2_OVER_CAP: (
            "{who} 本月接待 {count} 次,超过原则上每人每月 {cap} 次(提示,不拒绝)",
            "{who}: {count} receptions this month, over the cap of {cap} in principle (flagged)",
        ),
        _R.S2_REPEAT: (
            "与 {days} 的接待内容和对象相同,应尽量避免重复接待(提示,不拒绝)",
            "the same content and guests as on {days}: avoid repeats (flagged)",
        ),
        _R.S2_NO_CARD: (
            "重要客户 {customer} 尚未设立客户接待卡",
            "important customer {customer} has no reception card",
        ),
        _R.S2_CLAIM: (
            "申请 {application} 报销:申报 {claimed} 元,可报销 {reimbursable} 元({outcome})",
            "claim on {application}: {claimed} claimed, {reimbursable} reimbursable ({outcome})",
        ),
        _R.S2_UNAUTHORISED: (
            "申请 {application} 未经客户服务部经理和财务部经理审批,属擅自接待,不予报销",
            "application {application} was not approved: unauthorised, not reimbursed",
        ),
        _R.S2_ON_TIME: (
            "凭证于 {submitted} 呈交,在接待结束后15日内({due} 前)",
            "receipts submitted on {submitted}, by the deadline {due}",
        ),
        _R.S2_LATE: (
            "凭证于 {submitted} 呈交,超过接待结束后的期限 {due}",
            "receipts submitted on {submitted}, after the deadline {due}",
        ),
        _R.S2_LINE_REDUCED: (
            "{item}:申报 {claimed} 元,超标准核减为 {allowed} 元",
            "{item}: {claimed} claimed, over the standard: reduced to {allowed}",
        ),
        _R.S2_LINE_UNAUTHORISED: (
            "{item}:{claimed} 元未经申请,擅自开支不予报销",
            "{item}: {claimed} not applied for: unauthorised, refused",
        ),
        _R.S2_LINE_NO_RECEIPT: (
            "{item}:{claimed} 元无收据或开支凭证,不予报销",
            "{item}: {claimed} without a receipt: refused",
        ),
        _R.S2_AWAITING_SIGN_OFF: (
            "待客户服务经理签批",
            "awaiting the customer-service manager's sign-off",
        ),
        # ------------------------------------------------------------------ S3
        _R.S3_SEVERITY_INPUT: ("核实判定:{severity}", "classified on verification: {severity}"),
        _R.S3_SEVERITY_CRITERIA: (
            "按政策标准判定为{severity}(大客户:{big_customer};涉及金额达标:{amount})",
            "{severity} by the policy's criteria (big customer: {big_customer}; amount: {amount})",
        ),
        _R.S3_STATE: (
            "{id}:当前「{state}」,已办理 {steps} 步",
            "{id}: now '{state}' after {steps} step(s)",
        ),
        _R.S3_DONE: ("处理流程已结束", "the workflow is complete"),
        _R.S3_NEXT: (
            "下一步「{event}」,由{roles}办理,应于 {due} 前",
            "next '{event}' by the {roles}, due {due}",
        ),
        _R.S3_NEXT_OVERDUE: (
            "下一步「{event}」,由{roles}办理,应于 {due} 前,已逾期",
            "next '{event}' by the {roles}, due {due}: overdue",
        ),
        _R.S3_SLA_MET: (
            "{measure}:于 {done} 完成,用时 {elapsed} 分钟(工作时间),在目标 {target} 分钟内",
            "{measure}: done at {done} in {elapsed} business minutes, within {target}",
        ),
        _R.S3_SLA_LATE: (
            "{measure}:于 {done} 完成,用时 {elapsed} 分钟(工作时间),超过目标 {target} 分钟",
            "{measure}: done at {done} in {elapsed} business minutes, over the target {target}",
        ),
        _R.S3_SLA_BREACHED: (
            "{measure}:已超时,用时 {elapsed} 分钟(工作时间),目标 {target} 分钟,应于 {due} 前",
            "{measure}: breached, {elapsed} business minutes against {target}, due {due}",
        ),
        _R.S3_SLA_RUNNING: (
            "{measure}:计时中,已用 {elapsed} 分钟,尚余 {left} 分钟(目标 {target} 分钟),应于 {due} 前",
            "{measure}: {elapsed} business minutes used, {left} left of {target}, due {due}",
        ),
        _R.S3_SLA_PAUSED: (
            "{measure}:等待客户回复,暂停计时;已用 {elapsed} 分钟,尚余 {left} 分钟(目标 {target} 分钟)",
            "{measure}: paused awaiting the customer; {elapsed} minutes used, {left} left of {target}",
        ),
        _R.S3_SURVEY: (
            "定期客户意见调查:下次 {day},应于 {due} 前完成(上次 {last})",
            "customer opinion survey: next {day}, due {due} (last {last})",
        ),
        _R.S3_SURVEY_OVERDUE: (
            "定期客户意见调查:{day} 的调查应于 {due} 前完成,已逾期(上次 {last})",
            "customer opinion survey of {day} was due {due}: overdue (last {last})",
        ),
        # ------------------------------------------------------------------ S4
        _R.S4_CALENDAR: (
            "{start} 至 {end}:{customers} 户客户,共 {entries} 项",
            "{start} to {end}: {customers} customers, {entries} entries",
        ),
        _R.S4_REVISIT: (
            "{customer}:{who}回访({category}{grade},每 {months} 个月)",
            "{customer}: revisit by the {who} ({category} {grade}, every {months} months)",
        ),
        _R.S4_REVISIT_OVERDUE: (
            "{customer}:{who}回访(每 {months} 个月),原应于 {due},已逾期",
            "{customer}: revisit by the {who} (every {months} months), due {due}: overdue",
        ),
        _R.S4_DEDICATED: (
            "{customer}:专职人员 {staff} 定期拜访A级大客户,了解需求",
            "{customer}: dedicated staff {staff} visits the A-level big customer",
        ),
        _R.S4_DEDICATED_OVERDUE: (
            "{customer}:专职人员 {staff} 定期拜访,原应于 {due},已逾期",
            "{customer}: dedicated visit by {staff}, due {due}: overdue",
        ),
        _R.S4_DEDICATED_NO_STAFF: (
            "{customer}:A级大客户应由专职人员定期拜访(应于 {due}),尚未指派专职人员",
            "{customer}: an A-level big customer is due a dedicated visit (due {due}); no"
            " dedicated staff assigned",
        ),
        _R.S4_REPORT: (
            "{customer}:{who}拜访后向{to}汇报",
            "{customer}: the {who} reports the visit to the {to}",
        ),
        _R.S4_BIRTHDAY: (
            "{customer}:生日,{who}发送祝福",
            "{customer}: birthday greeting by the {who}",
        ),
        _R.S4_HOLIDAY: ("{customer}:{occasion},发送节日问候", "{customer}: {occasion} greeting"),
        _R.S4_GIFT: (
            "{customer}:{occasion},按{grade}赠送相应礼品",
            "{customer}: {occasion} gift for grade {grade}",
        ),
        _R.S4_FESTIVAL_GAP: (
            "政策的节日表未列 {year} 年的{festival}日期,该节日的问候与礼品未排入",
            "the festival table gives no date of {festival} in {year}: its greetings are missing",
        ),
        _R.S4_UNASSIGNED: (
            "未指派专职人员:{customers}",
            "no dedicated staff assigned: {customers}",
        ),
        # ------------------------------------------------------------------ S5
        _R.S5_LEVEL: ("{customer}:{level}({signals})", "{customer}: {level} ({signals})"),
        _R.S5_NO_SIGNAL: ("{customer}:{level},无流失信号", "{customer}: {level}, no churn signal"),
        _R.S5_INACTIVE: (
            "最近一次下单 {last},已 {days} 天未下单(达 {threshold} 天即预警)",
            "last order {last}: {days} days without an order (flag from {threshold})",
        ),
        _R.S5_NO_ORDER: ("无下单记录", "no order on record"),
        _R.S5_YEAR_ON_YEAR: (
            "本期销售 {sales} 元,去年同期 {base} 元,同比 {change}%(下降 {threshold}% 即预警)",
            "sales {sales} against {base} a year earlier: {change}% (flag from a {threshold}% fall)",
        ),
        _R.S5_PERIOD_ON_PERIOD: (
            "本期销售 {sales} 元,上期 {base} 元,环比 {change}%(下降 {threshold}% 即预警)",
            "sales {sales} against {base} the previous period: {change}% (flag from a"
            " {threshold}% fall)",
        ),
        _R.S5_COMPLAINTS: (
            "未结投诉 {count} 件(达 {threshold} 件即预警)",
            "{count} open complaints (flag from {threshold})",
        ),
        _R.S5_RETAIN: (
            "列为重点关注,分析流失原因,制定针对性的挽留措施",
            "watch closely, analyse the cause and take retention measures",
        ),
        _R.S5_FOLLOW_UP: (
            "已于 {churned} 流失,定期回访了解流失原因:下次应于 {due} 前(上次 {last})",
            "lost on {churned}: revisit to learn why, next due {due} (last {last})",
        ),
        _R.S5_FOLLOW_UP_OVERDUE: (
            "已于 {churned} 流失,回访应于 {due} 前,已逾期(上次 {last})",
            "lost on {churned}: the revisit was due {due}, overdue (last {last})",
        ),
        # ------------------------------------------------------------------ S6
        _R.S6_PLAN: (
            "{year} 年客户开发目标:{customers} 户、销售额 {sales} 元,分配到每个月",
            "{year} development targets: {customers} customers, {sales} in sales, by month",
        ),
        _R.S6_TARGETS_SET: ("开发目标由营销部经理确定({who})", "targets set by {who}"),
        _R.S6_TARGETS_UNSET: (
            "开发目标未经市场营销部经理确定({status})",
            "targets not set by the marketing manager ({status})",
        ),
        _R.S6_STATE: (
            "开发申请 {id}({customer},重要客户:{important}):当前「{state}」",
            "application {id} ({customer}, important: {important}): now '{state}'",
        ),
        _R.S6_NEXT: ("下一步「{event}」,由{roles}办理", "next '{event}' by the {roles}"),
        _R.S6_PROGRESS: (
            "定期向营销主管汇报开发进度:下次应于 {due} 前",
            "progress report to the supervisor due {due}",
        ),
        _R.S6_PROGRESS_OVERDUE: (
            "向营销主管汇报开发进度应于 {due} 前,已逾期",
            "progress report to the supervisor was due {due}: overdue",
        ),
        _R.S6_FINAL_MISSING: (
            "重要客户 {customer} 未经营销总监和总经理审批最后报告即录入",
            "important customer {customer} entered without the final approval",
        ),
        # ------------------------------------------------------------------ S7
        _R.S7_HOTLINE_COVERED: (
            "{day} 大客户服务热线24小时有人值守({staff})",
            "{day}: the big-customer hotline is staffed round the clock ({staff})",
        ),
        _R.S7_HOTLINE_GAPS: (
            "{day} 大客户服务热线有 {count} 段无人值守",
            "{day}: the big-customer hotline has {count} gap(s)",
        ),
        _R.S7_HOTLINE_GAP: (
            "{start} 至 {end}({minutes} 分钟)值守 {staffed} 人,不足",
            "{start} to {end} ({minutes} minutes): {staffed} on the line, too few",
        ),
        _R.S7_MANAGER: (
            "{customer}:专门客户经理 {manager}({role})",
            "{customer}: dedicated account manager {manager} ({role})",
        ),
        _R.S7_MANAGER_ROLE: (
            "{customer}:{manager}({role})不是客户经理",
            "{customer}: {manager} ({role}) is not an account manager",
        ),
        _R.S7_MANAGER_DATES: (
            "{customer}:{manager} 的指派({since} 至 {until})当日不在有效期内",
            "{customer}: the assignment of {manager} ({since} to {until}) does not hold",
        ),
        _R.S7_NO_MANAGER: (
            "{customer}:未指派专门的客户经理",
            "{customer}: no dedicated account manager",
        ),
        _R.S7_STAGE: (
            "{customer}:大客户工作流程当前「{state}」",
            "{customer}: pipeline at '{state}'",
        ),
        _R.S7_NEXT: ("下一步「{event}」,由{roles}办理", "next '{event}' by the {roles}"),
        _R.S7_REVIEW: (
            "定期业绩考核与总结:下次应于 {due} 前",
            "performance review due {due}",
        ),
        _R.S7_REVIEW_OVERDUE: (
            "业绩考核与总结应于 {due} 前,已逾期",
            "performance review was due {due}: overdue",
        ),
    },
)
