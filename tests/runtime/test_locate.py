"""Tests for runtime_lib.locate: LOCATE in three forms, FIND and FINDSTR.

Arrays use the conformance notation ``^`` FM, ``]`` VM, ``\\`` SM. Rows
naming a conformance file are outputs recorded from ScarletDME; the rest
pin rules read from op_locat.c and op_find.c.
"""

import bisect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.locate import find, findstr, locate_fn, locate_pick, locate_stmt
from runtime_lib.values import FM, SM, VM


def m(text: str) -> str:
    """Return text with ^ ] \\ turned into FM, VM and SM."""
    return text.translate(str.maketrans({"^": FM, "]": VM, "\\": SM}))


FRUIT = m("apple]banana]cherry")
MIXED = m("2]10]9a]100")
UP = m("1]5]10]20")
DOWN = m("20]10]5]1")
W = m("b]d]f")


@pytest.mark.parametrize(
    "item, s, f, v, sv, order, expected",
    [
        # locate_forms: <1> searches fields, so a list in field 1 is one item.
        ("banana", FRUIT, 1, 0, 0, "", (False, 2)),
        ("zebra", FRUIT, 1, 0, 0, "", (False, 2)),
        ("blueberry", FRUIT, 1, 0, 0, "AL", (False, 2)),
        ("aardvark", FRUIT, 1, 0, 0, "AL", (False, 1)),
        ("zzz", FRUIT, 1, 0, 0, "AL", (False, 2)),
        (30, m("10]20]100"), 1, 0, 0, "AR", (False, 2)),
        (30, m("10]20]100"), 1, 0, 0, "AL", (False, 2)),
        (15, m("100]20]10"), 1, 0, 0, "DR", (False, 2)),
        ("15", m("100]20]10"), 1, 0, 0, "DL", (False, 1)),
        ("c", m("x^a]b]c"), 2, 0, 0, "", (False, 3)),  # field 2 is "a]b]c"
        ("q", m("x^a]b]c"), 2, 0, 0, "", (False, 3)),
        ("s3", m("k^p]s1\\s2\\s3"), 2, 2, 0, "", (False, 3)),  # a value search
        ("x", "", 1, 0, 0, "AL", (False, 1)),  # empty array
        # b2_locate_mixed: values of field 1 from value 1.
        (50, MIXED, 1, 1, 0, "AR", (False, 3)),  # "9a": same length, "9" > "5"
        ("5", MIXED, 1, 1, 0, "AR", (False, 2)),
        (50, MIXED, 1, 1, 0, "AL", (False, 3)),
        ("9", MIXED, 1, 1, 0, "AL", (False, 3)),
        (7, UP, 1, 1, 0, "AR", (False, 3)),
        (7, UP, 1, 1, 0, "AL", (False, 5)),  # "7" sorts after "20" as text
        (10, UP, 1, 1, 0, "AR", (True, 3)),
        ("010", UP, 1, 1, 0, "", (False, 5)),  # unordered: text compare
        (10.0, UP, 1, 1, 0, "", (True, 3)),  # 10.0 is the string "10"
        ("010", UP, 1, 1, 0, "AR", (True, 3)),  # AR: integer compare
        (7, DOWN, 1, 1, 0, "DR", (False, 3)),
        (30, DOWN, 1, 1, 0, "DR", (False, 1)),
        (0, DOWN, 1, 1, 0, "DR", (False, 5)),
        ("e", W, 1, 2, 0, "AL", (False, 3)),  # start at value 2
        ("b", W, 1, 2, 0, "", (False, 4)),  # items before the start are skipped
        ("b", W, 1, 1, 0, "al", (True, 1)),  # lower-case order code
        ("d", W, 1, 1, 0, "XX", (True, 2)),  # unknown order: unordered
        # op_locat.c locate().
        ("", "", 1, 0, 0, "", (True, 1)),  # "" is in "" at 1
        ("", "", 2, 0, 0, "", (False, 1)),
        ("x", "", 3, 0, 0, "", (False, 3)),  # empty array: the start position
        ("x", m("a^b"), 5, 0, 0, "", (False, 5)),  # start past the end
        ("", m("a^"), 2, 0, 0, "", (False, 2)),  # start at the very end
        ("x", m("abc^^def"), 2, 1, 0, "", (False, 1)),  # FM where values start
        ("", m("abc^^def"), 2, 1, 0, "", (True, 1)),
        ("x", m("a]b]"), 1, 1, 0, "", (False, 3)),  # trailing empty value
        ("x", m("a]b]^c"), 1, 1, 0, "", (False, 4)),  # ...but not before an FM
        ("", m("a]"), 1, 1, 0, "", (True, 2)),
        ("b", m("a]b^b"), 1, 1, 0, "", (True, 2)),  # values stop at the FM
        ("c", m("a]b^c"), 1, 1, 0, "", (False, 3)),
        ("s2", m("x]s1\\s2]s3"), 1, 2, 1, "", (True, 2)),  # subvalues
        ("s3", m("x]s1\\s2]s3"), 1, 2, 1, "", (False, 3)),  # stop at the VM
        ("b", m("a^b"), 0, -1, 0, "", (True, 2)),  # 0 and negatives normalise
        ("ab", m("a]b]c"), 1, 1, 0, "AL", (False, 2)),  # "a" is a prefix
        ("ab", m("a]b]c"), 1, 1, 0, "DL", (False, 4)),  # DL passes prefixes
        ("ab", m("zz]a]x"), 1, 1, 0, "DR", (False, 2)),  # DR stops at a prefix
        ("ab", m("c]b]a"), 1, 1, 0, "DR", (False, 1)),  # DR: longer is greater
        ("abc", m("a]b]c"), 1, 1, 0, "ALX", (False, 0)),  # 3-char order fails
        ("b", m("a]\xe9]z"), 1, 1, 0, "AL", (False, 3)),  # bytes are signed
        # AR numeric special case (MAX_NUMERIC_STRING and strnint).
        (5, m("1]]10"), 1, 1, 0, "AR", (False, 3)),  # "" is integer 0
        (5, m("1]" + "9" * 21 + "]3"), 1, 1, 0, "AR", (False, 3)),  # > 20 bytes
        (5, m("9]" + "9" * 21 + "]3"), 1, 1, 0, "DR", (False, 3)),  # long: skipped
        (5, m("1]2]x"), 1, 1, 0, "AR", (False, 4)),  # last non-integer passes
        (5, m("1]2]x^9"), 1, 1, 0, "AR", (False, 3)),  # ...unless an FM ends it
        (-3, m("-5]-3]0"), 1, 1, 0, "AR", (True, 2)),
    ],
)
def test_locate_stmt(item, s, f, v, sv, order, expected):
    assert locate_stmt(item, s, f, v, sv, order) == expected


