"""Searching dynamic arrays: LOCATE in its three forms, FIND and FINDSTR.

The rules are ScarletDME's (``op_locat.c`` ``locate()``, ``op_find.c``
``op_find`` and ``op_findstr``; BCOMP ``st.locate`` and ``in.locate`` for
the positions each syntax passes). All three LOCATE forms end in the same
search over <field, value, subvalue>:

- the deepest non-zero position chooses the level: value 0 (or below)
  searches fields from ``field``, subvalue 0 searches the values of
  ``field`` from ``value``, otherwise the subvalues of <field, value>;
- an item not found gives the position where it would be inserted in an
  ordered search, or the count + 1;
- ordering codes are two characters, ``A``/``D`` then ``R``/``L``.

$NOCASE.STRINGS matching is not supported here.
"""

from __future__ import annotations

import re

from runtime_lib.dynarray import item_offset
from runtime_lib.values import FM, SM, VM, to_int, to_str

__all__ = ["find", "findstr", "locate_fn", "locate_pick", "locate_stmt"]

# AR/DR numeric comparison looks at items of up to 20 bytes (MAX_NUMERIC_STRING).
MAX_NUMERIC_STRING = 20

_INT32_MAX = 2**31 - 1
_LEVEL = {SM: 1, VM: 2, FM: 3}
_DELIM = re.compile("[\xfc-\xfe]")


def strnint(s: str) -> int | None:
    """Return s as a 32-bit integer the way ScarletDME's ``strnint`` reads it.

    An optional sign and digits, ending at the end or a NUL byte; "" and a
    lone sign are 0; overflow or any other character gives None.
    """
    if not s or s[0] == "\0":
        return 0
    i = 1 if s[0] in "+-" else 0
    value = 0
    while i < len(s) and "0" <= s[i] <= "9":
        value = value * 10 + ord(s[i]) - 48
        if value > _INT32_MAX:
            return None
        i += 1
    if i < len(s) and s[i] != "\0":
        return None
    return -value if s[0] == "-" else value


def _signed(c: str) -> int:
    """Return a byte as x86's signed ``char``: bytes from x80 up are negative."""
    code = ord(c)
    return code - 256 if code >= 128 else code


def _first_difference(a: str, b: str) -> int:
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return k
    return min(len(a), len(b))


def _search_unordered(items, search, index, ends_at_mark):
    try:
        return True, index + items.index(search)
    except ValueError:
        pass
    # An empty last item at the end of the string is where the search ends.
    if not ends_at_mark and items[-1] == "":
        return False, index + len(items) - 1
    return False, index + len(items)


def _search_ordered(items, search, index, ends_at_mark, ascending, right):
    """Walk the items as locate()'s byte-wise comparison loop does.

    Bytes compare as signed chars. A right-justified order compares lengths
    first when the items differ. An item that is a proper prefix of the
    search counts as smaller, except that DL moves past it (as ScarletDME
    does).
    """
    last = len(items) - 1
    for i, item in enumerate(items):
        if item == search:
            return True, index + i
        if item.startswith(search):
            if ascending:
                return False, index + i
        elif search.startswith(item):
            if i < last:
                if right and not ascending:
                    return False, index + i
                continue
            if not ends_at_mark and item == "":
                return False, index + i
            return False, index + i + 1
        elif right and len(item) != len(search):
            if (len(search) < len(item)) == ascending:
                return False, index + i
        else:
            k = _first_difference(item, search)
            if (_signed(item[k]) > _signed(search[k])) == ascending:
                return False, index + i
        if i == last:
            return False, index + i + 1
    raise AssertionError("unreachable: items is never empty")


def _search_numeric(items, search, number, index, ends_at_mark, ascending):
    """AR/DR with an integer search value: integer items compare as numbers.

    Other items compare by length, then bytes. Items longer than 20 bytes
    end an ascending search and are skipped in a descending one; a final
    non-integer item at the end of the string is always passed.
    """
    last = len(items) - 1
    for i, item in enumerate(items):
        if len(item) > MAX_NUMERIC_STRING:
            if ascending or i == last:
                return False, index + i + 1
            continue
        if len(item) < 10 and item.isdigit() and item.isascii():
            value = int(item)  # the usual case, without strnint's byte loop
        else:
            value = strnint(item)
        if value is not None:
            if value == number:
                return True, index + i
            if (value < number) != ascending:
                return False, index + i
        elif i == last and not ends_at_mark:
            return False, index + i + 1
        elif len(item) == len(search):
            if (item < search) != ascending:
                return False, index + i
        elif (len(item) < len(search)) != ascending:
            return False, index + i
        if i == last:
            return False, index + i + 1
    raise AssertionError("unreachable: items is never empty")


