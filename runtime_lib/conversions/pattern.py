"""Pattern templates as ScarletDME's MATCHES reads them (``match_template``).

A template is a run of items: ``nA`` letters, ``nN`` digits, ``nX`` any
characters (``0`` means any number), ``n-mA`` style ranges, quoted or bare
literals, ``...`` (same as ``0X``) and ``~`` to negate an item. Letters and
digits are ASCII only. The P conversion code uses this matcher.
"""

from __future__ import annotations

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_ANY = None
_CLASSES = {"A": _LETTERS, "N": _DIGITS}


def matches_template(s: str, template: str) -> bool:
    """True when the whole string matches one template (no ``@VM`` split)."""
    return _match(s, 0, template, 0)


def _match(s: str, si: int, t: str, ti: int) -> bool:
    n_s = len(s)
    n_t = len(t)
    while ti < n_t:
        start = ti
        negate = t[ti] == "~"
        if negate:
            ti += 1
        if ti < n_t and t[ti] in _DIGITS:
            count = 0
            while ti < n_t and t[ti] in _DIGITS:
                count = count * 10 + ord(t[ti]) - 48
                ti += 1
            kind = t[ti].upper() if ti < n_t else ""
            ti += 1
            if kind in _CLASSES:
                chars = _CLASSES[kind]
                if count:
                    for _ in range(count):
                        if si >= n_s or (s[si] in chars) == negate:
                            return False
                        si += 1
                elif ti < n_t:
                    run = si
                    while run < n_s and (s[run] in chars) != negate:
                        run += 1
                    return any(_match(s, k, t, ti) for k in range(run, si - 1, -1))
                else:
                    while si < n_s and (s[si] in chars) != negate:
                        si += 1
            elif kind == "X":
                if count:
                    if si + count > n_s:
                        return False
                    si += count
                elif ti < n_t:
                    return any(_match(s, k, t, ti) for k in range(si, n_s + 1))
                else:
                    return True
            elif kind == "-":
                result = _match_range(s, si, t, ti, start, count, negate)
                if isinstance(result, bool):
                    return result
                si, ti = result
            else:
                # Digits not followed by A, N, X or "-": a literal (with any ~).
                ti -= 1
                literal = t[start:ti]
                if (s.startswith(literal, si)) == negate:
                    return False
                si += len(literal)
        elif t.startswith("...", ti):
            ti += 3
            if negate:
                return False
            if ti < n_t:
                return any(_match(s, k, t, ti) for k in range(si, n_s))
            return True
        elif ti >= n_t:
            # A "~" ending the template compares the end of the string.
            if si >= n_s:
                return False
            si += 1
            break
        elif t[ti] in ("'", '"'):
            close = t.find(t[ti], ti + 1)
            if close < 0:
                return False
            literal = t[ti + 1 : close]
            if literal:
                if s.startswith(literal, si) == negate:
                    return False
                si += len(literal)
            ti = close + 1
        else:
            if (si < n_s and s[si] == t[ti]) == negate:
                return False
            ti += 1
            si += 1
        if si > n_s:
            # A negated literal stepped past the end of the string.
            return False
    return si == n_s


def _match_range(
    s: str, si: int, t: str, ti: int, start: int, low: int, negate: bool
) -> bool | tuple[int, int]:
    """Match an ``n-m`` item; a bool ends the match, else (si, ti) go on."""
    n_s = len(s)
    n_t = len(t)
    if ti >= n_t or t[ti] not in _DIGITS:
        return False
    high = 0
    while ti < n_t and t[ti] in _DIGITS:
        high = high * 10 + ord(t[ti]) - 48
        ti += 1
    extra = high - low
    if extra < 0:
        return False
    kind = t[ti].upper() if ti < n_t else ""
    ti += 1
    if kind == "":
        # A trailing bare literal such as "1-2": matching its text ends the
        # match successfully without looking at the rest of the string.
        literal = t[start : ti - 1]
        return bool(literal) and s.startswith(literal, si) != negate
    if kind in _CLASSES:
        chars = _CLASSES[kind]
        for _ in range(low):
            if si >= n_s or (s[si] in chars) == negate:
                return False
            si += 1
        run = 0
        while run < extra and si + run < n_s and (s[si + run] in chars) != negate:
            run += 1
        if ti < n_t:
            return any(_match(s, k, t, ti) for k in range(si + run, si - 1, -1))
        return si + run, ti
    if kind == "X":
        if si + low > n_s:
            return False
        si += low
        if ti < n_t:
            return any(_match(s, si + k, t, ti) for k in range(extra) if si + k <= n_s)
        return n_s - si <= extra
    ti -= 1
    literal = t[start:ti]
    if s.startswith(literal, si) == negate:
        return False
    if si + len(literal) > n_s:
        return False
    return si + len(literal), ti
