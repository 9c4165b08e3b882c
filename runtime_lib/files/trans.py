"""TRANS(), XLATE(), RTRANS() and the ``Tfile`` conversion code.

ScarletDME runs all of these through BASIC code of its own (``GPL.BP``
``_TRANS`` and ``_TCONV``); this module follows those rules:

- The file is opened by name through the registry, ``"DICT name"`` (or
  ``TRANS(DICT "name", ...)``) naming the dictionary. Files opened this way
  stay open, ten at most, as in ScarletDME's SYSCOM cache; one whose
  folder has gone or been made again (DELETE.FILE, CREATE.FILE) is opened
  afresh, where ScarletDME empties the cache on such events.
- The id may be a list: every id between marks is looked up in turn and the
  results are joined by the same marks.
- Field ``n > 0`` gives that field, ``0`` the id, anything else (negative,
  ``""``) the whole record. TRANS and XLATE lower the marks of what they
  return (``LOWER()``: FM becomes VM, VM becomes SM, ...), RTRANS does not.
- When an id gives ``""`` (record missing, empty id, or an empty field) the
  code decides: ``"C"`` gives the id, ``"V"`` gives ``""`` and displays
  ``TRANS record 'id' not found``, anything else (``"X"``, and ``"N"``,
  which ScarletDME does not know) gives ``""``.
- A file that cannot be opened displays ``Cannot open 'name'`` and gives
  ``""``.
- STATUS() is whatever the last OPEN or READ left: 0 after a record was
  found, 3006 after one was not, OPEN's code when the file could not be
  opened. An empty id reads nothing and leaves STATUS() alone.

A non-numeric field is an I-type expression's object code in ScarletDME;
pick2py compiles no dictionaries, so that is a run-time error here.
"""

from __future__ import annotations

import os
import re

from runtime_lib import compare
from runtime_lib.clauses import THEN
from runtime_lib.dynarray import extract, lower
from runtime_lib.errors import UnsupportedAtRuntime
from runtime_lib.files.account import current_account
from runtime_lib.files.records import FileVar, open_file, read
from runtime_lib.state import state
from runtime_lib.values import SM, VM, is_numeric, to_str, truth

__all__ = ["rtrans", "tfile_conversion", "trans"]

# SYSCOM.H TRANS.FILE.CACHE.SIZE: files past the tenth are opened each time.
CACHE_SIZE = 10

_ID_LIST = re.compile("([\xfb-\xff])")

# (account folder, name as given) -> (identity of the file's folder, open file)
_open_files: dict[tuple[str, str], tuple[tuple[int, int, int], FileVar]] = {}


def _display(text: str) -> None:
    from runtime_lib.terminal import crt

    crt(text)


def _identity(path: str) -> tuple[int, int, int]:
    """What changes when a folder is removed and made again (or added to)."""
    st = os.stat(path)
    return st.st_dev, st.st_ino, st.st_ctime_ns


def _cached(key: tuple[str, str]) -> FileVar | None:
    entry = _open_files.get(key)
    if entry is None:
        return None
    identity, fv = entry
    try:
        if _identity(fv.storage.path) == identity:
            return fv
    except OSError:
        pass
    del _open_files[key]
    return None


def _open(name: str) -> FileVar | None:
    """Return the open file for a TRANS file name, or None (message shown)."""
    key = (current_account().path, name)
    fv = _cached(key)
    if fv is not None:
        return fv
    is_dict = name[:5] == "DICT "
    if is_dict:
        outcome, fv = open_file("DICT", name[5:])
    else:
        outcome, fv = open_file("", name)
    if outcome != THEN:
        # _TRANS puts "DICT " before a name that already starts with it,
        # so the message names "DICT DICT x"; reproduced as shown.
        prefix = "DICT " if is_dict else ""
        _display(f"Cannot open '{prefix}{name}'")
        return None
    if len(_open_files) < CACHE_SIZE:
        path = fv.storage.path  # type: ignore[union-attr]
        _open_files[key] = (_identity(path), fv)  # type: ignore[assignment]
    return fv  # type: ignore[return-value]


