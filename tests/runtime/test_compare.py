"""Tests for runtime_lib.compare: op_logic.c compare_values, MAX and MIN."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.arith import add, div, mul, sub
from runtime_lib.compare import compare, eq, ge, gt, le, lt, max_, min_, ne
from runtime_lib.errors import UnassignedError
from runtime_lib.state import state
from runtime_lib.values import FM, VM, Unassigned, to_num, to_str


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    yield
    vars(state).update(saved)


def lit(text):
    return to_num(text)


# Each row: (a, b, compare(a, b)) with the rule it pins down.
COMPARE_ROWS = [
    # comparisons.out
    ("01", "1", 0),  # both strictly numeric: compared as numbers
    ("1.0", "1", 0),
    ("10", "9", 1),  # numbers, so "10" < "9" is false
    ("10A", "9A", -1),  # not numeric: byte comparison
    ("ABC", "ABD", -1),
    ("abc", "ABC", 1),  # case matters ("case eq no")
    ("", 0, -1),  # "" is less than any number, never equal ("empty=0 no")
    (" 1", "1", -1),  # " 1" is not strictly numeric: bytes, " " < "1"
    ("AB", "ABC", -1),  # a prefix is less
    (3, 3, 0),
    (3, 4, -1),
    (2, 1, 1),
    # LANGUAGE.md 4.1 and the brief
    (1, " 1", 0),  # number against string: lenient conversion
    (" 1", 1, 0),
    (0, "", 1),
    ("", "", 0),
    ("", "a", -1),
    ("a", "", 1),
    (1, "abc", -1),  # non-numeric: the number is compared as text "1"
    ("b", 1, 1),
    (10, "9A", -1),  # "10" < "9A" as text
    (1.23456, "1.2346", -1),  # "1.2346" converts: compared as numbers
    (1.23456, "1.2346x", -1),  # as text: "1.2346" < "1.2346x"
    ("1" + VM + "2", 1, 1),  # marks: not numeric, compared as text
    ("\xfe", "\x7f", 1),  # unsigned bytes: marks sort high
    ("a\xfdb", "a\xfeb", -1),
    ("1234567890123456", "999", -1),  # 16 digits: not k_is_num, so text
    ("0", "-0", 0),
    ("-1", "1", -1),
    ("+1", "1", 0),
    ("1e5", "100000", 1),  # "1e5" is text
    # FLTDIFF tolerance (b2_precision.out)
    (mul(lit("0.1"), 3), lit("0.3"), 0),
    (add(lit("0.1"), lit("0.2")), lit("0.3"), 0),
    (div(1, 3), lit("0.3333"), 1),
    (lit("1.00001"), 1, 1),
    (sub(1, lit("0.9")), lit("0.1"), 0),
    (mul(div(1, 3), 3), 1, 0),
    (div(1, 3), lit("0.33333333334"), 0),  # within 2.91e-11: not less
    (1, 1 + 2.9e-11, 0),
    (1, 1 + 3e-11, -1),
    (-0.0, 0, 0),  # b2_int_overflow: (-0.0 = 0) is 1
    (math.nan, 1, -1),  # NaN is neither equal nor greater
    (1, math.nan, -1),
    (True, 1, 0),
]


@pytest.mark.parametrize("a,b,expected", COMPARE_ROWS)
def test_compare(a, b, expected):
    assert compare(a, b) == expected


@pytest.mark.parametrize(
    "func,a,b,expected",
    [
        # comparisons.out: PRINT (3 = 3) : (3 = 4) : (3 # 4) : ... is 101010
        (eq, 3, 3, 1),
        (eq, 3, 4, 0),
        (ne, 3, 4, 1),
        (ne, 3, 3, 0),
        (ge, 3, 3, 1),
        (le, 2, 1, 0),
        # PRINT 3 EQ 3, 3 NE 3, 3 LT 4, 3 GT 4, 3 LE 3, 3 GE 4
        (lt, 3, 4, 1),
        (gt, 3, 4, 0),
        (le, 3, 3, 1),
        (ge, 3, 4, 0),
        (gt, 2, 1, 1),
        (gt, 3, 2, 1),
        (lt, 1, 2, 1),
        # b2_precision.out
        (eq, mul(lit("0.1"), 3), lit("0.3"), 1),
        (eq, add(lit("0.1"), lit("0.2")), lit("0.3"), 1),
        (eq, div(1, 3), lit("0.3333"), 0),
        (eq, lit("1.00001"), 1, 0),
        (eq, sub(1, lit("0.9")), lit("0.1"), 1),
        (eq, mul(div(1, 3), 3), 1, 1),
        (lt, div(1, 3), lit("0.33333333334"), 0),
        # comparisons.out string rows through the operators
        (eq, "01", "1", 1),
        (lt, "10", "9", 0),
        (lt, "10A", "9A", 1),
        (eq, "", 0, 0),
        (eq, " 1", "1", 0),
        (ne, "abc", "ABC", 1),
        (lt, "", 0, 1),
        (le, "", 0, 1),
        (gt, 0, "", 1),
        (ge, "", "", 1),
        (lt, 1.5, 2, 1),
        (gt, 1.5, 2, 0),
        (eq, 1.0, 1, 1),
        (ne, "1.0", 1, 0),
    ],
)
def test_operators(func, a, b, expected):
    result = func(a, b)
    assert type(result) is int and result == expected


@pytest.mark.parametrize(
    "func,a,b,printed",
    [
        # b2_minmax_count.out: MAX("abc", "abd"), MIN(3, "10"), MIN("", 0),
        # MAX("b", 1), MIN("b", 1)
        (max_, "abc", "abd", "abd"),
        (min_, 3, "10", "3"),
        (min_, "", 0, ""),
        (max_, "b", 1, "b"),
        (min_, "b", 1, "1"),
        (max_, 3, "10", "10"),
        (max_, 2, 1, "2"),
        (min_, 2.5, 1, "1"),
        (max_, "", 0, "0"),
    ],
)
def test_max_min(func, a, b, printed):
    assert to_str(func(a, b)) == printed


@pytest.mark.parametrize(
    "func,a,b,expected",
    [
        # The operands come back as the comparison converted them.
        (max_, "1.50", 1, 1.5),
        (max_, "007", "5", 7),
        (min_, " 7", 9, 7),
        (max_, "abc", 1.23456, "abc"),
        (min_, "abc", 1.23456, "1.2346"),  # formatted at PRECISION 4
        (max_, 1, 1 + 1e-12, 1),  # equal within FLTDIFF: MAX gives a
        (min_, 1, 1 + 1e-12, 1 + 1e-12),  # and MIN gives b
        (max_, "x", "y", "y"),
    ],
)
def test_max_min_return_converted_operands(func, a, b, expected):
    result = func(a, b)
    assert type(result) is type(expected) and result == expected


def test_unassigned_operand():
    with pytest.raises(UnassignedError):
        compare(Unassigned("X"), 1)
    with pytest.raises(UnassignedError):
        eq("a", Unassigned("X"))


# --- properties ------------------------------------------------------------

VALUES = st.one_of(
    st.integers(-(2**31), 2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(alphabet="0123456789.-+ abAB" + VM + FM, max_size=6),
)


@given(VALUES, VALUES)
def test_compare_is_antisymmetric(a, b):
    assert compare(a, b) == -compare(b, a)


@given(VALUES)
def test_compare_is_reflexive(a):
    assert compare(a, a) == 0


@given(st.integers(-(2**31), 2**31 - 1), st.integers(-(2**31), 2**31 - 1))
def test_int_compare_matches_python(a, b):
    assert compare(a, b) == (a > b) - (a < b)
    assert compare(str(a), str(b)) == (a > b) - (a < b)


@given(VALUES, VALUES)
def test_operators_agree_with_compare(a, b):
    c = compare(a, b)
    assert eq(a, b) == (c == 0) and ne(a, b) == (c != 0)
    assert lt(a, b) == (c < 0) and le(a, b) == (c <= 0)
    assert gt(a, b) == (c > 0) and ge(a, b) == (c >= 0)


@given(VALUES, VALUES)
def test_max_min_pick_an_operand(a, b):
    assert compare(max_(a, b), min_(a, b)) >= 0 or compare(a, b) == 0
