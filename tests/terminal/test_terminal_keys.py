"""KEYCODE()'s key bindings: BINDKEY(), as ScarletDME's _BINDKEY keeps them.

Keys come from a pipe holding the given bytes (then the end of input), with
TERM=xterm: F1 is ESC O P, up ESC O A, backspace (kbs) DEL.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from basic_runner import run_basic
from runtime_lib.terminal import keyboard, ttymodes
from runtime_lib.values import FM, IM

ESC = "\x1b"
PAGE_UP = keyboard.K_PAGE_UP


@pytest.fixture
def keys(term, monkeypatch):
    """Start an xterm session; ``keys(b"...")`` makes those bytes the input."""
    term("xterm")
    opened: list[int] = []

    def feed(data: bytes) -> None:
        read, write = os.pipe()
        os.write(write, data)
        os.close(write)
        opened.append(read)
        monkeypatch.setattr(keyboard.keyboard, "fd", read)

    yield feed
    for fd in opened:
        os.close(fd)


def test_a_bound_sequence_reads_as_its_code(keys):
    assert keyboard.bindkey(ESC + "v", PAGE_UP) == 1
    keys(b"\x1bv\x1bOAx")
    assert [keyboard.keycode() for _ in range(3)] == [chr(PAGE_UP), chr(205), "X"]


def test_query_and_remove(keys):
    assert keyboard.bindkey(ESC + "OA", -2) == 205  # the terminal's own up key
    assert keyboard.bindkey(ESC + "v", -2) == -1
    keyboard.bindkey(ESC + "v", PAGE_UP)
    assert keyboard.bindkey(ESC + "v", -2) == PAGE_UP
    assert keyboard.bindkey(ESC + "v", -1) == 1
    assert keyboard.bindkey(ESC + "v", -1) == 1  # removing nothing is no error
    assert keyboard.bindkey(ESC + "v", -2) == -1
    keys(b"\x1bvx")
    assert keyboard.keycode() == "X"  # unknown ESC v rang the bell and was skipped


@pytest.mark.parametrize(
    "key, action, status",
    [
        ("", 65, 1),  # no key
        ("a" + FM + "b", 65, 1),  # a field mark in the key
        ("q", 256, 2),  # codes are 0 to 255
        (ESC + "OPx", 65, 3),  # ESC O P (F1) is bound: ESC O P x can't be read
    ],
)
def test_refused_bindings(keys, key, action, status):
    from runtime_lib.state import state

    assert keyboard.bindkey(key, action) == 0
    assert state.status == status


def test_binding_a_bound_key_again_replaces_it(keys):
    assert keyboard.bindkey(ESC + "OP", 65) == 1
    keys(b"\x1bOP")
    assert keyboard.keycode() == "A"


def test_save_and_restore(keys):
    saved = keyboard.bindkey("", -3)
    sequences, codes, flag = saved.split(IM)
    assert sequences.split(FM) == sorted(sequences.split(FM))
    assert dict(zip(sequences.split(FM), codes.split(FM)))[ESC + "OP"] == "128"
    assert flag == "0"
    keyboard.bindkey(ESC + "v", PAGE_UP)
    keyboard.bindkey(ESC + "OP", -1)
    keyboard.bindkey("", -5)
    assert keyboard.bindkey(saved, -4) == 1
    assert keyboard.bindkey("", -3) == saved
    assert keyboard.bindkey(ESC + "v", -2) == -1


def test_lone_escape_handling(keys):
    keys(b"\x1b")
    assert keyboard.keycode() == ESC  # nothing followed within 0.2 seconds
    assert keyboard.bindkey("", -5) == 1  # it was on
    assert keyboard.bindkey("", -5) == 0
    assert keyboard.bindkey("", -3).endswith(IM + "1")
    keys(b"\x1b")
    assert keyboard.keycode() == ""  # ESC starts sequences: wait for the rest
    keys(b"\x1bOA")
    assert keyboard.keycode() == chr(205)
    assert keyboard.bindkey("", -6) == 0
    assert keyboard.bindkey("", -6) == 1


def test_other_negative_actions_do_nothing(keys):
    assert keyboard.bindkey("x", -9) == 1
    assert keyboard.bindkey("x", -2) == -1


GPL_BP = Path("/work/ref/scarletdme/qmsys")


def test_pick_list_with_bound_keys(tmp_path):
    """GPL.BP PICK binds ESC V/v (page up), ESC < (home) and ESC > (end) for
    its pick list, then puts the caller's bindings back."""
    if not (GPL_BP / "GPL.BP" / "PICK").exists():
        pytest.skip("ScarletDME's sources are not available")
    shutil.copy(GPL_BP / "GPL.BP" / "PICK", tmp_path / "PICK")
    shutil.copy(GPL_BP / "SYSCOM" / "KEYIN.H", tmp_path / "KEYIN.H")
    (tmp_path / "T").write_text(
        'LIST = "alpha":@FM:"beta":@FM:"gamma"\nPOS = ""\n'
        'CALL PICK(ITEM, 2, LIST, "T", POS)\n'
        'PRINT "[":ITEM:"] ":POS:" ":BINDKEY(CHAR(27):"v", -2)\n'
    )
    account = tmp_path / "account"
    account.mkdir()
    result = run_basic(tmp_path / "T", account, stdin=b"\x1b>\x1b<D\r")
    out = result.stdout.decode("latin-1")
    assert "\x1b[7mT  3 items" in out  # SYSMSG(7135) on the info line
    assert out.endswith("[beta] 0.2 -1\n"), (out, result.stderr.decode())


