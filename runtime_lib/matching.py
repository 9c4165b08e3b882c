"""Pattern matching: the MATCHES operator and MATCHFIELD().

A template is a sequence of parts, each matched in turn (``op_str4.c``,
``match_template``):

- ``nA`` n letters, ``nN`` n digits, ``nX`` n characters of any kind;
- ``0A``, ``0N`` as many letters / digits as the rest of the template allows;
  ``0X`` and ``...`` any number of characters, as few as possible;
- ``n-mA``, ``n-mN``, ``n-mX`` between n and m of them;
- ``'text'`` or ``"text"`` literal text; any other character is a literal
  of one character; a number not followed by A, N, X or ``-`` is literal
  text (``3N-4N`` is three digits, a ``-``, four digits);
- ``~`` before a part negates it (``~1A`` is one non-letter);
- value marks separate alternative templates; the first that matches wins.

Letters and digits are ASCII only and matching is case-sensitive. As in
ScarletDME the source stops at its first CHAR(0), and a template longer than
256 characters is the error "MATCHES template too long".

The matcher reproduces ScarletDME's algorithm, quirks included: ``n-mX``
followed by more template tries only up to m-n-1 extra characters, ``...``
followed by more template never tries the empty remainder, a ``n-m`` range
at the very end of a template is compared as literal text and ends the
match without checking what follows, and MATCHFIELD's part boundaries are
the last ones any attempt (successful or not) recorded.
"""

from __future__ import annotations

from runtime_lib.errors import BasicError
from runtime_lib.values import VM, to_int, to_str

__all__ = ["matches", "matchfield"]

_MAX_TEMPLATE_LEN = 256
_END = "\x00"
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")


class _Match:
    """One MATCHES/MATCHFIELD evaluation: the source and part boundaries.

    ``s`` ends with a CHAR(0) sentinel at index ``end``, as the C string
    does. ``want`` is the part MATCHFIELD asks for (-1 for MATCHES);
    ``start``/``stop`` are where that part and the next one began.
    """

    __slots__ = ("s", "end", "want", "start", "stop")

    def __init__(self, source: str, want: int):
        cut = source.find(_END)
        if cut >= 0:
            source = source[:cut]
        self.s = source + _END
        self.end = len(source)
        self.want = want
        self.start: int | None = None
        self.stop: int | None = None

    def run(self, i: int, t: str, j: int, part: int) -> bool:
        """Match the source from i against template t from j."""
        s = self.s
        end = self.end
        tend = len(t)
        while j < tend:
            part += 1
            if part == self.want:
                self.start = i
            elif part == self.want + 1:
                self.stop = i
            first = j
            negate = t[j] == "~"
            if negate:
                j += 1
            c = t[j] if j < tend else _END

            if c in _DIGITS:
                n, j = _number(t, j)
                code = t[j].upper() if j < tend else _END
                j += 1
                if code == "A" or code == "N":
                    kind = _LETTERS if code == "A" else _DIGITS
                    if n:
                        i = self._take(i, n, kind, negate)
                        if i < 0:
                            return False
                    elif j < tend:
                        run = self._span(i, end - i, kind, negate)
                        return self._backtrack(i, run, t, j, part)
                    else:
                        i += self._span(i, end - i, kind, negate)
                elif code == "X":
                    if n:
                        if end - i < n:
                            return False
                        i += n
                    elif j < tend:
                        while True:
                            if self.run(i, t, j, part):
                                return True
                            if i >= end:
                                return False
                            i += 1
                    else:
                        return True
                elif code == "-":
                    if j >= tend or t[j] not in _DIGITS:
                        return False
                    m, j = _number(t, j)
                    m -= n
                    if m < 0:
                        return False
                    code = t[j].upper() if j < tend else _END
                    j += 1
                    if code == _END:
                        # A trailing "n-m" is literal text and ends the match.
                        text = t[first : j - 1]
                        return s.startswith(text, i) != negate
                    if code == "A" or code == "N":
                        kind = _LETTERS if code == "A" else _DIGITS
                        i = self._take(i, n, kind, negate)
                        if i < 0:
                            return False
                        run = self._span(i, min(m, end - i), kind, negate)
                        if j < tend:
                            return self._backtrack(i, run, t, j, part)
                        i += run
                    elif code == "X":
                        if end - i < n:
                            return False
                        i += n
                        if j < tend:
                            # ScarletDME tries m-n positions, not m-n+1.
                            while m > 0 and i <= end:
                                m -= 1
                                if self.run(i, t, j, part):
                                    return True
                                i += 1
                            return False
                        return end - i <= m
                    else:
                        j -= 1
                        i = self._literal(i, t[first:j], negate)
                        if i < 0:
                            return False
                else:
                    j -= 1
                    i = self._literal(i, t[first:j], negate)
                    if i < 0:
                        return False

            elif t.startswith("...", j):
                j += 3
                if negate:
                    return False
                if j >= tend:
                    return True
                while i < end:
                    if self.run(i, t, j, part):
                        return True
                    i += 1
                return False

            elif c == "'" or c == '"':
                close = t.find(c, j + 1)
                if close < 0:
                    return False
                text = t[j + 1 : close]
                if text:
                    i = self._literal(i, text, negate)
                    if i < 0:
                        return False
                j = close + 1

            else:
                # One literal character; ScarletDME steps past it even when
                # a negated literal meets the end of the source.
                j += 1
                if (s[i] == c) == negate:
                    return False
                i = min(i + 1, end)
        return i >= end

    def _take(self, i: int, n: int, kind: frozenset, negate: bool) -> int:
        """Consume exactly n characters of a class; -1 if they are not there."""
        if self.end - i < n:
            return -1
        for c in self.s[i : i + n]:
            if (c in kind) == negate:
                return -1
        return i + n

    def _span(self, i: int, limit: int, kind: frozenset, negate: bool) -> int:
        """Count up to limit characters of a class from i."""
        s = self.s
        z = 0
        while z < limit and (s[i + z] in kind) != negate:
            z += 1
        return z

    def _backtrack(self, i: int, run: int, t: str, j: int, part: int) -> bool:
        """Try the rest of the template after each length of run, longest first."""
        for p in range(i + run, i - 1, -1):
            if self.run(p, t, j, part):
                return True
        return False

    def _literal(self, i: int, text: str, negate: bool) -> int:
        """Step past literal text; -1 when it (or, negated, its absence) fails."""
        if self.s.startswith(text, i) == negate:
            return -1
        return min(i + len(text), self.end)


