"""D conversion codes: internal day numbers to dates and back.

Day 0 is 31 Dec 1967 and the calendar is proleptic Gregorian, as
``op_misc.c day_to_dmy`` computes it. OCONV follows ``op_oconv.c oconv_d``
(``D{y}{sep}{E}{components}{L}{[modifiers]}``), ICONV follows
``op_iconv.c date_conversion``; two-digit years fall in the 100-year window
that starts at YEARBASE (1930).
"""

from __future__ import annotations

import datetime as _dt
import time as _time
from functools import lru_cache
from typing import NamedTuple

from runtime_lib.conversions.numbers import (
    c_div,
    c_mod,
    get_int,
    str_to_num,
)
from runtime_lib.state import YEARBASE, state
from runtime_lib.values import Unassigned, to_str

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
# ScarletDME message 1502, used by the DO (ordinal day) component.
ORDINALS = tuple(
    "1st,2nd,3rd,4th,5th,6th,7th,8th,9th,10th,11th,12th,13th,14th,15th,16th,"
    "17th,18th,19th,20th,21st,22nd,23rd,24th,25th,26th,27th,28th,29th,30th,31st".split(
        ","
    )
)
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_OFFSETS = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
# Days from 1 Jan 0001 (as day 0) to 31 Dec 1967.
_EPOCH_SHIFT = 718430
# Python's date ordinals count 1 Jan 0001 as 1.
_ORDINAL_SHIFT = _EPOCH_SHIFT + 1
_MAX_ORDINAL = _dt.date.max.toordinal()
_from_ordinal = _dt.date.fromordinal
# The system-wide defaults ScarletDME keeps in qm.h.
EUROPEAN_DATES = False
DEFAULT_DATE_CONVERSION = "D"

_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_ALNUM = _ASCII_LETTERS | _DIGITS


def _int16(n: int) -> int:
    return ((n + 0x8000) & 0xFFFF) - 0x8000


