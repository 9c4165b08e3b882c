"""Tests for runtime_lib.values: k_str_to_num, k_is_num, ftoa, k_get_bool."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.errors import BasicError, NonNumericError, UnassignedError
from runtime_lib.state import state
from runtime_lib.values import (
    FM,
    NUMERIC_ARRAY,
    VM,
    Unassigned,
    cat,
    format_float,
    is_assigned,
    is_numeric,
    is_strict_numeric,
    scan_number,
    to_float,
    to_int,
    to_num,
    to_str,
    truth,
    try_num,
    unassigned,
    vartype,
)


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    yield
    vars(state).update(saved)


def same(a, b):
    """True when two numbers are identical, type and sign of zero included."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


# --- k_str_to_num --------------------------------------------------------------

SCAN_ROWS = [
    ("", 0),  # "" is the integer 0
    ("   ", None),  # blanks alone are not numeric (no digit, no point)
    ("12", 12),
    ("  7", 7),  # numeric_strings: "  7" + 1 is 8
    ("7  ", 7),  # trailing blanks ignored
    ("1 2", None),  # an embedded blank is non-numeric
    ("+4", 4),  # numeric_strings: "+4" + 1 is 5
    ("-4", -4),
    ("+ 5", 5),  # a blank after "+" is still leading (no digit, no "-" yet)
    ("- 5", None),  # after "-" a blank counts as trailing
    ("++5", 5),  # "+" is accepted again until a digit or "-" is seen
    ("+-5", -5),
    ("-+5", None),
    ("--5", None),
    ("-", None),  # numeric_strings: NUM("-") is 0
    ("+", None),
    (".", 0.0),  # "." alone is the float 0
    ("-.", -0.0),
    ("5.", 5.0),  # b2_int_overflow: "5." + 0 prints 5
    (".5", 0.5),
    ("-.5", -0.5),
    ("3.50", 3.5),
    ("1.2.3", None),  # one decimal point only
    ("1e5", None),  # no exponent
    ("0x1F", None),  # no hex
    ("\t1", None),  # only blanks are skipped
    ("abc", None),
    ("2147483647", 2147483647),
    ("2147483648", 2147483648.0),  # past 32 bits: float
    ("-2147483647", -2147483647),
    ("-2147483648", -2147483648.0),  # the magnitude overflows, so a float
    ("123456789012345", 123456789012345.0),  # 15 digits: still numeric
    ("999999999999999", 999999999999999.0),
    ("1234567890123456", None),  # 16 digits once past 32 bits: non-numeric
    ("0000000000000000001", 1),  # leading zeros never overflow, no limit
    ("00000000000012345678901", 12345678901.0),  # overflow on the last digit
    ("000000000000123456789012", None),  # one digit past that is checked
    ("12345678901234567.5", None),
    ("000000000000000000.5", 0.5),
    ("0.3", 3 * 0.1),  # decimals are summed digit by digit
    ("1.23", 1.0 + 2 * 0.1 + 3 * 0.1 / 10),
    ("1\xfd2", None),  # marks are non-numeric unless arrays are allowed
]


@pytest.mark.parametrize("text,expected", SCAN_ROWS)
def test_scan_number(text, expected):
    result = scan_number(text)
    if expected is None:
        assert result is None
    else:
        assert same(result, expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1\xfd2", NUMERIC_ARRAY),  # marks make a numeric array
        ("\xfd", NUMERIC_ARRAY),
        ("-\xfe1", NUMERIC_ARRAY),  # elements are only fully checked later
        ("1\xfdabc", None),  # a bad character anywhere is non-numeric
        ("12", 12),
    ],
)
def test_scan_number_arrays(text, expected):
    assert scan_number(text, True) is expected or scan_number(text, True) == expected


def test_to_num_errors_and_options():
    with pytest.raises(NonNumericError):
        to_num("abc")
    with pytest.raises(NonNumericError):
        to_num("1" + VM + "2")
    with pytest.raises(UnassignedError):
        to_num(Unassigned("X"))
    state.opt_non_numeric_warning = True  # OPTION NON.NUMERIC.WARNING: zero
    assert to_num("abc") == 0
    state.opt_unassigned_warning = True  # OPTION UNASSIGNED.WARNING: zero
    assert to_num(Unassigned("X")) == 0
    assert to_str(Unassigned("X")) == ""


@pytest.mark.parametrize(
    "value,expected",
    [
        (True, 1),
        (7, 7),
        (2.5, 2.5),
        ("  42  ", 42),
        ("abc", None),
        ("", 0),
    ],
)
def test_try_num(value, expected):
    assert try_num(value) == expected


def test_to_float():
    assert same(to_float("3"), 3.0)
    assert same(to_float(3), 3.0)
    assert same(to_float(""), 0.0)