def _number(t: str, j: int) -> tuple[int, int]:
    """Read the digits at j; return their value and the index after them."""
    k = j
    while k < len(t) and t[k] in _DIGITS:
        k += 1
    return int(t[j:k]), k


def _templates(template: object) -> list[str]:
    t = template if type(template) is str else to_str(template)
    if len(t) > _MAX_TEMPLATE_LEN:
        raise BasicError("MATCHES template too long")
    cut = t.find(_END)
    if cut >= 0:
        t = t[:cut]
    return t.split(VM)


def _source(s: object) -> str:
    return s if type(s) is str else to_str(s)  # type: ignore[return-value]


def matches(s: object, template: object) -> int:
    """Return 1 if s matches the pattern template, else 0.

    ``s MATCHES template`` (also written ``MATCH``); see the module
    docstring for the template language. ``"" MATCHES ""`` is 1.
    """
    match = _Match(_source(s), -1)
    for t in _templates(template):
        if match.run(0, t, 0, 0):
            return 1
    return 0


def matchfield(s: object, template: object, n: object) -> str:
    """Return the part of s that matched part n of template, or "".

    ``MATCHFIELD(s, template, n)``: parts are numbered from 1 in template
    order (literals count as parts); n below 1 counts as 1 (n is taken as a
    16-bit integer, as ScarletDME does). "" when s does not match.
    """
    want = ((to_int(n) + 0x8000) & 0xFFFF) - 0x8000
    if want < 1:
        want = 1
    match = _Match(_source(s), want)
    for t in _templates(template):
        if match.run(0, t, 0, 0):
            break
    else:
        return ""
    if match.start is None:
        return ""
    if match.stop is not None and match.stop >= match.start:
        return match.s[match.start : match.stop]
    return match.s[match.start : match.end]
