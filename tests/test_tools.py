"""The mutation-testing tools' own small parts (tools/mutate.py, tools/nudge_settings.py).

No mutation run and no nudge run here: those take minutes (docs/testing.md). These tests check
what the tools compute from mutmut's results, from diffs and from the policy declarations.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from customer_rules import PolicyBook, PolicyError
from customer_rules.calendars import Deadline
from customer_rules.roles import Role
from customer_rules.settings import Unit, policy, setting, settings_of

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import _nudge_plugin  # noqa: E402
import mutate  # noqa: E402
import nudge_settings  # noqa: E402

# --------------------------------------------------------------------------- mutate: modules


def test_the_rule_modules_are_every_chapters_package_less_message_tables() -> None:
    modules = {m.path: m for m in mutate.rule_modules(ROOT)}
    assert "src/customer_rules/_grading/deal_size.py" in modules
    assert "src/customer_rules/_grading/scorecard.py" in modules
    assert "src/customer_rules/_grading/codes.py" not in modules
    assert "src/customer_rules/_grading/__init__.py" not in modules
    assert not any("/cli/" in p or p.endswith("settings.py") for p in modules)
    deal = modules["src/customer_rules/_grading/deal_size.py"]
    assert (deal.name, deal.chapter, deal.short, deal.mutants) == (
        "customer_rules._grading.deal_size",
        "grading",
        "deal_size",
        "customer_rules._grading.deal_size.*",
    )


def test_a_new_chapter_is_found_without_touching_the_tool(tmp_path: Path) -> None:
    for rel in ("_grading/deal_size.py", "_credit/limits.py", "_credit/codes.py", "money.py"):
        path = tmp_path / "src/customer_rules" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
    config = {
        "only_mutate": ["src/customer_rules/_*/*.py"],
        "do_not_mutate": ["src/customer_rules/_*/codes.py"],
    }
    found = [(m.chapter, m.short) for m in mutate.rule_modules(tmp_path, config)]
    assert found == [("credit", "limits"), ("grading", "deal_size")]


def test_modules_are_chosen_by_any_of_their_names_or_by_chapter() -> None:
    modules = mutate.rule_modules(ROOT)
    for word in (
        "deal_size",
        "deal_size.py",
        "_grading/deal_size.py",
        "src/customer_rules/_grading/deal_size.py",
        "customer_rules._grading.deal_size",
    ):
        assert [m.short for m in mutate.select(modules, [word])] == ["deal_size"], word
    assert [m.short for m in mutate.select(modules, ["scorecard", "deal_size"])] == [
        "deal_size",
        "scorecard",
    ]
    grading = [m for m in modules if m.chapter == "grading"]
    assert grading
    assert mutate.select(modules, ["grading"]) == grading
    assert mutate.select(modules, []) == modules
    with pytest.raises(SystemExit, match="no rule module 'nonesuch'"):
        mutate.select(modules, ["nonesuch"])


def test_a_name_two_modules_share_is_refused() -> None:
    modules = [
        mutate._module("src/customer_rules/_a/x.py"),
        mutate._module("src/customer_rules/_b/x.py"),
    ]
    with pytest.raises(SystemExit, match="ambiguous"):
        mutate.select(modules, ["x"])
    assert [m.chapter for m in mutate.select(modules, ["_b.x"])] == ["b"]


# --------------------------------------------------------------------------- mutate: scores


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (None, "not checked"),
        (1, "killed"),
        (0, "survived"),
        (33, "no tests"),
        (36, "timeout"),
        (-24, "timeout"),
        (34, "skipped"),
        (2, "interrupted"),
        (99, "suspicious"),
    ],
)
def test_mutmut_exit_codes_read_as_mutmut_reads_them(code: int | None, status: str) -> None:
    assert mutate.status_of(code) == status


def test_the_score_is_caught_over_checked() -> None:
    score = mutate.Score.of([1, 1, 1, 36, 0, 33, None, 34])
    assert (score.caught, score.checked, score.unsettled) == (4, 6, 1)
    assert score.percent == pytest.approx(400 / 6)
    assert score.line("deal_size") == (
        "deal_size                   4 / 6     66.7 %   (1 survived, 1 no tests, 1 timeout,"
        " 1 not checked)"
    )
    assert mutate.Score.of([None]).percent is None
    assert mutate.Score.of([1, 1]).line("x").endswith("100.0 %")


# --------------------------------------------------------------------------- mutate: diffs

_DIFF = """\
--- src/customer_rules/_grading/deal_size.py
+++ src/customer_rules/_grading/deal_size.py
@@ -28,5 +28,5 @@
     if value >= p.b_min:
         return DealSizeResult(DealSizeType.B, value, p.b_min, policy.version)
     if value >= p.c_min:
