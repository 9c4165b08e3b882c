"""String intrinsics: substrings, delimited groups, TRIM, searching, editing.

Every function takes BASIC values (str, int, float or an unassigned marker)
and converts them the way ScarletDME's opcodes do: strings with ``to_str``,
counts and positions with ``to_int`` (k_get_int: truncation after a tiny
nudge). Positions are 1-based as in BASIC.

The rules come from ScarletDME's ``op_str1.c`` (substrings, SPACE, STR),
``op_str2.c`` (FIELD), ``op_str4.c`` (INDEX, TRIM family), ``op_str5.c``
(FIELDSTORE, CONVERT, COMPARE, CSVDQ), ``op_chnge.c`` (CHANGE) and the BASIC
source of FOLD (``_FOLD``). ``$NOCASE.STRINGS`` (case-insensitive INDEX,
FIELD, CHANGE, CONVERT) is not supported.

Character-level intrinsics (case, codes, SOUNDEX, quoting) live in
``runtime_lib.characters``.
"""

from __future__ import annotations

from functools import lru_cache

from runtime_lib.errors import BasicError
from runtime_lib.state import state
from runtime_lib.values import FM, VM, to_int, to_num, to_str

__all__ = [
    "len_",
    "substr",
    "substr_last",
    "substr_assign",
    "substr_assign_pick",
    "substr_assign_pick_full",
    "group",
    "group_assign",
    "col1",
    "col2",
    "dparse",
    "dparse_csv",
    "trim",
    "trimf",
    "trimb",
    "index",
    "convert",
    "change",
    "swap",
    "space",
    "str_",
    "fold",
    "compare_",
    "csvdq",
]

# INDEX and CONVERT copy their search strings into 256-byte C buffers.
_MAX_SEARCH_LEN = 256

# The marks REMOVE stops at (TM up to IM), used by FOLD's width list.
_REMOVE_MARKS = "\xfb\xfc\xfd\xfe\xff"


def _text(value: object) -> str:
    return value if type(value) is str else to_str(value)  # type: ignore[return-value]


def _int(value: object) -> int:
    return value if type(value) is int else to_int(value)  # type: ignore[return-value]


# --- length and substrings --------------------------------------------------


def len_(s: object) -> int:
    """Return the length of a value as a string.

    ``LEN(s)``: numbers are measured as PRINT would show them, so
    ``LEN(1.50)`` is 3 ("1.5").
    """
    return len(_text(s))


def substr(s: object, start: object, length: object) -> str:
    """Return the substring ``s[start, length]``.

    ``X[s, l]`` (op_substr): a start below 1 counts as 1, so ``X[0,3]`` and
    ``X[-5,3]`` both mean ``X[1,3]``; a negative length gives ""; a range
    running past the end is cut at the end.
    """
    s = _text(s)
    length = _int(length)
    if length <= 0:
        return ""
    begin = _int(start) - 1
    if begin < 0:
        begin = 0
    return s[begin : begin + length]


def substr_last(s: object, n: object) -> str:
    """Return the last n characters of a string.

    ``X[n]`` (op_substre): n larger than the length gives the whole string;
    n below 1 gives "".
    """
    s = _text(s)
    n = _int(n)
    if n <= 0:
        return ""
    return s[-n:]


def substr_assign(target: object, start: object, length: object, new: object) -> str:
    """Return target with ``target[start, length] = new`` applied.

    ScarletDME's default substring assignment (op_substra): exactly
    ``length`` characters inside the current string are overwritten, the
    replacement is cut or padded with spaces to fit, and the length never
    changes. A start below 1 counts as 1. A length below 1, an empty target
    or a start past the end leave the target unchanged.
    """
    target = _text(target)
    new = _text(new)
    length = _int(length)
    if length <= 0:
        return target
    begin = _int(start) - 1
    if begin < 0:
        begin = 0
    size = len(target)
    if begin >= size:
        return target
    if length > size - begin:
        length = size - begin
    return target[:begin] + new[:length].ljust(length) + target[begin + length :]


