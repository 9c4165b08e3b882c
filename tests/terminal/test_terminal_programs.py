"""Terminal statements in whole programs: keyboard INPUT, KEYIN, printers, games.

Each program runs through ``pick2py run`` with TERM=xterm on an 80x24
screen and the given bytes as standard input (a pipe, as in the recorded
cases): keys are read one at a time, LF reads as RETURN, the end of input
reads as an empty line, and session case inversion is on (ScarletDME's
PTERM CASE INVERT default) for keys, never for DATA.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import time
from pathlib import Path

import pytest

from basic_runner import pick2py_command, run_basic

GAMES = Path("/work/ref/scarletdme/contrib/GAMES.BP")
CORPUS = Path("/work/shared/corpus")


def run(tmp_path: Path, source: str, stdin: bytes = b"", **env: str):
    program = tmp_path / "PROG"
    program.write_text(textwrap.dedent(source))
    account = tmp_path / "account"
    account.mkdir(exist_ok=True)
    return run_basic(program, account, stdin=stdin, env=env or None)


# (program, standard input, expected output, ScarletDME rule)
INPUT_CASES = [
    (
        'INPUT A\nPRINT "[":A:"]"',
        b"hello\n",
        "HELLO\n[HELLO]\n",
        "keys are echoed after case inversion swaps letters",
    ),
    (
        'INPUT A NOCASEINVERT\nPRINT "[":A:"]"',
        b"Hello\n",
        "Hello\n[Hello]\n",
        "NOCASEINVERT keeps the case",
    ),
    (
        '$MODE NO.CASE.INVERT\nINPUT A\nPRINT "[":A:"]"',
        b"Hello\n",
        "Hello\n[Hello]\n",
        "so does $MODE NO.CASE.INVERT",
    ),
    (
        'INPUT A,3\nINPUT B\nPRINT A:"|":B',
        b"12345\n",
        "123\n45\n123|45\n",
        "a full field ends the line; the rest is the next INPUT's",
    ),
    (
        'INPUT A,3_\nPRINT "|":A',
        b"12345\n",
        "123\n|123\n",
        "with _ a full field waits for RETURN; extra keys are ignored",
    ),
    ('INPUT A:\nPRINT "|":A', b"xy\n", "XY|XY\n", "a trailing colon: no newline"),
    ("INPUT P HIDDEN\nPRINT P", b"pw\n", "**\nPW\n", "HIDDEN echoes stars"),
    (
        "INPUT A\nPRINT LEN(A)",
        b"ab\x7fc\n",
        "AB\x08 \x08C\n2\n",
        "backspace (xterm's kbs, DEL) rubs out with cub1, space, cub1",
    ),
    (
        "INPUT A\nPRINT LEN(A)",
        b"ab\x08c\n",
        "AB\x08C\n4\n",
        "from a pipe, BS is not xterm's backspace key: it is kept",
    ),
    ('PROMPT "?"\nINPUT A\nPRINT A', b"1\n", "?1\n1\n", "the prompt comes first"),
    ("ECHO OFF\nINPUT A\nECHO ON\nPRINT A", b"1\n", "1\n", "ECHO OFF shows nothing"),
    (
        'INPUT A\nPRINT "[":A:"]"',
        b"abc",
        "ABC[]\n",
        "end of input in mid-line: INPUT returns an empty string",
    ),
    ('INPUT A\nPRINT "[":A:"]"', b"", "[]\n", "no input at all: empty, no newline"),
    (
        'DATA "aBc"\nINPUT A\nPRINT A',
        b"",
        "aBc\naBc\n",
        "DATA lines are not case-inverted",
    ),
    (
        'INPUT A, -1\nPRINT A\nDATA "x"\nINPUT B, -1\nPRINT B',
        b"",
        "1\n1\n",
        "INPUT var, -1 tests for input; a pipe always has some",
    ),
    (
        'INPUT A THEN PRINT "then" ELSE PRINT "else"\nPRINT A',
        b"q\n",
        "Q\nthen\nQ\n",
        "THEN unless the input timed out",
    ),
    (
        'A = "old"\nINPUT A FOR 10 THEN PRINT "then" ELSE PRINT "else"\nPRINT A',
        b"",
        "then\n\n",
        "a pipe at its end does not time out",
    ),
    (
        'INPUT @(2,1):A,4\nPRINT "|":A',
        b"ab\n",
        "\x1b[2;3H    \x1b[2;3H"
        "\x1b[2;3H    \x1b[2;3HA"
        "\x1b[2;4HB"
        "\x1b[2;5H\n|AB\n",
        "INPUT @ blanks the field, places the cursor before each key, ends on RETURN",
    ),
    (
        'A="xyz"\nINPUT @(0,0):A,5 EDIT\nPRINT "|":A',
        b"\x1b[4~!\n",
        "\x1b[1;1Hxyz  \x1b[1;1H\x1b[1;1H\x1b[1;4H!\x1b[1;5H\n|xyz!\n",
        "EDIT keeps the value; the END key (ESC [4~) moves to its end",
    ),
    (
        'A="xyz"\nINPUT @(0,0):A,5\nPRINT "|":A',
        b"q\n",
        "\x1b[1;1Hxyz  \x1b[1;1H\x1b[1;1H     \x1b[1;1HQ\x1b[1;2H\n|Q\n",
        "without EDIT the first key clears the field",
    ),
]


@pytest.mark.parametrize(
    "source, stdin, expected, rule", INPUT_CASES, ids=[c[3] for c in INPUT_CASES]
)
def test_keyboard_input(tmp_path, source, stdin, expected, rule):
    result = run(tmp_path, source, stdin)
    assert result.stdout.decode("latin-1") == expected, result.stderr.decode()
    assert result.returncode == 0


# ($MODE program, expected output, what the mode changes)
MODE_CASES = [
    (
        '$MODE NO.ECHO.DATA\nDATA "x"\nINPUT A\nPRINT A',
        "x\n",
        "NO.ECHO.DATA: DATA lines are not echoed",
    ),
    (
        '$MODE HEADING.NO.EJECT\nPRINT "a"\nHEADING "T"\nPRINT "b"',
        "a\nb\n",
        "HEADING.NO.EJECT: a heading does not end the page",
    ),
    (
        '$MODE PRCLOSE.DEFAULT.0\nFOOTING "F"\nPRINT "x"\nPRINTER CLOSE\nPRINT "y"',
        "x\ny\n",
        "PRCLOSE.DEFAULT.0: PRINTER CLOSE closes unit 0, not the display",
    ),
    (
        'FOOTING "F"\nPRINT "x"\nPRINTER CLOSE',
        "x\n" + "\n" * 21 + "F\n\x1b[24;1HPress"
        " RETURN to continue, A to abort, Q to Quit, S to suppress pagination\n",
        "without it PRINTER CLOSE ends the display's page too",
    ),
]


@pytest.mark.parametrize(
    "source, expected, rule", MODE_CASES, ids=[c[2] for c in MODE_CASES]
)
def test_modes(tmp_path, source, expected, rule):
    result = run(tmp_path, source)
    assert result.stdout.decode("latin-1") == expected, result.stderr.decode()


# INPUT @(c,r):V,n:mask - the length is one item, so ':' is the trailing colon
# (no newline) and the mask follows; it formats the field when RETURN ends it.
MASK_CASES = [
    (
        'DATA "12"\nINPUT @(2,3):B,5:"5R"\nPRINT "|":B',
        b"",
        "\x1b[4;3H     \x1b[4;3H12   |12\n",
    ),
    (
        'INPUT @(0,0):B,5:"5R"\nPRINT "|":B',
        b"12\n",
        "\x1b[1;1H     \x1b[1;1H\x1b[1;1H     \x1b[1;1H1\x1b[1;2H2\x1b[1;3H"
        "\x1b[1;1H   12|12\n",
    ),
]


@pytest.mark.parametrize("source, stdin, expected", MASK_CASES)
def test_input_at_mask(tmp_path, source, stdin, expected):
    result = run(tmp_path, source, stdin)
    assert result.stdout.decode("latin-1") == expected, result.stderr.decode()


# (program, standard input, expected output)
KEY_CASES = [
    # IN var FOR t: the key's code (echoed if printable), THEN when not 0
    ('IN X FOR 3 THEN PRINT " key ":X ELSE PRINT "none ":X', b"a", "a key 97\n"),
    ('IN X FOR 3 THEN PRINT " key ":X ELSE PRINT "none ":X', b"", "none 0\n"),
    ('PRINT SEQ(KEYIN()):" ":SEQ(KEYIN())', b"a\n", "97 13\n"),  # LF reads as CR
    ("PRINT KEYINC():KEYINC()", b"aB", "Ab\n"),  # KEYINC inverts case
    ('X = KEYIN()\nPRINT "[":X:"] ":STATUS()', b"", "[] 3030\n"),  # end of input
    ("PRINT KEYREADY()", b"", "1\n"),  # a pipe never makes KEYIN wait
    ('PRINT SEQ(KEYCODE()):" ":SEQ(KEYCODE())', b"\x1bOP\x1bOA", "128 205\n"),  # F1, up
    ('PRINT "[":KEYCODE():"]"', b"\x1b[Ax", "\x07[X]\n"),  # unknown sequence: bell
    ("PRINT SEQ(KEYCODE())", b"\x7f", "8\n"),  # xterm's kbs is DEL: backspace
    ("PRINT KEYCODE()", b"x", "X\n"),  # plain keys follow case inversion
]


@pytest.mark.parametrize("source, stdin, expected", KEY_CASES)
def test_keys(tmp_path, source, stdin, expected):
    result = run(tmp_path, source, stdin)
    assert result.stdout.decode("latin-1") == expected, result.stderr.decode()


def test_keyin_timeout_on_a_silent_pipe(tmp_path):
    """KEYIN(t) gives "" with STATUS() 1011 when nothing comes in t seconds."""
    program = tmp_path / "PROG"
    program.write_text(
        'X = KEYIN(0.2)\nPRINT "[":X:"] ":STATUS()\n'
        'A = "old"\nINPUT A FOR 0.2 ELSE PRINT "timeout"\nPRINT A\n'
    )
    account = tmp_path / "account"
    account.mkdir()
    started = time.monotonic()
    with subprocess.Popen(
        [*pick2py_command(), "run", str(program)],
        cwd=account,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_env(),
    ) as process:
        out = process.stdout.read()  # standard input stays open and silent
        process.stdin.close()
    assert out.decode() == "[] 1011\ntimeout\nold\n"
    assert time.monotonic() - started >= 0.4


def _env() -> dict:
    import os

    return dict(os.environ, TERM="xterm", LINES="24", COLUMNS="80")


def test_printer_output_goes_to_hold_files(tmp_path):
    result = run(
        tmp_path,
        """
        PRINT "screen"
        PRINTER ON
        PRINT "job one"
        PRINTER CLOSE
        PRINTER ON
        PRINT "job two"
        PRINT ON 3 "unit three"
        PRINTER OFF
        PRINT SYSTEM(1)
    """,
    )
    assert result.stdout == b"screen\n0\n"
    hold = tmp_path / "account" / "$HOLD"
    assert (hold / "P0_0001").read_text() == "job one\n"
    assert (hold / "P0_0002").read_text() == "job two\n"  # closed at the end
    assert (hold / "P3").read_text() == "unit three\n"


def test_printer_pages(tmp_path):
    """A printer page: heading, data lines, blank lines, footing, form feed."""
    result = run(
        tmp_path,
        """
        PRINTER ON
        HEADING "Head 'P'"
        FOOTING "Foot"
        FOR I = 1 TO 70
           PRINT I
        NEXT I
        PRINT SYSTEM(3):" ":SYSTEM(5)
    """,
    )
    assert result.stdout == b""
    text = (tmp_path / "account" / "$HOLD" / "P0_0001").read_bytes().decode()
    pages = text.split("\r\f")
    assert len(pages) == 2
    first = pages[0].split("\n")
    assert first[0] == "Head    1" and first[1:65] == [str(i) for i in range(1, 65)]
    assert first[65] == "Foot"  # 66 lines: heading, 64 data lines, footing
    assert pages[1].startswith("Head    2\n65\n")
    assert "66 2\n" in pages[1]  # SYSTEM(3) page length, SYSTEM(5) page number
    assert pages[1].endswith("\nFoot")


def test_printer_file_and_display(tmp_path):
    account = tmp_path / "account"
    result = run(
        tmp_path,
        """
        EXECUTE "CREATE.FILE REPORTS DIRECTORY" CAPTURING X
        PRINTER FILE ON 2 "REPORTS", "R1" THEN PRINT "ok" ELSE PRINT "no file"
        PRINT ON 2 "to the record"
        PRINTER FILE ON 2 "NOSUCH", "R1" ELSE PRINT "else taken"
        PRINTER DISPLAY ON 4
        PRINT ON 4 "on the screen"
        PRINTER CLOSE
    """,
    )
    out = result.stdout.decode()
    assert "ok\n" in out and "else taken\n" in out and "on the screen\n" in out
    assert "to the record" not in out
    records = list(account.rglob("R1"))
    assert records and records[0].read_text() == "to the record\n"


def test_at_variables_and_system_items(tmp_path):
    result = run(
        tmp_path,
        """
        PRINT @CRTWIDE:"x":@CRTHIGH:" ":@TERM.TYPE:" ":SYSTEM(7)
        PRINT SYSTEM(2):" ":SYSTEM(3):" ":@LPTRWIDE:" ":@LPTRHIGH
        PRINTER ON
        X = SYSTEM(3):" ":@LPTRHIGH:" ":SYSTEM(1)
        PRINTER OFF
        PRINT X
        PRINT LEN(@SYS.BELL):" ":TERMINFO("cols")
    """,
        LINES="30",
        COLUMNS="100",
    )
    assert result.stdout == b"100x30 xterm xterm\n100 30 100 30\n66 66 1\n1 80\n"


def test_screen_program_on_a_pipe(tmp_path):
    """What PYTHAG and SNOOPY rely on, without ScarletDME's sources: @(-1) is
    xterm's clear, commas are tabs, and 40 lines reach a pipe with no pause."""
    result = run(
        tmp_path,
        """
        PRINT @(-1)
        PRINT
        FOR A = 1 TO 40
           PRINT A, A * A, "x":
           PRINT
        NEXT A
        STOP
    """,
    )
    lines = "".join(f"{a}\t{a * a}\tx\n" for a in range(1, 41))
    assert result.stdout.decode() == "\x1b[H\x1b[2J\n\n" + lines
    assert result.returncode == 0


