"""The display: output to the terminal, page headings and the pager.

Output is bytes, one per character (Latin-1), so marks reach standard
output as single bytes. It is buffered and flushed before input is read,
before a pause (SLEEP) and when a program ends. EXECUTE ... CAPTURING
pushes a capture buffer that takes the display output of the command it
runs, with the display's page state saved and restored around it.

Line counting and the pager follow ScarletDME's ``tio_display_string``,
``tio_new_line`` and ``display_footer`` (``op_tio.c``):

- Only the newline that ends a PRINT or CRT statement counts as a line;
  newlines inside the printed data are sent as they are and not counted.
  Newlines inside a heading or footing do count.
- While the display paginates, reaching the last line but one of the page
  ends it: the footing (if any) is printed after blank lines that move it
  to the bottom of the page, then the cursor goes to the bottom line and
  the pager asks ``Press RETURN to continue, A to abort, Q to Quit, S to
  suppress pagination``. A reads as ABORT, Q as STOP, S turns the pager
  off; anything else (end of input included) continues. The next output
  clears the screen and prints the heading.
- The display paginates when a HEADING or FOOTING is set. Without one, it
  paginates only when standard output is a terminal (ScarletDME always
  does, unless a command runs with NO.PAGE; the recorded outputs used
  NO.PAGE). Using ``@(col, row)`` with col >= 0 turns it off, as in
  ScarletDME (``DUMMY = @(0,0)`` is the idiom for it).
- HUSH ON suppresses display output (captured output too).
"""

from __future__ import annotations

import sys
from typing import BinaryIO, Optional

from runtime_lib.errors import AbortError, StopProgram
from runtime_lib.terminal import headings, screen
from runtime_lib.terminal.shadow import Shadow
from runtime_lib.terminal.units import DISPLAY, TO_DISPLAY, PrintUnit

PAGER_PROMPT = (
    "Press RETURN to continue",
    "A to abort",
    "Q to Quit",
    "S to suppress pagination",
)


