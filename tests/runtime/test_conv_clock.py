"""DATE(), TIME(), TIMEDATE() and SYSTEM() time items (op_misc.c op_date,
op_time, op_timedate; op_sys.c; time.c local_time)."""

import time as pytime

import pytest

from runtime_lib.conversions import clock, date, oconv, system_date_time, time, timedate
from runtime_lib.errors import UnsupportedAtRuntime

# 3 Oct 2022 09:05:07 local time, as seconds since 1970 plus the UTC offset.
LOCAL = (20000 - 732) * 86400 + 9 * 3600 + 5 * 60 + 7


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(clock, "_local_time", lambda: LOCAL)
    monkeypatch.setattr(clock, "_date_adjustment", 0)


def test_date_counts_days_from_31_dec_1967(frozen):
    """1 Jan 1970 is day 732."""
    assert date() == 20000
    assert oconv(date(), "D") == "03 OCT 2022"


def test_time_is_whole_seconds_since_midnight(frozen):
    assert time() == 9 * 3600 + 5 * 60 + 7
    assert type(time()) is int


def test_timedate_layout(frozen):
    """HH:MM:SS, then the day blank-padded to 2, month, year: 20 characters."""
    assert timedate() == "09:05:07  3 OCT 2022"
    assert len(timedate()) == 20


def test_set_date_moves_date_and_timedate_but_not_time(frozen):
    clock.set_date(0)
    assert date() == 0
    assert timedate() == "09:05:07 31 DEC 1967"
    assert time() == 9 * 3600 + 5 * 60 + 7


def test_system_time_items(frozen):
    assert system_date_time(12) == time()
    assert system_date_time(1005) == date() * 86400 + time()


def test_system_1020_is_milliseconds_since_utc_midnight(monkeypatch):
    monkeypatch.setattr(clock._time, "time", lambda: 3 * 86400 + 3661.25)
    assert system_date_time(1020) == 3661250


def test_system_1030_is_the_login_time():
    assert system_date_time(1030) <= system_date_time(1005)


def test_other_system_items_are_not_time_items():
    with pytest.raises(UnsupportedAtRuntime):
        system_date_time(91)


def test_local_time_adds_the_utc_offset():
    now = int(pytime.time())
    offset = pytime.localtime(now).tm_gmtoff
    assert abs(clock._local_time() - (now + offset)) <= 1
