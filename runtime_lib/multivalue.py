"""Multivalue functions: SUM, MAXIMUM, IFS, SUBSTITUTE and the "...S" family.

The element-by-element functions follow ScarletDME's ``op_mvfun.c``
(``op_mvd``, ``op_mvdd``, ``op_mvds``, ``op_mvdss``, ``op_mvdsss``,
``op_ifs``, ``op_splice``): an argument is split at every mark (TM and IM
included) and the scalar function is applied to each element, the result
keeping the marks. With two arrays, elements pair by position and mark
level: the array whose last element ended at the lower mark moves on alone
while the other supplies "" (which counts as 0), or its previous element
when wrapped in REUSE(). So EQS(1]2, 10]20]30) is 0]0]0 and
CATS(1]2, 10]20]30) is 110]220]30. Extra scalar arguments (STRS's count,
INDEXS's substring) are not split: an array there is one value.

SUM, SUMMATION, MAXIMUM, MINIMUM, SUBSTITUTE and SUBSTRINGS are BASIC
subroutines in ScarletDME (``_SUM``, ``_SUMALL``, ``_MAXIMUM``,
``_MINIMUM``, ``_SUBST``); they are reproduced from those. REUSE() itself
is ``runtime_lib.arith.reuse``.
"""

from __future__ import annotations

import re

from runtime_lib import arith, compare
from runtime_lib.arith import Reuse
from runtime_lib.characters import soundex
from runtime_lib.dynarray import count, field, listindex
from runtime_lib.strings import fold, index, len_, space, str_, trim, trimb, trimf
from runtime_lib.state import state
from runtime_lib.values import FM, MARKS, SM, VM, is_numeric, to_int, to_str, truth

__all__ = [
    "abss",
    "ands",
    "cats",
    "counts",
    "eqs",
    "fields",
    "folds",
    "ges",
    "gts",
    "ifs",
    "indexs",
    "lens",
    "les",
    "lts",
    "maximum",
    "minimum",
    "mods",
    "negs",
    "nes",
    "nots",
    "nums",
    "ors",
    "soundexs",
    "spaces",
    "splice",
    "strs",
    "substitute",
    "sum_",
    "summation",
    "trimbs",
    "trimfs",
    "trims",
    "vslice",
]

_SPLIT_KEEPING_MARKS = re.compile("([\xfb-\xff])")

# An element of an array ends at a mark whose byte is at least the floor;
# IFS cuts its second and third arguments only at marks as high as the
# condition's last one (256, past every mark, takes the rest of the string).
_MARKS_FROM = {
    floor: re.compile("[" + re.escape(MARKS[: 256 - floor]) + "]")
    for floor in range(251, 256)
}


class _Elements:
    """Reads an array one element at a time, as op_mvfun.c's loops do."""

    __slots__ = ("text", "pos", "done")

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.done = not text

    def next(self, floor: int = 0) -> tuple[str, int]:
        """Return the next element and the byte of the mark ending it.

        The end of the string counts as 256. An array ending in a mark has
        one more, empty, element.
        """
        if self.done:
            return "", 256
        match = None
        if floor <= 255:
            match = _MARKS_FROM[max(floor, 251)].search(self.text, self.pos)
        start = self.pos
        if match is None:
            self.done = True
            return self.text[start:], 256
        self.pos = match.end()
        return self.text[start : match.start()], ord(match.group())


def _unwrap(value: object) -> tuple[str, bool]:
    if type(value) is Reuse:
        return to_str(value.value), True  # type: ignore[attr-defined]
    return to_str(value), False


def _each(op, s: object, *args: object) -> str:
    """Apply op to every element of s (ScarletDME's MVD, MVDS, MVDSS, MVDSSS).

    "" still has one element, so op runs once on "".
    """
    scalars = [to_str(a) for a in args]
    parts = _SPLIT_KEEPING_MARKS.split(_unwrap(s)[0])
    for i in range(0, len(parts), 2):
        parts[i] = to_str(op(parts[i], *scalars))
    return "".join(parts)


