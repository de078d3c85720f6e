"""Closed sets of the grading chapter (G1–G6), with the regulations' Chinese terms."""

from __future__ import annotations

from customer_rules.labels import LabelledEnum as _Labelled
from customer_rules.labels import set_labels

__all__ = [
    "ArrearsReading",
    "CustomerCategory",
    "DealSizeType",
    "Grade",
    "PriceLevel",
    "PurchaseFrequency",
    "StrategicInfluence",
]


class DealSizeType(_Labelled):
    """G1 deal-size type of a lead or customer (客户类型 ABCD)."""

    A = "A"
    """预计成交金额 ≥ 80万."""
    B = "B"
    """≥ 40万."""
    C = "C"
    """≥ 20万."""
    D = "D"
    """below 20万 [default: the seed names D but never defines it]."""


class Grade(_Labelled):
    """G2 scorecard grade (客户等级). ``rank`` orders them: A (4) is best, D (1) worst."""

    A = "A"
    """重要客户 — total ≥ 14."""
    B = "B"
    """较重要客户 — 12 ≤ total < 14."""
    C = "C"
    """一般性客户 — 10 ≤ total < 12."""
    D = "D"
    """below C — total < 10 [default: the seed is silent]."""

    @property
    def rank(self) -> int:
        """4 for A down to 1 for D; a higher rank is a better grade."""
        return _RANK[self]


_RANK = {Grade.A: 4, Grade.B: 3, Grade.C: 2, Grade.D: 1}


class CustomerCategory(_Labelled):
    """G3 category by order size and future potential."""

    BIG = "big"
    """大客户."""
    ORDINARY = "ordinary"
    """普通客户."""


class StrategicInfluence(_Labelled):
    """G2 indicator (4) 战略影响, a judgement by the business-department manager or above.

    The value is the points it scores.
    """

    LEADER = 4
    """行业的龙头客户 — industry leader."""
    KEY = 3
    """比较关键的地位,具有较大的影响力 — key position, large influence."""
    ORDINARY = 2
    """一般客户的地位,只具有较小的影响力 — ordinary, small influence."""
    SPORADIC = 1
    """零星客户地位,基本不具备影响力 — sporadic, no influence."""


class ArrearsReading(_Labelled):
    """G2 (1): how a customer in arrears (拖欠回款) scores on contract amount.

    The seed scores only "below T3 and in arrears → 1"; it leaves "≥ T3 but in arrears" unscored.
    """

    ONE_POINT = "one_point"
    """Any arrears scores 1 point [default]."""
    LOWER_ONE_BAND = "lower_one_band"
    """Arrears lowers the amount band by one (never below 1 point)."""


class PriceLevel(_Labelled):
    """G4 price treatment of a service tier."""

    BEST = "best"
    """最优价格."""
    BETTER = "better"
    """较优价格."""
    DISCOUNT = "discount"
    """适当优惠价格 / 一定的价格折扣."""
    LIST = "list"
    """标准价格 / 基本价格 [default for tiers the seed leaves blank]."""


class PurchaseFrequency(_Labelled):
    """G3 big-customer examples: how often the customer buys. ``rank``: higher is more often."""

    MONTHLY = "monthly"
    """每月采购."""
    QUARTERLY = "quarterly"
    """每季度采购."""
    IRREGULAR = "irregular"
    """不定期采购."""

    @property
    def rank(self) -> int:
        """3 for monthly, 2 for quarterly, 1 for irregular."""
        return _FREQ_RANK[self]


_FREQ_RANK = {
    PurchaseFrequency.MONTHLY: 3,
    PurchaseFrequency.QUARTERLY: 2,
    PurchaseFrequency.IRREGULAR: 1,
}

set_labels(
    {
        DealSizeType.A: ("A类", "type A"),
        DealSizeType.B: ("B类", "type B"),
        DealSizeType.C: ("C类", "type C"),
        DealSizeType.D: ("D类", "type D"),
        Grade.A: ("A等级(重要客户)", "A (important)"),
        Grade.B: ("B等级(较重要客户)", "B (fairly important)"),
        Grade.C: ("C等级(一般性客户)", "C (ordinary)"),
        Grade.D: ("D等级(未达C级)", "D (below C)"),
        CustomerCategory.BIG: ("大客户", "big customer"),
        CustomerCategory.ORDINARY: ("普通客户", "ordinary customer"),
        StrategicInfluence.LEADER: ("行业龙头", "industry leader"),
        StrategicInfluence.KEY: ("关键地位、较大影响力", "key position, large influence"),
        StrategicInfluence.ORDINARY: ("一般地位、较小影响力", "ordinary, small influence"),
        StrategicInfluence.SPORADIC: ("零星客户、基本无影响力", "sporadic, no influence"),
        ArrearsReading.ONE_POINT: ("拖欠即1分", "arrears scores 1 point"),
        ArrearsReading.LOWER_ONE_BAND: ("拖欠降一档", "arrears lowers one band"),
        PriceLevel.BEST: ("最优价格", "best price"),
        PriceLevel.BETTER: ("较优价格", "better price"),
        PriceLevel.DISCOUNT: ("适当优惠价格", "appropriate discount"),
        PriceLevel.LIST: ("标准价格", "list price"),
        PurchaseFrequency.MONTHLY: ("每月采购", "monthly purchases"),
        PurchaseFrequency.QUARTERLY: ("每季度采购", "quarterly purchases"),
        PurchaseFrequency.IRREGULAR: ("不定期采购", "irregular purchases"),
    }
)
