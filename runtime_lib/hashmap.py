"""HASHMAP.INIT(), HASHMAP.PUT(), HASHMAP.GET(): the Krowemoh fork's hash map.

The fork (``src/op_hashmap.zig``) keeps one hash map per process. Its rules,
kept here:

- ``HASHMAP.INIT()`` starts a new, empty map (the old one is gone), sets
  STATUS() to 0 and returns the string ``"HASHMAP.INIT"``. The map
  argument of PUT and GET is evaluated and ignored: two "maps" are one.
- A key or a value must be 1 to 1024 bytes long as a string; otherwise PUT
  fails. A key is cut at its first NUL byte, as a C string is.
- A failure (a bad key or value, or a key GET does not find) sets STATUS()
  to 2 and returns 0. PUT returns 1 on success. Success leaves STATUS()
  as it was: the fork sets it only on failure and in INIT.

The fork stores the value's descriptor without counting the reference, so a
string can be freed behind the map's back; here the map is a plain dict
holding the value itself (a number stays a number). Using PUT or GET before
any INIT, which crashes the fork, is a run-time error.
"""

from __future__ import annotations

from runtime_lib.errors import BasicError
from runtime_lib.state import state
from runtime_lib.values import to_str

__all__ = ["hashmap_get", "hashmap_init", "hashmap_put"]

# The fork copies keys and values into 1024-byte C buffers.
MAX_BYTES = 1024

_map: dict[str, object] | None = None


def _c_string(value: object) -> str | None:
    """Return the value as the fork's C buffer holds it, None if it cannot."""
    text = to_str(value)
    if not 0 < len(text) <= MAX_BYTES:
        return None
    return text.split("\0", 1)[0]


def _failed() -> int:
    state.status = 2
    return 0


def _the_map(function: str) -> dict[str, object]:
    if _map is None:
        raise BasicError(f"{function} used before HASHMAP.INIT()")
    return _map


def hashmap_init() -> str:
    """Return ``"HASHMAP.INIT"`` after starting a new, empty map.

    ``map = HASHMAP.INIT()``; STATUS() becomes 0.
    """
    global _map
    _map = {}
    state.status = 0
    return "HASHMAP.INIT"


def hashmap_put(map_: object, key: object, value: object) -> int:
    """Return 1 after storing value under key, 0 (STATUS() 2) if it cannot.

    ``ok = HASHMAP.PUT(map, key, value)``: key and value must each be 1 to
    1024 bytes as strings; the value is kept as it is (numbers stay
    numbers). ``map`` is ignored: there is one map per process.
    """
    if _c_string(value) is None:
        return _failed()
    name = _c_string(key)
    if name is None:
        return _failed()
    _the_map("HASHMAP.PUT()")[name] = value
    return 1


def hashmap_get(map_: object, key: object) -> object:
    """Return the value stored under key, or 0 with STATUS() 2.

    ``value = HASHMAP.GET(map, key)``: a key that is empty, longer than
    1024 bytes or not in the map gives 0 and sets STATUS() to 2; a found
    key leaves STATUS() alone.
    """
    name = _c_string(key)
    if name is None:
        return _failed()
    stored = _the_map("HASHMAP.GET()")
    if name not in stored:
        return _failed()
    return stored[name]
