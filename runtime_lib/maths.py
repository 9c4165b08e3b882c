"""Maths intrinsics: roots, logs, trigonometry, RND, bit operations, hex.

The rules are ScarletDME's ``op_arith.c`` (SQRT, EXP, LN, SIN ... ATAN,
RND, RANDOMIZE), ``op_logic.c`` (BITAND ... SHIFT, NOT) and ``op_misc.c``
(DTX, XTD).
- SQRT, EXP, LN and the trigonometric functions always give floats and
  work element by element on numeric arrays. Angles are in degrees,
  converted with ScarletDME's factor 57.29577951 (not exactly 180/pi).
- RND uses glibc's ``rand()`` sequence, so ``RANDOMIZE 42`` followed by RND
  gives the same numbers as ScarletDME on Linux.
- The bit functions work on 32-bit two's complement integers.
"""

from __future__ import annotations

import math
import time

from runtime_lib.arith import _elements, _num_array1, _operand
from runtime_lib.errors import BasicError, DivideByZeroError
from runtime_lib.values import (
    INT_NUDGE,
    NUMERIC_ARRAY,
    c_int32,
    to_int,
    to_num,
    to_str,
    truth,
)

__all__ = [
    "acos",
    "asin",
    "atan",
    "bitand",
    "bitnot",
    "bitor",
    "bitreset",
    "bitset",
    "bittest",
    "bitxor",
    "cos",
    "dtx",
    "exp",
    "ln",
    "not_",
    "randomize",
    "rnd",
    "shift",
    "sin",
    "sqrt",
    "tan",
    "xtd",
]

# ScarletDME's Radians()/Degrees() macros multiply or divide by this.
_DEGREES_PER_RADIAN = 57.29577951
_NEG_NAN = math.copysign(math.nan, -1.0)


def _float_unary(a: object, op) -> object:
    """Return op(float(a)), element by element for a numeric array."""
    kind = type(a)
    if kind is float:
        return op(a)
    if kind is int:
        return op(float(a))
    x = _operand(a)
    if x is NUMERIC_ARRAY:
        return _num_array1(lambda n: op(float(n)), to_str(a))
    return op(float(x))  # type: ignore[arg-type]


def _sqrt(x: float) -> float:
    if x < 0.0:
        raise BasicError("SQRT() attempted for negative value")
    return math.sqrt(x)


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _ln(x: float) -> float:
    if x < 0.0:
        raise BasicError("LN() attempted for negative value")
    if x == 0.0:
        return -math.inf
    return math.log(x)


def _domain(func, x: float) -> float:
    """Return func(x), or C's -nan where Python reports a domain error."""
    try:
        return func(x)
    except ValueError:
        return _NEG_NAN


def sqrt(a: object) -> object:
    """Return SQRT(a) as a float; a negative value is a fatal error."""
    return _float_unary(a, _sqrt)


def exp(a: object) -> object:
    """Return EXP(a), e to the power a, as a float (inf on overflow)."""
    return _float_unary(a, _exp)


def ln(a: object) -> object:
    """Return LN(a), the natural log, as a float.

    LN(0) is -inf; a negative value is a fatal error.
    """
    return _float_unary(a, _ln)


def sin(a: object) -> object:
    """Return SIN(a) for a in degrees, as a float."""
    return _float_unary(a, lambda x: _domain(math.sin, x / _DEGREES_PER_RADIAN))


def cos(a: object) -> object:
    """Return COS(a) for a in degrees, as a float."""
    return _float_unary(a, lambda x: _domain(math.cos, x / _DEGREES_PER_RADIAN))


def tan(a: object) -> object:
    """Return TAN(a) for a in degrees, as a float."""
    return _float_unary(a, lambda x: _domain(math.tan, x / _DEGREES_PER_RADIAN))


def asin(a: object) -> object:
    """Return ASIN(a) in degrees, as a float (-nan outside -1..1)."""
    return _float_unary(a, lambda x: _domain(math.asin, x) * _DEGREES_PER_RADIAN)


