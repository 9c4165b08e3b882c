"""DATE(), TIME(), TIMEDATE() and the SYSTEM() items that report the time.

All of them use local time as ScarletDME's ``local_time()`` does: seconds
since 1970 plus the local UTC offset (daylight saving included). Day 0 is
31 Dec 1967, so 1 Jan 1970 is day 732 (``op_misc.c op_date``).
"""

from __future__ import annotations

import time as _time

from runtime_lib.conversions.dates import MONTH_NAMES, day_to_dmy
from runtime_lib.errors import UnsupportedAtRuntime

_DAY_1970 = 732
# SET.DATE shifts DATE() and TIMEDATE() but not TIME() (op_misc.c set_date).
_date_adjustment = 0


def _local_time() -> int:
    """Return ScarletDME's local_time(): local seconds since 1 Jan 1970."""
    now = int(_time.time())
    return now + _time.localtime(now).tm_gmtoff


# SYSTEM(1030) reports when the session logged in.
_LOGIN_TIME = _local_time() + _DAY_1970 * 86400


def date() -> int:
    """Return today's internal date (days since 31 Dec 1967). ``DATE()``."""
    return (_local_time() + _date_adjustment) // 86400 + _DAY_1970


def time() -> int:
    """Return the seconds since local midnight as an integer. ``TIME()``."""
    return _local_time() % 86400


def time_ms() -> float:
    """Return the seconds since local midnight to the millisecond, as
    ``TIME()`` gives them under ``$MODE TIME.MS`` (the fork's OP.TIMEMS)."""
    now_ms = _time.time_ns() // 1_000_000
    offset = _time.localtime(now_ms // 1000).tm_gmtoff
    return (now_ms + offset * 1000) % 86_400_000 / 1000


def timedate() -> str:
    """Return "HH:MM:SS DD MMM YYYY" for now. ``TIMEDATE()``.

    The day is blank-padded to 2 characters and the month is 3 capital
    letters, e.g. ``"09:05:00  5 JAN 2024"`` (always 20 characters).
    """
    now = _local_time() + _date_adjustment
    seconds = now % 86400
    day, month, year, _ = day_to_dmy(now // 86400 + _DAY_1970)
    return "%02d:%02d:%02d %2d %.3s %4d" % (
        seconds // 3600,
        seconds % 3600 // 60,
        seconds % 60,
        day,
        MONTH_NAMES[month - 1].upper(),
        year,
    )


def set_date(day_no: int) -> None:
    """Make DATE() and TIMEDATE() report ``day_no`` as today (SET.DATE)."""
    global _date_adjustment
    _date_adjustment = (day_no - (_local_time() // 86400 + _DAY_1970)) * 86400


def system_date_time(item: int) -> int:
    """Return a SYSTEM() item that reports the date or time.

    ``SYSTEM(12)`` is TIME(); ``SYSTEM(1005)`` is DATE() * 86400 + TIME()
    (ignoring SET.DATE); ``SYSTEM(1020)`` is milliseconds since midnight
    UTC (ScarletDME takes it from gettimeofday without the local offset);
    ``SYSTEM(1030)`` is the login time in the same form as 1005.
    """
    if item == 12:
        return time()
    if item == 1005:
        return _local_time() + _DAY_1970 * 86400
    if item == 1020:
        now = _time.time()
        return int(now) % 86400 * 1000 + int(now * 1000) % 1000
    if item == 1030:
        return _LOGIN_TIME
    raise UnsupportedAtRuntime(f"SYSTEM({item}) is not a date or time item")
