"""String maths (SADD, SSUB, SMUL, SDIV, SCMP): exact at any length."""

import pytest

from runtime_lib import smath
from runtime_lib.state import state

ROWS = [
    # (function, a, b, result, STATUS())  -- the rule each row pins down
    ("sadd", "1", "2", "3", 0),
    ("sadd", "99999999999999999999", "1", "100000000000000000000", 0),  # no overflow
    ("sadd", "-5", "3", "-2", 0),
    ("sadd", "1.5", "2.25", "3.75", 0),  # decimals as UniVerse
    ("sadd", "", "1", "", 2),  # empty operand fails (fork)
    ("sadd", "12a", "1", "", 2),  # not a number
    ("ssub", "1", "100000000000000000000", "-99999999999999999999", 0),
    ("ssub", "0.3", "0.1", "0.2", 0),  # exact, unlike floats
    (
        "smul",
        "123456789012345678901234567890",
        "10",
        "1234567890123456789012345678900",
        0,
    ),
    ("smul", "1.5", "-2", "-3", 0),
    ("sdiv", "7", "2", "3", 0),  # integers truncate (fork)
    ("sdiv", "-7", "2", "-3", 0),  # toward zero
    ("sdiv", "1", "0", "", 2),  # division by zero
    ("sdiv", "1.0", "3", "0.33333333333333", 0),  # 14 places, truncated
    ("sdiv", "2.0", "3", "0.66666666666666", 0),
]


@pytest.mark.parametrize("function, a, b, result, status", ROWS)
def test_string_maths(function, a, b, result, status):
    assert getattr(smath, function)(a, b) == result
    assert state.status == status


@pytest.mark.parametrize(
    "a, b, result",
    [("1", "2", -1), ("10", "9", 1), ("1.50", "1.5", 0), ("-1", "0", -1)],
)
def test_scmp(a, b, result):
    assert smath.scmp(a, b) == result


def test_too_long_operand_fails():
    assert smath.sadd("1" * 1025, "1") == ""
    assert state.status == 2
    assert smath.sadd("1" * 1024, "1") == "1" * 1023 + "2"
