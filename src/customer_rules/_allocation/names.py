"""A7 — duplicate detection: Chinese company names and phone numbers, normalised.

Source: seed 001 §4.2.1 (先申请登记为原则: once registered, no other salesperson may develop the
customer). The seed's only de-duplication rule is "the first EC entry wins" for after-hours
leads (A5); telling that two registrations are the same customer is the library's [default],
documented here rule by rule, with examples that run.

**Company names.** :func:`normalise_company_name` gives the key two names share when they name
the same company:

1. full-width and half-width forms are one (Unicode NFKC: ``ＡＢＣ`` → ``ABC``, ``（`` → ``(``,
   the ideographic space → a space), and Latin letters are compared without case;
2. a bracketed ``(中国)`` / ``(China)``, or a bracketed legal form (``(集团)``, ``(有限公司)``), is
   dropped; any other bracketed part keeps its text (``小米科技(北京)`` → ``小米科技北京``) — every
   kind of bracket counts: ``()``, ``（）``, ``[]``, ``【】``, ``〔〕``, ``「」``, ``《》`` …;
3. legal-form suffixes are removed from the end, repeatedly: ``股份有限公司``, ``有限责任公司``,
   ``有限公司``, ``股份公司``, ``集团公司``, ``总公司``, ``公司``, ``集团`` and the Latin
   ``Co., Ltd.``, ``Ltd``, ``Limited``, ``Inc``, ``Corp``, ``Corporation``, ``Company``, ``LLC``,
   ``Group``, ``GmbH``, ``PLC`` (a Latin suffix only as a word of its own: ``Costco`` keeps its
   ``co``). A branch (``分公司``) is a company of its own and keeps its suffix; a name that is
   nothing but a suffix keeps it;
4. spaces and punctuation are dropped: only letters and digits remain.

Two names with the same key are the same customer: a **duplicate**. A name made of nothing but
punctuation keeps its own text (without spaces) as its key, so a name always duplicates itself.

**A leading place name.** ``北京X公司`` and ``上海X公司`` may be one company's two offices, or two
companies: :func:`company_without_place` also removes one leading province or city of
:data:`PLACE_NAMES` (``北京市``, ``北京``, ``广东省`` …) and a bracketed one anywhere
(``小米科技(北京)``), and two names equal only then are a **possible duplicate** — for a person to
decide (sales admin, A7), never a refusal. The list is data: a company extends it in its policy
(``allocation.registration.place_names``). ``中国`` is not a place here (``中国银行`` is a name).

**Phone numbers.** :func:`normalise_phone` keeps the digits; removes an extension (``转``,
``分机``, ``ext``, ``x``, ``#`` and what follows); removes the country code (``+86``, ``0086``, or
``86`` before an eleven-digit mobile number); and gives a landline its trunk ``0`` back when the
international form dropped it (``+86 10 6552 9988`` → ``01065529988``, as ``(010) 6552-9988``).
A landline written without its area code matches only itself: its city is unknown.

Every function here is idempotent (normalising a key gives the key) and total: any text gets a
key; the empty text, or one of spaces only, gets the empty key, which matches nothing.

Example:
    >>> normalise_company_name("  北京 华远（中国）科技有限公司 ")
    '北京华远科技'
    >>> compare_names("北京华远科技有限公司", "上海华远科技股份有限公司")
    <NameMatch.PLACE_ONLY: 'place_only'>
    >>> normalise_phone("+86 138-1234-5678"), normalise_phone("(010) 6552-9988 转 801")
    ('13812345678', '01065529988')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from customer_rules._bounded import keep
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels

__all__ = [
    "PLACE_NAMES",
    "NameMatch",
    "company_without_place",
    "compare_names",
    "normalise_company_name",
    "normalise_phone",
]

PLACE_NAMES: tuple[str, ...] = (
    # the provincial-level divisions, with the word their official names carry
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
    # the same, as names are usually written
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港",
    "澳门",
    # provincial capitals and the largest other cities
    "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南",
    "郑州", "武汉", "长沙", "广州", "海口", "成都", "贵阳", "昆明", "西安", "兰州", "西宁",
    "呼和浩特", "南宁", "拉萨", "银川", "乌鲁木齐", "深圳", "苏州", "宁波", "青岛", "大连",
    "厦门", "无锡", "佛山", "东莞", "温州", "珠海",
)  # fmt: skip
"""The place names a company name may start with [default]: the provincial-level divisions
(with and without 省/市/自治区), their capitals and a few of the largest cities. Small on
purpose, and data: a company adds its own cities in ``allocation.registration.place_names``."""

_CJK_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "总公司",
    "公司",
    "集团",
)
_LATIN_SUFFIXES = (
    "corporation",
    "incorporated",
    "company",
    "limited",
    "group",
    "corp",
    "gmbh",
    "ltd",
    "inc",
    "llc",
    "plc",
    "co",
)
_BRANCH = "分公司"
_COUNTRY = frozenset({"中国", "china"})
_DROPPED_GROUPS = _COUNTRY | frozenset(_CJK_SUFFIXES) | frozenset(_LATIN_SUFFIXES)
_OPEN = "([{<（［｛【〔〖〘〚「『〈《⦅｟"
_CLOSE = ")]}>）］｝】〕〗〙〛」』〉》⦆｠"
_GROUP = re.compile(f"[{re.escape(_OPEN)}]([^{re.escape(_OPEN + _CLOSE)}]*)[{re.escape(_CLOSE)}]")
_EXTENSION = re.compile(r"(转|分机|ext|x|#).*$", re.IGNORECASE)
_DIGITS = frozenset("0123456789")
_ROUNDS = 8
"""Passes of the whole normalisation at most; a key is stable after the first in practice."""
_KEYS_MAX = 65_536


class NameMatch(LabelledEnum):
    """How two company names compare (A7 duplicate detection)."""

    SAME = "same"
    """同一客户 — the same key: a duplicate."""
    PLACE_ONLY = "place_only"
    """疑似重复 — the same only once a leading place name is removed: a person decides."""
    DIFFERENT = "different"
    """不同客户 — different names."""


set_labels(
    {
        NameMatch.SAME: ("同一客户", "the same customer"),
        NameMatch.PLACE_ONLY: (
            "疑似重复(仅地名不同)",
            "possible duplicate (only the place differs)",
        ),
        NameMatch.DIFFERENT: ("不同客户", "different customers"),
    }
)


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InputError(field, value, "a text")
    return value


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def _word(char: str) -> bool:
    """Whether ``char`` is a letter or a digit (what a key keeps)."""
    return unicodedata.category(char)[0] in "LN"


def _letters(text: str) -> str:
    return "".join(c for c in text if _word(c))


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _strip_suffixes(text: str) -> str:
    """``text`` without its trailing legal-form suffixes (a remainder keeps a letter or digit)."""
    while True:
        end = len(text)
        while end and not _word(text[end - 1]):
            end -= 1
        text = text[:end]
        if text.endswith(_BRANCH):
            return text
        for suffix in _CJK_SUFFIXES:
            if text.endswith(suffix):
                rest = text[: -len(suffix)]
                if not any(map(_word, rest)):
                    return text  # nothing but a legal form: it is the name
                text = rest
                break
        else:
            for suffix in _LATIN_SUFFIXES:
                rest = text[: -len(suffix)]
                if text.endswith(suffix) and rest and not _latin(rest[-1]):
                    if not any(map(_word, rest)):
                        return text
                    text = rest
                    break
            else:
                return text


def _pass(text: str, dropped: frozenset[str]) -> str:
    def group(match: re.Match[str]) -> str:
        return "" if _letters(match[1]) in dropped else f" {match[1]} "

    folded = _GROUP.sub(group, _fold(text))
    return _letters(_strip_suffixes(folded))


def _key(text: str, dropped: frozenset[str] = _DROPPED_GROUPS) -> str:
    key = _pass(text, dropped)
    for _ in range(_ROUNDS):
        again = _pass(key, dropped)
        if again == key:
            break
        key = again
    if key:
        return key
    return "".join(_fold(text).split())


def normalise_company_name(name: str) -> str:
    """A7: the key of a company name — equal keys name the same customer (a duplicate).

    The rules, in order, are the module's (:mod:`customer_rules._allocation.names`): one form for
    full- and half-width characters and for letter case; a bracketed ``(中国)`` or legal form
    dropped; legal-form suffixes removed from the end; spaces and punctuation dropped. A leading
    place name is kept (see :func:`company_without_place`).

    Args:
        name: the name as written.

    Returns:
        The key: letters and digits only (a name of punctuation alone keeps it, without spaces);
        ``""`` for a blank name. Normalising a key gives the key.

    Raises:
        InputError: naming ``name`` unless it is a text.

    Example:
        >>> normalise_company_name("华远科技(集团)股份有限公司")
        '华远科技'
        >>> normalise_company_name("Costco Wholesale Co., Ltd.")
        'costcowholesale'
    """
    text = _text(name, "name")
    found = _NAME_KEYS.get(text)
    if found is None:
        found = keep(_NAME_KEYS, text, _key(text), _KEYS_MAX)
    return found


_NAME_KEYS: dict[str, str] = {}


def _places(places: object) -> tuple[str, ...]:
    if places is PLACE_NAMES:
        return PLACE_NAMES
    if isinstance(places, str | bytes) or not isinstance(places, Iterable):
        raise InputError("places", places, "a list of place names")
    items = tuple(places)
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"places[{i}]", item, "a place name (a non-empty text)")
    return items


def _place_keys(places: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The folded places, as bracket contents to drop and as prefixes, longest first."""
    found = _PLACE_TABLES.get(places)
    if found is None:
        folded = {_letters(_fold(p)) for p in places} - {""}
        table = (frozenset(folded), tuple(sorted(folded, key=lambda p: (-len(p), p))))
        found = keep(_PLACE_TABLES, places, table, 64)
    return found


