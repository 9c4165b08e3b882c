"""@(col, row), the negative @() codes, TERMINFO() and the display size.

Each @() code is the terminfo capability op_at (op_tio.c) names for it,
taken from the description of TERM; the rows give ScarletDME's xterm.
"""

from __future__ import annotations

import pytest

from runtime_lib.values import FM

# (arguments, expected under TERM=xterm, ScarletDME's rule)
XTERM_CODES = [
    ((0, 0), "\x1b[1;1H", "cup, row and column from 0"),
    ((5, 2), "\x1b[3;6H", "cup"),
    ((79, 23), "\x1b[24;80H", "last cell of an 80x24 screen"),
    ((80, 0), "", "a column beyond the width gives nothing"),
    ((10,), "\x1b[11G", "column only: hpa"),
    ((0,), "\r", "column 0 only: a carriage return"),
    ((5, 24), "\x1b[6G", "row off the screen: column only"),
    ((5, -3), "\x1b[6G", "negative row: column only"),
    ((-1,), "\x1b[H\x1b[2J", "clear"),
    ((-2,), "\x1b[H", "home"),
    ((-3,), "\x1b[J", "ed: clear to end of screen"),
    ((-4,), "\x1b[K", "el: clear to end of line"),
    ((-5,), "\x1b[5m", "blink"),
    ((-6,), "\x1b[m\x0f", "end blink: sgr0"),
    ((-9,), "\b", "cub1 once"),
    ((-9, 3), "\b\b\b", "cub1 n times"),
    ((-9, 0), "\b", "at least once"),
    ((-9, 500), "\b" * 80, "at most the width"),
    ((-10, 2), "\x1b[A\x1b[A", "cuu1 n times"),
    ((-11,), "", "dim: xterm has none"),
    ((-12,), "\x1b[m\x0f", "end dim: sgr0"),
    ((-13,), "\x1b[7m", "rev"),
    ((-14,), "\x1b[m\x0f", "end reverse: sgr0, not rmso"),
    ((-15,), "\x1b[4m", "smul"),
    ((-16,), "\x1b[24m", "rmul"),
    ((-17,), "\x1b[L", "il1"),
    ((-17, 3), "\x1b[3L", "il with a count"),
    ((-18,), "\x1b[M", "dl1"),
    ((-18, 2), "\x1b[2M", "dl with a count"),
    ((-19,), "", "ich1: xterm has none"),
    ((-22, 2), "\x1b[P\x1b[P", "dch1 n times"),
    ((-23,), "\x1b[5i", "mc5: printer on"),
    ((-24,), "\x1b[4i", "mc4: printer off"),
    ((-31,), "\x1b[?25h", "cvvis"),
    ((-32,), "\x1b[?25l", "civis"),
    ((-33, 2), "\n\n", "cud1 n times"),
    ((-34, 3), "\x1b[C" * 3, "cuf1 n times"),
    ((-37, 1), "\x1b[34m", "setf: colour 1 is blue"),
    ((-38, 2), "\x1b[42m", "setb: colour 2 is green"),
    ((-54,), "", "slt: not in xterm"),
    ((-58,), "\x1b[1m", "bold"),
    ((-59,), "\x1b[m\x0f", "end bold: sgr0"),
    ((-106,), "\x1b[%i%d;%dR", "u6 as it is, not expanded"),
    ((-107,), "\x1b[6n", "u7"),
    ((-108, "ls"), "", "u8 with a string: not in xterm"),
    ((-20,), "", "codes with no capability give nothing"),
    ((-7,), "", "protect codes are not supported: nothing"),
]


@pytest.mark.parametrize(
    "args, expected, rule", XTERM_CODES, ids=[r[2] for r in XTERM_CODES]
)
def test_xterm_codes(term, args, expected, rule):
    assert term("xterm").cursor(*args) == expected


# (TERM, arguments, expected): other descriptions give other strings.
OTHER_CODES = [
    ("vt100", (-1,), "\x1b[H\x1b[J"),
    ("vt100", (10,), "\r\x1b[10C"),  # no hpa: CR then cuf
    ("vt100", (-14,), "\x1b[m\x0f"),
    ("dumb", (10,), "\r"),  # no hpa, cuf or cuf1: just CR
    ("dumb", (3, 3), ""),  # no cup
    ("dumb", (-1,), ""),
    ("no-such-terminal", (-1,), ""),  # unknown type: every capability is empty
    ("no-such-terminal", (0,), "\r"),
    ("", (-1,), "\x1b[H\x1b[J"),  # TERM empty: vt100, as ScarletDME's login
]


@pytest.mark.parametrize("name, args, expected", OTHER_CODES)
def test_codes_follow_term(term, name, args, expected):
    assert term(name).cursor(*args) == expected


# (environment, (width, lines)): LINES/COLUMNS, else terminfo, else 80x24; minimum 20x10.
SIZES = [
    ({}, (80, 24)),
    ({"LINES": "30", "COLUMNS": "100"}, (100, 30)),
    ({"LINES": "abc"}, (80, 24)),  # not a number: terminfo's lines
    ({"LINES": "5", "COLUMNS": "8"}, (20, 10)),
    ({"TERM": "no-such-terminal"}, (80, 24)),
]


@pytest.mark.parametrize("env, size", SIZES)
def test_display_size(term, env, size):
    env = dict(env)
    terminal = term(env.pop("TERM", "xterm"), **env)
    assert terminal.crt_size() == size
    assert terminal.system_item(2) == size[0]  # SYSTEM(2), printer off
    assert terminal.system_item(3) == size[1]


def test_size_bounds_cursor_rows(term):
    terminal = term("xterm", LINES="30")
    assert terminal.cursor(0, 29) == "\x1b[30;1H"
    assert terminal.cursor(0, 30) == "\r"


def test_cursor_turns_pagination_off_and_clear_resets_line(term):
    terminal = term("xterm")
    from runtime_lib.terminal import display

    display.set_pagination(True)
    display.dsp().line = 7
    terminal.cursor(-4)
    assert display.dsp().paginate and display.dsp().line == 7
    terminal.cursor(-1)
    assert display.dsp().line == 0
    terminal.cursor(3)
    assert not display.dsp().paginate  # any @(col) with col >= 0


# (TERMINFO argument, expected under xterm)
TERMINFO_CASES = [
    ("cols", "80"),
    ("lines", "24"),
    ("xmc", ""),  # numeric, absent
    ("am", "1"),  # boolean, present
    ("hs", "0"),  # boolean, absent
    ("clear", "\x1b[H\x1b[2J"),
    ("kbs", "\x7f"),
    ("nonesuch", ""),
]


@pytest.mark.parametrize("cap, expected", TERMINFO_CASES)
def test_terminfo_function(term, cap, expected):
    assert term("xterm").terminfo_(cap) == expected


def test_terminfo_list(term):
    fields = term("xterm").terminfo_().split(FM)
    assert len(fields) == 114  # TERMINFO.H's T$ items
    assert fields[0] == "xterm"  # T$TERM.TYPE
    assert fields[1:3] == ["80", "24"]  # T$COLUMNS, T$LINES
    assert fields[9] == "\x1b[H\x1b[2J"  # T$CLEAR.SCREEN
    assert fields[13] == "\x1b[%i%p1%d;%p2%dH"  # T$CURSOR.ADDRESS, unexpanded
    assert fields[113] == "-1"  # T$XMC: absent number
