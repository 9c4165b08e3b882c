"""Tests for runtime_lib.dynarray: <f,v,s> positions, COUNT, FIELD, REMOVE, ...

Dynamic arrays are written with the conformance files' notation: ``^`` for
FM, ``]`` for VM and ``\\`` for SM (see :func:`m`). Rows naming a
conformance file are outputs recorded from ScarletDME; the rest pin rules
read from its C sources (op_str2.c, op_str1.c, op_str4.c, op_str5.c).
"""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from runtime_lib.dynarray import (
    count,
    crop,
    dcount,
    delete,
    extract,
    field,
    fieldstore,
    insert,
    listindex,
    lower,
    raise_,
    remove,
    replace,
    setrem,
    substrings,
)
from runtime_lib.errors import BasicError, NonNumericError, UnassignedError
from runtime_lib.state import state
from runtime_lib.values import FM, IM, SM, TM, VM, Unassigned


def m(text: str) -> str:
    """Return text with ^ ] \\ turned into FM, VM and SM."""
    return text.translate(str.maketrans({"^": FM, "]": VM, "\\": SM}))


# dynarray_core builds this array step by step.
CORE = m("a^]b2\\\\s3]v^c^z")
# b2_dyn_positions works on this one.
POS = m("a^b]b2^c")

items = st.text(alphabet="abc", max_size=3)
fields_only = st.lists(items, min_size=1, max_size=5).map(FM.join)
any_array = st.text(alphabet="ab" + FM + VM + SM, max_size=12)


# --- EXTRACT ----------------------------------------------------------------


@pytest.mark.parametrize(
    "s, f, v, sv, expected",
    [
        (CORE, 2, 0, 0, m("]b2\\\\s3]v")),  # dynarray_core: A<2>
        (CORE, 2, 2, 0, m("b2\\\\s3")),  # dynarray_core: A<2,2>
        (CORE, 2, 2, 3, "s3"),  # dynarray_core: A<2,2,3>, EXTRACT(A,2,2,3)
        (CORE, 9, 0, 0, ""),  # dynarray_core: past the last field
        (CORE, 2, 9, 0, ""),  # dynarray_core: past the last value
        (m("a^b^c"), -1, 0, 0, ""),  # dynarray_core: F<-1>
        (m("a^b^c"), 0, 0, 0, ""),  # dynarray_core: F<0>
        (POS, 2, 0, 0, m("b]b2")),  # b2_dyn_positions: A<2,0> is the field
        (POS, 2, -1, 0, ""),  # b2_dyn_positions: negative value
        (POS, -2, 0, 0, ""),  # b2_dyn_positions: negative field
        (POS, 2, 2, 0, "b2"),  # b2_dyn_positions: A<2,2,0> is the value
        (POS, 2, 2, 1, "b2"),  # b2_dyn_positions: subvalue 1 of a plain value
        (POS, 2, 2, 2, ""),  # b2_dyn_positions: subvalue past the end
        (POS, 2, 0, 5, m("b]b2")),  # value 0 ignores the subvalue
        (POS, 2, 1, -1, ""),  # negative subvalue
        ("", 1, 0, 0, ""),
        (m("a^"), 2, 0, 0, ""),  # empty last field
        (m("a]b^c"), 1, 3, 0, ""),  # value beyond the field stops at its FM
        (m("a\xfbb]c"), 1, 1, 0, "a\xfbb"),  # TM is data inside a value
        (12345, 1, 0, 0, "12345"),  # numbers are strings
        (m("1^2"), "2", "0", "", "2"),  # positions convert like GetInt
    ],
)
def test_extract(s, f, v, sv, expected):
    assert extract(s, f, v, sv) == expected


def test_extract_defaults_to_a_field():
    assert extract(CORE, 3) == "c"


@pytest.mark.parametrize(
    "args, error",
    [
        ((Unassigned("A"), 1), UnassignedError),
        ((CORE, "x"), NonNumericError),  # GetInt on a non-numeric position
    ],
)
def test_extract_errors(args, error):
    with pytest.raises(error):
        extract(*args)


# --- REPLACE ----------------------------------------------------------------