_PLACE_TABLES: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}


def company_without_place(name: str, places: Iterable[str] = PLACE_NAMES) -> str:
    """A7: the key of a company name without a leading place name (nor a bracketed one).

    Two names whose keys differ but whose keys without the place are equal are a *possible*
    duplicate (``北京X公司`` and ``上海X公司``): a person decides.

    Args:
        name: the name as written.
        places: the place names [default: :data:`PLACE_NAMES`]; the longest that starts the key
            is removed, if something remains.

    Returns:
        The key without one leading place name and without bracketed place names.

    Raises:
        InputError: naming ``name`` unless it is a text; ``places`` unless a list of non-empty
            texts.

    Example:
        >>> company_without_place("北京市华远科技有限公司")
        '华远科技'
        >>> company_without_place("小米科技（北京）有限公司")
        '小米科技'
    """
    text = _text(name, "name")
    table = _places(places)
    groups, prefixes = _place_keys(table)
    key = _key(text, _DROPPED_GROUPS | groups)
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def compare_names(a: str, b: str, places: Iterable[str] = PLACE_NAMES) -> NameMatch:
    """A7: whether two company names name the same customer.

    Args:
        a: a name as written.
        b: another.
        places: the place names of :func:`company_without_place`.

    Returns:
        :attr:`NameMatch.SAME` when their keys are equal (a blank name matches nothing);
        :attr:`NameMatch.PLACE_ONLY` when only their keys without a place are;
        :attr:`NameMatch.DIFFERENT` otherwise.

    Raises:
        InputError: naming ``a``, ``b`` or ``places`` for a value of the wrong kind.

    Example:
        >>> compare_names("ＡＢＣ 有限公司", "abc co., ltd.")
        <NameMatch.SAME: 'same'>
    """
    key_a = normalise_company_name(_text(a, "a"))
    key_b = normalise_company_name(_text(b, "b"))
    table = _places(places)
    if not key_a or not key_b:
        return NameMatch.DIFFERENT
    if key_a == key_b:
        return NameMatch.SAME
    if company_without_place(a, table) == company_without_place(b, table):
        return NameMatch.PLACE_ONLY
    return NameMatch.DIFFERENT