def substr_assign_pick(
    target: object, start: object, length: object, new: object
) -> str:
    """Return target with a Pick-style ``target[start, length] = new``.

    ``$MODE PICK.SUBSTR`` (op_psubstra): as :func:`substr_assign`, but the
    target is first padded with spaces out to ``start + length - 1``, so an
    assignment past the end (or into "") extends the string.
    """
    target = _text(target)
    new = _text(new)
    length = _int(length)
    if length <= 0:
        return target
    begin = _int(start) - 1
    if begin < 0:
        begin = 0
    target = target.ljust(begin + length)
    return target[:begin] + new[:length].ljust(length) + target[begin + length :]


def substr_assign_pick_full(
    target: object, start: object, length: object, new: object
) -> str:
    """Return target with a D3-style ``target[start, length] = new``.

    ``$MODE PICK.SUBSTR.ASSIGN`` (op_psubstrb): the ``length`` characters
    at ``start`` are replaced by the whole of ``new``, so the length may
    change. A start past the end pads with spaces first. A negative start
    -n puts ``new`` and n spaces in front of what is left after dropping
    ``length`` characters. ScarletDME's in-place shortcut for an equal-length
    replacement copies the bytes the wrong way round (leaving the target
    unchanged); that defect is not reproduced.
    """
    target = _text(target)
    new = _text(new)
    length = _int(length)
    if length < 0:
        length = 0
    begin = _int(start)
    if begin < 0:
        return new + " " * -begin + target[length:]
    keep = begin - 1 if begin > 0 else 0
    return target[:keep].ljust(keep) + new + target[keep + length :]


# --- delimited groups (FIELD, FIELDSTORE, DPARSE) ----------------------------


def _field(s: str, delim: str, occ: int, count: int) -> str:
    """FIELD's rules (op_field), setting COL1() and COL2() as it does."""
    state.col1 = 0
    state.col2 = 0
    if count < 1:
        count = 1
    if occ < 1:
        occ = 1
    if not s:
        return s
    if not delim:
        state.col2 = len(s) + 1
        return s
    d = delim[0]
    if occ == 1:
        rest = s
    else:
        parts = s.split(d, occ - 1)
        if len(parts) < occ:
            return ""
        rest = parts[-1]
    start = len(s) - len(rest)
    pieces = rest.split(d, count)
    if len(pieces) <= count:
        result = rest
    else:
        result = rest[: len(rest) - len(pieces[-1]) - 1]
    state.col1 = start
    state.col2 = start + len(result) + 1
    return result


def group(s: object, delim: object, occ: object, count: object = 1) -> str:
    """Return ``count`` delimited groups of s starting at group ``occ``.

    ``X[delim, occ, count]`` and ``FIELD(s, delim, occ [, count])``
    (op_field): only the first character of the delimiter counts; an empty
    delimiter returns the whole string; occ and count below 1 count as 1;
    an occurrence past the end gives "". Sets COL1() to the position of the
    delimiter before the result (0 when it starts the string or nothing was
    found) and COL2() to the position of the delimiter after it (0 when
    nothing was found).
    """
    return _field(_text(s), _text(delim), _int(occ), _int(count))


def group_assign(
    target: object, delim: object, occ: object, count: object, new: object
) -> str:
    """Return target with ``count`` groups from group ``occ`` replaced by new.

    ``X[delim, occ, count] = new`` and ``FIELDSTORE(s, delim, occ, count,
    new)`` (op_fldstorf):

    - only the first character of the delimiter counts; an empty delimiter
      is the error "Null substring delimiter";
    - an occurrence past the end adds empty groups up to it;
    - count > 0 replaces that many groups with the first count groups of
      new, adding empty ones if new has fewer;
    - count <= 0 deletes -count groups (none for 0) and inserts the whole
      of new;
    - when the groups removed end exactly at the end of the string, the
      empty group after a trailing delimiter is dropped, as in ScarletDME.
    """
    s = _text(target)
    delim = _text(delim)
    occ = _int(occ)
    count = _int(count)
    new = _text(new)
    if not delim:
        raise BasicError("Null substring delimiter")
    d = delim[0]
    insert_all = count <= 0
    if insert_all:
        count = -count
    if occ < 1:
        occ = 1
    size = len(s)

    pos, missing = _after_delimiters(s, 0, d, occ - 1)
    head = s[:pos] + d * missing
    pos, _ = _after_delimiters(s, pos, d, count)

    if insert_all:
        middle = new
    else:
        parts = new.split(d, count)[:count] if new else []
        middle = d.join(parts) + d * (count - max(len(parts), 1))
    tail = d + s[pos:] if pos < size else ""
    return head + middle + tail


