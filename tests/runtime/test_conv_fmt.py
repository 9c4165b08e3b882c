"""FMT(), FMTS() and the format expression (op_oconv.c op_fmt, apply_mask,
insert_text_breaks; GPL.BP _FMTS)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.conversions import fmt, fmts, is_known_code
from runtime_lib.errors import BasicError, UnassignedError
from runtime_lib.state import state
from runtime_lib.values import FM, SM, TM, VM, Unassigned


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


ROWS = [
    # (value, mask, result, ScarletDME rule)
    ("ab", "5L", "ab   ", "width then L: pad on the right"),
    ("ab", "5R", "   ab", "R pads on the left"),
    ("abc", "10C", "   abc    ", "C centres, the odd blank goes right"),
    ("ab", "5U", "ab   ", "U pads like L"),
    ("abc", "10*R", "*******abc", "a character before the letter is the fill"),
    (42, "10'0'R", "0000000042", "a quoted fill character"),
    ("ab", '5"L"L', "abLLL", "quotes let a letter be the fill"),
    ("abcdefgh", "5L", "abcde" + TM + "fgh  ", "longer text folds into lines"),
    ("abcdefgh", "5R", "abcde" + TM + "fgh  ", "R folds the same way"),
    ("abcdefghijk", "4C", "abcd" + TM + "efgh" + TM + "ijk ", "C folds the same way"),
    (
        "the quick brown fox",
        "10T",
        "the quick " + TM + "brown fox ",
        "T folds at blanks",
    ),
    ("ab", "5T", "ab   ", "T pads a short value"),
    ("abc", "0L", "", "width 0 gives empty text"),
    (3.14159, "R2", "3.14", "decimals round the number"),
    (3.14159, "10R2", "      3.14", "decimals and width"),
    (3.14159, "10L2", "3.14      ", "decimals, left-justified"),
    (2.5, "R0", "3", "halves round up"),
    (-2.5, "R0", "-3", "negative halves round away from zero"),
    (0.125, "R2", "0.13", "0.125 gives 0.13"),
    (1234567.891, "R2,", "1,234,567.89", ", adds thousands separators"),
    (1234.5, "R2$,", "$1,234.50", "$ adds the currency sign"),
    (-1234.5, "R2,", "-1,234.50", "no comma after the sign"),
    (-5, "R2C", "5.00cr", "C: cr after negatives"),
    (5, "R2C", "5.00  ", "and two blanks after positives"),
    (-5, "R2D", "5.00  ", "D: two blanks after negatives"),
    (5, "R2D", "5.00db", "and db after positives"),
    (-5, "R2B", "5.00db", "B: db after negatives"),
    (-5, "R2E", "<5.00>", "E: <> around negatives"),
    (5, "R2E", "5.00 ", "and a blank after positives"),
    (-5, "R2M", "5.00-", "M: a trailing minus"),
    (5, "R2M", "5.00 ", "and a blank after positives"),
    (-5, "R2N", "5.00", "N: no sign at all"),
    (-5, "R$M", "$5-", "sign styles work without decimals"),
    (0, "R2Z", "", "Z: zero gives empty text"),
    (0, "8R2Z", "        ", "and the width still pads"),
    (0.5, "R", "0.5", "a float without decimals prints as PRINT shows it"),
    (2 / 3, "R", "0.6667", "at the current precision"),
    (100.0, "R", "100", "with trailing zeros removed"),
    (-0.0, "R", "-0", "negative zero keeps the sign printf gives it"),
    (-0.00001, "R2", "0.00", "a negative that rounds to zero loses its sign"),
    ("0.50", "R", "0.50", "a string without numeric options stays as it is"),
    ("0.50", "R1", "0.5", "numeric options convert a numeric string"),
    ("abc", "R2", "abc", "a non-numeric string stays as it is"),
    ("", "R2", "0.00", "empty is 0 when a number is wanted"),
    (12345, "R24", "12345.00", "a scale digit equal to PRECISION does nothing"),
    (12345, "R26", "123.45", "scale digit 6 at PRECISION 4 divides by 100"),
    (12345, "R22", "1234500.00", "scale digit 2 at PRECISION 4 multiplies by 100"),
    ("abcdefg", "L#5", "abcde", "a left mask drops what does not fit"),
    ("abcdefg", "R#5", "cdefg", "a right mask keeps the rightmost characters"),
    ("12345", "R#3-##", "123-45", "literal characters in a mask"),
    ("ab", "L\\##", "#a", "\\ escapes a mask character"),
    ("abc", "10C#5", "  abc     ", "the mask applies before the width"),
    ("ab", "L%4", "ab00", "% fills with zeros"),
    ("ab", "Lx#3", "xab ", "the mask is whatever follows the options"),
    (20000, "D2/", "10/03/22", "a mask starting with D is a date code"),
    ("", "D2/", "", "a date code of empty data"),
]


@pytest.mark.parametrize("value, mask, result, rule", ROWS)
def test_fmt(value, mask, result, rule):
    assert fmt(value, mask) == result
    assert state.status == 0


def test_fmt_pick_null_keeps_empty_strings():
    state.opt_pick_null = True
    assert fmt("", "R2") == ""


def test_fmt_crdb_upcase(monkeypatch):
    monkeypatch.setattr(state, "opt_crdb_upcase", True, raising=False)
    assert fmt(-5, "R2C") == "5.00CR"


FAILURE_ROWS = [
    # (value, mask, result, status, ScarletDME rule)
    (1234, "MD2", 1234, 2, "M is no justification: the data comes back, status 2"),
    ("abc", "", "abc", 2, "an empty mask is bad"),
    ("abc", "10X", "abc", 2, "a fill character needs a justification after it"),
    ("abc", "5'xL", "abc", 2, "an unclosed quoted fill"),
    ("abc", "DX", "abc", 1, "a date mask reports bad data first"),
    (20000, "D9", 20000, 2, "then a bad date code"),
]


@pytest.mark.parametrize("value, mask, result, status, rule", FAILURE_ROWS)
def test_fmt_failures(value, mask, result, status, rule):
    assert fmt(value, mask) == result
    assert state.status == status


def test_fmt_of_unassigned_is_an_error():
    with pytest.raises(UnassignedError):
        fmt(Unassigned("X"), "5L")


def test_fmt_of_an_object_is_an_invalid_data_type():
    with pytest.raises(BasicError, match="Invalid data type"):
        fmt(object(), "5L")


def test_fmts_formats_each_element_and_keeps_every_mark():
    value = "1" + VM + "22" + FM + "333" + SM + ""
    assert fmts(value, "3R") == "  1" + VM + " 22" + FM + "333" + SM + "   "


@pytest.mark.parametrize(
    "mask, known",
    [("5L", True), ("R2,$#10", True), ("'x'10R", False), ("D2/", True), ("MD2", False)],
)
def test_is_known_fmt_mask(mask, known):
    assert is_known_code(mask, "fmt") is known


@given(st.text(st.characters(min_codepoint=32, max_codepoint=126)), st.integers(1, 30))
def test_padded_text_has_the_width_of_whole_lines(text, width):
    """Every folded line is exactly the field width."""
    for justify in "LRCT":
        result = fmt(text, "%d%s" % (width, justify))
        assert all(len(line) == width for line in result.split(TM))