def acos(a: object) -> object:
    """Return ACOS(a) in degrees, as a float (-nan outside -1..1)."""
    return _float_unary(a, lambda x: _domain(math.acos, x) * _DEGREES_PER_RADIAN)


def atan(a: object) -> object:
    """Return ATAN(a) in degrees, as a float."""
    return _float_unary(a, lambda x: math.atan(x) * _DEGREES_PER_RADIAN)


# --- RND and RANDOMIZE -------------------------------------------------------


class _GlibcRandom:
    """glibc's rand(): the TYPE_3 additive feedback generator.

    ScarletDME's RND takes rand() % n and RANDOMIZE calls srand(), so a
    program seeded with RANDOMIZE gets ScarletDME's numbers. An unseeded
    process starts as srand(1) does.
    """

    __slots__ = ("table", "front", "rear")

    def __init__(self, seed: int = 1):
        self.seed(seed)

    def seed(self, seed: int) -> None:
        seed &= 0xFFFFFFFF
        if seed == 0:
            seed = 1
        word = seed - 0x100000000 if seed & 0x80000000 else seed
        table = [word]
        for _ in range(30):
            # 16807 * word mod (2^31 - 1) by Schrage's method, C division.
            hi = abs(word) // 127773 * (1 if word >= 0 else -1)
            lo = word - hi * 127773
            word = 16807 * lo - 2836 * hi
            if word < 0:
                word += 2147483647
            table.append(word)
        self.table = [w & 0xFFFFFFFF for w in table]
        self.front = 3
        self.rear = 0
        for _ in range(310):
            self.next()

    def next(self) -> int:
        table = self.table
        value = (table[self.front] + table[self.rear]) & 0xFFFFFFFF
        table[self.front] = value
        self.front = (self.front + 1) % 31
        self.rear = (self.rear + 1) % 31
        return value >> 1


_random = _GlibcRandom()


def randomize(seed: object = None) -> None:
    """RANDOMIZE [seed]: reseed RND; no seed or "" seeds from the clock.

    The seed is taken as an integer (k_get_int) and passed to srand().
    """
    if seed is None or (type(seed) is str and seed == ""):
        _random.seed(int(time.time()))
        return
    _random.seed(to_int(seed))


def _rnd(n: int) -> int:
    if n == 0:
        # ScarletDME computes rand() % 0 and dies with SIGFPE.
        raise DivideByZeroError()
    r = _random.next()
    if n < 0:
        return -(r % -n)
    return r % n


def rnd(n: object) -> object:
    """Return RND(n): a random integer from 0 to n-1.

    A negative n gives 0 down to -(|n|-1). RND(0) is a fatal divide by
    zero (ScarletDME crashes there). A numeric array gives one random
    number per element.
    """
    if type(n) is int:
        return _rnd(n)
    if type(n) is str:
        x = _operand(n)
        if x is NUMERIC_ARRAY:
            # Each element is taken as an integer from its text (k_get_int).
            parts = _elements(n)
            for i in range(0, len(parts), 2):
                parts[i] = str(_rnd(to_int(parts[i])))
            return "".join(parts)
    return _rnd(to_int(n))


# --- bit operations ----------------------------------------------------------


def _to_int32(value: object) -> int:
    """Return a value as ScarletDME's k_get_int32 does, ignoring overflow.

    A float is nudged 5e-13 away from zero, reduced with fmod(f, 2^32 - 1)
    and truncated into 32 bits; a numeric string is truncated directly.
    """
    kind = type(value)
    if kind is int:
        return _wrap32(value)  # type: ignore[arg-type]
    if kind is float:
        return _float_to_int32(value)  # type: ignore[arg-type]
    number = to_num(value)
    if type(number) is int:
        return _wrap32(number)
    if kind is str:
        return c_int32(number)
    return _float_to_int32(number)


def _float_to_int32(f: float) -> int:
    f += -INT_NUDGE if f < 0 else INT_NUDGE
    if math.isinf(f):
        return c_int32(math.nan)
    return c_int32(math.fmod(f, 4294967295.0))


