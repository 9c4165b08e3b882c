"""The copy of the screen, SAVE.SCREEN() and RESTORE.SCREEN.

ScarletDME only saves a region through a QMTerm emulator; pick2py keeps a
copy of what it drew (runtime_lib/terminal/shadow.py) and draws a saved
region again from it. The rows use TERM=xterm on an 80x24 screen unless
they say otherwise.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from basic_runner import run_basic
from runtime_lib.errors import BasicError
from runtime_lib.terminal import display, shadow, terminfo
from runtime_lib.values import to_str

ESC = "\x1b"
REV = ESC + "[7m"
SGR0 = ESC + "[m\x0f"


def screen_after(term, text: str, name: str = "xterm", **env: str) -> list[str]:
    """The screen's lines (right blanks trimmed) after text reaches the terminal."""
    terminal = term(name, **env)
    at = terminal.cursor
    text = text.replace("@", "").format(at=at)
    display.output.write_terminal(text)
    copy = display.state.shadow
    copy.catch_up()
    return ["".join(row).rstrip() for row in copy.chars]


# (what reaches the terminal, the first lines of the screen, the rule)
PLAYED = [
    ("ab\ncd", ["ab", "cd"], "a newline starts the next line at column 0"),
    ("abc\rX", ["Xbc"], "CR returns to column 0"),
    ("abc\b\bX", ["aXc"], "BS moves left"),
    ("a\tb", ["a       b"], "tabs stop every 8 columns"),
    (ESC + "[3;5Hx", ["", "", "    x"], "cup, rows and columns from 1"),
    ("abcdef" + ESC + "[1;3H" + ESC + "[K", ["ab"], "el clears to the line's end"),
    ("ab\ncd" + ESC + "[1;2H" + ESC + "[J", ["a"], "ed clears to the screen's end"),
    ("ab" + ESC + "[H" + ESC + "[2Jz", ["z"], "clear blanks all and homes"),
    ("x" * 85, ["x" * 80, "xxxxx"], "text wraps at the right margin"),
    ("x" * 80 + "\ny", ["x" * 80, "y"], "xterm's late wrap: no blank line"),
    ("ab" + ESC + "[D" + ESC + "[DZ", ["Zb"], "cub as the program printed it"),
    ("ab" + ESC + "[31mc" + ESC + "Xd", ["abcd"], "other escapes take no room"),
    ("a\x0fb\x07c", ["abc"], "SI and BEL take no room"),
    ("1\n2\n3" + ESC + "[1;1H" + ESC + "[L", ["", "1", "2", "3"], "il1"),
    ("1\n2\n3" + ESC + "[1;1H" + ESC + "[M", ["2", "3"], "dl1"),
    ("abc" + ESC + "[1;1H" + ESC + "[P", ["bc"], "dch1"),
]


@pytest.mark.parametrize("text, lines, rule", PLAYED)
def test_what_the_screen_shows(term, text, lines, rule):
    assert screen_after(term, text)[: len(lines)] == lines, rule
    assert all(line == "" for line in screen_after(term, text)[len(lines) + 1 :])


def test_the_bottom_line_scrolls_up(term):
    lines = screen_after(term, "\n".join(str(i) for i in range(1, 27)))
    assert lines[0] == "3" and lines[-1] == "26"


def test_control_strings_come_from_the_terminal_description(term):
    """vt100's clear is ESC [ H ESC [ J; its rmul (ESC [ m) ends every attribute."""
    terminal = term("vt100")
    copy = display.state.shadow
    display.output.write_terminal("ab" + terminal.cursor(-1) + "c")
    display.output.write_terminal(terminal.cursor(-15) + "u" + ESC + "[m" + "v")
    copy.catch_up()
    assert "".join(copy.chars[0]).rstrip() == "cuv"
    assert copy.attrs[0][:3] == ["", ESC + "[4m", ""]


def test_cursor_strings_of_other_terminals(term, tmp_path):
    """A terminal whose cup is not ANSI: the strings the runtime made are known."""
    source = tmp_path / "terminfo.src"
    source.write_text(
        "odd|a terminal with odd codes,\n    am, cols#80, lines#24,\n"
        "    cup=^A%p1%' '%+%c%p2%' '%+%c, clear=^B, el=^C, rev=^D, sgr0=^E,\n"
    )
    terminal = term("odd", PICK2PY_TERMINFO=str(source))
    text = "junk" + terminal.cursor(-1) + terminal.cursor(3, 2) + "x"
    text += terminal.cursor(-13) + "y" + terminal.cursor(-14) + "z"
    display.output.write_terminal(text)
    copy = display.state.shadow
    copy.catch_up()
    assert "".join(copy.chars[2]).rstrip() == "   xyz"
    assert copy.attrs[2][3:6] == ["", "\x04", ""]
    assert "".join(copy.chars[0]).strip() == ""


