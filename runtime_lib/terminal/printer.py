"""PRINT and the print units: PRINTER ON/OFF/CLOSE/RESET, PRINT ON n, HEADING,
FOOTING and PAGE.

PRINT goes to the display unless PRINTER ON sends it to print unit 0 (the
printer); ``PRINT ON n`` goes to unit n, where unit 0 is the display while
the printer is off and -1 is always the display. CRT and DISPLAY always go
to the display.

Printer output never reaches standard output. It is written to the
account's ``$HOLD`` folder, the hold file of ScarletDME, which the runtime
creates (and registers in the account's VOC) when it first prints:

- units 1 to 255 print to a hold file named ``P<n>`` as in ScarletDME,
  started afresh when the unit starts a new job;
- unit 0, the printer, makes one spool file per job, ``P0_<nnnn>``
  (numbered 0001 upward), where ScarletDME would pass the job to ``lp``;
- PRINTER FILE ON n file, record sends unit n to that record of a
  directory file instead; PRINTER DISPLAY ON n sends it to the display.

A job ends with PRINTER CLOSE (all units, or ``ON n``), when the unit is
sent somewhere else, and when the process ends. Pages follow
ScarletDME's ``to_file.c``: a unit with a HEADING or FOOTING prints the
heading at the top of each page and the footing at the bottom (after blank
lines), with a form feed between pages; a page of 0 lines never ends.
"""

from __future__ import annotations

import atexit
import os
from typing import Optional

from runtime_lib.errors import BasicError
from runtime_lib.terminal import display, headings
from runtime_lib.terminal.units import (
    DISPLAY,
    HIGHEST_UNIT,
    PRINTER,
    PRINTER_LINES,
    PRINTER_WIDTH,
    TO_DISPLAY,
    TO_FILE,
    TO_PRINTER,
    PrintUnit,
)
from runtime_lib.values import FM, to_int, to_str

HOLD_FILE = "$HOLD"
_FLUSH_SIZE = 16384


class Printers:
    """The print units other than the display, and the PRINTER ON flag."""

    def __init__(self) -> None:
        self.printer_on = False
        self.units: dict[int, PrintUnit] = {}
        self.in_footer = False


printers = Printers()


def reset() -> None:
    """Forget every print unit and turn the printer off (for tests)."""
    printers.units.clear()
    printers.printer_on = False
    printers.in_footer = False


def _new_unit(number: int) -> PrintUnit:
    mode = TO_PRINTER if number == PRINTER else TO_FILE
    unit = PrintUnit(number, mode, PRINTER_LINES, PRINTER_WIDTH)
    printers.units[number] = unit
    return unit


def find_unit(number: object, printer_on: Optional[bool] = None) -> PrintUnit:
    """Return the print unit a statement names (tio_find_printer).

    Unit 0 is the display unless ``printer_on`` (PRINTER ON by default);
    -1 is the display; other units up to 255 are made on first use.
    """
    n = to_int(number)
    on = printers.printer_on if printer_on is None else printer_on
    if n == DISPLAY or (n == PRINTER and not on):
        return display.dsp()
    if n < DISPLAY or n > HIGHEST_UNIT:
        raise BasicError("Invalid print unit")
    return printers.units.get(n) or _new_unit(n)


# --- PRINT ---------------------------------------------------------------------


def print_(value: object = "", newline: bool = True) -> None:
    """PRINT: to the display, or to the printer while PRINTER ON."""
    unit = find_unit(PRINTER) if printers.printer_on else display.dsp()
    _print(unit, to_str(value), newline)


def print_on(unit: object, value: object = "", newline: bool = True) -> None:
    """PRINT ON n: to print unit n (0 is the display unless PRINTER ON)."""
    _print(find_unit(unit), to_str(value), newline)


def crt(value: object = "", newline: bool = True) -> None:
    """CRT and DISPLAY: always to the display."""
    _print(display.dsp(), to_str(value), newline)