def test_string_locate_mode_turns_off_the_integer_compare():
    # $MODE STRING.LOCATE (OP.LOCATES).
    assert locate_stmt("010", UP, 1, 1, 0, "AR", numeric=False) == (False, 5)
    assert locate_stmt(7, UP, 1, 1, 0, "AR", numeric=False) == (False, 3)


@pytest.mark.parametrize(
    "item, s, f, v, order, start, expected",
    [
        ("d", W, 1, None, "", 1, (True, 2)),  # b2_locate_mixed: pick form d
        ("c", W, 1, None, "AL", 1, (False, 2)),  # b2_locate_mixed
        ("y", m("x^y^z"), None, None, "", 1, (True, 2)),  # bare array: fields
        ("y", m("x^y^z"), None, None, "", 3, (False, 4)),  # UV start position
        ("s2", m("x]s1\\s2"), 1, 2, "", 1, (True, 2)),  # (f, v): subvalues
        ("d", W, 1, None, "", 3, (False, 4)),
    ],
)
def test_locate_pick(item, s, f, v, order, start, expected):
    assert locate_pick(item, s, f, v, order, start) == expected


@pytest.mark.parametrize(
    "args, expected",
    [
        (("f", W, 1), 0),  # b2_locate_mixed: one position searches fields
        (("z", W, 1), 0),  # b2_locate_mixed
        (("f", W, 1, 1), 3),  # b2_locate_mixed
        (("z", W, 1, 1), 0),  # b2_locate_mixed
        (("y", m("x^y^z"), 1), 2),  # b2_locate_mixed
        (("x", m("x^y^z"), 2), 0),  # b2_locate_mixed: start at field 2
        (("z", m("x^y^z"), 2), 3),  # b2_locate_mixed
        (("c", W, 1, 1, 0, "AL"), 0),  # not found gives 0 even when ordered
        (("s2", m("x]s1\\s2"), 1, 2, 1), 2),
        (("d", W, 1, None, None, ""), 0),
    ],
)
def test_locate_fn(args, expected):
    assert locate_fn(*args) == expected


