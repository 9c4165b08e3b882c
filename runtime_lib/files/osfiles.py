"""OSREAD, OSWRITE and OSDELETE: whole operating system files by path.

These are UniVerse and UniData statements (OpenQM has them too; ScarletDME's
GPL build does not), which pick2py accepts in every dialect. A path is
taken from the current folder (the account when run by ``pick2py run``).
The data is the file's bytes, one character per byte, unchanged: newlines
are not turned into field marks, as they are when a directory file's
record is read. None of them takes part in locking.

Outcomes and STATUS():

- OSREAD takes THEN (STATUS() 0) with the data, or ELSE with "" when the
  file cannot be read: 3003 if it does not exist (or is a folder), 3035 if
  permission is refused. Any other operating system failure takes ON
  ERROR with STATUS() 3010, or without ON ERROR stops the program.
- OSWRITE replaces the file (creating it) and OSDELETE removes it; each
  sets STATUS() to 0, or on failure to the code above and takes ON ERROR
  (or ELSE) if the statement has one.
"""

from __future__ import annotations

import errno
import os

from runtime_lib.clauses import ELSE, ON_ERROR, THEN
from runtime_lib.files import codes
from runtime_lib.state import state
from runtime_lib.values import to_str

__all__ = ["osdelete", "osread", "oswrite"]


def _code(exc: OSError) -> int:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR):
        return codes.ER_FNF
    if exc.errno in (errno.EACCES, errno.EPERM):
        return codes.ER_PERM
    return codes.ER_IOE


def osread(path: object, *, has_on_error: bool = False) -> tuple[int, str]:
    """Return (outcome, data) for ``OSREAD var FROM path``."""
    try:
        with open(to_str(path), "rb") as fh:
            data = fh.read()
    except OSError as exc:
        code = _code(exc)
        if code == codes.ER_IOE:
            message = codes.MSG_READ.format(code, exc.errno or 0)
            return codes.fail(code, message, has_on_error), ""
        state.status = code
        return ELSE, ""
    state.status = 0
    return THEN, data.decode("latin-1")


def oswrite(data: object, path: object, *, has_on_error: bool = False) -> int:
    """Return the outcome of ``OSWRITE data TO path``."""
    try:
        with open(to_str(path), "wb") as fh:
            fh.write(to_str(data).encode("latin-1"))
    except OSError as exc:
        state.status = _code(exc)
        return ON_ERROR if has_on_error else ELSE
    state.status = 0
    return THEN


def osdelete(path: object, *, has_on_error: bool = False) -> int:
    """Return the outcome of ``OSDELETE path``."""
    try:
        os.remove(to_str(path))
    except OSError as exc:
        state.status = _code(exc)
        return ON_ERROR if has_on_error else ELSE
    state.status = 0
    return THEN