def _pairwise(op, a: object, b: object, empty_runs_once: bool = True) -> str:
    """Apply op to the paired elements of two arrays (MVDD, SPLICE)."""
    text1, reuse1 = _unwrap(a)
    text2, reuse2 = _unwrap(b)
    left, right = _Elements(text1), _Elements(text2)
    d1 = d2 = 0
    x1 = x2 = ""
    out: list[str] = []
    delimiter = ""
    if not empty_runs_once and left.done and right.done:
        return ""
    while True:
        need1, need2 = d1 <= d2, d1 >= d2
        if need1:
            x1, d1 = left.next()
        elif not reuse1:
            x1 = ""
        if need2:
            x2, d2 = right.next()
        elif not reuse2:
            x2 = ""
        if out:
            out.append(delimiter)
        delimiter = chr(min(d1, d2) & 0xFF)
        out.append(to_str(op(x1, x2)))
        if left.done and right.done:
            return "".join(out)


# --- one array --------------------------------------------------------------


def abss(s: object) -> str:
    """Return ABS() of each element: ``ABSS(s)``."""
    return _each(arith.abs_, s)


def lens(s: object) -> str:
    """Return LEN() of each element: ``LENS(s)``."""
    return _each(len_, s)


def negs(s: object) -> str:
    """Return the negation of each element: ``NEGS(s)``."""
    return _each(arith.neg, s)


def nots(s: object) -> str:
    """Return NOT() of each element, 1 or 0: ``NOTS(s)``."""
    return _each(lambda e: 0 if truth(e) else 1, s)


def nums(s: object) -> str:
    """Return NUM() of each element, 1 or 0 ("" is numeric): ``NUMS(s)``."""
    return _each(lambda e: 1 if is_numeric(e) else 0, s)


def soundexs(s: object) -> str:
    """Return SOUNDEX() of each element: ``SOUNDEXS(s)``."""
    return _each(soundex, s)


def spaces(s: object) -> str:
    """Return SPACE(n) for each element n: ``SPACES(s)``."""
    return _each(space, s)


def trimbs(s: object) -> str:
    """Return TRIMB() of each element: ``TRIMBS(s)``."""
    return _each(trimb, s)


def trimfs(s: object) -> str:
    """Return TRIMF() of each element: ``TRIMFS(s)``."""
    return _each(trimf, s)


def trims(s: object, ch: object = None, mode: object = "") -> str:
    """Return TRIM() of each element: ``TRIMS(s [, ch [, mode]])``.

    With ``ch`` this is TRIM(element, ch, mode) (mode "" meaning "R").
    """
    if ch is None:
        return _each(trim, s)
    return _each(trim, s, ch, mode)


# --- one array and scalars --------------------------------------------------


def strs(s: object, n: object) -> str:
    """Return STR(element, n) for each element: ``STRS(s, n)``.

    n is one scalar; an array there is non-numeric, as in ScarletDME.
    """
    return _each(str_, s, n)


def counts(s: object, sub: object) -> str:
    """Return COUNT(element, sub) for each element: ``COUNTS(s, sub)``."""
    return _each(count, s, sub)


def indexs(s: object, sub: object, occ: object) -> str:
    """Return INDEX(element, sub, occ) for each element: ``INDEXS(s, sub, occ)``."""
    return _each(index, s, sub, occ)


def folds(s: object, width: object, delim: object = None) -> str:
    """Return FOLD(element, width [, delim]) for each element.

    ``FOLDS(s, width [, delim])`` (ScarletDME's MVDS and MVDSS FOLD
    opcodes): each element is folded on its own and the pieces of one
    element are joined by a field mark (two arguments) or by the first
    character of delim (a value mark if delim is ""), so a result usually
    holds marks of its own between the original ones. width is one value
    for every element; a multivalued width gives successive lines of each
    element their own widths, as FOLD does.
    """
    if delim is None:
        return _each(fold, s, width)
    return _each(fold, s, width, delim)


def fields(s: object, delim: object, occ: object, n: object = 1) -> str:
    """Return FIELD(element, delim, occ, n) for each element.

    ``FIELDS(s, delim, occ [, n])``; COL1() and COL2() are left by the last
    element.
    """
    return _each(field, s, delim, occ, n)