def _print(unit: PrintUnit, text: str, newline: bool) -> None:
    if unit.mode == TO_DISPLAY:
        display.print_line(text, newline)
        if display.state.interactive:
            display.output.flush()
        return
    write_unit(unit, text + ("\n" if newline else ""))


def print_string(unit: PrintUnit, text: str, transparent: bool = False) -> None:
    """Send text to a unit of any kind (tio_print_string)."""
    if unit.mode == TO_DISPLAY:
        display.display_string(text, transparent)
    else:
        write_unit(unit, text)


# --- writing to a hold or spool file ------------------------------------------------


def write_unit(unit: PrintUnit, text: str) -> None:
    """Write text to a printer or file unit, with its pages (to_file)."""
    if unit.path is None:
        _start_job(unit)
    while text:
        if not printers.in_footer:
            if unit.data_lines and unit.line == unit.data_lines:
                _page_footer(unit)
            if unit.header_next:
                unit.header_next = False
                _page_header(unit)
        cut, kind = _next_control(text)
        if cut:
            if unit.col == 0 and unit.left_margin:
                _emit(unit, " " * unit.left_margin)
                unit.col = unit.left_margin
            _emit(unit, text[:cut])
            unit.col += cut
            text = text[cut:]
        if kind == "\n":
            _emit(unit, "\n")
            unit.line += 1
        elif kind == "\f":
            _page_footer(unit)
            unit.header_next = True
        elif kind == "\r":
            _emit(unit, "\r")
        if kind:
            text = text[1:]
            unit.col = 0


def _next_control(text: str) -> tuple[int, str]:
    """Return (length of plain text, the newline, form feed or CR after it).

    A newline is looked for first, then a form feed or CR before it, as
    to_file.c does (so a newline at the very start wins).
    """
    cut = text.find("\n")
    kind = "\n" if cut >= 0 else ""
    if cut < 0:
        cut = len(text)
    for mark in ("\f", "\r"):
        if cut:
            found = text.find(mark, 0, cut)
            if found >= 0:
                cut, kind = found, mark
    return cut, kind


def _emit(unit: PrintUnit, text: str) -> None:
    unit.chunks.append(text)
    unit.size += len(text)
    unit.has_output = True
    if unit.size >= _FLUSH_SIZE:
        _flush_unit(unit)


def _flush_unit(unit: PrintUnit) -> None:
    if not unit.chunks or unit.path is None or unit.owner != os.getpid():
        unit.chunks.clear()
        unit.size = 0
        return
    data = "".join(unit.chunks).encode("latin-1", "replace")
    unit.chunks.clear()
    unit.size = 0
    try:
        with open(unit.path, "ab") as handle:
            handle.write(data)
    except OSError as exc:
        raise BasicError(f"Write error on hold file {unit.unit}") from exc


def _page_footer(unit: PrintUnit) -> None:
    if not unit.header_next and unit.footing is not None:
        printers.in_footer = True
        try:
            while unit.line < unit.data_lines:
                _emit(unit, "\n")
                unit.line += 1
            _emit_heading_footing(unit, False)
        finally:
            printers.in_footer = False
    unit.page_no += 1
    unit.line = 0
    unit.header_next = True


def _page_header(unit: PrintUnit) -> None:
    if unit.has_output:
        _emit(unit, "\r\f")
    for _ in range(unit.top_margin):
        write_unit(unit, "\n")
    unit.col = 0
    if unit.heading_lines:
        _emit_heading_footing(unit, True)
    unit.line = 0


def _emit_heading_footing(unit: PrintUnit, is_heading: bool) -> None:
    template = unit.heading if is_heading else unit.footing
    text, _ = headings.expand(template or "", unit.page_no, unit.width)
    lines = text.split(FM)
    for i, line in enumerate(lines):
        write_unit(unit, line)
        if i < len(lines) - 1:
            write_unit(unit, "\n")
            unit.line = 0
    if text and is_heading:
        write_unit(unit, "\n")


