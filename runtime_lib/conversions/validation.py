"""P and R conversion codes: keep data that fits a pattern or a range.

``P(template){;(template)...}`` keeps data that matches one template and
gives ``""`` otherwise; ``Rlo,hi{;lo,hi...}`` keeps an integer inside one
of the ranges. Both work the same way for OCONV and ICONV
(``op_oconv.c pattern_match_conversion``, ``range_conversion``).
"""

from __future__ import annotations

from runtime_lib.conversions.numbers import INT32_MAX
from runtime_lib.conversions.pattern import matches_template
from runtime_lib.errors import BasicError
from runtime_lib.values import Unassigned, to_str

_DIGITS = frozenset("0123456789")
# qmdefs.h MAX_MATCHED_STRING_LEN
MAX_MATCHED_LEN = 8192


def _string(value: object) -> str:
    if type(value) is str:
        return value  # type: ignore[return-value]
    if isinstance(value, Unassigned):
        raise value.fail()
    return to_str(value)


def pattern_templates(code: str) -> tuple[list[str], bool]:
    """Return the templates of a P code (text after ``P``) and whether the
    whole code is well formed (ScarletDME reads it only as far as needed)."""
    templates = []
    i = 0
    while True:
        if code[i : i + 1] != "(":
            return templates, False
        close = code.find(")", i + 1)
        if close < 0:
            return templates, False
        templates.append(code[i + 1 : close])
        i = close + 1
        if i >= len(code):
            return templates, True
        if code[i] not in ";/":
            return templates, False
        i += 1


def pattern_match(value: object, code: str) -> tuple[int, object]:
    """OCONV/ICONV P: the data if it matches a template, else ``""``.

    A template is only checked for form when it is reached, so a code whose
    first template matches is accepted whatever follows it.
    """
    text = _string(value)
    if len(text) > MAX_MATCHED_LEN:
        raise BasicError("MATCHES matched string too long")
    s = text.split("\0", 1)[0]
    i = 0
    while True:
        if code[i : i + 1] != "(":
            return 2, text
        close = code.find(")", i + 1)
        if close < 0:
            return 2, text
        if matches_template(s, code[i + 1 : close]):
            return 0, text
        i = close + 1
        if code[i : i + 1] not in (";", "/"):
            return 0, ""
        i += 1


def _strnint(s: str) -> int | None:
    """Return the integer a string holds (``strnint``): sign and digits only."""
    s = s.split("\0", 1)[0]
    negative = s[:1] == "-"
    body = s[1:] if s[:1] in ("-", "+") else s
    number = 0
    for c in body:
        if c not in _DIGITS:
            return None
        number = number * 10 + ord(c) - 48
        if number > INT32_MAX:
            return None
    return -number if negative else number


def _ranges(code: str):
    """The (low, high) pairs of an R code, in order, read as they are needed;
    None in place of a malformed pair or separator (and nothing after it).
    ScarletDME reads lazily too: a match before a malformed part counts."""
    i = 0
    n = len(code)
    while True:
        bounds = []
        for k in range(2):
            negative = code[i : i + 1] == "-"
            i += negative
            start = i
            while i < n and code[i] in _DIGITS:
                i += 1
            if i == start:
                yield None
                return
            bound = int(code[start:i])
            bounds.append(-bound if negative else bound)
            if k == 0:
                if code[i : i + 1] != ",":
                    yield None
                    return
                i += 1
        yield bounds[0], bounds[1]
        if i >= n:
            return
        if code[i] not in ";/":
            yield None
            return
        i += 1


def parse_ranges(code: str) -> list[tuple[int, int]] | None:
    """Return the (low, high) pairs of an R code, None if malformed."""
    ranges = list(_ranges(code))
    return None if None in ranges else ranges


def range_check(value: object, code: str) -> tuple[int, object]:
    """OCONV/ICONV R: the data if it is an integer in one of the ranges.

    Data that is not an integer is status 1. An integer outside every range
    becomes ``""`` with STATUS() 2, and a bare ``R`` also gives status 2:
    ScarletDME's range_conversion only reports 0 for a match.
    """
    s = _string(value)
    if len(s) > 256:
        return 1, s
    number = _strnint(s)
    if number is None:
        return 1, s
    if code == "":
        return 2, s
    for bounds in _ranges(code):
        if bounds is None:
            return 2, s
        low, high = bounds
        if low <= number <= high:
            return 0, s
    return 2, ""
