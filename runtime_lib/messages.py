"""Numbered messages for ``STOP n, args`` and ``ABORT n, args`` (Pick ERRMSG).

ScarletDME looks the number up in its ERRMSG file. pick2py has no ERRMSG
file, so the message shows the number and its arguments.
"""

from __future__ import annotations

from runtime_lib.values import to_str


def error_message(number: object, args) -> str:
    """The text of message ``number`` with its arguments."""
    return " ".join([f"[{to_str(number)}]", *[to_str(a) for a in args]])
