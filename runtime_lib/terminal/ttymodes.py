"""Terminal modes and the break key: TTYGET(), TTYSET, BREAK and SYSTEM(23).

TTYGET/TTYSET read and set the modes the keyboard works under (whether the
break character interrupts, case inversion, the break character, what
RETURN reads as); BREAK holds the break key back while a program does
something it must not be interrupted in. Both act on the keyboard state of
:mod:`runtime_lib.terminal.keyboard` and, at a terminal, on the terminal's
own settings.
"""

from __future__ import annotations

from runtime_lib.terminal.keyboard import enter_raw_mode, set_modes, keyboard
from runtime_lib.values import FM, to_int, to_str

# --- terminal modes ---------------------------------------------------------------


def _output_newline() -> str:
    """What ending a display line sends: CR LF at a terminal (its ONLCR), else LF."""
    import sys

    try:
        return "\r\n" if sys.stdout.isatty() else "\n"
    except (AttributeError, ValueError):
        return "\n"


def ttyget() -> str:
    """TTYGET(): the terminal's modes as a dynamic array (_TTYGET).

    1. whether the break character interrupts the program (1, the
       default) or reads as a key (0);
    2. whether keyboard case inversion is on;
    3. the break character's code (3, Ctrl-C);
    4. what ending a display line sends (CR LF at a terminal, LF to a
       pipe or file);
    5. the character RETURN reads as (CR).
    """
    return FM.join(
        [
            "1" if keyboard.trap_break else "0",
            "1" if keyboard.case_inversion else "0",
            str(keyboard.break_char),
            _output_newline(),
            chr(keyboard.inewline),
        ]
    )


def ttyset(modes: object) -> None:
    """TTYSET modes: set the terminal modes TTYGET() returns (_TTYSET).

    Fields 1 and 2 are set to whether they are not 0; field 3 (if not 0)
    becomes the break character, field 5 (if not "") the character RETURN
    reads as, so INPUT and INPUT @ end on it. At a terminal the break
    modes take effect at once (the terminal's ISIG and VINTR). Field 4 can
    only be "" or what it is: pick2py's display always ends lines the same
    way, so another value is a run-time error.
    """
    from runtime_lib.compare import ne
    from runtime_lib.dynarray import extract
    from runtime_lib.errors import UnsupportedAtRuntime

    newline = to_str(extract(modes, 4))
    if newline and newline != _output_newline():
        raise UnsupportedAtRuntime(
            "TTYSET of another display newline sequence is not supported yet"
        )
    keyboard.trap_break = bool(ne(extract(modes, 1), 0))
    keyboard.case_inversion = bool(ne(extract(modes, 2), 0))
    break_char = to_int(extract(modes, 3))
    if break_char:
        keyboard.break_char = break_char & 255
    inewline = to_str(extract(modes, 5))
    if inewline:
        keyboard.inewline = ord(inewline[0])
    if keyboard.is_terminal():
        if keyboard.raw and keyboard.saved_modes is not None:
            set_modes(keyboard.saved_modes)
        else:
            enter_raw_mode()


# --- the break key ----------------------------------------------------------------


def break_(setting: object) -> None:
    """BREAK [KEY] ON | OFF | CLEAR | expr: allow or hold back the break key (op_break).

    BREAK OFF (0) counts one more reason to hold the break key back; BREAK
    ON (any other value) counts one less. While any is counted, the break
    key (Ctrl-C, or TTYSET's break character) is only noted, and when BREAK
    ON brings the count back to 0 the noted break takes effect then: the
    program ends as at an unheld break. BREAK CLEAR (-1) forgets a noted
    break and, like BREAK ON, counts one less. SYSTEM(23) is 1 while the
    break key is allowed.
    """
    value = to_int(setting)
    if value < 0:
        keyboard.break_pending = False
    if value:
        if keyboard.break_inhibits:
            keyboard.break_inhibits -= 1
    else:
        keyboard.break_inhibits += 1
        _hold_breaks()
    if keyboard.break_inhibits == 0 and keyboard.break_pending:
        keyboard.break_pending = False
        raise KeyboardInterrupt


def break_allowed() -> int:
    """SYSTEM(23): 1 while the break key is allowed (no BREAK OFF counted)."""
    return 0 if keyboard.break_inhibits else 1


def _on_break(signum: int, frame: object) -> None:
    if keyboard.break_inhibits:
        keyboard.break_pending = True
        return
    raise KeyboardInterrupt


def _hold_breaks() -> None:
    """Let the break key's signal be noted instead of interrupting (once)."""
    import signal

    try:
        if signal.getsignal(signal.SIGINT) is not _on_break:
            signal.signal(signal.SIGINT, _on_break)
    except ValueError:  # not the main thread: breaks cannot be held
        pass