class Output:
    """Where display bytes go: standard output, or the innermost capture."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.captures: list[list[str]] = []
        # A COMO log (runtime_lib.como) gets a copy of what reaches the
        # terminal; captured output is not shown, so not logged.
        self.log: Optional[BinaryIO] = None

    def write(self, text: str) -> None:
        """Send text to the capture, or buffer it for standard output."""
        if self.captures:
            self.captures[-1].append(text)
            return
        self.write_terminal(text)

    def write_terminal(self, text: str) -> None:
        """Buffer text for standard output even while capturing."""
        state.shadow.feed(text)
        data = text.encode("latin-1", "replace")
        self.buffer += data
        if self.log is not None:
            self.log.write(data)
        if len(self.buffer) > 65536:
            self.flush()

    def flush(self) -> None:
        """Send buffered bytes to standard output (and the COMO log's to its file)."""
        if self.log is not None:
            self.log.flush()
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


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


class DisplayState:
    """The display print unit plus the pager's and HUSH's state."""

    def __init__(self) -> None:
        width, lines = screen.screen_size()
        self.interactive = _is_terminal()
        self.unit = PrintUnit(DISPLAY, TO_DISPLAY, lines, width)
        self.unit.paginate = self.interactive
        self.shadow = Shadow(width, lines)  # what the screen shows
        self.hush = False
        self.in_footer = False
        self.saved: list[PrintUnit] = []


output = Output()
state = DisplayState()


def reset() -> None:
    """Start again with a fresh display and no captures (for tests)."""
    global state
    output.buffer.clear()
    output.captures.clear()
    state = DisplayState()


def dsp() -> PrintUnit:
    """Return the display print unit."""
    return state.unit


def capturing() -> bool:
    """Return True while EXECUTE ... CAPTURING takes the display output."""
    return bool(output.captures)


def start_capture() -> None:
    """EXECUTE ... CAPTURING begins: save the display's page state."""
    import copy

    state.saved.append(copy.copy(state.unit))
    output.captures.append([])


def end_capture() -> str:
    """EXECUTE ... CAPTURING ends: return what was captured, restore the page."""
    text = "".join(output.captures.pop())
    if state.saved:
        state.unit = state.saved.pop()
    return text


# --- writing ---------------------------------------------------------------------


def display_string(text: str, transparent: bool = True) -> None:
    """Show text on the display (tio_display_string).

    The heading is printed first if a new page is due. With ``transparent``
    (the data of PRINT and CRT) newlines are sent as they are; otherwise
    each newline goes through :func:`new_line` and is counted.
    """
    unit = state.unit
    unit.active = unit.has_output = True
    if unit.header_next:
        unit.header_next = False
        if unit.heading is not None:
            display_header()
    if state.hush:
        return
    if transparent:
        if text:
            output.write(text)
        return
    parts = text.split("\n")
    for i, part in enumerate(parts):
        if part:
            output.write(part)
        if i < len(parts) - 1:
            new_line()


def print_line(text: str, newline: bool) -> None:
    """PRINT or CRT to the display: the data as it is, then the counted newline.

    The same as :func:`display_string` twice, done in one write when no
    heading, pager or HUSH can be involved.
    """
    unit = state.unit
    if unit.header_next or unit.paginate or state.hush or state.in_footer:
        display_string(text)
        if newline:
            display_string("\n", transparent=False)
        return
    unit.active = unit.has_output = True
    output.write(text + "\n" if newline else text)
    if newline:
        unit.line += 1


def new_line() -> None:
    """End a display line; at the end of a page run the pager (tio_new_line)."""
    output.write("\n")
    unit = state.unit
    unit.line += 1
    if unit.paginate and unit.line == unit.data_lines - 1 and not state.in_footer:
        display_footer()


def clear_screen() -> None:
    """Clear the screen (not while capturing) and count lines from the top."""
    if not capturing():
        output.write_terminal(screen.capability("clear"))
    state.unit.line = 0


def move_cursor(col: int, row: int) -> None:
    """Position the cursor, straight to the terminal (csr in op_tio.c)."""
    output.write_terminal(screen.parameterised("cup", row, col))


# --- pages -------------------------------------------------------------------------


def emit_heading_footing(is_heading: bool) -> None:
    """Print the display's heading or footing, expanded, ending with a newline."""
    unit = state.unit
    template = unit.heading if is_heading else unit.footing
    text, no_pause = headings.expand(template or "", unit.page_no, unit.width)
    if no_pause:
        unit.paginate = False
    lines = text.split("\xfe")
    for i, line in enumerate(lines):
        display_string(line, transparent=False)
        if i < len(lines) - 1:
            display_string("\n", transparent=False)
            unit.line = 0
    if text:
        display_string("\n", transparent=False)


def display_header() -> None:
    """Start a display page: clear the screen, top margin, heading."""
    unit = state.unit
    clear_screen()
    for _ in range(unit.top_margin):
        display_string("\n", transparent=False)
    if unit.heading_lines:
        emit_heading_footing(True)
    output.flush()
    unit.line = 0


def display_footer() -> None:
    """End a display page: footing at the bottom, then the pager prompt."""
    unit = state.unit
    state.in_footer = True
    answer: Optional[str] = None
    try:
        if unit.footing is not None:
            while unit.line < unit.data_lines - 1:
                new_line()
            emit_heading_footing(False)
        if not capturing():
            move_cursor(0, unit.lines_per_page - 1)
            display_string(", ".join(PAGER_PROMPT), transparent=False)
            output.flush()
            from runtime_lib.terminal import keyboard

            key = keyboard.read_key(None)
            answer = chr(key).upper() if key is not None else None
            if answer == "S":
                unit.paginate = False
            new_line()
        output.flush()
    finally:
        state.in_footer = False
        unit.page_no += 1
        unit.header_next = True
        unit.line = 0
    if answer == "A":
        raise AbortError("Aborted by user")
    if answer == "Q":
        raise StopProgram()


def new_page() -> None:
    """PAGE on the display: end the page (footing, pager) and clear the screen."""
    unit = state.unit
    if unit.line and unit.paginate:
        display_footer()
    if not capturing():
        clear_screen()
        output.flush()


def set_pagination(on: bool) -> None:
    """Turn the display's pager on (counting from the top) or off."""
    state.unit.paginate = on
    if on:
        state.unit.line = 0
