"""Tests for runtime_lib.multivalue: SUM, MAXIMUM, IFS and the "...S" family.

Arrays use the conformance notation ``^`` FM, ``]`` VM, ``\\`` SM. Rows
naming a conformance file are outputs recorded from ScarletDME; the rest
pin rules read from op_mvfun.c, op_str5.c and the BASIC subroutines _SUM,
_SUMALL, _MAXIMUM, _MINIMUM and _SUBST.
"""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.arith import reuse
from runtime_lib.errors import NonNumericError
from runtime_lib.multivalue import (
    abss,
    ands,
    cats,
    counts,
    eqs,
    fields,
    folds,
    ges,
    gts,
    ifs,
    indexs,
    lens,
    les,
    lts,
    maximum,
    minimum,
    mods,
    negs,
    nes,
    nots,
    nums,
    ors,
    soundexs,
    spaces,
    splice,
    strs,
    substitute,
    sum_,
    summation,
    trimbs,
    trimfs,
    trims,
    vslice,
)
from runtime_lib.state import state
from runtime_lib.values import FM, IM, MARKS, SM, TM, VM


def m(text: str) -> str:
    """Return text with ^ ] \\ turned into FM, VM and SM."""
    return text.translate(str.maketrans({"^": FM, "]": VM, "\\": SM}))


arrays = st.text(alphabet="ab1" + MARKS, max_size=10)
_MARK_RUN = re.compile("[\xfb-\xff]")


# --- one array --------------------------------------------------------------


@pytest.mark.parametrize(
    "func, s, expected",
    [
        (abss, m("-1]2"), m("1]2")),  # misc_intrinsics
        (spaces, m("1]3"), m(" ]   ")),  # b2_mv_functions
        (trims, m(" a ]b  c "), m("a]b c")),  # b2_mv_functions
        (lens, m("abc]^de"), m("3]0^2")),  # b2_mv_functions
        (nums, m("1]x]]2.5"), m("1]0]1]1")),  # b2_mv_functions
        (nots, m("1]0]"), m("0]1]1")),  # b2_mv_functions
        (negs, m("1]-2]0"), m("-1]2]0")),  # b2_mv_functions
        # op_mvd: every mark splits, and "" still gets one cycle.
        (lens, "", "0"),
        (nots, "", "1"),
        (abss, "", "0"),
        (lens, "ab" + TM + "c" + IM, "2" + TM + "1" + IM + "0"),
        (trimfs, m("  a ] b"), m("a ]b")),
        (trimbs, m("  a ] b"), m("  a] b")),
        (soundexs, m("Robert]Tymczak"), m("R163]T522")),  # b2_string_fns values
        (abss, -3, "3"),  # a number is a one-element array
    ],
)
def test_one_array(func, s, expected):
    assert func(s) == expected


def test_abss_rejects_non_numeric_elements():
    with pytest.raises(NonNumericError):
        abss(m("1]x"))


@given(arrays)
def test_lens_measures_each_element(s):
    parts = _MARK_RUN.split(lens(s))
    assert [int(p) for p in parts] == [len(e) for e in _MARK_RUN.split(s)]
    assert _MARK_RUN.findall(lens(s)) == _MARK_RUN.findall(s)


# --- one array and scalars --------------------------------------------------


@pytest.mark.parametrize(
    "func, args, expected",
    [
        (strs, (m("ab]c"), 2), m("abab]cc")),  # b2_mv_functions
        (strs, ("a" + VM, 2), m("aa]")),  # misc_intrinsics: STR("a":@VM, 2)
        (counts, (m("banana]ana"), "a"), m("3]2")),  # b2_mv_functions
        (indexs, (m("abcabc]xb"), "b", 2), m("5]0")),  # b2_mv_functions
        (fields, (m("a.b]c.d]e"), ".", 2), m("b]d]")),  # b2_field_trim
        (fields, (m("a.b.c]d.e"), ".", 1, 2), m("a.b]d.e")),
        (trims, (m("xax]xxb"), "x", "L"), m("ax]b")),  # TRIMS(s, c, mode)
        (trims, (m("xax]xxb"), "x"), m("a]b")),  # mode "" means R
        (counts, ("", "a"), "0"),
    ],
)
def test_array_and_scalars(func, args, expected):
    assert func(*args) == expected