def _after_delimiters(s: str, pos: int, d: str, n: int) -> tuple[int, int]:
    """Return the index after the n-th d from pos, and how many were missing.

    When there are fewer than n, the index is the end of the string.
    """
    if n <= 0:
        return pos, 0
    rest = s[pos:] if pos else s
    parts = rest.split(d, n)
    if len(parts) > n:
        return len(s) - len(parts[-1]), 0
    return len(s), n - (len(parts) - 1)


def col1() -> int:
    """Return COL1(): the delimiter position before the last FIELD result."""
    return state.col1


def col2() -> int:
    """Return COL2(): the delimiter position after the last FIELD result."""
    return state.col2


def dparse(s: object, delim: object, n: int) -> tuple[str, ...]:
    """Return the first n delimited groups of s, for ``DPARSE s, d, v1, ...``.

    BCOMP compiles each target to ``FIELD(s, d, k, 1)``, so groups past the
    end are "", an empty delimiter gives the whole string to every target,
    and COL1()/COL2() are left as the last FIELD set them.
    """
    s = _text(s)
    delim = _text(delim)
    if n < 1:
        return ()
    if not s or not delim:
        parts = [s] * n
    else:
        parts = s.split(delim[0], n)[:n]
        parts += [""] * (n - len(parts))
    _field(s, delim, n, 1)
    return tuple(parts)


def dparse_csv(s: object, delim: object, n: int) -> tuple[str, ...]:
    """Return the first n CSV fields of s, for ``DPARSE.CSV s, d, v1, ...``.

    BCOMP turns s into fields with CSVDQ(s, d) and gives each target the
    next field in turn (REMOVEF, one field each): targets past the last
    field get "". STATUS() is REMOVEF's for the last target: 0 if it got a
    field, 2 if the fields had run out, 1 if there were none at all.
    """
    fields = csvdq(s, delim)
    parts = fields.split(FM) if fields else []
    if n < 1:
        return ()
    if not parts:
        state.status = 1
    else:
        state.status = 0 if n <= len(parts) else 2
    return tuple(parts[:n]) + ("",) * max(n - len(parts), 0)


# --- TRIM family -------------------------------------------------------------


def _squeeze(s: str, ch: str) -> str:
    pair = ch + ch
    while pair in s:
        s = s.replace(pair, ch)
    return s


def trim(s: object, ch: object = " ", mode: object = "R") -> str:
    """Return s with a character trimmed as TRIM's mode says.

    ``TRIM(s)`` removes leading and trailing spaces and squeezes inner runs
    of spaces to one. ``TRIM(s, ch [, mode])`` (op_trimx) uses the first
    character of ch and the first character of mode ("" means "R"):

    - ``L`` leading, ``T`` trailing, ``B`` both ends;
    - ``R`` both ends and inner runs squeezed to one; ``A`` every one;
    - ``C`` inner and outer runs squeezed to one, nothing removed;
    - ``D``, ``E``, ``F`` act on spaces whatever ch is, like TRIM, TRIMB
      and TRIMF.

    Any other mode is the error "Illegal mode in TRIM()"; an empty ch with
    a mode other than D, E, F is "Null string as second argument to TRIM()".
    Modes are case-sensitive.
    """
    s = _text(s)
    ch = _text(ch)
    mode = _text(mode)
    m = mode[0] if mode else "R"
    if m not in "ABCDEFLRT":
        raise BasicError("Illegal mode in TRIM()")
    if m in "DEF":
        c = " "
    else:
        if not ch:
            raise BasicError("Null string as second argument to TRIM()")
        c = ch[0]
    if m == "R" or m == "D":
        return _squeeze(s.strip(c), c)
    if m == "L" or m == "F":
        return s.lstrip(c)
    if m == "T" or m == "E":
        return s.rstrip(c)
    if m == "B":
        return s.strip(c)
    if m == "A":
        return s.replace(c, "")
    return _squeeze(s, c)


