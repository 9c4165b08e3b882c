"""MC, MX, MO and MB conversion codes: character filters, case, radix.

Letters and digits are ASCII only, as ScarletDME's default character maps
(``ctype.c``) define them; accented Latin-1 letters are left alone by
MCU/MCL and count as neither letters nor digits.
"""

from __future__ import annotations

import re

from runtime_lib.conversions.numbers import get_unsigned_int, to_int32
from runtime_lib.state import state
from runtime_lib.values import Unassigned, to_str

_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_HEX = "0123456789ABCDEF"

# mc_conversion modes: what each keeps or removes.
_FILTERS = {
    "A": re.compile("[^A-Za-z]+"),
    "N": re.compile("[^0-9]+"),
    "/A": re.compile("[A-Za-z]+"),
    "/N": re.compile("[0-9]+"),
    "AN": re.compile("[^A-Za-z0-9]+"),
    "/AN": re.compile("[A-Za-z0-9]+"),
}
_NOT_PRINTABLE = re.compile("[^\x20-\x7e]")
MC_MODES = frozenset(_FILTERS) | {"T", "P"}


def _string(value: object) -> str:
    if type(value) is str:
        return value  # type: ignore[return-value]
    if isinstance(value, Unassigned):
        raise value.fail()
    return to_str(value)


def upcase(value: object) -> tuple[int, object]:
    """MCU: (0, value with a-z made upper case)."""
    return 0, _string(value).translate(_UPPER)


def downcase(value: object) -> tuple[int, object]:
    """MCL: (0, value with A-Z made lower case)."""
    return 0, _string(value).translate(_LOWER)


def mc_filter(value: object, mode: str) -> tuple[int, object]:
    """MCA MCN MC/A MC/N MCAN MC/AN MCT MCP: (0, filtered value).

    An MC code ScarletDME does not know leaves the value alone and, because
    ``op_oconv`` ignores ``mc_conversion``'s result, keeps STATUS() 0.
    """
    mode = mode.translate(_UPPER)
    if mode not in MC_MODES:
        return 0, value
    s = _string(value)
    if mode == "T":
        return 0, _capitalise(s)
    if mode == "P":
        return 0, _NOT_PRINTABLE.sub(".", s)
    return 0, _FILTERS[mode].sub("", s)


def _capitalise(s: str) -> str:
    """MCT: first letter of each word upper case, other letters lower.

    A word starts after any character that is not a letter; with OPTION
    SPACE.MCT only after a blank, and every other character is lowered.
    """
    out = []
    upcase_next = True
    if getattr(state, "opt_space_mct", False):
        for c in s:
            c = c.translate(_UPPER) if upcase_next else c.translate(_LOWER)
            upcase_next = c == " "
            out.append(c)
        return "".join(out)
    for c in s:
        if c in _LETTERS:
            out.append(c.translate(_UPPER) if upcase_next else c.translate(_LOWER))
            upcase_next = False
        else:
            upcase_next = True
            out.append(c)
    return "".join(out)


def unsigned_decimal(value: object) -> tuple[int, object]:
    """OCONV MCD / ICONV MCX (``conv_dtx``): the value as unsigned decimal."""
    if value == "":
        return 0, value
    return 0, str(get_unsigned_int(value))


def hex_to_integer(value: object) -> tuple[int, object]:
    """OCONV MCX / ICONV MCD (``op_xtd``): hex digits to an integer.

    Data that is empty, longer than 20 characters or not all hex digits is
    left unchanged, still with status 0.
    """
    s = _string(value)
    if not 0 < len(s) <= 20:
        return 0, value
    s = s.split("\0", 1)[0]
    number = 0
    for c in s.translate(_UPPER):
        digit = _HEX.find(c)
        if digit < 0:
            return 0, value
        number = number * 16 + digit
    return 0, to_int32(number)


# --- MB, MO, MX ----------------------------------------------------------------

_RADIX_STEPS = {2: (31, 1, 8, 7), 8: (30, 3, 3, 6), 16: (28, 4, 2, 4)}


def oconv_radix(value: object, radix: int, per_char: bool) -> tuple[int, object]:
    """OCONV MB/MO/MX: an integer in binary, octal or hex (upper case).

    Zero is ``00``; the value is read as an unsigned 32-bit integer and
    non-numeric data is the fatal non-numeric error. With ``0C`` each
    character becomes 8, 3 or 2 digits, bytes above 127 read as signed C
    chars (so octal of 255 is ``777``).
    """
    if value == "" and isinstance(value, str):
        return 0, value
    top, step, digits, char_top = _RADIX_STEPS[radix]
    mask = radix - 1
    if not per_char:
        number = get_unsigned_int(value)
        if number == 0:
            return 0, "00"
        text = format(number, {2: "b", 8: "o", 16: "X"}[radix])
        return 0, text
    out = []
    for c in _string(value):
        code = ord(c) & 0xFF
        if code > 127:
            code -= 256
        for shift in range(char_top, -1, -step):
            out.append(_HEX[(code >> shift) & mask])
    return 0, "".join(out)


def iconv_radix(value: object, radix: int, per_char: bool) -> tuple[int, object]:
    """ICONV MB/MO/MX: digits of the radix to an integer (status 1 if not).

    With ``0C`` the digits are read in groups of 8, 3 or 2 (implied leading
    zeros make up the first group) and each group becomes one character.
    """
    s = _string(value)
    if s == "":
        return 1, value
    shift = {2: 1, 8: 3, 16: 4}[radix]
    if not per_char:
        if len(s) > 32:
            return 1, value
        number = 0
        for c in s.split("\0", 1)[0].translate(_UPPER):
            digit = _HEX.find(c)
            if digit < 0 or digit >= radix:
                return 1, value
            number = ((number << shift) | digit) & 0xFFFFFFFF
        return 0, to_int32(number)
    digits = _RADIX_STEPS[radix][2]
    k = (digits - len(s) % digits) % digits
    number = 0
    out = []
    for c in s.translate(_UPPER):
        digit = _HEX.find(c)
        if digit < 0 or digit >= radix:
            return 1, ""
        number = ((number << shift) | digit) & 0xFFFFFFFF
        k += 1
        if k == digits:
            if number > 255:
                return 1, ""
            out.append(chr(number))
            k = 0
            number = 0
    return 0, "".join(out)