distinct_items = st.lists(
    st.text(alphabet="abcxyz", min_size=1, max_size=4), min_size=1, unique=True
)


@given(distinct_items)
def test_unordered_locate_finds_each_value(values):
    s = VM.join(values)
    for i, value in enumerate(values, 1):
        assert locate_stmt(value, s, 1, 1) == (True, i)


@given(distinct_items, st.text(alphabet="abcxyz", min_size=1, max_size=4))
def test_al_locate_gives_the_sorted_insertion_point(values, item):
    # For ASCII text AL agrees with Python's ordering.
    values = sorted(values)
    found, pos = locate_stmt(item, VM.join(values), 1, 1, 0, "AL")
    assert pos == bisect.bisect_left(values, item) + 1
    assert found == (item in values)


@given(
    st.lists(st.integers(-999, 999), min_size=1, unique=True), st.integers(-999, 999)
)
def test_ar_locate_orders_integers_numerically(values, item):
    values = sorted(values)
    found, pos = locate_stmt(item, VM.join(map(str, values)), 1, 1, 0, "AR")
    assert pos == bisect.bisect_left(values, item) + 1
    assert found == (item in values)


# --- FIND and FINDSTR -------------------------------------------------------

COLOURS = m("red]green^blue]sky\\navy^green")


@pytest.mark.parametrize(
    "item, s, occ, expected",
    [
        ("green", COLOURS, 1, (True, 1, 2, 1)),  # b2_find_findstr
        ("green", COLOURS, 2, (True, 3, 1, 1)),  # b2_find_findstr
        ("green", COLOURS, 3, (False, 0, 0, 0)),  # b2_find_findstr
        ("navy", COLOURS, 1, (True, 2, 2, 2)),  # b2_find_findstr
        ("nav", COLOURS, 1, (False, 0, 0, 0)),  # b2_find_findstr: whole only
        ("NAVY", COLOURS, 1, (False, 0, 0, 0)),  # b2_find_findstr: case
        ("", COLOURS, 1, (False, 0, 0, 0)),  # b2_find_findstr
        ("", m("x^^y"), 1, (True, 2, 1, 1)),  # b2_find_findstr
        ("q", m("x^^y"), 1, (False, 0, 0, 0)),  # b2_find_findstr
        (12, m("1^012^12"), 1, (True, 3, 1, 1)),  # b2_find_findstr
        ("", "", 1, (False, 0, 0, 0)),  # nothing is found in ""
        ("red", COLOURS, 0, (False, 0, 0, 0)),  # occurrence below 1
        ("", m("a^"), 1, (True, 2, 1, 1)),
        ("a\xfbb", m("x]a\xfbb"), 1, (True, 1, 2, 1)),  # TM is data
    ],
)
def test_find(item, s, occ, expected):
    assert find(item, s, occ) == expected


@pytest.mark.parametrize(
    "item, s, occ, expected",
    [
        ("av", COLOURS, 1, (True, 2, 2, 2)),  # b2_find_findstr
        ("e", COLOURS, 1, (True, 1, 1, 1)),  # b2_find_findstr
        ("e", COLOURS, 2, (True, 1, 2, 1)),  # b2_find_findstr
        ("e", COLOURS, 3, (True, 1, 2, 1)),  # "green" holds "e" twice
        ("e", COLOURS, 4, (True, 2, 1, 1)),  # b2_find_findstr
        ("e", COLOURS, 5, (True, 3, 1, 1)),  # b2_find_findstr
        ("e", COLOURS, 6, (True, 3, 1, 1)),  # b2_find_findstr
        ("aa", m("aaa^a^xaax"), 1, (True, 1, 1, 1)),  # b2_find_findstr
        ("aa", m("aaa^a^xaax"), 2, (True, 3, 1, 1)),  # no overlap in "aaa"
        ("aa", m("aaa^a^xaax"), 3, (False, 0, 0, 0)),  # b2_find_findstr
        ("zz", COLOURS, 1, (False, 0, 0, 0)),  # b2_find_findstr
        ("", "abc", 1, (True, 1, 1, 1)),  # "" is found at once
        ("", "", 1, (False, 0, 0, 0)),
        ("ab", "aab", 1, (False, 0, 0, 0)),  # the scan never backs up
        ("a]b", m("a]b"), 1, (False, 0, 0, 0)),  # marks never match
    ],
)
def test_findstr(item, s, occ, expected):
    assert findstr(item, s, occ) == expected
