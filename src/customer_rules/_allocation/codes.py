"""The allocation chapter's reason codes (A1–A17) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["AllocationReason"]


class AllocationReason(MessageCode):
    """Every reason code of the allocation chapter; a member equals its code (``"A3.suspended"``)."""

    A1_TYPE = "A1.type"
    A1_BELOW = "A1.below"
    A2_FILED = "A2.filed"
    A2_NO_MISMATCH = "A2.no_mismatch"
    A2_GRANTED = "A2.granted"
    A2_REFUSED = "A2.refused"
    A2_MISJUDGMENT = "A2.misjudgment"
    A3_LEVEL = "A3.level"
    A3_COVERED = "A3.covered"
    A3_SKIPS = "A3.skips"
    A3_SUSPENSION = "A3.suspension"
    A3_BAN = "A3.ban"
    A3_UNTIL = "A3.until"
    A3_LEFT = "A3.skips_left"
    A3_BANNED = "A3.banned"
    A4_VIOLATION = "A4.violation"
    A4_SERIOUS = "A4.serious"
    A4_SUSPENSION = "A4.suspension"
    A4_UNTIL = "A4.until"
    A4_RESIGNATION = "A4.resignation"
    A5_MISSED = "A5.missed"
    A5_SKIPS = "A5.skips"
    A5_SUSPENSION = "A5.suspension"
    A5_UNTIL = "A5.until"
    A5_LEFT = "A5.skips_left"
    A5_DEDUCTION = "A5.deduction"
    A3_A5_CLEAR = "A3-A5.clear"
    A5_ON_TIME = "A5.on_time"
    A5_PENDING = "A5.pending"
    A5_LATE = "A5.late"
    A5_NOT_REPORTED = "A5.not_reported"
    A5_AFTER_HOURS = "A5.after_hours"
    A5_NOT_ENTERED = "A5.not_entered"
    A5_REALLOCATE = "A5.reallocate"
    A5_NO_CONTACT = "A5.no_contact"
    A5_FIRST_ENTRY = "A5.first_entry"
    A5_DUPLICATE = "A5.duplicate"
    A5_IN_HOURS = "A5.in_hours"
    A6_LINE = "A6.line"
    A6_TOTAL = "A6.total"
    A6_NONE = "A6.none"
    A7_ACCEPTED = "A7.accepted"
    A7_NOT_STARTED = "A7.not_started"
    A7_DUPLICATE = "A7.duplicate"
    A7_DUPLICATE_OWN = "A7.duplicate.own"
    A7_TOO_LATE = "A7.too_late"
    A7_POSSIBLE = "A7.possible"
    A7_RESERVED = "A7.reserved"
    A7_DESIGNATED = "A7.designated"
    A7_DESIGNATION_VOID = "A7.designation.void"
    A8_OPEN = "A8.open"
    A8_WARNING = "A8.warning"
    A8_EXTENDED = "A8.extended"
    A8_SUCCEEDED = "A8.succeeded"
    A8_REVIEW = "A8.review"
    A8_REVIEW_LATE = "A8.review.late"
    A9_ACTIVE = "A9.active"
    A9_WATCH = "A9.watch"
    A9_WARNING = "A9.warning"
    A9_RECLAIMABLE = "A9.reclaimable"
    A9_RECLAIMABLE_LATE = "A9.reclaimable.late"
    A9_IDLE_WATCH = "A9.idle.watch"
    A9_IDLE_WARNING = "A9.idle.warning"
    A9_IDLE = "A9.idle"
    A10_PROTECTED = "A10.protected"
    A10_WARNING = "A10.warning"
    A10_ENDED = "A10.ended"
    A9_POOL_LOCKED = "A9.pool.locked"
    A9_POOL_DEALT = "A9.pool.dealt"
    A9_POOL_CLEAR = "A9.pool.clear"
    A9_POOL_DUE = "A9.pool.due"
    A9_POOL_REMIND = "A9.pool.remind"
    A9_POOL_COPY = "A9.pool.copy"
    A9_POOL_RECLAIM = "A9.pool.reclaim"
    A9_CLAIM_OFF = "A9.claim.off"
    A9_CLAIM_HELD = "A9.claim.held"
    A9_CLAIM_INACTIVE = "A9.claim.inactive"
    A9_CLAIM_EMBARGO = "A9.claim.embargo"
    A9_CLAIM_COOLDOWN = "A9.claim.cooldown"
    A9_CLAIM_CAP = "A9.claim.cap"
    A9_CLAIM_DAILY = "A9.claim.daily"
    A9_CLAIM_GRANTED = "A9.claim.granted"
    A9_REPORT = "A9.report"
    A11_UNAUTHORISED = "A11.unauthorised"
    A11_SWAPPED = "A11.swapped"
    A11_SWAP_LATE = "A11.swap.late"
    A12_OWN = "A12.own"
    A12_UNREPORTED = "A12.unreported"
    A12_OLD = "A12.old"
    A12_ALLOCATED = "A12.allocated"
    A12_EXECUTED = "A12.executed"
    A12_REWARD = "A12.reward"
    A13_ASSIGNED = "A13.assigned"
    A13_AT_CAPACITY = "A13.at_capacity"
    A13_FULL = "A13.full"
    A13_INACTIVE = "A13.inactive"
    A13_NO_LEVEL = "A13.no_level"
    A13_NO_PERSON = "A13.no_person"
    A13_ON_LEAVE = "A13.on_leave"
    A13_RESIGNED = "A13.resigned"
    A13_RUN = "A13.run"
    A13_PASSED_OVER = "A13.passed_over"
    A13_PASSED_OVER_NOTHING = "A13.passed_over.nothing"
    A13_SUSPENDED = "A13.suspended"
    A13_SUSPENDED_UNTIL = "A13.suspended.until"
    A13_UNKNOWN_LEVEL = "A13.unknown_level"
    A14_CONTACTS_NA = "A14.contacts.na"
    A14_CONTACTS_OK = "A14.contacts.ok"
    A14_CONTACTS_SHORT = "A14.contacts.short"
    A14_DATA = "A14.data"
    A14_NO_SUCCESSOR = "A14.no_successor"
    A14_NOTICE = "A14.notice"
    A15_LINE = "A15.line"
    A15_SUMMARY = "A15.summary"
    A16_HELD = "A16.held"
    A16_NOT_HOLDER = "A16.not_holder"
    A16_REFUNDS = "A16.refunds"
    A16_REGISTERS = "A16.registers"
    A16_SOLD = "A16.sold"
    A16_UNCONFIRMED = "A16.unconfirmed"
    A16_UNPAID = "A16.unpaid"
    A17_ALLOWED = "A17.allowed"
    A17_BEFORE_REQUEST = "A17.before_request"
    A17_NO_DETAILS = "A17.no_details"
    A17_NO_REQUEST = "A17.no_request"
    A17_NOT_WRITTEN = "A17.not_written"
    A17_OTHER_CUSTOMER = "A17.other_customer"
    A17_PRIVATE = "A17.private"
    A17_WRONG_REQUESTER = "A17.wrong_requester"


_R = AllocationReason

register_codes(
    AllocationReason,
    {
        _R.A1_TYPE: (
            "按来电客户判定标准,预计成交金额 {amount} 元 ≥ {threshold} 元,判定为{type}",
            "by the lead-judgment standard, expected deal amount {amount} ≥ {threshold}: {type}",
        ),
        _R.A1_BELOW: (
            "按来电客户判定标准,预计成交金额 {amount} 元低于 {threshold} 元,判定为{type}",
            "by the lead-judgment standard, expected deal amount {amount} is below {threshold}: {type}",
        ),
        _R.A2_FILED: (
            "{person} 提交《资源重新申请表》:资源 {lead} 判定为{judged},实际为{actual}",
            "{person} filed a re-request (资源重新申请表): lead {lead} was judged {judged} and turned out {actual}",
        ),
        _R.A2_NO_MISMATCH: (
            "实际类型与判定类型同为{type},不属于判定不一致,不予重新分配",
            "the lead turned out {type}, as judged: no mismatch, no replacement",
        ),
        _R.A2_GRANTED: (
            "经{who}({role})签字确认,重新分配一条{type}客户资源({reading})",
            "signed by {who} ({role}): a replacement lead of {type} ({reading})",
        ),
        _R.A2_REFUSED: (
            "未经{roles}签字确认,不予重新分配",
            "not signed by the {roles}: no replacement",
        ),
        _R.A2_MISJUDGMENT: (
            "接听客服 {agent} 记判定客户类型不匹配一次",
            "call-centre agent {agent} is charged one lead type judged wrongly",
        ),
        _R.A3_LEVEL: (
            "{at} 判定客户类型不匹配:连续 {months} 个月累计 {count} 次,达 {threshold} 次(含)以上",
            "{at}: {count} lead types judged wrongly over {months} consecutive month(s), {threshold} or more",
        ),
        _R.A3_COVERED: (
            "{at} 本期已按较高一级处理,不再另行暂停",
            "{at}: already covered by a higher level in the same period",
        ),
        _R.A3_SKIPS: (
            "暂停资源分配 {skips} 次(其后 {skips} 次分配跳过)",
            "allocation suspended {skips} time(s): the next {skips} allocation(s) skipped",
        ),
        _R.A3_SUSPENSION: (
            "暂停资源分配,自 {start} 至 {until}",
            "allocation suspended from {start} until {until}",
        ),
        _R.A3_BAN: (
            "自 {start} 至 {until} 不再安排400、离线宝接听",
            "not scheduled on 400/离线宝 answering from {start} until {until}",
        ),
        _R.A3_UNTIL: (
            "{at} 在暂停资源分配期内,至 {until}(判定客户类型不匹配)",
            "at {at} allocation is suspended until {until} (lead types judged wrongly)",
        ),
        _R.A3_LEFT: (
            "尚需跳过 {skips} 次资源分配(判定客户类型不匹配)",
            "{skips} allocation(s) still to skip (lead types judged wrongly)",
        ),
        _R.A3_BANNED: (
            "{at} 不安排400、离线宝接听,至 {until}",
            "at {at} not scheduled on 400/离线宝 answering until {until}",
        ),
        _R.A4_VIOLATION: (
            "{at} 第 {ordinal} 次违反公司规章制度并受处罚",
            "{at}: punished violation of company rules no. {ordinal}",
        ),
        _R.A4_SERIOUS: (
            "{at} 第 {ordinal} 次违反公司规章制度,性质严重",
            "{at}: violation of company rules no. {ordinal}, a serious case",
        ),
        _R.A4_SUSPENSION: (
            "停止资源分配,自 {start} 至 {until}",
            "allocation stopped from {start} until {until}",
        ),
        _R.A4_UNTIL: (
            "{at} 在停止资源分配期内,至 {until}(违反公司规章制度)",
            "at {at} allocation is stopped until {until} (violation of company rules)",
        ),
        _R.A4_RESIGNATION: (
            "{at} 违规性质严重,按自动离职处理,不再分配资源",
            "serious case on {at}: treated as voluntary resignation, no allocation",
        ),
        _R.A5_MISSED: (
            "{at} 资源 {lead} 未在规定时间内上报销售经理,扣罚 {amount} 元",
            "{at}: lead {lead} not reported to the sales manager in time; deduction {amount}",
        ),
        _R.A5_SKIPS: (
            "暂停资源分配 {skips} 次",
            "allocation suspended {skips} time(s)",
        ),
        _R.A5_SUSPENSION: (
            "暂停资源分配,自 {start} 至 {until}",
            "allocation suspended from {start} until {until}",
        ),
        _R.A5_UNTIL: (
            "{at} 在暂停资源分配期内,至 {until}(未及时上报)",
            "at {at} allocation is suspended until {until} (reports missed)",
        ),
        _R.A5_LEFT: (
            "尚需跳过 {skips} 次资源分配(未及时上报)",
            "{skips} allocation(s) still to skip (reports missed)",
        ),
        _R.A5_DEDUCTION: (
            "未及时上报 {count} 次,扣罚合计 {amount} 元",
            "{count} report(s) missed: deductions {amount} in all",
        ),
        _R.A3_A5_CLEAR: (
            "{at} 无暂停资源分配、停止接听或离职处理",
            "at {at} no suspension, answering ban or resignation in force",
        ),
        _R.A5_ON_TIME: (
            "{given} 分配,{reported} 已上报销售经理,未超过 {deadline}({minutes} 分钟内)",
            "given {given}, reported {reported}, by the deadline {deadline} ({minutes} minutes)",
        ),
        _R.A5_PENDING: (
            "{given} 分配,须在 {deadline} 前联系客户并上报销售经理({minutes} 分钟内)",
            "given {given}: contact the customer and report to the sales manager by {deadline} ({minutes} minutes)",
        ),
        _R.A5_LATE: (
            "{given} 分配,{reported} 才上报销售经理,晚于 {deadline}:暂停资源分配 {skips} 次,扣罚 {amount} 元",
            "given {given}, reported only {reported}, after the deadline {deadline}: allocation suspended {skips} time(s), deduction {amount}",
        ),
        _R.A5_NOT_REPORTED: (
            "{given} 分配,至 {deadline} 未上报销售经理:暂停资源分配 {skips} 次,扣罚 {amount} 元",
            "given {given}, not reported to the sales manager by {deadline}: allocation suspended {skips} time(s), deduction {amount}",
        ),
        _R.A5_AFTER_HOURS: (
            "{given} 在营业时间({opens}–{closes})以外分配,{minutes} 分钟自 {start} 起算",
            "given {given}, outside business hours ({opens}–{closes}): the {minutes} minutes run from {start}",
        ),
        _R.A5_NOT_ENTERED: (
            "尚未录入:{missing}",
            "not entered in: {missing}",
        ),
        _R.A5_REALLOCATE: (
            "已录入EC客户管理系统及来电登记表,却未上报销售部:重新分配并做好记录",
            "entered in EC and the call register but never reported to the sales department: re-allocate the lead and record the case",
        ),
        _R.A5_NO_CONTACT: (
            "{deadline} 前无联系客户的记录",
            "no contact with the customer recorded by {deadline}",
        ),
        _R.A5_FIRST_ENTRY: (
            "下班时间资源 {lead}:{person} 于 {entered} 最先录入EC,以此为准",
            "after-hours lead {lead}: {person} entered it in EC first, at {entered}; it stands",
        ),
        _R.A5_DUPLICATE: (
            "下班时间资源 {lead}:{person} 于 {entered} 重复录入({first} 已于 {first_at} 录入EC),去重",
            "after-hours lead {lead}: {person}'s entry at {entered} duplicates {first}'s at {first_at}; dropped",
        ),
        _R.A5_IN_HOURS: (
            "资源 {lead} 于营业时间内收到({received}),直接分配,不按先录EC去重",
            "lead {lead} came in during business hours ({received}): allocated directly, not de-duplicated by EC entry",
        ),
        _R.A6_LINE: (
            "{offence}:{count} 次 × {amount} 元 = {total} 元",
            "{offence}: {count} × {amount} = {total}",
        ),
        _R.A6_TOTAL: (
            "{person} {start} 至 {end} 罚款合计 {total} 元",
            "{person}, {start} to {end}: fines {total} in all",
        ),
        _R.A6_NONE: (
            "{person} {start} 至 {end} 无罚款",
            "{person}, {start} to {end}: no fines",
        ),
        _R.A7_ACCEPTED: (
            "{salesperson} 于 {at} 登记「{customer}」,在首次接触 {start} 后 {hours} 小时内,"
            "先申请登记为原则:由其开发",
            "{salesperson} registered '{customer}' at {at}, within {hours} hours of the first"
            " contact at {start}: first to register, theirs to develop",
        ),
        _R.A7_NOT_STARTED: (
            "{salesperson} 于 {at} 登记「{customer}」;客户尚未算作已开发,{hours} 小时时限未起算",
            "{salesperson} registered '{customer}' at {at}; the customer does not count as"
            " developed yet, so the {hours}-hour limit has not started",
        ),
        _R.A7_DUPLICATE: (
            "「{customer}」与 {holder} 于 {since} 登记的「{existing}」{basis}:已备案客户,"
            "其他销售人员不得再度开发",
            "'{customer}' matches '{existing}', registered by {holder} at {since} ({basis}):"
            " no other salesperson may develop a registered customer",
        ),
        _R.A7_DUPLICATE_OWN: (
            "「{customer}」已由 {holder} 本人于 {since} 登记(「{existing}」,{basis}),无须重复登记",
            "'{customer}' is already registered by {holder} at {since} ('{existing}', {basis})",
        ),
        _R.A7_TOO_LATE: (
            "首次接触 {start} 后应在 {hours} 小时内(至 {deadline})登记,{at} 登记已超时",
            "first contact at {start}: registration was due within {hours} hours, by {deadline};"
            " registered at {at}, too late",
        ),
        _R.A7_POSSIBLE: (
            "「{customer}」与 {holder} 于 {since} 登记的「{existing}」仅地名不同,疑似同一客户,"
            "由{reviewer}核实(不据此拒绝登记)",
            "'{customer}' differs from '{existing}', registered by {holder} at {since}, only by"
            " a place name: possibly the same customer, for the {reviewer} to check (not a refusal)",
        ),
        _R.A7_RESERVED: (
            "「{customer}」由公司特别指派 {designated} 跟踪({who},{role},{signed}):"
            "其他销售人员不得登记开发",
            "'{customer}' is one the company designated {designated} to follow ({who}, {role},"
            " {signed}): no other salesperson may register it",
        ),
        _R.A7_DESIGNATED: (
            "公司特别指派 {salesperson} 跟踪「{customer}」({who},{role},{signed})",
            "the company designated {salesperson} to follow '{customer}' ({who}, {role}, {signed})",
        ),
        _R.A7_DESIGNATION_VOID: (
            "{who}({role})对「{customer}」的指派未生效({status}),不予采用",
            "the designation of '{customer}' by {who} ({role}) does not hold ({status}): not used",
        ),
        _R.A8_OPEN: (
            "{start} 起开发期限 {months} 个月,至 {deadline}(含)",
            "a development window of {months} months from {start}, to {deadline} inclusive",
        ),
        _R.A8_WARNING: (
            "{start} 起开发期限 {months} 个月,至 {deadline}(含),还剩 {days} 天",
            "the development window of {months} months from {start} ends on {deadline}:"
            " {days} day(s) left",
        ),
        _R.A8_EXTENDED: (
            "经评审延长开发时限 {months} 个月({who},{role},{on})",
            "the window extended by {months} month(s) on review ({who}, {role}, {on})",
        ),
        _R.A8_SUCCEEDED: (
            "{signed} 签约,在开发期限 {deadline} 内开发成功:销售业绩归算到销售人员",
            "contract signed on {signed}, within the window ending {deadline}: the results are"
            " credited to the salesperson",
        ),
        _R.A8_REVIEW: (
            "开发期限 {deadline} 已过,未开发成功:公司召开评审会议({roles})对客户资源做出调整,"
            "销售人员可陈述开发中的问题,可视情况延长开发时限",
            "the window ended on {deadline} without success: a review meeting ({roles}) adjusts"
            " the resource; the salesperson may state the problems met; the window may be extended",
        ),
        _R.A8_REVIEW_LATE: (
            "{signed} 签约,晚于开发期限 {deadline}:由评审会议({roles})决定",
            "contract signed on {signed}, after the window ended on {deadline}: the review"
            " meeting ({roles}) decides",
        ),
        _R.A9_ACTIVE: (
            "{received} 拿到客户资源后 {months} 个月内(至 {deadline})已有销售动作({first}),不适用收回",
            "received on {received}; a sales action within {months} months (by {deadline}), on"
            " {first}: not to be reclaimed",
        ),
        _R.A9_WATCH: (
            "{received} 拿到客户资源后尚无销售动作;至 {deadline} 仍无则{role}有权收回",
            "received on {received}, no sales action yet; none by {deadline} and the {role} may"
            " reclaim it",
        ),
        _R.A9_WARNING: (
            "{received} 拿到客户资源后尚无销售动作;至 {deadline} 仍无则{role}有权收回,还剩 {days} 天",
            "received on {received}, no sales action yet; none by {deadline} and the {role} may"
            " reclaim it: {days} day(s) left",
        ),
        _R.A9_RECLAIMABLE: (
            "{received} 拿到客户资源后 {months} 个月内(至 {deadline})未产生任何销售动作:"
            "可收回改派其他客户经理,由{role}决定",
            "no sales action within {months} months of receipt on {received} (by {deadline}):"
            " reclaimable for another manager — the {role} decides",
        ),
        _R.A9_RECLAIMABLE_LATE: (
            "{received} 拿到客户资源后 {months} 个月内(至 {deadline})未产生销售动作,首次动作在 {first}:"
            "可收回改派其他客户经理,由{role}决定",
            "no sales action within {months} months of receipt on {received} (by {deadline}); the"
            " first came on {first}: reclaimable for another manager — the {role} decides",
        ),
        _R.A9_IDLE_WATCH: (
            "最近一次销售动作(或拿到资源){since};至 {deadline} 无新的销售动作则{role}有权收回",
            "last sales action (or receipt) on {since}; none by {deadline} and the {role} may"
            " reclaim it",
        ),
        _R.A9_IDLE_WARNING: (
            "最近一次销售动作(或拿到资源){since};至 {deadline} 无新的销售动作则{role}有权收回,"
            "还剩 {days} 天",
            "last sales action (or receipt) on {since}; none by {deadline} and the {role} may"
            " reclaim it: {days} day(s) left",
        ),
        _R.A9_IDLE: (
            "自 {since} 起 {months} 个月(至 {deadline})未产生任何销售动作:可收回改派其他客户经理,"
            "由{role}决定",
            "no sales action for {months} months since {since} (by {deadline}): reclaimable for"
            " another manager — the {role} decides",
        ),
        _R.A10_PROTECTED: (
            "{start} 申报,保护期 {months} 个月至 {ends}(含)",
            "declared on {start}: protected for {months} months, to {ends} inclusive",
        ),
        _R.A10_WARNING: (
            "{start} 申报,保护期 {months} 个月至 {ends}(含),还剩 {days} 天",
            "declared on {start}: protected for {months} months, to {ends} inclusive —"
            " {days} day(s) left",
        ),
        _R.A10_ENDED: (
            "{start} 申报,保护期已于 {ends} 届满:由{role}根据情况确定调整或者重新申报",
            "declared on {start}, protection ended on {ends}: the {role} decides between"
            " re-assignment and re-declaration",
        ),
        _R.A9_POOL_LOCKED: (
            "客户已锁定,不按公海规则退回",
            "the customer is locked: the public-pool rules do not return it",
        ),
        _R.A9_POOL_DEALT: (
            "成交客户(最近成交 {deal}),不按公海规则退回",
            "a customer with a deal (the latest on {deal}): the public-pool rules do not return it",
        ),
        _R.A9_POOL_CLEAR: (
            "公海规则均未触发",
            "no public-pool rule applies",
        ),
        _R.A9_POOL_DUE: (
            "公海规则「{kind}」:{customer_class}{days} 天({mode}),自 {since} 起,"
            "至 {due} 仍无则于 {reclaim_on} 退回公海",
            "public-pool rule '{kind}': {days} days for {customer_class} ({mode}) from {since};"
            " nothing by {due} and it returns to the pool on {reclaim_on}",
        ),
        _R.A9_POOL_REMIND: (
            "提醒负责人:{due} 前须处理,否则退回公海",
            "remind the holder: act by {due} or the customer returns to the pool",
        ),
        _R.A9_POOL_COPY: (
            "提醒负责人并抄送{manager}:{due} 前须处理,否则退回公海",
            "remind the holder, copying the {manager}: act by {due} or the customer returns to"
            " the pool",
        ),
        _R.A9_POOL_RECLAIM: (
            "{due} 前未处理:{reclaim_on} 起退回公海",
            "nothing by {due}: back to the public pool from {reclaim_on}",
        ),
        _R.A9_CLAIM_OFF: (
            "未启用公海领取:客户资源由{role}统一调配",
            "no claiming from a public pool: the {role} allocates every customer resource",
        ),
        _R.A9_CLAIM_HELD: (
            "「{customer}」现由 {holder} 负责,不在公海",
            "'{customer}' is held by {holder}, not in the pool",
        ),
        _R.A9_CLAIM_INACTIVE: (
            "{who} 当前{status},不能领取",
            "{who} is {status} and may not claim",
        ),
        _R.A9_CLAIM_EMBARGO: (
            "「{customer}」{entered} 进入公海,{days} 天内不可领取,{until} 起可领取",
            "'{customer}' entered the pool on {entered}: not claimable for {days} day(s),"
            " from {until}",
        ),
        _R.A9_CLAIM_COOLDOWN: (
            "{who} 为「{customer}」的前负责人,{entered} 退回公海后 {days} 天内不得再领取,"
            "{until} 起可领取",
            "{who} held '{customer}' before it entered the pool on {entered}: not again for"
            " {days} day(s), from {until}",
        ),
        _R.A9_CLAIM_CAP: (
            "{who} 已持有 {count} 个客户({counted}),达到上限 {limit}",
            "{who} holds {count} customer(s) ({counted}): the limit is {limit}",
        ),
        _R.A9_CLAIM_DAILY: (
            "{who} {on} 已领取 {count} 次,达到每日上限 {limit}",
            "{who} has claimed {count} time(s) on {on}: the daily limit is {limit}",
        ),
        _R.A9_CLAIM_GRANTED: (
            "{who} 于 {on} 领取「{customer}」:按版本 {version} 原子更新(版本已变则领取无效)",
            "{who} claims '{customer}' on {on}: apply it only if the holding is still at"
            " version {version}",
        ),
        _R.A9_REPORT: (
            "截至 {on}:{count} 个客户,可收回或退回公海 {reclaimable} 个,预警 {warnings} 个,"
            "待决定 {decisions} 个",
            "as of {on}: {count} holding(s), {reclaimable} reclaimable or due back to the pool,"
            " {warnings} warning(s), {decisions} awaiting a decision",
        ),
        _R.A11_UNAUTHORISED: (
            "「{customer}」分配给 {holder},由 {salesperson} 成交,未经{role}同意私自调换:"
            "业务归入部门所有,不作为任何一方的业绩",
            "'{customer}' is assigned to {holder} but {salesperson} made the deal: swapped"
            " without the {role}'s approval, the business belongs to the department, to neither",
        ),
        _R.A11_SWAPPED: (
            "「{customer}」由{role}于 {on} 实施调换给 {salesperson}",
            "'{customer}' was swapped to {salesperson} by the {role} on {on}",
        ),
        _R.A11_SWAP_LATE: (
            "「{customer}」由{role}于 {on} 实施调换,晚于 {signed} 成交:成交时属私自调换,业务归入部门所有",
            "'{customer}' was swapped by the {role} on {on}, after the deal on {signed}: a private"
            " swap when dealt, the business belongs to the department",
        ),
        _R.A12_OWN: (
            "「{customer}」为 {salesperson} 新开发的客户,已于 {reported} 将客户信息汇集给{role}:"
            "业绩归其所有",
            "'{customer}' was developed by {salesperson} and reported to the {role} on"
            " {reported}: the results are theirs",
        ),
        _R.A12_UNREPORTED: (
            "「{customer}」为 {salesperson} 新开发的客户,截至 {by} 未将客户信息汇集给{role}:业绩归部门所有",
            "'{customer}' was developed by {salesperson} but not reported to the {role} by {by}:"
            " the results go to the department",
        ),
        _R.A12_OLD: (
            "「{customer}」为老客户,延续由 {salesperson} 负责:业绩归其所有",
            "'{customer}' is an old customer, still in the care of {salesperson}: the results"
            " are theirs",
        ),
        _R.A12_ALLOCATED: (
            "「{customer}」由{role}分配给 {salesperson}:业绩归其所有",
            "'{customer}' was allocated to {salesperson} by the {role}: the results are theirs",
        ),
        _R.A12_EXECUTED: (
            "「{customer}」为{source}的业务,由 {salesperson} 执行:业绩归其所有",
            "'{customer}' is business {source}, executed by {salesperson}: the results are theirs",
        ),
        _R.A12_REWARD: (
            "{source}的业务,执行者 {salesperson} 给予相应奖励 {reward} 元",
            "business {source}: its executor {salesperson} earns a reward of {reward} yuan",
        ),
        _R.A13_ASSIGNED: (
            "线索 {lead}({type},贡献 {contribution} 元,潜力 {potential} 元,优先第 {rank} 位)分配给 {person}({level} 级,{team}),为其本轮第 {nth} 条",
            "lead {lead} ({type}, contribution {contribution}, potential {potential}, priority {rank}) goes to {person} (level {level}, {team}), their lead {nth} of the run",
        ),
        _R.A13_AT_CAPACITY: (
            "线索 {lead}({type})未分配:可接此类的级别 {levels} 的 {people} 人均已达到配额",
            "lead {lead} ({type}) not allocated: all {people} people of levels {levels} that take it are at capacity",
        ),
        _R.A13_FULL: (
            "{person} 本期已分配 {used} 条,达到配额 {quota} 条,本轮不再分配",
            "{person} was given {used} leads this period, the quota of {quota}: none in this run",
        ),
        _R.A13_INACTIVE: ("{person} 离岗,不分配资源", "{person} is inactive: given no leads"),
        _R.A13_NO_LEVEL: (
            "线索 {lead}({type})未分配:级别表中没有可接此类客户的级别",
            "lead {lead} ({type}) not allocated: no level of the table takes this type",
        ),
        _R.A13_NO_PERSON: (
            "线索 {lead}({type})未分配:可接此类的级别 {levels} 没有可分配的人员(均休假、离岗或暂停分配)",
            "lead {lead} ({type}) not allocated: no one of levels {levels} can be given leads (on leave, inactive or suspended)",
        ),
        _R.A13_ON_LEAVE: ("{person} 休假,不分配资源", "{person} is on leave: given no leads"),
        _R.A13_RESIGNED: (
            "{person} 按自动离职处理(A4),不分配资源",
            "{person} is treated as having resigned (A4): given no leads",
        ),
        _R.A13_RUN: (
            "本轮分配:已分配 {assigned} 条,未分配 {unassigned} 条,{people} 人获得分配;{excluded} 人不参与本轮",
            "this run: {assigned} leads allocated, {unassigned} not, to {people} people; {excluded} people left out",
        ),
        _R.A13_PASSED_OVER: (
            "{person} 暂停资源分配 {skips} 次未满(A3/A5):本轮不分配,计暂停一次",
            "{person} has {skips} allocation(s) of suspension to serve (A3/A5): passed over in this run, which serves one",
        ),
        _R.A13_PASSED_OVER_NOTHING: (
            "{person} 暂停资源分配 {skips} 次未满(A3/A5):本轮无其级别可接的线索,不计暂停次数",
            "{person} has {skips} allocation(s) of suspension to serve (A3/A5): this run has no lead for their level and serves none",
        ),
        _R.A13_SUSPENDED: (
            "{person} 暂停资源分配中(A3–A5),不分配资源",
            "{person} is suspended from allocation (A3–A5): given no leads",
        ),
        _R.A13_SUSPENDED_UNTIL: (
            "{person} 暂停资源分配至 {until}(A3–A5),不分配资源",
            "{person} is suspended from allocation until {until} (A3–A5): given no leads",
        ),
        _R.A13_UNKNOWN_LEVEL: (
            "{person} 的级别 {level} 不在级别表中,不分配资源",
            "{person}'s level {level} is not in the level table: given no leads",
        ),
        _R.A14_CONTACTS_NA: (
            "客户 {customer} 不是较重要的新客户,不要求两名以上联系人员",
            "customer {customer} is not an important new customer: no minimum of company contacts",
        ),
        _R.A14_CONTACTS_OK: (
            "较重要的新客户 {customer} 有 {contacts} 名公司人员联系(不少于 {minimum} 名)",
            "important new customer {customer} has {contacts} company contacts (at least {minimum})",
        ),
        _R.A14_CONTACTS_SHORT: (
            "较重要的新客户 {customer} 仅有 {contacts} 名公司人员联系,少于 {minimum} 名:须增派人员并建立联系报告制",
            "important new customer {customer} has only {contacts} company contacts, fewer than {minimum}: add contacts and keep contact reports",
        ),
        _R.A14_DATA: (
            "{person} 调离:不得带走客户资料,{count} 户客户资料由{receiver}于 {by} 前接收、整理、归档",
            "{person} leaves: customer data may not be taken; {receiver} takes over and files the data of {count} customers by {by}",
        ),
        _R.A14_NO_SUCCESSOR: (
            "客户 {customer}:由{notifier}于 {notify_by} 前通知客户;分配未找到接替人员,须由主管人工指派",
            "customer {customer}: {notifier} tells the customer by {notify_by}; the allocation found no successor: a manager assigns one",
        ),
        _R.A14_NOTICE: (
            "客户 {customer}:由{notifier}于 {notify_by} 前通知客户,{successor} 接替并于 {contact_by} 前与客户建立联系",
            "customer {customer}: {notifier} tells the customer by {notify_by}; {successor} takes over and contacts them by {contact_by}",
        ),
        _R.A15_LINE: (
            "{person}:新登记 {registered} 户,跟进 {acted} 户,开发成功 {won} 户,在开发 {developing} 户,其中本期无销售动作 {idle} 户",
            "{person}: {registered} registered, {acted} acted on, {won} won, {developing} in development, {idle} of them without a sales action",
        ),
        _R.A15_SUMMARY: (
            "{preparer}于 {report_day}(最迟 {due})向{recipient}书面汇报 {start} 至 {end} 每个销售人员的开发客户情况,共 {people} 人",
            "{preparer} reports in writing to the {recipient} on {report_day} (by {due}) each salesperson's development from {start} to {end}: {people} people",
        ),
        _R.A16_HELD: (
            "房位 {unit} 自 {since} 起属客户 {holder}:客户 {customer} 于 {on} 的{event}未计入业主登记一览表,由{keeper}核对",
            "unit {unit} is held by customer {holder} since {since}: the {event} of customer {customer} on {on} is not entered on the owners' list; {keeper} checks it",
        ),
        _R.A16_NOT_HOLDER: (
            "客户 {customer} 于 {on} 并未持有房位 {unit}(持有人:{holder}):其{event}未计入业主登记一览表,由{keeper}核对",
            "customer {customer} does not hold unit {unit} on {on} (held by: {holder}): the {event} is not entered on the owners' list; {keeper} checks it",
        ),
        _R.A16_REFUNDS: (
            "销售退房情况一览表 {start} 至 {end}(于 {due} 前出具):退房 {count} 户;原因:{reasons}",
            "refund summary {start} to {end} (due {due}): {count} refunds; reasons: {reasons}",
        ),
        _R.A16_REGISTERS: (
            "{on} 销控登记(由{keeper}登记):意向客户 {intents} 户,业主 {owners} 户,当日售出 {sold} 套,来访 {visits} 批,来电 {calls} 个",
            "sales-control registers on {on}, kept by {keeper}: {intents} intent customers, {owners} owners, {sold} units sold that day, {visits} visits, {calls} calls",
        ),
        _R.A16_SOLD: (
            "房位 {unit}:客户 {customer} 于 {paid_on} 交定金 {amount} 元,财务 {confirmed_by} 已确认,由{keeper}标注售出并通知销售人员",
            "unit {unit}: customer {customer} paid the deposit of {amount} on {paid_on}, confirmed by finance ({confirmed_by}); {keeper} marks it sold and tells the sales staff",
        ),
        _R.A16_UNCONFIRMED: (
            "房位 {unit}:客户 {customer} 的定金未经财务确认({status}),不得标注售出",
            "unit {unit}: customer {customer}'s deposit is not confirmed by finance ({status}): not marked sold",
        ),
        _R.A16_UNPAID: (
            "房位 {unit}:客户 {customer} 尚未交定金,不得标注售出",
            "unit {unit}: customer {customer} has not paid the deposit: not marked sold",
        ),
        _R.A17_ALLOWED: (
            "客户 {customer} 的样品/资料由{role} {sender} 于 {on} 按销售人员的书面申请统一寄出",
            "samples or materials for customer {customer} sent on {on} by {role} {sender} from the salesperson's written request",
        ),
        _R.A17_BEFORE_REQUEST: (
            "客户 {customer} 的样品/资料于 {on} 寄出,早于书面申请",
            "samples or materials for customer {customer} sent on {on}, before the written request",
        ),
        _R.A17_NO_DETAILS: (
            "客户 {customer} 的寄样申请未附客户具体信息,{role} {sender} 不应于 {on} 寄出",
            "the request for customer {customer} gives no customer particulars: {role} {sender} should not send on {on}",
        ),
        _R.A17_NO_REQUEST: (
            "客户 {customer} 的样品/资料无销售人员申请,{role} {sender} 不应于 {on} 寄出",
            "no salesperson asked for samples or materials for customer {customer}: {role} {sender} should not send on {on}",
        ),
        _R.A17_NOT_WRITTEN: (
            "客户 {customer} 的寄样申请未书面提交,{role} {sender} 不应于 {on} 寄出",
            "the request for customer {customer} was not in writing: {role} {sender} should not send on {on}",
        ),
        _R.A17_OTHER_CUSTOMER: (
            "寄给客户 {customer} 的样品/资料所附申请属于其他客户({role} {sender},{on})",
            "the request given for customer {customer} is for another customer ({role} {sender}, {on})",
        ),
        _R.A17_PRIVATE: (
            "{role} {sender} 于 {on} 私自向客户 {customer} 寄送样品/资料:只能由销售内勤统一寄出",
            "{role} {sender} sent samples or materials to customer {customer} on {on} privately: only sales admin sends them",
        ),
        _R.A17_WRONG_REQUESTER: (
            "客户 {customer} 的寄样申请人不是销售人员({role} {sender},{on})",
            "the request for customer {customer} was not made by a salesperson ({role} {sender}, {on})",
        ),
    },
)
