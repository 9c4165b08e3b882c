"""B, B64, IF, IL and IS conversion codes: booleans, base64, binary numbers.

Binary numbers are byte strings (one character per byte); a trailing ``L``
or ``H`` on IF/IL/IS picks low-byte-first or high-byte-first, and no suffix
means the machine order ScarletDME was built for (little-endian, x86).
"""

from __future__ import annotations

import struct

from runtime_lib.conversions.numbers import as_number, get_int
from runtime_lib.values import Unassigned, to_str, truth

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUES = {c: i for i, c in enumerate(_B64)}


def _string(value: object) -> str:
    if type(value) is str:
        return value  # type: ignore[return-value]
    if isinstance(value, Unassigned):
        raise value.fail()
    return to_str(value)


def oconv_boolean(value: object) -> tuple[int, object]:
    """OCONV B: "Y" when the value is true in BASIC, else "N"."""
    return 0, "Y" if truth(value) else "N"


def iconv_boolean(value: object) -> tuple[int, object]:
    """ICONV B: 1 for "Y", 0 for "N" (either case) or ""; else status 1."""
    s = _string(value)
    if s == "":
        return 0, 0
    if len(s) == 1 and s in "YyNn":
        return 0, 1 if s in "Yy" else 0
    return 1, value


def oconv_base64(value: object) -> tuple[int, object]:
    """OCONV B64: the bytes of the value in base64, "=" padded, no breaks."""
    data = _string(value).encode("latin-1")
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i : i + 3]
        bits = int.from_bytes(chunk.ljust(3, b"\0"), "big")
        quad = [_B64[(bits >> shift) & 63] for shift in (18, 12, 6, 0)]
        if len(chunk) < 3:
            quad[3] = "="
        if len(chunk) < 2:
            quad[2] = "="
        out.append("".join(quad))
    return 0, "".join(out)


def iconv_base64(value: object) -> tuple[int, object]:
    """ICONV B64: decoded bytes; characters outside the alphabet are skipped.

    "=" counts as noise too, so a final group of 2 or 3 characters gives
    1 or 2 bytes and a lone final character gives none.
    """
    values = [_B64_VALUES[c] for c in _string(value) if c in _B64_VALUES]
    out = bytearray()
    for i in range(0, len(values), 4):
        group = values[i : i + 4]
        bits = 0
        for v in group + [0] * (4 - len(group)):
            bits = bits << 6 | v
        out += bits.to_bytes(3, "big")[: len(group) - 1]
    return 0, out.decode("latin-1")


def parse_byte_order(code: str) -> str | None:
    """Return the struct byte order for the text after IF/IL/IS, or None."""
    if code == "" or code[0] == "L":
        return "<"
    if code[0] == "H":
        return ">"
    return None


def oconv_float(value: object, order: str | None) -> tuple[int, object]:
    """OCONV IF: the first 8 bytes of the value as an IEEE double.

    Shorter data is read as if padded with zero bytes (ScarletDME reads
    past the end of the string there).
    """
    if order is None:
        return 2, value
    s = _string(value)
    if s == "":
        return 1, value
    data = s[:8].encode("latin-1").ljust(8, b"\0")
    return 0, struct.unpack(order + "d", data)[0]


def oconv_integer(value: object, order: str | None, size: int) -> tuple[int, object]:
    """OCONV IL/IS: a 4- or 2-byte binary integer (IS sign-extends).

    The data must be exactly that many bytes (status 1 otherwise); ""
    stays "".
    """
    if order is None:
        return 2, value
    s = _string(value)
    if s == "":
        return 0, value
    if len(s) != size:
        return 1, value
    fmt = order + ("i" if size == 4 else "h")
    return 0, struct.unpack(fmt, s.encode("latin-1"))[0]


def iconv_float(value: object, order: str | None) -> tuple[int, object]:
    """ICONV IF: the value as 8 bytes of IEEE double."""
    if order is None:
        return 2, value
    number = float(as_number(value))
    return 0, struct.pack(order + "d", number).decode("latin-1")


def iconv_integer(value: object, order: str | None, size: int) -> tuple[int, object]:
    """ICONV IL/IS: the integer's low 4 or 2 bytes."""
    if order is None:
        return 2, value
    number = get_int(value) & (0xFFFFFFFF if size == 4 else 0xFFFF)
    return 0, number.to_bytes(size, "little" if order == "<" else "big").decode(
        "latin-1"
    )
