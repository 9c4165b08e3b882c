"""Screen codes: ``@(col, row)``, the negative ``@()`` codes and TERMINFO().

The session's terminal type is ``TERM`` (``vt100`` when it is empty, as
ScarletDME's login does), read once. Its description comes from
:mod:`.terminfo`; the display size is ``LINES``/``COLUMNS`` when they are
numbers, else the description's ``lines``/``cols``, else 24 x 80, and at
least 10 x 20 (ScarletDME's LOGIN). The actual window size is not asked
for: ScarletDME does not either.

Each ``@()`` code is one capability of the description (op_at in
``op_tio.c``):

====  ==========================  ====  ==========================
code  capability                  code  capability
====  ==========================  ====  ==========================
-1    clear (line count to 0)     -18   dl1, or dl with n
-2    home (line count to 0)      -19   ich1 repeated n times
-3    ed                          -22   dch1 repeated n times
-4    el                          -23   mc5
-5    blink                       -24   mc4
-6    sgr0                        -31   cvvis
-9    cub1 repeated n times       -32   civis
-10   cuu1 repeated n times       -33   cud1 repeated n times
-11   dim                         -34   cuf1 repeated n times
-12   sgr0                        -37   setf (colour n)
-13   rev                         -38   setb (colour n)
-14   sgr0                        -54   slt
-15   smul                        -55   rlt
-16   rmul                        -58   bold
-17   il1, or il with n           -59   sgr0
-100 to -107: u0 to u7; -108, -109: u8, u9 with a string argument
====  ==========================  ====  ==========================

Other codes give "". ``@(col)`` is ``hpa`` (or CR then ``cuf``, or CR and
``cuf1`` repeated), ``@(0)`` a carriage return, ``@(col, row)`` is
``cup`` when row is on the screen; a column beyond the width gives "".
"""

from __future__ import annotations

import os
import re
from typing import Optional

from runtime_lib.terminal import terminfo
from runtime_lib.values import FM, to_int, to_str

DEFAULT_LINES = 24
DEFAULT_COLUMNS = 80
MIN_LINES = 10
MIN_COLUMNS = 20

# Codes that are one capability, as they are.
_PLAIN = {
    -1: "clear",
    -2: "home",
    -3: "ed",
    -4: "el",
    -5: "blink",
    -6: "sgr0",
    -11: "dim",
    -12: "sgr0",
    -13: "rev",
    -14: "sgr0",
    -15: "smul",
    -16: "rmul",
    -23: "mc5",
    -24: "mc4",
    -31: "cvvis",
    -32: "civis",
    -54: "slt",
    -55: "rlt",
    -58: "bold",
    -59: "sgr0",
}
# Codes that repeat a capability n times (n at least 1, at most a limit).
_REPEATED = {
    -9: ("cub1", "width"),
    -10: ("cuu1", "lines"),
    -19: ("ich1", None),
    -22: ("dch1", None),
    -33: ("cud1", "lines"),
    -34: ("cuf1", "width"),
}

# TERMINFO()'s fields, in order (ScarletDME's TERMINFO.H); "#" marks a number.
TERMINFO_FIELDS = (
    "cols# lines# cr ff nel bel ht cbt clear el ed hpa cup cub1 cub cuf1 cuf cuu1 "
    "cuu cud1 cud home dch1 dl1 dl ich1 il1 il blink bold dim rev smul sgr0 rmul "
    "mc4 mc5 ind ri setf setb u0 u1 u2 u3 u4 u5 u6 u7 u8 u9 kbs kcbt kcub1 kcuf1 "
    "kcuu1 kcud1 knp kpp kind kri khome kend kent khlp kprt kclr kich1 kil1 kdch1 "
    "kdl1 kel ked kf0 kf1 kf2 kf3 kf4 kf5 kf6 kf7 kf8 kf9 kf10 kf11 kf12 kLFT kRIT "
    "kIC kDC kDL kEND kEOL kHOM kmous slt rlt ku0 ku1 ku2 ku3 ku4 ku5 ku6 ku7 ku8 "
    "ku9 sreg rreg dreg cvvis civis xmc#"
).split()


class Session:
    """The terminal type in use and its description."""

    def __init__(self) -> None:
        self.loaded = False
        self.name = ""
        self.description: Optional[terminfo.Description] = None

    def load(self) -> None:
        """Read TERM and its description, the first time only."""
        if self.loaded:
            return
        self.loaded = True
        name = os.environ.get("TERM", "").strip() or "vt100"
        self.description = terminfo.lookup(name)
        self.name = name.lower() if self.description is not None else ""


session = Session()


