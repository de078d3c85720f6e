"""The credit chapter's reason codes (C1–C11) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["CreditReason"]


class CreditReason(MessageCode):
    """Every reason code of the credit chapter; a member equals its code (``"C2.accept"``)."""

    C1_ADOPTED = "C1.adopted"
    C1_NOT_ADOPTED = "C1.not_adopted"
    C1_ADOPTION_REFUSED = "C1.adoption_refused"
    C1_SOURCES = "C1.sources"
    C1_RECORD = "C1.record"
    C1_YEARS = "C1.years"
    C1_CAPITAL = "C1.capital"
    C1_BANK = "C1.bank"
    C1_LAWSUITS = "C1.lawsuits"
    C1_COLLECTION_REQUIRED = "C1.collection_required"
    C1_NO_GRADE = "C1.no_grade"
    C1_NO_CREDIT = "C1.no_credit"
    C1_GRADE = "C1.grade"
    C1_REGISTER = "C1.register"
    C1_COLLECTION_DUE = "C1.collection_due"
    C1_COLLECTION_SET = "C1.collection_set"
    C2_LIMIT_CUSTOMER = "C2.limit.customer"
    C2_LIMIT_GROUP = "C2.limit.group"
    C2_LIMIT_DEFAULT = "C2.limit.default"
    C2_LIMIT_NONE = "C2.limit.none"
    C2_NOT_RATED = "C2.not_rated"
    C2_RAISE = "C2.raise"
    C2_RAISE_IGNORED = "C2.raise.ignored"
    C2_ZERO_NO_CHECK = "C2.zero.no_check"
    C2_ZERO_NO_CREDIT = "C2.zero.no_credit"
    C2_LIMIT_IN_FORCE = "C2.limit.in_force"
    C2_EXPOSURE_PARTIAL = "C2.exposure.partial"
    C2_SUB_LIMIT = "C2.sub_limit"
    C2_EXPOSURE = "C2.exposure"
    C2_RESUBMITTED = "C2.resubmitted"
    C2_NOT_CHECKED = "C2.not_checked"
    C2_OVER_LIMIT = "C2.over_limit"
    C2_PAST_DUE_BLOCK = "C2.past_due_block"
    C2_TERM = "C2.term"
    C2_FORM = "C2.form"
    C2_ACCEPT = "C2.accept"
    C2_WARN = "C2.warn"
    C2_NEEDS_APPROVAL = "C2.needs_approval"
    C2_HOLD = "C2.hold"
    C2_BY_EXCEPTION = "C2.by_exception"
    C2_APPROVAL_REFUSED = "C2.approval_refused"
    C2_COLLECT_FIRST = "C2.collect_first"
    C2_SHIP_LESS = "C2.ship_less"
    C2_CONTRACT_UNSIGNED = "C2.contract.unsigned"
    C2_CONTRACT_ENTRY = "C2.contract.entry"
    C3_OVERDUE = "C3.overdue"
    C3_RELEASE = "C3.release"
    C3_WARN = "C3.warn"
    C3_HOLD = "C3.hold"
    C3_APPROVAL_REFUSED = "C3.approval_refused"
    C3_BY_EXCEPTION = "C3.by_exception"
    C6_ESCALATE = "C6.escalate"
    C6_ESCALATE_AMOUNT = "C6.escalate.amount"
    C6_NOTIFY = "C6.notify"
    C4_NOT_DUE = "C4.not_due"
    C4_PAST_DUE = "C4.past_due"
    C4_OFFICE = "C4.office"
    C4_OFFICE_GRACE = "C4.office_grace"
    C4_RECOVERY = "C4.recovery"
    C4_WRITE_OFF = "C4.write_off"
    C4_TOTAL = "C4.total"
    C4_BUCKET_TOTAL = "C4.bucket_total"
    C4_OWNERSHIP = "C4.ownership"
    C4_OWNERSHIP_WRITE_OFF = "C4.ownership_write_off"
    C5_PHASE_BEFORE = "C5.phase.before"
    C5_PHASE_DURING = "C5.phase.during"
    C5_PHASE_AFTER = "C5.phase.after"
    C5_SETTLED = "C5.settled"
    C5_NONE_YET = "C5.none_yet"
    C5_LAST = "C5.last"
    C5_NEXT = "C5.next"
    C5_NEXT_OVERDUE = "C5.next_overdue"
    C5_BEFORE_DUE = "C5.before_due"
    C5_AFTER_DUE = "C5.after_due"
    C5_AFTER_ISSUE = "C5.after_issue"
    C5_AFTER_LAST = "C5.after_last"
    C5_EARLY = "C5.early"
    C5_PAUSED = "C5.paused"
    C5_LAPSED = "C5.lapsed"
    C5_METHOD = "C5.method"
    C5_METHOD_OPEN = "C5.method_open"
    C5_LEGAL = "C5.legal"
    C5_LEGAL_CHOSEN = "C5.legal_chosen"
    C5_COMPLETE = "C5.complete"
    C7_DUE = "C7.due"
    C7_OVERDUE = "C7.overdue"
    C7_PENDING = "C7.pending"
    C7_REAPPROVAL = "C7.reapproval"
    C7_FORM = "C7.form"
    C7_GROUNDS = "C7.grounds"
    C7_UPGRADE = "C7.upgrade"
    C7_DOWNGRADE = "C7.downgrade"
    C7_UNCHANGED = "C7.unchanged"
    C7_REGRADED = "C7.regraded"
    C7_ON_TIME = "C7.on_time"
    C7_LATE = "C7.late"
    C7_IN_FORCE = "C7.in_force"
    C7_APPROVED = "C7.approved"
    C7_AWAITING = "C7.awaiting"
    C7_NOTICE = "C7.notice"
    C7_NEXT = "C7.next"
    C8_UPDATE_DUE = "C8.update.due"
    C8_UPDATE = "C8.update"
    C8_UPDATE_ON_TIME = "C8.update.on_time"
    C8_UPDATE_LATE = "C8.update.late"
    C8_UPDATE_EARLY = "C8.update.early"
    C8_UPDATE_OUTSIDE = "C8.update.outside"
    C8_UPDATE_RECORD = "C8.update.record"
    C8_YEAR_END_DUE = "C8.year_end.due"
    C8_YEAR_END = "C8.year_end"
    C8_YEAR_END_ON_TIME = "C8.year_end.on_time"
    C8_YEAR_END_LATE = "C8.year_end.late"
    C8_YEAR_END_CHANGE = "C8.year_end.change"
    C8_YEAR_END_KEEP = "C8.year_end.keep"
    C8_YEAR_END_APPROVAL = "C8.year_end.approval"
    C8_OVERDUE = "C8.overdue"
    C9_EVALUATION = "C9.evaluation"
    C9_PASSED = "C9.passed"
    C9_FAILED = "C9.failed"
    C9_HIGH_RISK = "C9.high_risk"
    C9_CYCLE = "C9.cycle"
    C9_FOLLOW_UP = "C9.follow_up"
    C9_OVERDUE = "C9.overdue"
    C10_SURVEY_DUE = "C10.survey.due"
    C10_SURVEY = "C10.survey"
    C10_IN_WINDOW = "C10.survey.in_window"
    C10_OUTSIDE = "C10.survey.outside"
    C10_NO_CHANGE = "C10.no_change"
    C10_CHANGE = "C10.change"
    C10_OVERDUE = "C10.overdue"


_R = CreditReason

register_codes(
    CreditReason,
    {
        _R.C1_ADOPTED: (
            "信用标准已由{roles}讨论通过,现行有效",
            "the credit standard is adopted by {roles} and in force",
        ),
        _R.C1_NOT_ADOPTED: (
            "信用标准尚未经{missing}讨论通过,不作为信用管理的依据:不授予信用;下一步由{next}办理",
            "the credit standard is not adopted by {missing}, so it is not in force: no credit; next: {next}",
        ),
        _R.C1_ADOPTION_REFUSED: (
            "{who}({role})的通过记录不予采用:{finding}",
            "the adoption record of {who} ({role}) does not count: {finding}",
        ),
        _R.C1_SOURCES: (
            "资信调查未使用规定的来源:{missing}",
            "the credit investigation did not use the required sources: {missing}",
        ),
        _R.C1_RECORD: (
            "缺少{record},应由{keeper}填写",
            "the {record} is not on file; it is filled by the {keeper}",
        ),
        _R.C1_YEARS: (
            "经营年限 {years} 年,低于信用标准要求的 {min} 年",
            "{years} year(s) in business, below the standard's minimum of {min}",
        ),
        _R.C1_CAPITAL: (
            "注册资本 {capital} 元,低于信用标准要求的 {min} 元",
            "registered capital {capital}, below the standard's minimum of {min}",
        ),
        _R.C1_BANK: (
            "银行提供的报告显示有不良信用记录",
            "the bank report shows a bad credit record",
        ),
        _R.C1_LAWSUITS: (
            "律师取证发现未决诉讼或被执行记录 {count} 起,超过信用标准允许的 {max} 起",
            "the lawyer found {count} pending lawsuit(s) or enforcement record(s), more than the {max} the standard allows",
        ),
        _R.C1_COLLECTION_REQUIRED: (
            "授予信用前须先制定收账方针,尚未制定",
            "a collection plan must be set before credit is granted, and none is",
        ),
        _R.C1_NO_GRADE: (
            "不满足任何信用等级的条件(最低为 {last} 级)",
            "meets the requirements of no credit grade (the lowest is {last})",
        ),
        _R.C1_NO_CREDIT: (
            "客户 {customer} 未达信用标准:不授予信用",
            "customer {customer} does not meet the credit standard: no credit",
        ),
        _R.C1_GRADE: (
            "客户 {customer} 评为 {grade} 级信用:信用额度 {limit} 元,信用期限 {days} 天,信用形式 {forms}",
            "customer {customer} is rated credit grade {grade}: limit {limit}, term {days} days, forms {forms}",
        ),
        _R.C1_REGISTER: (
            "由{by}登记{records}",
            "the {by} registers it on the {records}",
        ),
        _R.C1_COLLECTION_DUE: (
            "尚未制定收账方针,由{by}制定",
            "no collection plan yet: the {by} sets one",
        ),
        _R.C1_COLLECTION_SET: (
            "收账方针已于 {on} 制定,拖欠风险判断:{risk}",
            "collection plan set on {on}; arrears risk: {risk}",
        ),
        _R.C2_LIMIT_CUSTOMER: (
            "信用额度 {limit} 元,来自客户 {customer} 的客户信用管理卡",
            "credit limit {limit} from the credit card of customer {customer}",
        ),
        _R.C2_LIMIT_GROUP: (
            "客户 {customer} 未设自身额度,采用客户组「{group}」的额度 {limit} 元",
            "customer {customer} has no limit of its own: the limit of group '{group}', {limit}",
        ),
        _R.C2_LIMIT_DEFAULT: (
            "客户 {customer} 及其客户组均未设额度,采用公司默认额度 {limit} 元",
            "neither customer {customer} nor its group has a limit: the company default, {limit}",
        ),
        _R.C2_LIMIT_NONE: (
            "客户 {customer} 、其客户组及公司均未设信用额度:不授予信用",
            "no limit is set for customer {customer}, its group or the company: no credit",
        ),
        _R.C2_NOT_RATED: (
            "客户 {customer} 尚未评定信用等级,无信用条件:不授予信用",
            "customer {customer} is not rated and has no credit terms: no credit",
        ),
        _R.C2_RAISE: (
            "临时提高额度 {amount} 元({who},{role}批准,有效至 {until})",
            "temporary raise of {amount} ({who}, {role}, until {until})",
        ),
        _R.C2_RAISE_IGNORED: (
            "临时提高额度 {amount} 元不予计入({who},{role}):{finding}",
            "temporary raise of {amount} not counted ({who}, {role}): {finding}",
        ),
        _R.C2_ZERO_NO_CHECK: (
            "额度为零,按政策视为不控制额度",
            "the limit is zero, which the policy reads as no check",
        ),
        _R.C2_ZERO_NO_CREDIT: (
            "额度为零,按政策视为不授予信用",
            "the limit is zero, which the policy reads as no credit",
        ),
        _R.C2_LIMIT_IN_FORCE: (
            "现行信用额度 {limit} 元",
            "limit in force: {limit}",
        ),
        _R.C2_SUB_LIMIT: (
            "{component} {amount} 元,超过分项限额 {sub_limit} 元 {over} 元",
            "{component} {amount} exceeds its sub-limit {sub_limit} by {over}",
        ),
        _R.C2_EXPOSURE: (
            "信用占用 {total} 元 = 未到期应收 {open_not_due} + 逾期应收 {past_due} + 已签约未发货 {unshipped} + 本订单 {this_order}",
            "exposure {total} = not due {open_not_due} + past due {past_due} + unshipped {unshipped} + this order {this_order}",
        ),
        _R.C2_EXPOSURE_PARTIAL: (
            "信用占用 {total} 元(未到期应收 {open_not_due},逾期应收 {past_due},已签约未发货 {unshipped},本订单 {this_order};按政策不计入:{excluded})",
            "exposure {total} (not due {open_not_due}, past due {past_due}, unshipped {unshipped}, this order {this_order}; not counted, by the policy: {excluded})",
        ),
        _R.C2_RESUBMITTED: (
            "订单 {order} 为重新提交,替换原金额 {earlier} 元,不重复计算",
            "order {order} is a re-submission: it replaces the earlier {earlier}, counted once",
        ),
        _R.C2_NOT_CHECKED: (
            "{at}环节按政策不作信用检查",
            "no credit check at {at} (policy)",
        ),
        _R.C2_OVER_LIMIT: (
            "信用占用 {total} 元超出信用额度 {limit} 元 {over} 元",
            "exposure {total} exceeds the limit {limit} by {over}",
        ),
        _R.C2_PAST_DUE_BLOCK: (
            "存在逾期应收账款 {past_due} 元,超过允许的 {tolerance} 元:按政策冻结",
            "past-due receivables of {past_due} exceed the {tolerance} allowed: blocked (policy)",
        ),
        _R.C2_TERM: (
            "订单付款期限 {days} 天,超出授予的信用期限 {granted} 天",
            "the order's payment term of {days} days is longer than the {granted} days granted",
        ),
        _R.C2_FORM: (
            "信用形式「{form}」未获授予(已授予:{granted})",
            "credit form '{form}' is not granted (granted: {granted})",
        ),
        _R.C2_ACCEPT: (
            "{at}:在信用范围内,通过;下一步由{next}办理",
            "{at}: within the credit range, accepted; next: {next}",
        ),
        _R.C2_WARN: (
            "{at}:超出信用范围,按政策放行并提示;下一步由{next}办理",
            "{at}: beyond the credit range, going ahead with a warning (policy); next: {next}",
        ),
        _R.C2_NEEDS_APPROVAL: (
            "订单 {order} 超出信用范围,属特殊合同,须报{next}审批",
            "order {order} is beyond the credit range: a special contract for the {next} to approve",
        ),
        _R.C2_HOLD: (
            "{at}:超出信用范围,暂停,待{next}审批",
            "{at}: beyond the credit range, held until the {next} approves",
        ),
        _R.C2_BY_EXCEPTION: (
            "特殊合同已由{who}({role})于 {signed} 审批,特批通过",
            "the special contract was approved by {who} ({role}) on {signed}: accepted by exception",
        ),
        _R.C2_APPROVAL_REFUSED: (
            "{who}({role})的审批不予采用:{finding};须由{next}审批",
            "the approval of {who} ({role}) does not hold: {finding}; the {next} must approve",
        ),
        _R.C2_COLLECT_FIRST: (
            "先收回应收账款 {amount} 元即可通过",
            "collect {amount} first and it passes",
        ),
        _R.C2_SHIP_LESS: (
            "本订单少发 {amount} 元(改为 {remaining} 元)即可通过",
            "ship {amount} less (only {remaining}) and it passes",
        ),
        _R.C2_CONTRACT_UNSIGNED: (
            "合同 {contract} 的签订记录({who},{role})不予采用:{finding};须由{next}按《合同评审控制程序》签订",
            "the signature of contract {contract} ({who}, {role}) does not hold: {finding}; the {next} signs under the contract-review procedure",
        ),
        _R.C2_CONTRACT_ENTRY: (
            "合同 {contract}({amount} 元)副本交{keeper}记入{record}",
            "a copy of contract {contract} ({amount}) goes to {keeper}, entered on the {record}",
        ),
        _R.C3_OVERDUE: (
            "应收账款 {item} 于 {due} 到期,已逾期 {days} 天,未收 {amount} 元",
            "receivable {item} was due on {due}: {days} day(s) overdue, {amount} open",
        ),
        _R.C3_RELEASE: (
            "客户按合同履约付款,发货单 {shipment} 放行;由{next}发货",
            "the customer pays as the contract says: shipment {shipment} released; {next} ships",
        ),
        _R.C3_WARN: (
            "客户拖欠 {amount} 元,按政策发货单 {shipment} 放行并提示;由{next}发货",
            "the customer is behind by {amount}: shipment {shipment} released with a warning (policy); {next} ships",
        ),
        _R.C3_HOLD: (
            "客户拖欠 {amount} 元,发货单 {shipment} 暂停发货;由{next}追讨欠款",
            "the customer is behind by {amount}: shipment {shipment} held; the {next} pursues the arrears",
        ),
        _R.C3_APPROVAL_REFUSED: (
            "{who}({role})的放行审批不予采用:{finding}",
            "the release approval of {who} ({role}) does not hold: {finding}",
        ),
        _R.C3_BY_EXCEPTION: (
            "发货单 {shipment} 经{who}({role})特批放行;由{next}发货",
            "shipment {shipment} released by exception by {who} ({role}); {next} ships",
        ),
        _R.C6_ESCALATE: (
            "客户 {customer}:{kind},须立即向{to}紧急报告",
            "customer {customer}: {kind}; report to the {to} at once",
        ),
        _R.C6_ESCALATE_AMOUNT: (
            "客户 {customer}:{kind},涉及金额 {amount} 元,须立即向{to}紧急报告",
            "customer {customer}: {kind} of {amount}; report to the {to} at once",
        ),
        _R.C6_NOTIFY: (
            "同时通知{notify}",
            "the {notify} is told at the same time",
        ),
        _R.C4_NOT_DUE: (
            "到期日 {due},截至 {on} 未逾期:归入「{bucket}」",
            "due {due}, not past due on {on}: bucket '{bucket}'",
        ),
        _R.C4_PAST_DUE: (
            "到期日 {due},截至 {on} 逾期 {days} 天:归入「{bucket}」",
            "due {due}, {days} days past due on {on}: bucket '{bucket}'",
        ),
        _R.C4_OFFICE: (
            "在正常收帐期内(信用期至到期日 {due}):由{role}催收",
            "within the normal collection period (the credit term, to the due date {due}): the {role} collects",
        ),
        _R.C4_OFFICE_GRACE: (
            "在正常收帐期内(至到期日 {due},另加宽限 {grace} 天至 {until}):由{role}催收",
            "within the normal collection period (to the due date {due} plus {grace} days' grace, to {until}): the {role} collects",
        ),
        _R.C4_RECOVERY: (
            "已超出正常收帐期(截至 {until}):由{role}负责追讨",
            "past the normal collection period (which ended on {until}): the {role} pursues recovery",
        ),
        _R.C4_WRITE_OFF: (
            "逾期 {days} 天,达到 {limit} 天:由{role}作坏账处理",
            "{days} days past due, {limit} or more: the {role} handles it as a bad debt",
        ),
        _R.C4_TOTAL: (
            "截至 {on} 应收账款 {count} 笔,未收合计 {total} 元",
            "{count} receivables on {on}, {total} yuan open in all",
        ),
        _R.C4_BUCKET_TOTAL: (
            "「{bucket}」{count} 笔,{amount} 元",
            "'{bucket}': {count} receivables, {amount} yuan",
        ),
        _R.C4_OWNERSHIP: (
            "正常收帐期(至到期日后 {grace} 天)内由{office}催收,超出后由{recovery}追讨,坏账由{finance}处理",
            "the {office} collects within the normal collection period (to {grace} days after the due date), the {recovery} pursues recovery after it, and the {finance} handles bad debts",
        ),
        _R.C4_OWNERSHIP_WRITE_OFF: (
            "正常收帐期(至到期日后 {grace} 天)内由{office}催收,超出后由{recovery}追讨,逾期 {write_off} 天起由{finance}作坏账处理",
            "the {office} collects within the normal collection period (to {grace} days after the due date), the {recovery} pursues recovery after it, and from {write_off} days past due the {finance} handles it as a bad debt",
        ),
        _R.C5_PHASE_BEFORE: (
            "事前防范:{on} 早于正式交易(发货 {issued})",
            "before the formal transaction (事前): {on} is before the shipment on {issued}",
        ),
        _R.C5_PHASE_DURING: (
            "事中管理:发货后至货款到期日 {due}",
            "from shipment to the due date {due} (事中)",
        ),
        _R.C5_PHASE_AFTER: (
            "事后处理:到期日 {due} 后已拖欠 {days} 天",
            "arrears for {days} days since the due date {due} (事后)",
        ),
        _R.C5_SETTLED: (
            "未收余额 {open} 元低于容差 {tolerance} 元,不再催收",
            "{open} yuan open is below the tolerance of {tolerance} yuan: nothing to collect",
        ),
        _R.C5_NONE_YET: (
            "尚未采取催收步骤",
            "no collection step taken yet",
        ),
        _R.C5_LAST: (
            "上一步骤:{step}({on})",
            "last step taken: {step} on {on}",
        ),
        _R.C5_NEXT: (
            "下一步:{step}(由{role}办理),应于 {due} 完成",
            "next: {step} by the {role}, due {due}",
        ),
        _R.C5_NEXT_OVERDUE: (
            "下一步:{step}(由{role}办理),应于 {due} 完成,已逾期 {late} 天",
            "next: {step} by the {role}, due {due}: {late} days overdue",
        ),
        _R.C5_BEFORE_DUE: (
            "{step}定于到期日前 {days} 天({mode}):{day}",
            "{step}: {days} days ({mode}) before the due date, {day}",
        ),
        _R.C5_AFTER_DUE: (
            "{step}定于到期日后 {days} 天({mode}):{day}",
            "{step}: {days} days ({mode}) after the due date, {day}",
        ),
        _R.C5_AFTER_ISSUE: (
            "不早于发货日 {issued}:改为 {due}",
            "not before the shipment on {issued}: due {due}",
        ),
        _R.C5_AFTER_LAST: (
            "不早于上一步骤日期 {last}:改为 {due}",
            "not before the last step on {last}: due {due}",
        ),
        _R.C5_EARLY: (
            "{seen} 发现拖欠征兆,提前催收:改为 {due}",
            "signs of arrears seen on {seen}: early collection, due {due}",
        ),
        _R.C5_PAUSED: (
            "{who} 于 {made} 承诺 {until} 前付款:催收暂停至 {until},{resume} 起恢复",
            "{who} promised on {made} to pay by {until}: collection is paused until then and resumes on {resume}",
        ),
        _R.C5_LAPSED: (
            "{who} 于 {made} 承诺 {until} 前付款,到期未付:{resume} 起恢复催收",
            "{who} promised on {made} to pay by {until} and did not: collection resumed on {resume}",
        ),
        _R.C5_METHOD: (
            "追讨方式:{method}",
            "recovery method: {method}",
        ),
        _R.C5_METHOD_OPEN: (
            "{role}须分析债务、确定追讨方式并实施追讨",
            "the {role} analyses the debt, chooses the recovery method and pursues it",
        ),
        _R.C5_LEGAL: (
            "到期日后 {days} 天提示考虑法律诉讼",
            "at {days} days past due, consider legal action",
        ),
        _R.C5_LEGAL_CHOSEN: (
            "已选定法律诉讼为追讨方式",
            "legal action is already the recovery method chosen",
        ),
        _R.C5_COMPLETE: (
            "催收步骤已全部完成:由{role}继续追讨",
            "every step of the ladder is taken: the {role} pursues recovery",
        ),
        _R.C7_DUE: (
            "信用评审周期:{cycle};上次评审 {last},本次评审截止 {due}(由{organiser}组织,{performer}执行)",
            "credit review {cycle}: last {last}, this review due {due} (organised by the {organiser}, performed by the {performer})",
        ),
        _R.C7_OVERDUE: (
            "评审已逾期:截止 {due},至 {on} 仍未评审",
            "the review is overdue: due {due}, not done by {on}",
        ),
        _R.C7_PENDING: (
            "评审未逾期:截止 {due}(查询日 {on})",
            "the review is not overdue: due {due} (asked on {on})",
        ),
        _R.C7_REAPPROVAL: (
            "信用额度自 {last} 起超过 {months} 个月未评审(至 {until} 为止),须重新审批",
            "the limit has gone unreviewed for more than {months} month(s) since {last} (until {until}): it needs re-approval",
        ),
        _R.C7_FORM: (
            "{performer}对客户 {customer} 进行信用审核,填写“客户升(降)级评审表”(由{organiser}组织)",
            "the {performer} reviews customer {customer} on the upgrade/downgrade review form (客户升(降)级评审表), organised by the {organiser}",
        ),
        _R.C7_GROUNDS: ("评审依据:{grounds}", "grounds: {grounds}"),
        _R.C7_UPGRADE: (
            "升级:信用等级 {grade} → {new_grade},信用额度 {limit} → {new_limit} 元",
            "upgrade: credit grade {grade} → {new_grade}, limit {limit} → {new_limit}",
        ),
        _R.C7_DOWNGRADE: (
            "降级:信用等级 {grade} → {new_grade},信用额度 {limit} → {new_limit} 元",
            "downgrade: credit grade {grade} → {new_grade}, limit {limit} → {new_limit}",
        ),
        _R.C7_UNCHANGED: (
            "维持:信用等级 {new_grade},信用额度 {new_limit} 元(评审前:{grade},{limit} 元)",
            "unchanged: credit grade {new_grade}, limit {new_limit} (before: {grade}, {limit})",
        ),
        _R.C7_REGRADED: (
            "信用等级由 {grade} 改为 {new_grade},信用额度 {limit} 元不变",
            "the credit grade changes from {grade} to {new_grade} at the same limit {limit}",
        ),
        _R.C7_ON_TIME: (
            "本次评审按时完成:截止 {due}({cycle})",
            "the review is on time: due {due} ({cycle})",
        ),
        _R.C7_LATE: (
            "本次评审晚于截止日 {due}({cycle})",
            "the review is late: it was due {due} ({cycle})",
        ),
        _R.C7_IN_FORCE: (
            "评审结果即时生效(本政策不要求审批)",
            "the result applies at once (the policy requires no approval)",
        ),
        _R.C7_APPROVED: (
            "{who}({role})于 {signed} 审批通过,评审结果生效",
            "approved by {who} ({role}) on {signed}: the result applies",
        ),
        _R.C7_AWAITING: (
            "评审结果须经{roles}审批后生效,此前现行信用等级与额度不变",
            "the result applies once the {roles} approve(s) it; the current grade and limit stay until then",
        ),
        _R.C7_NOTICE: ("{by}将评审结果通报{to}", "the {by} sends the result to the {to}"),
        _R.C7_NEXT: ("下次评审截止 {due}", "next review due {due}"),
        _R.C8_UPDATE_DUE: (
            "{who}须于 {due} 前将 {month} 与客户的业务往来(日期、接洽内容、经办人员)报{to}({cycle})",
            "the {who} reports the dealings of {month} with each customer (date, subject, staff) to the {to} by {due} ({cycle})",
        ),
        _R.C8_UPDATE: (
            "{office}({who})于 {reported} 报送 {month} 业务往来 {count} 条",
            "{office} ({who}) reported {count} dealing(s) of {month} on {reported}",
        ),
        _R.C8_UPDATE_ON_TIME: (
            "按时报送:{reported},截止 {due}",
            "on time: reported {reported}, due {due}",
        ),
        _R.C8_UPDATE_LATE: (
            "逾期报送:{reported},截止 {due}",
            "late: reported {reported}, due {due}",
        ),
        _R.C8_UPDATE_EARLY: (
            "{reported} 报送时 {month} 尚未结束,报告可能不完整",
            "reported on {reported}, before {month} ended: the report may be incomplete",
        ),
        _R.C8_UPDATE_OUTSIDE: (
            "客户 {customer} 于 {day} 的往来不在 {month} 内,不据此记载",
            "the dealing with {customer} on {day} is not in {month}: not recorded from this report",
        ),
        _R.C8_UPDATE_RECORD: (
            "{who}在 {customers} 个客户的信息档案中记载或更新 {count} 条往来",
            "the {who} records {count} dealing(s) in the files of {customers} customer(s)",
        ),
        _R.C8_YEAR_END_DUE: (
            "{who}须于 {due} 前完成年度信用政策评审({cycle})",
            "the {who} reviews the credit policy for the next year by {due} ({cycle})",
        ),
        _R.C8_YEAR_END: (
            "{who}于 {year} 年底评审信用政策,制定和调整 {next} 年度的信用管理政策",
            "the {who} reviews the credit policy at the end of {year} and sets it for {next}",
        ),
        _R.C8_YEAR_END_ON_TIME: (
            "按时决策:{decided},截止 {due}",
            "decided on time: {decided}, due {due}",
        ),
        _R.C8_YEAR_END_LATE: (
            "逾期决策:{decided},截止 {due}",
            "decided late: {decided}, due {due}",
        ),
        _R.C8_YEAR_END_CHANGE: ("调整:{matters}", "to change: {matters}"),
        _R.C8_YEAR_END_KEEP: ("维持:{matters}", "kept: {matters}"),
        _R.C8_YEAR_END_APPROVAL: (
            "调整后的信用管理政策报{who}审批",
            "the changed credit policy goes to the {who} for approval",
        ),
        _R.C8_OVERDUE: (
            "{duty}已逾期:截止 {due},至 {on} 未完成",
            "the {duty} is overdue: due {due}, not done by {on}",
        ),
        _R.C9_EVALUATION: (
            "客户 {customer} 评估:资质审核通过 {qualified},信用评估通过 {credit},风险评估 {risk}",
            "customer {customer} evaluated: qualification passed {qualified}, credit passed {credit}, {risk}",
        ),
        _R.C9_PASSED: (
            "资质审核与信用评估均通过",
            "the qualification review and the credit assessment both pass",
        ),
        _R.C9_FAILED: (
            "资质审核或信用评估未通过",
            "the qualification review or the credit assessment fails",
        ),
        _R.C9_HIGH_RISK: (
            "{risk}客户,定期监控和评估:{cycle},下次评估截止 {due}",
            "a {risk} customer, monitored and re-assessed regularly: {cycle}; next assessment due {due}",
        ),
        _R.C9_CYCLE: (
            "{risk}客户按常规周期评估:{cycle},下次评估截止 {due}",
            "a {risk} customer, re-assessed on the ordinary cycle: {cycle}; next assessment due {due}",
        ),
        _R.C9_FOLLOW_UP: ("下一步:由{who}跟进客户", "next: the {who} follows the customer up"),
        _R.C9_OVERDUE: (
            "重新评估已逾期:截止 {due},至 {on} 未完成",
            "the re-assessment is overdue: due {due}, not done by {on}",
        ),
        _R.C10_SURVEY_DUE: (
            "{who}须于 {due} 前对交易往来客户作定期调查({cycle})",
            "the {who} surveys the trading partners by {due} ({cycle})",
        ),
        _R.C10_SURVEY: (
            "{who}于 {on} 调查交易往来客户,发现变化 {count} 项",
            "the {who} surveyed the trading partners on {on}: {count} change(s)",
        ),
        _R.C10_IN_WINDOW: (
            "在调查月份内完成({cycle},截止 {due})",
            "held in a survey month ({cycle}, due {due})",
        ),
        _R.C10_OUTSIDE: (
            "{on} 不在调查月份内({cycle});下次调查自 {opens} 起,截止 {due};变化仍随时记入",
            "{on} is outside the survey months ({cycle}); the next survey runs from {opens} to {due}; changes are still recorded as found",
        ),
        _R.C10_NO_CHANGE: (
            "无变化,原簿与一览表无需订正",
            "no change: the card and the list stay as they are",
        ),
        _R.C10_CHANGE: (
            "客户 {customer} 的{item}:{before} → {after},记入{books}",
            "{customer}'s {item}: {before} → {after}, written in {books}",
        ),
        _R.C10_OVERDUE: (
            "{duty}已逾期:截止 {due},至 {on} 未完成",
            "the {duty} is overdue: due {due}, not done by {on}",
        ),
    },
)
