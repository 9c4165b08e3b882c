"""Numbered messages: SYSMSG(), GET.MESSAGES() and ``STOP n``/``ABORT n`` texts.

ScarletDME keeps its message texts as records of its ``MESSAGES`` file
(one record per number) and SYSMSG() returns them. pick2py carries the
records it shows itself (the run-time errors, file statement failures, the
pager line, the file commands' replies), in :data:`MESSAGES`; any other
number gives ScarletDME's text for a missing record, ``[n] Message not
found``. A record's lines are joined by field marks.

Pick-style messages (ERRMSG, STOPE, ABORTE) come from the account's own
ERRMSG file instead: see :mod:`runtime_lib.pick_messages`.
"""

from __future__ import annotations

from runtime_lib.state import state
from runtime_lib.values import to_int, to_str

__all__ = ["get_messages", "sysmsg"]

# ScarletDME MESSAGES records, by number: the ones pick2py's own messages
# come from. %1 to %4 are SYSMSG()'s arguments; %s and %d belong to the C
# code that shows a message as an error (SYSMSG() drops them).
MESSAGES: dict[int, str] = {
    1100: "Array subscript out of range|in variable %s",
    1104: "Non-numeric where numeric required|in %s",
    1105: "Unassigned variable|%s",
    1107: "Illegal record id|in %s",
    1108: "Divide by zero error|, variable %s",
    1115: "Invalid print unit",
    1117: "Numeric array element too long",
    1118: "Select list number out of range",
    1119: "File operation not allowed in transaction",
    1133: "GOSUBs nested too deeply",
    1136: "Cannot redimension a Pick style matrix",
    1138: "Data item is not a socket|in %s",
    1139: "Pick style matrices must have at least one element",
    1200: "Requires file variable",
    1202: "Invalid data type",
    1220: "Numeric overflow",
    1221: "Data cannot be converted to a string",
    1222: "LN() attempted for negative value",
    1223: "SQRT() attempted for negative value",
    1232: "MATREAD target is not a matrix",
    1401: "Error %d creating file",
    1402: "Error %d opening file",
    1403: "CLEARFILE on read-only file",
    1404: "Error %d clearing file",
    1405: "Error %d deleting record",
    1406: "Error %d (o/s %d) reading record",
    1407: "Error %d (o/s %d) writing record (Possible full disk?)",
    1408: "Error %d updating record",
    1412: "Error %d in READNEXT",
    1413: "Illegal file type for SELECT",
    1414: "Error %d selecting records",
    1416: "Error %d opening sequential file record",
    1417: "Error %d reading sequential file record",
    1418: "WEOFSEQ on non-sequential file",
    1419: "WEOFSEQ on read-only sequential file",
    1420: "Error %d writing sequential file EOF",
    1421: "Error %d writing line to sequential file",
    1422: "Write error in transaction commit",
    1424: "END TRANSACTION when not in trasnaction",
    1431: "File is read-only",
    1502: "1st,2nd,3rd,4th,5th,6th,7th,8th,9th,10th,11th,12th,13th,14th,15th,16th,17th,18th,19th,20th,21st,22nd,23rd,24th,25th,26th,27th,28th,29th,30th,31st",
    1600: "Illegal mode in TRIM()",
    1601: "Null string as second argument to TRIM()",
    1602: "Substring too long",
    1603: "MATCHES template too long",
    1604: "MATCHES matched string too long",
    1605: "Null substring delimiter",
    1620: "Cannot open ERRMSG while reporting error %1",
    1621: "Cannot locate message in ERRMSG",
    1704: "Printer -1 cannot be redirected",
    1716: "Unable to create print file %d, '%s' [%d]",
    1717: "Write error on hold file %d",
    1750: "Press RETURN to continue",
    1753: "S to suppress pagination",
    1760: "Aborted by user",
    2018: "Unexpected token (%1)",
    2019: "File not found",
    2102: "File name required",
    3241: "Target list name required",
    3250: "Created $SAVEDLISTS",
    3267: "Illegal null list name",
    3268: "Saved select list '%1' not found",
    3269: "Deleted saved select list '%1'",
    3271: "Select list number missing or invalid",
    3273: "Saved select list name missing or invalid",
    3404: "Unexpected token (%1) in correlative expression",
    5001: "Invalid data",
    5080: "Cleared all numbered select lists",
    5081: "Invalid select list number",
    5082: "Cleared numbered select list %1",
    5083: "ALL or select list number required",
    5269: "Invalid select list number",
    6100: "Illegal file name",
    6102: "DATA part of file already exists",
    6104: "DICT part of file already exists",
    6110: "Directory path name does not exist",
    6121: "Dictionary pathname '%1' already exists",
    6123: "Created DICT part as %1",
    6125: "Data pathname '%1' already exists",
    6127: "Created DATA part as %1",
    6129: "Added default '@ID' record to dictionary",
    6130: "No VOC record found for %1",
    6132: "Cannot delete system file %1",
    6139: "DATA part of file does not exist",
    6143: "DICT part of file does not exist",
    6196: "Unable to create %1",
    6413: "COMO file activated to %1",
    6480: "Phantom processes cannot be started within a transaction",
    6481: "Failed to create phantom process",
    6482: "Started phantom user %1",
    6483: "Phantom command missing",
    6713: "Press RETURN to continue",
    7021: "Dictionary entry for %1 has an invalid location field",
    7134: "<No items>",
    7135: "%1  %2 items",
    7136: "Press return to quit, any other key to continue",
    7152: "%1 items",
    7249: "Field name missing in selection clause",
    7254: "Invalid field name '%1'",
    7269: "Dictionary entry for %1 has non-numeric field location",
}


def _substitute(text: str, args: list[str], status: int, os_error: str) -> str:
    """Fill in %1 to %4, %S (STATUS()), %E (OS.ERROR()) and %% (``_MSGARGS``).

    %M (the text of STATUS()'s error) shows the number: pick2py has no
    ERRTEXT table, and the number is what ScarletDME shows for a code it
    has no text for. Any other % and the character after it are dropped.
    Substituted text is not scanned again.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        code = text[i + 1 : i + 2]
        if code in ("1", "2", "3", "4"):
            out.append(args[int(code) - 1])
        elif code in ("S", "M"):
            out.append(str(status))
        elif code == "E":
            out.append(os_error)
        elif code == "%":
            out.append("%")
        i += 2
    return "".join(out)


def sysmsg(number: object, *args: object) -> str:
    """Return the text of a ScarletDME message, its arguments filled in.

    ``SYSMSG(n [, a1 [, a2 [, a3 [, a4]]]])`` (op_sysmsg, ``_MSGARGS``):
    ``%1`` to ``%4`` in the text become the arguments ("" for those not
    given), ``%S`` STATUS(), ``%E`` OS.ERROR(), ``%%`` a percent sign; any
    other ``%x`` disappears. A number pick2py does not carry gives
    ``[n] Message not found``. STATUS() is left as it was.
    """
    from runtime_lib.execute import os_error

    key = to_int(number)
    text = MESSAGES.get(key)
    if text is None:
        text = f"[{key}] Message not found"
    values = [to_str(a) for a in args] + [""] * (4 - len(args))
    if "%" not in text and not args:
        return text
    return _substitute(text, values, state.status, to_str(os_error()))


def get_messages() -> str:
    """Return the messages other users have sent to this one: always "".

    ``GET.MESSAGES()`` reads what the MESSAGE command left for this user
    and removes it (``_GETMSG``). pick2py has no MESSAGE command and no
    other users to send one, so nothing is ever waiting.
    """
    return ""
