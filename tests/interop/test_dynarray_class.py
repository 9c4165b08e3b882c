"""Tests for runtime_lib.dynarray_class.DynArray, the u2py-style object.

Arrays use the conformance notation ``^`` FM, ``]`` VM, ``\\`` SM. The
methods delegate to the runtime functions (tested against ScarletDME in
tests/runtime), so these rows pin the mapping: argument order, 1-based
positions, in-place changes, return types and the Python protocols.
"""

from __future__ import annotations

import pytest

from runtime_lib.dynarray_class import DynArray, Located
from runtime_lib.values import FM, SM, VM


def m(text: str) -> str:
    """Return text with ^ ] \\ turned into FM, VM and SM."""
    return text.translate(str.maketrans({"^": FM, "]": VM, "\\": SM}))


REC = m("Ada^12 Main St]Springfield^555-0100")


@pytest.mark.parametrize(
    "value, expected",
    [
        # A str is the BASIC string; bytes are Latin-1, one byte a character.
        (REC, REC),
        (REC.encode("latin-1"), REC),
        # Numbers are strings as BASIC prints them.
        (12, "12"),
        (2.5, "2.5"),
        # Nested lists: fields, values, subvalues.
        (["Ada", ["12 Main St", "Springfield"], "555-0100"], REC),
        ([["a", ["b", "c"]], "d"], m("a]b\\c^d")),
        ([], ""),
        (None, ""),
        (DynArray("x"), "x"),
    ],
)
def test_construction(value, expected):
    assert str(DynArray(value)) == expected


def test_lists_nest_at_most_three_deep():
    with pytest.raises(ValueError, match="three deep"):
        DynArray([[["a", ["b"]]]])


@pytest.mark.parametrize(
    "position, expected",
    [
        # EXTRACT: <f>, <f,v>, <f,v,s>; 0 below the field is the whole item.
        ((1,), "Ada"),
        ((2,), m("12 Main St]Springfield")),
        ((2, 2), "Springfield"),
        ((2, 2, 1), "Springfield"),
        # Past the end, and field 0 or below, give "" (op_extract).
        ((9,), ""),
        ((2, 5), ""),
        ((0,), ""),
        ((-1,), ""),
    ],
)
def test_extract_and_indexing(position, expected):
    d = DynArray(REC)
    assert d.extract(*position) == expected
    assert d[position if len(position) > 1 else position[0]] == expected
    assert isinstance(d.extract(*position), DynArray)


@pytest.mark.parametrize(
    "method, args, expected",
    [
        # REPLACE: new value first (u2py's order), then <f,v,s>.
        ("replace", ("x", 1), m("x^12 Main St]Springfield^555-0100")),
        ("replace", ("x", 2, 3), m("Ada^12 Main St]Springfield]x^555-0100")),
        # -1 appends; missing levels are padded with marks.
        ("replace", ("x", -1), m("Ada^12 Main St]Springfield^555-0100^x")),
        ("replace", ("x", 5), m("Ada^12 Main St]Springfield^555-0100^^x")),
        # INSERT before <f,v,s>.
        ("insert", ("x", 1), m("x^Ada^12 Main St]Springfield^555-0100")),
        ("insert", ("x", 2, 1), m("Ada^x]12 Main St]Springfield^555-0100")),
        # DELETE takes the item and one adjacent mark.
        ("delete", (2, 1), m("Ada^Springfield^555-0100")),
        ("delete", (1,), m("12 Main St]Springfield^555-0100")),
        ("delete", (9,), REC),
    ],
)
def test_changes_are_in_place(method, args, expected):
    d = DynArray(REC)
    assert getattr(d, method)(*args) is None
    assert str(d) == expected


def test_item_assignment_and_deletion():
    d = DynArray()
    d[1] = "a"
    d[2, 3] = 7
    assert str(d) == m("a^]]7")
    del d[2]
    assert str(d) == "a"


@pytest.mark.parametrize(
    "array, args, expected",
    [
        # No position: the fields; field f: its values; <f,v>: subvalues
        # (UniVerse's LOCATE(x, s, f, v; pos), as u2py has it).
        (REC, ("Ada",), Located(True, 1)),
        (REC, ("555-0100",), Located(True, 3)),
        (REC, ("Springfield", 2), Located(True, 2)),
        (m("a]b\\c\\d"), ("d", 1, 2), Located(True, 3)),
        # Not found: count + 1, or where it belongs in an ordered search.
        (REC, ("Bob",), Located(False, 4)),
        (m("a]c]e"), ("d", 1, 0, "AL"), Located(False, 3)),
        (m("10]20]100"), (30, 1, 0, "AR"), Located(False, 3)),
    ],
)
def test_locate(array, args, expected):
    found = DynArray(array).locate(*args)
    assert found == expected
    assert found.found is expected.found and found.position == expected.position


@pytest.mark.parametrize(
    "method, args, expected",
    [
        # COUNT: no overlaps; DCOUNT: COUNT + 1, 0 for "".
        ("count", (VM,), 1),
        ("count", ("a",), 2),  # Ada, Main
        ("dcount", (FM,), 3),
        ("dcount", (VM,), 2),
        # FIELD: only the first character of the delimiter counts.
        ("field", (" ", 2), "Main"),
        ("field", (" ", 2, 2), m("Main St]Springfield^555-0100")),
    ],
)
def test_counting_and_field(method, args, expected):
    assert getattr(DynArray(REC), method)(*args) == expected


def test_conversions():
    assert DynArray(1234).oconv("MD2") == "12.34"
    assert DynArray("12.34").iconv("MD2") == "1234"
    assert int(DynArray("12.34").iconv("MD2")) == 1234
    assert DynArray("0").oconv("D4/") == "12/31/1967"
    assert DynArray("ab").fmt("R#4") == "  ab"
    assert float(DynArray("2.5")) == 2.5
    with pytest.raises(ValueError):
        int(DynArray("abc"))


def test_python_protocols():
    d = DynArray(REC)
    assert str(d) == REC
    assert bytes(d) == REC.encode("latin-1")
    # len() counts fields, as iteration does; "" has none.
    assert len(d) == 3
    assert [str(f) for f in d] == ["Ada", m("12 Main St]Springfield"), "555-0100"]
    assert len(DynArray()) == 0 and list(DynArray()) == [] and not DynArray()
    assert len(DynArray(FM)) == 2
    # Equality with str, bytes and DynArray; not with numbers.
    assert d == REC and REC == d and d == DynArray(REC) and d == bytes(d)
    assert d != REC + "x" and DynArray("1") != 1
    # Membership goes over the fields.
    assert "Ada" in d and "Springfield" not in d
    assert d.to_list() == ["Ada", ["12 Main St", "Springfield"], "555-0100"]
    assert DynArray(d.to_list()) == d
    assert repr(DynArray(m("a^b"))) == "DynArray('a\\xfeb')"
    with pytest.raises(TypeError):
        hash(d)
    with pytest.raises(TypeError):
        d[1:2]


def test_runtime_functions_read_a_dynarray():
    # Generated code may be handed a DynArray: it reads as its string.
    from runtime_lib import rt

    d = DynArray(["1", "2"])
    assert rt.extract(d, 2) == "2"
    assert rt.add(DynArray("2"), 3) == 5
    assert rt.cat(d, "!") == m("1^2!")
