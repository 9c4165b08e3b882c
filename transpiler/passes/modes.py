"""$MODE compatibility switches: which ones pick2py honours.

Every mode name BCOMP knows is listed with what pick2py does with it, so a
program never silently runs under different rules than it asked for:

- ``honoured``: the lowering or the runtime follows the mode;
- ``no effect``: the mode changes nothing pick2py does (a warning BCOMP
  gives, a feature pick2py does not have in the first place).

A name not listed is an "unknown $MODE" error.
"""

from __future__ import annotations

MODES = {
    "UV.LOCATE": "honoured",
    "PICK.SUBSTR": "honoured",
    "PICK.SUBSTR.ASSIGN": "honoured",
    "CASE.SENSITIVE": "honoured",
    "COMPATIBLE.APPEND": "honoured",
    "STRING.LOCATE": "honoured",
    "FOR.STORE.BEFORE.TEST": "honoured",
    "PICK.JUMP.RANGE": "honoured",
    "PICK.READ": "honoured",
    "UNASSIGNED.COMMON": "honoured",
    "OPTIONAL.THEN.ELSE": "honoured",
    # BCOMP's warning for a missing final END: pick2py never requires one.
    "OPTIONAL.FINAL.END": "no effect",
    # A compile-time warning about unused variables.
    "TRAP.UNUSED": "no effect",
    "PRCLOSE.DEFAULT.0": "honoured",
    "NO.CASE.INVERT": "honoured",
    "HEADING.NO.EJECT": "honoured",
    "NO.ECHO.DATA": "honoured",
    "PICK.MATRIX": "honoured",
    "PICK.ENTER": "honoured",
    "PICK.ERRMSG": "honoured",
    "COMPOSITE.READNEXT": "honoured",
    "SELECTV": "honoured",
    "TIME.MS": "honoured",
}


def mode_problem(name: str) -> str | None:
    """What is wrong with using a $MODE name, or None if nothing is."""
    status = MODES.get(name)
    if status is None:
        return f"unknown $MODE {name}"
    return None
