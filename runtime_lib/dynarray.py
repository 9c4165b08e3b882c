"""Dynamic arrays: <f,v,s> positions, counting, FIELD, REMOVE and CROP.

A dynamic array is a BASIC string whose fields are separated by FM (xFE),
values by VM (xFD) and subvalues by SM (xFC). The rules are ScarletDME's
(``op_str2.c``: ``op_extract``, ``op_del``, ``rdi()``, ``find_item``,
``op_field``; ``op_str1.c`` ``op_remove``; ``op_str4.c`` ``count()``;
``op_str5.c``: ``op_crop``, ``op_fldstorf``, ``op_listindx``, ``op_raise``,
``op_lower``, ``op_setrem``). Searching (LOCATE, FIND, FINDSTR) lives in
``runtime_lib.locate``.

Positions are converted with ``to_int`` (ScarletDME's ``GetInt``), strings
with ``to_str``; $NOCASE.STRINGS matching is not supported here.

Loops stay linear. Like ScarletDME, which keeps in each string descriptor
where the last field lookup ended, the offsets of the last few field and
FIELD() lookups are remembered per string, so reading ``A<I>`` or
``FIELD(S, ",", I)`` for I = 1, 2, 3, ... moves on from the previous item
instead of counting from the start; FIELD() and REMOVE reading item after
item split the rest of the string once and go on from the list (the walks
below). A loop that also writes ``A<I> = x`` or
appends ``A<-1> = x`` works on a ``Fields`` object (``runtime_lib.fields``),
the array held as a Python list of fields, and turns it back into a string
when the loop ends (the lowering decides where; see
``transpiler/passes/types.py``).
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, islice, repeat
from operator import add

from runtime_lib.errors import BasicError
from runtime_lib.state import state
from runtime_lib.values import FM, IM, SM, TM, VM, to_int, to_str

__all__ = [
    "crop",
    "count",
    "dcount",
    "delete",
    "extract",
    "field",
    "fieldstore",
    "insert",
    "listindex",
    "lower",
    "raise_",
    "remove",
    "replace",
    "setrem",
    "substrings",
]

# ScarletDME's ER_LENGTH, left in STATUS() by SETREM past the end.
ER_LENGTH = 1002

# COUNT and DCOUNT copy the substring into a 256-byte buffer.
MAX_SUBSTRING_LEN = 256

# The level of each delimiter: a mark ends every item of its own level or lower.
_LEVEL = {SM: 1, VM: 2, FM: 3}

# REMOVE and the multivalue functions split on every mark, TM and IM included.
_ANY_MARK = re.compile("[\xfb-\xff]")

# REMOVE walking an array: [array, pointer, an iterator of the results of
# the REMOVEs from that pointer on, the array the last REMOVE read, where
# that one ended]. Walks of arrays shorter than _WALK_FROM bytes are not
# split.
_MARK_SPLIT = re.compile("([\xfb-\xff])")
_REMOVING: list = [None, 0, iter(()), None, 0]
_WALK_FROM = 64
_MARK_CODE = {chr(byte): 256 - byte for byte in range(0xFB, 0x100)}

_RAISE = str.maketrans({TM: SM, SM: VM, VM: FM, FM: IM})
_LOWER = str.maketrans({IM: FM, FM: VM, VM: SM, SM: TM})

_REDUNDANT_MARKS = re.compile("[\xfc-\xfe]+(?=[^\xfc-\xfe])")


# --- locating an item -------------------------------------------------------


# _skip counts marks in blocks (in C) while more than this many are left.
_COUNT_FROM = 16


def _skip(s: str, mark: str, n: int, start: int, end: int) -> int:
    """Return the offset after the n-th ``mark`` in s[start:end], or -1."""
    pos = start
    while n > _COUNT_FROM:
        # Count the marks of the next n characters (in C): they hold at most
        # n, and if fewer, the one sought lies beyond them.
        stop = pos + n
        if stop >= end:
            stop = end
        k = s.count(mark, pos, stop)
        if k == n:
            return stop  # n characters that are all marks
        if stop == end:
            return -1
        n -= k
        pos = stop
    for _ in range(n):
        pos = s.find(mark, pos, end)
        if pos < 0:
            return -1
        pos += 1
    return pos


def _field_end(s: str, start: int) -> int:
    end = s.find(FM, start)
    return len(s) if end < 0 else end


def _value_end(s: str, start: int, field_end: int) -> int:
    end = s.find(VM, start, field_end)
    return field_end if end < 0 else end


def _item_end(s: str, start: int, mark: str) -> int:
    """Return where the item at ``start`` ends: at a mark of its level or higher."""
    end = _field_end(s, start)
    if mark != FM:
        end = _value_end(s, start, end)
        if mark == SM:
            sub_end = s.find(SM, start, end)
            if sub_end >= 0:
                end = sub_end
    return end


# Remembered lookups: id(string) -> (string, position, offset). The string
# itself is kept so that an id reused by a new string is never trusted.
_FIELD_HINTS: dict[int, tuple[str, int, int]] = {}
_GROUP_HINTS: dict[int, tuple[str, str, int, int]] = {}
_MAX_HINTS = 8
# Lookups that skip fewer marks than this are cheap enough not to remember.
_HINT_FROM = 8


def _remember(hints: dict, key: int, entry: tuple) -> None:
    """Keep a lookup's end for the next one in the same string, forgetting
    the oldest when the table is full."""
    if key not in hints and len(hints) >= _MAX_HINTS:
        del hints[next(iter(hints))]
    hints[key] = entry


def _field_start(s: str, field: int) -> int:
    """Return the offset where field ``field`` (1 or more) starts, or -1.

    Moves on from the last remembered lookup in the same string when that
    was at or before this field.
    """
    if field == 1:
        return 0
    key = id(s)
    hint = _FIELD_HINTS.get(key)
    if hint is not None and hint[0] is s and hint[1] <= field:
        done, pos = hint[1], hint[2]
    else:
        done, pos = 1, 0
    pos = _skip(s, FM, field - done, pos, len(s))
    if pos < 0:
        return -1
    if field >= _HINT_FROM:
        _remember(_FIELD_HINTS, key, (s, field, pos))
    return pos


def item_offset(s: str, field: int, value: int, subvalue: int) -> int:
    """Return the offset where item <field, value, subvalue> starts, or -1.

    ScarletDME's ``find_item``: positions are 1-based and already normalised
    (value and subvalue 1 for a whole field); <1,1,1> is found even in "".
    """
    if field == 1 and value == 1 and subvalue == 1:
        return 0
    if not s or field < 1:
        return -1
    start = _field_start(s, field)
    if start < 0:
        return -1
    if value == 1 and subvalue == 1:
        return start
    if value < 1 or subvalue < 1:
        return -1
    field_end = _field_end(s, start)
    start = _skip(s, VM, value - 1, start, field_end)
    if start < 0 or subvalue == 1:
        return start
    return _skip(s, SM, subvalue - 1, start, _value_end(s, start, field_end))


def _level_of(value: int, subvalue: int) -> tuple[str, int, int]:
    """Return (mark ending the item, value, subvalue) for a position.

    Value 0 means the whole field and subvalue 0 the whole value.
    """
    if value == 0:
        return FM, 1, 1
    if subvalue == 0:
        return VM, value, 1
    return SM, value, subvalue


def _walk(s: str, field: int, value: int, subvalue: int):
    """Follow ``rdi()``'s walk to an item.

    Returns (start, stop, f, v, sv): ``start`` is the item's offset, or -1
    when the walk stopped at offset ``stop`` (the end of the string or the
    mark closing the field or value it ran out in), with f, v and sv the
    position counters there. Any negative position is never found.
    """
    start = item_offset(s, field, value, subvalue)
    if start >= 0:
        return start, start, field, value, subvalue
    field_start = _field_start(s, field) if field > 0 else -1
    if field_start < 0:
        return -1, len(s), s.count(FM) + 1, 1, 1
    field_end = _field_end(s, field_start)
    value_start = _skip(s, VM, value - 1, field_start, field_end) if value > 0 else -1
    if value_start < 0:
        last_value = s.rfind(VM, field_start, field_end) + 1 or field_start
        v = s.count(VM, field_start, field_end) + 1
        return -1, field_end, field, v, s.count(SM, last_value, field_end) + 1
    value_end = _value_end(s, value_start, field_end)
    return -1, value_end, field, value, s.count(SM, value_start, value_end) + 1


def _pad_and_place(s, field, value, subvalue, new, inserting, compatible):
    """REPLACE and INSERT: ScarletDME's ``rdi()`` for modes 0 and 1."""
    if field == 0:
        field = 1
    mark, value, subvalue = _level_of(value, subvalue)
    start, stop, f, v, sv = _walk(s, field, value, subvalue)

    if start >= 0:
        resume = start if inserting else _item_end(s, start, mark)
    else:
        resume = stop
        last = s[stop - 1] if stop else ""
        # Appending (negative positions) only adds a mark after existing text.
        if stop:
            if field < 0:
                if compatible and last == FM:
                    f = field = 1
                else:
                    field = f + 1
                v = sv = 1
            elif value < 0:
                if field != f or last == FM or (compatible and last == VM):
                    v = value = 1
                else:
                    value = v + 1
                sv = 1
            elif subvalue < 0:
                if (
                    field != f
                    or value != v
                    or last in (FM, VM)
                    or (compatible and last == SM)
                ):
                    sv = subvalue = 1
                else:
                    subvalue = sv + 1

    pad = []
    if f < field:
        pad.append(FM * (field - f))
        v = sv = 1
    if v < value:
        pad.append(VM * (value - v))
        sv = 1
    if sv < subvalue:
        pad.append(SM * (subvalue - sv))
    pad.append(new)
    # INS separates the new item from a following item of its level or lower.
    if inserting and resume < len(s):
        following = s[resume]
        if _LEVEL.get(following, 0) <= _LEVEL[mark]:
            pad.append(mark)
    return s[: resume if start < 0 else start] + "".join(pad) + s[resume:]


