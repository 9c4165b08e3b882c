"""Tests for runtime_lib.maths: maths intrinsics, RND, bit functions, hex."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.arith import int_
from runtime_lib.errors import BasicError, DivideByZeroError, NonNumericError
from runtime_lib.maths import (
    acos,
    asin,
    atan,
    bitand,
    bitnot,
    bitor,
    bitreset,
    bitset,
    bittest,
    bitxor,
    cos,
    dtx,
    exp,
    ln,
    not_,
    randomize,
    rnd,
    shift,
    sin,
    sqrt,
    tan,
    xtd,
)
from runtime_lib.state import state
from runtime_lib.values import FM, VM, to_num, to_str


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    yield
    vars(state).update(saved)


def lit(text):
    return to_num(text)


# Each row: (function, args, printed result) as the recorded runs show it.
PRINTED_ROWS = [
    # arith_basics.out
    (sqrt, (16,), "4"),
    (sqrt, (2,), "1.4142"),
    # misc_intrinsics.out
    (exp, (0,), "1"),
    (ln, (1,), "0"),
    (lambda: int_(sin(0)), (), "0"),
    (lambda: int_(cos(0)), (), "1"),
    (bitand, (12, 10), "8"),
    (bitor, (12, 10), "14"),
    (bitxor, (12, 10), "6"),
    (dtx, (255,), "ff"),  # lower-case hex
    (xtd, ("FF",), "255"),
    # b2_div_pwr.out
    (sqrt, (2,), "1.4142"),
    (sqrt, (10,), "3.1623"),
    (sqrt, (lit("0.25"),), "0.5"),
    (sqrt, (1000000,), "1000"),
    (sqrt, (0,), "0"),
    (exp, (1,), "2.7183"),
    (ln, (10,), "2.3026"),
    (lambda: ln(exp(2)), (), "2"),
    (exp, (lit("0.5"),), "1.6487"),
    # b2_bit_ops.out, line by line
    (bitnot, (0,), "-1"),
    (bitnot, (5,), "-6"),
    (bitand, (-1, 255), "255"),
    (bitor, (1, 6), "7"),
    (bitxor, (255, 15), "240"),
    (shift, (1, -4), "16"),  # negative count shifts left
    (shift, (256, 4), "16"),
    (shift, (-16, 2), "1073741820"),  # logical right shift of 32 bits
    (shift, (5, 0), "5"),
    (bitset, (0, 3), "8"),
    (bitreset, (15, 0), "14"),
    (bittest, (5, 2), "1"),
    (bittest, (5, 1), "0"),
    (bitset, (0, 31), "-2147483648"),
    (bitand, ("12", 10), "8"),
    (bitor, (" 3 ", 4), "7"),
    (bitand, (lit("7.9"), 3), "3"),  # the float truncates to 7
    (dtx, (255, 4), "00ff"),
    (dtx, (-1,), "ffffffff"),
    (dtx, (0,), "0"),
    (dtx, (4096, 2), "1000"),  # the width is a minimum
    (xtd, ("ff",), "255"),
    (xtd, ("0010",), "16"),
    (xtd, ("7FFFFFFF",), "2147483647"),
    (lambda: dtx(21), (), "15"),  # flags=21 hex=15
    (bittest, (21, 2), "1"),
    (bittest, (21, 3), "0"),
]


@pytest.mark.parametrize("func,args,printed", PRINTED_ROWS)
def test_printed_results(func, args, printed):
    assert to_str(func(*args)) == printed


def test_flags_loop_from_b2_bit_ops():
    flags = 0
    for bit in range(0, 5, 2):
        flags = bitset(flags, bit)
    assert (flags, dtx(flags), bittest(flags, 2), bittest(flags, 3)) == (
        21,
        "15",
        1,
        0,
    )


@pytest.mark.parametrize(
    "func,arg,printed",
    [
        # Degrees use ScarletDME's 57.29577951, so values are a hair off.
        (sin, 30, "0.5"),
        (cos, 60, "0.5"),
        (tan, 45, "1"),
        (sin, 90, "1"),
        (cos, 90, "0"),
        (asin, 1, "90"),
        (acos, 0, "90"),
        (atan, 1, "45"),
        (asin, lit("0.5"), "30"),
        (sin, "30", "0.5"),
    ],
)
def test_trigonometry_in_degrees(func, arg, printed):
    result = func(arg)
    assert type(result) is float and to_str(result) == printed


def test_degree_factor_is_scarletdme_constant():
    assert sin(30) == math.sin(30 / 57.29577951)
    assert atan(1) == math.atan(1) * 57.29577951


@pytest.mark.parametrize(
    "func,arg,expected",
    [
        (sqrt, 4, 2.0),  # always a float
        (exp, 1000, math.inf),  # C's exp overflows to infinity
        (ln, 0, -math.inf),  # C's log(0)
        (exp, "1", math.e),
    ],
)
def test_float_results(func, arg, expected):
    result = func(arg)
    assert type(result) is float and result == expected


@pytest.mark.parametrize("func", [asin, acos])
def test_arc_functions_outside_domain_give_negative_nan(func):
    result = func(2)
    assert math.isnan(result) and to_str(result) == "-nan"


@pytest.mark.parametrize(
    "func,arg,message",
    [
        (sqrt, -1, "SQRT() attempted for negative value"),
        (ln, -1, "LN() attempted for negative value"),
    ],
)
def test_negative_domain_errors(func, arg, message):
    with pytest.raises(
        BasicError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        func(arg)


@pytest.mark.parametrize(
    "func,arg,expected",
    [
        (sqrt, "4]9]", "2]3]0"),  # numeric arrays, element by element
        (sqrt, "16^", "4^0"),
        (exp, "0]0", "1]1"),
        (int_, "1.5]2.5", "1]2"),
    ],
)
def test_numeric_arrays(func, arg, expected):
    marked = arg.replace("]", VM).replace("^", FM)
    assert func(marked) == expected.replace("]", VM).replace("^", FM)


@pytest.mark.parametrize("func", [sqrt, exp, ln, sin, bitand, dtx])
def test_non_numeric(func):
    args = ("abc",) if func not in (bitand,) else ("abc", 1)
    with pytest.raises(NonNumericError):
        func(*args)


# --- bit functions --------------------------------------------------------------


@pytest.mark.parametrize(
    "func,args,expected",
    [
        (bitand, (4294967295.0, 1), 0),  # float: fmod(f, 2^32 - 1) then int32
        (bitand, (4294967296.0, 3), 1),
        (bitand, ("4294967295", 1), 0),  # a string float converts directly:
        # (int32_t)4294967295.0 is 0x80000000 on x86
        (bitor, (2147483648.0, 0), -2147483648),
        (bitand, (-1.5, -1), -1),
        (bitnot, ("",), -1),
        (bitset, (0, 32), 1),  # x86 takes the bit number modulo 32
        (bitset, (0, -1), -2147483648),
        (bittest, (-1, 31), 1),
        (bitreset, (-1, 31), 2147483647),
        (shift, (1, -31), -2147483648),
        (shift, (1, -32), 1),  # the count is modulo 32
        (shift, (-1, 0), -1),
        (shift, (-1, 1), 2147483647),
        (shift, ("8", "1"), 4),
    ],
)
def test_bit_rules(func, args, expected):
    assert func(*args) == expected


def test_shift_overflow_is_an_error():
    with pytest.raises(BasicError, match="Numeric overflow"):
        shift(4294967296.0, 1)  # SHIFT takes k_get_int, not k_get_int32


@pytest.mark.parametrize(
    "value,expected",
    [
        (0, 1),  # comparisons.out: IF NOT(0) THEN ... prints "not0 yes"
        (1, 0),
        ("", 1),
        ("0.0", 1),
        ("ABC", 0),
        (" 0", 0),
        (-0.0, 1),
    ],
)
def test_not(value, expected):
    assert not_(value) == expected


# --- DTX and XTD ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,expected",
    [
        ((255, 40), "0" * 30 + "ff"),  # width capped at 32
        ((255, -3), "ff"),
        ((-2147483648,), "80000000"),
        (("16",), "10"),
        ((15.9999999999999,), "10"),  # k_get_int nudge on a float
    ],
)
def test_dtx(args, expected):
    assert dtx(*args) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("FFFFFFFF", -1),  # wraps at 32 bits
        ("100000000", 0),
        ("aBc", 2748),
        ("", ""),  # nothing to convert: the value comes back
        ("xyz", "xyz"),  # a non-hex character: the value comes back
        ("0x10", "0x10"),
        ("1" * 21, "1" * 21),  # longer than 20 characters
        (10, 16),  # numbers are converted to text first
        ("1\x002", 1),  # C stops at a NUL byte
    ],
)
def test_xtd(value, expected):
    result = xtd(value)
    assert type(result) is type(expected) and result == expected


# --- RND and RANDOMIZE -------------------------------------------------------------


def test_rnd_follows_glibc_rand():
    # glibc: srand(1) makes rand() give 1804289383, 846930886, 1681692777.
    randomize(1)
    assert [rnd(1000000000) for _ in range(3)] == [804289383, 846930886, 681692777]
    randomize(0)  # srand(0) behaves as srand(1)
    assert rnd(1000) == 383


def test_rnd_is_reproducible_after_randomize():
    randomize(42)
    first = [rnd(100) for _ in range(10)]
    randomize("42")
    assert [rnd(100) for _ in range(10)] == first


def test_rnd_negative_range():
    randomize(7)
    values = [rnd(-5) for _ in range(200)]
    assert set(values) <= {0, -1, -2, -3, -4} and min(values) < 0


def test_rnd_zero_is_divide_by_zero():
    with pytest.raises(DivideByZeroError):
        rnd(0)


def test_rnd_numeric_array():
    randomize(3)
    result = rnd("10" + VM + "1")
    first, second = result.split(VM)
    assert 0 <= int(first) < 10 and second == "0"


def test_randomize_from_clock():
    randomize()
    randomize("")
    assert 0 <= rnd(10) < 10


@given(st.integers(1, 2**31 - 1))
def test_rnd_range(n):
    assert 0 <= rnd(n) < n


@given(st.integers(-(2**31), 2**31 - 1), st.integers(-(2**31), 2**31 - 1))
def test_bit_functions_match_python_on_int32(a, b):
    mask = 0xFFFFFFFF

    def signed(x):
        x &= mask
        return x - 2**32 if x >= 2**31 else x

    assert bitand(a, b) == signed(a & b)
    assert bitor(a, b) == signed(a | b)
    assert bitxor(a, b) == signed(a ^ b)
    assert bitnot(a) == signed(~a)


@given(st.integers(-(2**31), 2**31 - 1))
def test_dtx_xtd_round_trip(n):
    assert xtd(dtx(n)) == n