# KEYEDIT (action, key): (action, key value, the sequence bound, its code)
KEYEDIT_CASES = [
    (2, 2, "\x02", keyboard.K_LEFT),  # a control character
    (3, ord("Q"), ESC + "Q", keyboard.K_RETURN),  # 32 to 159: ESC and the character
    (4, 160 + 0x1B + (ord("x") << 8), ESC + "x", keyboard.K_BACKSPACE),  # bytes
    (6, 6, "\x06", keyboard.K_RIGHT),
    (7, 9, "\t", keyboard.K_INSERT),
    (13, 9, "\t", keyboard.K_INSERT),
    (8, 4, "\x04", keyboard.K_DELETE),
]


@pytest.mark.parametrize("action, key, sequence, code", KEYEDIT_CASES)
def test_keyedit_binds_an_editing_key(keys, action, key, sequence, code):
    keyboard.keyedit(action, key)
    assert keyboard.bindkey(sequence, -2) == code
    keyboard.keyedit(-1, key)
    assert keyboard.bindkey(sequence, -2) == -1


def test_keyedit_ignores_actions_and_keys_it_has_no_code_for(keys):
    before = keyboard.bindkey("", -3)
    keyboard.keyedit(5, 1)  # no code for action 5
    keyboard.keyedit(2, 0)  # no key 0
    keyboard.keyedit(2, 160)  # no bytes
    assert keyboard.bindkey("", -3) == before


def test_keyexit_and_keytrap_keys_read_as_nul_with_a_status(keys):
    from runtime_lib.state import state

    keyboard.keyexit(7, 24)
    keyboard.keytrap(9, 25)
    assert keyboard.bindkey("\x18", -2) == 256 + 7
    keys(b"\x18\x19")
    assert keyboard.keycode() == "\0" and state.status == 263
    assert keyboard.keycode() == "\0" and state.status == 521