def shown(terminal, *parts: str) -> None:
    display.display_string("".join(parts))


def sent() -> str:
    text = display.output.buffer.decode("latin-1")
    display.output.buffer.clear()
    return text


def test_restore_draws_the_region_and_its_attributes(term):
    terminal = term("xterm")
    at = terminal.cursor
    shown(terminal, at(-1), at(2, 1), "hello", at(2, 2), at(-13), "rev", at(-14), "x")
    image = shadow.save_screen(2, 1, 4, 2)
    assert image.cursor == (6, 2)
    shown(terminal, at(0, 1), "ZZZZZZZZ", at(0, 2), "ZZZZZZZZ", at(-13), at(9, 9))
    sent()
    shadow.restore_screen(image, 0)
    expected = ESC + "[2;3H" + SGR0 + "hell" + ESC + "[3;3H" + REV + "rev"
    expected += SGR0 + "x" + REV + ESC + "[10;10H"
    assert sent() == expected  # attributes as before, cursor where it was
    copy = display.state.shadow
    copy.catch_up()
    assert "".join(copy.chars[1][:8]) == "ZZhellZZ"


def test_restore_flag_puts_back_the_cursor_and_pagination(term):
    terminal = term("xterm")
    shown(terminal, terminal.cursor(5, 5), "ab")
    display.dsp().paginate = True
    image = shadow.save_screen(0, 0, 10, 1)
    display.dsp().paginate = False
    shown(terminal, terminal.cursor(0, 9))
    sent()
    shadow.restore_screen(image, 1)
    assert sent().endswith(ESC + "[6;8H")
    assert display.dsp().paginate is True


def test_nothing_is_drawn_under_hush(term):
    terminal = term("xterm")
    image = shadow.save_screen(0, 0, 5, 5)
    terminal.hush("ON")
    shadow.restore_screen(image, 1)
    assert sent() == ""
    hushed = shadow.save_screen(0, 0, 5, 5)
    terminal.hush("OFF")
    shadow.restore_screen(hushed, 0)
    assert sent() == ESC + "[1;1H"  # nothing saved, nothing drawn


@pytest.mark.parametrize(
    "region",
    [
        (-1, 0, 5, 5),
        (0, -1, 5, 5),
        (0, 0, 0, 5),
        (0, 0, 5, 0),
        (76, 0, 5, 1),
        (0, 20, 1, 5),
    ],
)
def test_a_region_off_the_screen_is_an_error(term, region):
    term("xterm")
    with pytest.raises(BasicError, match="^Illegal screen region$"):
        shadow.save_screen(*region)
    shadow.save_screen(0, 0, 80, 24)  # the whole screen is fine


def test_only_an_image_can_be_restored(term):
    term("xterm")
    with pytest.raises(BasicError, match="^Data is not a screen image$"):
        shadow.restore_screen("text", 1)
    with pytest.raises(BasicError, match="cannot be converted to a string"):
        to_str(shadow.save_screen(0, 0, 1, 1))


def test_a_phantom_cannot_save_or_restore(term, monkeypatch):
    from runtime_lib import process

    term("xterm")
    monkeypatch.setattr(process, "is_phantom", lambda: True)
    with pytest.raises(BasicError, match="^Screen save/restore illegal in phantom$"):
        shadow.save_screen(0, 0, 1, 1)


def test_a_program_saves_and_restores(tmp_path):
    (tmp_path / "P").write_text(
        'PRINT @(-1):@(2,1):"hello":@(2,2):"world"\n'
        "IMG = SAVE.SCREEN(2, 1, 5, 2)\n"
        'PRINT @(0,1):"XXXXXXXXX":@(0,2):"YYYYYYY":\n'
        "RESTORE.SCREEN IMG, @TRUE\n"
        'PRINT "!"\n'
        "RESTORE.SCREEN 42, 1\n"
    )
    account = tmp_path / "account"
    account.mkdir()
    result = run_basic(tmp_path / "P", account)
    out = result.stdout.decode("latin-1")
    assert out.endswith(ESC + "[2;3Hhello" + ESC + "[3;3Hworld" + ESC + "[4;1H!\n"), out
    assert result.stderr.decode().startswith(
        "Data is not a screen image at line 6 of P"
    ), result.stderr


GPL_BP = Path("/work/ref/scarletdme/qmsys")