def _hold_folder() -> str:
    """The account's $HOLD folder, made (and registered) on first use."""
    from runtime_lib.files.account import current_account

    account = current_account()
    folder = os.path.join(account.path, HOLD_FILE)
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
    try:
        if account.read_voc(HOLD_FILE) is None:
            account.write_voc(HOLD_FILE, "F" + FM + HOLD_FILE)
    except Exception:
        pass  # the folder is still there to read
    return folder


def _job_path(unit: PrintUnit) -> str:
    if unit.file_name is not None:
        return unit.file_name
    folder = _hold_folder()
    if unit.mode == TO_FILE:
        return os.path.join(folder, f"P{unit.unit}")
    numbers = [0]
    prefix = f"P{unit.unit}_"
    for name in os.listdir(folder):
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            numbers.append(int(name[len(prefix) :]))
    job = max(numbers) + 1
    while True:
        path = os.path.join(folder, f"{prefix}{job:04d}")
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            return path
        except FileExistsError:
            job += 1


def _start_job(unit: PrintUnit) -> None:
    """Open a unit's hold or spool file for a new job (start_file)."""
    try:
        path = _job_path(unit)
        with open(path, "wb"):
            pass
    except OSError as exc:
        raise BasicError(
            f"Unable to create print file {unit.unit}, '{unit.file_name or HOLD_FILE}'"
            f" [{exc.errno or 0}]"
        ) from exc
    unit.path = path
    unit.owner = os.getpid()
    unit.active = True
    unit.header_next = True
    unit.col = 0
    unit.has_output = False
    _ensure_exit_hook()


def _end_job(unit: PrintUnit) -> None:
    """Finish a unit's job: last footing, then close its file (end_file)."""
    if unit.path is None:
        return
    if unit.owner == os.getpid():
        _page_footer(unit)
    _flush_unit(unit)
    unit.path = None
    unit.active = False
    unit.has_output = False


_exit_hook = False


def _ensure_exit_hook() -> None:
    global _exit_hook
    if not _exit_hook:
        _exit_hook = True
        atexit.register(close_all)


def close_all() -> None:
    """End every open print job (the process is ending)."""
    for unit in list(printers.units.values()):
        try:
            _end_job(unit)
        except BasicError:
            pass


# --- PRINTER statements -----------------------------------------------------------


def printer(action: str, unit: object = None) -> None:
    """PRINTER ON / OFF / CLOSE [ON n] / RESET.

    PRINTER CLOSE with no unit closes every unit (the display's footing is
    printed if a page is under way), resets headings, footings and page
    numbers, and turns PRINTER ON off when unit 0 is closed.
    """
    if action == "ON":
        printers.printer_on = True
    elif action == "OFF":
        printers.printer_on = False
    elif action == "CLOSE":
        printer_close(-2 if unit is None else unit)
    elif action == "RESET":
        printer_reset()


def printer_close(unit: object = -2) -> None:
    """PRINTER CLOSE [ON n]: end print jobs (-2: all units)."""
    low = to_int(unit)
    high = HIGHEST_UNIT if low == -2 else low
    targets = [display.dsp()] + [printers.units[n] for n in sorted(printers.units)]
    for target in targets:
        if not low <= target.unit <= high:
            continue
        if target.mode == TO_DISPLAY:
            if target.footing is not None and target.line != 0:
                display.display_footer()
        else:
            _end_job(target)
        target.active = target.has_output = False
        if target.unit == PRINTER:
            printers.printer_on = False
        target.heading = target.footing = None
        target.set_data_lines()
        target.page_no = 1
        target.line = 0


def printer_reset() -> None:
    """PRINTER RESET: printer off, the display's heading and footing gone, page 1."""
    printers.printer_on = False
    unit = display.dsp()
    display.set_pagination(True)
    unit.page_no = 1
    unit.heading = unit.footing = None
    unit.set_data_lines()


