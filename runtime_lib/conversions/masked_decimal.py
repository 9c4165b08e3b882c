"""MD, ML and MR conversion codes: scaled numbers with decimals and signs.

The code is ``M{D|L|R} d [f] [,] [$] [[prefix, thousands, decimal, suffix]]
[- | + | < | ( | C | D] [P] [Z] [T] [width[pad] | mask]`` as
``op_oconv.c masked_decimal_conversion`` reads it: ``d`` decimals, the
number divided by 10**f (``f`` defaults to ``d``), rounded half up on the
decimal text (``T`` truncates). ICONV (``op_iconv.c``) reverses it, reading
the digits exactly: the result is an integer string scaled by 10**f,
rounded half up on the first dropped digit.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from runtime_lib.conversions.masks import apply_mask, insert_commas
from runtime_lib.conversions.numbers import FLTDIFF, TENS, ftoa, str_to_num
from runtime_lib.state import state
from runtime_lib.values import Unassigned, c_int32, to_str

# ScarletDME's national settings (kernel.c defaults).
CURRENCY = "$"
THOUSANDS = ","
DECIMAL = "."

_DIGITS = frozenset("0123456789")
_QUOTES = ('"', "'")


class MaskedDecimal(NamedTuple):
    """A parsed MD/ML/MR code (see the module docstring)."""

    mode: str  # D, L or R
    bad: bool  # an unclosed [...]: ScarletDME gives status 2
    dp: int
    scale: int
    commas: bool
    prefix: str
    thousands: str
    decimal: str
    suffix: str
    negative: str  # "" (leading minus) or one of + - < ( C D
    no_scale_if_point: bool  # P
    null_zero: bool  # Z
    truncate: bool  # T
    width: int
    pad: str
    mask: str | None
    exact: bool  # False when ScarletDME ignores trailing characters


# An unclosed [: only the mode matters (MD returns "" for "" first).
_UNCLOSED = MaskedDecimal(
    mode="D",
    bad=True,
    dp=0,
    scale=0,
    commas=False,
    prefix="",
    thousands=THOUSANDS,
    decimal=DECIMAL,
    suffix="",
    negative="",
    no_scale_if_point=False,
    null_zero=False,
    truncate=False,
    width=0,
    pad=" ",
    mask=None,
    exact=False,
)


class _Brackets(NamedTuple):
    end: int
    prefix: str
    thousands: str | None
    decimal: str | None
    suffix: str
    commas: bool


def _parse_brackets(code: str, i: int) -> _Brackets | None:
    """Read ``prefix, thousands, decimal, suffix]`` from just after ``[``."""
    n = len(code)

    def at(k: int) -> str:
        return code[k] if k < n else ""

    def skip_blanks(k: int) -> int:
        while k < n and code[k] == " ":
            k += 1
        return k

    def text_item(k: int) -> tuple[int, str]:
        if at(k) in _QUOTES:
            delim = code[k]
            k += 1
            start = k
            while k < n and code[k] != delim and k - start < 32:
                k += 1
            item = code[start:k]
            while k < n and code[k] != delim:
                k += 1
            if at(k) == delim:
                k += 1
            return skip_blanks(k), item
        start = k
        while k < n and code[k] not in "]," and k - start < 32:
            k += 1
        item = code[start:k]
        while k < n and code[k] not in "],":
            k += 1
        return k, item

    def char_item(k: int) -> tuple[int, str | None]:
        if at(k) in _QUOTES:
            delim = code[k]
            k += 1
            char = None
            if at(k) != delim:
                char = at(k)
                k += 1
            while k < n and code[k] != delim:
                k += 1
            if at(k) == delim:
                k += 1
            return skip_blanks(k), char
        if at(k) not in ("", "]", ","):
            return skip_blanks(k + 1), code[k]
        return k, None

    i, prefix = text_item(skip_blanks(i))
    thousands = decimal = None
    suffix = ""
    if at(i) == ",":
        i, thousands = char_item(skip_blanks(i + 1))
    if at(i) == ",":
        i, decimal = char_item(skip_blanks(i + 1))
    if at(i) == ",":
        i, suffix = text_item(skip_blanks(i + 1))
    if at(i) != "]":
        return None
    return _Brackets(i + 1, prefix, thousands, decimal, suffix, thousands is not None)


@lru_cache(maxsize=512)
def parse_masked_decimal(code: str, for_iconv: bool = False) -> MaskedDecimal:
    """Return the parsed code; ``code`` starts at the D, L or R after ``M``."""
    n = len(code)

    def at(k: int) -> str:
        return code[k] if k < n else ""

    mode = code[:1].upper()
    i = 1
    dp = scale = 0
    if at(i) in _DIGITS:
        dp = scale = ord(code[i]) - 48
        i += 1
    if at(i) in _DIGITS:
        scale = ord(code[i]) - 48
        i += 1
    commas = False
    prefix = CURRENCY if for_iconv else ""
    while at(i) in (",", "$"):
        if code[i] == ",":
            commas = True
        else:
            prefix = CURRENCY
        i += 1
    thousands = THOUSANDS
    decimal = DECIMAL
    suffix = ""
    if at(i) == "[":
        brackets = _parse_brackets(code, i + 1)
        if brackets is None:
            return _UNCLOSED._replace(mode=mode)
        i = brackets.end
        prefix = brackets.prefix
        suffix = brackets.suffix
        if brackets.thousands is not None:
            thousands = brackets.thousands
            commas = commas or brackets.commas
        if brackets.decimal is not None:
            decimal = brackets.decimal
    negative = ""
    if at(i).upper() in ("+", "-", "<", "(", "C", "D"):
        negative = code[i].upper()
        i += 1
    no_scale_if_point = at(i).upper() == "P"
    i += no_scale_if_point
    null_zero = at(i).upper() == "Z"
    i += null_zero
    truncate = not for_iconv and at(i).upper() == "T"
    i += truncate
    width = 0
    pad = " "
    mask = None
    if at(i) in _DIGITS:
        width = ord(code[i]) - 48
        i += 1
        if at(i) in _DIGITS:
            width = width * 10 + ord(code[i]) - 48
            i += 1
        if i < n:
            pad = code[i]
            i += 1
    elif at(i) in ("#", "*", "%"):
        if for_iconv:
            pad = {"#": " ", "%": "0", "*": "*"}[code[i]]
            i += 1
            while at(i) in _DIGITS:
                width = width * 10 + ord(code[i]) - 48
                i += 1
        else:
            mask = code[i:]
            i = n
    return MaskedDecimal(
        mode=mode,
        bad=False,
        dp=dp,
        scale=scale,
        commas=commas,
        prefix=prefix,
        thousands=thousands,
        decimal=decimal,
        suffix=suffix,
        negative=negative,
        no_scale_if_point=no_scale_if_point,
        null_zero=null_zero,
        truncate=truncate,
        width=width,
        pad=pad,
        mask=mask,
        exact=i == n,
    )


def oconv_masked_decimal(value: object, code: MaskedDecimal) -> tuple[int, object]:
    """OCONV ``MD``/``ML``/``MR``: (status, formatted number).

    ``""`` gives ``""`` for MD (and for ML/MR under PICK.NULL; otherwise it
    is 0). Non-numeric data comes back unchanged with status 1.
    """
    kind = type(value)
    if kind is int:
        is_integer = True
        number: int | float = value  # type: ignore[assignment]
        point_present = False
    else:
        if kind is float:
            number = value  # type: ignore[assignment]
        else:
            if isinstance(value, Unassigned):
                raise value.fail()
            text = value if isinstance(value, str) else to_str(value)
            if text == "" and (code.mode == "D" or state.opt_pick_null):
                return 0, ""
            parsed = str_to_num(text)
            if parsed is None:
                return 1, value
            number = parsed
        is_integer = type(number) is int
        # P looks at the value, not the text: "12.0" counts as a whole number.
        point_present = not is_integer and abs(number - c_int32(number)) > FLTDIFF
    if code.bad:
        return 2, number
    decimal = code.decimal
    if is_integer and code.dp == code.scale:
        negative = number < 0
        digits = str(abs(number))
        if code.null_zero and number == 0:
            return 0, _lay_out("", code)
        if code.dp:
            whole = len(digits) - code.dp
            if whole <= 0:
                body = "0" + decimal + "0" * -whole + digits
            else:
                body = digits[:whole] + decimal + digits[whole:]
        else:
            body = digits
    else:
        fvalue = float(number)
        if code.scale and not (code.no_scale_if_point and point_present):
            fvalue /= TENS[code.scale]
        if code.null_zero and abs(fvalue) < FLTDIFF:
            return 0, _lay_out("", code)
        negative = fvalue < 0.0
        if negative:
            fvalue = -fvalue
        body = ftoa(fvalue, code.dp, code.truncate)
        if decimal != ".":
            body = body.replace(".", decimal, 1)
    if code.commas:
        body = insert_commas(body, code.thousands, decimal)
    return 0, _lay_out(_signed(body, negative, code), code)


def _signed(body: str, negative: bool, code: MaskedDecimal) -> str:
    """Add the prefix, the sign as the code asks and the suffix."""
    prefix = code.prefix
    how = code.negative
    if how == "":
        text = ("-" if negative else "") + prefix + body
    elif how == "+":
        text = prefix + body + ("-" if negative else "+")
    elif how == "-":
        text = prefix + body + ("-" if negative else " ")
    elif how == "<":
        text = ("<" if negative else " ") + prefix + body + (">" if negative else " ")
    elif how == "(":
        text = ("(" if negative else " ") + prefix + body + (")" if negative else " ")
    else:
        mark = ("cr" if how == "C" else "db") if negative else "  "
        if getattr(state, "opt_crdb_upcase", False):
            mark = mark.upper()
        text = prefix + body + mark
    return text + code.suffix


def _lay_out(text: str, code: MaskedDecimal) -> str:
    """Cut or pad to the field width (ML pads right, MR left), or mask."""
    width = code.width
    if width:
        if len(text) > width:
            text = text[:width]
        padding = code.pad * (width - len(text))
        if code.mode == "R":
            return padding + text
        if code.mode == "L":
            return text + padding
        return text
    if code.mask is not None:
        return apply_mask(text, code.mask, code.mode == "R", " ")
    return text


def iconv_masked_decimal(value: object, code: MaskedDecimal) -> tuple[int, object]:
    """ICONV ``MD``/``ML``/``MR``: (status, scaled integer as a string).

    The prefix (``$`` unless the code gives one) is removed once, then every
    blank, pad character and thousands separator; a sign may lead, trail or
    be written ``(..)``, ``<..>``, ``CR`` or ``DB``. Text after the number
    is ignored. Data without a number is status 1.
    """
    if isinstance(value, Unassigned):
        raise value.fail()
    s = value if isinstance(value, str) else to_str(value)
    if s == "":
        return 0, ""
    if code.bad:
        return 2, value
    s = s[:160].split("\0", 1)[0]
    if code.prefix:
        s = s.replace(code.prefix, "", 1)
    pad = code.pad
    thousands = code.thousands
    z = "".join([c for c in s if c != pad and c != " " and c != thousands])
    negative = False
    r = 0
    lead = z[:1]
    if lead == "+":
        r = 1
    elif lead == "-":
        negative = True
        r = 1
    elif lead in ("(", "<"):
        if len(z) < 2 or z[-1] != (")" if lead == "(" else ">"):
            return 1, value
        z = z[:-1]
        negative = True
        r = 1
    if not negative and z:
        last = z[-1]
        if last == "+":
            z = z[:-1]
        elif last == "-":
            negative = True
            z = z[:-1]
        elif len(z) > 1 and z[-2:].upper() in ("CR", "DB"):
            negative = True
            z = z[:-2]
    n = len(z)
    if r >= n:
        return 0, ""
    decimal = code.decimal
    if z[r] not in _DIGITS and z[r] != decimal:
        return 1, value
    start = r
    while r < n and z[r] in _DIGITS:
        r += 1
    number = int(z[start:r]) if r > start else 0
    scale = code.scale
    if r < n and z[r] == decimal:
        r += 1
        start = r
        while r < n and scale and z[r] in _DIGITS:
            r += 1
            scale -= 1
        if r > start:
            number = number * TENS[r - start] + int(z[start:r])
    if scale:
        number *= TENS[scale]
    elif r < n and z[r] in _DIGITS and z[r] >= "5":
        number += 1
    return 0, ("-" if negative else "") + str(number)
