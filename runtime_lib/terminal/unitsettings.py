"""GETPU() and SETPU: reading and changing a print unit's settings (op_tio.c).

The keys are ScarletDME's ``PU$`` numbers (``KEYS.H``). pick2py models the
page shape, the page position and where a unit prints; the keys for
spooler and PCL printer options (forms, banners, copies, CPI, ...) change
nothing pick2py prints, so using one is a run-time error rather than a
setting that is kept and ignored.

STATUS() is 0 after a good call, 1006 for a key ScarletDME does not know,
1007 for a print unit number out of range, 1009 for a mode or location
the unit cannot take.
"""

from __future__ import annotations

from runtime_lib.errors import BasicError, UnsupportedAtRuntime
from runtime_lib.state import state
from runtime_lib.terminal.printer import _set_mode as set_print_mode
from runtime_lib.terminal.printer import find_unit, printers
from runtime_lib.terminal.units import (
    DISPLAY,
    HIGHEST_UNIT,
    PRINTER_LINES,
    PRINTER_WIDTH,
    TO_DISPLAY,
    TO_FILE,
    TO_PRINTER,
    PrintUnit,
)
from runtime_lib.values import to_int, to_str

PU_DEFINED, PU_MODE, PU_WIDTH, PU_LENGTH = 0, 1, 2, 3
PU_TOPMARGIN, PU_BOTMARGIN, PU_LEFTMARGIN = 4, 5, 6
PU_LOCATION, PU_PAGENUMBER = 11, 15
PU_LINESLEFT, PU_HEADERLINES, PU_FOOTERLINES, PU_DATALINES = 1002, 1003, 1004, 1005
PU_PRINTER_NAME, PU_FILE_NAME, PU_LINENO = 1017, 1018, 2000
# Spooler and PCL settings: known to ScarletDME, not modelled here.
UNMODELLED = {7, 9, 10, 12} | set(range(1006, 1017))

ER_BAD_KEY = 1006
ER_PRT_UNIT = 1007
ER_MODE = 1009

# ScarletDME's PRINT_TO_... numbers.
MODES = {TO_DISPLAY: 0, TO_PRINTER: 1, TO_FILE: 3}


def _unit(number: object):
    """The unit GETPU/SETPU name (unit 0 is the printer), or None (STATUS() 1007)."""
    n = to_int(number)
    if n < DISPLAY or n > HIGHEST_UNIT:
        state.status = ER_PRT_UNIT
        return None
    return find_unit(n, True)


def _unmodelled(what: str, key: int) -> None:
    raise UnsupportedAtRuntime(f"{what} key {key} is not supported yet")


def getpu(key: object, unit: object) -> object:
    """GETPU(key, unit): one setting of a print unit (op_getpu).

    Key 0 asks whether the unit has been used (the display always has);
    1 the mode (0 display, 1 printer, 3 file), 2 the width, 3 the page
    length, 4 to 6 the top, bottom and left margins, 11 where it prints
    (the file in file mode, else the printer name), 15 the page number,
    1002 the data lines left on the page (one fewer on the display, for the
    pager's prompt), 1003 and 1004 the heading's and footing's lines, 1005
    the data lines of a page, 1017 the printer name, 1018 the file name,
    2000 the line the next output goes on (1 when a new page is due).
    Another key gives 0 with STATUS() 1006.
    """
    state.status = 0
    code = to_int(key)
    if code == PU_DEFINED:
        n = to_int(unit)
        return 1 if n == DISPLAY or n in printers.units else 0
    if code in UNMODELLED:
        _unmodelled("GETPU", code)
    pu = _unit(unit)
    if pu is None:
        return 0
    value = _get(pu, code)
    if value is None:
        state.status = ER_BAD_KEY
        return 0
    return value


def _get(pu: PrintUnit, code: int) -> object:
    if code == PU_MODE:
        return MODES[pu.mode]
    if code == PU_LINESLEFT:
        return pu.data_lines - pu.line - (1 if pu.unit < 0 else 0)
    if code == PU_LOCATION:
        return (pu.file_name if pu.mode == TO_FILE else pu.printer_name) or ""
    if code == PU_LINENO:
        line = pu.line + 1
        return 1 if line > pu.data_lines else line
    simple = {
        PU_WIDTH: pu.width,
        PU_LENGTH: pu.lines_per_page,
        PU_TOPMARGIN: pu.top_margin,
        PU_BOTMARGIN: pu.bottom_margin,
        PU_LEFTMARGIN: pu.left_margin,
        PU_PAGENUMBER: pu.page_no,
        PU_HEADERLINES: pu.heading_lines,
        PU_FOOTERLINES: pu.footing_lines,
        PU_DATALINES: pu.data_lines,
        PU_PRINTER_NAME: pu.printer_name or "",
        PU_FILE_NAME: pu.file_name or "",
    }
    return simple.get(code)