-        return DealSizeResult(DealSizeType.C, value, p.c_min, policy.version)
+        return DealSizeResult(DealSizeType.C, None, p.c_min, policy.version)
     return DealSizeResult(DealSizeType.D, value, None, policy.version)"""


def test_a_diff_gives_the_changed_line_of_the_function() -> None:
    assert mutate.changed_lines(_DIFF) == [
        mutate.Change(
            31,
            "        return DealSizeResult(DealSizeType.C, value, p.c_min, policy.version)",
            "        return DealSizeResult(DealSizeType.C, None, p.c_min, policy.version)",
        )
    ]
    two = "@@ -3,3 +3,3 @@\n a\n-b\n+B\n c\n@@ -9,2 +9,2 @@\n-x\n+y\n z"
    assert [(c.line, c.removed, c.added) for c in mutate.changed_lines(two)] == [
        (4, "b", "B"),
        (9, "x", "y"),
    ]


def test_the_line_is_found_in_the_source_even_when_the_offset_is_off() -> None:
    lines = ["# note", "def f(x):", "    y = 1", "    return x > y", ""]
    assert mutate.locate(lines, (2, 4), 3, "    return x > y") == 4
    # a comment above the function shifted mutmut's numbering by one: the text decides
    assert mutate.locate(lines, (2, 4), 2, "    return x > y") == 4
    # the def line of mutmut's renamed original
    assert mutate.locate(lines, (2, 4), 1, "def x_f__mutmut_orig(x):") == 2
    assert mutate.locate(lines, (2, 4), 2, "    gone = 0") == 3  # not found: the offset


def test_a_change_inside_string_literals_only_is_tagged() -> None:
    assert mutate.literal_only('x = f(a, "amount")', 'x = f(a, "XXamountXX")')
    assert mutate.literal_only("k = 'G1.type'", "k = 'g1.type'")
    assert not mutate.literal_only('x = f(a, "amount")', "x = f(a, )")
    assert not mutate.literal_only("a >= b", "a > b")
    assert not mutate.literal_only('x = "a"', 'x = "a"')


def test_mutant_names_give_the_function_or_method() -> None:
    assert mutate.parse_key("customer_rules._grading.deal_size.x_deal_size_type__mutmut_31") == (
        "customer_rules._grading.deal_size",
        "deal_size_type",
    )
    assert mutate.parse_key(
        "customer_rules._grading.scorecard.xǁGradeCutoffsǁ_grade__mutmut_2"
    ) == (
        "customer_rules._grading.scorecard",
        "GradeCutoffs._grade",
    )
    assert mutate.parse_key("nonsense") == ("nonsense", "?")


_SOURCE = textwrap.dedent(
    '''\
    """Doc."""
    import functools

    __all__ = ["KEY", "f"]

    KEY = "customer_rules.key"
    _cache: dict[str, int] = {}


    class Colour(LabelledEnum):
        RED = "red"


    class Result:
        """Doc."""

        value: int
        limit: int = 3

        @property
        def reasons(self) -> int:
            return 1

        @staticmethod
        def helper() -> int:
            return 2

        @functools.cached_property
        def what_if(self) -> int:
            return 3


    def f(x):
        return x + 1  # pragma: no mutate
    '''
)


def test_what_mutmut_never_mutates_is_listed_with_the_reason() -> None:
    found = [(r.start, r.end, r.what) for r in mutate.excluded_regions(_SOURCE)]
    assert found == [
        (6, 6, "KEY (module level)"),
        (11, 11, "Colour enum members"),
        (17, 18, "Result fields and defaults"),
        (20, 22, "Result.reasons (@property)"),
        (28, 30, "Result.what_if (@functools.cached_property)"),
        (34, 34, "return x + 1  # pragma: no mutate"),
    ]
    spans = mutate.function_spans(_SOURCE)
    assert spans["Result.reasons"] == (20, 22)
    assert spans["Result.helper"] == (24, 26)
    assert spans["f"] == (33, 34)


def test_functions_the_module_calls_while_it_is_imported_are_found() -> None:
    source = textwrap.dedent(
        """\
        def _factory(name):
            def check(x):
                return x
            return check

        def _helper():
            return 1

        def _runtime():
            return _helper()

        def _default():
            return 2

        TABLE = (_helper(),)

        @policy(checks=[_factory("a")])
        class P:
            x: int = setting(default=_default())

        def rule(y=_default()):
            return _runtime()
        """
    )
    assert mutate.import_time_functions(source) == {"_factory", "_helper", "_default"}


# --------------------------------------------------------------------------- nudges


def _info(path: str) -> Any:
    return next(s for s in settings_of(PolicyBook()) if s.path == path)


def _steps(path: str, **kwargs: Any) -> list[tuple[str, Any]]:
    info = _info(path)
    return [
        (change, new)
        for _, change, new in nudge_settings.nudges_of(
            info.path, info.default, info.kind, info.setting, **kwargs
        )
    ]


def test_an_amount_moves_by_one_fen_either_way() -> None:
    assert _steps("grading.deal_size.a_min") == [
        ("800000 → 800000.01", Decimal("800000.01")),
        ("800000 → 799999.99", Decimal("799999.99")),
    ]


def test_a_percent_moves_by_one_point_or_the_step_asked() -> None:
    assert [new for _, new in _steps("grading.scorecard.premium.four_points_above")] == [16, 14]
    fine = _steps("grading.scorecard.premium.four_points_above", percent_step=Decimal("0.01"))
    assert [new for _, new in fine] == [Decimal("15.01"), Decimal("14.99")]


def test_numbers_stay_in_their_range_and_months_wrap() -> None:
    assert [new for _, new in _steps("grading.scorecard.total_cutoffs.A")] == [15, 13]
    assert [new for _, new in _steps("grading.regrading.review_month")] == [1, 11]
    assert [new for _, new in _steps("grading.reporting.due_offset_months")] == [1]  # not -1


def test_a_choice_moves_to_its_neighbours_and_a_flag_flips() -> None:
    assert [new.value for _, new in _steps("grading.eligibility.new_customer_grade")] == ["D", "B"]
    assert [new for _, new in _steps("grading.reporting.manager_deadline.count_start_day")] == [
        False
    ]


def test_a_role_set_loses_each_member_and_gains_the_one_ranked_just_below() -> None:
    steps = _steps("grading.regrading.assisting_roles")
    assert steps == [
        ("drop salesperson", frozenset()),
        ("add sales_admin", frozenset({Role.SALESPERSON, Role.SALES_ADMIN})),
    ]
    approving = _steps("grading.regrading.approving_roles")  # at least one: nothing dropped
    assert approving == [
        ("add marketing_director", frozenset({Role.VP_IN_CHARGE, Role.MARKETING_DIRECTOR}))
    ]
    assert nudge_settings._role_to_add([], list(Role)) is Role.SALESPERSON
    assert nudge_settings._role_to_add([Role.SALESPERSON], list(Role)) is Role.SALES_ADMIN


def test_a_list_of_months_loses_its_ends_and_gains_the_first_absent() -> None:
    assert _steps("grading.reporting.a_months") == [
        ("drop 3", (9,)),
        ("drop 9", (3,)),
        ("add 1", (1, 3, 9)),
    ]


def test_a_table_loses_each_row_and_each_field_of_each_row_moves() -> None:
    info = _info("grading.eligibility.big_levels")
    found = nudge_settings.nudges_of(info.path, info.default, info.kind, info.setting)
    targets = [t for t, _, _ in found]
    rows = len(info.default)
    for i in range(rows):
        assert f"grading.eligibility.big_levels[{i}]" in targets
        assert f"grading.eligibility.big_levels[{i}].min_years" in targets
    _, change, new = next(f for f in found if f[0].endswith("[1].min_years"))
    assert change == "3 → 4"
    assert new[1].min_years == 4
    assert (new[0], new[2]) == (info.default[0], info.default[2])


def test_every_setting_of_the_seed_book_gets_a_nudge() -> None:
    planned = {n.setting for n in nudge_settings.nudges()}
    unmoved = dict(nudge_settings.unnudged())
    assert planned | set(unmoved) == {s.path for s in settings_of(PolicyBook())}
    assert not planned & set(unmoved)
    # only what has nothing to move: an unset value or an empty table
    assert all(s.default in (None, ()) for s in settings_of(PolicyBook()) if s.path in unmoved)
    assert all(n.setting.startswith("grading.") for n in nudge_settings.nudges(["grading"]))
    assert {n.setting for n in nudge_settings.nudges(["grading.deal_size.a_min"])} == {
        "grading.deal_size.a_min"
    }
    assert nudge_settings.nudges(["grading.deal"]) == []  # a prefix is a whole path segment


def test_a_nudge_travels_to_the_plugin_as_plain_data() -> None:
    nudge = nudge_settings.Nudge(
        "grading.regrading.approving_roles", "t", "c", frozenset({Role.VP_IN_CHARGE, Role.FINANCE})
    )
    assert json.loads(nudge.env()) == {
        "path": "grading.regrading.approving_roles",
        "value": ["finance", "vp_in_charge"],
    }


def test_a_date_travels_as_an_iso_string() -> None:
    nudge = nudge_settings.Nudge("effective", "effective", "c", dt.date(2026, 1, 2))
    assert json.loads(nudge.env()) == {"path": "effective", "value": "2026-01-02"}


def test_the_chapters_tests_run_for_its_settings_and_all_suite_for_the_books() -> None:
    grading = nudge_settings.suite_for("grading.deal_size.a_min")
    assert "tests/test_grading_deal_size.py" in grading
    assert all(t.startswith("tests/test_grading_") for t in grading)
    assert nudge_settings.suite_for("version") == ["tests"]


def test_a_run_is_caught_missed_or_an_error() -> None:
    nudge = nudge_settings.Nudge("x", "x", "1 → 2", 2)
    output = "....F\nFAILED tests/test_a.py::test_b[x-1] - AssertionError\n1 failed, 4 passed\n"
    assert nudge_settings.failed_tests(output) == ["tests/test_a.py::test_b[x-1]"]
    assert nudge_settings.outcome_of(nudge, 1, output).status == "caught"
    assert nudge_settings.outcome_of(nudge, 1, output).detail == "tests/test_a.py::test_b[x-1]"
    crashed = "FAILED tests/t.py::test_y - customer_rules.errors.PolicyError: 1 problem\n"
    assert nudge_settings.outcome_of(nudge, 1, crashed).detail == (
        "tests/t.py::test_y (customer_rules.errors.PolicyError)"
    )
    plain_assert = "FAILED tests/t.py::test_z - assert 1 == 2\n"
    assert nudge_settings.outcome_of(nudge, 1, plain_assert).detail == "tests/t.py::test_z"
    escaped = "FAILED tests/t.py::test_x[80\\u4e07-at] - AssertionError\n"
    assert nudge_settings.outcome_of(nudge, 1, escaped).detail == "tests/t.py::test_x[80万-at]"
    assert nudge_settings.outcome_of(nudge, 0, "5 passed").status == "missed"
    assert nudge_settings.outcome_of(nudge, 4, "usage").status == "error"
    assert nudge_settings.outcome_of(nudge, 2, "interrupted").status == "error"


# --------------------------------------------------------------------------- the plugin's patch


@policy
class _Leaf:
    limit: int = setting(default=3, unit=Unit.COUNT, source="test")


@policy
class _Holder:
    leaf: _Leaf = setting(default=_Leaf(), unit=Unit.TABLE, source="test")
    due: Deadline = setting(default=Deadline(2), unit=Unit.TABLE, source="test")
    other: Deadline = setting(default=Deadline(5), unit=Unit.TABLE, source="test")


@policy
class _Root:
    holder: _Holder = setting(default=_Holder(), unit=Unit.TABLE, source="test")


@pytest.fixture
def tree() -> Any:
    """The little policy tree above, its defaults restored after the test."""
    import attrs

    classes: list[Any] = [_Leaf, _Holder, _Root]
    saved = [
        (cls, cls.__init__.__defaults__, {f.name: f.default for f in attrs.fields(cls)})
        for cls in classes
    ]
    yield _Root
    for cls, defaults, fields in saved:
        cls.__init__.__defaults__ = defaults
        for f in attrs.fields(cls):
            object.__setattr__(f, "default", fields[f.name])


def test_a_patch_moves_the_default_at_every_level_that_holds_it(tree: Any) -> None:
    patches = _nudge_plugin.patches("holder.leaf.limit", 4, tree)
    assert [(p.cls, p.name) for p in patches] == [
        (_Leaf, "limit"),
        (_Holder, "leaf"),
        (_Root, "holder"),
    ]
    assert _Leaf().limit == 3  # nothing patched yet
    assert _nudge_plugin.apply("holder.leaf.limit", "4", _Root) == 4
    assert _Leaf().limit == _Holder().leaf.limit == _Root().holder.leaf.limit == 4
    assert {s.path: s.default for s in settings_of(_Root())}["holder.leaf.limit"] == 4


def test_a_shared_records_own_default_stays_when_its_holders_moves(tree: Any) -> None:
    patches = _nudge_plugin.patches("holder.due.days", 3, _Root)
    assert Deadline not in {p.cls for p in patches}
    _nudge_plugin.apply("holder.due.days", 3, _Root)
    assert _Root().holder.due.days == 3
    assert _Root().holder.other.days == 5
    assert Deadline().days == 0


def test_a_nudge_that_makes_an_invalid_policy_is_refused_before_anything_moves() -> None:
    with pytest.raises(PolicyError):
        _nudge_plugin.patches("grading.deal_size.b_min", "900000")
    with pytest.raises(KeyError, match="no field 'nonesuch'"):
        _nudge_plugin.patches("grading.nonesuch", 1)
    assert PolicyBook().grading.deal_size.b_min == 400_000


def test_the_plugin_patches_the_library_before_any_test_imports_it() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "tools"),
        _nudge_plugin.ENV: json.dumps({"path": "grading.deal_size.a_min", "value": "800000.01"}),
    }
    code = (
        "import _nudge_plugin\n"
        "from customer_rules import PolicyBook\n"
        "from customer_rules.grading import DealSizePolicy, GradingPolicy, deal_size_type\n"
        "print(_nudge_plugin.pytest_report_header())\n"
        "print(DealSizePolicy().a_min, GradingPolicy().deal_size.a_min,"
        " PolicyBook().grading.deal_size.a_min)\n"
        "print(deal_size_type('800000', GradingPolicy()).type.value)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "[\"nudged grading.deal_size.a_min = Decimal('800000.01')\"]",
        "800000.01 800000.01 800000.01",
        "B",
    ]


def test_a_date_and_a_text_move_too() -> None:
    steps = nudge_settings._scalar_steps(dt.date(2026, 1, 1), "date", None, None, Decimal(1))
    assert steps == [dt.date(2026, 1, 2), dt.date(2025, 12, 31)]
    assert nudge_settings._scalar_steps("seed", "text", None, None, Decimal(1)) == ["seed-nudged"]
