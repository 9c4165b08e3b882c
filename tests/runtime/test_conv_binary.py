"""B, B64, IF, IL and IS conversion codes (op_oconv.c and op_iconv.c
boolean_conversion, base64_conversion, float_conversion,
integer_conversion; b64.c)."""

import base64
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.conversions import iconv, is_known_code, oconv
from runtime_lib.state import state


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


ROWS = [
    # (direction, value, code, result, status, ScarletDME rule)
    ("o", 1, "B", "Y", 0, "B: true is Y"),
    ("o", "0.0", "B", "N", 0, "false as BASIC truth sees it"),
    ("o", "abc", "B", "Y", 0, "a non-numeric string is true"),
    ("i", "Y", "B", 1, 0, "ICONV B: Y is 1"),
    ("i", "n", "B", 0, 0, "n is 0, either case"),
    ("i", "", "B", 0, 0, "empty is 0"),
    ("i", "yes", "B", "", 1, "anything else is bad data"),
    ("o", "Man", "B64", "TWFu", 0, "B64: base64"),
    ("o", "Ma", "B64", "TWE=", 0, "= padding"),
    ("o", "\xff\xfe", "B64", "//4=", 0, "bytes above 127"),
    ("o", "", "B64", "", 0, "empty"),
    ("i", "TWFu", "B64", "Man", 0, "ICONV B64 decodes"),
    ("i", "TW\nFu", "B64", "Man", 0, "characters outside the alphabet are skipped"),
    ("i", "TWE", "B64", "Ma", 0, "padding is optional"),
    ("i", "TWFuT", "B64", "Man", 0, "a lone final character gives nothing"),
    ("o", "\x01\x00\x00\x00", "IL", 1, 0, "IL: 4 bytes, low byte first"),
    ("o", "\x00\x00\x00\x01", "ILH", 1, 0, "ILH: high byte first"),
    ("o", "\xff\xff\xff\xff", "IL", -1, 0, "signed 32-bit"),
    ("o", "\xff\xff", "IS", -1, 0, "IS: 2 bytes, sign-extended"),
    ("o", "12", "IS", 12849, 0, "a 2-character string is 2 bytes"),
    ("o", "123", "IS", "123", 1, "the wrong length is bad data"),
    ("o", "", "IL", "", 0, "empty stays empty"),
    ("o", "\x00" * 7 + "\x40", "IF", 2.0, 0, "IF: an IEEE double, low byte first"),
    ("o", "", "IF", "", 1, "IF of empty data is bad data"),
    ("o", "\x01\x00", "ISX", "\x01\x00", 2, "the byte order letter must be L or H"),
    ("o", "\x01\x00", "ISl", "\x01\x00", 2, "and upper case"),
    ("i", 1, "IL", "\x01\x00\x00\x00", 0, "ICONV IL: 4 bytes"),
    ("i", -2, "ISH", "\xff\xfe", 0, "ICONV ISH: 2 bytes, high first"),
    ("i", 70000, "IS", "\x70\x11", 0, "IS keeps the low 2 bytes"),
    ("i", 2, "IF", "\x00" * 7 + "\x40", 0, "ICONV IF: 8 bytes of double"),
]


@pytest.mark.parametrize("direction, value, code, result, status, rule", ROWS)
def test_binary_codes(direction, value, code, result, status, rule):
    got = (oconv if direction == "o" else iconv)(value, code)
    assert got == result and type(got) is type(result)
    assert state.status == status


@pytest.mark.parametrize(
    "code, known",
    [("B", True), ("B64", True), ("BX", False), ("ILH", True), ("IQ", False)],
)
def test_is_known_binary_code(code, known):
    assert is_known_code(code) is known


@given(st.binary())
def test_base64_matches_python_and_round_trips(data):
    text = data.decode("latin-1")
    encoded = oconv(text, "B64")
    assert encoded == base64.b64encode(data).decode("ascii")
    assert iconv(encoded, "B64") == text


@pytest.mark.parametrize("code, fmt", [("IL", "<i"), ("ILH", ">i"), ("IS", "<h")])
@given(n=st.integers(-(2**15), 2**15 - 1))
def test_binary_integers_round_trip(code, fmt, n):
    packed = iconv(n, code)
    assert packed == struct.pack(fmt, n).decode("latin-1")
    assert oconv(packed, code) == n