def order_flags(order: str) -> tuple[bool, bool, bool] | None:
    """Return (ordered, ascending, right-justified) for an order code.

    The code is read into a two-byte buffer, so a longer one gives None
    (the search fails with position 0).
    """
    if len(order) > 2:
        return None
    code = order.upper()
    ordered = code[:1] in ("A", "D")
    return ordered, code[:1] == "A", ordered and code[1:2] == "R"


def search_items(
    items: list[str],
    search: str,
    index: int,
    ends_at_mark: bool,
    flags: tuple[bool, bool, bool],
    numeric: bool,
) -> tuple[bool, int]:
    """Return (found, position) for a search over ``items``.

    ``items`` are the elements from where the search starts, ``index`` the
    position of the first one, ``ends_at_mark`` whether a higher mark
    follows the last one (else the string ends there).
    """
    ordered, ascending, right = flags
    if right and numeric and search and len(search) <= MAX_NUMERIC_STRING:
        number = strnint(search)
        if number is not None:
            return _search_numeric(
                items, search, number, index, ends_at_mark, ascending
            )
    if not ordered:
        return _search_unordered(items, search, index, ends_at_mark)
    return _search_ordered(items, search, index, ends_at_mark, ascending, right)


def _locate(item, s, f, v, sv, order, numeric) -> tuple[bool, int]:
    """ScarletDME's ``locate()``: return (found, position)."""
    field, value, subvalue = to_int(f), to_int(v), to_int(sv)
    flags = order_flags(to_str(order))
    s = to_str(s)
    search = to_str(item)
    if flags is None:
        return False, 0

    field = max(field, 1)
    if value <= 0:
        mark, index, value, subvalue = FM, field, 1, 1
    elif subvalue <= 0:
        mark, index, subvalue = VM, value, 1
    else:
        mark, index = SM, subvalue

    if not s:
        if not search:
            return (field, value, subvalue) == (1, 1, 1), 1
        return False, index
    start = item_offset(s, field, value, subvalue)
    if start < 0 or start == len(s):
        return False, index
    # A higher mark where the search starts: only "" matches, at that position.
    if _LEVEL.get(s[start], 0) > _LEVEL[mark]:
        return not search, index

    end = -1
    if mark != FM:
        end = s.find(FM, start)
        if mark == SM:
            value_end = s.find(VM, start, end if end >= 0 else len(s))
            if value_end >= 0:
                end = value_end
    ends_at_mark = end >= 0
    items = s[start : end if ends_at_mark else len(s)].split(mark)
    return search_items(items, search, index, ends_at_mark, flags, numeric)


def locate_stmt(
    item: object,
    s: object,
    f: object,
    v: object = 0,
    sv: object = 0,
    order: object = "",
    numeric: bool = True,
) -> tuple[bool, int]:
    """Return (found, position) for QM's LOCATE statement.

    ``LOCATE item IN s<f[,v[,sv]]> [BY order] SETTING pos``: <f> searches
    fields from field f, <f,v> the values of field f from value v,
    <f,v,sv> the subvalues of <f,v> from sv (pass 0 for positions not
    written). When not found, ``pos`` is where the item would be inserted
    in an ordered search, or the count + 1. Orders AL, AR, DL, DR in either
    case; anything else searches unordered, and a code longer than two
    characters fails with position 0. In AR/DR an integer search value
    (even "010") is compared numerically with integer items;
    ``numeric=False`` ($MODE STRING.LOCATE) turns that off. An empty array
    holds only "", at position 1.
    """
    return _locate(item, s, f, v, sv, order, numeric)