def _is_mobile(digits: str) -> bool:
    return len(digits) == 11 and digits[0] == "1"


def normalise_phone(phone: str) -> str:
    """A7: the key of a phone number — equal keys are the same number (a duplicate).

    Digits only; the extension (``转``, ``分机``, ``ext``, ``x``, ``#`` and what follows) and the
    country code (``+86``, ``0086``, ``86`` before a mobile number) removed; the trunk ``0`` of
    a landline put back when the international form dropped it.

    Args:
        phone: the number as written.

    Returns:
        The key (``""`` when the text has no digit). Normalising a key gives the key.

    Raises:
        InputError: naming ``phone`` unless it is a text.

    Example:
        >>> normalise_phone("0086 10 6552 9988"), normalise_phone("８６１３８１２３４５６７８")
        ('01065529988', '13812345678')
    """
    text = unicodedata.normalize("NFKC", _text(phone, "phone")).strip()
    first = next((i for i, c in enumerate(text) if c in _DIGITS), len(text))
    text = text[:first] + _EXTENSION.sub("", text[first:])
    plus = text.startswith("+")
    digits = "".join(c for c in text if c in _DIGITS)
    country = False
    while True:
        if plus and digits.startswith("86"):
            digits, plus = digits[2:], False
        elif digits.startswith("0086"):
            digits = digits[4:]
        elif len(digits) == 13 and digits.startswith("861"):
            digits = digits[2:]
        else:
            break
        country = True
    if country and digits and not _is_mobile(digits) and digits[0] != "0":
        digits = "0" + digits
    return digits