# --- two arrays -------------------------------------------------------------


def _and(a: str, b: str) -> int:
    return 1 if truth(a) and truth(b) else 0


def _or(a: str, b: str) -> int:
    return 1 if truth(a) or truth(b) else 0


def ands(a: object, b: object) -> str:
    """Return a AND b for paired elements, 1 or 0: ``ANDS(a, b)``."""
    return _pairwise(_and, a, b)


def ors(a: object, b: object) -> str:
    """Return a OR b for paired elements, 1 or 0: ``ORS(a, b)``."""
    return _pairwise(_or, a, b)


def cats(a: object, b: object) -> str:
    """Return the concatenation of paired elements: ``CATS(a, b)``."""
    return _pairwise(str.__add__, a, b)


def eqs(a: object, b: object) -> str:
    """Return a = b for paired elements, 1 or 0: ``EQS(a, b)``."""
    return _pairwise(compare.eq, a, b)


def nes(a: object, b: object) -> str:
    """Return a # b for paired elements, 1 or 0: ``NES(a, b)``."""
    return _pairwise(compare.ne, a, b)


def lts(a: object, b: object) -> str:
    """Return a < b for paired elements, 1 or 0: ``LTS(a, b)``."""
    return _pairwise(compare.lt, a, b)


def les(a: object, b: object) -> str:
    """Return a <= b for paired elements, 1 or 0: ``LES(a, b)``."""
    return _pairwise(compare.le, a, b)


def gts(a: object, b: object) -> str:
    """Return a > b for paired elements, 1 or 0: ``GTS(a, b)``."""
    return _pairwise(compare.gt, a, b)


def ges(a: object, b: object) -> str:
    """Return a >= b for paired elements, 1 or 0: ``GES(a, b)``."""
    return _pairwise(compare.ge, a, b)


def mods(a: object, b: object) -> str:
    """Return MOD() of paired elements: ``MODS(a, b)``."""
    return _pairwise(arith.mod_, a, b)


def splice(a: object, s: object, b: object) -> str:
    """Return element of a : s : element of b for paired elements.

    ``SPLICE(a, s, b)``; two empty arrays give "".
    """
    middle = to_str(s)
    return _pairwise(lambda x, y: x + middle + y, a, b, empty_runs_once=False)


def ifs(cond: object, a: object, b: object) -> str:
    """Return, element by element, a's element where cond's is true, else b's.

    ``IFS(cond, a, b)``: a missing element is "" (``IFS(1]0, "a", "b")`` is
    "a]") unless its argument is wrapped in REUSE(). As in ScarletDME, a and
    b are cut only at marks at least as high as the mark that ended cond's
    element, so once cond has run out the rest of a or b is one element.
    Three empty arguments give "".
    """
    texts = [_unwrap(v) for v in (cond, a, b)]
    streams = [_Elements(text) for text, _ in texts]
    reuse = [flag for _, flag in texts]
    marks = [0, 0, 0]
    values = ["", "", ""]
    out: list[str] = []
    delimiter = ""
    while not all(e.done for e in streams):
        lowest = min(marks)
        needed = [m == lowest for m in marks]
        for i in range(3):
            if needed[i]:
                floor = 0 if i == 0 else marks[0]
                values[i], marks[i] = streams[i].next(floor)
            elif not reuse[i]:
                values[i] = ""
        if out:
            out.append(delimiter)
        delimiter = chr(min(marks) & 0xFF)
        out.append(values[1] if truth(values[0]) else values[2])
    return "".join(out)


# --- whole-array functions --------------------------------------------------


def _elements_and_codes(s: str):
    """Yield (element, delimiter code) as a REMOVE loop over s sees them."""
    parts = _SPLIT_KEEPING_MARKS.split(s)
    for i in range(0, len(parts), 2):
        mark = parts[i + 1] if i + 1 < len(parts) else None
        yield parts[i], (256 - ord(mark)) if mark else 0