def printer_file(unit: object, file_name: object, record: object) -> int:
    """PRINTER FILE ON n file, record: unit n prints to a record of a directory file.

    Returns 0 when the file is a directory file of the account, else a
    non-zero status (the ELSE clause).
    """
    from runtime_lib.files.account import current_account

    target = find_unit(unit, True)
    if target.unit < 0:
        raise BasicError("Printer -1 cannot be redirected")
    account = current_account()
    name = to_str(file_name)
    entry = account.read_voc(name)
    folder = None
    if entry is not None:
        fields = entry.split(FM)
        if len(fields) > 1 and fields[0][:1].upper() == "F":
            folder = account.absolute(fields[1])
    if folder is None or not os.path.isdir(folder):
        return 1
    _set_mode(target, TO_FILE)
    target.file_name = os.path.join(folder, to_str(record))
    return 0


def printer_display(unit: object) -> int:
    """PRINTER DISPLAY ON n: unit n prints to the display."""
    target = find_unit(unit, True)
    if target.unit < 0:
        raise BasicError("Printer -1 cannot be redirected")
    _set_mode(target, TO_DISPLAY)
    return 0


def printer_name(unit: object, name: object) -> int:
    """PRINTER NAME ON n name: unit n prints to the named printer (its spool)."""
    target = find_unit(unit, True)
    if target.unit < 0:
        raise BasicError("Printer -1 cannot be redirected")
    _set_mode(target, TO_PRINTER)
    target.printer_name = to_str(name) or None
    return 0


def _set_mode(unit: PrintUnit, mode: str) -> None:
    if unit.mode != mode:
        _end_job(unit)
        unit.mode = mode
        unit.file_name = None


# --- HEADING, FOOTING, PAGE ------------------------------------------------------


def heading(text: object, unit: object = 0, no_eject: bool = False) -> None:
    """HEADING [NO.EJECT] [ON n] text: set a unit's page heading.

    Unless NO.EJECT, or when the unit has printed nothing yet, the current
    page ends (display: footing, pager and a cleared screen; printer: form
    feed) and the heading comes with the next output. "" removes it.
    """
    target = find_unit(unit)
    eject = not no_eject or not target.has_output
    target.set_heading(to_str(text))
    if eject:
        if target.heading is not None and target.line != 0:
            if target.mode == TO_DISPLAY:
                display.new_page()
            else:
                write_unit(target, "\f")
        target.line = 0
        target.col = 0
        target.header_next = True
    target.set_data_lines()


def footing(text: object, unit: object = 0) -> None:
    """FOOTING [ON n] text: set a unit's page footing ("" removes it)."""
    find_unit(unit).set_footing(to_str(text))


def page(unit: object = 0, number: object = None) -> None:
    """PAGE [ON n] [page]: end the current page now; optionally set the next page's number."""
    target = find_unit(unit)
    if target.mode == TO_DISPLAY:
        display.new_page()
    else:
        write_unit(target, "\f")
    if number is not None and to_int(number) >= 0:
        target.page_no = to_int(number)


# --- what SYSTEM() and @-variables report ---------------------------------------------


def default_unit() -> PrintUnit:
    """The unit PRINT uses now: the printer while PRINTER ON, else the display."""
    if printers.printer_on:
        return printers.units.get(PRINTER) or _new_unit(PRINTER)
    return display.dsp()


def system_item(number: int) -> Optional[int]:
    """SYSTEM(1) to SYSTEM(6): PRINTER ON, and the default unit's page state.

    1 printer on; 2 page width; 3 page length; 4 lines left on the page
    (one fewer on the display, for the pager's line); 5 page number; 6 line
    number on the page.
    """
    if number == 1:
        return 1 if printers.printer_on else 0
    unit = default_unit()
    if number == 2:
        return unit.width
    if number == 3:
        return unit.lines_per_page
    if number == 4:
        left = unit.data_lines - unit.line
        return left if printers.printer_on else left - 1
    if number == 5:
        return unit.page_no
    if number == 6:
        return 1 if unit.line >= unit.data_lines else unit.line + 1
    return None
