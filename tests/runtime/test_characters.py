"""Tests for runtime_lib.characters: case, codes, SOUNDEX, quoting, CHECKSUM.

Rows marked with a conformance file name are outputs recorded from
ScarletDME; the rest pin rules read from its C sources.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.characters import (
    alpha,
    ascii_,
    char,
    checksum,
    downcase,
    dquote,
    ebcdic,
    quote,
    seq,
    soundex,
    squote,
    swapcase,
    upcase,
)
from runtime_lib.errors import BasicError, NonNumericError
from runtime_lib.values import FM, Unassigned

basic_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255))


@pytest.mark.parametrize(
    "func, s, expected",
    [
        (upcase, "Hello, World", "HELLO, WORLD"),  # strings_basic
        (downcase, "Hello, World", "hello, world"),  # strings_basic
        (upcase, "caf\xe9 \xdf", "CAF\xe9 \xdf"),  # only ASCII letters change
        (downcase, "CAF\xc9", "caf\xc9"),
        (upcase, "\xff" + FM, "\xff" + FM),  # \xff would become U+0178
        (upcase, 1.5, "1.5"),
        (swapcase, "HelloWorld", "hELLOwORLD"),  # b2_string_fns
        (swapcase, "abc", "ABC"),  # b2_string_fns
        (swapcase, "", ""),  # b2_string_fns
        # ScarletDME's bug would give "hELLO World"; every letter is swapped.
        (swapcase, "Hello World", "hELLO wORLD"),
        (swapcase, "\xe9a" + FM + "B", "\xe9A" + FM + "b"),
    ],
)
def test_case(func, s, expected):
    assert func(s) == expected


@given(s=basic_text)
def test_case_functions_keep_length_and_non_letters(s):
    for func in (upcase, downcase, swapcase):
        result = func(s)
        assert len(result) == len(s)
        assert all(
            a == b or a.isascii() and a.lower() == b.lower() for a, b in zip(s, result)
        )


@pytest.mark.parametrize(
    "s, expected",
    [
        ("abc", 1),  # strings_basic
        ("ab1", 0),  # strings_basic
        ("", 0),  # an empty string is not alphabetic
        ("ABCxyz", 1),
        ("ab c", 0),
        ("caf\xe9", 0),  # ASCII letters only
        (12, 0),
    ],
)
def test_alpha(s, expected):
    assert alpha(s) == expected


@pytest.mark.parametrize(
    "s, expected",
    [
        ("A", 65),  # strings_basic
        ("\x00", 0),  # misc_intrinsics: SEQ(CHAR(0))
        ("", 0),
        ("AB", 65),  # the first character only
        (FM, 254),  # unsigned
        (7, 55),  # the number as printed: "7"
    ],
)
def test_seq(s, expected):
    assert seq(s) == expected


@pytest.mark.parametrize(
    "n, expected",
    [
        (66, "B"),  # strings_basic
        (0, "\x00"),  # misc_intrinsics
        (256, "\x00"),  # modulo 256
        (65.7, "A"),  # truncated
        (-1, "\xff"),
        (254, FM),
        ("65", "A"),
    ],
)
def test_char(n, expected):
    assert char(n) == expected


def test_char_non_numeric():
    with pytest.raises(NonNumericError):
        char("x")


@given(n=st.integers(0, 255))
def test_char_and_seq_are_inverse(n):
    assert seq(char(n)) == n


@pytest.mark.parametrize(
    "s, expected",
    [
        ("Robert", "R163"),  # b2_string_fns
        ("Rupert", "R163"),  # b2_string_fns
        ("Tymczak", "T522"),  # b2_string_fns
        ("Pfister", "P123"),  # b2_string_fns: F coded although P has digit 1
        ("A", "A000"),  # b2_string_fns
        ("lloyd", "L300"),  # b2_string_fns: first letter upper-cased
        ("Ashcraft", "A226"),  # b2_string_fns: S and C both coded across H
        ("", "0000"),  # b2_string_fns
        ("123", "0000"),  # non-letters are skipped
        ("O'Brien", "O165"),
        ("Jackson", "J222"),  # same letter repeated is coded once (CK: C, K)
        ("Tttt", "T000"),
        ("Washington", "W252"),
        ("caf\xe9s", "C120"),  # non-ASCII letters are skipped
    ],
)
def test_soundex(s, expected):
    assert soundex(s) == expected


@given(s=basic_text)
def test_soundex_is_four_characters(s):
    code = soundex(s)
    assert len(code) == 4
    assert code[1:].isdigit()


@pytest.mark.parametrize(
    "func, s, expected",
    [
        (squote, "x", "'x'"),  # strings_basic
        (dquote, "y", '"y"'),  # strings_basic
        (quote, "a b", '"a b"'),  # b2_string_fns
        (squote, 12, "'12'"),  # b2_string_fns
        (dquote, "", '""'),  # b2_string_fns
        (quote, 'say "hi"', '"say "hi""'),  # b2_string_fns: no escaping
    ],
)
def test_quoting(func, s, expected):
    assert func(s) == expected


@pytest.mark.parametrize(
    "s, expected",
    [
        ("hello", 1199),  # b2_string_fns
        ("", 0),  # b2_string_fns
        ("a" + FM + "b", -485),  # b2_string_fns: signed chars
        ("a", 97),
        ("ab", 160),  # (97 rotated left) xor 98
    ],
)
def test_checksum(s, expected):
    assert checksum(s) == expected


@given(s=basic_text)
def test_checksum_is_int32(s):
    assert -(2**31) <= checksum(s) < 2**31


@pytest.mark.parametrize(
    "s, expected",
    [
        ("A", "\xc1"),
        ("0", "\xf0"),
        (" ", "\x40"),
        ("[]^|", "\x80\x90\x5f\x6a"),  # ScarletDME's own choices, not cp037
        ("\xe9", "\xe9"),  # bytes of 128 and more are unchanged
    ],
)
def test_ebcdic(s, expected):
    assert ebcdic(s) == expected


@pytest.mark.parametrize(
    "s, expected",
    [
        ("\xc1\xf0\x40", "A0 "),
        ("\xff", "?"),  # bytes with no ASCII partner
        ("\x80\x90", "[]"),
    ],
)
def test_ascii(s, expected):
    assert ascii_(s) == expected


@given(s=st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_inverts_ebcdic(s):
    assert ascii_(ebcdic(s)) == s


@pytest.mark.parametrize(
    "func", [upcase, downcase, swapcase, alpha, seq, soundex, quote, checksum]
)
def test_unassigned_argument_raises(func):
    with pytest.raises(BasicError, match="Unassigned variable"):
        func(Unassigned("X"))
