"""Pick-style error messages: ERRMSG, STOPE and ABORTE.

``ERRMSG id, arg1, arg2 ...`` shows record ``id`` of the account's ERRMSG
file. Each field of the record is a code that says what to show next
(ScarletDME's ``_PICKMSG``):

- ``A`` / ``An``: the next argument, as it is or left-justified in n
  columns; ``R`` / ``Rn`` the same right-justified;
- ``B``: the bell; ``D``: today's date (``D4/DMY[,A3]``); ``T``: the time
  (``MTS``);
- ``E``: ``[id]`` and the text after the E; ``H``: the text after the H;
- ``L`` / ``Ln``: one or n new lines; ``Sn``: n spaces.

A final new line ends the message. Without an ERRMSG file, or without the
record, ScarletDME's own one-line message says so.
"""

from __future__ import annotations

from runtime_lib import terminal
from runtime_lib.clauses import THEN
from runtime_lib.conversions import date, fmt, oconv, time
from runtime_lib.dynarray import field
from runtime_lib.messages import sysmsg
from runtime_lib.session import session
from runtime_lib.state import state
from runtime_lib.values import FM, IM, to_str

BELL = "\x07"
JUSTIFY = {"A": "L", "R": "R"}


def errmsg(msg_id: object, *args: object) -> None:
    """ERRMSG id, args: show ERRMSG record ``id`` with its arguments on the
    display (STOPE and ABORTE show theirs the same way)."""
    from runtime_lib.files.records import open_file, read

    id = to_str(msg_id) or "NULL"
    outcome, errmsg_file = open_file("", "ERRMSG")
    if outcome != THEN:
        terminal.emit(sysmsg(1620, id) + "\n")
        return
    outcome, record = read(errmsg_file, id)
    if outcome != THEN:
        terminal.emit(f"[{id}] {sysmsg(1621)}\n")
        return
    if id.isdigit() and id.isascii():
        session.system_return_code = int(id)
    text = IM.join(to_str(a) for a in args)
    # _PICKMSG runs as a call level of its own: its FIELDs leave the
    # caller's COL1()/COL2() as they were.
    saved = state.enter_call()
    try:
        text = _format(id, record, text)
    finally:
        state.leave_call(saved)
    terminal.emit(text + "\n")


def _format(id: str, record: str, args: str) -> str:
    out: list[str] = []
    argno = 1
    for code in record.split(FM) if record else []:
        kind, rest = code[:1], code[1:]
        counted = rest == "" or (rest.isdigit() and rest.isascii())
        if kind in JUSTIFY and counted:
            value = field(args, IM, argno)
            argno += 1
            out.append(
                value if rest == "" else to_str(fmt(value, rest + JUSTIFY[kind]))
            )
        elif kind == "B":
            out.append(BELL)
        elif kind == "D":
            out.append(to_str(oconv(date(), "D4/DMY[,A3]")))
        elif kind == "E":
            out.append(f"[{id}]{rest}")
        elif kind == "H":
            out.append(rest)
        elif kind == "L" and counted:
            out.append("\n" * (int(rest) if rest else 1))
        elif kind == "S" and counted:
            out.append(" " * int(rest or 0))
        elif kind == "T":
            out.append(to_str(oconv(time(), "MTS")))
    return "".join(out)