@pytest.mark.parametrize("game", ["PYTHAG", "SNOOPY"])
def test_games_print_what_scarletdme_printed(tmp_path, game):
    """contrib/GAMES.BP PYTHAG and SNOOPY, against ScarletDME's recorded output."""
    if not (GAMES / game).exists() or not (CORPUS / f"{game}.out").exists():
        pytest.skip("ScarletDME's sources or the recorded corpus are not available")
    shutil.copy(GAMES / game, tmp_path / game)
    account = tmp_path / "account"
    account.mkdir()
    result = run_basic(tmp_path / game, account)
    assert result.stdout == (CORPUS / f"{game}.out").read_bytes()
    assert result.returncode == 0


def _readable(fd: int, timeout: float) -> bool:
    """Is there output to read? (poll, not select: the test process may hold
    more than FD_SETSIZE descriptors by the time this runs)."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(timeout * 1000))


def test_at_a_terminal(tmp_path):
    """At a terminal the display pauses every 23 lines, keys come unbuffered
    and unechoed (the program echoes them), and the terminal's modes are
    given back at the end."""
    pty = pytest.importorskip("pty")
    termios = pytest.importorskip("termios")
    import os

    (tmp_path / "PROG").write_text(
        'FOR I = 1 TO 25\n   PRINT "line ":I\nNEXT I\nINPUT A\nPRINT "[":A:"]"\n'
    )
    master, slave = pty.openpty()
    env = dict(_env())
    env.pop("LINES")
    env.pop("COLUMNS")
    modes = termios.tcgetattr(slave)
    process = subprocess.Popen(
        [*pick2py_command(), "run", "PROG"],
        stdin=slave,
        stdout=slave,
        cwd=tmp_path,
        env=env,
        start_new_session=True,
    )
    out = b""

    def read_until(text: bytes) -> None:
        nonlocal out
        deadline = time.monotonic() + 60
        while text not in out and time.monotonic() < deadline:
            if _readable(master, 0.1):
                out += os.read(master, 4096)

    def wait_for_key_read() -> None:
        """Wait until the program reads keys (line editing turned off)."""
        deadline = time.monotonic() + 60
        while termios.tcgetattr(slave)[3] & termios.ICANON:
            assert time.monotonic() < deadline
            time.sleep(0.05)

    read_until(b"pagination")
    wait_for_key_read()
    os.write(master, b"\r")
    read_until(b"line 25\r\n")
    os.write(master, b"ab\r")
    read_until(b"]")
    assert process.wait(timeout=60) == 0
    lines = [f"line {i}\r\n" for i in range(1, 26)]
    prompt = "\x1b[24;1HPress RETURN to continue, A to abort, Q to Quit"
    prompt += ", S to suppress pagination\r\n"
    expected = "".join(lines[:23]) + prompt + "".join(lines[23:]) + "AB\r\n[AB]"
    assert out.decode("latin-1").startswith(expected)
    assert termios.tcgetattr(slave) == modes
    os.close(master)
    os.close(slave)