def test_strs_count_must_be_a_scalar():
    # README: STRS(dyn, n) with an array for n is a non-numeric error.
    with pytest.raises(NonNumericError):
        strs(m("a]b"), m("1]2"))


def test_fields_leaves_col1_and_col2_of_the_last_element():
    fields(m("a.b]cc.dd"), ".", 2)
    assert (state.col1, state.col2) == (3, 6)


# --- two arrays -------------------------------------------------------------


@pytest.mark.parametrize(
    "func, a, b, expected",
    [
        (ands, m("1]1]0"), m("1]0]0"), m("1]0]0")),  # b2_mv_functions
        (ors, m("1]0]0"), m("0]0]1"), m("1]0]1")),  # b2_mv_functions
        (mods, m("7]-7"), m("3]3"), m("1]2")),  # b2_mv_functions
        (ges, m("1]5"), m("3]3"), m("0]1")),  # b2_mv_functions
        (cats, m("1]2"), m("10]20]30"), m("110]220]30")),  # raise_lower_misc
        (eqs, m("1]2"), m("10]20]30"), m("0]0]0")),  # raise_lower_misc
        # op_mvdd: pairing by mark level, "" for a missing element.
        (cats, m("a^b"), m("1]2^3"), m("a1]2^b3")),
        (cats, m("a]b^c"), m("1^2"), m("a1]b^c2")),
        (eqs, "", "", "1"),  # one cycle for null data
        (eqs, m("01]a"), m("1]A"), m("1]0")),  # numeric strings compare as numbers
        (nes, m("1]2"), m("1]3"), m("0]1")),
        (lts, m("1]5"), m("3]3"), m("1]0")),
        (les, m("3]5"), m("3]3"), m("1]0")),
        (gts, m("1]5"), m("3]3"), m("0]1")),
        (mods, m("7]8"), "", m("7]8")),  # MOD(x, "") is MOD(x, 0): x
        # REUSE() repeats the last element instead of "".
        (cats, m("a]b]c"), reuse("x"), m("ax]bx]cx")),
        (eqs, m("1]2]1"), reuse(1), m("1]0]1")),
        (cats, reuse(m("x]y")), m("1]2]3"), m("x1]y2]y3")),
    ],
)
def test_two_arrays(func, a, b, expected):
    assert func(a, b) == expected


@given(arrays)
def test_cats_with_empty_array_is_identity(s):
    assert cats(s, "") == s
    assert cats("", s) == s


@given(arrays)
def test_eqs_of_an_array_with_itself_is_all_true(s):
    result = eqs(s, s)
    assert set(_MARK_RUN.split(result)) == {"1"}
    assert _MARK_RUN.findall(result) == _MARK_RUN.findall(s)


@pytest.mark.parametrize(
    "a, s, b, expected",
    [
        (m("a]b]c"), "-", m("1]2"), m("a-1]b-2]c-")),  # b2_mv_functions
        (m("a^b"), "", m("x^y^z"), m("ax^by^z")),  # b2_mv_functions
        (m("1]2"), "-", m("10]20]30"), m("1-10]2-20]-30")),  # raise_lower_misc
        ("", "-", "", ""),  # no cycle for null data
        ("a", "-", "", "a-"),
    ],
)
def test_splice(a, s, b, expected):
    assert splice(a, s, b) == expected


@pytest.mark.parametrize(
    "cond, a, b, expected",
    [
        (m("1]0]x]"), m("T]T]T]T"), m("F]F]F]F"), m("T]F]T]F")),  # b2_mv_functions
        (m("1]0"), "a", "b", m("a]")),  # b2_mv_functions
        ("", "", "", ""),  # no cycle for null data
        (m("1]0]1"), reuse("y"), "n", m("y]]y")),
        # a and b are cut only at marks as high as cond's last one.
        (m("1]0"), m("a\\b]c"), "x", m("a\\b]")),
        ("1", m("a]b"), "x", m("a]b")),
    ],
)
def test_ifs(cond, a, b, expected):
    assert ifs(cond, a, b) == expected


# --- whole-array functions --------------------------------------------------


