"""MT conversion codes: OCONV and ICONV of times (op_oconv.c time_conversion,
op_iconv.c iconv_time_conversion)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.conversions import iconv, is_known_code, oconv
from runtime_lib.errors import NonNumericError
from runtime_lib.state import state


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


OCONV_ROWS = [
    # (seconds, code, result, ScarletDME rule)
    (0, "MT", "00:00", "MT: HH:MM, 24-hour clock"),
    (45296, "MTS", "12:34:56", "S adds seconds"),
    (59, "MT", "00:00", "seconds are dropped, not rounded"),
    (0, "MTH", "12:00am", "H: 12-hour clock, midnight is 12am"),
    (43200, "MTH", "12:00pm", "noon is 12pm"),
    (46861, "MTHS", "01:01:01pm", "H and S together"),
    (3600, "MT.", "01.00", "the character after the letters is the separator"),
    (3661, "MTS-", "01-01-01", "the separator is used between every pair"),
    (3661, "MT'h'", "01h01", "a quoted separator, so MT'h' is not MTH"),
    (3661, 'MTS"H"', "01H01H01", "double quotes work too"),
    (3661, "MTs", "01:01:01", "letters are case-insensitive"),
    (90000, "MT", "25:00", "without H hours run past 24"),
    (90000, "MTH", "01:00am", "with H the time wraps at midnight"),
    (360000, "MTS", "100:00:00", "three-digit hours"),
    (-60, "MT", "00:-1", "negative times keep C's truncating arithmetic"),
    (3661.9, "MTS", "01:01:01", "a float is truncated"),
    ("3661", "MTS", "01:01:01", "a numeric string is seconds"),
    ("", "MT", "", "empty data gives empty text"),
    ("  ", "MT", "", "blank data gives empty text"),
]


@pytest.mark.parametrize("value, code, result, rule", OCONV_ROWS)
def test_oconv_time(value, code, result, rule):
    assert oconv(value, code) == result
    assert state.status == 0


def test_oconv_time_ampm_upcase_option():
    """OPTION AMPM.UPCASE gives AM/PM."""
    state.opt_ampm_upcase = True
    assert oconv(46800, "MTH") == "01:00PM"


def test_oconv_time_of_text_is_an_error():
    """MT reads its data with GetInt: non-numeric data is fatal."""
    with pytest.raises(NonNumericError):
        oconv("noon", "MT")


ICONV_ROWS = [
    # (text, code, seconds, status, ScarletDME rule)
    ("12:30", "MT", "45000", 0, "hours and minutes"),
    ("01:02:03", "MTS", "3723", 0, "hours, minutes, seconds"),
    ("1:2:3", "MT", "3723", 0, "the code after MT is not looked at"),
    ("12.30", "MT", "45000", 0, "any one character separates"),
    ("12", "MT", "43200", 0, "hours alone"),
    ("  7:05", "MT", "25500", 0, "leading blanks are skipped"),
    ("1:00PM", "MTH", "46800", 0, "PM adds 12 hours"),
    ("1PM", "MT", "46800", 0, "PM straight after the hours"),
    ("1:00P", "MT", "46800", 0, "P is PM"),
    ("12:30PM", "MT", "45000", 0, "12 PM stays 12"),
    ("12:30AM", "MT", "45000", 0, "AM does not turn 12 into 0"),
    (
        "1:30 PM",
        "MT",
        "5400",
        0,
        "a blank before PM hides it (the blank is read as a separator)",
    ),
    (
        "1:00:00PM",
        "MTS",
        "3600",
        0,
        "after seconds one character is skipped: PM is lost",
    ),
    ("1:00:00 PM", "MTS", "46800", 0, "so a blank before PM works after seconds"),
    ("25:00", "MT", "90000", 0, "hours are not limited"),
    ("1:60", "MT", "", 1, "minutes above 59 are bad data"),
    ("1:00:60", "MT", "", 1, "seconds above 59 are bad data"),
    ("noon", "MT", "", 1, "text must start with a digit"),
    ("", "MT", "", 1, "empty text is bad data"),
    ("123456789012", "MT", "", 1, "more than 11 characters is bad data"),
    ("1:00XY", "MT", "3600", 0, "an unknown suffix is ignored"),
]


@pytest.mark.parametrize("text, code, result, status, rule", ICONV_ROWS)
def test_iconv_time(text, code, result, status, rule):
    assert iconv(text, code) == result
    assert state.status == status


@pytest.mark.parametrize(
    "code, known",
    [("MT", True), ("MTHS", True), ("MTS.", True), ("MT'h'", True), ("MTS:X", False)],
)
def test_is_known_time_code(code, known):
    assert is_known_code(code) is known


SECONDS = st.integers(0, 86399)


@pytest.mark.parametrize("code", ["MTS", "MTS.", "MTS-", "MTS'h'"])
@given(secs=SECONDS)
def test_iconv_reverses_oconv_with_seconds(code, secs):
    assert iconv(oconv(secs, code), code) == str(secs)


@given(SECONDS)
def test_iconv_reverses_oconv_to_the_minute(secs):
    assert iconv(oconv(secs, "MT"), "MT") == str(secs - secs % 60)


@given(st.integers(3600, 86399))
def test_twelve_hour_clock_round_trips_after_1am(secs):
    """MTH round-trips except 12:xx am, which ScarletDME reads back as noon."""
    assert iconv(oconv(secs, "MTH"), "MTH") == str(secs - secs % 60)
