"""D conversion codes: OCONV and ICONV of dates (op_oconv.c oconv_d,
op_iconv.c date_conversion, op_misc.c day_to_dmy)."""

import time
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.conversions import dates, iconv, is_known_code, oconv
from runtime_lib.conversions.dates import day_to_dmy
from runtime_lib.errors import BasicError, UnassignedError
from runtime_lib.state import state
from runtime_lib.values import Unassigned

DAY0 = date(1967, 12, 31)


def day(y, m, d):
    return date(y, m, d).toordinal() - DAY0.toordinal()


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


# Day 20000 is Monday 3 October 2022, day 276 of the year, quarter 4.
OCONV_ROWS = [
    # (value, code, result, ScarletDME rule)
    (0, "D", "31 DEC 1967", "D alone: the default layout dd MMM yyyy"),
    (0, "D2/", "12/31/67", "year digits then separator: MM/DD/YY"),
    (0, "D/", "12/31/1967", "separator without year digits: 4-digit year"),
    (20000, "D2-E", "03-10-22", "E: day before month"),
    (20000, "DE", "03 OCT 2022", "E with no separator keeps the month name"),
    (
        20000,
        "D0/",
        "10/03/",
        "0 year digits: the year is left out, its separator stays",
    ),
    (20000, "D1/", "10/03/2", "1 year digit: year modulo 10"),
    (20000, "D3/", "10/03/022", "3 year digits: year modulo 1000, zero padded"),
    (20000, "DL", "03 Oct 2022", "L: names with a leading capital only"),
    (20000, "DMAL", "October", "MA with L after the components"),
    (20000, "DLWA", "Monday", "L before a component"),
    (20000, "DYMD", "2022 10 03", "components pick the order; blank separator"),
    (20000, "D4-YMD", "2022-10-03", "separator with an explicit order"),
    (20000, "D/DMY", "03/10/2022", "day-month-year order"),
    (20000, "DMDY[Z,Z,2]", "10 3 22", "[Z] suppresses leading zeros, [2] sets width"),
    (20000, "DDMY[,'.',]", "03 10.2022", "a quoted modifier is the next separator"),
    (20000, "DWA[3]", "MON", "width modifier cuts a name"),
    (20000, "DMA[3]", "OCT", "width modifier on the month name"),
    (20000, "DM[A]", "OCTOBER", "[A] turns a month number into its name"),
    (20000, "DW[A]", "MONDAY", "[A] turns a weekday number into its name"),
    (20000, "DQ", "4", "quarter"),
    (20000, "DJ", "276", "day of the year"),
    (day(2022, 1, 5), "DJ", "05", "day of the year, zero padded to 2"),
    (day(2022, 1, 5), "DJ[Z]", " 5", "J with Z pads with a blank"),
    (day(2022, 1, 5), "DJ[Z5]", "    5", "J with Z and a width"),
    (20000, "DDO", "3rd", "DO: ordinal day of the month"),
    (day(2022, 10, 1), "DDO", "1st", "ordinal 1st"),
    (day(2022, 10, 11), "DDO", "11th", "ordinal 11th"),
    (day(2022, 10, 22), "DDO", "22nd", "ordinal 22nd"),
    (20000, "DWQ", "1 4", "after a weekday number the separator is a blank"),
    (20000, "D-WDM", "1 03-10", "after W a blank, then the code's separator"),
    (20000, "DWI", "40", "WI: ISO week number"),
    (day(2021, 1, 1), "DYIWI", "2020 53", "1 Jan 2021 is in ISO week 53 of 2020"),
    (day(2024, 12, 30), "D YIWI", "2025 01", "30 Dec 2024 is in ISO week 1 of 2025"),
    (-1, "D4/", "12/30/1967", "negative day numbers count back"),
    (day(1899, 7, 20), "D4/", "07/20/1899", "dates before 1900"),
    (day(1, 1, 1), "D4/", "01/01/0001", "1 Jan 0001 is day -718430"),
    (day(1900, 3, 1) - 1, "D4/", "02/28/1900", "1900 is not a leap year"),
    (day(2000, 3, 1) - 1, "D4/", "02/29/2000", "2000 is a leap year"),
    (day(2100, 3, 1) - 1, "D4/", "02/28/2100", "2100 is not a leap year"),
    (day(2199, 12, 31), "D", "31 DEC 2199", "dates after 2100"),
    (20000.7, "D2/", "10/03/22", "a float is truncated"),
    ("20000", "D2/", "10/03/22", "a numeric string is a day number"),
    ("20000.9", "D2/", "10/03/22", "a decimal string is truncated"),
    (" 20000 ", "D2/", "10/03/22", "blanks around a number are allowed"),
    ("", "D", "", "empty data gives empty text"),
    ("   ", "D", "", "blank data gives empty text"),
]