# --- EXTRACT, REPLACE, INSERT, DELETE ---------------------------------------


def extract(s: object, f: object, v: object = 0, sv: object = 0) -> str:
    """Return field, value or subvalue <f,v,sv> of a dynamic array.

    ``EXTRACT(s, f [, v [, sv]])`` and ``s<f,v,sv>`` in an expression.
    A field of 0 or below gives ""; v = 0 gives the whole field and sv = 0
    the whole value; positions past the end and negative values or
    subvalues give "".
    """
    if type(s) is str and type(f) is int and v == 0 and sv == 0:
        # A whole field: the loop ``A<I>`` (the next field is remembered).
        if f <= 0:
            return ""
        start = _field_start(s, f)
        if start < 0:
            return ""
        end = s.find(FM, start)
        return s[start:] if end < 0 else s[start:end]
    s = to_str(s)
    field, value, subvalue = to_int(f), to_int(v), to_int(sv)
    if field <= 0:
        return ""
    mark, value, subvalue = _level_of(value, subvalue)
    start = item_offset(s, field, value, subvalue)
    if start < 0:
        return ""
    return s[start : _item_end(s, start, mark)]


def replace(
    s: object,
    f: object,
    v: object,
    sv: object,
    new: object,
    compatible: bool = False,
) -> str:
    """Return s with item <f,v,sv> replaced by ``new``.

    ``REPLACE(s, f, v, sv, new)`` and ``s<f,v,sv> = new``. Field 0 means
    field 1; v = 0 replaces the whole field, sv = 0 the whole value. Any
    negative position appends: a field after the last one (an FM is added
    unless the string is empty), a value to field f (no VM if the field is
    empty or new), a subvalue likewise. Missing levels are padded with
    marks, so <3,2> on "" gives FM FM VM new. In default mode <-1> on a
    string ending in FM gives two FMs before the new field;
    ``compatible=True`` ($MODE COMPATIBLE.APPEND) adds no mark after a
    trailing mark of the level being appended.
    """
    s, new = to_str(s), to_str(new)
    field, value, subvalue = to_int(f), to_int(v), to_int(sv)
    return _pad_and_place(s, field, value, subvalue, new, False, compatible)


