"""Tests for runtime_lib.matching: MATCHES and MATCHFIELD.

Rows marked b2_matches are outputs recorded from ScarletDME; the rest pin
rules (and quirks) of op_str4.c's match_template.
"""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.errors import BasicError
from runtime_lib.matching import matches, matchfield
from runtime_lib.values import FM, VM, Unassigned

ALT = "1A1N" + VM + "1N1A"


@pytest.mark.parametrize(
    "s, template, expected",
    [
        ("123", "3N", 1),  # b2_matches
        ("12", "3N", 0),  # b2_matches
        ("1234", "3N", 0),  # b2_matches: the whole string must match
        ("ab12", "2A2N", 1),  # b2_matches
        ("ab12", "0A0N", 1),  # b2_matches
        ("AB-12", "2A'-'2N", 1),  # b2_matches
        ("555-1234", "3N-4N", 1),  # b2_matches: unquoted "-" is literal
        ("hello.txt", "...'.txt'", 1),  # b2_matches
        ("hello.txt", "0X'.TXT'", 0),  # b2_matches: literals are case-sensitive
        ("x9", ALT, 1),  # b2_matches: value marks separate alternatives
        ("9x", ALT, 1),  # b2_matches
        ("99", ALT, 0),  # b2_matches
        ("", "0N", 1),  # b2_matches
        ("", "", 1),  # b2_matches
        ("abc", "1-3A", 1),  # b2_matches
        ("abcd", "1-3A", 0),  # b2_matches
        ("a1b", "1A~1A1A", 1),  # b2_matches: ~ negates one part
        ("abb", "1A~1A1A", 0),  # b2_matches
        ("12.50", "0N'.'2N", 1),  # b2_matches
        ("ABC", "abc", 0),  # b2_matches
        ("ABC", "ABC", 1),  # b2_matches
        (42, "2N", 1),  # b2_matches: numbers match as printed
        ("Q", "1A", 1),  # b2_matches: IF "Q" MATCH "1A"
        ("abc", "3a", 1),  # the class letter may be lower case
        ("ab1", "0X", 1),
        ("", "0X", 1),
        ("abc", "...", 1),
        ("abc", "~...", 0),  # a negated ... never matches
        ("ab1", "0A", 0),
        ("a", "1-3A", 1),
        ("", "1-3A", 0),
        ("ab12", "1-3A2N", 1),
        ("abc12", "1-2A2N", 0),
        ("1ab", "1N1-2X", 1),
        ("1abc", "1N1-2X", 0),
        ("a1", "1A~1A", 1),
        ("ab", "~2A", 0),
        ("12", "~2A", 1),
        ("ab1", "~0N1N", 1),
        ("a.b", '1A"."1A', 1),  # double-quoted literal
        ("", "''", 1),  # an empty literal matches nothing
        ("'ab", "'ab", 0),  # an unterminated quote never matches
        ("12", "12", 1),  # a trailing number is literal text
        ("123", "12", 0),
        ("3B", "3B", 1),  # a number before another letter is literal
        ("b", "~a", 1),  # a negated single character
        ("a", "~a", 0),
        ("a" + FM + "b", "1A1X1A", 1),  # X takes marks too
        ("\xe9", "1A", 0),  # letters are ASCII only
        ("\xe9", "1X", 1),
        ("ab\x00cd", "2A", 1),  # the source ends at CHAR(0)
        ("ab", "2A\x00junk", 1),  # so does the template
        ("", VM, 1),  # an empty alternative matches ""
        ("ab", "1A" + VM + "2A", 1),
        (1.5, "1N'.'1N", 1),
    ],
)
def test_matches(s, template, expected):
    assert matches(s, template) == expected


@pytest.mark.parametrize(
    "s, template, expected",
    [
        # n-mX followed by more template tries only m-n extra lengths.
        ("abc-", "1-3X'-'", 0),
        ("ab-", "1-3X'-'", 1),
        # A range at the very end is literal text and ends the match at once.
        ("1-3", "1-3", 1),
        ("1-3xyz", "1-3", 1),
        ("x", "1-3", 0),
        # ... followed by more template never tries the empty remainder; 0X does.
        ("a", "a...''", 0),
        ("a", "a0X''", 1),
        # A lone ~ at the end negates the end of the template (ScarletDME then
        # reads past its buffer; here the template simply ends).
        ("a", "~", 1),
        ("", "~", 0),
    ],
)
def test_matches_quirks(s, template, expected):
    assert matches(s, template) == expected


def test_template_too_long():
    with pytest.raises(BasicError, match="MATCHES template too long"):
        matches("a", "1A" * 129)


def test_template_of_256_characters_is_allowed():
    assert matches("a" * 128, "1A" * 128) == 1


def test_unassigned_raises():
    with pytest.raises(BasicError, match="Unassigned variable"):
        matches(Unassigned("S"), "0X")


@given(s=st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=255)))
def test_0x_matches_anything(s):
    assert matches(s, "0X") == 1
    assert matches(s, "...") == 1


@given(s=st.text(alphabet="aZ1 ", max_size=8), n=st.integers(0, 8))
def test_nx_matches_exact_length(s, n):
    assert matches(s, f"{n}X") == (1 if n == 0 or len(s) == n else 0)


@given(s=st.text(alphabet="aZ1 -.~", max_size=8))
def test_quoted_text_matches_itself(s):
    assert matches(s, f"'{s}'") == 1


@given(s=st.text(alphabet="aZ1", max_size=8))
def test_0a_0n(s):
    assert matches(s, "0A") == (1 if s.isalpha() or not s else 0)
    assert matches(s, "0N") == (1 if s.isdigit() or not s else 0)
    assert matches(s, "0A0N") == (1 if re.fullmatch("[A-Za-z]*[0-9]*", s) else 0)


@pytest.mark.parametrize(
    "s, template, n, expected",
    [
        ("AB123CD", "2A3N2A", 2, "123"),  # b2_matches
        ("AB123CD", "0A0N0A", 3, "CD"),  # b2_matches
        ("555-1234", "3N'-'4N", 3, "1234"),  # b2_matches: literals are parts
        ("555-1234", "4N'-'4N", 1, ""),  # b2_matches: no match gives ""
        ("AB123CD", "2A3N2A", 0, "AB"),  # n below 1 is 1
        ("AB123CD", "2A3N2A", 4, ""),  # no such part
        ("ab", "1A1A", 65537, "a"),  # n is a 16-bit integer: 65537 is 1
        ("AB-12", "2A'-'2N", 2, "-"),
        ("hello.txt", "0X'.txt'", 1, "hello"),
        ("hello.txt", "...'.txt'", 2, ".txt"),
        ("x9", ALT, 2, "9"),
        ("9x", ALT, 1, "9"),
        # A failed alternative's boundaries are kept, as in ScarletDME.
        ("ab", "1A1N" + VM + "2A", 2, "b"),
    ],
)
def test_matchfield(s, template, n, expected):
    assert matchfield(s, template, n) == expected