@pytest.mark.parametrize(
    "s, f, v, sv, new, expected",
    [
        # dynarray_core, building A step by step.
        ("", 3, 0, 0, "c", m("^^c")),
        (m("^^c"), 1, 0, 0, "a", m("a^^c")),
        (m("a^^c"), 2, 2, 0, "b2", m("a^]b2^c")),
        (m("a^]b2^c"), 2, 2, 3, "s3", m("a^]b2\\\\s3^c")),
        (m("a^]b2\\\\s3^c"), -1, 0, 0, "z", m("a^]b2\\\\s3^c^z")),
        (m("a^]b2\\\\s3^c^z"), 2, -1, 0, "v", m("a^]b2\\\\s3]v^c^z")),
        (CORE, 1, 0, 0, "first", m("first^]b2\\\\s3]v^c^z")),  # dynarray_core
        (m("x^y"), 5, 0, 0, "q", m("x^y^^^q")),  # dynarray_core: padding
        (m("1]2"), 1, -1, 0, "3", m("1]2]3")),  # dynarray_core: value append
        ("", -1, 0, 0, "first", "first"),  # dynarray_core: no FM on ""
        ("first", -1, 0, 0, "second", m("first^second")),  # dynarray_core
        # b2_dyn_positions: REPLACE(A, ...) and X<...> = on "a^b]b2^c".
        (POS, 0, 0, 0, "R", m("R^b]b2^c")),  # field 0 is field 1
        (POS, -1, 0, 0, "R", m("a^b]b2^c^R")),
        (POS, 2, -1, 0, "R", m("a^b]b2]R^c")),
        (POS, 2, 0, 0, "R", m("a^R^c")),
        (POS, 2, 5, 2, "R", m("a^b]b2]]]\\R^c")),  # padding VMs then SM
        (POS, 6, 0, 0, "R", m("a^b]b2^c^^^R")),
        (POS, 3, -2, 0, "R", m("a^b]b2^c]R")),  # any negative appends
        (POS, 2, 0, 0, "W", m("a^W^c")),  # X<2,0> = "W"
        (POS, 0, 0, 0, "Z", m("Z^b]b2^c")),  # X<0> = "Z"
        (POS, 4, 2, 3, "D", m("a^b]b2^c^]\\\\D")),  # X<4,2,3> = "D"
        (POS, 1, -1, -1, "S", m("a]S^b]b2^c")),  # X<1,-1,-1> = "S"
        # LANGUAGE.md 4.7 and rdi() in op_str2.c.
        ("", 3, 2, 0, "a", m("^^]a")),  # X<3,2> on "" pads FM FM VM
        (m("a^"), -1, 0, 0, "b", m("a^^b")),  # default mode: two FMs
        (m("a^^c"), 2, -1, 0, "x", m("a^x^c")),  # empty field: no VM
        (m("a^b"), 4, -1, 0, "x", m("a^b^^x")),  # new field: no VM
        (m("a^b]c"), 2, 2, -1, "x", m("a^b]c\\x")),  # subvalue append
        (m("a^b]"), 2, 2, -1, "x", m("a^b]x")),  # empty value: no SM
        (m("a^b"), 2, 3, -1, "x", m("a^b]]x")),  # new value: no SM
        ("", 1, -1, 0, "x", "x"),
        ("", -1, 2, 0, "x", m("]x")),  # no text yet, so no FM; VM padding
        (m("^b"), 1, 3, 0, "x", m("]]x^b")),
        (m("a\\b]c"), 1, 1, 3, "x", m("a\\b\\x]c")),  # stops at the value's VM
        (m("a^b^c"), 2, 0, 0, "", m("a^^c")),
        ("abc", 1, 0, 0, 7, "7"),  # numbers are strings
        (0, -1, 0, 0, "x", m("0^x")),  # README: a fresh COMMON variable is 0
    ],
)
def test_replace(s, f, v, sv, new, expected):
    assert replace(s, f, v, sv, new) == expected


@pytest.mark.parametrize(
    "s, f, v, sv, new, expected",
    [
        (m("a^"), -1, 0, 0, "b", m("a^b")),  # no FM after a trailing FM
        (m("a^b]"), 2, -1, 0, "c", m("a^b]c")),  # nor VM after a trailing VM
        (m("a^b\\"), 2, 1, -1, "c", m("a^b\\c")),  # nor SM after an SM
        (m("a"), -1, 0, 0, "b", m("a^b")),
    ],
)
def test_replace_compatible_append(s, f, v, sv, new, expected):
    # $MODE COMPATIBLE.APPEND (op_comprep and friends).
    assert replace(s, f, v, sv, new, compatible=True) == expected


