"""The terminal: PRINT, CRT, INPUT, screen codes, the pager and the printers.

ScarletDME's terminal behaviour (``op_tio.c``, ``to_file.c``, ``linuxio.c``
and the ``_INPUT``, ``_INPUTAT``, ``_HF`` and ``_KEYCODE`` routines), by
topic:

- :mod:`.terminfo` terminal descriptions (``TERM``) and their ``%``
  parameter language;
- :mod:`.screen` ``@(col, row)``, the negative ``@()`` codes, TERMINFO(),
  the display size;
- :mod:`.display` output to the terminal, capture for EXECUTE, line
  counting, page headings and the pager;
- :mod:`.headings` the HEADING/FOOTING control codes;
- :mod:`.printer` PRINT routing, print units, PRINTER statements, spool
  and hold files, HEADING/FOOTING/PAGE;
- :mod:`.keyboard` keys from standard input, KEYIN(), KEYREADY(),
  KEYCODE() and its key bindings (BINDKEY());
- :mod:`.inputs` INPUT, INPUT @, DATA, PROMPT, ECHO, PRINTERR;
- :mod:`.unitsettings` GETPU() and SETPU;
- :mod:`.shadow` a copy of what the screen shows, SAVE.SCREEN() and
  RESTORE.SCREEN;
- :mod:`.pterm` the PTERM command (case inversion).

This module gathers the names the rest of the runtime and generated code
use.
"""

from __future__ import annotations

from runtime_lib.state import state as _basic_state
from runtime_lib.terminal import display as _display
from runtime_lib.terminal.display import output
from runtime_lib.terminal.inputs import (
    cleardata,
    clearinput,
    data,
    data_pending,
    echo,
    in_,
    input_,
    input_at,
    input_at_status,
    input_state,
    input_status,
    inputcsv,
    inputerr,
    printerr,
    prompt,
    prompt_,
)
from runtime_lib.terminal.keyboard import (
    bindkey,
    inputblk,
    keycode,
    keyedit,
    keyexit,
    keytrap,
    keyin,
    keyinc,
    keyinr,
    keyready,
    restore_terminal,
)
from runtime_lib.terminal.ttymodes import break_, ttyget, ttyset
from runtime_lib.terminal.printer import (
    crt,
    footing,
    heading,
    page,
    print_,
    print_on,
    printer,
    printer_close,
    printer_display,
    printer_file,
    printer_name,
    printers,
)
from runtime_lib.terminal import pterm as _pterm  # noqa: F401  (registers PTERM)
from runtime_lib.terminal.screen import term_type, terminfo_
from runtime_lib.terminal.shadow import restore_screen, save_screen
from runtime_lib.terminal.unitsettings import getpu, printer_setting, setpu
from runtime_lib.terminal.screen import at as _at
from runtime_lib.values import to_int

__all__ = [
    "bindkey",
    "break_",
    "cleardata",
    "clearinput",
    "crt",
    "cursor",
    "data",
    "data_pending",
    "echo",
    "emit",
    "end_capture",
    "flush",
    "footing",
    "getpu",
    "heading",
    "hush",
    "in_",
    "input_",
    "input_at",
    "input_at_status",
    "input_state",
    "inputblk",
    "input_status",
    "inputcsv",
    "inputerr",
    "keycode",
    "keyedit",
    "keyexit",
    "keytrap",
    "keyin",
    "keyinc",
    "keyinr",
    "keyready",
    "output",
    "page",
    "print_",
    "print_on",
    "printer",
    "printer_close",
    "printer_display",
    "printer_file",
    "printer_name",
    "printer_setting",
    "printerr",
    "printers",
    "prompt",
    "prompt_",
    "reset_session",
    "restore_screen",
    "restore_terminal",
    "save_screen",
    "setpu",
    "start_capture",
    "system_item",
    "term_type",
    "ttyget",
    "ttyset",
    "terminfo_",
    "crt_size",
]


def reset_session() -> None:
    """Start the terminal afresh: TERM read again, no DATA, no print units (for tests)."""
    from runtime_lib.terminal import inputs, keyboard, screen, terminfo
    from runtime_lib.terminal.printer import reset as reset_printers

    terminfo.clear_cache()
    screen.session.__init__()
    keyboard.keyboard.__init__()
    inputs.input_state.__init__()
    reset_printers()
    _display.reset()


def emit(text: str) -> None:
    """Show runtime text (STOP and ABORT messages, command output) on the display."""
    _display.display_string(text, transparent=False)


def flush() -> None:
    """Send buffered display output to standard output."""
    output.flush()


def start_capture() -> None:
    """EXECUTE ... CAPTURING starts taking the display's output."""
    _display.start_capture()


def end_capture() -> str:
    """EXECUTE ... CAPTURING ends: the captured text."""
    return _display.end_capture()


def cursor(col: object, row: object = None) -> str:
    """@(col [, row]): cursor positioning and screen-control codes (see :mod:`.screen`)."""
    return _at(col, -1 if row is None else row)


def hush(setting: object) -> None:
    """HUSH ON / OFF / expr: stop or resume display output; STATUS() the old setting."""
    if isinstance(setting, str) and setting.upper() in ("ON", "OFF"):
        on = setting.upper() == "ON"
    else:
        on = to_int(setting) != 0
    _basic_state.status = 1 if _display.state.hush else 0
    _display.state.hush = on


def crt_size() -> tuple[int, int]:
    """@CRTWIDE and @CRTHIGH: the display's width and lines per page."""
    unit = _display.dsp()
    return unit.width, unit.lines_per_page


def system_item(number: int):
    """SYSTEM(n) for the terminal's items: 1 to 6 (printer and page), 7 (TERM type)."""
    from runtime_lib.terminal.printer import system_item as _page_item

    if number == 7:
        return term_type()
    return _page_item(number)
