"""Private: every text the command line shows a person, as one message-code enum.

The zh/en templates are registered with :func:`customer_rules.reasons.register_codes`, the
library's one message mechanism, so the same checks hold as for the rules' reasons: both
languages present, the same placeholders in each. Render with
:func:`customer_rules.reasons.render_message`.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes


class CliText(MessageCode):
    """The command line's texts (headers, titles, summaries, status and error lines)."""

    # shared by the chapter commands: the title lines
    AS_OF = "cli.as_of"
    SAMPLE_NOTE = "cli.sample_note"
    SAMPLE_DATE = "cli.sample_note.date"
    SAMPLE_MOMENT = "cli.sample_note.moment"
    SAMPLE = "cli.sample"
    POLICY = "cli.policy_in_force"
    CALENDAR = "cli.calendar"
    CALENDAR_DAYS = "cli.calendar.days"
    CALENDAR_CN = "cli.calendar.cn"
    # policy
    VALID = "cli.policy.valid"
    INVALID_ONE = "cli.policy.invalid_one"
    INVALID_MANY = "cli.policy.invalid_many"
    WRITTEN = "cli.policy.written"
    CANNOT_WRITE = "cli.policy.cannot_write"
    # the core
    PROGRESS = "cli.progress"
    STDIN = "cli.stdin"
    BOM_CSV_ONLY = "cli.bom_csv_only"


register_codes(
    CliText,
    {
        CliText.AS_OF: ("截至 {day}", "as of {day}"),
        CliText.SAMPLE_NOTE: (
            "(样例数据的{what};可用 {option} 指定)",
            " (the sample's {what}; use {option})",
        ),
        CliText.SAMPLE_DATE: ("日期", "date"),
        CliText.SAMPLE_MOMENT: ("时间", "moment"),
        CliText.SAMPLE: ("(样例数据)", " (the shipped sample)"),
        CliText.POLICY: (
            "政策版本 {version}({effective} 起生效)",
            "policy {version} (effective {effective})",
        ),
        CliText.CALENDAR: ("日历:{name}", "calendar: {name}"),
        CliText.CALENDAR_DAYS: ("自然日", "calendar days"),
        CliText.CALENDAR_CN: ("中国法定工作日", "China working days"),
        CliText.VALID: (
            "{path}:有效(版本 {version},{effective} 起生效)",
            "{path}: valid (version {version}, effective {effective})",
        ),
        CliText.INVALID_ONE: ("{path}:无效(1 处问题)", "{path}: invalid (1 problem)"),
        CliText.INVALID_MANY: (
            "{path}:无效({count} 处问题)",
            "{path}: invalid ({count} problems)",
        ),
        CliText.WRITTEN: (
            "{path}:已写入({format},版本 {version})",
            "{path}: written ({format}, version {version})",
        ),
        CliText.CANNOT_WRITE: (
            "{path}:无法写入文件:{reason}",
            "{path}: cannot write the file: {reason}",
        ),
        CliText.PROGRESS: ("已处理 {count} 行…", "{count} rows processed…"),
        CliText.STDIN: ("标准输入", "standard input"),
        CliText.BOM_CSV_ONLY: (
            "--bom 只用于 --format csv",
            "--bom applies to --format csv only",
        ),
    },
)
