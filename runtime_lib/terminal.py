"""The terminal: PRINT, CRT and DISPLAY, INPUT, DATA, PROMPT, ECHO, @().

Output is bytes, one per character (Latin-1), so marks reach standard output
as single bytes. It is buffered and flushed before input is read and when a
program ends. EXECUTE ... CAPTURING pushes a capture buffer that takes the
display output of the command it runs.

PRINT goes to the display unless PRINTER ON sends it to print unit 0; PRINT
ON n always goes to print unit n. Printer output is spooled to a file in the
account's ``$HOLD`` folder (ScarletDME would hand it to ``lp``); it never
reaches standard output. CRT and DISPLAY always reach the display.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

from runtime_lib.values import IM, to_int, to_str

# Screen codes for @(col, row) and the negative @() codes, as ScarletDME's
# xterm terminfo entry defines them.
_XTERM_CODES = {
    -1: "\x1b[H\x1b[2J",  # clear screen
    -2: "\x1b[H",  # cursor home
    -3: "\x1b[J",  # clear to end of screen
    -4: "\x1b[K",  # clear to end of line
    -5: "",  # start flashing
    -6: "",  # stop flashing
    -7: "",  # start protected field
    -8: "",  # stop protected field
    -9: "\x08",  # backspace
    -10: "\x1bM",  # cursor up
    -11: "",  # stop protect
    -12: "",  # start protect
    -13: "\x1b[7m",  # start reverse video
    -14: "\x1b[m\x0f",  # stop reverse video
    -15: "\x1b[4m",  # start underline
    -16: "\x1b[m\x0f",  # stop underline
}


class Output:
    """Where printed bytes go: standard output, or a capture buffer."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.captures: list[list[str]] = []
        self.printer_on = False
        self.spools: dict[int, list[str]] = {}
        self.column = 0

    def write(self, text: str) -> None:
        if self.captures:
            self.captures[-1].append(text)
            return
        self.buffer += text.encode("latin-1", "replace")
        newline = text.rfind("\n")
        self.column = len(text) - newline - 1 if newline >= 0 else self.column + len(text)
        if len(self.buffer) > 65536:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        data = bytes(self.buffer)
        self.buffer.clear()
        out = getattr(sys.stdout, "buffer", None)
        try:
            if out is not None:
                sys.stdout.flush()
                out.write(data)
                out.flush()
            else:
                sys.stdout.write(data.decode("latin-1"))
                sys.stdout.flush()
        except (BrokenPipeError, ValueError):
            pass

    def spool(self, unit: int, text: str) -> None:
        self.spools.setdefault(unit, []).append(text)

    def close_printer(self, unit: int = 0) -> None:
        """PRINTER CLOSE: write the spooled output to the account's $HOLD folder."""
        lines = self.spools.pop(unit, None)
        if not lines:
            return
        folder = os.path.join(os.getcwd(), "$HOLD")
        try:
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, f"P{unit}_{os.getpid()}")
            with open(path, "ab") as handle:
                handle.write("".join(lines).encode("latin-1", "replace"))
        except OSError:
            pass


output = Output()


def emit(text: str) -> None:
    """Write text to the display (or the active capture)."""
    output.write(text)


def flush() -> None:
    """Send buffered output to standard output."""
    output.flush()


def print_(value: object = "", newline: bool = True) -> None:
    """PRINT: to the display, or to print unit 0 while PRINTER ON."""
    text = to_str(value) + ("\n" if newline else "")
    if output.printer_on:
        output.spool(0, text)
    else:
        output.write(text)


def print_on(unit: object, value: object = "", newline: bool = True) -> None:
    """PRINT ON n: unit 0 is the display unless PRINTER ON; others spool."""
    number = to_int(unit)
    text = to_str(value) + ("\n" if newline else "")
    if number == 0 and not output.printer_on:
        output.write(text)
    else:
        output.spool(number, text)


def crt(value: object = "", newline: bool = True) -> None:
    """CRT and DISPLAY: always to the display."""
    output.write(to_str(value) + ("\n" if newline else ""))


def printer(action: str, unit: object = 0) -> None:
    """PRINTER ON / OFF / CLOSE / RESET."""
    if action == "ON":
        output.printer_on = True
    elif action == "OFF":
        output.printer_on = False
    elif action == "CLOSE":
        output.close_printer(to_int(unit))
    elif action == "RESET":
        output.printer_on = False
        output.spools.clear()


