"""REMOVE pointers handed between a caller and the routine it calls.

ScarletDME keeps a variable's REMOVE pointer in its descriptor and passes
a variable to CALL or a function by address, so a routine that REMOVEs
from its parameter moves the caller's pointer, and starts where the
caller's was: ``SUBROUTINE NEXT.ITEM(LIST, ITEM)`` doing ``REMOVE ITEM
FROM LIST SETTING D`` gives the caller one item after another.

pick2py keeps a pointer in a local beside the variable (``_rm_LIST``), so
it is handed over here, keyed by the value passed: the caller offers its
pointer with :func:`pointer_pass`, a routine that REMOVEs from a parameter
starts from :func:`pointer_take` and offers its own back on the way out
with :func:`pointers_back`, and the caller collects it with
:func:`pointer_back`. A value stands for the variable only while it is the
very object passed: storing into the variable makes a new object, whose
pointer starts again, as storing into a descriptor does.
"""

from __future__ import annotations

__all__ = ["pointer_back", "pointer_pass", "pointer_take", "pointers_back"]

# id(value) -> (value, pointer). Kept small: an entry no one collects (a
# routine called from Python, or by a caller that never REMOVEs from what
# it passed) is only ever needed by the next call with that value.
_offered: dict[int, tuple[object, int]] = {}
_LIMIT = 64


def _offer(value: object, pointer: int) -> None:
    if len(_offered) >= _LIMIT:
        _offered.clear()
    _offered[id(value)] = (value, pointer)


def _collect(value: object) -> int | None:
    entry = _offered.pop(id(value), None)
    if entry is None or entry[0] is not value:
        return None
    return entry[1]


def pointer_pass(value: object, pointer: int) -> None:
    """Offer the REMOVE pointer of a variable passed by reference."""
    _offer(value, pointer)


def pointer_take(value: object) -> int:
    """Return where a routine's REMOVE from its parameter starts: the
    pointer offered with the value passed, else its start (0)."""
    pointer = _collect(value)
    return 0 if pointer is None else pointer


def pointers_back(result: object, *pairs: tuple[object, int]) -> object:
    """Offer the REMOVE pointers of a routine's parameters as it returns
    ``result`` (what it hands back, unchanged)."""
    for value, pointer in pairs:
        _offer(value, pointer)
    return result


def pointer_back(value: object, pointer: int) -> int:
    """Return a caller's REMOVE pointer after a call given ``value``, which
    is still the variable's: the routine's, if it offered one."""
    found = _collect(value)
    return pointer if found is None else found