def sum_(s: object) -> str:
    """Return the sums of the lowest-level groups, raised one level.

    ``SUM(s)`` (ScarletDME's ``_SUM``): the lowest mark present among SM,
    VM and FM is summed over and removed, and the sums keep the higher
    marks: SUM(1]2\\3^4) is 1]5^4, SUM(1]2]3) is 6. Non-numeric elements
    are skipped. The result is a string.
    """
    s = to_str(s)
    lowest = 4 if SM in s else 3 if VM in s else 2
    out = []
    total: object = 0
    for element, code in _elements_and_codes(s):
        if is_numeric(element):
            total = arith.add(total, element)
        if code and code != lowest:
            out.append(to_str(total) + chr(256 - code))
            total = 0
    out.append(to_str(total))
    return "".join(out)


def summation(s: object) -> object:
    """Return the sum of every numeric element of s: ``SUMMATION(s)``.

    Non-numeric elements are skipped; "" gives 0.
    """
    total: object = 0
    for element, _ in _elements_and_codes(to_str(s)):
        if is_numeric(element):
            total = arith.add(total, element)
    return total


def _extreme(s: object, better) -> str:
    """Return the element that ``better`` prefers over all other numeric ones."""
    result = ""
    for element, _ in _elements_and_codes(to_str(s)):
        if element != "" and is_numeric(element):
            if result == "" or better(element, result):
                result = element
    return result


def maximum(s: object) -> str:
    """Return the largest numeric element of s, or "" when there is none.

    ``MAXIMUM(s)`` (ScarletDME's ``_MAXIMUM``): empty and non-numeric
    elements are skipped; elements are compared as BASIC compares two
    strings, and the winning element is returned as written ("1.5").
    """
    return _extreme(s, compare.gt)


def minimum(s: object) -> str:
    """Return the smallest numeric element of s, or "" when there is none.

    ``MINIMUM(s)``: as MAXIMUM.
    """
    return _extreme(s, compare.lt)


def vslice(s: object, v: object) -> object:
    """Return value v of every field of s, the fields kept apart by FM.

    ``VSLICE(s, v)`` (op_vslice): a field without value v contributes
    nothing, and field marks are only written before data, so trailing
    empty results vanish: VSLICE("a1]a2^b1^c1]c2", 2) is "a2^^c2". A
    subvalue mark at the start of a wanted value comes out before the
    pending field marks, as in ScarletDME. v below 1 returns s unchanged.
    """
    value = to_int(v)
    if value < 1:
        return s
    s = to_str(s)
    out = []
    pending = 0
    for i, fld in enumerate(s.split(FM)):
        if i:
            pending += 1
        wanted = fld.split(VM)[value - 1] if fld.count(VM) >= value - 1 else ""
        rest = wanted.lstrip(SM)
        out.append(SM * (len(wanted) - len(rest)))
        if rest:
            out.append(FM * pending + rest)
            pending = 0
    return "".join(out)


def substitute(s: object, old: object, new: object, delim: object = VM) -> str:
    """Return s with each element found in ``old`` replaced from ``new``.

    ``SUBSTITUTE(s, old, new [, delim])`` (ScarletDME's ``_SUBST``): every
    element of s, split at any mark, is looked up in the ``delim``-separated
    list ``old`` with LISTINDEX and replaced by the FIELD of ``new`` at the
    same position; elements not in the list stay. This is a lookup, not the
    position-by-position pairing UniVerse does. _SUBST runs as a call level
    of its own: its FIELDs leave the caller's COL1()/COL2() as they were,
    and numbers become text at PRECISION 4.
    """
    saved = state.enter_call()
    try:
        return _substitute(to_str(s), old, new, delim)
    finally:
        state.leave_call(saved)


def _substitute(s: str, old: object, new: object, delim: object) -> str:
    if s == "":
        i = listindex(old, delim, "")
        return field(new, delim, i) if i else ""
    out = []
    for element, code in _elements_and_codes(s):
        i = listindex(old, delim, element)
        out.append(field(new, delim, i) if i else element)
        if code:
            out.append(chr(256 - code))
    return "".join(out)