# --- k_get_int -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        (7, 7),
        (3.7, 3),  # truncation
        (-3.7, -3),
        (0.9999999999999, 1),  # the 5e-13 INTPREC nudge
        (-0.9999999999999, -1),
        ("0.9999999999999", 0),  # strings are truncated with no nudge
        ("  42  ", 42),
        ("-7.9", -7),
        ("", 0),
        (2147483647.0, 2147483647),
        (math.nan, -2147483648),  # C's (int32_t) of NaN on x86
    ],
)
def test_to_int(value, expected):
    assert to_int(value) == expected


@pytest.mark.parametrize("value", [2147483648.0, -2147483649.0, "3000000000"])
def test_to_int_overflow(value):
    with pytest.raises(BasicError, match="Numeric overflow"):
        to_int(value)


# --- k_is_num / NUM() ------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        ("12", True),  # numeric_strings: NUM("12") is 1
        ("", True),  # NUM("") is 1
        ("1.5", True),
        (" 1", False),  # NUM(" 1") is 0: k_is_num allows no blanks
        (".5", True),
        ("-", False),  # NUM("-") is 0
        ("+.", False),  # no digit
        ("5.", True),
        ("-.5", True),
        ("+5", True),
        ("5-", False),
        ("123456789012345", True),
        ("1234567890123456", False),  # 16 digits before the point
        ("0.1234567890123456789", True),  # decimals are not limited
        ("1\xfd2", False),
        ("abc", False),
        (12, True),
        (1.5, True),
    ],
)
def test_is_numeric(value, expected):
    assert is_numeric(value) is expected


def test_is_strict_numeric_empty():
    # k_is_num takes "" as numeric; compare_values deals with "" before it.
    assert is_strict_numeric("") is True


# --- ftoa / k_num_to_str ---------------------------------------------------------

FORMAT_ROWS = [
    # (value, precision, printed)
    (3.5, 4, "3.5"),  # arith_basics: 7 / 2
    (1 / 3, 4, "0.3333"),
    (2 / 3, 4, "0.6667"),
    (2.5, 4, "2.5"),
    (1024.0, 4, "1024"),  # 2 ^ 10: a float prints with no point
    (0.1 + 0.2, 4, "0.3"),
    (1000000000000.0, 4, "1000000000000"),  # no exponent
    (123456789000.0, 4, "123456789000"),
    (-0.5, 4, "-0.5"),
    (0.000123, 4, "0.0001"),
    (100 / 7, 4, "14.2857"),
    (math.sqrt(2), 4, "1.4142"),
    (1e20, 4, "100000000000000000000"),
    (0.00004, 4, "0"),
    (2147483648.0, 4, "2147483648"),  # b2_int_overflow
    (-2147483649.0, 4, "-2147483649"),
    (-0.0, 4, "-0"),  # exact negative zero keeps printf's sign
    (-0.0, 0, "-0"),
    (0.0, 4, "0"),
    (-0.00001, 4, "0"),  # negative but rounds to zero: no sign
    (-0.00005, 4, "-0.0001"),  # half up on the text
    (0.99999, 4, "1"),  # carry into the integer part
    (9.99995, 4, "10"),
    (-9.99995, 4, "-10"),
    (2 / 3, 2, "0.67"),  # b2_precision at PRECISION 2
    (0.125, 2, "0.13"),  # half up on "0.125000000000000"
    (2.5 / 1000, 2, "0"),
    (-0.125, 2, "-0.13"),
    (2 / 3, 6, "0.666667"),
    (22 / 7, 6, "3.142857"),
    (2 / 3, 0, "1"),  # PRECISION 0
    (1.5, 0, "2"),
    (2.5, 0, "3"),  # half up, not to even
    (-1.5, 0, "-2"),
    (0.4, 0, "0"),
    (100.5, 0, "101"),
    (3.5, 0, "4"),
    (1 / 3, 14, "0.33333333333333"),  # PRECISION 14
    (0.1 + 0.2, 14, "0.3"),  # 15-decimal text is 0.300000000000000
    (100000000.5, 4, "100000000.5"),
    (1234567.891, 4, "1234567.891"),
    (0.0005, 3, "0.001"),
    (math.exp(1), 4, "2.7183"),
    (math.log(10), 4, "2.3026"),
    (math.sqrt(10), 4, "3.1623"),
    (math.inf, 4, "inf"),
    (-math.inf, 4, "-inf"),
    (math.copysign(math.nan, -1), 4, "-nan"),  # b2_div_pwr note: PWR(-8, 1/3)
]