def trimf(s: object) -> str:
    """Return s without leading spaces (``TRIMF(s)``)."""
    return _text(s).lstrip(" ")


def trimb(s: object) -> str:
    """Return s without trailing spaces (``TRIMB(s)``)."""
    return _text(s).rstrip(" ")


# --- searching and editing ---------------------------------------------------


def index(s: object, sub: object, occ: object) -> int:
    """Return the position of the occ-th occurrence of sub in s, or 0.

    ``INDEX(s, sub, occ)`` (op_index): occurrences do not overlap
    (``INDEX("aaaa", "aa", 2)`` is 3); an occurrence below 1 gives 0; an
    empty sub gives occ itself. Only the first 256 characters of sub are
    used; STATUS() is then 1, otherwise INDEX sets it to 0.
    """
    s = _text(s)
    sub = _text(sub)
    occ = _int(occ)
    if len(sub) > _MAX_SEARCH_LEN:
        sub = sub[:_MAX_SEARCH_LEN]
        state.status = 1
    else:
        state.status = 0
    if occ < 1:
        return 0
    if not sub:
        return occ
    step = len(sub)
    pos = s.find(sub)
    while pos >= 0:
        occ -= 1
        if occ == 0:
            return pos + 1
        pos = s.find(sub, pos + step)
    return 0


@lru_cache(maxsize=256)
def _convert_table(from_chars: str, to_chars: str) -> dict[int, str | None]:
    # CONVERT copies both lists into 256-byte buffers; a longer list is
    # taken as length -1, so a long "from" converts nothing and a long "to"
    # deletes every "from" character.
    if len(from_chars) > _MAX_SEARCH_LEN:
        return {}
    if len(to_chars) > _MAX_SEARCH_LEN:
        to_chars = ""
    table: dict[int, str | None] = {}
    for i, c in enumerate(from_chars):
        # The first mention of a character decides its fate.
        table.setdefault(ord(c), to_chars[i] if i < len(to_chars) else None)
    return table


def convert(from_chars: object, to_chars: object, s: object) -> str:
    """Return s with each character of from_chars replaced by its partner.

    ``CONVERT(from, to, s)``, and the statement ``CONVERT from TO to IN s``:
    the i-th character of from becomes the i-th character of to; from
    characters beyond the end of to are deleted; when a character appears
    twice in from, its first position counts.
    """
    s = _text(s)
    if not s:
        return s
    return s.translate(_convert_table(_text(from_chars), _text(to_chars)))


def change(
    s: object, old: object, new: object, count: object = -1, start: object = 1
) -> str:
    """Return s with occurrences of old replaced by new.

    ``CHANGE(s, old, new [, count [, start]])`` and its synonym ``SWAP``
    (op_change): replacing begins at occurrence ``start`` (below 1 counts
    as 1) and does ``count`` replacements; count 0 or negative replaces all
    the rest. An empty old returns s unchanged. The occurrences skipped
    before ``start`` are counted overlapping (the search moves on one
    character), the replaced ones are not.
    """
    s = _text(s)
    old = _text(old)
    new = _text(new)
    count = _int(count)
    skip = _int(start) - 1
    if not old or not s:
        return s
    if count <= 0:
        count = -1
    if skip <= 0:
        return s.replace(old, new, count)
    pos = s.find(old)
    while pos >= 0 and skip:
        skip -= 1
        pos = s.find(old, pos + 1)
    if pos < 0:
        return s
    return s[:pos] + s[pos:].replace(old, new, count)


swap = change


# --- building strings --------------------------------------------------------


def space(n: object) -> str:
    """Return n spaces (``SPACE(n)``); n below 1 gives ""."""
    return " " * _int(n)


def str_(s: object, n: object) -> str:
    """Return s repeated n times (``STR(s, n)``); n below 1 gives ""."""
    return _text(s) * _int(n)


def _fold_width(width: object) -> list[object]:
    # FOLD takes its widths with REMOVE, which stops at any mark.
    if type(width) is not str:
        return [width]
    text = width
    for mark in _REMOVE_MARKS[1:]:
        text = text.replace(mark, _REMOVE_MARKS[0])
    return text.split(_REMOVE_MARKS[0])


