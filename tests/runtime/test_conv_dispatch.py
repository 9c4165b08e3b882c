"""OCONV/ICONV as a whole: reading codes, chains, STATUS(), OCONVS/ICONVS
(op_oconv.c op_oconv, op_iconv.c op_iconv, GPL.BP _OCONVS/_ICONVS)."""

import pytest

from runtime_lib.conversions import iconv, iconvs, is_known_code, oconv, oconvs
from runtime_lib.errors import UnassignedError, UnsupportedAtRuntime
from runtime_lib.state import state
from runtime_lib.values import FM, IM, SM, TM, VM, Unassigned


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    state.status = 0
    yield
    vars(state).clear()
    vars(state).update(saved)


OCONV_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    (1, "QQ", 1, 2, "an unknown code returns the data unchanged, status 2"),
    ("abc", "", "abc", 0, "an empty code does nothing"),
    ("abc", "   MCU", "ABC", 0, "leading blanks are skipped"),
    ("abc", "mcu", "ABC", 0, "code letters are case-insensitive"),
    (12345, "MD2" + VM + "MCU", "123.45", 0, "codes separated by @VM apply in turn"),
    (20000, "D2/" + VM + "G1/1", "03", 0, "each code works on the last result"),
    ("x", "MD2" + VM + "MCU", "x", 1, "the chain stops at the first failure"),
    ("abc", "MCU" + VM + "QQ", "ABC", 2, "with the value as it was then"),
    ("abc", "MCU" + VM + "  " + VM + "MCL", "abc", 0, "empty codes in a chain"),
    ("a", "M" * 257, "a", 2, "a code longer than 256 characters is bad"),
    ("abc", "MCU\x00QQ", "ABC", 0, "a CHAR(0) ends the code"),
    (True, "MD2", "0.01", 0, "a bool is an integer"),
    (2**40, "MD0", "1099511627776", 0, "a big int is a float"),
]


@pytest.mark.parametrize("value, code, result, status, rule", OCONV_ROWS)
def test_oconv(value, code, result, status, rule):
    got = oconv(value, code)
    assert got == result and type(got) is type(result)
    assert state.status == status


ICONV_ROWS = [
    # (value, code, result, status, ScarletDME rule)
    ("1", "QQ", "", 2, "an unknown code returns empty, status 2"),
    ("abc", "MD2", "", 1, "bad data returns empty, status 1"),
    ("12:30", "MT" + VM + "MD2", "4500000", 0, "chains work on input too"),
    ("x", "MCU" + VM + "MD2", "", 1, "a failure anywhere empties the result"),
    ("2/30/2024", "D", "20515", 3, "status 3 keeps the converted date"),
]


@pytest.mark.parametrize("value, code, result, status, rule", ICONV_ROWS)
def test_iconv(value, code, result, status, rule):
    assert iconv(value, code) == result
    assert state.status == status


def test_status_is_set_by_every_conversion():
    oconv(1, "QQ")
    oconv(1, "MD2")
    assert state.status == 0


def test_numeric_code_is_read_as_text():
    assert oconv("abc", 5) == "abc"
    assert state.status == 2


def test_unassigned_code_is_an_error():
    with pytest.raises(UnassignedError):
        oconv("abc", Unassigned("C"))


def test_unassigned_value_is_an_error():
    with pytest.raises(UnassignedError):
        oconv(Unassigned("V"), "MCU")


def test_unassigned_value_under_option_is_empty():
    state.opt_unassigned_warning = True
    assert oconv(Unassigned("V"), "MCU") == ""


def test_user_conversion_is_not_supported_yet():
    with pytest.raises(UnsupportedAtRuntime, match="U code"):
        iconv("x", "UMYCONV")


def test_oconvs_converts_each_element():
    value = "1" + VM + "22" + FM + "333" + SM + "4" + TM + "5" + IM + ""
    assert oconvs(value, "MD1") == (
        "0.1" + VM + "2.2" + FM + "33.3" + SM + "0.4" + TM + "0.5" + IM + ""
    )


def test_oconvs_status_is_that_of_the_last_element():
    assert oconvs("x" + VM + "5", "MD1") == "x" + VM + "0.5"
    assert state.status == 0
    assert oconvs("5" + VM + "x", "MD1") == "0.5" + VM + "x"
    assert state.status == 1


def test_iconvs_converts_each_element():
    assert iconvs("12:00" + VM + "bad" + FM + "1:30", "MT") == (
        "43200" + VM + "" + FM + "5400"
    )


def test_oconvs_of_a_number_reads_its_text():
    assert oconvs(12345, "MD2") == "123.45"


KNOWN_ROWS = [
    ("D2/", "oconv", True),
    ("MD2" + VM + "MCU", "oconv", True),
    ("MD2" + VM + "QQ", "oconv", False),
    ("", "oconv", True),
    ("QQ", "oconv", False),
    ("<1,2>", "oconv", True),
    ("<1,2>", "iconv", False),
    ("DMM", "iconv", False),
    ("DMY", "iconv", True),
    ("TVOC;X;;1", "oconv", True),
    ("UMYCONV", "oconv", True),
    ("M" * 257, "oconv", False),
]


@pytest.mark.parametrize("code, mode, known", KNOWN_ROWS)
def test_is_known_code(code, mode, known):
    assert is_known_code(code, mode) is known
