"""Private: the archives chapter's CSV formats — the column maps of the loans register and the
file list, and the shipped samples (the edge; the rules themselves are elsewhere).

A loans CSV has one row per loan (:class:`~customer_rules.archives.Loan`): ``id``, ``file``,
``item``, ``borrower`` and ``lent_on`` are required in the header; the file list one row per file
(:class:`~customer_rules.archives.CustomerFile`), ``id`` required. Headers may use the Chinese
labels; ids are unique in a file. Reading is :mod:`customer_rules.rows`: a bad row becomes a
:class:`~customer_rules.rows.RowError` naming its line and column, and the other rows are read.
"""

from __future__ import annotations

import datetime as dt

from customer_rules._archives.model import CustomerFile, Loan
from customer_rules._samples import shipped_text
from customer_rules.rows import ColumnMap

__all__ = [
    "FILE_COLUMNS",
    "LOAN_COLUMNS",
    "SAMPLE_AS_OF",
    "sample_files_text",
    "sample_loans_text",
]

SAMPLE_AS_OF = dt.date(2026, 12, 3)
"""The day the shipped samples describe: the loans out on that day, for the report due on the
5th, and the files then awaiting formalisation."""

LOAN_COLUMNS: ColumnMap[Loan] = ColumnMap(
    Loan,
    {
        "id": "id",
        "file": "file",
        "item": "item",
        "borrower": "borrower",
        "lent_on": "lent_on",
        "state": "state",
        "location": "location",
        "purpose": "purpose",
        "outside": "outside",
        "registration": "registration",
    },
    aliases={
        "借阅编号": "id",
        "档案编号": "file",
        "类型": "item",
        "借阅人": "borrower",
        "借出日期": "lent_on",
        "状态": "state",
        "去向": "location",
        "用途": "purpose",
        "外出使用": "outside",
        "登记号": "registration",
    },
    required={"id", "file", "item", "borrower", "lent_on"},
    key="id",
)
"""The loans register of ``customer-rules archives report``: column → field of
:class:`~customer_rules.archives.Loan` and the Chinese header labels accepted."""

FILE_COLUMNS: ColumnMap[CustomerFile] = ColumnMap(
    CustomerFile,
    {
        "id": "id",
        "customer": "customer",
        "kind": "kind",
        "owner": "owner",
        "department": "department",
        "personal": "personal",
        "received_on": "received_on",
        "formalised_on": "formalised_on",
    },
    aliases={
        "档案编号": "id",
        "客户名称": "customer",
        "档案类别": "kind",
        "负责人": "owner",
        "部门": "department",
        "个人信息": "personal",
        "收到竣工文档日期": "received_on",
        "正式归档日期": "formalised_on",
    },
    required={"id"},
    key="id",
)
"""The file list of ``customer-rules archives overdue``: column → field of
:class:`~customer_rules.archives.CustomerFile` and the Chinese header labels accepted."""


def sample_loans_text() -> str:
    """The shipped sample loans register (as of :data:`SAMPLE_AS_OF`)."""
    return shipped_text("sample_archives_loans.csv")


def sample_files_text() -> str:
    """The shipped sample file list (as of :data:`SAMPLE_AS_OF`)."""
    return shipped_text("sample_archives_files.csv")
