"""Arithmetic operators and the division intrinsics, as ScarletDME does them.

The rules are ScarletDME's ``op_arith.c``:
- INTEGER is 32-bit. ``+ - *`` on two integers give an integer unless the
  result overflows 32 bits; then it is a float. Anything with a float gives a
  float.
- ``/`` gives an integer when two integers divide exactly, else a float.
- ``//`` and IDIV() truncate two integers as C does, but floor (and give a
  float) once a float is involved, so ``-7 // 2`` is -3 and ``-7.5 // 2``
  is -4.
- ``^``, ``**`` and PWR() always give a float.
- Division by zero is fatal unless OPTION DIV.ZERO.WARNING, which gives 0.

Numeric arrays (``k_num_array2``/``k_num_array1``): when an operand of
``+ - * / // ^``, NEG, ABS, INT or REM is a string holding marks, the
operation runs element by element and gives a string. Elements pair up by
position and mark level; a missing element of the left operand is 0, one of
the right operand is 0 (1 for ``/``, ``//`` and ``^``), unless the operand is
wrapped in :class:`Reuse`, which repeats its last element. So
``(1]2) * 3`` is ``3]0`` and ``(1]2) * REUSE(3)`` is ``3]6``. Elements are
converted back to strings at the current PRECISION. MOD, DIV and RDIV do not
take numeric arrays (marks there are non-numeric).
"""

from __future__ import annotations

import math
import re

from runtime_lib.errors import BasicError, DivideByZeroError
from runtime_lib.state import state
from runtime_lib.values import (
    INT32_MAX,
    INT32_MIN,
    INT_NUDGE,
    NUMERIC_ARRAY,
    Unassigned,
    c_int32,
    scan_number,
    to_float,
    to_num,
    to_str,
    try_num,
)

__all__ = [
    "Reuse",
    "abs_",
    "add",
    "div",
    "div_",
    "idiv",
    "int_",
    "mod_",
    "mul",
    "neg",
    "pos",
    "pwr",
    "rdiv",
    "rem",
    "reuse",
    "sub",
]

# k_num_array1/2 reject an element longer than this (MAX_NA_ELEMENT_LEN).
MAX_ELEMENT_LEN = 64

_MARK_SPLIT = re.compile("([\xfb-\xff])")
_NEG_NAN = math.copysign(math.nan, -1.0)


class Reuse:
    """A value passed through REUSE(): its last element is reused.

    ScarletDME flags the value (DF_REUSE); in element-by-element operations
    (numeric arrays here, the multivalue functions elsewhere) an operand
    that runs out of elements keeps supplying its last element instead of
    the default. Everywhere else the wrapper reads as the plain value, which
    is ``value`` (also ``basic_value`` for values.to_num/to_str).
    """

    __slots__ = ("value",)

    def __init__(self, value: object):
        if isinstance(value, Unassigned):
            raise value.fail()
        self.value = value.value if isinstance(value, Reuse) else value

    @property
    def basic_value(self) -> object:
        return self.value

    def basic_str(self) -> str:
        return to_str(self.value)

    def __repr__(self) -> str:
        return f"Reuse({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reuse) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("Reuse", self.value))


def reuse(value: object) -> Reuse:
    """Return REUSE(value): the value marked for element reuse."""
    return Reuse(value)


# --- helpers ----------------------------------------------------------------