@pytest.mark.parametrize("value, code, result, rule", OCONV_ROWS)
def test_oconv_date(value, code, result, rule):
    assert oconv(value, code) == result
    assert state.status == 0


BAD_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("abc", "D4/", "abc", 1, "non-numeric data comes back with status 1"),
    ("12x", "D", "12x", 1, "partly numeric data is non-numeric"),
    ("abc", "DX", "abc", 1, "data is checked before the code"),
    (20000, "D5", 20000, 2, "more than 4 year digits is a bad code"),
    (20000, "DZ", 20000, 2, "unknown component letter"),
    (20000, "D[Z]", 20000, 2, "a modifier needs a component"),
    (20000, "DMA[Z]", 20000, 2, "Z does not apply to a month name"),
    (20000, "DD[33]", 20000, 2, "width modifiers are 1 to 32"),
    (20000, "DD['abc]", 20000, 2, "unclosed text modifier"),
    ("0123", "DX", 123, 2, "with a bad code the data stays as the number read"),
    ("", "DX", "", 0, "blank data gives empty text before the code is read"),
]


@pytest.mark.parametrize("value, code, result, status, rule", BAD_ROWS)
def test_oconv_date_failures(value, code, result, status, rule):
    got = oconv(value, code)
    assert got == result and type(got) is type(result)
    assert state.status == status


def test_oconv_date_unassigned_is_an_error():
    with pytest.raises(UnassignedError):
        oconv(Unassigned("X"), "D")


def test_oconv_date_float_overflow_is_an_error():
    with pytest.raises(BasicError, match="Numeric overflow"):
        oconv(1e12, "D")


ICONV_ROWS = [
    # (text, code, internal date, status, ScarletDME rule)
    ("01/15/2024", "D", "20469", 0, "default order month/day/year"),
    ("1/15/2024", "D", "20469", 0, "one-digit month"),
    ("15 JAN 2024", "D", "20469", 0, "a month name where the month was expected"),
    ("JAN 15 2024", "D", "20469", 0, "month name first"),
    ("15JAN2024", "D", "20469", 0, "no separators needed around a name"),
    ("January 15, 2024", "D", "20469", 0, "full month name, any punctuation"),
    ("15 Sept 2024", "D", str(day(2024, 9, 15)), 0, "any abbreviation of 3+ letters"),
    ("15/01/2024", "DE", "20469", 0, "E: day first"),
    ("15-01-2024", "D2-E", "20469", 0, "year digits and separator are ignored"),
    ("2024/01/15", "DYMD", "20469", 0, "explicit order"),
    ("2024 1 15", "D4-YMD", "20469", 0, "any non-alphanumeric separates"),
    ("01/15/2024  ", "D", "20469", 0, "trailing blanks are allowed"),
    ("31/12/1967", "DE", "0", 0, "day 0"),
    ("29 FEB 2000", "D", str(day(2000, 2, 29)), 0, "leap day"),
    ("01/01/29", "D", str(day(2029, 1, 1)), 0, "two-digit years 00-29 are 20xx"),
    ("01/01/30", "D", str(day(1930, 1, 1)), 0, "two-digit years 30-99 are 19xx"),
    ("1/1/00", "D", str(day(2000, 1, 1)), 0, "00 is 2000"),
    ("1/1/123", "D", str(day(123, 1, 1)), 0, "three-digit years are taken as they are"),
    ("1/1/1899", "D", str(day(1899, 1, 1)), 0, "dates before 1900"),
    ("2/30/2024", "D", str(day(2024, 3, 1)), 3, "day past month end: status 3, wraps"),
    ("2/29/1900", "D", str(day(1900, 3, 1)), 3, "1900 has no 29 February"),
    ("", "D", "", 0, "empty text converts to empty"),
    ("13/45/2024", "D", "", 1, "month 13 is bad data"),
    ("0/1/2024", "D", "", 1, "month 0 is bad data"),
    ("1/0/2024", "D", "", 1, "day 0 is bad data"),
    ("01/15/2024x", "D", "", 1, "characters after the date are bad data"),
    ("2024-01-15", "D4-", "", 1, "the order comes from the code, not the data"),
    ("15 JU 2024", "D", "", 1, "a month name needs 3 letters"),
    ("15 MAYBE 2024", "D", "", 1, "a longer word is not a month"),
    ("1/1/2024", "DMM", "", 2, "a repeated element is a bad code"),
    ("1/1/2024", "DDMYD", "", 2, "more than three elements is a bad code"),
    ("x" * 51, "D", "", 1, "more than 50 characters is bad data"),
]


