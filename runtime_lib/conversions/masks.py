"""Text layout shared by FMT and the masked decimal codes.

``apply_mask`` fills a ``#``/``%``/``*`` mask, ``insert_commas`` adds
thousands separators and ``insert_text_breaks`` folds an over-long value into
text-mark separated lines, each as ``op_oconv.c`` does it.
"""

from __future__ import annotations

from functools import lru_cache

from runtime_lib.values import TM

# op_oconv.c MAX_DATA_STRING_LEN: FMT never builds more than this.
MAX_DATA_LEN = 4096

_MASK_FILLS = {"%": "0", "*": "*"}
_NOT_DIGITS = "".join(chr(c) for c in range(256) if not 48 <= c <= 57)


@lru_cache(maxsize=512)
def _compile_mask(mask: str) -> tuple[tuple[tuple[str, int], ...], int]:
    """Return the mask as (literal text, 0) and (pad kind, count) items, and
    how many data characters it takes.

    A pad kind is ``#``, ``%`` or ``*``; a digit run after one repeats it;
    ``\\`` escapes the next character (a final one ends the mask).
    """
    items: list[tuple[str, int]] = []
    width = 0
    literal: list[str] = []
    i = 0
    n = len(mask)
    while i < n:
        c = mask[i]
        i += 1
        if c in "#%*":
            j = i
            while j < n and "0" <= mask[j] <= "9":
                j += 1
            count = int(mask[i:j]) if j > i else 1
            i = j
            if count:
                if literal:
                    items.append(("".join(literal), 0))
                    literal = []
                items.append((c, count))
                width += count
            continue
        if c == "\\":
            if i >= n:
                break
            c = mask[i]
            i += 1
        literal.append(c)
    if literal:
        items.append(("".join(literal), 0))
    return tuple(items), width


def mask_width(mask: str) -> int:
    """Return how many data characters a mask takes (``#5`` counts 5)."""
    return _compile_mask(mask)[1]


def apply_mask(src: str, mask: str, right_justify: bool, fill_char: str) -> str:
    """Return data laid out by a format mask (``apply_mask``).

    ``#`` takes a data character or the fill character, ``%`` pads with
    ``0`` and ``*`` with ``*``; a digit run after one repeats it; ``\\``
    escapes a literal. A right-justified mask keeps the rightmost data
    characters and pads on the left; a left-justified one drops data the
    mask has no room for. The result stops at 4096 characters.
    """
    items, wanted = _compile_mask(mask)
    pad = 0
    if right_justify:
        if wanted < len(src):
            src = src[len(src) - wanted :]
        else:
            pad = wanted - len(src)
    out: list[str] = []
    pos = 0
    for kind, count in items:
        if not count:
            out.append(kind)
            continue
        mpad = fill_char if kind == "#" else _MASK_FILLS[kind]
        if pad:
            take = min(pad, count)
            out.append(mpad * take)
            pad -= take
            count -= take
        if count:
            data = src[pos : pos + count]
            pos += len(data)
            out.append(data)
            if len(data) < count:
                out.append(mpad * (count - len(data)))
    text = "".join(out)
    return text if len(text) <= MAX_DATA_LEN else text[:MAX_DATA_LEN]


def insert_commas(s: str, thousands: str, decimal: str) -> str:
    """Return a number's text with a separator between groups of three.

    Only the part before the decimal character is grouped, and no
    separator follows a character that is not a digit (a leading sign).
    """
    if not thousands:
        return s
    point = s.find(decimal) if decimal else -1
    n = point if point >= 0 else len(s)
    if n <= 3:
        return s
    head = s[:n]
    lead = len(head) - len(head.lstrip(_NOT_DIGITS))
    digits = head[lead:]
    if digits.isdigit() and digits.isascii() and digits[0] != "0":
        # Signs and symbols before plain digits: group the digits alone.
        grouped = format(int(digits), ",")
        if thousands != ",":
            grouped = grouped.replace(",", thousands)
        return head[:lead] + grouped + s[n:]
    group = n % 3 or 3
    out = []
    pos = 0
    while n > 3:
        chunk = s[pos : pos + group]
        out.append(chunk)
        if "0" <= chunk[-1] <= "9":
            out.append(thousands)
        pos += group
        group = 3
        n -= 3
    out.append(s[pos:])
    return "".join(out)


def insert_text_breaks(s: str, width: int, pad_char: str, word_align: bool) -> str:
    """Return a value folded into lines of ``width``, joined by text marks.

    Each line is padded to the width. With ``word_align`` (FMT's ``T``
    justification) a line breaks at the last blank that fits and that blank
    is dropped.
    """
    out: list[str] = []
    p = 0
    remaining = len(s)
    while True:
        take = min(width, remaining)
        skip = 0
        if word_align and remaining > width:
            for x in range(take, 0, -1):
                if s[p + x] == " ":
                    take = x
                    skip = 1
                    break
        out.append(s[p : p + take])
        if take < width:
            out.append(pad_char * (width - take))
        take += skip
        p += take
        remaining -= take
        if not remaining:
            break
        out.append(TM)
    return "".join(out)