def insert(
    s: object,
    f: object,
    v: object,
    sv: object,
    new: object,
    compatible: bool = False,
) -> str:
    """Return s with ``new`` inserted before item <f,v,sv>.

    ``INSERT(s, f, v, sv, new)`` and ``INS new BEFORE s<f,v,sv>``. Positions
    are treated as REPLACE treats them (negative appends, padding with
    marks). A mark of the item's level follows the new item unless it ends
    the string or is followed by a higher-level mark.
    """
    s, new = to_str(s), to_str(new)
    field, value, subvalue = to_int(f), to_int(v), to_int(sv)
    return _pad_and_place(s, field, value, subvalue, new, True, compatible)


def delete(s: object, f: object, v: object = 0, sv: object = 0) -> str:
    """Return s with item <f,v,sv> and one adjacent mark removed.

    ``DELETE(s, f [, v [, sv]])`` and ``DEL s<f,v,sv>``. Any negative
    position, or a position past the end, leaves the string unchanged.
    Field 0 means field 1. The mark before the item goes with it, or the
    mark after it when the item is the first of its level.
    """
    s = to_str(s)
    field, value, subvalue = to_int(f), to_int(v), to_int(sv)
    if field < 0 or value < 0 or subvalue < 0:
        return s
    mark, value, subvalue = _level_of(value, subvalue)
    start = item_offset(s, field or 1, value, subvalue)
    if start < 0:
        return s
    end = _item_end(s, start, mark)
    if start and s[start - 1] == mark:
        return s[: start - 1] + s[end:]
    if end < len(s) and s[end] == mark:
        return s[:start] + s[end + 1 :]
    return s[:start] + s[end:]


