"""S and C conversion codes (op_oconv.c substitution_conversion, GPL.BP
_CCONV); both can read @ID and @RECORD."""

import pytest

from runtime_lib.conversions import iconv, is_known_code, oconv
from runtime_lib.state import state
from runtime_lib.values import FM, VM


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    state.at_id = "K1"
    state.at_record = "f1" + FM + "f2a" + VM + "f2b"
    yield
    vars(state).clear()
    vars(state).update(saved)


S_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    (5, "S;'yes';'no'", "yes", 0, "non-zero data takes the first item"),
    (0, "S;'yes';'no'", "no", 0, "zero takes the second"),
    ("", "S;'yes';'no'", "no", 0, "empty data counts as zero"),
    (" -0.00 ", "S;'yes';'no'", "no", 0, "so do blanks, one sign, zeros and a point"),
    ("0x", "S;'yes';'no'", "yes", 0, "any other character is non-zero"),
    ("--0", "S;'yes';'no'", "yes", 0, "a second sign is non-zero"),
    (0.0, "S;'yes';'no'", "no", 0, "a float zero"),
    (5, 'S;"yes";x', "yes", 0, "double quotes"),
    (5, 'S;"a;b";x', 5, 2, "items split at every ;, even inside quotes"),
    (5, "S;\\yes\\;'no'", "yes", 0, "backslashes quote too"),
    (5, "S;*;'no'", 5, 0, "* keeps the data"),
    (0, "S;'yes';", "", 0, "an empty item gives empty text"),
    (0, "S;'yes'", "", 0, "a missing second item gives empty text"),
    (5, "S;0;'no'", "K1", 0, "0 is @ID"),
    (5, "S;2;'no'", "f2a" + VM + "f2b", 0, "a field number reads @RECORD"),
    (5, "S;'yes", 5, 2, "an unclosed quote is a bad code"),
    (5, "S;x;'no'", 5, 2, "an unknown item is a bad code"),
    (5, "S", 5, 2, "S needs a ;"),
    (5, "Sabc;'yes'", "yes", 0, "text before the first ; is ignored"),
]


@pytest.mark.parametrize("value, code, result, status, rule", S_ROWS)
def test_substitution(value, code, result, status, rule):
    assert oconv(value, code) == result
    assert state.status == status


C_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("x", "C;'a';'b'", "ab", 0, "; joins with nothing"),
    ("x", "C 'a' 'b'", " a b", 0, "a blank joins with a blank"),
    ("x", "C-'a'-*", "-a-x", 0, "other characters are separators; * is the data"),
    ("x", "C;*", "x", 0, "the data itself"),
    ("x", "C*", "*", 0, "a leading * is read as a separator"),
    ("x", "C1;'/';0", "f1/K1", 0, "field numbers read @RECORD, 0 is @ID"),
    ("x", "C2", "f2a" + VM + "f2b", 0, "a whole field"),
    (12.5, "C;*", "12.5", 0, "a number is joined as its text"),
    ("x", "C;'a", "x", 2, "an unclosed quote is a bad code"),
    ("x", "C;;x", "x", 2, "an item must be a number, a quote or *"),
]


@pytest.mark.parametrize("value, code, result, status, rule", C_ROWS)
def test_concatenation(value, code, result, status, rule):
    assert oconv(value, code) == result
    assert state.status == status


def test_iconv_uses_the_same_rules():
    assert iconv(0, "S;'yes';'no'") == "no"
    assert iconv("x", "C;'a';*") == "ax"


def test_without_a_record_fields_are_empty():
    del state.at_record
    del state.at_id
    assert oconv("x", "C1;0") == ""


@pytest.mark.parametrize(
    "code, known",
    [
        ("S;'a';'b'", True),
        ("S;1;*", True),
        ("S;'a'x;'b'", False),
        ("S", False),
        ("C;1;'a'", True),
        ("C;;x", False),
    ],
)
def test_is_known_substitution_code(code, known):
    assert is_known_code(code) is known
