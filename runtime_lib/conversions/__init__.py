"""Conversions: OCONV, ICONV, FMT and the date and time intrinsics.

Generated code calls these positionally::

    oconv(value, code)      iconv(value, code)      fmt(value, mask)
    oconvs(dyn, code)       iconvs(dyn, code)       fmts(dyn, mask)
    date()                  time()                  timedate()
    time_ms()               # TIME() under $MODE TIME.MS
    system_date_time(n)     # SYSTEM(12), (1005), (1020), (1030)

Each conversion sets ``state.status`` as ScarletDME does. The code families
live in their own modules: dates, times, masked_decimal, characters,
binary, extraction, validation (P, R), substitution (S, C) and fmt.
"""

from runtime_lib.conversions.clock import (
    date,
    system_date_time,
    time,
    time_ms,
    timedate,
)
from runtime_lib.conversions.dispatch import (
    iconv,
    iconvs,
    is_known_code,
    oconv,
    oconvs,
)
from runtime_lib.conversions.fmt import fmt, fmts

__all__ = [
    "date",
    "fmt",
    "fmts",
    "iconv",
    "iconvs",
    "is_known_code",
    "oconv",
    "oconvs",
    "system_date_time",
    "time",
    "time_ms",
    "timedate",
]
