"""Tests for runtime_lib.arith: ScarletDME's op_arith.c operators."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runtime_lib.arith import (
    Reuse,
    abs_,
    add,
    div,
    div_,
    idiv,
    int_,
    mod_,
    mul,
    neg,
    pos,
    pwr,
    rdiv,
    rem,
    reuse,
    sub,
)
from runtime_lib.errors import BasicError, DivideByZeroError, NonNumericError
from runtime_lib.errors import UnassignedError
from runtime_lib.state import state
from runtime_lib.values import FM, SM, VM, Unassigned, to_num, to_str


@pytest.fixture(autouse=True)
def fresh_state():
    saved = vars(state).copy()
    state.precision = 4
    yield
    vars(state).update(saved)


def lit(text):
    """A BASIC numeric literal: BCOMP converts its text with k_str_to_num."""
    return to_num(text)


def same(a, b):
    if type(a) is not type(b):
        return False
    if type(a) is float and a == 0:
        return math.copysign(1, a) == math.copysign(1, b)
    return a == b


# Each row: (function, args, printed result, Python type of the result).
# The printed text is what the recorded ScarletDME run shows for that
# expression at PRECISION 4.
PRINTED_ROWS = [
    # arith_basics.out
    (add, (7, 3), "10", int),
    (sub, (7, 10), "-3", int),
    (mul, (6, 7), "42", int),
    (div, (7, 2), "3.5", float),  # inexact: float
    (div, (1, 3), "0.3333", float),
    (div, (2, 3), "0.6667", float),
    (div, (10, 4), "2.5", float),
    (pwr, (2, 10), "1024", float),  # power is always a float
    (pwr, (2, 3), "8", float),
    (pwr, (-2, 2), "4", float),  # -2 ^ 2: unary minus binds tighter
    (add, (lit("0.1"), lit("0.2")), "0.3", float),
    (mul, (1000000, 1000000), "1000000000000", float),  # overflow to float
    (mul, (123456789, 1000), "123456789000", float),
    (int_, (lit("3.7"),), "3", float),  # INT keeps a float a float
    (int_, (neg(lit("3.7")),), "-3", float),
    (abs_, (neg(lit("4.5")),), "4.5", float),
    (mod_, (7, 3), "1", int),
    (mod_, (-7, 3), "2", int),  # floored: sign of the divisor
    (mod_, (7, -3), "-2", int),
    (rem, (-7, 3), "-1", int),  # truncated: sign of the dividend
    (rem, (7, -3), "1", int),
    (add, (3, mul(4, 2)), "11", int),
    (mul, (add(3, 4), 2), "14", int),
    (sub, (sub(10, 2), 3), "5", int),
    (pwr, (pwr(2, 3), 2), "64", float),
    (mul, (lit("1.5"), 2), "3", float),
    (div, (5, 5), "1", int),  # exact: integer
    (neg, (lit("0.5"),), "-0.5", float),
    (div, (100, 7), "14.2857", float),
    # numeric_strings.out
    (add, ("10", "5"), "15", int),
    (mul, ("10", "5"), "50", int),
    (add, ("3.50", 1), "4.5", float),
    (add, ("  7", 1), "8", int),
    (add, ("", 5), "5", int),  # "" is 0
    (add, ("+4", 1), "5", int),
    (sub, ("-4", 1), "-5", int),
    (add, (3, 2), "5", int),  # X += 2
    (sub, (5, 1), "4", int),  # X -= 1
    (mul, (4, 3), "12", int),  # X *= 3
    (div, (12, 4), "3", int),  # X /= 4
    # misc_intrinsics.out
    (abs_, (-3,), "3", int),
    (pwr, (2, 8), "256", float),
    (neg, (5,), "-5", int),
    (idiv, (7, 2), "3", int),
    # b2_div_pwr.out
    (div_, (7, 2), "3", int),
    (div_, (-7, 2), "-3", int),  # DIV truncates
    (div_, (7, -2), "-3", int),
    (div_, (lit("7.5"), 2), "3", int),
    (div_, (neg(lit("7.5")), 2), "-3", int),
    (idiv, (7, 2), "3", int),
    (idiv, (-7, 2), "-3", int),  # C truncation for two integers
    (idiv, (neg(lit("7.5")), 2), "-4", float),  # floor once a float is in
    (idiv, (7, lit("2.5")), "2", float),
    (idiv, (-7, lit("2.5")), "-3", float),
    (rdiv, (7, 2), "4", int),  # halves away from zero
    (rdiv, (-7, 2), "-4", int),
    (rdiv, (5, 3), "2", int),
    (rdiv, (-5, 3), "-2", int),
    (rdiv, (9, 4), "2", int),
    (rdiv, (1, 3), "0", int),
    (idiv, (-7, 2), "-3", int),  # -7 // 2
    (idiv, (neg(lit("7.0")), 2), "-4", float),  # -7.0 // 2
    (idiv, (9, -2), "-4", int),  # 9 // -2
    (pwr, (4, lit("0.5")), "2", float),
    (pwr, (8, div(1, 3)), "2", float),
    (pwr, (2, -1), "0.5", float),
    (pwr, (10, 0), "1", float),
    (pwr, (0, 0), "1", float),
    (pwr, (27, div(1, 3)), "3", float),
    (pwr, (2, lit("0.5")), "1.4142", float),
    (pwr, (10, -2), "0.01", float),
    (pwr, (lit("1.5"), 2), "2.25", float),
    (pwr, (-2, 3), "-8", float),
    (mod_, (lit("7.5"), 2), "1.5", float),
    (mod_, (neg(lit("7.5")), 2), "0.5", float),
    (rem, (neg(lit("7.5")), 2), "-1.5", float),
    (mod_, (5, lit("2.5")), "0", int),  # whole float result: integer
    (mod_, (10, 0), "10", int),  # MOD(x, 0) is x
    (rem, (-3, 0), "-3", int),
    (mod_, (0, 5), "0", int),
    (rem, (0, -5), "0", int),
    (mul, (div(10, 4), 4), "10", float),
    (mul, (div(1, 3), 3), "1", float),
    (div, (7, 7), "1", int),
    (div, (6, 4), "1.5", float),
    (abs_, (neg(lit("2147483648")),), "2147483648", float),  # literal is float
    (neg, (neg(lit("0")),), "0", int),  # NEG(-0): integer zero has no sign
    (neg, ("4",), "-4", int),
    # b2_int_overflow.out
    (add, (2147483647, 1), "2147483648", float),
    (mul, (2147483647, 2), "4294967294", float),
    (sub, (neg(2147483647), 2), "-2147483649", float),
    (mul, (65536, 65536), "4294967296", float),
    (mul, (46341, 46341), "2147488281", float),
    (sub, (add(2147483647, 1), 1), "2147483647", float),
    (sub, (lit("2147483648"), 1), "2147483647", float),
    (div, (lit("2147483648"), 2), "1073741824", float),
    (add, (lit("99999999999"), 1), "100000000000", float),
    (mul, (lit("12345678901234"), 10), "123456789012340", float),
    (pwr, (2, 31), "2147483648", float),
    (int_, (pwr(2, 31),), "2147483648", float),  # INT(2^31): no error
    (int_, (pwr(-2, 31),), "-2147483648", float),
    (div, (lit("4294967296"), 65536), "65536", float),
    (mod_, (lit("4294967297"), 2), "1", int),
    (rem, (lit("4294967297"), 10), "7", int),
    (neg, (lit("0"),), "0", int),  # -0 is the integer 0
    (mul, (lit("0.0"), -1), "-0", float),  # 0.0 * -1 is float -0
    (neg, (lit("0.0"),), "-0", float),  # -0.0
    (int_, (neg(lit("0.4")),), "-0", float),  # INT(-0.4)
    (neg, (lit("0.00001"),), "0", float),  # -0.00001 prints 0
    (abs_, (neg(lit("0.0")),), "0", float),  # ABS(-0.0)
    (int_, ("  42  ",), "42", int),
    (int_, ("-7.9",), "-7", float),
    (abs_, ("-3.25",), "3.25", float),
    (abs_, ("",), "0", int),
    (int_, ("12.",), "12", float),
    (add, ("5.", 0), "5", float),
    (add, (".", 0), "0", float),  # "." is +0.0
    (add, ("-.5", 0), "-0.5", float),
    (div, (mul(1000000, 1000000), 1000000), "1000000", float),
    (add, (lit("123456789012345"), 0), "123456789012345", float),
    (add, (lit("999999999999999"), 1), "1000000000000000", float),
    # b2_precision.out (PRECISION 4 lines)
    (sub, (mul(lit("0.1"), 3), lit("0.3")), "0", float),
    (add, (100000000, lit("0.5")), "100000000.5", float),
    # b2_minmax_count.out: REUSE-free arrays appear in README examples
    (mul, ("1" + VM + "2", 3), "3" + VM + "0", str),  # missing element is 0
]


@pytest.mark.parametrize("func,args,printed,kind", PRINTED_ROWS)
def test_printed_results(func, args, printed, kind):
    result = func(*args)
    assert type(result) is kind
    assert to_str(result) == printed


@pytest.mark.parametrize(
    "func,args",
    [
        (div, (1, 0)),
        (div, (1.5, 0.0)),
        (div, (1, -0.0)),
        (idiv, (1, 0)),
        (idiv, (1.5, 0)),
        (div_, (7, 0)),
        (rdiv, (7, 0)),
        (div, ("1" + VM + "2", "1" + VM + "0")),  # per element too
    ],
)
def test_divide_by_zero(func, args):
    with pytest.raises(DivideByZeroError, match="Divide by zero error"):
        func(*args)


def test_divide_by_zero_warning_option():
    state.opt_div_zero_warning = True  # OPTION DIV.ZERO.WARNING gives 0
    assert same(div(7, 0), 0)
    assert same(idiv(7.5, 0), 0)
    assert same(div_(7, 0), 0)
    assert div("4" + VM + "6", "2" + VM + "0") == "2" + VM + "0"
    with pytest.raises(DivideByZeroError):
        rdiv(7, 0)  # RDIV ignores the option


@pytest.mark.parametrize(
    "a,b,expected",
    [
        # ScarletDME's integer MOD formula for operands of different sign
        # (op_mod) is off when only the divisor is negative; copied.
        (-7, 3, 2),
        (-6, 3, 0),
        (-1, 3, 2),
        (7, -3, -2),
        (5, -3, -4),
        (6, -3, -3),
        (0, -5, -5),
        (7, 3, 1),
        (-7, -3, -1),
        (5, 1, 0),
        (-2147483648, 3, 2),  # x - (y - 1) wraps past INT32_MIN
        (2147483647, -2, -3),  # with C's 32-bit wraparound in the formula
    ],
)
def test_mod_integer_formula(a, b, expected):
    assert mod_(a, b) == expected


@pytest.mark.parametrize(
    "a,b,expected",
    [
        (7, 0.0, 7),  # MOD(x, 0) is x, as an integer when whole
        (-7.5, 0, -7.5),
        (5.5, -2, -0.5),  # float formula is a correct floored modulo
        (-0.0, 5, 0),
    ],
)
def test_mod_float(a, b, expected):
    assert same(mod_(a, b), expected)


def test_mod_takes_no_numeric_arrays():
    with pytest.raises(NonNumericError):
        mod_("1" + VM + "2", 2)


@pytest.mark.parametrize(
    "func,a,b,expected",
    [
        (add, 2147483647, 0, 2147483647),
        (add, -2147483648, 0, -2147483648),
        (sub, -2147483647, 1, -2147483648),
        (sub, -2147483648, 1, -2147483649.0),
        (mul, -65536, 32768, -2147483648),
        (mul, -1, -2147483648, 2147483648.0),
        (div, -2147483648, -1, 2147483648.0),
        (idiv, -2147483648, -1, 2147483648.0),
        (div, 6, 3, 2),
        (div, -6, 3, -2),
        (div, 7.5, 2.5, 3.0),  # float operand: float result even when whole
        (div, 6, 3.0, 2.0),
        (idiv, 0.0, -2, -0.0),  # floor keeps C's negative zero
        (idiv, 1e308, 1e-308, math.inf),
        (add, 1, 0.5, 1.5),
        (add, 0.5, 1, 1.5),
        (sub, 1.5, 1, 0.5),
        (mul, 2, 0.25, 0.5),
    ],
)
def test_number_rules(func, a, b, expected):
    assert same(func(a, b), expected)


@pytest.mark.parametrize(
    "func,a,expected",
    [
        (neg, -2147483648, -2147483648),  # int32 negation wraps
        (abs_, -2147483648, -2147483648),  # labs stored back in 32 bits
        (neg, 0.0, -0.0),
        (int_, 0.9999999999999, 1.0),  # INTPREC nudge
        (int_, -0.9999999999999, -1.0),
        (int_, 0.999999999999, 0.0),
        (int_, -0.0, 0.0),
        (int_, math.inf, math.inf),
        (abs_, -2.5, 2.5),
        (neg, "", 0),
    ],
)
def test_unary_rules(func, a, expected):
    assert same(func(a), expected)


@pytest.mark.parametrize(
    "a,b,expected",
    [
        (0, -1, math.inf),  # C pow(0, negative) is infinity
        (-0.0, -1, -math.inf),
        (-0.0, -2, math.inf),
        (10, 400, math.inf),  # overflow is infinity
        (-10, 401, -math.inf),
    ],
)
def test_pwr_edge_values(a, b, expected):
    assert pwr(a, b) == expected


def test_pwr_negative_base_fractional_exponent_is_negative_nan():
    result = pwr(-8, div(1, 3))  # README: PWR(-8, 1/3) prints -nan
    assert math.isnan(result) and to_str(result) == "-nan"


def test_pos_is_identity():
    # BCOMP emits no opcode for a unary plus.
    assert pos("abc") == "abc"
    assert pos(" 5") == " 5"
    with pytest.raises(UnassignedError):
        pos(Unassigned("X"))


@pytest.mark.parametrize(
    "func,args",
    [
        (add, ("abc", 1)),
        (sub, (1, "1 2")),
        (mul, ("1" + VM + "x", 2)),
        (div, ("   ", 1)),  # a blank string is not numeric
        (pwr, ("a", 2)),
        (neg, ("-",)),
        (int_, ("1" + VM + "-",)),  # element checked when processed
        (div_, ("1" + VM + "2", 1)),
        (rdiv, ("1" + VM + "2", 1)),
    ],
)
def test_non_numeric(func, args):
    with pytest.raises(NonNumericError, match="Non-numeric where numeric required"):
        func(*args)


def test_non_numeric_warning_option():
    state.opt_non_numeric_warning = True
    assert add("abc", 1) == 1
    assert mul("1" + VM + "x", 2) == 0  # the whole operand becomes 0


def test_unassigned_operand():
    with pytest.raises(UnassignedError):
        add(Unassigned("X"), 1)


# --- numeric arrays (k_num_array2 / k_num_array1) ----------------------------

ARRAY_ROWS = [
    # README: the operators do not reuse values; a missing element is 0.
    (mul, ("1]2", 3), "3]0"),
    (mul, ("1]2", Reuse(3)), "3]6"),  # REUSE repeats the last element
    (add, ("1]2]3", 5), "6]2]3"),
    (add, (5, "1]2]3"), "6]2]3"),  # missing left element is 0 too
    (add, (Reuse(5), "1]2]3"), "6]7]8"),
    (sub, ("10]20", "1]2]3"), "9]18]-3"),
    (add, ("1]2^3", "10^20"), "11]2^23"),  # pairs by mark level
    (add, ("1]2^3", Reuse("10")), "11]12^13"),
    (add, ("1]2^3", reuse("10^20")), "11]12^23"),
    (div, ("6]8", 2), "3]8"),  # missing right element is 1 for /
    (div, (1, "1]2"), "1]0"),
    (div, ("1]3", "4]3"), "0.25]1"),
    (idiv, ("7]9", 2), "3]9"),  # and for //
    (pwr, ("2]3", 2), "4]3"),  # and for ^
    (rem, ("7]-7", 3), "1]-7"),  # REM(x, 0) is x for the missing element
    (add, ("1]", 1), "2]0"),  # a trailing mark makes an empty element
    (add, ("]", 1), "1]0"),
    (add, ("1]]3", "1]1]1"), "2]1]4"),
    (add, ("", "1]2"), "1]2"),
    (mul, ("1.5]2", 2), "3]0"),
    (add, ("1\\2", "1]1"), "2\\2]1"),  # the lower mark level moves alone
    (add, ("1|2", 1), "2|2"),
    (neg, ("1]-2]]x0",), None),
    (neg, ("1]-2]",), "-1]2]0"),
    (abs_, ("-1]2.5",), "1]2.5"),
    (int_, ("3.7]-3.7",), "3]-3"),
    (add, ("1]2", 0.5), "1.5]2"),
    (add, ("1]2", div(1, 3)), "1.3333]2"),  # the float is formatted first
]


def marked(text):
    """Write ] for VM, ^ for FM, \\ for SM, | for TM in test rows."""
    return text.replace("]", VM).replace("^", FM).replace("\\", SM).replace("|", "\xfb")


def unmark(value):
    if isinstance(value, Reuse):
        return Reuse(unmark(value.value))
    return marked(value) if isinstance(value, str) else value


@pytest.mark.parametrize("func,args,expected", ARRAY_ROWS)
def test_numeric_arrays(func, args, expected):
    args = tuple(unmark(a) for a in args)
    if expected is None:
        with pytest.raises(NonNumericError):
            func(*args)
    else:
        assert func(*args) == marked(expected)


def test_numeric_array_elements_use_precision():
    state.precision = 2
    assert add("1" + VM + "2", 0.125) == "1.13" + VM + "2"


def test_numeric_array_element_too_long():
    with pytest.raises(BasicError, match="Numeric array element too long"):
        add("0" * 70 + "1" + VM + "1", 1)  # 71 characters; the limit is 64


def test_reuse_reads_as_its_value():
    assert add(Reuse(2), 3) == 5
    assert to_str(Reuse(2.5)) == "2.5"
    assert Reuse(Reuse(1)).value == 1


# --- properties ------------------------------------------------------------

INT32 = st.integers(min_value=-(2**31), max_value=2**31 - 1)


@given(INT32, INT32)
def test_int_add_matches_python(a, b):
    result = add(a, b)
    assert result == a + b
    assert type(result) is (int if -(2**31) <= a + b < 2**31 else float)


@given(INT32, INT32)
def test_int_sub_and_mul_match_python(a, b):
    assert sub(a, b) == a - b
    assert mul(a, b) == float(a * b) or mul(a, b) == a * b


@given(INT32, INT32.filter(lambda n: n != 0))
def test_int_idiv_rem_identity(a, b):
    # C truncation: a == (a // b) * b + REM(a, b) for two integers.
    if not (a == -(2**31) and b == -1):
        assert idiv(a, b) * b + rem(a, b) == a


@given(st.integers(-(10**6), 10**6), st.integers(1, 10**6))
def test_mod_matches_python_for_positive_divisor(a, b):
    assert mod_(a, b) == a % b


@given(INT32, INT32.filter(lambda n: n != 0))
def test_div_exact_gives_int(a, b):
    result = div(a, b)
    if a % b == 0 and -(2**31) <= a // b < 2**31:
        assert type(result) is int and result == a // b
    else:
        assert result == a / b


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_string_operands_act_as_numbers(a, b):
    assert add(str(a), str(b)) == add(a, b)
    assert mul(str(a), " %d " % b) == mul(a, b)


@pytest.mark.parametrize(
    "a", [0, 5, 2**31 - 900, -(2**31), 2.5, "3", "1" + VM + "2", "", Reuse(4)]
)
@pytest.mark.parametrize("b", ["0", "7", "12", "999", "1000", "007", "123456789"])
def test_add_of_a_digit_string_is_add_of_its_number(a, b):
    """add() reads digit strings as their numbers (small ones through a
    table): the result, and its type, are those of adding the number."""
    got, expected = add(a, b), add(a, int(b))
    assert got == expected and type(got) is type(expected)


def test_add_table_holds_only_digit_strings_and_their_numbers():
    from runtime_lib.arith import _SMALL_NUMBERS

    for text, number in _SMALL_NUMBERS.items():
        assert text.isdigit() and text.isascii() and len(text) < 10
        assert int(text) == number and type(number) is int


@given(INT32, INT32.filter(lambda n: n != 0))
def test_mod_of_same_signs_is_the_c_remainder(a, b):
    """MOD of two integers of the same sign (where mod_ uses Python's %)
    is a - b * (a / b truncated), ScarletDME's formula for that case."""
    if (a < 0) == (b < 0) or a == 0 and b > 0:
        assert mod_(a, b) == a - b * (abs(a) // abs(b))
        assert type(mod_(a, b)) is int