@pytest.mark.parametrize(
    "s, expected",
    [
        (m("1]2]3"), "6"),  # raise_lower_misc
        (m("1^2]3"), m("1^5")),  # raise_lower_misc
        (m("1]2.5]"), "3.5"),  # b2_minmax_count
        (m("1]2\\3^4"), m("1]5^4")),  # b2_minmax_count
        (m("1]x]2"), "3"),  # non-numeric elements are skipped
        ("", "0"),
        (m("1^2^3"), "6"),  # only FM: everything sums
        ("1" + TM + "2", "1" + TM + "2"),  # TM is above the lowest mark here
    ],
)
def test_sum(s, expected):
    assert sum_(s) == expected


@pytest.mark.parametrize(
    "s, expected",
    [
        (m("1^2]3"), 6),  # b2_minmax_count
        (m("a^1.5"), 1.5),
        ("", 0),
    ],
)
def test_summation(s, expected):
    assert summation(s) == expected


@pytest.mark.parametrize(
    "s, largest, smallest",
    [
        (m("1]2]3"), "3", "1"),  # raise_lower_misc
        (m("3]apple]10"), "10", "3"),  # b2_minmax_count
        (m("b^a]c"), "", ""),  # b2_minmax_count: all non-numeric
        ("", "", ""),  # b2_minmax_count
        (m("5]]-2"), "5", "-2"),  # b2_minmax_count: "" is skipped
        (m("1.5]1.25"), "1.5", "1.25"),  # b2_minmax_count: returned as written
        (m("-1\\-10"), "-1", "-10"),  # b2_minmax_count
        (m("07]7"), "07", "07"),  # equal numbers: the first stays
    ],
)
def test_maximum_and_minimum(s, largest, smallest):
    assert maximum(s) == largest
    assert minimum(s) == smallest


@pytest.mark.parametrize(
    "s, v, expected",
    [
        (m("a1]a2]a3^b1^c1]c2"), 2, m("a2^^c2")),  # b2_mv_functions
        (m("a1]a2]a3^b1^c1]c2"), 1, m("a1^b1^c1")),  # b2_mv_functions
        (m("a]b^c"), 2, "b"),  # trailing empty results vanish
        (m("a]b"), 0, m("a]b")),  # v below 1: unchanged
        ("", 1, ""),
        (m("a^\\x]y"), 1, m("a\\^x")),  # a leading SM comes before the FM
    ],
)
def test_vslice(s, v, expected):
    assert vslice(s, v) == expected


@pytest.mark.parametrize(
    "args, expected",
    [
        ((m("a]b]c"), m("b]c"), m("B]C")), m("a]B]C")),  # b2_mv_functions
        ((m("a^b]c\\a"), "a,c", "1,3", ","), m("1^b]3\\1")),  # b2_mv_functions
        (("", "a,,b", "1,2,3", ","), "2"),  # "" is looked up too
        (("", "a", "1", ","), ""),
        (("x" + TM + "y", m("x]y"), m("1]2")), "1" + TM + "2"),
    ],
)
def test_substitute(args, expected):
    assert substitute(*args) == expected


@pytest.mark.parametrize(
    "args, expected",
    [
        # Each element folded on its own (MVDS FOLD); FOLD's pieces are
        # joined by a field mark when there is no third argument.
        ((m("abc def]ghi"), 3), m("abc^def]ghi")),
        ((m("abc def]ghi jkl"), 3), m("abc^def]ghi^jkl")),
        # The third argument's first character joins the pieces (MVDSS FOLD3).
        ((m("abc def]ghi jkl"), 3, "|"), m("abc|def]ghi|jkl")),
        # "" as the third argument: a value mark.
        ((m("ab cd\\x"), 2, ""), m("ab]cd\\x")),
        # Elements that fit, and "", are unchanged; marks of every level kept.
        ((m("a^^b c"), 5), m("a^^b c")),
        (("", 3), ""),
        # No space to break at: exactly width characters per piece.
        ((m("abcdef]gh"), 4), m("abcd^ef]gh")),
        # A multivalued width: successive lines of each element, last reused.
        (("aa bb cc dd", m("2]5")), m("aa^bb cc^dd")),
    ],
)
def test_folds(args, expected):
    assert folds(*args) == expected