def locate_pick(
    item: object,
    s: object,
    f: object = None,
    v: object = None,
    order: object = "",
    start: object = 1,
    numeric: bool = True,
) -> tuple[bool, int]:
    """Return (found, position) for the Pick and UniVerse LOCATE statements.

    ``LOCATE(item, s[, f[, v]]; pos[; order])`` and, under $MODE UV.LOCATE,
    ``LOCATE item IN s[<f[,v]>][, start] [BY order] SETTING pos``: a bare
    array searches fields, f searches the values of field f, f and v the
    subvalues of <f,v>, beginning at ``start`` (always 1 in the Pick form).
    Positions, orders and results are as for :func:`locate_stmt`.
    """
    if f is None:
        return _locate(item, s, start, 0, 0, order, numeric)
    if v is None:
        return _locate(item, s, f, start, 0, order, numeric)
    return _locate(item, s, f, v, start, order, numeric)


def locate_fn(
    item: object,
    s: object,
    f: object,
    v: object = 0,
    sv: object = 0,
    order: object = "",
) -> int:
    """Return the position of ``item`` in s, or 0 when it is not there.

    ``LOCATE(item, s, f [, v [, sv]] [; order])``: positions choose the
    level as in the QM statement, so one position searches *fields* from
    field f: LOCATE("f", "b]d]f", 1) is 0 and LOCATE("f", "b]d]f", 1, 1)
    is 3. Orders as for :func:`locate_stmt`.
    """
    found, pos = _locate(item, s, f, v or 0, sv or 0, order, True)
    return pos if found else 0


def _position(s: str, offset: int) -> tuple[int, int, int]:
    """Return the (field, value, subvalue) of the element starting at offset."""
    field_start = s.rfind(FM, 0, offset) + 1
    value_start = max(s.rfind(VM, field_start, offset) + 1, field_start)
    return (
        s.count(FM, 0, offset) + 1,
        s.count(VM, field_start, offset) + 1,
        s.count(SM, value_start, offset) + 1,
    )


def find(item: object, s: object, occ: object = 1) -> tuple[bool, int, int, int]:
    """Return (found, field, value, subvalue) of an element equal to ``item``.

    ``FIND item IN s[, occ] SETTING f[, v[, sv]]``: elements are split at
    FM, VM and SM and must match whole and with case; ``occ`` counts
    matching elements (below 1 never matches). Nothing is found in "".
    When not found the positions are 0 and the SETTING variables must be
    left as they were.
    """
    search = to_str(item)
    s = to_str(s)
    wanted = to_int(occ)
    if not s or search not in s:
        return False, 0, 0, 0
    offset = 0
    for element in _DELIM.split(s):
        if element == search:
            wanted -= 1
            if wanted == 0:
                return (True, *_position(s, offset))
        offset += len(element) + 1
    return False, 0, 0, 0


def _matches_in(element: str, search: str):
    """Yield once per match of ``search`` in element, as ScarletDME scans.

    The scan never backs up: after a partial match fails, it carries on
    after the failing byte, so "aab" holds no "ab". Matches do not overlap.
    """
    first = search[0]
    i = element.find(first)
    while i >= 0:
        if element.startswith(search, i):
            yield
            i += len(search)
        else:
            i += _first_difference(element[i:], search) + 1
        i = element.find(first, i)


def findstr(item: object, s: object, occ: object = 1) -> tuple[bool, int, int, int]:
    """Return (found, field, value, subvalue) of the element holding ``item``.

    ``FINDSTR item IN s[, occ] SETTING f[, v[, sv]]``: ``occ`` counts
    substring occurrences, not elements ("green" holds "e" twice), without
    overlaps ("aaa" holds "aa" once). "" is found at 1, 1, 1 in any
    non-empty array; nothing is found in "".
    """
    s = to_str(s)
    search = to_str(item)
    wanted = to_int(occ)
    if not s:
        return False, 0, 0, 0
    if not search:
        return True, 1, 1, 1
    if search not in s:
        return False, 0, 0, 0
    offset = 0
    for element in _DELIM.split(s):
        for _ in _matches_in(element, search):
            wanted -= 1
            if wanted == 0:
                return (True, *_position(s, offset))
        offset += len(element) + 1
    return False, 0, 0, 0