def cursor(col: object, row: object = None) -> str:
    """@(col [, row]): cursor positioning and screen-control codes (xterm)."""
    c = to_int(col)
    if row is None:
        if c < 0:
            return _XTERM_CODES.get(c, "")
        return f"\x1b[{c + 1}G"
    r = to_int(row)
    if c < 0:
        return _XTERM_CODES.get(c, "")
    return f"\x1b[{r + 1};{c + 1}H"


# --- input -------------------------------------------------------------------


class InputState:
    """DATA queue, prompt character and echo flag."""

    def __init__(self) -> None:
        self.data: list[str] = []
        self.prompt = ""
        self.echo = True
        self.at_eof = False


input_state = InputState()


def data(*values: object) -> None:
    """DATA v1, v2, ...: queue lines for INPUT (each value is evaluated first)."""
    input_state.data.extend(to_str(v) for v in values)


def cleardata() -> None:
    """CLEARDATA: empty the DATA queue."""
    input_state.data.clear()


def clearinput() -> None:
    """CLEARINPUT / INPUTCLEAR: discard type-ahead (there is none to keep)."""


def data_pending() -> str:
    """@DATA.PENDING: the queued DATA lines, each followed by @IM."""
    return "".join(line + IM for line in input_state.data)


def prompt(value: object) -> None:
    """PROMPT c: the prompt INPUT shows; only the first character is used."""
    input_state.prompt = to_str(value)[:1]


def echo(setting: object) -> None:
    """ECHO ON / OFF / expr."""
    if isinstance(setting, str) and setting.upper() in ("ON", "OFF"):
        input_state.echo = setting.upper() == "ON"
    else:
        from runtime_lib.values import truth

        input_state.echo = truth(setting)


def _read_line() -> Optional[str]:
    """A line typed at the keyboard (standard input), or None at its end."""
    output.flush()
    if input_state.at_eof:
        return None
    stream = getattr(sys.stdin, "buffer", None)
    try:
        raw = stream.readline() if stream is not None else sys.stdin.readline().encode("latin-1")
    except (OSError, ValueError):
        raw = b""
    if not raw:
        input_state.at_eof = True
        return None
    text = raw.decode("latin-1")
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    return text


def input_(
    length: object = None,
    newline: bool = True,
    hidden: bool = False,
    upcase: bool = False,
    at: Optional[tuple] = None,
    current: object = None,
    underscore: bool = False,
    timeout: object = None,
) -> str:
    """INPUT var [, len] [:] [HIDDEN] [UPCASE], and INPUT @(c, r) [:] var.

    A line from the DATA queue is used first; it is echoed as if typed
    (with a newline unless the statement ends in ':', one '*' per character
    if HIDDEN, nothing under ECHO OFF). ``INPUT X, n`` keeps the first n
    characters. With no more input, INPUT returns "" and echoes nothing.
    """
    size = to_int(length) if length is not None else 0
    if at is not None:
        position = cursor(*at)
        output.write(position)
        if current is not None and not _is_unassigned(current):
            output.write(to_str(current))
        elif size:
            output.write(" " * size)
        output.write(position)
    else:
        output.write(input_state.prompt)
    typed = False
    if input_state.data:
        text = input_state.data.pop(0)
    else:
        text = _read_line()
        typed = sys.stdin.isatty() if text is not None else False
        if text is None:
            return ""
    if size:
        text = text[:size]
    if upcase:
        text = text.upper()
    if input_state.echo and not typed:
        shown = "*" * len(text) if hidden else text
        if at is not None and size and len(shown) < size:
            shown += " " * (size - len(shown))
        output.write(shown)
    if newline and input_state.echo and not typed:
        output.write("\n")
    return text


def _is_unassigned(value: object) -> bool:
    from runtime_lib.values import Unassigned

    return isinstance(value, Unassigned)


def inputerr(message: object) -> None:
    """INPUTERR msg: show an error message on the bottom line."""
    output.write(to_str(message) + "\n")


def printerr(message: object) -> None:
    """PRINTERR msg: show an error message."""
    output.write(to_str(message) + "\n")
