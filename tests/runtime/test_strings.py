"""Tests for runtime_lib.strings: substrings, groups, TRIM, INDEX, CHANGE, ...

Rows marked with a conformance file name are outputs recorded from
ScarletDME; the rest pin rules read from its C sources.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.errors import BasicError, NonNumericError
from runtime_lib.state import state
from runtime_lib.strings import (
    change,
    col1,
    col2,
    compare_,
    convert,
    csvdq,
    dparse,
    dparse_csv,
    fold,
    group,
    group_assign,
    index,
    len_,
    space,
    str_,
    substr,
    substr_assign,
    substr_assign_pick,
    substr_assign_pick_full,
    substr_last,
    swap,
    trim,
    trimb,
    trimf,
)
from runtime_lib.values import FM, SM, VM, Unassigned

S = "Hello, World"
# Latin-1 text, marks and CHAR(0) as BASIC strings may hold them.
basic_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255))
short_text = st.text(alphabet="ab. ", max_size=12)


@pytest.mark.parametrize(
    "value, expected",
    [
        (S, 12),  # strings_basic
        ("", 0),  # strings_basic: LEN(SPACE(0))
        (FM, 1),  # misc_intrinsics: LEN(@FM)
        (1.5, 3),  # numbers are measured as printed: "1.5"
        (-42, 3),
        ("a\xfeb", 3),  # marks are one character each
    ],
)
def test_len(value, expected):
    assert len_(value) == expected


@pytest.mark.parametrize(
    "s, start, length, expected",
    [
        (S, 1, 5, "Hello"),  # strings_basic
        (S, 8, 5, "World"),  # strings_basic
        (S, -5, 3, "Hel"),  # strings_basic: start below 1 counts as 1
        (S, 0, 3, "Hel"),  # strings_basic
        (S, 20, 3, ""),  # strings_basic: start past the end
        (S, 10, 99, "rld"),  # range cut at the end
        (S, 2, -1, ""),  # negative length gives ""
        (S, 2, 0, ""),
        ("", 1, 5, ""),
        (12345, 2, 3, "234"),  # numbers are substringed as printed
        (S, "2", "3.9", "ell"),  # positions truncate like INT
    ],
)
def test_substr(s, start, length, expected):
    assert substr(s, start, length) == expected


@pytest.mark.parametrize(
    "s, n, expected",
    [
        (S, 3, "rld"),  # strings_basic: X[n] is the last n characters
        (S, 99, S),  # more than the length gives the whole string
        (S, 0, ""),
        (S, -2, ""),
        ("", 3, ""),
    ],
)
def test_substr_last(s, n, expected):
    assert substr_last(s, n) == expected


@pytest.mark.parametrize(
    "target, start, length, new, expected",
    [
        ("abcdef", 2, 3, "XY", "aXY ef"),  # substring_assign: padded with spaces
        ("abcdef", 1, 0, "Z", "abcdef"),  # substring_assign: length 0 does nothing
        ("abc", 5, 2, "Q", "abc"),  # substring_assign: start past the end
        ("hello", -2, 2, "LO", "LOllo"),  # substring_assign: start below 1 is 1
        ("abc", 2, 5, "WXYZ", "aWX"),  # cut at the current length
        ("abc", 3, 1, "", "ab "),  # an empty replacement blanks the region
        ("", 1, 3, "xyz", ""),  # an empty target is left alone
        ("abc", 1, -1, "Z", "abc"),
        (123, 2, 1, 9, "193"),
    ],
)
def test_substr_assign(target, start, length, new, expected):
    assert substr_assign(target, start, length, new) == expected


@pytest.mark.parametrize(
    "target, start, length, new, expected",
    [
        ("abc", 5, 2, "Q", "abc Q "),  # PICK.SUBSTR pads the target first
        ("", 2, 2, "xy", " xy"),
        ("abcdef", 2, 3, "XY", "aXY ef"),  # inside the string: as the default
        ("abc", 2, 0, "Z", "abc"),
    ],
)
def test_substr_assign_pick(target, start, length, new, expected):
    assert substr_assign_pick(target, start, length, new) == expected


@pytest.mark.parametrize(
    "target, start, length, new, expected",
    [
        ("abcdef", 2, 3, "XY", "aXYef"),  # PICK.SUBSTR.ASSIGN: length may change
        ("abcdef", 2, 1, "XYZ", "aXYZcdef"),
        ("abc", 6, 2, "Q", "abc  Q"),  # past the end: padded with spaces
        ("abcdef", 0, 2, "Z", "Zcdef"),  # start 0 acts as 1
        ("abcdef", -2, 1, "Z", "Z  bcdef"),  # negative start: new, spaces, rest
        ("abc", 2, -1, "Z", "aZbc"),  # negative length is 0: an insertion
    ],
)
def test_substr_assign_pick_full(target, start, length, new, expected):
    assert substr_assign_pick_full(target, start, length, new) == expected


# --- FIELD / group ------------------------------------------------------------

TWO_SPACES = "one two  three"


@pytest.mark.parametrize(
    "s, delim, occ, count, expected, c1, c2",
    [
        ("a.b.c.d", ".", 2, 1, "b", 2, 4),  # strings_basic
        ("a.b.c.d", ".", 2, 2, "b.c", 2, 6),  # strings_basic
        ("a.b.c.d", ".", 9, 1, "", 0, 0),  # strings_basic: past the end
        (TWO_SPACES, " ", 3, 1, "", 8, 9),  # b2_field_trim: empty group
        (TWO_SPACES, " ", 2, 2, "two ", 4, 9),  # b2_field_trim
        (TWO_SPACES, "xy", 1, 1, TWO_SPACES, 0, 15),  # b2_field_trim: "x" only
        (TWO_SPACES, " ", 9, 1, "", 0, 0),  # b2_field_trim
        (TWO_SPACES, "e", 2, 1, " two  thr", 3, 13),  # b2_field_trim
        (TWO_SPACES, "o", 1, 1, "", 0, 1),  # b2_field_trim: S["o", 1, 1]
        ("a.b", ".", 0, 0, "a", 0, 2),  # occurrence and count below 1 are 1
        ("a.b", ".", -3, -1, "a", 0, 2),
        ("a.b", "", 2, 1, "a.b", 0, 4),  # empty delimiter: whole string
        ("", ".", 1, 1, "", 0, 0),
        ("a.b.c", ".", 2, 99, "b.c", 2, 6),  # count past the end
        ("a.b.", ".", 3, 1, "", 4, 5),  # trailing delimiter: an empty group
        ("a" + VM + "b", VM, 2, 1, "b", 2, 4),  # any character, marks too
        (1.25, ".", 2, 1, "25", 2, 5),  # numbers as printed
    ],
)
def test_group(s, delim, occ, count, expected, c1, c2):
    assert group(s, delim, occ, count) == expected
    assert (col1(), col2()) == (c1, c2)


def test_group_default_count_is_one():
    assert group("a.b.c", ".", 2) == "b"


@pytest.mark.parametrize(
    "s, delim, occ, count, new, expected",
    [
        ("a,b,c", ",", 2, 1, "B", "a,B,c"),  # substring_assign
        ("a.b.c.d", ".", 2, 1, "X", "a.X.c.d"),  # b2_string_fns
        ("a.b.c.d", ".", 2, 2, "X.Y.Z", "a.X.Y.d"),  # b2_string_fns
        ("a.b", ".", 5, 1, "Q", "a.b...Q"),  # b2_string_fns: adds empty groups
        ("a.b.c.d", ".", 2, 0, "N", "a.N.b.c.d"),  # b2_string_fns: 0 inserts
        ("a.b.c.d", ".", 2, -2, "N", "a.N.d"),  # b2_string_fns: -n replaces n
        ("a.b.c.d", ".", 2, 2, "X", "a.X..d"),  # new has fewer groups: empties
        ("a.b.c.d", ".", 2, 2, "", "a...d"),
        ("a.b.c.d", ".", 1, 1, "X", "X.b.c.d"),
        ("a.b.c.d", ".", 0, 1, "X", "X.b.c.d"),  # occurrence below 1 is 1
        ("a.b.c.d", ".", 4, 3, "X", "a.b.c.X.."),  # past the end of the source
        ("a.b.", ".", 2, 1, "X", "a.X"),  # ScarletDME drops the trailing group
        ("", ".", 3, 1, "X", "..X"),
        ("a", ".", 1, 1, "", ""),
        ("a.b", "./", 2, 1, "X", "a.X"),  # only the first delimiter character
    ],
)
def test_group_assign(s, delim, occ, count, new, expected):
    assert group_assign(s, delim, occ, count, new) == expected


def test_group_assign_empty_delimiter_is_an_error():
    with pytest.raises(BasicError, match="Null substring delimiter"):
        group_assign("a.b", "", 1, 1, "X")


@given(s=st.text(alphabet="ab.", max_size=15), occ=st.integers(1, 6), new=st.text("xy"))
def test_group_assign_then_group_reads_it_back(s, occ, new):
    assert group(group_assign(s, ".", occ, 1, new), ".", occ, 1) == new


@given(s=st.text(alphabet="ab.", max_size=15), occ=st.integers(1, 6))
def test_group_assign_of_own_group_keeps_string(s, occ):
    # Holds while the group exists, unless the group after it is an empty
    # last one: ScarletDME drops that (see the "a.b." row above).
    marks = s.count(".")
    if marks > occ or (marks == occ and not s.endswith(".")):
        assert group_assign(s, ".", occ, 1, group(s, ".", occ, 1)) == s


@given(s=st.text(alphabet="ab.", max_size=15), occ=st.integers(1, 6))
def test_group_positions_bracket_the_result(s, occ):
    result = group(s, ".", occ, 1)
    if col2():
        assert s[col1() : col2() - 1] == result


@pytest.mark.parametrize(
    "s, delim, n, expected",
    [
        ("a,b,c,d", ",", 3, ("a", "b", "c")),  # b2_field_trim
        ("x", ",", 2, ("x", "")),  # b2_field_trim
        ("a,b", "", 2, ("a,b", "a,b")),  # empty delimiter: FIELD gives it all
        ("", ",", 2, ("", "")),
        ("a;b", ";x", 2, ("a", "b")),
    ],
)
def test_dparse(s, delim, n, expected):
    assert dparse(s, delim, n) == expected


@pytest.mark.parametrize(
    "s, delim, n, expected, status",
    [
        ('a,"b,c",d', ",", 3, ("a", "b,c", "d"), 0),  # CSVDQ's quoting
        ("a,b,c", ",", 2, ("a", "b"), 0),  # one field each, not the rest
        ("a,", ",", 2, ("a", ""), 0),  # an empty last field is still a field
        ("a", ",", 3, ("a", "", ""), 2),  # REMOVEF ran off the end
        ("", ",", 2, ("", ""), 1),  # nothing to parse
        ("a;b", ";", 2, ("a", "b"), 0),
    ],
)
def test_dparse_csv(s, delim, n, expected, status):
    from runtime_lib.state import state

    assert dparse_csv(s, delim, n) == expected
    assert state.status == status


def test_dparse_leaves_col_values_of_last_field():
    dparse("a,bb,c", ",", 2)
    assert (col1(), col2()) == (2, 5)


# --- TRIM ---------------------------------------------------------------------

DOTS = "..a..b.."


@pytest.mark.parametrize(
    "args, expected",
    [
        (("  a   b  c  ",), "a b c"),  # strings_basic: TRIM(s)
        (("xxaxxbxx", "x"), "axb"),  # strings_basic: two arguments mean "R"
        ((DOTS, ".", "L"), "a..b.."),  # b2_field_trim
        ((DOTS, ".", "T"), "..a..b"),  # b2_field_trim
        ((DOTS, ".", "B"), "a..b"),  # b2_field_trim
        ((DOTS, ".", "R"), "a.b"),  # b2_field_trim: squeezes inner runs
        ((DOTS, ".", "A"), "ab"),  # b2_field_trim
        (("  a  b  ", " ", "D"), "a b"),  # b2_field_trim
        (("xxaxx", "x"), "a"),  # b2_field_trim
        ((DOTS, "."), "a.b"),  # b2_field_trim
        ((DOTS, ".", ""), "a.b"),  # an empty mode is "R"
        ((DOTS, ".", "C"), ".a.b."),  # C squeezes without removing
        ((DOTS, ".", "Rubbish"), "a.b"),  # only the first mode character
        (("..a..", "x", "D"), "..a.."),  # D, E, F act on spaces whatever ch is
        (("  a  ", "x", "E"), "  a"),
        (("  a  ", "x", "F"), "a  "),
        ((DOTS, ".x", "R"), "a.b"),  # only the first character of ch
        (("....", ".", "L"), ""),
        (("....", ".", "C"), "."),
        (("", ".", "A"), ""),
        (("\t a \t",), "\t a \t"),  # only spaces, not other whitespace
        ((" a\xa0 b ",), "a\xa0 b"),
        ((100, "0", "T"), "1"),
    ],
)
def test_trim(args, expected):
    assert trim(*args) == expected


@pytest.mark.parametrize(
    "mode, ch, message",
    [
        ("l", ".", "Illegal mode in TRIM()"),  # modes are case-sensitive
        ("Z", ".", "Illegal mode in TRIM()"),
        ("R", "", "Null string as second argument to TRIM()"),
    ],
)
def test_trim_errors(mode, ch, message):
    with pytest.raises(BasicError) as info:
        trim("a", ch, mode)
    assert info.value.text == message


def test_trim_d_accepts_empty_character():
    assert trim("  a  ", "", "D") == "a"


@pytest.mark.parametrize(
    "func, s, expected",
    [
        (trimf, "  a b  ", "a b  "),  # strings_basic
        (trimb, "  a b  ", "  a b"),  # strings_basic
        (trimf, "", ""),
        (trimb, "\t ", "\t"),
    ],
)
def test_trimf_trimb(func, s, expected):
    assert func(s) == expected


@given(s=st.text(alphabet="a. ", max_size=20))
def test_trim_r_leaves_no_runs_or_ends(s):
    result = trim(s, ".", "R")
    assert ".." not in result
    assert not result.startswith(".") and not result.endswith(".")
    assert result.replace(".", "") == s.replace(".", "")


# --- INDEX, CONVERT, CHANGE ---------------------------------------------------


@pytest.mark.parametrize(
    "s, sub, occ, expected",
    [
        ("banana", "an", 1, 2),  # strings_basic
        ("banana", "an", 2, 4),  # strings_basic
        ("banana", "x", 1, 0),  # strings_basic
        ("abcabc", "c", 2, 6),  # substring_assign, b2_field_trim
        ("abc", "", 1, 1),  # b2_field_trim: empty sub gives occ
        ("", "a", 1, 0),  # b2_field_trim
        ("aaaa", "aa", 2, 3),  # b2_field_trim: occurrences do not overlap
        ("aaaa", "aa", 3, 0),
        ("abc", "", 5, 5),
        ("abc", "a", 0, 0),  # occurrence below 1 gives 0
        ("abc", "", 0, 0),
        ("a1b1", 1, 2, 4),
    ],
)
def test_index(s, sub, occ, expected):
    assert index(s, sub, occ) == expected
    assert state.status == 0


def test_index_truncates_long_substring_and_sets_status():
    s = "x" + "a" * 300
    assert index(s, "a" * 257, 1) == 2  # only 256 characters are searched for
    assert state.status == 1


@given(s=st.text("ab", max_size=12), sub=st.text("ab", min_size=1, max_size=3))
def test_index_first_matches_find(s, sub):
    assert index(s, sub, 1) == s.find(sub) + 1


@pytest.mark.parametrize(
    "from_chars, to_chars, s, expected",
    [
        ("ab", "x", "abcab", "xcx"),  # strings_basic: extra "from" deleted
        ("ab", "AB", "abcab", "ABcAB"),  # strings_basic
        (VM, "]", "a" + VM + "a" + VM, "a]a]"),  # misc_intrinsics
        ("-", "+", "a-b-c", "a+b+c"),  # b2_field_trim: CONVERT statement
        ("abc", "x", "a+b+c", "x++"),  # b2_field_trim
        ("aa", "xy", "aaa", "xxx"),  # the first mention of a character wins
        ("", "xy", "abc", "abc"),
        ("a", "", "banana", "bnn"),
        ("1", "9", 121, "929"),
        ("a" * 257, "b", "abc", "abc"),  # over 256: "from" is ignored
        ("a", "b" * 257, "abc", "bc"),  # over 256: "to" counts as empty
        (FM + VM + SM, "^]\\", "a" + VM + FM + "b", "a]^b"),
    ],
)
def test_convert(from_chars, to_chars, s, expected):
    assert convert(from_chars, to_chars, s) == expected


@pytest.mark.parametrize(
    "args, expected",
    [
        (("a-b-c", "-", "+"), "a+b+c"),  # strings_basic
        (("aXbXc", "X", "--"), "a--b--c"),  # misc_intrinsics (SWAP)
        (("aXbXcX", "X", "-", 2), "a-b-cX"),  # count limits replacements
        (("aXbXcX", "X", "-", 0), "a-b-c-"),  # count 0 replaces all
        (("aXbXcX", "X", "-", -5), "a-b-c-"),
        (("aXbXcX", "X", "-", 1, 2), "aXb-cX"),  # start at occurrence 2
        (("aXbXcX", "X", "-", -1, 0), "a-b-c-"),  # start below 1 is 1
        (("aXbXcX", "X", "-", -1, 9), "aXbXcX"),
        (("aaaa", "aa", "X"), "XX"),  # replaced occurrences do not overlap
        (("aaa", "aa", "X", -1, 2), "aX"),  # skipped occurrences overlap
        (("abc", "", "X"), "abc"),  # empty old: unchanged
        (("", "a", "X"), ""),
        ((1212, 2, ""), "11"),
    ],
)
def test_change(args, expected):
    assert change(*args) == expected
    assert swap(*args) == expected


@given(s=st.text("abX", max_size=12), old=st.text("abX", min_size=1, max_size=2))
def test_change_defaults_match_str_replace(s, old):
    assert change(s, old, "-") == s.replace(old, "-")


# --- SPACE, STR, FOLD, COMPARE ------------------------------------------------


@pytest.mark.parametrize(
    "func, args, expected",
    [
        (str_, ("ab", 3), "ababab"),  # strings_basic
        (str_, ("a" + VM, 2), "a" + VM + "a" + VM),  # misc_intrinsics
        (str_, ("=", 4), "===="),  # b2_keyword_names: STR("=", LN)
        (str_, ("ab", 0), ""),  # b2_string_fns
        (str_, ("ab", -2), ""),  # b2_string_fns
        (str_, ("", 5), ""),  # b2_string_fns
        (str_, ("ab", 1), "ab"),
        (str_, (7, "2.9"), "77"),
        (space, (3,), "   "),  # strings_basic
        (space, (0,), ""),  # strings_basic
        (space, (-1,), ""),  # b2_string_fns
        (space, ("2",), "  "),
    ],
)
def test_space_and_str(func, args, expected):
    assert func(*args) == expected


@pytest.mark.parametrize(
    "args, expected",
    [
        (("the quick brown fox jumps", 10), f"the quick{FM}brown fox{FM}jumps"),
        (("abcdefghij", 4), f"abcd{FM}efgh{FM}ij"),  # b2_string_fns
        (("aa bb cc", 4, "|"), "aa|bb|cc"),  # b2_string_fns
        (("aa bb cc", 4, ""), f"aa{VM}bb{VM}cc"),  # an empty delim is @VM
        (("aa bb cc", 4, "|/"), "aa|bb|cc"),  # only the first delim character
        (("short", 10), "short"),
        (("", 3), ""),
        (("abc def", 3), f"abc{FM}def"),  # the space at the break is dropped
        (("a  b", 1), f"a{FM}{FM}b"),  # a run of spaces leaves empty lines
        (("abcdef ghi", "2" + VM + "4"), f"ab{FM}cdef{FM}ghi"),  # widths per line
        (("abcdefghij", 3.5), f"abc{FM}def{FM}ghi{FM}j"),
    ],
)
def test_fold(args, expected):
    assert fold(*args) == expected


def test_fold_that_never_ends_is_an_error():
    with pytest.raises(BasicError):
        fold("abc", 0)


def test_fold_non_numeric_width():
    # _FOLD first tests LEN(s) <= width, a string comparison here: when it
    # holds the string comes back whole, otherwise width + 1 fails.
    assert fold("abc", "x1") == "abc"
    with pytest.raises(NonNumericError):
        fold("abc", "1x")


@given(s=st.text("ab ", max_size=30), w=st.integers(1, 8))
def test_fold_lines_fit_and_keep_text(s, w):
    lines = fold(s, w).split(FM)
    assert all(len(line) <= w for line in lines)
    assert "".join(lines).replace(" ", "") == s.replace(" ", "")


@pytest.mark.parametrize(
    "args, expected",
    [
        (("abc", "abd"), -1),  # b2_string_fns
        (("b", "a"), 1),  # b2_string_fns
        (("x", "x"), 0),  # b2_string_fns
        (("10", "9"), -1),  # b2_string_fns: never numeric
        (("10", "9", "R"), 1),  # b2_string_fns: right-justified
        (("abc", "ab", "L"), 1),  # b2_string_fns: a prefix is less
        (("", "a"), -1),  # b2_string_fns
        ((" 9", "9", "R"), 0),  # leading spaces count as padding
        (("9", "  9", "R"), 0),
        (("\xe9a", "a", "R"), -1),  # signed chars: 0xE9 sorts below a space
        (("a", "\xe9a", "R"), 1),
        (("\x01a", "a", "R"), -1),
        (("\xe9", "a"), 1),  # left mode compares unsigned bytes
        (("10", "9", "r"), -1),  # only an upper-case R
        (("10", "9", "Right"), 1),
        ((12, 9), -1),
    ],
)
def test_compare(args, expected):
    assert compare_(*args) == expected


@given(a=short_text, b=short_text, mode=st.sampled_from(["L", "R"]))
def test_compare_is_antisymmetric(a, b, mode):
    assert compare_(a, b, mode) == -compare_(b, a, mode)


# --- values in general --------------------------------------------------------


@pytest.mark.parametrize(
    "func, args",
    [
        (len_, (Unassigned("X"),)),
        (substr, ("abc", Unassigned("N"), 1)),
        (trim, (Unassigned("X"),)),
        (group, (Unassigned("X"), ".", 1)),
        (change, ("abc", Unassigned("O"), "x")),
    ],
)
def test_unassigned_arguments_raise(func, args):
    with pytest.raises(BasicError, match="Unassigned variable"):
        func(*args)


def test_non_numeric_position_raises():
    with pytest.raises(NonNumericError):
        substr("abc", "x", 1)


@given(
    target=basic_text,
    start=st.integers(-3, 20),
    length=st.integers(-2, 20),
    new=basic_text,
)
def test_substr_assign_never_changes_length(target, start, length, new):
    assert len(substr_assign(target, start, length, new)) == len(target)


@given(s=basic_text, start=st.integers(-3, 20), length=st.integers(0, 20))
def test_substr_assign_then_substr_reads_back(s, start, length):
    # Within the string, what is written is what is read.
    first = max(start, 1)
    if s and first + length - 1 <= len(s):
        written = substr_assign(s, start, length, "z" * length)
        assert substr(written, start, length) == "z" * length


@pytest.mark.parametrize(
    "args, expected",
    [
        # op_csvdq: the delimiter (a comma by default) becomes a field mark.
        (("a,b,c",), "a" + FM + "b" + FM + "c"),
        (("",), ""),
        ((",",), FM),
        # A field starting with a quote is quoted: its delimiters are data
        # and the quotes around it go.
        (('"a,b",c',), "a,b" + FM + "c"),
        # "" inside a field stands for one quote.
        (('"say ""hi""",x',), 'say "hi"' + FM + "x"),
        (('a""b',), 'a"b'),
        (('"",x',), FM + "x"),
        # A lone quote anywhere else is dropped. Data after a closing quote
        # is kept and the field is still quoted ("ab"cd is a format error
        # ScarletDME lets through), so a delimiter after it is data.
        (('a"b',), "ab"),
        (('"ab"cd,e',), "abcd,e"),
        (('"ab",e',), "ab" + FM + "e"),
        # An unclosed quoted field runs to the end.
        (('"a,b',), "a,b"),
        # Only the delimiter's first character counts.
        (("a;b,c", ";x"), "a" + FM + "b,c"),
        (("a b", " "), "a" + FM + "b"),
        # An empty delimiter leaves the string alone.
        (("a,b", ""), "a,b"),
        # Numbers are strings here.
        ((1.5, "."), "1" + FM + "5"),
    ],
)
def test_csvdq(args, expected):
    assert csvdq(*args) == expected
