"""Number reading and writing as ScarletDME's conversion code does it.

Reading numbers uses the k_str_to_num and k_get_int ports in
:mod:`runtime_lib.values` (blank strings are not numeric, decimals are summed
digit by digit, floats are nudged by 5e-13 before truncation). This module
adds what only the conversions need:

- ``ftoa`` is ``qmlib.c ftoa``: 15 decimals first, then half-up rounding on
  that text to a fixed number of places, never Python's half-to-even;
- ``get_unsigned_int`` is ``GetUnsignedInt`` (MX, MO, MB, MCD);
- C's truncating division and remainder, and 32-bit wrapping.
"""

from __future__ import annotations

import math

from runtime_lib.errors import NonNumericError
from runtime_lib.state import state
from runtime_lib.values import INT32_MAX, INT32_MIN, Unassigned, to_str
from runtime_lib.values import to_int as get_int
from runtime_lib.values import to_num as as_number
from runtime_lib.values import try_num as str_to_num

__all__ = [
    "FLTDIFF",
    "TENS",
    "as_number",
    "c_div",
    "c_mod",
    "fits_int32",
    "ftoa",
    "get_int",
    "get_unsigned_int",
    "str_to_num",
    "to_int32",
]

# qmconfig FLTDIFF: below this a float counts as zero.
FLTDIFF = 2.91e-11
TENS = tuple(10**n for n in range(40))


def _non_numeric(value: object) -> int:
    """Raise ScarletDME's non-numeric error, or give 0 under the option."""
    if state.opt_non_numeric_warning:
        return 0
    raise NonNumericError(value)


def get_unsigned_int(value: object) -> int:
    """Return a value as ``GetUnsignedInt`` reads it: 32 bits, no overflow.

    Integers are reinterpreted as unsigned; floats are truncated; a string
    may hold only a sign and digits (no blanks, no decimal point), anything
    else is the non-numeric error.
    """
    kind = type(value)
    if kind is int or kind is bool:
        return value & 0xFFFFFFFF  # type: ignore[operator]
    if kind is float:
        if math.isnan(value) or math.isinf(value):  # type: ignore[arg-type]
            return 0
        return int(value) & 0xFFFFFFFF  # type: ignore[arg-type]
    if isinstance(value, Unassigned):
        if state.opt_unassigned_warning:
            return 0
        raise value.fail()
    s = to_str(value)
    body = s
    negative = False
    if body[:1] == "-":
        negative = True
        body = body[1:]
    elif body[:1] == "+":
        body = body[1:]
    number = 0
    for c in body:
        if not "0" <= c <= "9":
            return _non_numeric(value)
        number = (number * 10 + ord(c) - 48) & 0xFFFFFFFF
    if negative:
        number = (number ^ 0xFFFFFFFF) + 1 & 0xFFFFFFFF
    return number


def to_int32(n: int) -> int:
    """Return the low 32 bits of an integer as a signed C ``int32_t``."""
    n &= 0xFFFFFFFF
    return n - 0x100000000 if n > INT32_MAX else n


def fits_int32(n: int) -> bool:
    """True when a Python int is a ScarletDME INTEGER (32 bits)."""
    return INT32_MIN <= n <= INT32_MAX


def ftoa(f: float, dp: int, truncate: bool = False) -> str:
    """Return a number with ``dp`` decimals as ``qmlib.c ftoa`` writes it.

    The value is printed with 15 decimals, then cut to ``dp`` decimals and
    rounded half up on that text unless ``truncate``. A negative value that
    rounds to zero loses its sign ("0.00", never "-0.00").
    """
    if not math.isfinite(f):
        return "nan" if math.isnan(f) else ("-inf" if f < 0 else "inf")
    negative = f < 0
    if negative:
        f = -f
    text = "%.15f" % f
    if dp >= 15:
        digits = text
        carry = False
    else:
        cut = len(text) - (15 - dp)
        digits = text[:cut]
        carry = False
        if not truncate and text[cut] >= "5":
            digits, carry = _round_up(digits)
    if digits.endswith("."):
        digits = digits[:-1]
    if carry:
        digits = "1" + digits
    if negative and (carry or digits.strip("0.")):
        return "-" + digits
    return digits


def _round_up(digits: str) -> tuple[str, bool]:
    """Add one in the last place of a decimal text; True when it carried out."""
    chars = list(digits)
    i = len(chars) - 1
    while i >= 0:
        c = chars[i]
        if c == ".":
            i -= 1
            continue
        if c < "9":
            chars[i] = chr(ord(c) + 1)
            return "".join(chars), False
        chars[i] = "0"
        i -= 1
    return "".join(chars), True


def c_div(a: int, b: int) -> int:
    """Return C's integer quotient (truncated toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def c_mod(a: int, b: int) -> int:
    """Return C's remainder (same sign as the dividend)."""
    return a - b * c_div(a, b)