# --- counting, FIELD, FIELDSTORE --------------------------------------------


def _substring_arg(sub: object) -> str:
    sub = to_str(sub)
    if len(sub) > MAX_SUBSTRING_LEN:
        raise BasicError("Substring too long")
    return sub


def count(s: object, sub: object) -> int:
    """Return how many times ``sub`` occurs in s, without overlaps.

    ``COUNT(s, sub)``: scans left to right and resumes after each match, so
    "aaa" holds "aa" once. ``COUNT(s, "")`` is LEN(s); a substring longer
    than 256 bytes is a fatal "Substring too long".
    """
    sub = _substring_arg(sub)
    s = to_str(s)
    if not s:
        return 0
    if not sub:
        return len(s)
    return s.count(sub)


def dcount(s: object, delim: object) -> int:
    """Return the number of delimited items in s (0 for "").

    ``DCOUNT(s, delim)``: COUNT + 1, using the whole multi-character
    delimiter; ``DCOUNT(s, "")`` is LEN(s).
    """
    delim = _substring_arg(delim)
    s = to_str(s)
    if not s:
        return 0
    if not delim:
        return len(s)
    return s.count(delim) + 1


def field(s: object, delim: object, occ: object, n: object = 1) -> str:
    """Return ``n`` delimited substrings of s starting at occurrence ``occ``.

    ``FIELD(s, delim, occ [, n])`` and ``s[delim, occ, n]``. Only the first
    character of ``delim`` counts; "" returns s whole. ``occ`` and ``n``
    below 1 mean 1; an occurrence past the end gives "". Sets COL1() to the
    offset of the substring's start (the position of the delimiter before
    it) and COL2() to the position of the delimiter after it, both 0 when
    not found.
    """
    walk = _SPLITTING
    if walk[0] is s and walk[4] == occ and walk[1] is delim and n == 1:
        # The next item of the string being walked (split once).
        item = walk[2][occ - walk[3]]  # type: ignore[operator]
        start = walk[5]
        end = start + len(item)
        if end == len(s):  # type: ignore[arg-type]
            walk[:] = _NO_WALK  # the last item: let the string and list go
        else:
            walk[4] = occ + 1  # type: ignore[operator]
            walk[5] = end + 1
        state.col1 = start
        state.col2 = end + 1
        return item
    if type(s) is str and type(delim) is str and type(occ) is int and n == 1:
        # The usual FIELD(S, ",", I), without conversions.
        if s and delim:
            d = delim if len(delim) == 1 else delim[0]
            start = 0
            if occ > 1:
                # Move on from the remembered lookup (see _group_start),
                # which for FIELD(S, d, I) in a loop is this very item.
                hint = _GROUP_HINTS.get(id(s))
                if hint is not None and hint[0] is s and hint[1] == d:
                    done, start = hint[2], hint[3]
                    if done > occ:
                        done, start = 1, 0
                else:
                    done = 1
                if done < occ:
                    start = _skip(s, d, occ - done, start, len(s))
                    if start < 0:
                        state.col1 = state.col2 = 0
                        return ""
            end = s.find(d, start)
            if end < 0:
                end = len(s)
            elif occ >= _HINT_FROM - 1:
                # Where the next item starts.
                key = id(s)
                _remember(_GROUP_HINTS, key, (s, d, occ + 1, end + 1))
                last = _LAST_FIELD
                if (
                    last[0] is s
                    and last[2] == occ - 1
                    and last[1] == d
                    and len(s) - end > _WALK_FROM
                ):
                    # The call before read the item before: split the rest.
                    parts = s[end + 1 :].split(d)
                    walk[:] = [s, delim, parts, occ + 1, occ + 1, end + 1]
                last[:] = [s, d, occ]
            state.col1 = start
            state.col2 = end + 1
            return s[start:end]
    state.col1 = state.col2 = 0
    n = max(n if type(n) is int else to_int(n), 1)
    occ = max(occ if type(occ) is int else to_int(occ), 1)
    if type(delim) is not str:
        delim = to_str(delim)
    if type(s) is not str:
        s = to_str(s)
    if not s:
        return s
    if not delim:
        state.col2 = len(s) + 1
        return s
    d = delim[0]
    start = _group_start(s, d, occ)
    if start < 0:
        return ""
    if n == 1:
        end = s.find(d, start)
        if end < 0:
            end = len(s)
    else:
        end = _skip(s, d, n, start, len(s))
        end = len(s) if end < 0 else end - 1
    state.col1 = start
    state.col2 = end + 1
    return s[start:end]