def test_input_at_with_keyexit_keytrap_and_keyedit(tmp_path):
    """KEYEXIT ends INPUT @ keeping the text, KEYTRAP puts back the value the
    field started with; STATUS() is the key's value (_INPUTAT)."""
    (tmp_path / "P").write_text(
        "KEYEXIT (7, 24)\nKEYTRAP (9, 25)\nKEYEDIT (3, 81)\n"
        'A = "old"\n'
        'INPUT @(0,0):A\nPRINT "[":A:"] ":STATUS()\n'
        'INPUT @(0,1):A\nPRINT "[":A:"] ":STATUS()\n'
        'INPUT @(0,2):A EDIT\nPRINT "[":A:"] ":STATUS()\n'
        'INPUT @(0,3):A\nPRINT "[":A:"] ":STATUS()\n'
    )
    account = tmp_path / "account"
    account.mkdir()
    stdin = b"new\x18xy\x19z\x1bQab\x19"
    result = run_basic(tmp_path / "P", account, stdin=stdin)
    lines = [line.rsplit("H", 1)[-1] for line in result.stdout.decode().splitlines()]
    assert lines == ["[NEW] 7", "[NEW] 9", "", "[ZNEW] 0", "[ZNEW] 9"], lines


def test_inputblk_takes_what_was_typed_without_waiting(term, monkeypatch):
    """INPUTBLK(n) at a terminal: up to n bytes typed so far, else ""."""
    pty = pytest.importorskip("pty")
    import select

    term("xterm")
    master, slave = pty.openpty()
    try:
        monkeypatch.setattr(keyboard.keyboard, "fd", slave)
        assert keyboard.inputblk(10) == ""  # nothing typed: no waiting
        os.write(master, b"abC\r\ndef")
        select.select([slave], [], [], 5)
        assert keyboard.inputblk(4) == "abC\r"  # as typed, RETURN as CR
        assert keyboard.inputblk(0) == ""
        keyboard.keyboard.type_ahead.append(ord("x"))  # read ahead by KEYREADY()
        assert keyboard.inputblk(10) == "xdef"  # the LF after CR is dropped
    finally:
        keyboard.restore_terminal()
        os.close(master)
        os.close(slave)


def test_inputblk_from_a_pipe_is_empty(keys):
    keys(b"abc")
    assert keyboard.inputblk(10) == ""
    assert keyboard.keyin() == "a"


def test_ttyget_gives_the_modes(keys):
    assert ttymodes.ttyget().split(FM) == ["1", "1", "3", "\n", "\r"]


def test_ttyset_sets_them(keys):
    ttymodes.ttyset(FM.join(["0", "0", "7", "", "\n"]))
    assert ttymodes.ttyget().split(FM) == ["0", "0", "7", "\n", "\n"]
    keys(b"a\n\r")
    assert keyboard.keyinc() == "a"  # no case inversion
    assert keyboard.keyin() == "\n"  # a line's end reads as the new newline
    assert keyboard.keyin() == "\r"  # from a pipe CR is just CR
    ttymodes.ttyset(FM.join(["1", "1", "0", "", ""]))  # 0 and "": left as they are
    assert ttymodes.ttyget().split(FM) == ["1", "1", "7", "\n", "\n"]
    ttymodes.ttyset("")  # "" is not 0: both flags on
    assert ttymodes.ttyget().split(FM)[:2] == ["1", "1"]


def test_ttyset_cannot_change_the_display_newline(keys):
    from runtime_lib.errors import UnsupportedAtRuntime

    with pytest.raises(UnsupportedAtRuntime, match="newline sequence"):
        ttymodes.ttyset(FM.join(["1", "1", "3", "\r", "\r"]))


def test_ttyset_at_a_terminal_sets_the_break_key(term, monkeypatch):
    pty = pytest.importorskip("pty")
    termios = pytest.importorskip("termios")

    term("xterm")
    master, slave = pty.openpty()
    try:
        monkeypatch.setattr(keyboard.keyboard, "fd", slave)
        cooked = termios.tcgetattr(slave)
        ttymodes.ttyset(FM.join(["0", "1", "2"]))
        modes = termios.tcgetattr(slave)
        assert not modes[3] & termios.ISIG  # the break key is a key now
        assert modes[6][termios.VINTR] == b"\x02"
        ttymodes.ttyset(FM.join(["1", "1", "3"]))
        modes = termios.tcgetattr(slave)
        assert modes[3] & termios.ISIG and modes[6][termios.VINTR] == b"\x03"
        keyboard.restore_terminal()
        assert termios.tcgetattr(slave) == cooked
    finally:
        keyboard.restore_terminal()
        os.close(master)
        os.close(slave)


