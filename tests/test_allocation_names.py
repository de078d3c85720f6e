"""A7 duplicate detection: company names and phone numbers, normalised.

The seed's only de-duplication rule is A5's "first EC entry wins"; telling that two
registrations are one customer is the library's documented [default] (``names.py``).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules.allocation import (
    PLACE_NAMES,
    NameMatch,
    company_without_place,
    compare_names,
    normalise_company_name,
    normalise_phone,
)
from customer_rules.errors import InputError

# a text that looks like what people type: Chinese, Latin, digits, brackets, punctuation, spaces
_CHARS = st.sampled_from(
    list(
        "北京上海华远科技有限公司集团股份责任中国分总(（)）【】[]「」 　.,，、·-&ＡＢabcXYZ0123４５"
    )
)
_TYPED = st.lists(_CHARS, max_size=24).map("".join)
_ANY = st.one_of(_TYPED, st.text(max_size=24))


# --------------------------------------------------------------------------- company names


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # full-width and half-width forms are one; Latin letters without case
        ("ＡＢＣ科技有限公司", "abc科技"),
        ("abc科技有限公司", "abc科技"),
        # spaces (the ideographic one too) and punctuation are dropped
        ("华远 科技　有限公司", "华远科技"),
        ("华远·科技、有限公司。", "华远科技"),
        # the suffixes the issue lists, and their combinations
        ("华远科技有限公司", "华远科技"),
        ("华远科技有限责任公司", "华远科技"),
        ("华远科技股份有限公司", "华远科技"),
        ("华远集团", "华远"),
        ("华远集团有限公司", "华远"),
        ("华远集团股份有限公司", "华远"),
        ("华远科技公司", "华远科技"),
        # (中国) and a bracketed legal form are dropped, whatever the brackets
        ("阿里巴巴（中国）网络技术有限公司", "阿里巴巴网络技术"),
        ("阿里巴巴【中国】网络技术有限公司", "阿里巴巴网络技术"),
        ("华润(集团)有限公司", "华润"),
        ("Alibaba (China) Co., Ltd.", "alibaba"),
        # other bracketed text is kept, without its brackets
        ("小米科技（北京）有限公司", "小米科技北京"),
        # a Latin suffix only as a word of its own
        ("Costco Wholesale Co., Ltd.", "costcowholesale"),
        ("Costco", "costco"),
        # a leading place is kept here (it only makes a *possible* duplicate)
        ("北京华远科技有限公司", "北京华远科技"),
        # a branch is a company of its own; a name that is only a legal form keeps it
        ("华远科技北京分公司", "华远科技北京分公司"),
        ("有限公司", "有限公司"),
        ("集团公司", "集团公司"),
        # no letters at all: its own text, without spaces; blank: nothing
        ("!!!", "!!!"),
        ("( 中国 )", "(中国)"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_company_name_rules(name: str, key: str) -> None:
    assert normalise_company_name(name) == key


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        # a match after normalisation is a duplicate
        ("北京华远科技有限公司", "北京 华远科技（有限公司）", NameMatch.SAME),
        ("华远科技股份有限公司", "华远科技有限责任公司", NameMatch.SAME),
        ("ＡＢＣ 有限公司", "abc co., ltd.", NameMatch.SAME),
        # a match only once a leading place is removed: a possible duplicate (北京X公司 / 上海X公司)
        ("北京华远科技有限公司", "上海华远科技有限公司", NameMatch.PLACE_ONLY),
        ("北京市华远科技有限公司", "华远科技有限公司", NameMatch.PLACE_ONLY),
        ("广东省明达电子有限公司", "深圳明达电子有限公司", NameMatch.PLACE_ONLY),
        ("小米科技（北京）有限公司", "小米科技（上海）有限公司", NameMatch.PLACE_ONLY),
        # 中国 is not a place: 中国银行 is a name
        ("中国银行", "银行", NameMatch.DIFFERENT),
        ("北京华远科技有限公司", "北京华远贸易有限公司", NameMatch.DIFFERENT),
        # a blank name matches nothing, not even a blank name
        ("", "", NameMatch.DIFFERENT),
        ("华远", "", NameMatch.DIFFERENT),
    ],
)
def test_compare_names(a: str, b: str, match: NameMatch) -> None:
    assert compare_names(a, b) is match
    assert compare_names(b, a) is match


def test_the_place_list_is_data_a_company_extends() -> None:
    assert "北京" in PLACE_NAMES
    assert "中国" not in PLACE_NAMES
    assert compare_names("义乌华远有限公司", "华远有限公司") is NameMatch.DIFFERENT
    assert compare_names("义乌华远有限公司", "华远有限公司", [*PLACE_NAMES, "义乌"]) is (
        NameMatch.PLACE_ONLY
    )
    # the longest place is removed first, and never the whole name
    assert company_without_place("北京市华远") == "华远"
    assert company_without_place("北京") == "北京"


def test_labels_render_in_both_languages() -> None:
    assert NameMatch.PLACE_ONLY.zh.startswith("疑似重复")
    assert "possible duplicate" in NameMatch.PLACE_ONLY.en


@pytest.mark.parametrize("bad", [None, 3, b"x", ["a"]])
def test_a_name_that_is_not_a_text_is_refused(bad: object) -> None:
    with pytest.raises(InputError) as caught:
        normalise_company_name(bad)  # type: ignore[arg-type]
    assert caught.value.field == "name"
    with pytest.raises(InputError) as caught:
        compare_names("a", bad)  # type: ignore[arg-type]
    assert caught.value.field == "b"


def test_a_bad_place_list_is_refused_naming_the_item() -> None:
    with pytest.raises(InputError) as caught:
        company_without_place("北京华远", ["北京", " "])
    assert caught.value.field == "places[1]"
    with pytest.raises(InputError) as caught:
        company_without_place("北京华远", "北京")  # type: ignore[arg-type]
    assert caught.value.field == "places"


@given(_ANY)
def test_normalising_is_idempotent(name: str) -> None:
    key = normalise_company_name(name)
    assert normalise_company_name(key) == key


@given(_ANY)
def test_a_name_always_duplicates_itself(name: str) -> None:
    key = normalise_company_name(name)
    if key:
        assert compare_names(name, name) is NameMatch.SAME
    else:  # only a blank name has no key
        assert not "".join(unicodedata.normalize("NFKC", name).split())


@given(_ANY, _ANY)
def test_comparing_is_symmetric_and_same_means_same_key(a: str, b: str) -> None:
    match = compare_names(a, b)
    assert compare_names(b, a) is match
    same_key = bool(normalise_company_name(a)) and normalise_company_name(
        a
    ) == normalise_company_name(b)
    assert (match is NameMatch.SAME) == same_key


@given(_TYPED.map(lambda t: "华远" + t), st.sampled_from(PLACE_NAMES), st.sampled_from(PLACE_NAMES))
def test_two_places_before_one_name_are_at_least_a_possible_duplicate(
    name: str, here: str, there: str
) -> None:
    assert compare_names(here + name, there + name) in (NameMatch.SAME, NameMatch.PLACE_ONLY)
    assert compare_names(here + name, name) in (NameMatch.SAME, NameMatch.PLACE_ONLY)


# --------------------------------------------------------------------------- phone numbers


@pytest.mark.parametrize(
    ("phone", "key"),
    [
        ("13812345678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("0086 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        # a landline's area code, in every written form
        ("010-65529988", "01065529988"),
        ("(010) 6552-9988", "01065529988"),
        ("（010）65529988", "01065529988"),
        ("+86 10 6552 9988", "01065529988"),
        ("0086-10-65529988", "01065529988"),
        ("+86 (0)10 65529988", "01065529988"),
        # an extension is not part of the number
        ("010-65529988转801", "01065529988"),
        ("010-65529988 分机 801", "01065529988"),
        ("010-65529988 ext. 801", "01065529988"),
        ("010-65529988#801", "01065529988"),
        # without its area code a landline matches only itself
        ("65529988", "65529988"),
        ("", ""),
        ("无", ""),
    ],
)
def test_phone_rules(phone: str, key: str) -> None:
    assert normalise_phone(phone) == key


@given(_ANY)
def test_phone_normalising_is_idempotent(phone: str) -> None:
    key = normalise_phone(phone)
    assert normalise_phone(key) == key
    assert key.isdigit() or key == ""


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", "+86", "0086"]))
def test_a_mobile_number_in_any_form_has_one_key(number: str, prefix: str) -> None:
    spaced = f"{prefix} {number[:3]}-{number[3:7]} {number[7:]}"
    assert normalise_phone(spaced) == number


def test_a_phone_that_is_not_a_text_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        normalise_phone(13812345678)  # type: ignore[arg-type]
    assert caught.value.field == "phone"


# --------------------------------------------------------------------------- mutation kills


def test_a_suffix_split_by_punctuation_is_removed_once_the_punctuation_is() -> None:
    """A7 rules 3 and 4: a key is normalised until stable — dropping the dot of ``有限公.司``
    reveals the suffix ``有限公司``, which is removed too (so the key is idempotent)."""
    assert normalise_company_name("华远有限公.司") == "华远"
    assert compare_names("华远有限公.司", "华远有限公司") is NameMatch.SAME


def test_a_place_of_punctuation_alone_is_no_place() -> None:
    """A7: a place name with no letter or digit removes nothing — a bracket of punctuation is
    kept as text, as in the name's own key, so the suffix behind it stays."""
    assert normalise_company_name("华远有限(-)公司") == "华远有限"
    assert company_without_place("华远有限(-)公司", ["·"]) == "华远有限"


