"""MC, MX, MO and MB conversion codes (op_oconv.c mc_conversion,
radix_conversion, conv_dtx, conv_xtd; op_str1.c set_case)."""

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
    # (value, code, result, ScarletDME rule)
    ("Hello World 123", "MCU", "HELLO WORLD 123", "MCU: a-z to upper case"),
    ("Hello World 123", "MCL", "hello world 123", "MCL: A-Z to lower case"),
    ("caf\xe9", "MCU", "CAF\xe9", "only ASCII letters change case"),
    ("abc", "mcu", "ABC", "code letters are case-insensitive"),
    ("abc", "MCUX", "ABC", "MCU ignores what follows"),
    ("hello wORLD", "MCT", "Hello World", "MCT: capital first letter of each word"),
    ("o'neil-smith x2y", "MCT", "O'Neil-Smith X2Y", "any non-letter starts a word"),
    ("a1b2c3", "MCA", "abc", "MCA keeps letters"),
    ("a1b2c3", "MCN", "123", "MCN keeps digits"),
    ("a1b2c3", "MC/A", "123", "MC/A removes letters"),
    ("a1b2c3", "MC/N", "abc", "MC/N removes digits"),
    ("a1-b2 \xe9", "MCAN", "a1b2", "MCAN keeps letters and digits"),
    ("a1-b2 \xe9", "MC/AN", "- \xe9", "MC/AN removes letters and digits"),
    ("a\tb\xfec~", "MCP", "a.b.c~", "MCP: non-printing characters become dots"),
    ("abc", "mc/a", "", "MC codes are case-insensitive"),
    ("abc", "MCQ", "abc", "an unknown MC code leaves the data, status 0"),
    ("abc", "MC", "abc", "MC alone does nothing"),
    (12.5, "MCN", "125", "numbers are converted as their text"),
    (255, "MCD", "255", "MCD: unsigned decimal"),
    (255, "MCDX", "255", "MCDX is the same"),
    (-1, "MCD", "4294967295", "negative integers read as unsigned 32-bit"),
    ("-1", "MCD", "4294967295", "a negative numeric string too"),
    ("", "MCD", "", "empty data stays empty"),
    ("FF", "MCX", 255, "MCX: hex text to an integer"),
    ("ff", "MCXD", 255, "hex digits in either case"),
    ("FFFFFFFF", "MCX", -1, "32 bits wrap to a signed integer"),
    ("XYZ", "MCX", "XYZ", "non-hex text is left as it is"),
    ("", "MCX", "", "empty text is left as it is"),
    (255, "MX", "FF", "MX: hexadecimal, upper case"),
    (0, "MX", "00", "zero is 00"),
    (-1, "MX", "FFFFFFFF", "negatives are unsigned 32-bit"),
    ("4096", "MX", "1000", "a numeric string"),
    (8, "MO", "10", "MO: octal"),
    (5, "MB", "101", "MB: binary"),
    ("", "MX", "", "empty data stays empty"),
    ("AB", "MX0C", "4142", "MX0C: two hex digits per character"),
    ("A", "MO0C", "101", "MO0C: three octal digits per character"),
    ("A", "MB0C", "01000001", "MB0C: eight binary digits per character"),
    ("\xff", "MO0C", "777", "bytes above 127 are signed chars, so octal 777"),
    ("\x80", "MX0C", "80", "hex of a high byte is unaffected"),
    ("", "MX0C", "", "MX0C of empty data"),
]


@pytest.mark.parametrize("value, code, result, rule", OCONV_ROWS)
def test_oconv_characters(value, code, result, rule):
    got = oconv(value, code)
    assert got == result and type(got) is type(result)
    assert state.status == 0


def test_space_mct_option(monkeypatch):
    """OPTION SPACE.MCT: only a blank starts a word; the rest is lowered."""
    monkeypatch.setattr(state, "opt_space_mct", True, raising=False)
    assert oconv("o'NEIL smith", "MCT") == "O'neil Smith"


def test_mx_of_text_is_a_fatal_error():
    """conformance-more README: OCONV("abc", "MX") is non-numeric, not STATUS 1."""
    with pytest.raises(NonNumericError):
        oconv("abc", "MX")


def test_mx_of_a_decimal_string_is_a_fatal_error():
    """GetUnsignedInt accepts only a sign and digits."""
    with pytest.raises(NonNumericError):
        oconv("1.5", "MX")


ICONV_ROWS = [
    # (text, code, result, status, ScarletDME rule)
    ("FF", "MX", 255, 0, "MX: hex text to an integer"),
    ("ff", "MX", 255, 0, "either case"),
    ("777", "MO", 511, 0, "MO: octal"),
    ("101", "MB", 5, 0, "MB: binary"),
    ("FFFFFFFF", "MX", -1, 0, "32 bits wrap to a signed integer"),
    ("FG", "MX", "", 1, "a digit outside the radix is bad data"),
    ("8", "MO", "", 1, "8 is not octal"),
    ("", "MX", "", 1, "empty text is bad data"),
    ("4142", "MX0C", "AB", 0, "MX0C: pairs of hex digits to characters"),
    ("142", "MX0C", "\x01B", 0, "an odd count has an implied leading zero"),
    ("101", "MO0C", "A", 0, "MO0C: octal triples"),
    ("01000001", "MB0C", "A", 0, "MB0C: binary octets"),
    ("777", "MO0C", "", 1, "a group above 255 is bad data"),
    ("4G", "MX0C", "", 1, "a bad digit is bad data"),
    ("FF", "MCD", 255, 0, "ICONV MCD: hex to decimal (the reverse of OCONV)"),
    (255, "MCX", "255", 0, "ICONV MCX: unsigned decimal text"),
    ("Abc", "MCU", "ABC", 0, "case codes work the same on input"),
    ("a1b2", "MCN", "12", 0, "filters work the same on input"),
]


@pytest.mark.parametrize("text, code, result, status, rule", ICONV_ROWS)
def test_iconv_characters(text, code, result, status, rule):
    got = iconv(text, code)
    assert got == result and type(got) is type(result)
    assert state.status == status


@pytest.mark.parametrize(
    "code, known",
    [
        ("MCU", True),
        ("MC/AN", True),
        ("MCDX", True),
        ("MX0C", True),
        ("MCQ", False),
        ("MCUX", False),
        ("MCDY", False),
        ("MXZ", False),
        ("MQ", False),
    ],
)
def test_is_known_character_code(code, known):
    assert is_known_code(code) is known


def test_bad_radix_suffix_is_status_2():
    assert oconv(5, "MXZ") == 5
    assert state.status == 2


@pytest.mark.parametrize("code", ["MX", "MO", "MB"])
@given(n=st.integers(0, 2**31 - 1))
def test_radix_round_trip(code, n):
    assert iconv(oconv(n, code), code) == n


@pytest.mark.parametrize("code", ["MX0C", "MO0C", "MB0C"])
@given(s=st.text(st.characters(min_codepoint=0, max_codepoint=127)))
def test_per_character_radix_round_trip(code, s):
    assert iconv(oconv(s, code), code) == s