def day_to_dmy(day_no: int) -> tuple[int, int, int, int]:
    """Return (day, month, year, day of year) for an internal date.

    Years 1 to 9999 come from Python's proleptic Gregorian calendar, which
    is the calendar ``day_to_dmy`` computes; other day numbers follow the C
    arithmetic (truncating division, 16-bit year) step by step.
    """
    ordinal = day_no + _ORDINAL_SHIFT
    if not 1 <= ordinal <= _MAX_ORDINAL:
        return _day_to_dmy_c(day_no + _EPOCH_SHIFT)
    d = _from_ordinal(ordinal)
    y = d.year - 1
    return d.day, d.month, d.year, ordinal - (y * 365 + y // 4 - y // 100 + y // 400)


def _day_to_dmy_c(n: int) -> tuple[int, int, int, int]:
    """day_to_dmy with C's truncating division, for days before year 1."""
    n &= 0xFFFFFFFF
    if n > 0x7FFFFFFF:
        n -= 0x100000000
    cycles = c_div(n, 146097)
    year = 1 + cycles * 400
    n -= cycles * 146097
    centuries = min(c_div(n, 36524), 3)
    year += centuries * 100
    n -= centuries * 36524
    quads = c_div(n, 1461)
    year += quads * 4
    n -= quads * 1461
    years = 3 if n == 1460 else c_div(n, 365)
    year = _int16(year + years)
    n -= years * 365
    julian = n + 1
    leap = years == 3 and (c_mod(year, 100) != 0 or c_mod(year, 400) == 0)
    month = 0
    while month < 12:
        days = 29 if month == 1 and leap else _DAYS_IN_MONTH[month]
        if n < days:
            break
        n -= days
        month += 1
    return n + 1, month + 1, year, julian


def day_of_week(day_no: int) -> int:
    """Return the weekday of an internal date, Monday 1 to Sunday 7."""
    return (day_no - 1) % 7 + 1


# --- OCONV -------------------------------------------------------------------


class Component(NamedTuple):
    """One element of a date layout: what to print and how wide."""

    code: str  # D M Y y J A W N Q O I (see oconv_d)
    width: int
    zero_suppress: bool
    text: str  # separator to use after this element, when given


class DateFormat(NamedTuple):
    """A parsed OCONV date code, compiled to a %-template and its fields."""

    components: tuple[Component, ...]
    separator: str
    leading_upper: bool
    iso: bool
    template: str
    fields: tuple[tuple[str, int], ...]


@lru_cache(maxsize=512)
def parse_date_code(code: str) -> DateFormat | None:
    """Return the layout for the text after an OCONV ``D``, None if invalid."""
    if code == "":
        code = DEFAULT_DATE_CONVERSION[1:]
    n = len(code)
    i = 0

    def at(k: int) -> str:
        return code[k] if k < n else ""

    if at(0) in _DIGITS:
        year_digits = ord(code[0]) - 48
        if year_digits > 4:
            return None
        i = 1
    else:
        year_digits = 4
    slots = [["", 0, False, ""] for _ in range(5)]
    separator = ""
    if at(i) == "" or at(i).upper() == "L":
        slots[0][:2] = ["D", 2]
        slots[1][:2] = ["A", 3]
    else:
        if at(i) not in _ASCII_LETTERS:
            separator = code[i]
            i += 1
        toggle = at(i).upper() == "E"
        if toggle:
            i += 1
        if EUROPEAN_DATES ^ toggle:
            slots[0][:2] = ["D", 2]
            slots[1][:2] = ["A", 3] if separator == "" else ["M", 2]
        else:
            slots[0][:2] = ["M", 2]
            slots[1][:2] = ["D", 2]
    slots[2][:2] = ["Y", year_digits]
    leading_upper = False
    iso = False

    k = 0
    while k < 5:
        c = at(i).upper()
        if c == "D" and at(i + 1) == "O":
            slots[k][:2] = ["O", slots[k][1]]
            i += 2
        elif c in ("D", "J"):
            slots[k][:2] = [c, 2]
            i += 1
        elif c == "Y":
            i += 1
            if at(i).upper() == "I":
                slots[k][:2] = ["y", year_digits]
                iso = True
                i += 1
            else:
                slots[k][:2] = ["Y", year_digits]
        elif c == "I":
            slots[k][:2] = ["I", 2]
            i += 1
        elif c == "Q":
            slots[k][:2] = ["Q", 1]
            i += 1
        elif c == "L":
            leading_upper = True
            i += 1
            continue
        elif c == "M":
            i += 1
            if at(i).upper() == "A":
                slots[k][:2] = ["A", 0]
                i += 1
            else:
                slots[k][:2] = ["M", 2]
        elif c == "W":
            i += 1
            following = at(i).upper()
            if following == "A":
                slots[k][:2] = ["W", 0]
                i += 1
            elif following == "I":
                slots[k][:2] = ["I", 0]
                i += 1
            else:
                slots[k][:2] = ["N", 1]
        else:
            slots[k][2] = False
            break
        slots[k][2] = False
        k += 1
    if 0 < k < 5:
        slots[k][0] = ""

    if at(i).upper() == "L":
        leading_upper = True
        i += 1
    if at(i) == "[":
        i = _parse_modifiers(code, i + 1, slots)
        if i < 0:
            return None
    if i < n:
        return None

    components = []
    for slot in slots:
        if not slot[0]:
            break
        components.append(Component(*slot))
    # ScarletDME computes the ISO week only for YI and prints an uninitialised
    # number for a lone I; computing it whenever I is used is the useful reading.
    iso = iso or any(c.code == "I" for c in components)
    separator = separator or " "
    template, fields = _compile(components, separator, leading_upper)
    return DateFormat(
        tuple(components), separator, leading_upper, iso, template, fields
    )


def _compile(
    components: list[Component], separator: str, leading_upper: bool
) -> tuple[str, tuple[tuple[str, int], ...]]:
    """Return the %-template and (field, argument) list for a layout.

    Separators follow ``oconv_d``: none before the first element, the code's
    separator after dates, a blank after weekday and quarter elements, a
    text modifier's text when one is given; a year of width 0 prints
    nothing but its separator.
    """
    pieces: list[str] = []
    fields: list[tuple[str, int]] = []
    sep = None
    for code, width, zero_suppress, text in components:
        if sep is not None:
            pieces.append(sep.replace("%", "%%"))
        if code in ("A", "W"):
            pieces.append("%%-%d.%ds" % (width, width) if width else "%s")
            name_field = code if leading_upper else code.lower()
            fields.append((name_field, 0))
            sep = separator if code == "A" else " "
        elif code in ("D", "M", "I"):
            pieces.append("%%-%d.%dd" % (width, 1 if zero_suppress else 2))
            fields.append((code, 0))
            sep = separator
        elif code in ("Y", "y"):
            if width > 0:
                pieces.append("%d" if zero_suppress else "%%.%dd" % width)
                fields.append((code, 10**width))
                sep = separator
        elif code == "J":
            pieces.append("%s")
            fields.append(("J" if zero_suppress else "j", width))
            sep = separator
        elif code in ("N", "Q"):
            pieces.append("%%-%dd" % width)
            fields.append((code, 0))
            sep = " "
        elif code == "O":
            pieces.append("%s")
            fields.append(("O", 0))
            sep = separator
        if text:
            sep = text
    return "".join(pieces), tuple(fields)


def _parse_modifiers(code: str, i: int, slots: list[list]) -> int:
    """Apply ``[...]`` element modifiers; return the index after, -1 if bad."""
    n = len(code)
    k = 0
    while i >= n or code[i] != "]":
        slot = slots[k]
        if not slot[0] or i >= n:
            return -1
        c = code[i].upper()
        if c == "A":
            if slot[0] == "M":
                slot[:2] = ["A", 0]
            elif slot[0] in ("N", "W"):
                slot[:2] = ["W", 0]
            else:
                return -1
            i += 1
        elif c == "Z":
            if slot[0] in ("D", "I", "M", "Y"):
                slot[1:3] = [1, True]
            elif slot[0] == "J":
                slot[1:3] = [2, True]
            else:
                return -1
            i += 1
        elif c in _DIGITS:
            width = ord(c) - 48
            i += 1
            if i < n and code[i] in _DIGITS:
                width = width * 10 + ord(code[i]) - 48
                i += 1
            if width < 1 or width > 32:
                return -1
            slot[1] = width
        elif c in ('"', "'", "\\"):
            end = code.find(c, i + 1)
            if end < 0 or end - (i + 1) > 20:
                return -1
            slot[3] = code[i + 1 : end]
            i = end + 1
        elif c == ",":
            k += 1
            i += 1
            if k == 5:
                break
        else:
            return -1
    return i + 1


def _iso_week(
    year: int, julian: int, dow: int
) -> tuple[int, int]:  # (iso year, iso week)
    leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
    y = year - 1
    prev_leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
    y = c_mod(year - 1, 100)
    jan1_dow = c_mod(c_mod(c_div((year - 1) - y, 100), 4) * 5 + (y + c_div(y, 4)), 7)
    jan1_dow += 1
    iso_year = year
    iso_wk = 0
    if julian <= 8 - jan1_dow and jan1_dow > 4:
        iso_year = year - 1
        iso_wk = 53 if jan1_dow == 5 or (jan1_dow == 6 and prev_leap) else 52
    if iso_year == year and (366 if leap else 365) - julian < 4 - dow:
        iso_year = year + 1
        iso_wk = 1
    if iso_year == year:
        iso_wk = (julian + (7 - dow) + (jan1_dow - 1)) // 7
        if jan1_dow > 4:
            iso_wk -= 1
    return iso_year, iso_wk


def format_date(day_no: int, layout: DateFormat) -> str:
    """Return an internal date written in a parsed OCONV date layout."""
    day, month, year, julian = day_to_dmy(day_no)
    values: list[object] = []
    for field, arg in layout.fields:
        if field == "D":
            values.append(day)
        elif field == "M":
            values.append(month)
        elif field == "Y":
            values.append(year % arg if year >= 0 else c_mod(year, arg))
        elif field == "A" or field == "a":
            name = MONTH_NAMES[month - 1]
            values.append(name if field == "A" else name.upper())
        elif field == "W" or field == "w":
            name = DAY_NAMES[(day_no - 1) % 7]
            values.append(name if field == "W" else name.upper())
        elif field == "N":
            values.append((day_no - 1) % 7 + 1)
        elif field == "Q":
            values.append((month + 2) // 3)
        elif field == "j" or field == "J":
            digits = str(julian)
            pad = "0" if field == "j" else " "
            values.append(pad * (arg - len(digits)) + digits)
        elif field == "O":
            values.append(ORDINALS[day - 1])
        else:
            iso_year, iso_wk = _iso_week(year, julian, (day_no - 1) % 7 + 1)
            values.append(iso_wk if field == "I" else c_mod(iso_year, arg))
    return layout.template % tuple(values)


def oconv_date(value: object, layout: DateFormat | None) -> tuple[int, object]:
    """OCONV ``D``: (status, result) for a value and its parsed code.

    Blank data gives ``""``; data that is not a number is returned with
    status 1 before the code is looked at; a bad code gives status 2 and
    leaves the data as the number it was read as (ScarletDME converts it
    in place).
    """
    kind = type(value)
    if kind is int:
        day_no = value
    else:
        if isinstance(value, str):
            if value.strip(" ") == "":
                return 0, ""
            number = str_to_num(value)
            if number is None:
                return 1, value
        elif kind is float:
            number = value
        elif isinstance(value, Unassigned):
            raise value.fail()
        else:
            number = str_to_num(to_str(value))
            if number is None:
                return 1, value
        day_no = number if type(number) is int else get_int(number)
    if layout is None:
        return 2, day_no
    return 0, format_date(day_no, layout)  # type: ignore[arg-type]


# --- ICONV -------------------------------------------------------------------


@lru_cache(maxsize=512)
def parse_iconv_date_code(code: str) -> str | None:
    """Return the element order (e.g. "MDY") for an ICONV ``D`` code.

    Only the order matters on input: year digits and separator are skipped
    and anything after the order is ignored. A repeated element is a bad
    code (None).
    """
    sequence = "DMY" if EUROPEAN_DATES else "MDY"
    n = len(code)
    i = 1 if n and code[0] in _DIGITS else 0
    if i < n and code[i] not in _ASCII_LETTERS:
        i += 1
    c = code[i].upper() if i < n else ""
    if c in ("D", "M", "Y"):
        order = ""
        while True:
            element = code[i].upper()
            if element in order or len(order) >= 3:
                return None
            order += element
            i += 1
            if i >= n or code[i].upper() not in ("D", "M", "Y"):
                break
        return order
    if c == "E":
        return "MDY" if EUROPEAN_DATES else "DMY"
    return sequence


def _month_number(name: str) -> int:
    """Return 1-12 for a month name or an abbreviation of 3+ letters, or 0."""
    upper = name.upper()
    size = len(upper)
    for number, month in enumerate(MONTH_NAMES, 1):
        if size <= len(month) and month[:size].upper() == upper:
            return number
    return 0


def iconv_date(value: object, order: str | None) -> tuple[int, object]:
    """ICONV ``D``: (status, internal date string) for external text.

    Elements are read in the code's order, numbers up to 2 digits (4 for
    the year) or a month name of at least 3 letters anywhere (a name where
    the day was expected swaps the two); any non-alphanumeric characters
    separate elements. A missing year is the current year; a day past the
    month's end still converts, with status 3.
    """
    if order is None:
        return 2, value
    if isinstance(value, Unassigned):
        raise value.fail()
    s = to_str(value)
    if len(s) > 50:
        return 1, value
    s = s.split("\0", 1)[0]
    if s == "":
        return 0, value
    year = -1
    month = 1
    day = 1
    year_digits = 0
    seq = list(order)
    n = len(s)
    q = 0
    for k in range(len(seq)):
        if k:
            while q < n and s[q] not in _ALNUM:
                q += 1
        c = s[q] if q < n else ""
        if c in _ASCII_LETTERS:
            if seq[k] == "D":
                if "M" in seq[k:]:
                    r = seq.index("M", k)
                elif "M" in seq:
                    r = seq.index("M")
                    day = month
                else:
                    return 1, value
                seq[r] = "D"
                seq[k] = "M"
            start = q
            while q < n and q - start < 9 and s[q] in _ASCII_LETTERS:
                q += 1
            if q - start < 3:
                return 1, value
            month = _month_number(s[start:q])
            if not month:
                return 1, value
        elif c in _DIGITS:
            element = seq[k]
            wanted = 4 if element == "Y" else 2
            number = 0
            digits = 0
            while wanted:
                wanted -= 1
                digits += 1
                number = number * 10 + ord(s[q]) - 48
                q += 1
                if q >= n or s[q] not in _DIGITS:
                    break
            if element == "D":
                day = number
            elif element == "M":
                month = number
            else:
                year = number
                year_digits = digits
        elif c == "":
            break
        else:
            return 1, value
    while q < n and s[q] == " ":
        q += 1
    if q < n or day == 0 or not 1 <= month <= 12:
        return 1, value
    if year < 0:
        year = _time.gmtime().tm_year
    elif year_digits == 2:
        base = YEARBASE % 100
        if year < base:
            year += 100
        year += YEARBASE - base
    days, month_days = days_before(year, month)
    status = 0
    if day > month_days:
        if getattr(state, "opt_no_date_wrapping", False):
            return 1, value
        status = 3
    return status, str(days + day - 1)


def days_before(year: int, month: int) -> tuple[int, int]:
    """Return (internal day number of the 1st of a month, days in it)."""
    leap = c_mod(year, 4) == 0 and (c_mod(year, 100) != 0 or c_mod(year, 400) == 0)
    days = -_EPOCH_SHIFT
    if leap and month > 2:
        days += 1
    y = year - 1
    n = c_div(y, 400)
    days += n * 146097
    y -= n * 400
    n = c_div(y, 100)
    days += n * 36524
    y -= n * 100
    n = c_div(y, 4)
    days += n * 1461
    y -= n * 4
    days += y * 365 + _MONTH_OFFSETS[month - 1]
    month_days = 29 if leap and month == 2 else _DAYS_IN_MONTH[month - 1]
    return days, month_days
