"""The grading chapter's reason codes (G1–G7) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["GradingReason"]


class GradingReason(MessageCode):
    """Every reason code of the grading chapter; a member equals its code (``"G2.total"``)."""

    G1_BELOW = "G1.below"
    G1_TYPE = "G1.type"
    G2_CONTRACT = "G2.contract"
    G2_CONTRACT_BELOW = "G2.contract.below"
    G2_CONTRACT_ARREARS = "G2.contract.arrears"
    G2_INFLUENCE = "G2.influence"
    G2_INFLUENCE_EXPIRED = "G2.influence.expired"
    G2_INFLUENCE_MISSING = "G2.influence.missing"
    G2_INFLUENCE_ROLE = "G2.influence.role"
    G2_INFLUENCE_WHAT = "G2.influence.what"
    G2_LEVER_CONTRACT_AMOUNT = "G2.lever.contract_amount"
    G2_LEVER_CONTRACT_AMOUNT_ACT = "G2.lever.contract_amount.act"
    G2_LEVER_PREMIUM = "G2.lever.premium"
    G2_LEVER_RECEIVABLES = "G2.lever.receivables"
    G2_LEVER_STRATEGIC_INFLUENCE_ACT = "G2.lever.strategic_influence.act"
    G2_NO_FACTS = "G2.no_facts"
    G2_PREMIUM = "G2.premium"
    G2_RECEIVABLES = "G2.receivables"
    G2_RECEIVABLES_ABOVE = "G2.receivables.above"
    G2_TOTAL = "G2.total"
    G2_TOTAL_BELOW = "G2.total.below"
    G2_WHATIF = "G2.whatif"
    G2_WHATIF_TOP = "G2.whatif.top"
    G2_WINDOW = "G2.window"
    G2_WINDOW_FISCAL = "G2.window.fiscal"
    G3_CATEGORY = "G3.category"
    G3_CATEGORY_GIVEN = "G3.category.given"
    G3_ELIGIBLE = "G3.eligible"
    G3_KEY = "G3.key"
    G3_KEY_MISSING = "G3.key.missing"
    G3_LEVEL = "G3.level"
    G3_LEVEL_ABOVE = "G3.level.above"
    G3_LEVEL_NONE = "G3.level.none"
    G3_NEW = "G3.new"
    G3_NEW_OVERRIDE = "G3.new.override"
    G3_NEW_REGISTERED = "G3.new.registered"
    G3_NO_TRADE = "G3.no_trade"
    G3_NOT_ELIGIBLE = "G3.not_eligible"
    G3_WHATIF_CAPPED = "G3.whatif.capped"
    G3_WHATIF_CAPPED_NO_FACTS = "G3.whatif.capped.no_facts"
    G3_WHATIF_CAPPED_NO_TRADE = "G3.whatif.capped.no_trade"
    G3_WHATIF_ELIGIBLE = "G3.whatif.eligible"
    G3_WHATIF_ELIGIBLE_NO_FACTS = "G3.whatif.eligible.no_facts"
    G3_WHATIF_NO_TRADE = "G3.whatif.no_trade"
    G4_NEVER = "G4.never"
    G4_NO_REVISIT = "G4.no_revisit"
    G4_NONE = "G4.none"
    G4_OVERDUE = "G4.overdue"
    G4_REVISIT = "G4.revisit"
    G4_TIER = "G4.tier"
    G4_TIER_BENEFITS = "G4.tier.benefits"
    G4_TIER_DEFAULT = "G4.tier.default"
    G5_CHAIN_NEXT_CALENDAR_DAYS = "G5.chain.next.calendar_days"
    G5_CHAIN_NEXT_CALENDAR_THEN_ROLL = "G5.chain.next.calendar_then_roll"
    G5_CHAIN_NEXT_WORKING_DAYS = "G5.chain.next.working_days"
    G5_CHAIN_SAME_CALENDAR_DAYS = "G5.chain.same.calendar_days"
    G5_CHAIN_SAME_CALENDAR_THEN_ROLL = "G5.chain.same.calendar_then_roll"
    G5_CHAIN_SAME_WORKING_DAYS = "G5.chain.same.working_days"
    G5_EMERGENCY = "G5.emergency"
    G5_EMERGENCY_C6 = "G5.emergency.c6"
    G5_MONTHS = "G5.months"
    G5_MONTHS_D = "G5.months.d"
    G5_RECEIVED = "G5.received"
    G5_RECEIVED_ASSUMED = "G5.received.assumed"
    G5_VP = "G5.vp"
    G5_WEEKLY = "G5.weekly"
    G5_WRITTEN = "G5.written"
    G5_WRITTEN_OFFSET = "G5.written.offset"
    G6_APPROVAL_EXPIRED = "G6.approval.expired"
    G6_APPROVAL_GRANTED = "G6.approval.granted"
    G6_APPROVAL_MISSING = "G6.approval.missing"
    G6_APPROVAL_ROLE = "G6.approval.role"
    G6_APPROVAL_STALE = "G6.approval.stale"
    G6_APPROVAL_SUBJECT = "G6.approval.subject"
    G6_APPROVAL_WHAT = "G6.approval.what"
    G6_DOWNGRADE = "G6.downgrade"
    G6_EXIT = "G6.exit"
    G6_EXIT_CARE = "G6.exit.care"
    G6_EXIT_NOT_BIG = "G6.exit.not_big"
    G6_EXIT_QUALIFIES = "G6.exit.qualifies"
    G6_IN_FORCE_NEW = "G6.in_force.new"
    G6_IN_FORCE_UNCHANGED = "G6.in_force.unchanged"
    G6_KEPT = "G6.kept"
    G6_NEW = "G6.new"
    G6_REVIEW = "G6.review"
    G6_RULES_DUE = "G6.rules.due"
    G6_RULES_OVERDUE = "G6.rules.overdue"
    G6_RULES_PENDING = "G6.rules.pending"
    G6_UNCHANGED = "G6.unchanged"
    G6_UPGRADE = "G6.upgrade"
    G7_ASSIGNED = "G7.assigned"
    G7_FAILED = "G7.failed"
    G7_FAILED_FLAG = "G7.failed.flag"
    G7_HELD = "G7.held"
    G7_HELD_FLAG = "G7.held.flag"
    G7_JUDGEMENT = "G7.judgement"
    G7_MATCHED = "G7.matched"
    G7_UNCLASSIFIED = "G7.unclassified"


_R = GradingReason

register_codes(
    GradingReason,
    {
        _R.G1_BELOW: (
            "预计成交金额 {amount} 元低于C类下限,客户类型为 {type}(D类为本库默认定义)",
            "expected deal amount {amount} is below the C threshold: {type} (library default)",
        ),
        _R.G1_TYPE: (
            "预计成交金额 {amount} 元 ≥ {threshold} 元,客户类型为 {type}",
            "expected deal amount {amount} ≥ {threshold}: {type}",
        ),
        _R.G2_CONTRACT: (
            "合同金额 {amount} 元,按时回款,达到 {threshold} 元档 → {points} 分",
            "contract amount {amount}, paid on time, reached the {threshold} band → {points} pt",
        ),
        _R.G2_CONTRACT_BELOW: (
            "合同金额 {amount} 元,按时回款,低于最低档 {lowest} 元 → {points} 分(制度未评分,本库默认)",
            "contract amount {amount}, paid on time, below the lowest band of {lowest} → {points} pt (unscored in the seed: library default)",
        ),
        _R.G2_CONTRACT_ARREARS: (
            "合同金额 {amount} 元,拖欠回款({reading})→ {points} 分",
            "contract amount {amount}, in arrears ({reading}) → {points} pt",
        ),
        _R.G2_INFLUENCE: (
            "战略影响:{level},由{role} {who} 评定 → {points} 分",
            "strategic influence: {level}, assessed by {who} ({role}) → {points} pt",
        ),
        _R.G2_INFLUENCE_EXPIRED: (
            "战略影响评定({signed} 签,有效至 {until})在 {on} 无效 → 0 分",
            "influence assessment signed {signed}, valid until {until}, does not hold on {on} → 0 pt",
        ),
        _R.G2_INFLUENCE_MISSING: (
            "战略影响未经评定(需业务部经理以上领导:{roles})→ 0 分",
            "strategic influence not assessed (needs one of: {roles}) → 0 pt",
        ),
        _R.G2_INFLUENCE_ROLE: (
            "战略影响由{role}评定,无权评定(需:{roles})→ 0 分",
            "strategic influence assessed by the {role}, not authorised (needs: {roles}) → 0 pt",
        ),
        _R.G2_INFLUENCE_WHAT: (
            "所附审批事项为“{what}”,不是战略影响评定 → 0 分",
            "the approval given is for '{what}', not the influence assessment → 0 pt",
        ),
        _R.G2_LEVER_CONTRACT_AMOUNT: (
            "合同金额达到 {target} 元(按时回款)可增 {gain} 分;单项可补足:{closes}",
            "contract amount of at least {target} (paid on time) adds {gain} pt; closes the gap alone: {closes}",
        ),
        _R.G2_LEVER_CONTRACT_AMOUNT_ACT: (
            "清收拖欠回款可增 {gain} 分;单项可补足:{closes}",
            "collecting the arrears adds {gain} pt; closes the gap alone: {closes}",
        ),
        _R.G2_LEVER_PREMIUM: (
            "合同溢价高于 {target}% 可增 {gain} 分;单项可补足:{closes}",
            "a premium above {target}% adds {gain} pt; closes the gap alone: {closes}",
        ),
        _R.G2_LEVER_RECEIVABLES: (
            "年底应收账款降至 {target} 元以内可增 {gain} 分;单项可补足:{closes}",
            "year-end receivables of at most {target} add {gain} pt; closes the gap alone: {closes}",
        ),
        _R.G2_LEVER_STRATEGIC_INFLUENCE_ACT: (
            "由业务部经理以上领导评定战略影响可增 {gain} 分;单项可补足:{closes}",
            "a valid influence assessment by a manager or above adds {gain} pt; closes the gap alone: {closes}",
        ),
        _R.G2_NO_FACTS: (
            "缺少评分所需资料,暂不评级",
            "no scorecard facts: not graded",
        ),
        _R.G2_PREMIUM: (
            "合同溢价 {premium}%,相对界限 {threshold}% → {points} 分",
            "contract premium {premium}% against the {threshold}% line → {points} pt",
        ),
        _R.G2_RECEIVABLES: (
            "年底应收账款 {amount} 元,不超过 {threshold} 元 → {points} 分",
            "year-end receivables {amount}, within {threshold} → {points} pt",
        ),
        _R.G2_RECEIVABLES_ABOVE: (
            "年底应收账款 {amount} 元,超过 {highest} 元 → {points} 分",
            "year-end receivables {amount}, above {highest} → {points} pt",
        ),
        _R.G2_TOTAL: (
            "四项合计 {total} 分,评为 {grade}(下限 {cutoff} 分)",
            "total {total} points: grade {grade} (from {cutoff} points)",
        ),
        _R.G2_TOTAL_BELOW: (
            "四项合计 {total} 分,低于C级下限 {lowest} 分,评为 {grade}(本库默认)",
            "total {total} points, below the C line of {lowest}: grade {grade} (library default)",
        ),
        _R.G2_WHATIF: (
            "距 {next} 还差 {short} 分",
            "{short} point(s) short of {next}",
        ),
        _R.G2_WHATIF_TOP: (
            "已是最高等级 A",
            "already at the top grade A",
        ),
        _R.G2_WINDOW: (
            "合同金额按最近12个月统计:{start} 至 {end}(含首尾两日)",
            "contract amount of the last 12 months: {start} to {end}, both days included",
        ),
        _R.G2_WINDOW_FISCAL: (
            "合同金额按当年度统计:{start} 至 {end}(含首尾两日)",
            "contract amount of the current fiscal year: {start} to {end}, both days included",
        ),
        _R.G3_CATEGORY: (
            "大客户识别标准({mode})满足:{met} → {category}",
            "big-customer criteria ({mode}) met: {met} → {category}",
        ),
        _R.G3_CATEGORY_GIVEN: (
            "客户类别:{category}(由业务系统给定)",
            "category: {category} (given)",
        ),
        _R.G3_ELIGIBLE: (
            "正常商业往来已满期限(自 {since} 起可评级)",
            "enough months of normal trade (eligible since {since})",
        ),
        _R.G3_KEY: (
            "由 {roles} 共同确定为重点客户",
            "designated a key customer by {roles}",
        ),
        _R.G3_KEY_MISSING: (
            "未确定为重点客户:尚缺 {missing} 的确认",
            "not a key customer: missing the sign-off of {missing}",
        ),
        _R.G3_LEVEL: (
            "年销售额 {sales} 元、{freq}、合作 {years} 年,达到大客户 {level}(≥ {min_sales} 元、{min_freq}、{min_years} 年)",
            "annual sales {sales}, {freq}, {years} years: big-customer level {level} (≥ {min_sales}, {min_freq}, {min_years} years)",
        ),
        _R.G3_LEVEL_ABOVE: (
            "年销售额 {sales} 元、{freq}、合作 {years} 年,达到大客户 {level}(超过 {min_sales} 元、{min_freq}、{min_years} 年)",
            "annual sales {sales}, {freq}, {years} years: big-customer level {level} (above {min_sales}, {min_freq}, {min_years} years)",
        ),
        _R.G3_LEVEL_NONE: (
            "年销售额 {sales} 元、{freq}、合作 {years} 年,未达C级大客户示例",
            "annual sales {sales}, {freq}, {years} years: below the C example",
        ),
        _R.G3_NEW: (
            "新开发客户一年之内列为 {grade}(至 {until})",
            "a new customer is {grade} for its first year (until {until})",
        ),
        _R.G3_NEW_OVERRIDE: (
            "新开发客户一年之内列为 {grade}(评分结果 {scored},至 {until})",
            "new customer: {grade} for its first year whatever its score ({scored}), until {until}",
        ),
        _R.G3_NEW_REGISTERED: (
            "新开发客户自登记({since})起一年之内列为 {grade}(至 {until})",
            "a new customer is {grade} for the first year from its registration on {since} (until {until})",
        ),
        _R.G3_NO_TRADE: (
            "尚无正常商业往来,不评级",
            "no normal trade yet: not graded",
        ),
        _R.G3_NOT_ELIGIBLE: (
            "正常商业往来不足期限,{since} 起方可评级",
            "not enough months of normal trade: eligible from {since}",
        ),
        _R.G3_WHATIF_CAPPED: (
            "新开发客户列为 {grade} 至 {until} 止;按当前数据,{since} 起将评为 {then}",
            "capped at {grade} as a new customer until {until}; on its current figures it would be {then} from {since}",
        ),
        _R.G3_WHATIF_CAPPED_NO_FACTS: (
            "新开发客户列为 {grade} 至 {until} 止;{since} 起按评分评级,目前缺少评分资料",
            "capped at {grade} as a new customer until {until}; graded by its scorecard from {since}, whose facts are missing",
        ),
        _R.G3_WHATIF_CAPPED_NO_TRADE: (
            "新开发客户列为 {grade} 至 {until} 止;尚无正常商业往来,须满 {months} 个月方可按评分评级",
            "capped at {grade} as a new customer until {until}; no normal trade yet: graded by its scorecard after {months} months of it",
        ),
        _R.G3_WHATIF_ELIGIBLE: (
            "{since} 起方可评级;按当前数据届时将评为 {then}",
            "can be graded from {since}; on its current figures it would be {then} then",
        ),
        _R.G3_WHATIF_ELIGIBLE_NO_FACTS: (
            "{since} 起方可评级;目前缺少评分资料",
            "can be graded from {since}; its scorecard facts are missing",
        ),
        _R.G3_WHATIF_NO_TRADE: (
            "尚无正常商业往来,须满 {months} 个月方可评级",
            "no normal trade yet: it can be graded after {months} months of it",
        ),
        _R.G4_NEVER: (
            "尚无回访记录,应立即回访(回访人:{who}),截止 {due}",
            "never revisited: due now ({who}), by {due}",
        ),
        _R.G4_NO_REVISIT: (
            "无定期回访安排",
            "no scheduled revisit",
        ),
        _R.G4_NONE: (
            "{category}{grade}:所用待遇表未列此级别",
            "{category} {grade}: the tier table in use has no row for it",
        ),
        _R.G4_OVERDUE: (
            "每 {months} 个月由 {who} 回访;上次 {last},已于 {due} 逾期",
            "revisit every {months} months by {who}; last {last}, overdue since {due}",
        ),
        _R.G4_REVISIT: (
            "每 {months} 个月由 {who} 回访;上次 {last},下次截止 {due}",
            "revisit every {months} months by {who}; last {last}, next due {due}",
        ),
        _R.G4_TIER: (
            "{category}{grade}:发货优先级 {priority},{price}",
            "{category} {grade}: delivery priority {priority}, {price}",
        ),
        _R.G4_TIER_BENEFITS: (
            "{category}{grade}:{price};{benefits}",
            "{category} {grade}: {price}; {benefits}",
        ),
        _R.G4_TIER_DEFAULT: (
            "{category}{grade}:制度未列明,按本库默认:发货优先级 {priority},{price}",
            "{category} {grade}: blank in the seed, library default: priority {priority}, {price}",
        ),
        _R.G5_CHAIN_NEXT_CALENDAR_DAYS: (
            "{who}自 {start} 次日起算 {days} 个自然日内向{to}提示,截止 {due}",
            "the {who} presents it to the {to} within {days} calendar day(s), counting the day after {start} as day 1: due {due}",
        ),
        _R.G5_CHAIN_NEXT_CALENDAR_THEN_ROLL: (
            "{who}自 {start} 次日起算 {days} 个自然日(截止日遇休息日顺延)内向{to}提示,截止 {due}",
            "the {who} presents it to the {to} within {days} calendar day(s), a due date on a rest day moving to the next working day, counting the day after {start} as day 1: due {due}",
        ),
        _R.G5_CHAIN_NEXT_WORKING_DAYS: (
            "{who}自 {start} 次日起算 {days} 个工作日内向{to}提示,截止 {due}",
            "the {who} presents it to the {to} within {days} working day(s), counting the day after {start} as day 1: due {due}",
        ),
        _R.G5_CHAIN_SAME_CALENDAR_DAYS: (
            "{who}自 {start} 当天起算 {days} 个自然日内向{to}提示,截止 {due}",
            "the {who} presents it to the {to} within {days} calendar day(s), counting {start} itself as day 1: due {due}",
        ),
        _R.G5_CHAIN_SAME_CALENDAR_THEN_ROLL: (
            "{who}自 {start} 当天起算 {days} 个自然日(截止日遇休息日顺延)内向{to}提示,截止 {due}",
            "the {who} presents it to the {to} within {days} calendar day(s), a due date on a rest day moving to the next working day, counting {start} itself as day 1: due {due}",
        ),
        _R.G5_CHAIN_SAME_WORKING_DAYS: (
            "{who}自 {start} 当天起算 {days} 个工作日内向{to}提示,截止 {due}",
            "the {who} presents it to the {to} within {days} working day(s), counting {start} itself as day 1: due {due}",
        ),
        _R.G5_EMERGENCY: (
            "紧急报告:应以最快速方式(口头或电话)在最短时间内向{to}报告,即时截止({at})",
            "emergency report: orally or by phone to the {to} at once, due immediately ({at})",
        ),
        _R.G5_EMERGENCY_C6: (
            "客户拒付、可能拒付货款或发生其他紧急事件时须紧急报告",
            "a customer refusing or likely to refuse payment, or another emergency, requires an emergency report",
        ),
        _R.G5_MONTHS: (
            "{grade}定期书面报告月份:每年 {months} 月;本次报告月截至 {period}",
            "grade {grade} reports in writing in months {months}; this report's month ends {period}",
        ),
        _R.G5_MONTHS_D: (
            "{grade}定期书面报告月份:每年 {months} 月(制度未设D等级,按本库默认);本次报告月截至 {period}",
            "grade {grade} reports in writing in months {months} (the seed has no grade D: library default); this report's month ends {period}",
        ),
        _R.G5_RECEIVED: (
            "业务部经理于 {start} 收到报告",
            "the sales manager received the report on {start}",
        ),
        _R.G5_RECEIVED_ASSUMED: (
            "未提供业务部经理收到日期,按主管上级截止日 {start} 起算",
            "no receipt date given: the sales manager's deadline counts from the supervisor's due date {start}",
        ),
        _R.G5_VP: (
            "{who}阅览后送交{to};制度未规定此步期限",
            "the {who} reads it and passes it to the {to}; the seed sets no deadline for this step",
        ),
        _R.G5_WEEKLY: (
            "日常报告:每周向{to}口头报告;报告日为{weekday}(制度未规定星期几,按政策参数),下次 {due}",
            "daily report: oral, weekly, to the {to}; report day {weekday} (the seed names no day: policy parameter), next on {due}",
        ),
        _R.G5_WRITTEN: (
            "书面报告于每月底向主管上级提示:业务员截止 {due}",
            "the salesperson's written report is due to the supervisor at the month end: {due}",
        ),
        _R.G5_WRITTEN_OFFSET: (
            "书面报告涵盖截至 {period} 的期间,顺延 {offset} 个月于月底提交:业务员截止 {due}",
            "the written report covers the period ending {period} and is due {offset} month(s) later, at the month end: {due}",
        ),
        _R.G6_APPROVAL_EXPIRED: (
            "{matter}的审批({signed} 签,有效至 {until})在 {on} 无效,暂不生效(待审批)",
            "the approval of {matter} signed {signed}, valid until {until}, does not hold on {on}: not yet effective",
        ),
        _R.G6_APPROVAL_GRANTED: (
            "{matter}已由{role} {who} 于 {signed} 批准,在 {on} 有效,生效",
            "{matter} was approved by {who} ({role}) on {signed}, holding on {on}: effective",
        ),
        _R.G6_APPROVAL_MISSING: (
            "{matter}尚未经{roles}审批,暂不生效(待审批)",
            "{matter} awaits approval by the {roles}: not yet effective",
        ),
        _R.G6_APPROVAL_ROLE: (
            "{matter}由{role}审批,无权审批(需:{roles}),暂不生效(待审批)",
            "{matter} was approved by a {role}, who may not approve it (needs: {roles}): not yet effective",
        ),
        _R.G6_APPROVAL_STALE: (
            "{matter}的审批于 {signed} 签署,不晚于规则生效日 {since},不属本次重审",
            "the approval of {matter} was signed {signed}, not after the rules took effect on {since}: it is not this year's review",
        ),
        _R.G6_APPROVAL_SUBJECT: (
            "{matter}的审批针对 {bound},不是 {subject},暂不生效(待审批)",
            "the approval of {matter} is bound to {bound}, not {subject}: not yet effective",
        ),
        _R.G6_APPROVAL_WHAT: (
            "所附审批事项为“{what}”,不是{matter}(“{expected}”),暂不生效(待审批)",
            "the approval given is for '{what}', not {matter} ('{expected}'): not yet effective",
        ),
        _R.G6_DOWNGRADE: (
            "年度重审:等级由 {previous} 调降为 {current}",
            "yearly review: downgrade from {previous} to {current}",
        ),
        _R.G6_EXIT: (
            "{category}已不再符合大客户条件,按退出机制退出为{to}({change})",
            "the {category} no longer qualifies and exits to {to} under the exit mechanism ({change})",
        ),
        _R.G6_EXIT_CARE: (
            "制度仅要求建立合理规范的退出机制并妥善处理与客户的关系、安抚客户情绪;审批角色({roles})为政策参数,默认沿用评级审批的主管副总经理(本库默认)",
            "the seed only requires an orderly exit mechanism and careful handling of the relationship; the approving roles ({roles}) are a policy parameter, by default the VP in charge who approves re-gradings (library default)",
        ),
        _R.G6_EXIT_NOT_BIG: (
            "{category}不是大客户,不适用大客户退出机制",
            "an {category} is not a big customer: the exit mechanism does not apply",
        ),
        _R.G6_EXIT_QUALIFIES: (
            "{category}仍符合大客户条件,不退出",
            "the {category} still qualifies: no exit",
        ),
        _R.G6_IN_FORCE_NEW: (
            "首次评级,{grade} 即时生效;本次评级待{roles}签批",
            "first grading: {grade} is in force at once; the review awaits sign-off by the {roles}",
        ),
        _R.G6_IN_FORCE_UNCHANGED: (
            "等级未变,{grade} 无需审批继续有效;本次重审待{roles}签批",
            "grade unchanged: {grade} stays in force without approval; the review awaits sign-off by the {roles}",
        ),
        _R.G6_KEPT: (
            "本次未能评级,原等级 {grade} 继续有效",
            "not graded this time: the previous grade {grade} stays in force",
        ),
        _R.G6_NEW: (
            "年度重审:首次评级为 {current}(此前无等级)",
            "yearly review: first grade {current} (no previous grade)",
        ),
        _R.G6_REVIEW: (
            "客户评级每年 {month} 月 {day} 日由{preparer}会同{assistants}重审,交{roles}审批",
            "grades are re-examined each year on {month}/{day} by the {preparer} with the {assistants} and approved by the {roles}",
        ),
        _R.G6_RULES_DUE: (
            "评级规则自 {effective} 起施行,每年末由{preparer}提交{roles}重审,本次截止 {due}",
            "the grading rules in force since {effective} are submitted by the {preparer} to the {roles} for review each year end: due {due}",
        ),
        _R.G6_RULES_OVERDUE: (
            "截至 {on} 已过重审日 {due} 仍未获批准:逾期",
            "on {on} the review due {due} is past without approval: overdue",
        ),
        _R.G6_RULES_PENDING: (
            "截至 {on} 未过重审日 {due},尚未逾期",
            "on {on} the review due {due} is not yet overdue",
        ),
        _R.G6_UNCHANGED: (
            "年度重审:等级维持 {current}(原为 {previous})",
            "yearly review: unchanged at {current} (was {previous})",
        ),
        _R.G6_UPGRADE: (
            "年度重审:等级由 {previous} 调升为 {current}",
            "yearly review: upgrade from {previous} to {current}",
        ),
        _R.G7_ASSIGNED: (
            "{title}({source}):经人工判定归为「{tier}」({tier_code})——{meaning}",
            "{title} ({source}): {tier} ({tier_code}), assigned by a person — {meaning}",
        ),
        _R.G7_FAILED: (
            "「{tier}」({tier_code})不适用:{fact} 为 {given},不满足“{op} {value}”",
            "{tier} ({tier_code}) does not apply: {fact} is {given}, not {op} {value}",
        ),
        _R.G7_FAILED_FLAG: (
            "「{tier}」({tier_code})不适用:{fact} 为 {given}",
            "{tier} ({tier_code}) does not apply: {fact} is {given}",
        ),
        _R.G7_HELD: (
            "{fact} 为 {given},{op} {value}",
            "{fact} is {given}, {op} {value}",
        ),
        _R.G7_HELD_FLAG: (
            "{fact}:{given}",
            "{fact}: {given}",
        ),
        _R.G7_JUDGEMENT: (
            "须人工判定的类别:{tiers}(以 assigned= 指定)",
            "tiers decided by a person: {tiers} (pass assigned=)",
        ),
        _R.G7_MATCHED: (
            "{title}({source}):归为「{tier}」({tier_code})——{meaning}",
            "{title} ({source}): {tier} ({tier_code}) — {meaning}",
        ),
        _R.G7_UNCLASSIFIED: (
            "{title}({source}):没有适用的类别,未分类",
            "{title} ({source}): no tier applies — unclassified",
        ),
    },
)