def test_picklist_puts_the_screen_back(tmp_path):
    """GPL.BP PICKLST saves the region its box covers and restores it when a
    value is picked (on a terminal that has ``sreg``, as it checks)."""
    if not (GPL_BP / "GPL.BP" / "PICKLST").exists():
        pytest.skip("ScarletDME's sources are not available")
    shutil.copy(GPL_BP / "GPL.BP" / "PICKLST", tmp_path / "PICKLST")
    for name in ("TTY.H", "KEYS.H", "KEYIN.H"):
        shutil.copy(GPL_BP / "SYSCOM" / name, tmp_path / name)
    (tmp_path / "terminfo.src").write_text(
        terminfo.BUILTIN_SOURCE + "\nxt|xterm with screen regions,\n"
        "    sreg=\\E[s, use=xterm,\n"
    )
    (tmp_path / "T").write_text(
        "PRINT @(-1):\n"
        "FOR I = 0 TO 23 ; PRINT @(0, I):STR(CHAR(65 + I), 79): ; NEXT I\n"
        'LIST = "one":@VM:"1":@FM:"two":@VM:"2"\n'
        "CALL PICKLST(V, LIST, 2, 0)\n"
        'PRINT @(0, 23):"[":V:"]":\n'
    )
    account = tmp_path / "account"
    account.mkdir()
    env = {"TERM": "xt", "PICK2PY_TERMINFO": str(tmp_path / "terminfo.src")}
    result = run_basic(tmp_path / "T", account, stdin=b"\x1bOB\r", env=env)
    out = result.stdout.decode("latin-1")
    assert out.endswith("[2]"), (out, result.stderr.decode())
    box, restored = out.rsplit("\x1b[11;38H", 1)
    assert ESC + "[12;38H|        |" in box and REV + "two  2" + SGR0 in box
    assert restored.startswith("KKKKKKKKKK" + ESC + "[12;38H" + "LLLLLLLLLL")


@pytest.mark.parametrize("seed", range(5))
def test_skipping_lines_that_scroll_off_changes_nothing(term, seed):
    """Report output is not played line by line: the screen must be the same."""
    import random

    term("xterm")
    pick = random.Random(seed)
    parts = [ESC + "[5;5Hstart", REV]
    for i in range(pick.randrange(40, 200)):
        parts.append("x" * pick.randrange(0, 170) + str(i) + "\n")
        if pick.random() < 0.05:
            parts.append(pick.choice([SGR0, REV, ESC + "[3;7H", "\r", "\t"]))
    text = "".join(parts)
    fast = display.state.shadow
    fast.play(text)
    slow = shadow.Shadow(80, 24)
    slow._load()
    slow.play_span(text, 0, len(text), slow._plain())
    assert (fast.chars, fast.attrs) == (slow.chars, slow.attrs)
    assert (fast.x, fast.y, fast.attribute) == (slow.x, slow.y, slow.attribute)


@pytest.mark.parametrize("name", ["xterm", "vt100", "linux", "dumb", "nosuch"])
def test_any_output_keeps_the_copy_whole(term, name):
    """Whatever a program prints, the copy stays a screen and output never fails."""
    import random

    terminal = term(name)
    pick = random.Random(name)
    pieces = list("\x1b[1;9HmJK\n\r\b\ta\xff?25l@LMP\x0f\x07\x00\x7f")
    codes = (-1, -2, -3, -4, -13, -14, -15, -17, -18, -22, -37, 0, 5, 79)
    pieces += [terminal.cursor(c, r) for c in codes for r in (-1, 0, 3, 23, 1000)]
    copy = display.state.shadow
    for _ in range(500):
        text = "".join(pick.choice(pieces) for _ in range(pick.randrange(1, 40)))
        display.output.write_terminal(text)
        if pick.random() < 0.1:
            region = [pick.randrange(0, 10), pick.randrange(0, 10)]
            region += [pick.randrange(1, 20), pick.randrange(1, 10)]
            shadow.restore_screen(shadow.save_screen(*region), pick.randrange(2))
        display.output.buffer.clear()
    copy.catch_up()
    assert [len(row) for row in copy.chars] == [copy.width] * copy.lines
    assert [len(row) for row in copy.attrs] == [copy.width] * copy.lines
    assert 0 <= copy.y < copy.lines and 0 <= copy.x <= copy.width


def test_a_display_made_larger_saves_blanks_past_the_copy(term):
    from runtime_lib.terminal import unitsettings

    term("xterm")
    unitsettings.setpu(3, -1, 30)  # the display's page length
    image = shadow.save_screen(0, 20, 3, 10)
    assert image.rows[-1] == [(" ", "")] * 3