@given(fields_only, st.integers(1, 7), st.integers(0, 3), st.integers(0, 3), items)
def test_replace_then_extract_gives_the_new_item(s, f, v, sv, new):
    if v == 0:
        sv = 0
    assert extract(replace(s, f, v, sv, new), f, v, sv) == new


@given(any_array, items)
def test_append_adds_one_field(s, new):
    result = replace(s, -1, 0, 0, new)
    assert result == (s + FM + new if s else new)


# --- INSERT -----------------------------------------------------------------


@pytest.mark.parametrize(
    "s, f, v, sv, new, expected",
    [
        (CORE, 2, 1, 0, "new", m("a^new]]b2\\\\s3]v^c^z")),  # dynarray_core
        (CORE, 1, 0, 0, "ins", m("ins^a^]b2\\\\s3]v^c^z")),  # dynarray_core: INS
        # b2_dyn_positions: INSERT(A, ...) and INS on "a^b]b2^c".
        (POS, 0, 0, 0, "I", m("I^a^b]b2^c")),
        (POS, -1, 0, 0, "I", m("a^b]b2^c^I")),
        (POS, 2, 0, 0, "I", m("a^I^b]b2^c")),
        (POS, 2, 2, 0, "I", m("a^b]I]b2^c")),
        (POS, 2, -1, 0, "I", m("a^b]b2]I^c")),  # no VM before the FM
        (POS, 5, 0, 0, "I", m("a^b]b2^c^^I")),
        (POS, 1, 1, 1, "I", m("I\\a^b]b2^c")),
        (POS, 0, 0, 0, "N", m("N^a^b]b2^c")),  # INS "N" BEFORE X<0>
        (POS, 3, -1, 0, "N", m("a^b]b2^c]N")),  # INS "N" BEFORE X<3,-1>
        # rdi() in op_str2.c: the mark after the new item.
        ("", 1, 0, 0, "x", "x"),
        (m("a^"), 2, 0, 0, "x", m("a^x")),  # at the end: no mark
        (m("^b"), 1, 0, 0, "x", m("x^^b")),  # before an empty field
        (m("a]b^c"), 1, 2, 0, "x", m("a]x]b^c")),
        (m("a^c"), 1, 2, 0, "x", m("a]x^c")),  # before a higher mark: none
        (m("a\\b^c"), 1, 1, 2, "x", m("a\\x\\b^c")),
    ],
)
def test_insert(s, f, v, sv, new, expected):
    assert insert(s, f, v, sv, new) == expected


# --- DELETE -----------------------------------------------------------------


@pytest.mark.parametrize(
    "s, f, v, sv, expected",
    [
        (CORE, 2, 1, 0, m("a^b2\\\\s3]v^c^z")),  # dynarray_core
        (CORE, 1, 0, 0, m("]b2\\\\s3]v^c^z")),  # dynarray_core
        (m("ins^a^]b2\\\\s3]v^c^z"), 1, 0, 0, CORE),  # dynarray_core: DEL A<1>
        # b2_dyn_positions: DELETE(A, ...) and DEL on "a^b]b2^c".
        (POS, 0, 0, 0, m("b]b2^c")),  # field 0 is field 1
        (POS, -1, 0, 0, POS),  # negative: unchanged
        (POS, 2, 2, 0, m("a^b^c")),
        (POS, 3, 0, 0, m("a^b]b2")),
        (POS, 9, 0, 0, POS),  # past the end: unchanged
        (POS, 2, 9, 0, POS),
        (POS, 2, 1, 0, m("a^b2^c")),  # DEL X<2,1>: the VM after goes
        # op_del and rdi() in op_str2.c.
        (POS, 2, 0, -1, POS),  # any negative position
        (m("a^b^c"), 2, 1, 0, m("a^^c")),  # only value: the field stays
        (m("a^"), 2, 0, 0, "a"),
        (m("^b"), 1, 0, 0, "b"),
        ("abc", 1, 0, 0, ""),
        ("", 1, 0, 0, ""),
        (m("a]b\\c]d"), 1, 2, 2, m("a]b]d")),
    ],
)
def test_delete(s, f, v, sv, expected):
    assert delete(s, f, v, sv) == expected