def _wrap32(n: int) -> int:
    """Return n wrapped to a signed 32-bit integer, as C's int32_t does."""
    return ((n + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def _int_result(n: int) -> int | float:
    """Return an integer result, or a float when it does not fit 32 bits."""
    if INT32_MIN <= n <= INT32_MAX:
        return n
    return float(n)


def _c_div(x: int, y: int) -> int:
    """Return C's truncating integer quotient x / y."""
    q = abs(x) // abs(y)
    return q if (x < 0) == (y < 0) else -q


def _c_floor(q: float) -> float:
    """Return C's floor(): keeps -0.0, infinities and NaN."""
    if q != q or q == 0 or q in (math.inf, -math.inf):
        return q
    return float(math.floor(q))


def _div_zero() -> int:
    """Return 0 under OPTION DIV.ZERO.WARNING, else raise the fatal error."""
    if state.opt_div_zero_warning:
        return 0
    raise DivideByZeroError()


def _whole_to_int(z: float) -> int | float:
    """Return MOD/REM's result: an integer when the float is whole."""
    n = c_int32(z)
    return n if z == n else z


def _operand(value: object) -> object:
    """Return an operand's number, or NUMERIC_ARRAY for a string with marks.

    This is GetNum with numeric_array_allowed set.
    """
    kind = type(value)
    if kind is int or kind is float:
        return value
    if kind is Reuse:
        return _operand(value.value)  # type: ignore[attr-defined]
    if kind is str:
        if len(value) < 10 and value.isdigit() and value.isascii():  # type: ignore
            return int(value)  # type: ignore[arg-type]
        number = try_num(value)
        if number is not None:
            return number
        if scan_number(value, True) is NUMERIC_ARRAY:  # type: ignore[arg-type]
            return NUMERIC_ARRAY
    return to_num(value)


def _elements(text: str) -> list[str]:
    """Return a numeric array split into [element, mark, element, ...]."""
    parts = _MARK_SPLIT.split(text)
    for element in parts[::2]:
        if len(element) > MAX_ELEMENT_LEN:
            raise BasicError("Numeric array element too long")
    return parts


def _num_array1(op, text: str) -> str:
    """Return op applied to each element of a numeric array (k_num_array1)."""
    parts = _elements(text)
    for i in range(0, len(parts), 2):
        parts[i] = to_str(op(to_num(parts[i])))
    return "".join(parts)


def _num_array2(op, left: object, right: object, default: int) -> str:
    """Return op applied element by element to two operands (k_num_array2).

    Elements pair by position and mark level: the side whose last delimiter
    is the lower mark moves on alone while the other supplies its default
    (0 for the left operand, ``default`` for the right) or, if wrapped in
    Reuse, its previous element. The result takes the lower of the two
    delimiters after each pair.
    """
    reuse1 = type(left) is Reuse
    reuse2 = type(right) is Reuse
    parts1 = _elements(to_str(left.value if reuse1 else left))  # type: ignore
    parts2 = _elements(to_str(right.value if reuse2 else right))  # type: ignore
    n1 = len(parts1)
    n2 = len(parts2)
    i1 = i2 = 0
    d1 = d2 = 0
    x1: object = 0
    x2: object = 0
    out: list[str] = []
    delimiter = ""
    while i1 < n1 or i2 < n2:
        need1 = d1 <= d2
        need2 = d1 >= d2
        if need1:
            if i1 < n1:
                element = parts1[i1]
                d1 = ord(parts1[i1 + 1]) if i1 + 1 < n1 else 256
                i1 += 2
            else:
                element, d1 = "", 256
            x1 = to_num(element)
        elif not reuse1:
            x1 = 0
        if need2:
            if i2 < n2:
                element = parts2[i2]
                d2 = ord(parts2[i2 + 1]) if i2 + 1 < n2 else 256
                i2 += 2
            else:
                element, d2 = "", 256
            x2 = to_num(element)
        elif not reuse2:
            x2 = default
        if out:
            out.append(delimiter)
        delimiter = chr(min(d1, d2) & 0xFF)
        out.append(to_str(op(x1, x2)))
    return "".join(out)


def _binary(a: object, b: object, op, default: int) -> object:
    """Return op(a, b) for operands that may be strings or numeric arrays."""
    y = _operand(b)
    x = _operand(a)
    if x is NUMERIC_ARRAY or y is NUMERIC_ARRAY:
        left = a if x is NUMERIC_ARRAY or type(a) is Reuse else x
        right = b if y is NUMERIC_ARRAY or type(b) is Reuse else y
        return _num_array2(op, left, right, default)
    return op(x, y)


def _unary(a: object, op) -> object:
    """Return op(a) for an operand that may be a string or numeric array."""
    x = _operand(a)
    if x is NUMERIC_ARRAY:
        return _num_array1(op, to_str(a))
    return op(x)


# --- scalar operations on numbers --------------------------------------------


def _add(x, y):
    r = x + y
    if type(r) is int and not INT32_MIN <= r <= INT32_MAX:
        return float(r)
    return r


def _sub(x, y):
    r = x - y
    if type(r) is int and not INT32_MIN <= r <= INT32_MAX:
        return float(r)
    return r


def _mul(x, y):
    r = x * y
    if type(r) is int and not INT32_MIN <= r <= INT32_MAX:
        return float(r)
    return r


def _div(x, y):
    if y == 0:
        return _div_zero()
    if type(x) is int and type(y) is int:
        if x % y == 0:
            return _int_result(x // y)
        return x / y
    return x / y


def _idiv(x, y):
    if y == 0:
        return _div_zero()
    if type(x) is int and type(y) is int:
        return _int_result(_c_div(x, y))
    return _c_floor(x / y)


def _pwr(x, y):
    try:
        return math.pow(x, y)
    except ValueError:
        # C's pow() gives infinity for 0 to a negative power and -nan (x86's
        # default NaN) for a negative base with a fractional exponent.
        if x == 0:
            if math.copysign(1.0, x) < 0 and _is_odd_integer(y):
                return -math.inf
            return math.inf
        return _NEG_NAN
    except OverflowError:
        if x < 0 and _is_odd_integer(y):
            return -math.inf
        return math.inf


def _is_odd_integer(y: float) -> bool:
    return math.isfinite(y) and y == int(y) and int(y) % 2 == 1


def _neg(x):
    if type(x) is int:
        # C negation of INT32_MIN wraps to itself.
        return -x if x != INT32_MIN else x
    return -x


def _abs(x):
    if type(x) is int:
        return abs(x) if x != INT32_MIN else x
    return abs(x)


def _int(x):
    if type(x) is int:
        return x
    x += -INT_NUDGE if x < 0 else INT_NUDGE
    f = _c_floor(abs(x))
    return -f if x < 0 else f


def _rem(x, y):
    if type(x) is int and type(y) is int:
        if y == 0:
            return x
        r = abs(x) % abs(y)
        return -r if x < 0 else r
    fx = float(x)
    ax = abs(fx)
    ay = abs(float(y))
    z = ax if ay == 0 else ax - ay * _c_floor(ax / ay)
    if fx < 0:
        z = -z
    return _whole_to_int(z)


# --- operators ---------------------------------------------------------------


def add(a: object, b: object) -> object:
    """Return a + b.

    Two integers give an integer unless the sum leaves 32 bits (then a
    float); a float operand gives a float; strings are converted by
    k_str_to_num rules; a string with marks makes it a numeric array.
    """
    ta = type(a)
    tb = type(b)
    if tb is str:
        # A total plus a field read from a record: the digits are the number
        # (a small one is looked up, which is several times faster than int()).
        number = _SMALL_NUMBERS.get(b)
        if number is not None:
            b = number
            tb = int
        elif len(b) < 10 and b.isdigit() and b.isascii():  # type: ignore
            b = int(b)  # type: ignore[arg-type]
            tb = int
    if ta is int:
        if tb is int:
            r = a + b  # type: ignore[operator]
            if -2147483648 <= r <= 2147483647:
                return r
            return float(r)
        if tb is float:
            return a + b  # type: ignore[operator]
    elif ta is float and (tb is float or tb is int):
        return a + b  # type: ignore[operator]
    return _binary(a, b, _add, 0)


# The digit strings add() reads as integers most often, with their numbers.
_SMALL_NUMBERS = {str(n): n for n in range(1000)}


def sub(a: object, b: object) -> object:
    """Return a - b (integer unless it leaves 32 bits or a float is involved)."""
    ta = type(a)
    tb = type(b)
    if ta is int:
        if tb is int:
            r = a - b  # type: ignore[operator]
            if -2147483648 <= r <= 2147483647:
                return r
            return float(r)
        if tb is float:
            return a - b  # type: ignore[operator]
    elif ta is float and (tb is float or tb is int):
        return a - b  # type: ignore[operator]
    return _binary(a, b, _sub, 0)


def mul(a: object, b: object) -> object:
    """Return a * b (integer unless it leaves 32 bits or a float is involved)."""
    ta = type(a)
    tb = type(b)
    if ta is int:
        if tb is int:
            r = a * b  # type: ignore[operator]
            if -2147483648 <= r <= 2147483647:
                return r
            return float(r)
        if tb is float:
            return a * b  # type: ignore[operator]
    elif ta is float and (tb is float or tb is int):
        return a * b  # type: ignore[operator]
    return _binary(a, b, _mul, 0)


def div(a: object, b: object) -> object:
    """Return a / b: an integer when two integers divide exactly, else a float.

    ``7/2`` is 3.5, ``6/3`` the integer 2, ``7.5/2.5`` the float 3. A zero
    divisor raises DivideByZeroError (0 under OPTION DIV.ZERO.WARNING).
    Numeric arrays default a missing right element to 1.
    """
    ta = type(a)
    tb = type(b)
    if tb is int and b:
        if ta is int:
            if a % b == 0:  # type: ignore[operator]
                return _int_result(a // b)  # type: ignore[operator]
            return a / b  # type: ignore[operator]
        if ta is float:
            return a / b  # type: ignore[operator]
    elif tb is float and b and (ta is float or ta is int):
        return a / b  # type: ignore[operator]
    return _binary(a, b, _div, 1)


def idiv(a: object, b: object) -> object:
    """Return a // b and IDIV(a, b).

    Two integers: C truncation toward zero (``9 // -2`` is -4, ``-7 // 2``
    is -3). With a float operand: floor, as a float (``-7.5 // 2`` is -4,
    ``IDIV(7, 2.5)`` is 2). A zero divisor raises DivideByZeroError (0
    under OPTION DIV.ZERO.WARNING). Numeric arrays default a missing right
    element to 1.
    """
    if type(a) is int and type(b) is int and b:
        return _int_result(_c_div(a, b))  # type: ignore[arg-type]
    return _binary(a, b, _idiv, 1)


def pwr(a: object, b: object) -> float | str:
    """Return a ^ b, a ** b and PWR(a, b), always a float.

    ``0 ^ -1`` is infinity and a negative base with a fractional exponent
    is -nan, as C's pow() gives them. Numeric arrays default a missing
    right element to 1.
    """
    if type(a) is float and type(b) is float:
        return _pwr(a, b)
    y = _operand(b)
    x = _operand(a)
    if x is NUMERIC_ARRAY or y is NUMERIC_ARRAY:
        left = a if x is NUMERIC_ARRAY or type(a) is Reuse else x
        right = b if y is NUMERIC_ARRAY or type(b) is Reuse else y
        return _num_array2(_pwr_numbers, left, right, 1)
    return _pwr_numbers(x, y)


def _pwr_numbers(x, y) -> float:
    return _pwr(float(x), float(y))


def neg(a: object) -> object:
    """Return -a (unary minus) and NEG(a).

    Negating the integer -2147483648 gives itself, as C's int32 negation
    does. A numeric array is negated element by element.
    """
    ta = type(a)
    if ta is int:
        return -a if a != INT32_MIN else a  # type: ignore[operator]
    if ta is float:
        return -a  # type: ignore[operator]
    return _unary(a, _neg)


def pos(a: object) -> object:
    """Return a unchanged (unary plus).

    ScarletDME's compiler emits nothing for a unary plus, so ``+"abc"`` is
    still the string "abc"; only reading an unassigned variable fails.
    """
    if isinstance(a, Unassigned):
        if state.opt_unassigned_warning:
            return 0
        raise a.fail()
    return a


# --- intrinsics --------------------------------------------------------------


def abs_(a: object) -> object:
    """Return ABS(a): integer stays integer, float stays float.

    ABS of the integer -2147483648 is itself (C's labs stored back in 32
    bits). A numeric array works element by element; ABS("") is 0.
    """
    ta = type(a)
    if ta is int:
        return abs(a) if a != INT32_MIN else a  # type: ignore[arg-type]
    if ta is float:
        return abs(a)  # type: ignore[arg-type]
    return _unary(a, _abs)


def int_(a: object) -> object:
    """Return INT(a): truncation toward zero; a float stays a float.

    A float is first nudged 5e-13 away from zero (INTPREC 13), so
    INT(0.9999999999999) is 1. INT(3.7) is the float 3, INT(2^31) is
    2147483648 with no error, INT(-0.4) is -0. Numeric arrays work element
    by element.
    """
    ta = type(a)
    if ta is int:
        return a
    if ta is float:
        return _int(a)
    return _unary(a, _int)


def mod_(a: object, b: object) -> int | float:
    """Return MOD(a, b), the floored modulo; MOD(a, 0) is a.

    Two integers use ScarletDME's formula for operands of different sign,
    ``a - b * ((a - (b - 1)) / b)`` with C truncation. It is right for a
    negative dividend (MOD(-7, 3) is 2) but off when only the divisor is
    negative and a is not one more than a multiple of b: MOD(7, -3) is -2
    as expected, yet ScarletDME gives MOD(5, -3) = -4 and MOD(6, -3) = -3,
    and so does this. With a float operand the result is
    ``a - b * floor(a / b)``, returned as an integer when it is whole.
    No numeric arrays.
    """
    if type(a) is int and type(b) is int and b and (a ^ b) >= 0:
        # Same signs: C's remainder, which is Python's % (MOD(I * 7919, N)).
        return a % b
    y = to_num(b)
    x = to_num(a)
    if type(x) is int and type(y) is int:
        if y == 0:
            return x
        if (x ^ y) < 0:
            t = _wrap32(x - _wrap32(y - 1))
            return _wrap32(x - _wrap32(y * _c_div(t, y)))
        return x - y * _c_div(x, y)
    fx = float(x)
    fy = float(y)
    z = fx if fy == 0 else fx - fy * _c_floor(fx / fy)
    return _whole_to_int(z)


def rem(a: object, b: object) -> object:
    """Return REM(a, b), the truncated remainder (sign of a); REM(a, 0) is a.

    REM(-7, 3) is -1 and REM(7, -3) is 1. With a float operand the result
    is an integer when it is whole. Numeric arrays work element by element
    (a missing right element is 0, giving the left element back).
    """
    if type(a) is int and type(b) is int:
        return _rem(a, b)
    return _binary(a, b, _rem, 0)


def div_(a: object, b: object) -> int:
    """Return DIV(a, b), the quotient truncated toward zero, as an integer.

    DIV(-7, 2) and DIV(-7.5, 2) are -3. A zero divisor raises
    DivideByZeroError (0 under OPTION DIV.ZERO.WARNING). No numeric arrays.
    """
    y = to_num(b)
    x = to_num(a)
    if y == 0:
        return _div_zero()
    if type(x) is int and type(y) is int:
        return _wrap32(_c_div(x, y))
    return c_int32(x / y)


def rdiv(a: object, b: object) -> int:
    """Return RDIV(a, b), the quotient rounded half away from zero.

    RDIV(7, 2) is 4, RDIV(-7, 2) is -4, RDIV(1, 3) is 0. A zero divisor
    always raises DivideByZeroError, even under OPTION DIV.ZERO.WARNING.
    """
    v1 = to_float(b)
    v2 = to_float(a)
    if v1 == 0:
        raise DivideByZeroError()
    q = v2 / v1
    if (v1 >= 0) == (v2 >= 0):
        return c_int32(q + 0.5)
    return c_int32(q - 0.5)