def fold(s: object, width: object, delim: object = FM) -> str:
    """Return s broken into lines of at most ``width`` characters.

    ``FOLD(s, width [, delim])`` (ScarletDME's ``_FOLD``): each line breaks
    at the last space that fits (the space is dropped), or at exactly
    ``width`` characters when there is none. Lines are joined by a field
    mark, or by the first character of delim (a value mark if delim is "").
    A multivalued width gives successive lines their own widths, reusing the
    last. As in ScarletDME, text more than 999999 characters after a break
    is lost. A width below 1 that would never finish is an error here where
    ScarletDME loops for ever.
    """
    s = _text(s)
    delim = _text(delim)
    delim = delim[0] if delim else VM
    widths = _fold_width(width)
    w = _fold_number(widths.pop(0), len(s))
    if w is None or len(s) <= w:
        return s
    pieces = []
    pos = 0
    end = len(s)
    while True:
        window = min(pos + _int(w + 1), end)
        space_at = s.rfind(" ", pos, window) if window > pos else -1
        if space_at >= 0 and end - pos > w:
            pieces.append(s[pos:space_at])
            pos, end = space_at + 1, min(end, space_at + 1 + 999999)
        else:
            take = _int(w)
            if take <= 0:
                raise BasicError("FOLD width must be at least 1")
            pieces.append(s[pos : pos + take])
            pos, end = pos + take, min(end, pos + take + 999999)
        if pos >= end:
            break
        if widths:
            w = to_num(widths.pop(0))
    return delim.join(pieces)


def _fold_number(w: object, length: int) -> int | float | None:
    """Return a FOLD width as a number, or None when the string is kept.

    ``_FOLD`` compares ``LEN(s) <= w``; a non-numeric width makes that a
    string comparison which keeps the string whole when it holds.
    """
    try:
        return to_num(w)
    except BasicError:
        if str(length) <= _text(w):
            return None
        raise


def compare_(a: object, b: object, mode: object = "L") -> int:
    """Return -1, 0 or 1 as string a sorts before, equal to or after b.

    ``COMPARE(a, b [, "L" | "R"])`` (op_compare): "L" compares bytes left
    to right, a shorter string that is a prefix being less. Only a mode
    starting with "R" means right-justified: the longer string's extra
    leading characters are compared with spaces, as signed C chars (so a
    byte of 128 or more sorts below a space there), then the rest left to
    right. Numeric strings are not compared as numbers.
    """
    a = _text(a)
    b = _text(b)
    mode = _text(mode)
    if mode[:1] == "R" and len(a) != len(b):
        diff = len(a) - len(b)
        longer = a if diff > 0 else b
        extra = abs(diff)
        lead = longer[:extra].lstrip(" ")
        if lead:
            code = ord(lead[0])
            sign = -1 if code >= 128 or code < 32 else 1
            return sign if diff > 0 else -sign
        if diff > 0:
            a = a[extra:]
        else:
            b = b[extra:]
    if a == b:
        return 0
    return -1 if a < b else 1


def csvdq(s: object, delim: object = ",") -> str:
    """Return a CSV line split into fields: the fields joined by field marks.

    ``CSVDQ(s [, delim])`` (op_csvdq). Only the first character of delim
    counts (a comma when omitted); an empty delim returns s unchanged. A
    field that starts with a double quote is quoted: the delimiter inside it
    is data, ``""`` stands for one quote, and the closing quote is dropped.
    Any other quote is dropped too, unless doubled, so ``a"b`` gives
    ``ab``; text after a closing quote is kept and the field stays quoted,
    so ``"ab"cd,e`` gives ``abcd,e`` (one field).
    """
    delim = _text(delim)
    if not delim:
        return _text(s)
    delimiter = delim[0]
    out: list[str] = []
    first = True  # at the start of a field
    quoted = False
    after_quote = False  # the last character was a quote not yet copied
    for c in _text(s):
        if c == '"':
            if first:
                quoted = True
            elif after_quote:
                out.append(c)
                after_quote = False
            else:
                after_quote = True
            first = False
        elif c == delimiter:
            if quoted and not after_quote:
                out.append(c)
            else:
                out.append(FM)
                first = True
                after_quote = quoted = False
        else:
            after_quote = False
            out.append(c)
            first = False
    return "".join(out)