def _wrap32(n: int) -> int:
    return ((n + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def bitand(a: object, b: object) -> int:
    """Return BITAND(a, b), the bitwise AND of two 32-bit integers."""
    if type(a) is int and type(b) is int:
        return _wrap32(a & b)
    return _wrap32(_to_int32(a) & _to_int32(b))


def bitor(a: object, b: object) -> int:
    """Return BITOR(a, b), the bitwise OR of two 32-bit integers."""
    if type(a) is int and type(b) is int:
        return _wrap32(a | b)
    return _wrap32(_to_int32(a) | _to_int32(b))


def bitxor(a: object, b: object) -> int:
    """Return BITXOR(a, b), the bitwise exclusive OR of two 32-bit integers."""
    if type(a) is int and type(b) is int:
        return _wrap32(a ^ b)
    return _wrap32(_to_int32(a) ^ _to_int32(b))


def bitnot(a: object) -> int:
    """Return BITNOT(a): every bit inverted, so BITNOT(0) is -1."""
    return ~_to_int32(a)


def _bit(bitno: object) -> int:
    """Return C's ``1 << bitno`` on x86: the count is taken modulo 32."""
    return _wrap32(1 << (to_int(bitno) & 31))


def bitset(a: object, bitno: object) -> int:
    """Return BITSET(a, bit): a with bit number bit (0 = lowest) set.

    BITSET(0, 31) is -2147483648. Bit numbers are taken modulo 32.
    """
    mask = _bit(bitno)
    return _wrap32(_to_int32(a) | mask)


def bitreset(a: object, bitno: object) -> int:
    """Return BITRESET(a, bit): a with bit number bit cleared."""
    mask = _bit(bitno)
    return _wrap32(_to_int32(a) & ~mask)


def bittest(a: object, bitno: object) -> int:
    """Return BITTEST(a, bit): 1 if bit number bit of a is set, else 0."""
    mask = _bit(bitno)
    return 1 if _to_int32(a) & mask else 0


def shift(a: object, count: object) -> int:
    """Return SHIFT(a, n): a shifted right n bits, or left -n bits.

    The right shift is logical on the unsigned 32-bit value, so
    SHIFT(-16, 2) is 1073741820. Counts are taken modulo 32 (x86). Both
    arguments are integers (a float beyond 32 bits is "Numeric overflow").
    """
    n = to_int(count)
    value = to_int(a) & 0xFFFFFFFF
    if n < 0:
        return _wrap32(value << (-n & 31))
    return _wrap32(value >> (n & 31))


def not_(a: object) -> int:
    """Return NOT(a): 1 if a is false by BASIC truth, else 0.

    NOT("0.0") and NOT("") are 1; NOT("ABC") and NOT(" 0") are 0.
    """
    return 0 if truth(a) else 1


# --- hexadecimal -------------------------------------------------------------


def dtx(n: object, width: object = 0) -> str:
    """Return DTX(n [, width]): n in lower-case hexadecimal.

    Negative numbers show their 32-bit two's complement (DTX(-1) is
    ffffffff). The result is padded with zeros to at least width
    characters (at most 32); a longer number is not cut.
    """
    min_width = min(to_int(width), 32) if width is not None else 0
    text = "%x" % (to_int(n) & 0xFFFFFFFF)
    if len(text) < min_width:
        text = "0" * (min_width - len(text)) + text
    return text


def xtd(s: object) -> object:
    """Return XTD(s): the integer a hexadecimal string stands for.

    Upper or lower case; the value wraps at 32 bits (XTD("FFFFFFFF") is
    -1). A string that is empty, longer than 20 characters or holds a
    character that is not a hex digit comes back unchanged (as a string),
    as ScarletDME leaves it on the stack.
    """
    text = to_str(s)
    if not text or len(text) > 20:
        return text
    n = 0
    for c in text.split("\x00", 1)[0].upper():
        if "0" <= c <= "9":
            n = n * 16 + ord(c) - 48
        elif "A" <= c <= "F":
            n = n * 16 + ord(c) - 55
        else:
            return text
    return _wrap32(n)
