"""FMT() and the format expression ``X "R#5"``, as ``op_oconv.c op_fmt``.

A mask is ``[width][fill](L|R|C|T|U)[d[s]][$][,][Z][B|C|D|E|M|N][mask]``:

- ``width`` pads to that many characters (centred for ``C``); longer data is
  folded into lines joined by text marks (``T`` folds at blanks);
- ``fill`` is a character before the justification letter, or quoted;
- ``d`` decimals (rounded half up), ``s`` a scale digit: the number is
  multiplied by 10**(PRECISION - s);
- ``$`` currency, ``,`` thousands, ``Z`` zero as empty, and one sign
  style (``C`` cr, ``D`` db, ``B`` db on negatives, ``E`` <..>, ``M``
  trailing minus, ``N`` no sign);
- the rest is a ``#``/``%``/``*`` mask (``#10``, ``###-####``).

A mask starting with ``D`` is a date conversion code. A mask ScarletDME
cannot read gives the data back with STATUS() 2.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from runtime_lib.conversions.dates import DateFormat, oconv_date, parse_date_code
from runtime_lib.conversions.masks import (
    MAX_DATA_LEN,
    apply_mask,
    insert_commas,
    insert_text_breaks,
)
from runtime_lib.conversions.masked_decimal import CURRENCY, DECIMAL, THOUSANDS
from runtime_lib.conversions.numbers import FLTDIFF, TENS, ftoa, str_to_num
from runtime_lib.errors import BasicError
from runtime_lib.state import state
from runtime_lib.values import INT32_MAX, INT32_MIN, Unassigned, to_str

_DIGITS = frozenset("0123456789")
_SIGN_SUFFIXES = {
    "B": ("db", "  "),
    "C": ("cr", "  "),
    "D": ("  ", "db"),
    "E": (">", " "),
    "M": ("-", " "),
    "N": ("", ""),
}
# op_oconv.c MAX_FMT_STRING_LEN
MAX_FORMAT_LEN = 256
_MARK_SPLIT = re.compile("([\xfb-\xff])")


class DateMask(NamedTuple):
    """A FMT mask that is a date conversion code (``D...``)."""

    layout: DateFormat | None  # None: ScarletDME rejects the code


class Format(NamedTuple):
    """A parsed FMT mask (see the module docstring)."""

    width: int  # -1 when absent
    fill: str
    justify: str  # C L R T U
    dp: int  # -1 when absent
    scale_digit: int  # -1 when absent
    currency: str
    commas: bool
    null_zero: bool
    sign: str
    mask: str


@lru_cache(maxsize=1024)
def parse_format(mask: str) -> Format | DateMask | None:
    """Return the parsed mask, a :class:`DateMask` for ``D...``, None if bad."""
    if len(mask) > MAX_FORMAT_LEN:
        return None
    mask = mask.split("\0", 1)[0]
    if mask[:1] == "D":
        return DateMask(parse_date_code(mask[1:]))
    n = len(mask)
    i = 0
    width = -1
    if i < n and mask[i] in _DIGITS:
        start = i
        while i < n and mask[i] in _DIGITS:
            i += 1
        width = int(mask[start:i])
    c = mask[i] if i < n else ""
    if c in ('"', "'"):
        if i + 2 >= n or mask[i + 2] != c:
            return None
        fill = mask[i + 1]
        i += 3
    elif c == "" or c.upper() in "CLRTU":
        fill = " "
    else:
        fill = c
        i += 1
    justify = mask[i].upper() if i < n else ""
    if justify == "" or justify not in "CLRTU":
        return None
    i += 1
    dp = scale_digit = -1
    if i < n and mask[i] in _DIGITS:
        dp = ord(mask[i]) - 48
        i += 1
        if i < n and mask[i] in _DIGITS:
            scale_digit = ord(mask[i]) - 48
            i += 1
    currency = ""
    commas = null_zero = False
    sign = ""
    while i < n:
        c = mask[i].upper()
        if c == "$":
            currency = CURRENCY
        elif c == ",":
            commas = True
        elif c in _SIGN_SUFFIXES:
            sign = c
        elif c == "Z":
            null_zero = True
        else:
            break
        i += 1
    return Format(
        width,
        fill,
        justify,
        dp,
        scale_digit,
        currency,
        commas,
        null_zero,
        sign,
        mask[i:],
    )


def fmt(value: object, mask: object) -> object:
    """Return a value laid out by a FMT mask, setting STATUS().

    ``FMT(value, mask)`` and the format expression ``value "mask"``. Numbers
    (and numeric strings, when the mask has decimals, ``,`` or ``Z``) are
    formatted first; a string stays as it is. Then the ``#`` mask applies,
    then padding to the width. STATUS() is 0, or 2 for a mask that cannot
    be read (the value comes back unchanged).
    """
    if type(mask) is not str:
        if isinstance(mask, Unassigned):
            raise mask.fail()
        mask = to_str(mask)
    layout = parse_format(mask)  # type: ignore[arg-type]
    if layout is None:
        state.status = 2
        return value
    if isinstance(layout, DateMask):
        status, result = oconv_date(value, layout.layout)
        state.status = status
        return result
    if layout.width == 0:
        state.status = 0
        return ""
    if isinstance(value, Unassigned):
        raise value.fail()
    status, text = _source_text(value, layout)
    if status:
        state.status = status
        return value
    if layout.mask:
        text = apply_mask(text, layout.mask, layout.justify == "R", layout.fill)
    if layout.width > 0:
        text = _justify(text, layout)
    state.status = 0
    return text


def fmts(value: object, mask: object) -> str:
    """Return FMT applied to each element of a dynamic array.

    ``FMTS(dyn, mask)``: every element between marks (IM FM VM SM TM) is
    formatted as a string and the marks are kept (``GPL.BP _FMTS``);
    STATUS() is that of the last element.
    """
    if isinstance(value, Unassigned):
        raise value.fail()
    pieces = _MARK_SPLIT.split(to_str(value))
    for index in range(0, len(pieces), 2):
        pieces[index] = to_str(fmt(pieces[index], mask))
    return "".join(pieces)


def _source_text(value: object, layout: Format) -> tuple[int, str]:
    """Return (status, the data as text before masking and padding)."""
    kind = type(value)
    if kind is int or kind is float:
        number = value
    elif isinstance(value, str):
        if len(value) > MAX_DATA_LEN:
            return 1, ""
        if not (layout.dp >= 0 or layout.null_zero or layout.commas):
            return 0, value
        if value == "" and state.opt_pick_null:
            return 0, value
        number = str_to_num(value)
        if number is None:
            return 0, value
    elif isinstance(value, bool):
        number = int(value)
    elif hasattr(value, "basic_str"):
        return _source_text(to_str(value), layout)
    else:
        raise BasicError("Invalid data type")
    if type(number) is int and not INT32_MIN <= number <= INT32_MAX:
        number = float(number)
    return 0, _format_number(number, layout)  # type: ignore[arg-type]


def _format_number(number: int | float, layout: Format) -> str:
    """Return a number written with the mask's decimals, currency and sign."""
    scale = layout.scale_digit - state.precision if layout.scale_digit >= 0 else 0
    sign = layout.sign
    lead = ""
    negative = number < 0
    if sign and negative:
        if sign == "E":
            lead = "<"
        number = -number
    dp = layout.dp
    if type(number) is int and scale == 0:
        if layout.null_zero and number == 0:
            body = ""
        elif dp >= 0:
            body = ftoa(float(number), dp)
        else:
            body = str(number)
    else:
        fvalue = float(number)
        if scale > 0:
            fvalue /= TENS[scale]
        elif scale < 0:
            fvalue *= TENS[-scale]
        if layout.null_zero and abs(fvalue) <= FLTDIFF:
            body = ""
        elif dp >= 0:
            body = ftoa(fvalue, dp)
        else:
            body = ftoa(fvalue, state.precision)
            if scale == 0 and "." in body:
                body = body.rstrip("0")
                if body.endswith("."):
                    body = body[:-1]
    if layout.commas:
        body = insert_commas(body, THOUSANDS, DECIMAL)
    text = lead + layout.currency + body
    if sign:
        suffix = _SIGN_SUFFIXES[sign][0 if negative else 1]
        if sign in "BCD" and getattr(state, "opt_crdb_upcase", False):
            suffix = suffix.upper()
        text += suffix
    return text


def _justify(text: str, layout: Format) -> str:
    """Pad to the field width, folding over-long text into lines."""
    width = layout.width
    fill = layout.fill
    justify = layout.justify
    if justify == "T":
        return insert_text_breaks(text, width, fill, True)
    pad = width - len(text)
    if pad > 0:
        if justify == "C":
            left = pad // 2
            text = fill * left + text + fill * (pad - left)
        elif justify == "R":
            text = fill * pad + text
        else:
            text = text + fill * pad
    if len(text) > width:
        text = insert_text_breaks(text, width, fill, False)
    return text
