"""Number text and layout helpers the conversions share (qmlib.c ftoa;
op_oconv.c apply_mask, insert_commas, insert_text_breaks)."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.conversions.masks import (
    apply_mask,
    insert_commas,
    insert_text_breaks,
    mask_width,
)
from runtime_lib.conversions.numbers import (
    c_div,
    c_mod,
    ftoa,
    get_unsigned_int,
    to_int32,
)
from runtime_lib.errors import NonNumericError
from runtime_lib.values import TM

FTOA_ROWS = [
    # (number, decimals, truncate, text, ScarletDME rule)
    (2.5, 0, False, "3", "half up, never half to even"),
    (3.5, 0, False, "4", "half up"),
    (-2.5, 0, False, "-3", "negative halves go away from zero"),
    (
        2.675,
        2,
        False,
        "2.68",
        "rounding is on the 15-decimal text (2.67499999... prints 2.675000...)",
    ),
    (1.005, 2, False, "1.01", "same for 1.005"),
    (0.125, 2, False, "0.13", "an exact half"),
    (9.996, 2, False, "10.00", "a carry adds a digit"),
    (-9.996, 2, False, "-10.00", "a carry keeps the sign"),
    (-0.001, 2, False, "0.00", "a negative that rounds to zero loses its sign"),
    (-0.0, 2, False, "-0.00", "negative zero prints its sign, as printf does"),
    (1.239, 2, True, "1.23", "truncate instead of rounding"),
    (123.0, 0, False, "123", "no decimals, no point"),
    (1e20, 0, False, "100000000000000000000", "never an exponent"),
]


@pytest.mark.parametrize("number, dp, truncate, text, rule", FTOA_ROWS)
def test_ftoa(number, dp, truncate, text, rule):
    assert ftoa(number, dp, truncate) == text


@given(st.integers(-(10**9), 10**9), st.integers(0, 6))
def test_ftoa_rounds_its_15_decimal_text_half_up(n, dp):
    """The decision is half up on the printed 15-decimal value (so 2185.95,
    stored as 2185.94999999999982, rounds down to 2185.9 as in ScarletDME)."""
    value = n / 10 ** (dp + 1)
    printed = Decimal("%.15f" % abs(value))
    expected = format(printed.quantize(Decimal(1).scaleb(-dp), ROUND_HALF_UP), "f")
    if value < 0 and expected.strip("0.") != "":
        expected = "-" + expected
    assert ftoa(value, dp) == expected


@given(st.integers(-(10**6), 10**6))
def test_ftoa_ties_at_whole_numbers_round_away_from_zero(n):
    """k.5 is exact in binary, so it always rounds away from zero."""
    expected = (abs(n) + 1) // 2 if n % 2 else abs(n) // 2
    text = ftoa(n / 2, 0)
    assert text.lstrip("-") == str(expected)
    assert text.startswith("-") == (n < 0)


MASK_ROWS = [
    # (source, mask, right, fill, result, ScarletDME rule)
    ("ab", "#5", False, " ", "ab   ", "# takes data or the fill"),
    ("ab", "#5", True, " ", "   ab", "right-justified masks pad on the left"),
    ("abcdef", "#3", True, " ", "def", "and keep the rightmost data"),
    ("abcdef", "#3", False, " ", "abc", "left-justified masks keep the leftmost"),
    ("5", "%3", True, " ", "005", "% pads with zeros"),
    ("5", "*3", True, " ", "**5", "* pads with asterisks"),
    ("123456", "###-###", False, " ", "123-456", "other characters are copied"),
    ("12", "\\##", False, " ", "#1", "\\ escapes the next character"),
    ("ab", "##", False, ".", "ab", "the fill is only used when data runs out"),
    ("a", "##", False, ".", "a.", "fill character for #"),
]


@pytest.mark.parametrize("source, mask, right, fill, result, rule", MASK_ROWS)
def test_apply_mask(source, mask, right, fill, result, rule):
    assert apply_mask(source, mask, right, fill) == result


def test_mask_width_counts_data_positions():
    assert mask_width("###-#5\\#") == 8


COMMA_ROWS = [
    ("1234567.89", "1,234,567.89"),
    ("123", "123"),
    ("1234", "1,234"),
    ("-123456", "-123,456"),
    ("$1234", "$1,234"),
]


@pytest.mark.parametrize("text, result", COMMA_ROWS)
def test_insert_commas(text, result):
    assert insert_commas(text, ",", ".") == result


def test_text_breaks():
    assert (
        insert_text_breaks("abcdefg", 3, " ", False) == "abc" + TM + "def" + TM + "g  "
    )
    assert insert_text_breaks("ab cd ef", 5, " ", True) == "ab cd" + TM + "ef   "
    assert insert_text_breaks("", 3, "*", True) == "***"


def test_unsigned_int_reading():
    assert get_unsigned_int(-1) == 0xFFFFFFFF
    assert get_unsigned_int("-2") == 0xFFFFFFFE
    assert get_unsigned_int(3.9) == 3
    with pytest.raises(NonNumericError):
        get_unsigned_int(" 5")


def test_c_arithmetic():
    assert (c_div(-7, 2), c_mod(-7, 2)) == (-3, -1)
    assert to_int32(0xFFFFFFFF) == -1


def _commas_as_c_does(s, thousands, decimal):
    point = s.find(decimal)
    n = point if point >= 0 else len(s)
    if n <= 3:
        return s
    out, pos, group = [], 0, n % 3 or 3
    while n > 3:
        chunk = s[pos : pos + group]
        out.append(chunk + (thousands if chunk[-1].isdigit() else ""))
        pos, group, n = pos + group, 3, n - 3
    return "".join(out) + s[pos:]


@given(st.text(alphabet="0123456789-$<.ab", max_size=14))
def test_insert_commas_matches_the_c_loop(text):
    assert insert_commas(text, ",", ".") == _commas_as_c_does(text, ",", ".")


def test_a_zero_repeat_count_takes_nothing():
    assert apply_mask("ab", "x#0y#", False, " ") == "xya"