@given(fields_only, st.integers(1, 5), items)
def test_insert_then_delete_restores_the_array(s, f, new):
    f = min(f, s.count(FM) + 1)
    # INS at the very end adds no mark after the new item, so DEL of it
    # takes the FM before it: the round trip needs text after the position.
    assume(not (s.endswith(FM) and f == s.count(FM) + 1))
    assert delete(insert(s, f, 0, 0, new), f) == s


# --- COUNT and DCOUNT -------------------------------------------------------


@pytest.mark.parametrize(
    "s, sub, expected",
    [
        (CORE, FM, 3),  # dynarray_core
        ("a::b::c", "::", 2),  # b2_minmax_count: whole delimiter
        ("abcabc", "bc", 2),  # b2_minmax_count
        ("aaa", "", 3),  # b2_minmax_count: COUNT(s, "") is LEN(s)
        ("", "a", 0),  # b2_minmax_count
        (m("a]]"), VM, 2),  # b2_minmax_count
        ("aaa", "aa", 1),  # no overlaps
        (1212, 12, 2),
        ("", "", 0),
    ],
)
def test_count(s, sub, expected):
    assert count(s, sub) == expected


@pytest.mark.parametrize(
    "s, delim, expected",
    [
        (CORE, FM, 4),  # dynarray_core
        (m("]b2\\\\s3]v"), VM, 3),  # dynarray_core: DCOUNT(A<2>, @VM)
        (m("b2\\\\s3"), SM, 3),  # dynarray_core: DCOUNT(A<2,2>, @SM)
        (m("b2\\s3"), SM, 2),
        (m("a^b^"), FM, 3),  # b2_minmax_count
        (FM, FM, 2),  # b2_minmax_count
        ("x", "", 1),  # b2_minmax_count: DCOUNT(s, "") is LEN(s)
        ("abc", "", 3),
        ("a::b", "::", 2),  # b2_minmax_count
        (m("a]]"), VM, 3),  # b2_minmax_count
        (" ", " ", 2),  # b2_minmax_count
        ("", FM, 0),
    ],
)
def test_dcount(s, delim, expected):
    assert dcount(s, delim) == expected


def test_count_rejects_a_substring_over_256_bytes():
    with pytest.raises(BasicError, match="Substring too long"):
        count("abc", "x" * 257)
    assert count("x" * 256, "x" * 256) == 1


@given(any_array)
def test_dcount_counts_split_items(s):
    assert dcount(s, FM) == (len(s.split(FM)) if s else 0)


# --- FIELD and FIELDSTORE ---------------------------------------------------

WORDS = "one two  three"


@pytest.mark.parametrize(
    "s, delim, occ, n, expected, col1, col2",
    [
        (WORDS, " ", 3, 1, "", 8, 9),  # b2_field_trim
        (WORDS, " ", 2, 2, "two ", 4, 9),  # b2_field_trim
        (WORDS, "xy", 1, 1, WORDS, 0, 15),  # b2_field_trim: first char only
        (WORDS, " ", 9, 1, "", 0, 0),  # b2_field_trim: past the end
        (WORDS, "e", 2, 1, " two  thr", 3, 13),  # b2_field_trim
        (WORDS, "o", 1, 1, "", 0, 1),  # S["o", 1, 1] in b2_field_trim
        (WORDS, " ", 0, 0, "one", 0, 4),  # occurrence and count below 1
        (WORDS, "", 2, 1, WORDS, 0, 15),  # empty delimiter: all of s
        ("", ",", 1, 1, "", 0, 0),
        ("a,b,c", ",", 2, 9, "b,c", 2, 6),
        (123456, 4, 1, 1, "123", 0, 4),
    ],
)
def test_field(s, delim, occ, n, expected, col1, col2):
    state.col1 = state.col2 = -1
    assert field(s, delim, occ, n) == expected
    assert (state.col1, state.col2) == (col1, col2)


