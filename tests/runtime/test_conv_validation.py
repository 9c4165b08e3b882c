"""P and R conversion codes (op_oconv.c pattern_match_conversion,
range_conversion) and the template matcher they use (op_str4.c
match_template)."""

import pytest

from runtime_lib.conversions import iconv, is_known_code, oconv
from runtime_lib.conversions.pattern import matches_template
from runtime_lib.state import state


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


P_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("123", "P(3N)", "123", 0, "data matching the template is kept"),
    ("12345", "P(3N)", "", 0, "other data becomes empty, status 0"),
    ("AB12", "P(2A2N);(4N)", "AB12", 0, "; separates alternative templates"),
    ("1234", "P(2A2N)/(4N)", "1234", 0, "/ separates them too"),
    ("12-34", "P(2N'-'2N)", "12-34", 0, "quoted literals"),
    ("", "P(0N)", "", 0, "empty data matches 0N"),
    (123, "P(3N)", "123", 0, "numbers are matched as text"),
    ("123", "P3N", "123", 2, "the template must be in brackets"),
    ("123", "P(3N", "123", 2, "an unclosed bracket is a bad code"),
    ("123", "P(3N)x(2N)", "123", 0, "ScarletDME stops reading once a template matches"),
    ("12", "P(3N)x(2N)", "", 0, "and stops at a character that is not ; or /"),
]


@pytest.mark.parametrize("value, code, result, status, rule", P_ROWS)
def test_pattern_code(value, code, result, status, rule):
    assert oconv(value, code) == result
    assert state.status == status


R_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("5", "R1,10", "5", 0, "an integer inside the range is kept"),
    ("1", "R1,10", "1", 0, "the bounds are inclusive"),
    ("15", "R1,10;20,30", "", 2, "outside every range: empty with STATUS() 2"),
    ("25", "R1,10;20,30", "25", 0, "; separates ranges"),
    ("25", "R1,10/20,30", "25", 0, "/ separates ranges too"),
    ("-5", "R-10,-1", "-5", 0, "negative bounds"),
    ("+5", "R1,10", "+5", 0, "a plus sign is allowed"),
    ("", "R0,0", "", 0, "empty data is 0"),
    ("5.5", "R1,10", "5.5", 1, "a decimal is bad data"),
    (" 5", "R1,10", " 5", 1, "blanks are bad data"),
    ("x", "R1,10", "x", 1, "text is bad data"),
    ("5", "R", "5", 2, "R with no range reports status 2"),
    ("5", "R1", "5", 2, "a range needs two bounds"),
    ("5", "R1,10x", "5", 0, "a match ends the check before the bad tail"),
    ("50", "R1,10x", "50", 2, "otherwise the bad tail is a bad code"),
    (5, "R1,10", "5", 0, "a number is read as its text"),
]


@pytest.mark.parametrize("value, code, result, status, rule", R_ROWS)
def test_range_code(value, code, result, status, rule):
    assert oconv(value, code) == result
    assert state.status == status


def test_iconv_range_out_of_range_is_empty():
    assert iconv("15", "R1,10") == ""
    assert state.status == 2


TEMPLATE_ROWS = [
    # (string, template, matches, ScarletDME rule)
    ("abc", "3A", True, "nA: exactly n letters"),
    ("ab1", "3A", False, "a digit is not a letter"),
    ("abc123", "0A0N", True, "0A and 0N take runs"),
    ("abc", "0X", True, "0X takes anything"),
    ("abc", "...", True, "... is 0X"),
    ("ab", "1-3A", True, "n-mA takes n to m letters"),
    ("abcd", "1-3A", False, "more than m fails"),
    ("abcd", "1-3A1A", True, "backtracks to leave room"),
    ("1a", "~1A1A", True, "~ negates one part"),
    ("x", "'x'", True, "quoted literal"),
    ("X", "x", False, "literals are case-sensitive"),
    ("3N", "3N", False, "3N is a pattern, not text"),
    ("A-1", "1A-1N", True, "a bare - is a literal character"),
    ("caf\xe9", "4A", False, "letters are ASCII only"),
    ("1-2", "1-2", True, "a trailing n-m range is literal text and ends the match"),
    ("1-2xyz", "1-2", True, "without checking the rest"),
    ("12", "1-2", False, "the literal includes the -"),
]


@pytest.mark.parametrize("string, template, result, rule", TEMPLATE_ROWS)
def test_match_template(string, template, result, rule):
    assert matches_template(string, template) is result


@pytest.mark.parametrize(
    "code, known",
    [
        ("P(3N)", True),
        ("P(3N);(2A)", True),
        ("P(3N)x", False),
        ("R1,10;20,30", True),
        ("R1", False),
    ],
)
def test_is_known_validation_code(code, known):
    assert is_known_code(code) is known