def description() -> Optional[terminfo.Description]:
    """Return the session terminal's description (None if the type is unknown)."""
    session.load()
    return session.description


def term_type() -> str:
    """@TERM.TYPE and SYSTEM(7): the terminal type name ("" if unknown)."""
    session.load()
    return session.name


def capability(cap: str) -> str:
    """Return a string capability of the session's terminal ("" if absent)."""
    found = description()
    return found.string(cap) if found is not None else ""


def number(cap: str) -> int:
    """Return a numeric capability of the session's terminal (-1 if absent)."""
    found = description()
    return found.number(cap) if found is not None else -1


def screen_size() -> tuple[int, int]:
    """Return the display's (width, lines) as ScarletDME's login works them out."""
    lines = _size("LINES", "lines", DEFAULT_LINES, MIN_LINES)
    width = _size("COLUMNS", "cols", DEFAULT_COLUMNS, MIN_COLUMNS)
    return width, lines


def _size(variable: str, cap: str, default: int, least: int) -> int:
    text = os.environ.get(variable, "")
    value = int(text) if re.fullmatch(r"\d+", text) else number(cap)
    if value <= 0:
        value = default
    return max(value, least)


def at(code: object, arg: object = -1) -> str:
    """@(col [, row]) and @(-code [, n]): the screen control string.

    Evaluating ``@(col, row)`` with col >= 0 turns the display's pager off;
    ``@(-1)`` and ``@(-2)`` count display lines from the top again.
    """
    from runtime_lib.terminal import display

    col = to_int(code)
    unit = display.dsp()
    if col >= 0:
        display.set_pagination(False)
        return _position(col, to_int(arg), unit.width, unit.lines_per_page)
    if col in (-108, -109):
        return terminfo.tparm(capability("u8" if col == -108 else "u9"), to_str(arg))
    n = to_int(arg)
    if col in (-1, -2):
        unit.line = 0
    if col in _PLAIN:
        return capability(_PLAIN[col])
    if col in _REPEATED:
        cap, limit = _REPEATED[col]
        n = max(n, 1)
        if limit == "width":
            n = min(n, unit.width)
        elif limit == "lines":
            n = min(n, unit.lines_per_page)
        return capability(cap) * n
    if col in (-17, -18):
        single, many = ("il1", "il") if col == -17 else ("dl1", "dl")
        return capability(single) if n < 1 else parameterised(many, n)
    if col in (-37, -38):
        return parameterised("setf" if col == -37 else "setb", _colour(n))
    if -107 <= col <= -100:
        return capability(f"u{-(col + 100)}")
    return ""


def _position(col: int, row: int, width: int, lines: int) -> str:
    if col >= width:
        return ""
    if 0 <= row < lines:
        return parameterised("cup", row, col)
    if col == 0:
        return "\r"
    if capability("hpa"):
        return parameterised("hpa", col)
    if capability("cuf"):
        return "\r" + parameterised("cuf", col)
    return "\r" + capability("cuf1") * col


def parameterised(cap: str, *params: int) -> str:
    """Return a parameterised capability expanded, noting what it does.

    The display's copy of the screen (:mod:`.shadow`) learns from this what
    the string will do when it reaches the terminal.
    """
    from runtime_lib.terminal import display, shadow

    text = terminfo.tparm(capability(cap), *params)
    if text:
        display.state.shadow.remember(text, shadow.action(cap, params))
    return text


def _colour(n: int) -> int:
    """Map a BASIC colour number through the terminal's ``colourmap``, if any."""
    mapping = capability("colourmap")
    if not mapping:
        return n
    parts = mapping.split("|")
    if 0 <= n < len(parts) and parts[n].strip():
        try:
            return int(parts[n])
        except ValueError:
            return n
    return n


def terminfo_(cap: object = "") -> str:
    """TERMINFO([cap]): one capability, or the standard list as a dynamic array.

    A numeric or boolean capability gives its number ("" if absent, booleans
    0 or 1); a string capability its value ("" if absent). With no name,
    the fields of ScarletDME's TERMINFO.H, starting with the terminal type.
    """
    name = to_str(cap)
    found = description()
    if name:
        if name in terminfo.NUMBERS:
            value = found.number(name) if found is not None else -1
            return str(value) if value >= 0 else ""
        if name in terminfo.BOOLEANS:
            return "1" if found is not None and name in found.flags else "0"
        return capability(name)
    fields = [term_type()]
    for item in TERMINFO_FIELDS:
        if item.endswith("#"):
            fields.append(str(number(item[:-1])))
        else:
            fields.append(capability(item))
    return FM.join(fields)
