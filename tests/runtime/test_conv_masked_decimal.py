"""MD, ML and MR conversion codes (op_oconv.c and op_iconv.c
masked_decimal_conversion)."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from runtime_lib.conversions import iconv, is_known_code, oconv
from runtime_lib.state import state


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


OCONV_ROWS = [
    # (value, code, result, ScarletDME rule)
    (12345, "MD2", "123.45", "d decimals, scaled by 10**d"),
    (12345, "MD0", "12345", "no decimals, no scaling"),
    (12345, "MD", "12345", "no digits is MD0"),
    (5, "MD2", "0.05", "leading zeros are added before the point"),
    (-5, "MD2", "-0.05", "a leading minus by default"),
    (12345, "MD23", "12.35", "f: scale by 10**f, show d decimals"),
    (12345, "MD20", "12345.00", "scale factor 0"),
    (125, "MD11", "12.5", "one decimal, scaled by 10"),
    (25, "MD01", "3", "halves round up, not to even (2.5 gives 3)"),
    (-25, "MD01", "-3", "negative halves round away from zero"),
    (15, "MD01", "2", "1.5 gives 2"),
    (1005, "MD23", "1.01", "rounding is on the 15-decimal text: 1.005 gives 1.01"),
    (12345.678, "MD2", "123.46", "a float is scaled and rounded"),
    (1234.5, "MD0", "1235", "float with no scaling rounds half up"),
    (12349, "MD23T", "12.34", "T truncates instead of rounding"),
    ("12345", "MD2", "123.45", "a numeric string"),
    ("-0.001", "MD20", "-0.00", "the sign is taken before rounding"),
    (1234567, "MD2,", "12,345.67", ", adds thousands separators"),
    (-1234567, "MD2,", "-12,345.67", "the minus goes before the digits"),
    (12345, "MD2$", "$123.45", "$ adds the currency prefix"),
    (-12345, "MD2,$", "-$123.45", "the minus goes before the prefix"),
    (-12345, "MD2-", "123.45-", "- puts a minus after negatives"),
    (12345, "MD2-", "123.45 ", "and a blank after positives"),
    (-12345, "MD2+", "123.45-", "+ puts the sign after the number"),
    (12345, "MD2+", "123.45+", "a plus after positives"),
    (-12345, "MD2<", "<123.45>", "< encloses negatives in <>"),
    (12345, "MD2<", " 123.45 ", "and pads positives with blanks"),
    (-12345, "MD2(", "(123.45)", "( encloses negatives in ()"),
    (-12345, "MD2C", "123.45cr", "C appends cr to negatives"),
    (12345, "MD2C", "123.45  ", "and two blanks to positives"),
    (-12345, "MD2D", "123.45db", "D appends db to negatives"),
    (0, "MD2Z", "", "Z: zero gives empty text"),
    (0.0, "MD2Z", "", "Z with a float zero"),
    (1234, "MR2Z", "12.34", "Z leaves other values alone"),
    (12345, "MR2210", "    123.45", "d, f, then a width: MR pads on the left"),
    (12345, "ML2210", "123.45    ", "ML pads on the right"),
    (12345, "MD2210", "123.45", "MD never pads"),
    (12345, "MR210", "1234.50", "MR210 is 2 decimals, scale 1, width 0"),
    (12345, "MR2210*", "****123.45", "a character after the width is the pad"),
    (1234567, "MR2,5", "12,34", "an over-long result keeps its left part"),
    (12345, "MR2#10", "    123.45", "a # mask right-justifies MR"),
    (12345, "ML2#10", "123.45    ", "and left-justifies ML"),
    (12345, "MR2*10", "****123.45", "* fills with asterisks"),
    (12345, "MR2%10", "0000123.45", "% fills with zeros"),
    (12345, 'MD2[,".",","]', "123,45", "[prefix,thousands,decimal,suffix]"),
    (12345, "MD2[,.,,]", "123.45", "an unquoted comma cannot be the decimal"),
    (1234567, 'MD2[,".",","]', "12.345,67", "a point between thousands"),
    (12345, "MD2['EUR ',,,' net']", "EUR 123.45 net", "quoted prefix and suffix"),
    (-12345, "MD2[£]", "-£123.45", "a bare prefix"),
    (12345.5, "MD2P", "12345.50", "P: a value with a point is not scaled"),
    (12345, "MD2P", "123.45", "P: a whole number is still scaled"),
    ("12.5", "MD2P", "12.50", "P with a decimal string"),
    ("12.0", "MD2P", "0.12", "P looks at the value: 12.0 is whole, so scaled"),
    ("", "MR2", "0.00", "MR/ML read empty data as 0"),
    ("", "MD2", "", "MD gives empty text for empty data"),
]


@pytest.mark.parametrize("value, code, result, rule", OCONV_ROWS)
def test_oconv_masked_decimal(value, code, result, rule):
    assert oconv(value, code) == result
    assert state.status == 0


def test_pick_null_option_keeps_empty_data_empty():
    """OPTION PICK.NULL: MR and ML return "" for "" as MD does."""
    state.opt_pick_null = True
    assert oconv("", "MR2") == ""


def test_crdb_upcase_option(monkeypatch):
    monkeypatch.setattr(state, "opt_crdb_upcase", True, raising=False)
    assert oconv(-5, "MD0C") == "5CR"


FAILURE_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("x", "MD2", "x", 1, "non-numeric data comes back with status 1"),
    (" ", "MD2", " ", 1, "a blank string is not numeric"),
    ("1" + "\xfd" + "2", "MD2", "1\xfd2", 1, "a multivalued string is not numeric"),
    ("007", "MD2[", 7, 2, "an unclosed [ is a bad code; the data is the number read"),
]


@pytest.mark.parametrize("value, code, result, status, rule", FAILURE_ROWS)
def test_oconv_masked_decimal_failures(value, code, result, status, rule):
    got = oconv(value, code)
    assert got == result and type(got) is type(result)
    assert state.status == status


ICONV_ROWS = [
    # (text, code, result, status, ScarletDME rule)
    ("123.45", "MD2", "12345", 0, "digits scaled by 10**f"),
    ("12.3", "MD2", "1230", 0, "missing decimals are zeros"),
    ("12", "MD2", "1200", 0, "a whole number is scaled"),
    ("12.345", "MD2", "1235", 0, "an extra decimal rounds half up"),
    ("12.344", "MD2", "1234", 0, "below a half it is dropped"),
    ("-12.345", "MD2", "-1235", 0, "negatives round away from zero"),
    ("12.5", "MD0", "13", 0, "MD0 rounds to a whole number"),
    ("1,234.50", "MD2,", "123450", 0, "thousands separators are removed"),
    ("1,2,3", "MD0", "123", 0, "wherever they are"),
    ("$1,234.50", "MD2", "123450", 0, "the currency prefix is removed"),
    ("1 234", "MD0", "1234", 0, "blanks are removed"),
    ("123.45-", "MD2", "-12345", 0, "a trailing minus"),
    ("123.45+", "MD2", "12345", 0, "a trailing plus"),
    ("(123.45)", "MD2", "-12345", 0, "round brackets"),
    ("<123.45>", "MD2", "-12345", 0, "angle brackets"),
    ("123.45CR", "MD2", "-12345", 0, "CR"),
    ("123.45db", "MD2", "-12345", 0, "db, either case"),
    (".5", "MD2", "50", 0, "a leading point"),
    ("12abc", "MD2", "1200", 0, "text after the number is ignored"),
    ("0123", "MD0", "123", 0, "leading zeros go"),
    ("-0", "MD0", "-0", 0, "a negative zero keeps its sign"),
    ("-", "MD2", "", 0, "a sign alone is empty, status 0"),
    ("", "MD2", "", 0, "empty converts to empty"),
    ("1.234,5", 'MD2[,".",","]', "123450", 0, "custom decimal and thousands"),
    ("EUR 12.00", "MD2['EUR ']", "1200", 0, "a custom prefix is removed"),
    ("***12.50", "MR2*8", "1250", 0, "the pad character is removed"),
    ("abc", "MD2", "", 1, "no digits is bad data"),
    ("(123", "MD2", "", 1, "an unclosed bracket is bad data"),
]


@pytest.mark.parametrize("text, code, result, status, rule", ICONV_ROWS)
def test_iconv_masked_decimal(text, code, result, status, rule):
    assert iconv(text, code) == result
    assert state.status == status


def test_iconv_of_a_number_reads_its_text():
    assert iconv(12, "MD2") == "1200"
    assert iconv(1.5, "MD2") == "150"


@pytest.mark.parametrize(
    "code, known",
    [
        ("MD2", True),
        ("MR2,$-Z10*", True),
        ('MD2[,".",","]', True),
        ("MD2[", False),
        ("MD2X", False),
        ("MD2Z-", False),
    ],
)
def test_is_known_masked_decimal_code(code, known):
    assert is_known_code(code) is known


# --- properties ------------------------------------------------------------------

AMOUNTS = st.integers(-(2**31), 2**31 - 1)
EXACT_CODES = ["MD2", "MD0", "MD2,", "MD2$", "MD2,$-", "MD2<", "MD2(", "MD2C", "MD2D"]
EXACT_CODES += ["MD2+", "MR2#16", "ML2#16", "MR2*16", "MD4,", "MR2,$C20"]


@pytest.mark.parametrize("code", EXACT_CODES)
@given(amount=AMOUNTS)
def test_iconv_reverses_oconv(code, amount):
    """Scaled integers come back exactly."""
    assert iconv(oconv(amount, code), code) == str(amount)


def _round_half_away(n, places):
    q, r = divmod(abs(n), 10**places)
    q += 2 * r >= 10**places
    return q if n >= 0 else -q


@given(AMOUNTS, st.integers(1, 5))
def test_oconv_rounds_half_away_from_zero(amount, places):
    """MD0f shows amount / 10**f rounded half away from zero; a negative
    amount keeps its minus even when it rounds to 0."""
    expected = str(_round_half_away(abs(amount), places))
    if amount < 0:
        expected = "-" + expected
    assert oconv(amount, "MD0%d" % places) == expected


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_decimal_text_parses_back_to_the_scaled_value(amount):
    """ICONV MD2 of a decimal string is the value times 100, exactly."""
    assume(amount != 0)
    assert iconv(str(amount), "MD2") == str(int(amount * 100))