def test_a_companys_own_place_list_applies_to_both_names() -> None:
    """A7: ``compare_names`` removes the company's own places from either name."""
    places = [*PLACE_NAMES, "义乌"]
    assert compare_names("华远有限公司", "义乌华远有限公司", places) is NameMatch.PLACE_ONLY
    assert compare_names("义乌华远有限公司", "华远有限公司", places) is NameMatch.PLACE_ONLY


@pytest.mark.parametrize(
    ("phone", "key"),
    [
        # an extension is looked for only from the first digit on: "Fax" is no "x"
        ("Fax: 010-65529988", "01065529988"),
        ("Tel/Fax 138-1234-5678", "13812345678"),
        # 86 without + or 00 is a country code only before an eleven-digit mobile number
        ("86123456", "86123456"),
        ("8651234567", "8651234567"),
        ("861065529988", "861065529988"),
        # the country code is removed once
        ("+86 8612345678", "08612345678"),
    ],
)
def test_phone_prefixes_and_country_codes(phone: str, key: str) -> None:
    """A7 phone rules: the extension, then the country code (once)."""
    assert normalise_phone(phone) == key


def test_a_name_that_is_not_a_text_is_refused_with_every_fact() -> None:
    """A7: the refusal names the argument, the value given and what was expected."""
    assert problems_of(lambda: normalise_company_name(3)) == [  # type: ignore[arg-type]
        ("name", 3, "a text")
    ]
    assert problems_of(lambda: company_without_place(3)) == [  # type: ignore[arg-type]
        ("name", 3, "a text")
    ]
    assert problems_of(lambda: compare_names(3, "b")) == [  # type: ignore[arg-type]
        ("a", 3, "a text")
    ]
    assert problems_of(lambda: compare_names("a", 3)) == [  # type: ignore[arg-type]
        ("b", 3, "a text")
    ]


def test_a_bad_place_list_is_refused_with_every_fact() -> None:
    """A7: ``places`` must be a list of non-empty texts; the refusal names the item."""
    assert problems_of(lambda: company_without_place("北京华远", "北京")) == [
        ("places", "'北京'", "a list of place names")
    ]
    assert problems_of(lambda: company_without_place("北京华远", ["北京", " "])) == [
        ("places[1]", "' '", "a place name (a non-empty text)")
    ]
    assert problems_of(lambda: compare_names("a", "b", ["北京", 3])) == [  # type: ignore[list-item]
        ("places[1]", 3, "a place name (a non-empty text)")
    ]