# FIELD() walking a string: [string, delimiter (the very object passed, so
# one identity test checks it), its items from ``first`` on (split once at
# its first character), first, the next occurrence, where it starts], until
# its last item is read; and the string, delimiter and occurrence of the
# last FIELD() that remembered its end (a walk starts at the second call in
# a row on the same string, so two strings read in turn are never split
# again and again).
_NO_WALK = [None, object(), [], 0, 0, 0]
_SPLITTING: list = list(_NO_WALK)
_LAST_FIELD: list = [None, "", 0]


def _group_start(s: str, d: str, occ: int) -> int:
    """Return the offset of occurrence ``occ`` of the ``d``-delimited
    substrings of s, or -1; moves on from the last remembered lookup."""
    if occ == 1:
        return 0
    key = id(s)
    hint = _GROUP_HINTS.get(key)
    if hint is not None and hint[0] is s and hint[1] == d and hint[2] <= occ:
        done, pos = hint[2], hint[3]
    else:
        done, pos = 1, 0
    pos = _skip(s, d, occ - done, pos, len(s))
    if pos < 0:
        return -1
    if occ >= _HINT_FROM:
        _remember(_GROUP_HINTS, key, (s, d, occ, pos))
    return pos


def fieldstore(s: object, delim: object, start: object, n: object, new: object) -> str:
    """Return s with ``n`` delimited substrings from ``start`` replaced.

    ``FIELDSTORE(s, delim, start, n, new)``: only the first character of
    ``delim`` counts ("" is a fatal "Null substring delimiter"). A start
    below 1 means 1; missing substrings before it are added as empty ones.
    For n > 0 the n old substrings give way to the first n substrings of
    ``new`` (padded with delimiters if ``new`` has fewer); for n <= 0, |n|
    old substrings are removed and all of ``new`` is inserted. As in
    ScarletDME, removing up to the very end drops a trailing delimiter.
    """
    new = to_str(new)
    n = to_int(n)
    insert_all = n <= 0
    n = abs(n)
    skip = max(to_int(start), 1) - 1
    delim = to_str(delim)
    if not delim:
        raise BasicError("Null substring delimiter")
    d = delim[0]
    s = to_str(s)

    out = []
    pos = 0
    if s:
        while skip:
            j = s.find(d, pos)
            if j < 0:
                out.append(s[pos:])
                pos = len(s)
                break
            out.append(s[pos : j + 1])
            pos = j + 1
            skip -= 1
    out.append(d * skip)

    for _ in range(n):
        if pos >= len(s):
            break
        j = s.find(d, pos)
        pos = len(s) if j < 0 else j + 1

    if insert_all:
        out.append(new)
    else:
        parts = new.split(d, n)[:n] if new else []
        out.append(d.join(parts))
        if len(parts) < n:
            out.append(d * (n - max(len(parts), 1)))

    if pos < len(s):
        out.append(d + s[pos:])
    return "".join(out)


