"""String maths: SADD, SSUB, SMUL, SDIV and SCMP on numbers of any size.

The Krowemoh/ScarletDME fork added SADD, SSUB, SMUL and SDIV over decimal
integer strings of up to 1024 characters (``src/op_smath.zig``): STATUS()
is 0 on success and 2 when an operand is empty, too long or not an integer;
SDIV truncates toward zero. Operands with a decimal point follow UniVerse,
which defines these functions on decimal strings: sums, differences and
products are exact; a quotient keeps 14 decimal places, truncated. SCMP
compares two string numbers (UniVerse): -1, 0 or 1.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal, InvalidOperation, localcontext

from runtime_lib.state import state
from runtime_lib.values import to_str

__all__ = ["sadd", "ssub", "smul", "sdiv", "scmp"]

_MAX_LENGTH = 1024
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)\Z")
_SDIV_PLACES = 14


def _operand(value: object) -> int | Decimal | None:
    text = to_str(value)
    if not text or len(text) > _MAX_LENGTH:
        return None
    if _INTEGER.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return Decimal(text)
    return None


def _operands(a: object, b: object):
    x, y = _operand(a), _operand(b)
    if x is None or y is None:
        state.status = 2
        return None
    state.status = 0
    if isinstance(x, Decimal) or isinstance(y, Decimal):
        return Decimal(x), Decimal(y)
    return x, y


def _text(number: int | Decimal) -> str:
    if isinstance(number, int):
        return str(number)
    text = format(number.normalize(), "f")
    if text == "-0":
        return "0"
    return text


def _exact(op, a: object, b: object) -> str:
    pair = _operands(a, b)
    if pair is None:
        return ""
    with localcontext() as ctx:
        ctx.prec = 4 * _MAX_LENGTH
        return _text(op(*pair))


def sadd(a: object, b: object) -> str:
    """SADD(a, b): a + b as a string, exact at any length."""
    return _exact(lambda x, y: x + y, a, b)


def ssub(a: object, b: object) -> str:
    """SSUB(a, b): a - b as a string, exact at any length."""
    return _exact(lambda x, y: x - y, a, b)


def smul(a: object, b: object) -> str:
    """SMUL(a, b): a * b as a string, exact at any length."""
    return _exact(lambda x, y: x * y, a, b)


def sdiv(a: object, b: object) -> str:
    """SDIV(a, b): a / b; integers truncate toward zero (as the fork does),
    decimals keep 14 places (UniVerse). Division by zero sets STATUS() 2."""
    pair = _operands(a, b)
    if pair is None:
        return ""
    x, y = pair
    if y == 0:
        state.status = 2
        return ""
    if isinstance(x, int):
        quotient = abs(x) // abs(y)
        return str(quotient if (x < 0) == (y < 0) else -quotient)
    with localcontext() as ctx:
        ctx.prec = 4 * _MAX_LENGTH
        try:
            result = (x / y).quantize(
                Decimal(1).scaleb(-_SDIV_PLACES), rounding=ROUND_DOWN
            )
        except InvalidOperation:
            state.status = 2
            return ""
    return _text(result)


def scmp(a: object, b: object) -> int:
    """SCMP(a, b): -1, 0 or 1 as string number a is less, equal or greater."""
    pair = _operands(a, b)
    if pair is None:
        return 0
    x, y = pair
    return (x > y) - (x < y)