@pytest.mark.parametrize("value,precision,expected", FORMAT_ROWS)
def test_format_float(value, precision, expected):
    assert format_float(value, precision) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (7, "7"),
        (-5, "-5"),
        (1.5, "1.5"),
        ("abc", "abc"),
        (True, "1"),
    ],
)
def test_to_str(value, expected):
    assert to_str(value) == expected


def test_to_str_uses_precision():
    state.precision = 2
    assert to_str(2 / 3) == "0.67"


@pytest.mark.parametrize(
    "values,expected",
    [
        ((7, ""), "7"),  # numeric_strings: 7 : "" is 7
        ((1.5, "X"), "1.5X"),  # 1.50 : "X" (the literal is a number)
        ((7, "X"), "7X"),  # 007 : "X"
        (("10", "5"), "105"),  # A : B
        (("ab", "cd"), "abcd"),
        ((-0.0, ""), "-0"),  # b2_int_overflow: (-0.0 : "")
    ],
)
def test_cat(values, expected):
    assert cat(*values) == expected


# --- k_get_bool ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        ("X", True),  # comparisons: "X" is true
        ("0", False),  # "0" is false
        ("0.0", False),  # "0.0" is false
        ("", False),  # "" is false
        ("00", False),
        ("-0.0", False),
        (".", False),
        ("-", False),
        ("+", False),
        (" 0", True),  # a blank makes it true
        ("0.0.0", True),  # a second point is not a zero number
        ("ABC", True),
        ("0" + FM, True),
        (0, False),
        (1, True),
        (-1, True),
        (0.0, False),
        (-0.0, False),
        (1e-20, True),
    ],
)
def test_truth(value, expected):
    assert truth(value) is expected


def test_truth_of_unassigned():
    with pytest.raises(UnassignedError):
        truth(Unassigned("X"))


# --- VARTYPE, ASSIGNED -------------------------------------------------------------


class FakeFile:
    basic_vartype = 6


@pytest.mark.parametrize(
    "value,expected",
    [
        (Unassigned("X"), 0),
        (1, 2),
        (1.5, 3),
        ("a", 5),
        ("", 5),
        (FakeFile(), 6),
    ],
)
def test_vartype(value, expected):
    assert vartype(value) == expected


def test_assigned_markers():
    a, b = unassigned("A", "B")
    assert a.name == "A" and b.name == "B"
    assert not is_assigned(a)
    assert is_assigned(0)
    with pytest.raises(UnassignedError):
        to_str(a)


# --- properties ------------------------------------------------------------------

INT32 = st.integers(min_value=-(2**31) + 1, max_value=2**31 - 1)


@given(INT32)
def test_int_round_trips_through_text(i):
    assert same(to_num(to_str(i)), i)


@given(
    st.one_of(
        st.text(alphabet="0123456789+-. ", max_size=12),
        st.from_regex(r"-?[0-9]{0,11}\.[0-9]{0,25}", fullmatch=True),
    )
)
def test_fast_paths_agree_with_scanner(text):
    # to_num's shortcuts (digits, plain decimals, the cache) must give the
    # very same value as the character-by-character k_str_to_num port.
    expected = scan_number(text)
    for _ in range(2):  # the second call is served from the cache
        result = try_num(text)
        assert (result is None and expected is None) or same(result, expected)


def k_is_num(s):
    """A direct port of k_is_num's loop, to check the regex against."""
    sign = dp = digit_seen = False
    digits = 0
    for c in s:
        if "0" <= c <= "9":
            digit_seen = True
            if not dp:
                digits += 1
                if digits > 15:
                    return False
        elif c in "+-":
            if digits or sign:
                return False
            sign = True
        elif c == ".":
            if dp:
                return False
            dp = True
            digits += 1
        else:
            return False
    return digit_seen or s == ""


@given(st.text(alphabet="0123456789+-. a", max_size=20))
def test_is_strict_numeric_matches_k_is_num(text):
    assert is_strict_numeric(text) is k_is_num(text)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_format_float_is_close(x):
    text = format_float(x, 14)
    assert abs(float(text) - x) <= 1e-14 + 1e-15 * abs(x) + 0.5e-14


@given(st.floats(min_value=-1e6, max_value=1e6), st.integers(0, 14))
def test_format_float_has_at_most_precision_decimals(x, precision):
    text = format_float(x, precision)
    if "." in text:
        decimals = text.split(".")[1]
        assert 0 < len(decimals) <= precision
        assert not decimals.endswith("0")


@given(st.text(alphabet="0.+- ab\xfd", max_size=8))
def test_truth_matches_number_rule_for_numeric_text(text):
    # A string that k_is_num accepts is true exactly when its number is not 0.
    if text and is_strict_numeric(text):
        assert truth(text) is (to_num(text) != 0)