@pytest.mark.parametrize("text, code, result, status, rule", ICONV_ROWS)
def test_iconv_date(text, code, result, status, rule):
    assert iconv(text, code) == result
    assert state.status == status


def test_iconv_date_without_year_uses_this_year(monkeypatch):
    """A missing year is the current (UTC) year."""
    fixed = time.struct_time((2024, 6, 1, 0, 0, 0, 5, 153, 0))
    monkeypatch.setattr(dates._time, "gmtime", lambda *args: fixed)
    assert iconv("1/15", "D") == "20469"


def test_iconv_date_no_date_wrapping_option(monkeypatch):
    """OPTION NO.DATE.WRAPPING: a day past the month's end is bad data."""
    monkeypatch.setattr(state, "opt_no_date_wrapping", True, raising=False)
    assert iconv("2/30/2024", "D") == ""
    assert state.status == 1


def test_day_to_dmy_reports_day_of_year():
    assert day_to_dmy(20000) == (3, 10, 2022, 276)
    assert day_to_dmy(day(2024, 12, 31)) == (31, 12, 2024, 366)


@pytest.mark.parametrize(
    "code, known",
    [("D", True), ("D2/", True), ("D4-YMD[Z,Z,4]", True), ("DX", False), ("D5", False)],
)
def test_is_known_date_code(code, known):
    assert is_known_code(code) is known


# --- properties ------------------------------------------------------------------

DAYS_1900_2199 = st.integers(day(1900, 1, 1), day(2199, 12, 31))
ROUND_TRIP_CODES = ["D", "D4", "D4/", "D4-", "D/E", "D4/E", "DL", "D4-YMD", "D4.DMY"]


@given(DAYS_1900_2199)
def test_day_numbers_match_the_gregorian_calendar(n):
    d = DAY0 + timedelta(days=n)
    assert day_to_dmy(n) == (d.day, d.month, d.year, d.timetuple().tm_yday)


@pytest.mark.parametrize("code", ROUND_TRIP_CODES)
@given(n=DAYS_1900_2199)
def test_iconv_reverses_oconv(code, n):
    assert iconv(oconv(n, code), code) == str(n)
    assert state.status == 0


@given(DAYS_1900_2199)
def test_two_digit_years_round_trip_inside_the_window(n):
    """D2/ loses the century: it comes back in 1930-2029."""
    d = DAY0 + timedelta(days=n)
    window_year = 1900 + (d.year % 100) if d.year % 100 >= 30 else 2000 + d.year % 100
    expected = day(window_year, d.month, d.day) if (d.month, d.day) != (2, 29) else None
    got = iconv(oconv(n, "D2/"), "D2/")
    if expected is not None:
        assert got == str(expected)


@given(DAYS_1900_2199)
def test_iso_week_matches_python(n):
    d = DAY0 + timedelta(days=n)
    iso_year, iso_week, _ = d.isocalendar()
    assert oconv(n, "D YIWI") == "%d %02d" % (iso_year, iso_week)