@pytest.mark.parametrize(
    "s, delim, start, n, new, expected",
    [
        ("a.b.c.d", ".", 2, 1, "X", "a.X.c.d"),  # b2_string_fns
        ("a.b.c.d", ".", 2, 2, "X.Y.Z", "a.X.Y.d"),  # b2_string_fns
        ("a.b", ".", 5, 1, "Q", "a.b...Q"),  # b2_string_fns
        ("a.b.c.d", ".", 2, 0, "N", "a.N.b.c.d"),  # b2_string_fns
        ("a.b.c.d", ".", 2, -2, "N", "a.N.d"),  # b2_string_fns
        # op_fldstorf in op_str5.c.
        ("a.b.c.d", ".", 2, 3, "X", "a.X.."),  # new has too few: padded
        ("a.b.c", ".", 2, 2, "", "a.."),  # removal reaches the end
        ("a.b.", ".", 2, 1, "X", "a.X"),  # a trailing delimiter is lost
        ("", ".", 3, 1, "X", "..X"),
        ("a.b", "./", 0, 1, "X", "X.b"),
        ("a.b", ".", 1, 1, "X.Y", "X.b"),
    ],
)
def test_fieldstore(s, delim, start, n, new, expected):
    assert fieldstore(s, delim, start, n, new) == expected


def test_fieldstore_rejects_an_empty_delimiter():
    with pytest.raises(BasicError, match="Null substring delimiter"):
        fieldstore("a.b", "", 1, 1, "x")


# --- REMOVE and SETREM ------------------------------------------------------


def remove_all(s):
    """Return [(item, code)] for a REMOVE loop that stops on code 0."""
    out = []
    pos = 0
    while True:
        item, code, pos = remove(s, pos)
        out.append((item, code))
        if not code:
            return out


@pytest.mark.parametrize(
    "s, expected",
    [
        (  # remove_loop
            m("a^b]c\\d^e"),
            [("a", 2), ("b", 3), ("c", 4), ("d", 2), ("e", 0)],
        ),
        ("x" + IM + "y" + TM + "z", [("x", 1), ("y", 5), ("z", 0)]),
        ("", [("", 0)]),
        (m("a^"), [("a", 2), ("", 0)]),
    ],
)
def test_remove_loop(s, expected):
    assert remove_all(s) == expected


def test_remove_function_form_sums_a_list():
    # remove_loop: X = REMOVE(B, D) until D = 0.
    assert sum(int(item) for item, _ in remove_all(m("1^2^3"))) == 6


def test_remove_pointer_walkthrough():
    # b2_remove_setrem, with the pointer kept beside the variable as the
    # generated code keeps it (reset to 0 by every assignment).
    a = m("a^b^c^d")
    x, d, ptr = remove(a, 0)
    assert (x, d, ptr) == ("a", 2, 2)
    x, d, ptr = remove(a, ptr)
    assert (x, d, ptr) == ("b", 2, 4)
    a, ptr = replace(a, 5, 0, 0, "e"), 0  # A<5> = "e" resets the pointer
    x, d, ptr = remove(a, ptr)
    assert (x, d, ptr) == ("a", 2, 2)
    assert remove(a, 0)[0] == "a"  # B = A: the copy starts over
    ptr = setrem(a, 4, ptr)
    x, d, ptr = remove(a, ptr)
    assert (x, d, state.status) == ("c", 2, 0)
    ptr = setrem(a, 0, ptr)
    assert remove(a, ptr)[0] == "a"
    ptr = 2
    ptr = setrem(a, 100, ptr)
    assert (state.status, ptr) == (1002, 2)
    assert remove(a, ptr)[:2] == ("b", 2)


def test_remove_pointer_across_changes():
    # b2_remove_setrem: C = "p]q" : @SM : "r"; two REMOVEs, then C = C : ...
    c = m("p]q\\r")
    x, _, ptr = remove(c, 0)
    y, _, ptr = remove(c, ptr)
    c, ptr = c + m("^s"), 0
    z, d, ptr = remove(c, ptr)
    assert (x + y + z, d, ptr) == ("pqp", 3, 2)


def test_remove_past_the_end():
    # b2_remove_setrem: E = "x" : @FM.
    e = m("x^")
    assert remove(e, 0) == ("x", 2, 2)
    assert remove(e, 2) == ("", 0, 3)
    assert remove(e, 3) == ("", 0, 3)