def _lookup(fv: FileVar, id: str, field_no: object, lower_marks: bool) -> str:
    """Return what one id translates to ("" when there is nothing)."""
    if not id:
        return ""
    outcome, record = read(fv, id)
    if outcome != THEN:
        return ""
    if not is_numeric(field_no):
        raise UnsupportedAtRuntime(
            f"TRANS() field {to_str(field_no)!r} is an I-type expression, which "
            "needs compiled dictionaries; pick2py supports field numbers only"
        )
    if compare.gt(field_no, 0):
        value = extract(record, field_no)
    elif compare.eq(field_no, 0):
        return id
    else:
        value = record
    return lower(value) if lower_marks else value


def _translate(
    file: object, ids: object, field_no: object, code: object, lower_marks: bool
) -> str:
    name = to_str(file)
    id_list = to_str(ids)
    code_text = to_str(code)
    to_str(field_no)  # an unassigned field number fails here, as in ScarletDME
    fv = _open(name)
    if fv is None:
        return ""
    pieces = _ID_LIST.split(id_list)
    for i in range(0, len(pieces), 2):
        id = pieces[i]
        result = _lookup(fv, id, field_no, lower_marks)
        if result == "":
            if code_text == "C":
                result = id
            elif code_text == "V":
                _display(f"TRANS record '{id}' not found")
        pieces[i] = result
    return "".join(pieces)


def trans(file: object, ids: object, field_no: object, code: object) -> str:
    """Return a field of a record of another file, marks lowered.

    ``TRANS([DICT] file, id, field, code)``, also ``XLATE(...)``. ``file``
    is a registry name, "DICT name" for a dictionary; ``id`` may hold
    several ids separated by marks; ``field`` n > 0 is that field, 0 the
    id, below 0 or "" the whole record. FM, VM and SM in the result become
    VM, SM and TM. ``code`` says what an id that gives "" turns into: "C"
    the id itself, "V" "" with the message ``TRANS record 'id' not found``,
    "X" (or anything else) "". STATUS() is left by the last READ: 0 found,
    3006 not found (see the module docstring for the rest).
    """
    return _translate(file, ids, field_no, code, True)


def rtrans(file: object, ids: object, field_no: object, code: object) -> str:
    """Return what TRANS() returns, without lowering the marks.

    ``RTRANS([DICT] file, id, field, code)`` (Revelation style): the field
    or record comes back with its own marks.
    """
    return _translate(file, ids, field_no, code, False)


def _file_name(spec: str) -> str:
    """Return the registry name a Tfile code names (``_TCONV``)."""
    name = spec.split(";", 1)[0]
    prefix = ""
    if name[:1] == "*":
        prefix, name = "DICT ", name[1:]
    elif name[:5] == "DICT ":
        prefix, name = "DICT ", name[5:]
    if name[:1] in ("'", '"') and name[-1:] == name[:1]:
        return prefix + name[1:-1]
    return prefix + name.lstrip(" ")


def tfile_conversion(value: object, spec: str, for_oconv: bool) -> tuple[int, object]:
    """Return (status, result) of a ``Tfile`` conversion for OCONV or ICONV.

    ``T[DICT |*]file;c[v];[i];[o]`` (text after the T): the file name may be
    quoted; ``c`` is TRANS's code, where "I" means "C" for OCONV and "V" for
    ICONV and "O" the other way round; ``v`` picks that value of the result
    (after TRANS has lowered the marks, so subvalue v of the whole), and
    without it value and subvalue marks become spaces. ``i`` is the field
    ICONV translates through, ``o`` the one OCONV does; an empty one returns
    the data unchanged. The status is what TRANS leaves in STATUS(): 0, or
    3006 when a record is missing, which stops a chain of codes as a failed
    conversion does.
    """
    parts = spec.split(";")
    code = parts[1] if len(parts) > 1 else ""
    position, code = code[1:], code[:1]
    if code == "I":
        code = "C" if for_oconv else "V"
    elif code == "O":
        code = "V" if for_oconv else "C"
    index = 3 if for_oconv else 2
    field_no = parts[index] if len(parts) > index else ""
    if field_no == "":
        return 0, value
    state.status = 0
    result = trans(_file_name(spec), value, field_no, code)
    if truth(position):
        result = extract(result, 1, 1, position)
    else:
        result = result.replace(VM, " ").replace(SM, " ")
    return state.status, result