def test_input_ends_on_the_input_newline(tmp_path):
    (tmp_path / "P").write_text(
        "M = TTYGET()\nM<5> = CHAR(10)\nTTYSET M\n"
        'INPUT A\nPRINT "[":A:"] ":SEQ(KEYIN())\nINPUT @(0,5):B\nPRINT "[":B:"]"\n'
    )
    account = tmp_path / "account"
    account.mkdir()
    result = run_basic(tmp_path / "P", account, stdin=b"ab\n\ncd\n")
    assert result.stdout.decode().split("\n")[:2] == ["AB", "[AB] 10"]
    assert result.stdout.decode().endswith("[CD]\n"), result.stdout


@pytest.fixture
def held_breaks(term):
    """A fresh session; the break signal's handler is put back afterwards."""
    import signal

    term("xterm")
    before = signal.getsignal(signal.SIGINT)
    yield keyboard
    signal.signal(signal.SIGINT, before)


def test_break_off_and_on_count(held_breaks):
    assert ttymodes.break_allowed() == 1
    ttymodes.break_(0)
    ttymodes.break_(0)
    assert ttymodes.break_allowed() == 0
    ttymodes.break_(1)
    assert ttymodes.break_allowed() == 0  # one BREAK OFF still counted
    ttymodes.break_(-1)  # BREAK CLEAR counts one less too
    assert ttymodes.break_allowed() == 1
    ttymodes.break_(1)  # never below 0
    ttymodes.break_(0)
    assert ttymodes.break_allowed() == 0


def test_a_held_break_takes_effect_at_break_on(held_breaks):
    import signal

    ttymodes.break_(0)
    os.kill(os.getpid(), signal.SIGINT)  # noted, not acted on
    assert keyboard.keyboard.break_pending
    with pytest.raises(KeyboardInterrupt):
        ttymodes.break_(1)
    ttymodes.break_(0)
    os.kill(os.getpid(), signal.SIGINT)
    ttymodes.break_(-1)  # BREAK CLEAR forgets it
    ttymodes.break_(1)
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)  # no BREAK OFF: at once


def test_break_off_holds_the_break_key_in_a_program(tmp_path):
    import signal
    import subprocess

    from basic_runner import pick2py_command

    (tmp_path / "P").write_text(
        'PRINT SYSTEM(23)\nBREAK KEY OFF\nPRINT "ready ":SYSTEM(23)\n'
        'LOOP WHILE KEYIN() = "" DO REPEAT\nPRINT "after"\nBREAK ON\nPRINT "never"\n'
    )
    with subprocess.Popen(
        [*pick2py_command(), "run", "P"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as process:
        assert process.stdout.readline() == b"1\n"
        assert process.stdout.readline() == b"ready 0\n"
        process.send_signal(signal.SIGINT)
        process.stdin.write(b"x")
        process.stdin.close()
        assert process.stdout.read() == b"after\n"
    assert process.returncode == 130


def test_inputcsv_reads_a_line_of_fields(tmp_path):
    """INPUTCSV is INPUT then DPARSE.CSV with a comma (BCOMP st.inputcsv)."""
    (tmp_path / "P").write_text(
        'INPUTCSV A, B, C\nPRINT "[":A:"|":B:"|":C:"] ":STATUS()\n'
        'DATA "p,q,r"\nINPUTCSV A, B<2>\nPRINT A:"|":B<2>:" ":STATUS()\n'
        'PROMPT "?"\nINPUTCSV A, B, C, D\nPRINT "[":D:"] ":STATUS()\n'
    )
    account = tmp_path / "account"
    account.mkdir()
    result = run_basic(tmp_path / "P", account, stdin=b'one,"t,w",\nx,y\n')
    assert result.stdout.decode().splitlines() == [
        'ONE,"T,W",',  # echoed as typed, case inverted
        "[ONE|T,W|] 0",
        "p,q,r",  # DATA is echoed too
        "p|q 0",
        "?X,Y",
        "[] 2",
    ]