@pytest.mark.parametrize(
    "s, n, old, expected, status",
    [
        ("abcd", 4, 1, 4, 0),  # the last byte is a valid position
        ("abcd", 5, 1, 1, 1002),  # past the end: pointer left alone
        ("", 1, 0, 0, 1002),
        ("abcd", 0, 3, 0, 0),  # SETREM 0 resets
        ("abcd", -1, 3, 3, 1002),
    ],
)
def test_setrem(s, n, old, expected, status):
    state.status = -1
    assert setrem(s, n, old) == expected
    assert state.status == status


@given(st.text(alphabet="ab" + IM + FM + VM + SM + TM, max_size=12))
def test_remove_loop_rebuilds_the_string(s):
    rebuilt = "".join(
        item + (chr(256 - code) if code else "") for item, code in remove_all(s)
    )
    assert rebuilt == s


# --- RAISE, LOWER, CROP, SUBSTRINGS, LISTINDEX ------------------------------


@pytest.mark.parametrize(
    "s, raised, lowered",
    [
        (m("a]b^c"), "a" + FM + "b" + IM + "c", m("a\\b]c")),  # raise_lower_misc
        (IM + TM, IM + SM, FM + TM),  # IM cannot go up nor TM down
        ("", "", ""),
    ],
)
def test_raise_and_lower(s, raised, lowered):
    assert raise_(s) == raised
    assert lower(s) == lowered


@given(st.text(alphabet="ab" + IM + FM + VM + SM, max_size=12))
def test_raise_undoes_lower_without_text_marks(s):
    assert raise_(lower(s)) == s


@pytest.mark.parametrize(
    "s, expected",
    [
        (m("a]^b\\\\^^"), m("a^b")),  # b2_string_fns
        (m("a]]b"), m("a]]b")),  # empty values before data stay
        (m("]]a"), m("]]a")),
        (m("a\\]\\b"), m("a]\\b")),  # subvalues before the VM go
        (m("a^]\\^b"), m("a^^b")),
        ("a" + TM + FM, "a" + TM),  # TM is data
        ("", ""),
    ],
)
def test_crop(s, expected):
    assert crop(s) == expected


@given(any_array)
def test_crop_is_idempotent_and_keeps_the_data(s):
    once = crop(s)
    assert crop(once) == once
    assert once.translate({ord(c): None for c in FM + VM + SM}) == s.translate(
        {ord(c): None for c in FM + VM + SM}
    )


@pytest.mark.parametrize(
    "s, start, length, expected",
    [
        (m("abcdef]xyz^12"), 2, 3, m("bcd]yz^2")),  # b2_string_fns
        ("abcdef", 0, 2, "ab"),  # b2_string_fns: start 0 means 1
        ("abcdef", -3, 2, "ab"),
        ("abcdef", 2, -1, ""),  # negative length is 0
        ("a" + TM + "bc", 2, 1, TM + "c"),  # TM splits elements too
        ("", 1, 2, ""),
    ],
)
def test_substrings(s, start, length, expected):
    assert substrings(s, start, length) == expected


@pytest.mark.parametrize(
    "lst, delim, item, expected",
    [
        ("a,b,c", ",", "b", 2),  # locate_forms
        ("a,b,c", ",", "z", 0),  # locate_forms
        ("x,y,z", ",", "z", 3),  # b2_minmax_count
        ("x;y", ";", "y", 2),  # b2_minmax_count
        ("x,y", ";", "y", 0),  # b2_minmax_count
        ("a,c", ",", "a,b,c", 1),  # b2_minmax_count: prefix up to a delimiter
        ("X,Y", ",", "x", 0),  # b2_minmax_count: case matters
        (m("x^y"), FM, "y", 2),  # b2_minmax_count
        ("ab,cd", ",", "c", 0),  # b2_minmax_count: whole elements only
        ("", ",", "", 1),  # "" in "" is found
        ("", ",", "a", 0),
        ("a,", ",", "", 2),
        ("a,b", "", "a", 0),  # empty delimiter
        ("a,b", ",;", "b", 2),  # first character only
        ("a,b", ",", "b,x", 0),  # the last element must match exactly
    ],
)
def test_listindex(lst, delim, item, expected):
    assert listindex(lst, delim, item) == expected
