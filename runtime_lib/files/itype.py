"""ITYPE(): the value a dictionary record gives for the current record.

ScarletDME runs the compiled object code kept in an I-type (or C-, A- or
S-type) record after its fifteenth field mark (op_misc.c ``itype()``).
A record without object code goes to GPL.BP ``_ITYPE`` instead, which
handles the types that need no code: a D-type, or an A- or S-type without
a correlative, gives its field of ``@RECORD`` (field 0 is ``@ID``, 9998 the
field count and 9999 the length); anything else is the fatal error
``Invalid I-type``. pick2py compiles no dictionaries, so compiled object
code (from a ScarletDME account) is a run-time error saying so.
"""

from __future__ import annotations

import re

from runtime_lib.dynarray import dcount, extract
from runtime_lib.errors import BasicError, UnsupportedAtRuntime
from runtime_lib.values import FM, to_str

__all__ = ["itype"]

# header.h HDR_MAGIC and HDR_MAGIC_INVERSE: the first byte of object code.
_OBJECT_CODE = ("\x64", "\x65")
_DIGITS = re.compile("[0-9]+")  # BASIC's '1N0N'


def itype(record: object) -> object:
    """ITYPE(dict.rec): evaluate a dictionary record against @RECORD and @ID."""
    from runtime_lib.session import at

    text = to_str(record)
    kind = text[:1].upper()
    code = ""
    if kind in ("I", "C", "A", "S"):
        parts = text.split(FM, 15)
        code = parts[15] if len(parts) > 15 else ""
    if code[:1] in _OBJECT_CODE:
        raise UnsupportedAtRuntime(
            "ITYPE() of a dictionary record's compiled object code is not supported"
        )
    if kind == "D":
        field_no = extract(text, 2, 0, 0)
    elif kind in ("A", "S") and extract(text, 8, 0, 0) == "":
        field_no = extract(text, 2, 0, 0)
    else:
        raise BasicError("Invalid I-type")
    if not _DIGITS.fullmatch(field_no):
        raise BasicError("Invalid I-type")
    n = int(field_no)
    current = to_str(at("RECORD"))
    if n == 0:
        return at("ID")
    if n == 9998:
        return dcount(current, FM)
    if n == 9999:
        return len(current)
    return extract(current, n, 0, 0)