# --- REMOVE and SETREM ------------------------------------------------------


def remove(s: object, pos: int) -> tuple[str, int, int]:
    """Return (item, delimiter code, new pointer) for REMOVE from s at ``pos``.

    ``REMOVE var FROM s SETTING code`` and ``var = REMOVE(s, code)``. The
    pointer is a byte offset; 0 is the start (generated code keeps one per
    variable and resets it to 0 whenever the variable is assigned; GETREM()
    reads it). The item runs to the next mark of any kind and the code is
    256 - mark byte: 1 IM, 2 FM, 3 VM, 4 SM, 5 TM, 0 for the end of the
    string. At the end the pointer moves one past the last byte and later
    REMOVEs give "" and 0 without moving it.
    """
    walk = _REMOVING
    if walk[0] is s and walk[1] == pos:
        # The next result of the array being walked (made in C).
        result = next(walk[2], None)
        if result is not None:
            if result[1]:
                walk[1] = result[2]
            else:  # the last item: let the string and its items go
                walk[:3] = [None, 0, iter(())]
            return result
        walk[0] = None
    if type(s) is not str:
        s = to_str(s)
    if not s or pos > len(s):
        return "", 0, pos
    match = _ANY_MARK.search(s, pos)
    if match is None:
        return s[pos:], 0, len(s) + 1
    end = match.start()
    if pos and walk[3] is s and walk[4] == pos and len(s) - end > _WALK_FROM:
        # A second REMOVE where the last one ended: split the rest now.
        walk[:3] = [s, end + 1, _remove_results(s[end + 1 :], end + 1)]
    walk[3], walk[4] = s, end + 1
    return s[pos:end], 256 - ord(s[end]), end + 1


