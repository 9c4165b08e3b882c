"""Character-level string intrinsics: case, classification, codes, quoting.

ScarletDME's character classes are ASCII only (``ctype.c``): letters are
A-Z and a-z, digits 0-9, and UPCASE/DOWNCASE leave every other byte,
accented Latin-1 letters included, unchanged. Python's own ``str.upper``
would change those, so non-ASCII text goes through fixed tables here.

Rules come from ``op_str1.c`` (CHAR, SEQ, UPCASE, DOWNCASE), ``op_str4.c``
(ALPHA, SOUNDEX), ``op_str5.c`` (CHECKSUM, QUOTE, SQUOTE, SWAPCASE) and
``op_misc.c`` (EBCDIC, ASCII).
"""

from __future__ import annotations

import string

from runtime_lib.values import to_int, to_str

__all__ = [
    "upcase",
    "downcase",
    "swapcase",
    "alpha",
    "seq",
    "char",
    "soundex",
    "quote",
    "dquote",
    "squote",
    "checksum",
    "ebcdic",
    "ascii_",
]

_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_SWAP = str.maketrans(
    string.ascii_lowercase + string.ascii_uppercase,
    string.ascii_uppercase + string.ascii_lowercase,
)


def _text(value: object) -> str:
    return value if type(value) is str else to_str(value)  # type: ignore[return-value]


def upcase(s: object) -> str:
    """Return s with the ASCII letters a-z made upper case (``UPCASE(s)``)."""
    s = _text(s)
    return s.upper() if s.isascii() else s.translate(_UPPER)


def downcase(s: object) -> str:
    """Return s with the ASCII letters A-Z made lower case (``DOWNCASE(s)``)."""
    s = _text(s)
    return s.lower() if s.isascii() else s.translate(_LOWER)


def swapcase(s: object) -> str:
    """Return s with the case of every ASCII letter inverted (``SWAPCASE(s)``).

    ScarletDME's op_swapcase stops advancing at the first non-letter, so it
    only swaps the leading run of letters (``SWAPCASE("Hello World")`` gives
    "hELLO World"). That is a defect, not a documented behaviour, and it is
    not reproduced: every letter is swapped ("hELLO wORLD"), which is what
    ScarletDME gives for the letter-only strings its recorded case uses.
    """
    s = _text(s)
    return s.swapcase() if s.isascii() else s.translate(_SWAP)


def alpha(s: object) -> int:
    """Return 1 if s is non-empty and all ASCII letters, else 0 (``ALPHA``)."""
    s = _text(s)
    return 1 if s.isascii() and s.isalpha() else 0


def seq(s: object) -> int:
    """Return the code (0-255) of the first character of s, 0 for ""."""
    s = _text(s)
    return ord(s[0]) if s else 0


def char(n: object) -> str:
    """Return the one-character string with code n (``CHAR(n)``).

    n is truncated to an integer and taken modulo 256, so ``CHAR(256)`` is
    ``CHAR(0)``, ``CHAR(-1)`` is ``CHAR(255)`` and ``CHAR(65.7)`` is "A".
    """
    return chr(to_int(n) & 0xFF)


_LETTERS = frozenset(string.ascii_letters)

# ScarletDME's SOUNDEX digit for each letter A-Z ("0" means not coded).
_SOUNDEX_CODES = dict(zip(string.ascii_uppercase, "01230120022455012623010202"))


def soundex(s: object) -> str:
    """Return the four-character SOUNDEX code of s (``SOUNDEX(s)``).

    ScarletDME's variant: non-letters are ignored; the first letter is kept;
    a later letter adds its digit unless the digit is 0 or the letter is the
    same letter as the last one coded (so H and W do not separate codes,
    but repeated different letters with one digit do). ``SOUNDEX("Pfister")``
    is P123, ``SOUNDEX("Ashcraft")`` is A226 and ``SOUNDEX("")`` is 0000.
    """
    code = ""
    last = ""
    for c in _text(s):
        if c not in _LETTERS:
            continue
        c = c.upper()
        if not code:
            code = last = c
            continue
        digit = _SOUNDEX_CODES[c]
        if digit != "0" and c != last:
            code += digit
            if len(code) == 4:
                return code
            last = c
    return code.ljust(4, "0")


def quote(s: object) -> str:
    """Return s in double quotes (``QUOTE(s)``, ``DQUOTE(s)``); no escaping."""
    return '"' + _text(s) + '"'


dquote = quote


def squote(s: object) -> str:
    """Return s in single quotes (``SQUOTE(s)``); no escaping."""
    return "'" + _text(s) + "'"


def checksum(s: object) -> int:
    """Return ScarletDME's 32-bit CHECKSUM of s as a signed integer.

    ``CHECKSUM(s)`` (op_checksum): for each byte the sum is rotated left by
    one bit and XORed with the byte as a *signed* C char, so bytes of 128
    and more (marks included) are sign-extended:
    ``CHECKSUM("a" : @FM : "b")`` is -485.
    """
    total = 0
    for c in _text(s):
        byte = ord(c)
        if byte >= 0x80:
            byte |= 0xFFFFFF00
        total = (((total << 1) | (total >> 31)) & 0xFFFFFFFF) ^ byte
    return total - 0x100000000 if total & 0x80000000 else total


def _ebcdic_table() -> dict[int, int]:
    # ScarletDME's ASCII-to-EBCDIC table is code page 037 for 0-127 except
    # for four punctuation characters; bytes of 128 and more are unchanged.
    table = {i: chr(i).encode("cp037")[0] for i in range(128)}
    table.update({ord("["): 0x80, ord("]"): 0x90, ord("^"): 0x5F, ord("|"): 0x6A})
    return table


_TO_EBCDIC = _ebcdic_table()
# EBCDIC() is one-to-one on 0-127; ASCII() inverts it and maps every other
# byte to "?".
_TO_ASCII = {i: ord("?") for i in range(256)}
_TO_ASCII.update({e: a for a, e in _TO_EBCDIC.items()})


def ebcdic(s: object) -> str:
    """Return s with ASCII characters (0-127) converted to EBCDIC codes."""
    return _text(s).translate(_TO_EBCDIC)


def ascii_(s: object) -> str:
    """Return s read as EBCDIC and converted to ASCII (``ASCII(s)``).

    Bytes with no ASCII equivalent in ScarletDME's table become "?".
    """
    return _text(s).translate(_TO_ASCII)
