"""COMO: keep a copy of what the display shows in a record of $COMO.

``EXECUTE "COMO ON name"`` (ScarletDME's GPL.BP ``COMO`` verb) starts a
log in the record ``name`` of the account's ``$COMO`` directory file,
written afresh, and holds an update lock on that record while the log is
open; ``COMO OFF`` closes it. In between, everything the display shows
goes to the log as well (op_tio.c writes each display string to the como
file unless HUSH hides it or EXECUTE ... CAPTURING takes it), escape
sequences included. The log closes with the process.

The messages and @SYSTEM.RETURN.CODE values are the verb's:

- ``COMO ON`` without a name: "Record name required after ON keyword", -1
  (ER$ARGS); any other action: "Unrecognised COMO action", -1.
- ``COMO ON`` while a log is open: "COMO file already active as name",
  -1005 (ER$IN.USE).
- ``COMO OFF`` with none open: "No COMO file active", -2 (ER$NCOMO).

"COMO file activated to name" is shown once the log is open, so it starts
the log; "COMO file deactivated" once it is closed, so it is not in it.
PHANTOM's own log is a $COMO record too (:mod:`runtime_lib.phantom`).
"""

from __future__ import annotations

import os
from typing import BinaryIO

from runtime_lib import terminal
from runtime_lib.commands import command
from runtime_lib.files.codes import ER_ARGS
from runtime_lib.values import FM

__all__ = ["COMO_NAME", "como_command", "como_folder"]

COMO_NAME = "$COMO"
ER_NCOMO = 2  # ERR.H ER$NCOMO: COMO file not active
ER_IN_USE = 1005  # ERR.H ER$IN.USE: item is in use


class _Log:
    """The open log: its file, its record name and the file variable of
    $COMO that holds the record's lock."""

    def __init__(self) -> None:
        self.file: BinaryIO | None = None
        self.record = ""
        self.como_file: object = None


_log = _Log()


@command("COMO")
def como_command(words: list[str], sentence: str) -> int:
    """COMO ON name | COMO OFF."""
    action = words[1].upper() if len(words) > 1 else ""
    if action == "ON":
        if len(words) < 3:
            terminal.emit("Record name required after ON keyword\n")
            return -ER_ARGS
        return _como_on(words[2])
    if action == "OFF":
        return _como_off()
    terminal.emit("Unrecognised COMO action\n")
    return -ER_ARGS


def _como_on(record: str) -> int:
    from runtime_lib.files import records

    if _log.file is not None:
        terminal.emit(f"COMO file already active as {_log.record}\n")
        return -ER_IN_USE
    path = os.path.join(como_folder(), record)
    _outcome, como_file = records.open_file("", COMO_NAME)
    # Waits while another process logs to the same record, as the verb's
    # RECORDLOCKU does.
    records.recordlock(como_file, record, "U")
    terminal.flush()
    _log.file = open(path, "wb")
    _log.record = record
    _log.como_file = como_file
    terminal.output.log = _log.file
    terminal.emit(f"COMO file activated to {record}\n")
    return 0


def _como_off() -> int:
    from runtime_lib.files import records

    if _log.file is None:
        terminal.emit("No COMO file active\n")
        return -ER_NCOMO
    terminal.flush()
    terminal.output.log = None
    _log.file.close()
    _log.file = None
    records.close(_log.como_file)  # releases the record's lock
    _log.como_file = None
    terminal.emit("COMO file deactivated\n")
    return 0


def como_folder() -> str:
    """The folder of the account's $COMO directory file, made if missing."""
    from runtime_lib.files.account import current_account

    account = current_account()
    record = account.read_voc(COMO_NAME)
    if record is not None:
        fields = record.split(FM)
        if len(fields) > 1 and fields[1]:
            path = account.absolute(fields[1])
            os.makedirs(path, exist_ok=True)
            return path
    path = os.path.join(account.path, COMO_NAME)
    os.makedirs(path, exist_ok=True)
    account.write_voc(COMO_NAME, "File for COMO output" + FM + COMO_NAME)
    return path
