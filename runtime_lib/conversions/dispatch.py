"""OCONV, ICONV and their multivalue forms: reading a code, running it.

A code is one or more codes separated by value marks, applied in turn
until one fails (``op_oconv``/``op_iconv``). Each segment is parsed once
and cached; the parsed form is a list of steps ``(function, argument)``,
each step returning ``(status, value)``.

STATUS() afterwards is 0 for success, 1 for data the code cannot convert
(OCONV returns the data unconverted, ICONV returns ``""``), 2 for a code
ScarletDME does not know (same results), and 3 for an ICONV date whose day
is past the end of its month.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from runtime_lib.conversions import binary, characters, extraction
from runtime_lib.conversions.dates import (
    iconv_date,
    oconv_date,
    parse_date_code,
    parse_iconv_date_code,
)
from runtime_lib.conversions.masked_decimal import (
    iconv_masked_decimal,
    oconv_masked_decimal,
    parse_masked_decimal,
)
from runtime_lib.conversions.substitution import concatenate, substitute
from runtime_lib.conversions.times import iconv_time, oconv_time, parse_time_code
from runtime_lib.conversions.validation import (
    parse_ranges,
    pattern_match,
    pattern_templates,
    range_check,
)
from runtime_lib.errors import UnsupportedAtRuntime
from runtime_lib.state import state
from runtime_lib.values import INT32_MAX, INT32_MIN, VM, Unassigned, to_str

Step = tuple[Callable[..., tuple[int, object]], object]

# op_oconv.c MAX_CONV_STRING_LEN
MAX_CODE_LEN = 256
_MARK_SPLIT = re.compile("([\xfb-\xff])")


def _unchanged(value: object, _: object) -> tuple[int, object]:
    return 0, value


def _bad_code(value: object, _: object) -> tuple[int, object]:
    return 2, value


def _call(func: Callable[[object], tuple[int, object]]) -> Step:
    """A step for a conversion that takes no parsed argument."""
    return (lambda value, _: func(value)), None


def _unsupported(value: object, code: str) -> tuple[int, object]:
    raise UnsupportedAtRuntime(
        f"Conversion code {code!r} calls a user-defined conversion subroutine "
        "(U code), which is not supported yet"
    )


def _translate(value: object, argument: tuple[str, bool]) -> tuple[int, object]:
    """Tfile: translate through a file with TRANS (ScarletDME's ``_TCONV``)."""
    # The data layer sits above the conversions: load it only when needed.
    from runtime_lib.files.trans import tfile_conversion

    spec, for_oconv = argument
    return tfile_conversion(value, spec, for_oconv)


# --- code parsing --------------------------------------------------------------


def _masked_decimal_step(rest: str, for_iconv: bool) -> Step:
    code = parse_masked_decimal(rest, for_iconv)
    if for_iconv:
        return iconv_masked_decimal, code
    return oconv_masked_decimal, code


def _mc_step(rest: str, for_iconv: bool) -> Step:
    """The step for the text after ``MC`` (case, filters, MCD, MCX)."""
    c = rest[:1].upper()
    if c in ("D", "X"):
        other = "X" if c == "D" else "D"
        following = rest[1:2].upper()
        if following not in ("", other):
            return _bad_code, None
        if rest[1 + (following == other) :]:
            return _bad_code, None
        to_decimal = (c == "D") != for_iconv
        func = characters.unsigned_decimal if to_decimal else characters.hex_to_integer
        return _call(func)
    if c == "L":
        return _call(characters.downcase)
    if c == "U":
        return _call(characters.upcase)
    return characters.mc_filter, rest


def _radix_step(rest: str, radix: int, for_iconv: bool) -> Step:
    if rest == "":
        per_char = False
    elif rest[:2].upper() == "0C":
        per_char = True
    else:
        return _bad_code, None
    func = characters.iconv_radix if for_iconv else characters.oconv_radix
    return (lambda value, _: func(value, radix, per_char)), None


def _m_step(rest: str, for_iconv: bool) -> Step:
    c = rest[:1].upper()
    if c in ("D", "L", "R"):
        return _masked_decimal_step(rest, for_iconv)
    if c == "T":
        if for_iconv:
            return _call(iconv_time)
        return oconv_time, parse_time_code(rest[1:])
    if c == "C":
        return _mc_step(rest[1:], for_iconv)
    if c in ("B", "O", "X"):
        return _radix_step(rest[1:], {"B": 2, "O": 8, "X": 16}[c], for_iconv)
    return _bad_code, None


def _i_step(rest: str, for_iconv: bool) -> Step:
    c = rest[:1].upper()
    order = binary.parse_byte_order(rest[1:])
    if c == "F":
        return (binary.iconv_float if for_iconv else binary.oconv_float), order
    if c in ("L", "S"):
        size = 4 if c == "L" else 2
        func = binary.iconv_integer if for_iconv else binary.oconv_integer
        return (lambda value, order: func(value, order, size)), order
    return _bad_code, None


def _step(segment: str, for_iconv: bool) -> Step:
    """Return the step for one code (no value marks, leading blanks gone)."""
    c = segment[:1].upper()
    rest = segment[1:]
    if c == "":
        return _unchanged, None
    if c == "B":
        if rest == "64":
            return _call(binary.iconv_base64 if for_iconv else binary.oconv_base64)
        return _call(binary.iconv_boolean if for_iconv else binary.oconv_boolean)
    if c == "C":
        return concatenate, rest
    if c == "D":
        if for_iconv:
            return iconv_date, parse_iconv_date_code(rest)
        return oconv_date, parse_date_code(rest)
    if c == "G":
        return extraction.group, extraction.parse_group(rest)
    if c == "L":
        return extraction.length, extraction.parse_length(rest)
    if c == "M":
        return _m_step(rest, for_iconv)
    if c == "I":
        return _i_step(rest, for_iconv)
    if c == "P":
        return pattern_match, rest
    if c == "R":
        return range_check, rest
    if c == "S":
        return substitute, rest
    if c == "T":
        if ";" in rest:
            return _translate, (rest, not for_iconv)
        return extraction.substring, extraction.parse_substring(rest)
    if c == "U":
        return _unsupported, segment
    if c == "<" and not for_iconv:
        return extraction.field_extraction, extraction.parse_field_extraction(rest)
    return _bad_code, None


@lru_cache(maxsize=2048)
def _plan(code: str, for_iconv: bool) -> tuple[Step, ...] | None:
    """Return the steps for a whole code, None when it is too long."""
    if len(code) > MAX_CODE_LEN:
        return None
    code = code.split("\0", 1)[0]
    return tuple(_step(part.lstrip(" "), for_iconv) for part in code.split(VM))


# --- running -------------------------------------------------------------------


def _code_text(code: object) -> str:
    if type(code) is str:
        return code  # type: ignore[return-value]
    if isinstance(code, Unassigned):
        raise code.fail()
    return to_str(code)


def _data(value: object) -> object:
    """Return the value as the conversions see it (32-bit ints, no bools)."""
    kind = type(value)
    if kind is str or kind is float:
        return value
    if kind is int:
        if INT32_MIN <= value <= INT32_MAX:  # type: ignore[operator]
            return value
        return float(value)  # type: ignore[arg-type]
    if isinstance(value, Unassigned):
        if state.opt_unassigned_warning:
            return ""
        raise value.fail()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return _data(int(value))
    if isinstance(value, float):
        return float(value)
    return to_str(value)


def _run(value: object, steps: tuple[Step, ...]) -> tuple[int, object]:
    status = 0
    for func, argument in steps:
        status, value = func(value, argument)
        if status:
            break
    return status, value


def oconv(value: object, code: object) -> object:
    """Return a value converted for output by a conversion code.

    ``OCONV(value, code)``. Codes: B, B64, C, D (dates), G, IF/IL/IS, L,
    MB/MO/MX, MC* (case, filters, MCD/MCX), MD/ML/MR, MT (times), P, R, S,
    T (substring), Tfile (through a file: :mod:`runtime_lib.files.trans`),
    <f,v,s>; several codes separated by @VM apply in turn. Sets STATUS()
    (0 ok, 1 bad data returned unchanged, 2 unknown code returned
    unchanged; a Tfile code leaves TRANS's 3006 for a missing record). A
    multivalued value is converted as one string. U codes raise
    :class:`UnsupportedAtRuntime`.
    """
    steps = _plan(_code_text(code), False)
    value = _data(value)
    if steps is None:
        state.status = 2
        return value
    if len(steps) == 1:
        func, argument = steps[0]
        status, value = func(value, argument)
    else:
        status, value = _run(value, steps)
    state.status = status
    return value


def iconv(value: object, code: object) -> object:
    """Return external data converted to internal form by a conversion code.

    ``ICONV(value, code)``, the inverse of :func:`oconv` for D, MT, MD/ML/MR,
    MX/MO/MB, MCD/MCX, B, B64, IF/IL/IS; G, L, P, R, S, T, C and MCU/MCL work
    as in OCONV. Results are strings as in ScarletDME (``ICONV("12:30",
    "MT")`` is ``"45000"``). STATUS() 1 or 2 returns ``""``; status 3 (a
    date whose day is past the month's end) keeps the converted date.
    """
    steps = _plan(_code_text(code), True)
    value = _data(value)
    if steps is None:
        state.status = 2
        return ""
    if len(steps) == 1:
        func, argument = steps[0]
        status, value = func(value, argument)
    else:
        status, value = _run(value, steps)
    state.status = status
    if status == 1 or status == 2:
        return ""
    return value


def _elementwise(func: Callable[[object, object], object], value: object, code: object):
    """Apply a conversion to each element between marks, keeping the marks."""
    if isinstance(value, Unassigned):
        raise value.fail()
    pieces = _MARK_SPLIT.split(to_str(value))
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(piece)
        else:
            out.append(to_str(func(piece, code)))
    return "".join(out)


def oconvs(value: object, code: object) -> str:
    """Return OCONV applied to each element of a dynamic array.

    ``OCONVS(dyn, code)``: every element between any marks (IM FM VM SM TM)
    is converted as a string and the marks are kept; STATUS() is that of the
    last element (``GPL.BP _OCONVS``).
    """
    return _elementwise(oconv, value, code)


def iconvs(value: object, code: object) -> str:
    """Return ICONV applied to each element of a dynamic array (``ICONVS``)."""
    return _elementwise(iconv, value, code)


# --- checking literal codes ----------------------------------------------------


def is_known_code(code: str, mode: str = "oconv") -> bool:
    """True when ScarletDME accepts every part of a literal conversion code.

    ``mode`` is ``"oconv"``, ``"iconv"`` or ``"fmt"`` (a FMT mask). False
    means ScarletDME would report STATUS() 2, or would silently ignore some
    of the characters (``MCQ``, ``MD2X``, ``MTS:X``), which ``pick2py check``
    reports as a likely mistake. Tfile and U codes count as known.
    """
    if mode == "fmt":
        from runtime_lib.conversions.fmt import DateMask, parse_format

        layout = parse_format(code)
        return layout is not None and (
            not isinstance(layout, DateMask) or layout.layout is not None
        )
    for_iconv = mode == "iconv"
    if len(code) > MAX_CODE_LEN or "\0" in code:
        return False
    return all(
        _is_known_segment(part.lstrip(" "), for_iconv) for part in code.split(VM)
    )


def _is_known_segment(segment: str, for_iconv: bool) -> bool:
    c = segment[:1].upper()
    rest = segment[1:]
    upper_rest = rest.upper()
    if c == "":
        return True
    if c == "B":
        return rest in ("", "64")
    if c == "C":
        return concatenate("", rest)[0] == 0
    if c == "D":
        if for_iconv:
            return parse_iconv_date_code(rest) is not None
        return parse_date_code(rest) is not None
    if c == "G":
        parsed = extraction.parse_group(rest)
        return parsed is not None and parsed.exact
    if c == "L":
        return extraction.parse_length(rest) is not None
    if c == "M":
        sub = upper_rest[:1]
        if sub in ("D", "L", "R"):
            parsed = parse_masked_decimal(rest, for_iconv)
            return not parsed.bad and parsed.exact
        if sub == "T":
            return parse_time_code(rest[1:]).exact
        if sub == "C":
            tail = upper_rest[1:]
            return (
                tail in ("D", "DX", "X", "XD", "L", "U") or tail in characters.MC_MODES
            )
        if sub in ("B", "O", "X"):
            return upper_rest[1:] in ("", "0C")
        return False
    if c == "I":
        return upper_rest[:1] in ("F", "L", "S") and rest[1:] in ("", "L", "H")
    if c == "P":
        return pattern_templates(rest)[1]
    if c == "R":
        return parse_ranges(rest) is not None
    if c == "S":
        return _is_known_substitution(rest)
    if c == "T":
        return ";" in rest or extraction.parse_substring(rest) is not None
    if c == "U":
        return True
    if c == "<":
        return not for_iconv and extraction.parse_field_extraction(rest) is not None
    return False


def _is_known_substitution(rest: str) -> bool:
    if ";" not in rest:
        return False
    items = rest[rest.index(";") + 1 :].split(";", 1)
    for item in items:
        c = item[:1]
        if c == "" or item == "*" or (item.isdigit() and item.isascii()):
            continue
        if c in ("'", '"', "\\") and item.find(c, 1) == len(item) - 1 > 0:
            continue
        return False
    return True
