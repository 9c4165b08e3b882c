"""MT conversion codes: seconds past midnight to clock times and back.

OCONV follows ``op_oconv.c time_conversion`` (``MT[H][S][sep]``), ICONV
follows ``op_iconv.c iconv_time_conversion``, quirks included: without
``H`` hours are not wrapped at 24, and on input a suffix after the seconds
loses its first character (so "01:00:00PM" reads as 1 am, "01:00:00 PM"
as 1 pm).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from runtime_lib.conversions.numbers import c_div, c_mod, get_int
from runtime_lib.state import state
from runtime_lib.values import Unassigned, to_str

_DIGITS = frozenset("0123456789")


def _int16(n: int) -> int:
    return ((n + 0x8000) & 0xFFFF) - 0x8000


class TimeFormat(NamedTuple):
    """A parsed MT code."""

    twelve_hour: bool
    seconds: bool
    separator: str
    exact: bool  # False when ScarletDME ignores trailing characters


@lru_cache(maxsize=256)
def parse_time_code(code: str) -> TimeFormat:
    """Return the layout for the text after ``MT`` (every MT code is valid).

    ``H`` asks for a 12-hour clock, ``S`` for seconds; the next character
    is the separator (``'x'`` or ``"x"`` quotes one, so ``MT'h'`` is not
    ``MTH``), ``:`` by default. ScarletDME ignores anything after it.
    """
    i = 0
    n = len(code)
    twelve_hour = n > i and code[i] in "Hh"
    if twelve_hour:
        i += 1
    seconds = n > i and code[i] in "Ss"
    if seconds:
        i += 1
    separator = ":"
    if i < n:
        c = code[i]
        if c in "\"'" and i + 2 < n and code[i + 2] == c:
            separator = code[i + 1]
            i += 3
        else:
            separator = c
            i += 1
    return TimeFormat(twelve_hour, seconds, separator, i == n)


def oconv_time(value: object, layout: TimeFormat) -> tuple[int, object]:
    """OCONV ``MT``: (status, "hh:mm[:ss][am]") for seconds past midnight.

    Blank data gives ``""``; other data must be numeric (a fatal error
    otherwise, as ScarletDME's GetInt); a float is truncated.
    """
    if type(value) is int:
        secs = value
    else:
        if isinstance(value, str) and value.strip(" ") == "":
            return 0, ""
        secs = get_int(value)
    if layout.twelve_hour:
        secs = c_mod(secs, 86400)
    if secs >= 0:
        hours, secs = divmod(secs, 3600)
        mins, secs = divmod(secs, 60)
    else:
        hours = c_div(secs, 3600)
        secs = c_mod(secs, 3600)
        mins = c_div(secs, 60)
        secs = c_mod(secs, 60)
    hours = _int16(hours)
    suffix = ""
    if layout.twelve_hour:
        suffix = "am" if hours < 12 else "pm"
        if state.opt_ampm_upcase:
            suffix = suffix.upper()
        hours = c_mod(hours, 12) or 12
    sep = layout.separator
    if layout.seconds:
        text = "%02d%s%02d%s%02d" % (hours, sep, mins, sep, secs)
    else:
        text = "%02d%s%02d" % (hours, sep, mins)
    return 0, text + suffix


def iconv_time(value: object) -> tuple[int, object]:
    """ICONV ``MT``: (status, seconds as a string) for a clock time.

    Hours, then minutes and seconds after any one separator character each;
    "A"/"AM" or "P"/"PM" may follow (PM adds 12 to hours below 12). Minutes
    or seconds above 59 are bad data (status 1); hours are not limited. The
    code after ``MT`` is not looked at.
    """
    if isinstance(value, Unassigned):
        raise value.fail()
    s = to_str(value)
    if not 0 < len(s) <= 11:
        return 1, value
    s = s.split("\0", 1)[0]
    n = len(s)
    q = 0
    while q < n and s[q] == " ":
        q += 1
    if q >= n or s[q] not in _DIGITS:
        return 1, value
    hours = mins = secs = 0
    while q < n and s[q] in _DIGITS:
        hours = _int16(hours * 10 + ord(s[q]) - 48)
        q += 1
    if q < n and s[q] not in "AaPp":
        q += 1
        while q < n and s[q] in _DIGITS:
            mins = _int16(mins * 10 + ord(s[q]) - 48)
            q += 1
        if q < n and s[q] not in "AaPp":
            q += 1
            while q < n and s[q] in _DIGITS:
                secs = _int16(secs * 10 + ord(s[q]) - 48)
                q += 1
            # ScarletDME steps over one more character here, whatever it is.
            q += 1
    if q < n:
        suffix = s[q:].upper()
        if suffix in ("P", "PM") and hours < 12:
            hours += 12
    if mins > 59 or secs > 59:
        return 1, value
    return 0, str((hours * 60 + mins) * 60 + secs)
