"""G, L, T and <f,v,s> conversion codes (op_oconv.c group_conversion,
length_conversion, substring_conversion, field_extraction)."""

import pytest

from runtime_lib.conversions import iconv, is_known_code, oconv
from runtime_lib.state import state
from runtime_lib.values import FM, SM, VM


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("a.b.c", "G1.1", "b", 0, "G: skip 1 group, take 1"),
    ("a.b.c", "G0.2", "a.b", 0, "take 2 groups with their delimiter"),
    ("a.b.c", "G2.5", "c", 0, "taking more groups than there are stops at the end"),
    ("a.b.c", "G5.1", "", 0, "skipping past the end gives empty"),
    ("a b c", "G1 1", "b", 0, "a blank delimiter"),
    ("abc", "G0.1", "abc", 0, "no delimiter: the whole value is group 1"),
    ("", "G0.1", "", 0, "empty data"),
    (12.5, "G0.1", "12", 0, "a number is grouped as its text"),
    ("a.b", "G.0", "a.b", 2, "a count of 0 is a bad code"),
    ("a.b", "G1", "a.b", 2, "a missing delimiter is a bad code"),
    (
        "a" + VM + "b",
        "G1" + SM + "1",
        "a" + VM + "b",
        2,
        "a mark cannot be the delimiter",
    ),
    ("abc", "L", 3, 0, "L alone is the length"),
    ("abc", "L0", 3, 0, "L0 is the length too"),
    ("abc", "L3", "abc", 0, "Ln keeps values of at most n characters"),
    ("abcd", "L3", "", 0, "longer values become empty"),
    ("abc", "L2,5", "abc", 0, "Ln,m keeps lengths n to m"),
    ("a", "L2,5", "", 0, "shorter values become empty"),
    ("abc", "L2,", "", 0, "an empty maximum is treated as Ln"),
    ("abc", "L,3", "abc", 2, "the minimum must be given"),
    (123, "LX", "123", 2, "a bad code leaves the data as a string"),
    ("abcdef", "T2,3", "bcd", 0, "Ts,n: n characters from position s"),
    ("abcdef", "T3", "def", 0, "Tn: the last n characters"),
    ("abcdef", "T9", "abcdef", 0, "more than the length gives it all"),
    ("abcdef", "T0,2", "ab", 0, "a start of 0 counts as 1"),
    ("abcdef", "T7,2", "", 0, "a start past the end gives empty"),
    ("abcdef", "T0", "", 0, "T0 is empty"),
    ("abcdef", "T2,", "abcdef", 2, "a length must follow the comma"),
    ("abcdef", "T", "abcdef", 2, "T needs a number"),
]


@pytest.mark.parametrize("value, code, result, status, rule", ROWS)
def test_oconv_extraction(value, code, result, status, rule):
    got = oconv(value, code)
    assert got == result and type(got) is type(result)
    assert state.status == status


RECORD = "a" + VM + "b" + SM + "c" + FM + "d" + FM + FM + "f"
FIELD_ROWS = [
    ("<1>", "a" + VM + "b" + SM + "c", 0, "<f>: a whole field"),
    ("<2>", "d", 0, "field 2"),
    ("<3>", "", 0, "an empty field"),
    ("<9>", "", 0, "a field past the end"),
    ("<0>", "a" + VM + "b" + SM + "c", 0, "field 0 counts as 1"),
    ("<1,2>", "b" + SM + "c", 0, "<f,v>: a value, subvalues included"),
    ("<1,2,2>", "c", 0, "<f,v,s>: a subvalue"),
    ("<1,3>", "", 0, "a value past the end"),
    ("<1,", RECORD, 2, "an unfinished code is bad"),
    ("<1>x", RECORD, 2, "nothing may follow the >"),
    ("<a>", RECORD, 2, "positions are numbers"),
]


@pytest.mark.parametrize("code, result, status, rule", FIELD_ROWS)
def test_oconv_field_extraction(code, result, status, rule):
    assert oconv(RECORD, code) == result
    assert state.status == status


def test_field_extraction_is_not_an_input_code():
    assert iconv(RECORD, "<1>") == ""
    assert state.status == 2


def test_iconv_uses_the_same_rules():
    assert iconv("a.b.c", "G1.1") == "b"
    assert iconv("abcdef", "T2,3") == "bcd"
    assert iconv("abc", "L") == 3


@pytest.mark.parametrize(
    "code, known",
    [
        ("G1.1", True),
        ("G1.1x", False),
        ("L2,5", True),
        ("L,5", False),
        ("T2,3", True),
        ("T2,", False),
        ("<1,2,3>", True),
        ("<1,2,3,4>", False),
    ],
)
def test_is_known_extraction_code(code, known):
    assert is_known_code(code) is known
