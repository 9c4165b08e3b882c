"""G, L, T and <f,v,s> conversion codes: parts of a string.

``G{skip}d{count}`` takes delimited groups, ``L[n[,m]]`` tests the length,
``T[start,]n`` takes a substring and ``<f[,v[,s]]>`` extracts a field, value
or subvalue (OCONV only), as ``op_oconv.c`` does each.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from runtime_lib.values import FM, MARKS, SM, VM, Unassigned, to_str

_DIGITS = frozenset("0123456789")


def _string(value: object) -> str:
    if type(value) is str:
        return value  # type: ignore[return-value]
    if isinstance(value, Unassigned):
        raise value.fail()
    return to_str(value)


def _number_at(code: str, i: int) -> tuple[int, int]:
    """Return (digits read as a number, index after them)."""
    start = i
    while i < len(code) and code[i] in _DIGITS:
        i += 1
    return (int(code[start:i]) if i > start else 0), i


# --- G -------------------------------------------------------------------------


class Group(NamedTuple):
    """A parsed G code."""

    skip: int
    delimiter: str
    count: int
    exact: bool


@lru_cache(maxsize=256)
def parse_group(code: str) -> Group | None:
    """Return the G code's parts (text after ``G``), None if invalid.

    The delimiter is one character that is not a mark; the count must be
    at least 1. Characters after the count are ignored by ScarletDME.
    """
    skip, i = _number_at(code, 0)
    if i >= len(code) or code[i] in MARKS:
        return None
    delimiter = code[i]
    count, end = _number_at(code, i + 1)
    if count == 0:
        return None
    return Group(skip, delimiter, count, end == len(code))


def group(value: object, code: Group | None) -> tuple[int, object]:
    """OCONV/ICONV G: ``count`` groups after skipping ``skip`` of them."""
    if code is None:
        return 2, value
    s = _string(value)
    if s == "":
        return 0, s
    parts = s.split(code.delimiter)
    if code.skip >= len(parts):
        return 0, ""
    return 0, code.delimiter.join(parts[code.skip : code.skip + code.count])


# --- L -------------------------------------------------------------------------


@lru_cache(maxsize=256)
def parse_length(code: str) -> tuple[int, int] | None:
    """Return (minimum or maximum, maximum) for the text after ``L``."""
    low = high = 0
    i = 0
    if code[:1] in _DIGITS:
        low, i = _number_at(code, 0)
        if code[i : i + 1] == ",":
            high, i = _number_at(code, i + 1)
    if i != len(code):
        return None
    return low, high


def length(value: object, code: tuple[int, int] | None) -> tuple[int, object]:
    """OCONV/ICONV L: the length (``L``, ``L0``) or a length check.

    ``Ln`` keeps values of at most n characters, ``Ln,m`` values of n to m
    characters; others become ``""``. The data is made a string first, so a
    bad code gives status 2 with the data as a string.
    """
    s = _string(value)
    if code is None:
        return 2, s
    low, high = code
    size = len(s)
    if low == 0:
        return 0, size
    if (high == 0 and size > low) or (high != 0 and (size < low or size > high)):
        return 0, ""
    return 0, s


# --- T (substring) -------------------------------------------------------------


@lru_cache(maxsize=256)
def parse_substring(code: str) -> tuple[int, int] | None:
    """Return (start or count, length or -1) for the text after ``T``."""
    if code[:1] not in _DIGITS or not code:
        return None
    first, i = _number_at(code, 0)
    second = -1
    if code[i : i + 1] == ",":
        if code[i + 1 : i + 2] not in _DIGITS or i + 1 >= len(code):
            return None
        second, i = _number_at(code, i + 1)
    if i != len(code):
        return None
    return first, second


def substring(value: object, code: tuple[int, int] | None) -> tuple[int, object]:
    """OCONV/ICONV T: ``Tn`` is the last n characters, ``Ts,n`` is s[s,n]."""
    if code is None:
        return 2, value
    s = _string(value)
    first, second = code
    if second < 0:
        return 0, s[-first:] if first else ""
    start = max(first - 1, 0)
    return 0, s[start : start + second]


# --- <f,v,s> -------------------------------------------------------------------


@lru_cache(maxsize=256)
def parse_field_extraction(code: str) -> tuple[int, int, int] | None:
    """Return (field, value, subvalue) for the text after ``<``."""
    numbers = [0, 0, 0]
    i = 0
    for k in range(3):
        if code[i : i + 1] not in _DIGITS or i >= len(code):
            return None
        numbers[k], i = _number_at(code, i)
        if code[i : i + 1] != "," or k == 2:
            break
        i += 1
    if code[i:] != ">":
        return None
    return numbers[0], numbers[1], numbers[2]


def field_extraction(value: object, code: tuple[int, int, int] | None):
    """OCONV <f,v,s>: the field, value or subvalue, as X<f,v,s> gives it."""
    if code is None:
        return 2, value
    return 0, extract(_string(value), *code)


def extract(s: str, field: int, value: int = 0, subvalue: int = 0) -> str:
    """Return ``s<field, value, subvalue>`` (positions below 1 count as 1)."""
    fields = s.split(FM)
    index = max(field, 1) - 1
    if index >= len(fields):
        return ""
    text = fields[index]
    if value <= 0:
        return text
    values = text.split(VM)
    if value > len(values):
        return ""
    text = values[value - 1]
    if subvalue <= 0:
        return text
    subvalues = text.split(SM)
    if subvalue > len(subvalues):
        return ""
    return subvalues[subvalue - 1]