def _remove_results(rest: str, pointer: int):
    """Return an iterator of what REMOVE returns for each item of ``rest``,
    the array from ``pointer`` on: (item, delimiter code, new pointer),
    the last one with code 0 and the pointer one past the end. Split once
    and zipped in C, so a REMOVE loop costs a ``next()`` an item."""
    marks = [mark for mark in _MARK_CODE if mark in rest]
    if len(marks) == 1:
        # One kind of mark (a list of fields, say): str.split is ten times
        # faster than the regular expression.
        items = rest.split(marks[0])
        codes = chain(repeat(_MARK_CODE[marks[0]], len(items) - 1), (0,))
    else:
        parts = _MARK_SPLIT.split(rest)
        items = parts[0::2]
        codes = chain(map(_MARK_CODE.__getitem__, islice(parts, 1, None, 2)), (0,))
    ends = accumulate(map(add, map(len, items), repeat(1)), initial=pointer)
    return zip(items, codes, islice(ends, 1, None))


def setrem(s: object, n: object, pos: int = 0) -> int:
    """Return the remove pointer after ``SETREM n ON s``; ``pos`` is the old one.

    STATUS() becomes 0, or 1002 (ER_LENGTH) when n is past the end of s or
    s is empty, in which case the pointer is left alone. ``SETREM 0``
    resets the pointer. A negative n, which ScarletDME accepts and then
    reads before the string, is treated as past the end.
    """
    state.status = 0
    n = to_int(n)
    if n == 0:
        return 0
    s = to_str(s)
    if not s or n > len(s) or n < 0:
        state.status = ER_LENGTH
        return pos
    return n


# --- whole-array transformations --------------------------------------------


def raise_(s: object) -> str:
    """Return s with every mark raised one level (TM->SM->VM->FM->IM).

    ``RAISE(s)``: IM stays IM.
    """
    return to_str(s).translate(_RAISE)


def lower(s: object) -> str:
    """Return s with every mark lowered one level (IM->FM->VM->SM->TM).

    ``LOWER(s)``: TM stays TM.
    """
    return to_str(s).translate(_LOWER)


def _reduce_marks(match: re.Match) -> str:
    """Keep the marks a run needs: every mark of its highest level, and of
    each lower level only those after the last higher mark."""
    run = match.group()
    after_fm = run[run.rfind(FM) + 1 :]
    after_vm = after_fm[after_fm.rfind(VM) + 1 :]
    return FM * run.count(FM) + VM * after_fm.count(VM) + SM * after_vm.count(SM)


def crop(s: object) -> str:
    """Return s without redundant marks.

    ``CROP(s)``: trailing FM, VM and SM are dropped, and so are empty values
    and subvalues at the end of a field or value ("a]^b" gives "a^b");
    empty items followed by data are kept. TM and IM count as data.
    """
    s = to_str(s)
    return _REDUNDANT_MARKS.sub(_reduce_marks, s).rstrip(FM + VM + SM)


def substrings(s: object, start: object, length: object) -> str:
    """Return ``x[start, length]`` of every element of s, marks kept.

    ``SUBSTRINGS(s, start, length)``: elements are split at every mark (TM
    and IM too); a start below 1 means 1 and a negative length 0.
    """
    s = to_str(s)
    begin = max(to_int(start) - 1, 0)
    end = begin + max(to_int(length), 0)
    parts = _ANY_MARK.split(s)
    marks = _ANY_MARK.findall(s)
    out = [parts[0][begin:end]]
    for mark, part in zip(marks, parts[1:]):
        out.append(mark)
        out.append(part[begin:end])
    return "".join(out)


def listindex(lst: object, delim: object, item: object) -> int:
    """Return the position of ``item`` in a delimited list, or 0.

    ``LISTINDEX(list, delim, item)``: only the first character of ``delim``
    counts ("" gives 0). ScarletDME compares character by character, so an
    item containing the delimiter matches an element that is its prefix:
    LISTINDEX("a,c", ",", "a,b,c") is 1. "" in "" is 1.
    """
    item = to_str(item)
    delim = to_str(delim)
    lst = to_str(lst)
    if not delim:
        return 0
    if not lst:
        return 1 if not item else 0
    d = delim[0]
    parts = lst.split(d)
    for i, part in enumerate(parts[:-1], 1):
        if item == part or item.startswith(part + d):
            return i
    return len(parts) if parts[-1] == item else 0