def setpu(key: object, unit: object, value: object) -> None:
    """SETPU key, unit, value: change one setting of a print unit (op_setpu).

    The keys as for GETPU(). A negative width or page length is the
    printer default (80, 66), a negative margin 0; a page number below 1
    is 1. Changing the page length or a margin changes the data lines of
    a page. Mode 0, 1 or 3 moves the unit to the display, its printer or
    its file (modes 4 to 6, standard error, the auxiliary port and print
    and hold, are not supported; another number is STATUS() 1009, as is a
    location for a unit printing to the display). Keys GETPU() only reads
    (0, 1002 to 1005, 2000) and unknown keys are STATUS() 1006.
    """
    state.status = 0
    code = to_int(key)
    if code in UNMODELLED:
        _unmodelled("SETPU", code)
    pu = _unit(unit)
    if pu is None:
        return
    if code == PU_MODE:
        _set_mode(pu, to_int(value))
    elif code in (PU_WIDTH, PU_LENGTH, PU_TOPMARGIN, PU_BOTMARGIN, PU_LEFTMARGIN):
        _set_shape(pu, code, to_int(value))
    elif code == PU_PAGENUMBER:
        pu.page_no = max(to_int(value), 1)
    elif code == PU_LOCATION:
        if pu.mode == TO_DISPLAY:
            state.status = ER_MODE
        elif pu.mode == TO_FILE:
            pu.file_name = to_str(value) or None
        else:
            pu.printer_name = to_str(value) or None
    elif code == PU_PRINTER_NAME:
        pu.printer_name = to_str(value) or None
    elif code == PU_FILE_NAME:
        pu.file_name = to_str(value) or None
    else:
        state.status = ER_BAD_KEY


def _set_shape(pu: PrintUnit, code: int, n: int) -> None:
    if code == PU_WIDTH:
        pu.width = n if n >= 0 else PRINTER_WIDTH
    elif code == PU_LENGTH:
        pu.lines_per_page = n if n >= 0 else PRINTER_LINES
    elif code == PU_TOPMARGIN:
        pu.top_margin = max(n, 0)
    elif code == PU_BOTMARGIN:
        pu.bottom_margin = max(n, 0)
    else:
        pu.left_margin = max(n, 0)
    pu.set_data_lines()


def _set_mode(pu: PrintUnit, mode: int) -> None:
    if mode in (4, 5, 6):
        raise UnsupportedAtRuntime(f"SETPU print mode {mode} is not supported yet")
    modes = {number: name for name, number in MODES.items()}
    if mode not in modes:
        state.status = ER_MODE
        return
    if pu.unit < 0 and modes[mode] != TO_DISPLAY:
        raise BasicError("Printer -1 cannot be redirected")
    set_print_mode(pu, modes[mode])


# PRINTER.SETTING()'s parameters (LPTR$ in KEYS.H).
LPTR_DEFAULTS = {1: PRINTER_WIDTH, 2: PRINTER_LINES, 3: 0, 4: 0, 5: 0}
LPTR_SHAPE = {1: PU_WIDTH, 2: PU_LENGTH, 3: PU_TOPMARGIN, 4: PU_BOTMARGIN}
LPTR_SHAPE[5] = PU_LEFTMARGIN
LPTR_UNMODELLED = {11: "spooler flags", 15: "copies"}


def printer_setting(unit: object, param: object, value: object) -> object:
    """PRINTER.SETTING(unit, param, value): set and return a page setting (op_pset).

    Parameters 1 to 5 are the width, page length and top, bottom and left
    margins: a value of -1 restores the default, 0 or more sets it, -2 (or
    any other negative) only reports it. 6 to 8 report the data, heading
    and footing lines of a page, 9 the mode, 10 where the unit prints, 12
    the line the next output goes on, 13 the page it will be on, 14 the
    data lines left. ``PRINTER SETTING [ON unit] param, value`` does the
    same and drops the result. Another parameter is "Unrecognised printer
    setting key"; 11 (spooler flags) and 15 (copies) are not supported.
    """
    key = to_int(param)
    n = to_int(value)
    pu = find_unit(unit, True)
    if key in LPTR_SHAPE:
        if n >= -1:
            _set_shape(pu, LPTR_SHAPE[key], LPTR_DEFAULTS[key] if n == -1 else n)
        return _get(pu, LPTR_SHAPE[key])
    if key == 13:
        return pu.page_no + (1 if pu.line >= pu.data_lines else 0)
    if key == 14:
        return pu.data_lines - pu.line - (1 if pu.unit < 0 else 0)
    queries = {6: PU_DATALINES, 7: PU_HEADERLINES, 8: PU_FOOTERLINES, 9: PU_MODE}
    queries.update({10: PU_LOCATION, 12: PU_LINENO})
    if key in queries:
        return _get(pu, queries[key])
    if key in LPTR_UNMODELLED:
        raise UnsupportedAtRuntime(
            f"PRINTER.SETTING of {LPTR_UNMODELLED[key]} is not supported yet"
        )
    raise BasicError("Unrecognised printer setting key")
