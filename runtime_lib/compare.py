"""Relational operators, MAX and MIN, as ScarletDME compares values.

The rules are ``compare_values()`` in ScarletDME's ``op_logic.c``:
- Number against number: exact for two integers; with a float involved the
  values are equal when they differ by at most FLTDIFF (2.91e-11), so
  ``(1/3) < 0.33333333334`` is false.
- Number against string: "" is less than any number and never equal to one
  (``"" = 0`` is false). Otherwise a string that converts by the lenient
  k_str_to_num rules (blanks around the number allowed) is compared as a
  number, so ``1 = " 1"`` is true; if it does not convert, the number is
  formatted (at the current PRECISION) and the two compare as strings.
- String against string: numerically only if both pass the strict k_is_num
  test (no blanks), so ``"01" = "1"`` is true but ``" 1" = "1"`` is false.
  Otherwise byte by byte as unsigned values (Latin-1 code points), a
  shorter prefix being less.
"""

from __future__ import annotations

from runtime_lib.state import FLTDIFF
from runtime_lib.values import (
    is_strict_numeric,
    to_num,
    to_str,
    try_num,
)

__all__ = [
    "compare",
    "eq",
    "ge",
    "gt",
    "le",
    "lt",
    "max_",
    "min_",
    "ne",
]


def _compare_numbers(x, y) -> int:
    """Return -1, 0 or 1 for two numbers, with FLTDIFF for floats."""
    if type(x) is int and type(y) is int:
        return (x > y) - (x < y)
    if abs(x - y) <= FLTDIFF:
        return 0
    return 1 if x > y else -1


def _compare_strings(a: str, b: str) -> int:
    """Return -1, 0 or 1 comparing the bytes of two strings (memcmp)."""
    return (a > b) - (a < b)


def _plain(value: object) -> object:
    """Return a value as int, float or str (k_get_value for comparison)."""
    kind = type(value)
    if kind is int or kind is float or kind is str:
        return value
    if kind is bool:
        return int(value)  # type: ignore[arg-type]
    inner = getattr(value, "basic_value", None)
    if inner is not None:
        return _plain(inner)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (int, float)):
        return to_num(value)
    return to_str(value)


def _resolve(a: object, b: object) -> tuple[int, object, object]:
    """Return (order, a', b'): the comparison and the operands as converted.

    ScarletDME converts the operands in place while comparing (a numeric
    string becomes its number, a number compared with text becomes its
    formatted string); MAX and MIN return the converted operand.
    """
    a = _plain(a)
    b = _plain(b)
    ta = type(a)
    tb = type(b)
    if ta is not str:
        if tb is not str:
            return _compare_numbers(a, b), a, b
        if not b:
            return 1, a, b
        y = try_num(b)
        if y is not None:
            return _compare_numbers(a, y), a, y
        text = to_str(a)
        return _compare_strings(text, b), text, b  # type: ignore[arg-type]
    if tb is not str:
        if not a:
            return -1, a, b
        x = try_num(a)
        if x is not None:
            return _compare_numbers(x, b), x, b
        text = to_str(b)
        return _compare_strings(a, text), a, text  # type: ignore[arg-type]
    if not a:
        return (0 if not b else -1), a, b
    if not b:
        return 1, a, b
    if is_strict_numeric(a) and is_strict_numeric(b):  # type: ignore[arg-type]
        x = try_num(a)
        y = try_num(b)
        return _compare_numbers(x, y), x, y
    return _compare_strings(a, b), a, b  # type: ignore[arg-type]


def compare(a: object, b: object) -> int:
    """Return -1, 0 or 1 as a is less than, equal to or greater than b.

    The ordering behind ``= # < <= > >=`` (see the module docstring).
    """
    ta = type(a)
    tb = type(b)
    if ta is int and tb is int:
        return (a > b) - (a < b)  # type: ignore[operator]
    if ta is str:
        if tb is str:
            if a == b:
                return 0
            if not a:
                return -1
            if not b:
                return 1
            if (
                a.isdigit()  # type: ignore[union-attr]
                and b.isdigit()  # type: ignore[union-attr]
                and len(a) < 10  # type: ignore[arg-type]
                and len(b) < 10  # type: ignore[arg-type]
                and a.isascii()  # type: ignore[union-attr]
                and b.isascii()  # type: ignore[union-attr]
            ):
                x = int(a)  # type: ignore[arg-type]
                y = int(b)  # type: ignore[arg-type]
                return (x > y) - (x < y)
            if is_strict_numeric(a) and is_strict_numeric(b):  # type: ignore
                return _compare_numbers(try_num(a), try_num(b))
            return (a > b) - (a < b)  # type: ignore[operator]
        if tb is int or tb is float:
            if not a:
                return -1
            x = try_num(a)
            if x is not None:
                return _compare_numbers(x, b)
            return _compare_strings(a, to_str(b))  # type: ignore[arg-type]
    elif ta is float or ta is int:
        if tb is float or tb is int:
            if abs(a - b) <= FLTDIFF:  # type: ignore[operator]
                return 0
            return 1 if a > b else -1  # type: ignore[operator]
        if tb is str:
            if not b:
                return 1
            y = try_num(b)
            if y is not None:
                return _compare_numbers(a, y)
            return _compare_strings(to_str(a), b)  # type: ignore[arg-type]
    return _resolve(a, b)[0]


def eq(a: object, b: object) -> int:
    """Return 1 if a = b (EQ) else 0."""
    if type(a) is int and type(b) is int:
        return 1 if a == b else 0
    return 1 if compare(a, b) == 0 else 0


def ne(a: object, b: object) -> int:
    """Return 1 if a # b (NE, <>, ><) else 0."""
    if type(a) is int and type(b) is int:
        return 1 if a != b else 0
    return 1 if compare(a, b) != 0 else 0


def lt(a: object, b: object) -> int:
    """Return 1 if a < b (LT) else 0."""
    if type(a) is int and type(b) is int:
        return 1 if a < b else 0  # type: ignore[operator]
    return 1 if compare(a, b) < 0 else 0


def le(a: object, b: object) -> int:
    """Return 1 if a <= b (LE, =<) else 0."""
    if type(a) is int and type(b) is int:
        return 1 if a <= b else 0  # type: ignore[operator]
    return 1 if compare(a, b) <= 0 else 0


def gt(a: object, b: object) -> int:
    """Return 1 if a > b (GT) else 0."""
    if type(a) is int and type(b) is int:
        return 1 if a > b else 0  # type: ignore[operator]
    return 1 if compare(a, b) > 0 else 0


def ge(a: object, b: object) -> int:
    """Return 1 if a >= b (GE, =>) else 0."""
    if type(a) is int and type(b) is int:
        return 1 if a >= b else 0  # type: ignore[operator]
    return 1 if compare(a, b) >= 0 else 0


def max_(a: object, b: object) -> object:
    """Return MAX(a, b): a if a >= b by the comparison rules, else b.

    The result is the operand as the comparison converted it:
    MAX("1.50", 1) is the number 1.5, MAX("abc", "abd") is "abd",
    MAX("b", 1) is "b". Values equal within FLTDIFF give a.
    """
    order, a2, b2 = _resolve(a, b)
    return a2 if order >= 0 else b2


def min_(a: object, b: object) -> object:
    """Return MIN(a, b): b if a >= b by the comparison rules, else a.

    MIN(3, "10") is 3, MIN("", 0) is "" ("" is below every number),
    MIN("b", 1) is 1. Values equal within FLTDIFF give b.
    """
    order, a2, b2 = _resolve(a, b)
    return b2 if order >= 0 else a2
