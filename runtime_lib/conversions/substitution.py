"""S and C conversion codes: values built from literals, @ID and @RECORD.

``S;v1;v2`` replaces non-zero data by v1 and zero or empty data by v2
(``op_oconv.c substitution_conversion``). ``C{sep}item{sep}item...`` joins
items (``GPL.BP _CCONV``). An item is a field number of @RECORD (0 for @ID),
a quoted literal or ``*`` for the data itself.

@ID and @RECORD are read from the session state (``state.at_id`` and
``state.at_record``; ``""`` when the session has not set them), which is
where the query processor and READ loops leave them in ScarletDME.
"""

from __future__ import annotations

from runtime_lib.conversions.extraction import extract
from runtime_lib.state import state
from runtime_lib.values import Unassigned, to_str

_DIGITS = frozenset("0123456789")


def record_context() -> tuple[str, str]:
    """Return (@ID, @RECORD) as strings."""
    return (
        to_str(getattr(state, "at_id", "")),
        to_str(getattr(state, "at_record", "")),
    )


def _is_zero_text(s: str) -> bool:
    """True when S treats a string as zero: "", blanks, signs, 0s and a point."""
    seen_sign = seen_digit = seen_point = False
    for c in s:
        if c in _DIGITS:
            if c != "0":
                return False
            seen_digit = True
        elif c == " ":
            continue
        elif c in "+-":
            if seen_digit or seen_sign:
                return False
            seen_sign = True
        elif c == ".":
            if seen_point:
                return False
            seen_point = True
        else:
            return False
    return True


def substitute(value: object, code: str) -> tuple[int, object]:
    """OCONV/ICONV S: v1 for non-zero data, v2 for zero or empty data.

    Each of v1 and v2 is a field number (0 for @ID), a literal in ``'``,
    ``"`` or ``\\``, ``*`` for the data unchanged, or empty for ``""``.
    """
    semicolon = code.find(";")
    if semicolon < 0:
        return 2, value
    rest = code[semicolon + 1 :]
    if isinstance(value, str):
        use_first = not _is_zero_text(value)
    elif type(value) is int or type(value) is float:
        use_first = value != 0
    elif isinstance(value, Unassigned):
        raise value.fail()
    else:
        return 1, value
    split = rest.find(";")
    if split >= 0:
        item = rest[:split] if use_first else rest[split + 1 :]
    else:
        item = rest if use_first else ""
    c = item[:1]
    if c == "":
        return 0, ""
    if c in _DIGITS:
        if not item.isdigit() or not item.isascii():
            return 2, value
        at_id, at_record = record_context()
        field = int(item)
        return 0, at_id if field == 0 else extract(at_record, field)
    if c in ("'", '"', "\\"):
        close = item.find(c, 1)
        if close < 0:
            return 2, value
        return 0, item[1:close]
    if item == "*":
        return 0, value
    return 2, value


def concatenate(value: object, code: str) -> tuple[int, object]:
    """OCONV/ICONV C: the items of the code joined with their separators.

    A separator is any character that is not a digit, quote or mark; ``;``
    joins with nothing and a blank joins with a blank. A malformed code
    gives the data back with status 2.
    """
    parts: list[str] = []
    conv = code
    while True:
        c = conv[:1]
        if c == "":
            break
        if c in (" ", ";"):
            while c in (" ", ";"):
                if c == " ":
                    parts.append(" ")
                conv = conv[1:]
                c = conv[:1]
        elif not (c in _DIGITS or c in ("'", '"', "\\") or ord(c) >= 252):
            parts.append(c)
            conv = conv[1:]
        c = conv[:1]
        if c == "":
            break
        if c in _DIGITS:
            end = 1
            while end < len(conv) and conv[end] in _DIGITS:
                end += 1
            field = int(conv[:end])
            conv = conv[end:]
            at_id, at_record = record_context()
            parts.append(at_id if field == 0 else extract(at_record, field))
        elif c in ("'", '"', "\\"):
            close = conv.find(c, 1)
            if close < 0:
                return 2, value
            parts.append(conv[1:close])
            conv = conv[close + 1 :]
        elif c == "*":
            if isinstance(value, Unassigned):
                raise value.fail()
            parts.append(to_str(value))
            conv = conv[1:]
        else:
            return 2, value
    return 0, "".join(parts)
