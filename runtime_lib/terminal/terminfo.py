"""Terminal descriptions: what a terminal type's capabilities are.

ScarletDME reads its own compiled terminfo database (one file per terminal
type, built from its ``terminfo.src``) for the type named by ``TERM`` (or
``vt100`` when ``TERM`` is empty), and every screen code a program sees,
``@(-1)`` to the pager's cursor move, is a capability of that description.
The same source format is understood here, and a description is found in
this order:

1. the files listed in ``PICK2PY_TERMINFO`` (``:``-separated paths of
   terminfo source files, e.g. ScarletDME's own ``terminfo.src``), so any
   of ScarletDME's definitions can be used exactly;
2. the built-in definitions below, transcribed from ScarletDME's database
   for the common types (``xterm`` and ``xterm-256color`` differ from the
   ncurses ones: ``sgr0`` is ``ESC[m`` followed by SI);
3. the system's terminfo database, through :mod:`curses`;
4. otherwise the type is unknown and every capability is empty, as in
   ScarletDME when its database has no entry.

:func:`tparm` expands a parameterised string with terminfo's ``%``
language (stack machine with ``%p1``, ``%d``, ``%i``, ``%?..%t..%e..%;``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Optional

# Capability names that are numbers or booleans; every other name is a
# string capability (terminfo(5)).
NUMBERS = frozenset(
    "cols it lines lm xmc pb vt wsl nlab lh lw ma wnum colors pairs ncv".split()
)
BOOLEANS = frozenset(
    """bw am xsb xhp xenl eo gn hc km hs in da db mir msgr os eslok xt hz ul
    xon nxon mc5i chts nrrmc npc ndscr ccc bce hls xhpa crxm daisy xvpa sam
    cpix lpix""".split()
)

# ScarletDME's definitions of the types most sessions use, in terminfo
# source form. Only the capabilities the runtime can show a program are
# listed (screen codes, TERMINFO(), key bindings).
BUILTIN_SOURCE = r"""
xterm|X11 terminal emulator,
    am, xenl, km, mir, msgr, mc5i, bce,
    cols#80, it#8, lines#24, colors#8, pairs#64,
    cbt=\E[Z, bel=^G, cr=\r, csr=\E[%i%p1%d;%p2%dr, tbc=\E[3g,
    clear=\E[H\E[2J, el=\E[K, ed=\E[J, hpa=\E[%i%p1%dG,
    cup=\E[%i%p1%d;%p2%dH, cud1=\n, home=\E[H, civis=\E[?25l, cub1=\b,
    cnorm=\E[?25h, cuf1=\E[C, cuu1=\E[A, cvvis=\E[?25h, dch1=\E[P,
    dl1=\E[M, smacs=^N, blink=\E[5m, bold=\E[1m, smcup=\E[?1048h\E[?1047h,
    smir=\E[4h, invis=\E[8m, rev=\E[7m, smso=\E[7m, smul=\E[4m,
    ech=\E[%p1%dX, rmacs=^O, sgr0=\E[m^O, rmcup=\E[?1047l\E[?1048l,
    rmir=\E[4l, rmso=\E[27m, rmul=\E[24m, flash=\E[?5h\E[?5l, il1=\E[L,
    kbs=^?, kdch1=\E[3~, kcud1=\EOB, kf1=\EOP, kf10=\E[21~, kf2=\EOQ,
    kf3=\EOR, kf4=\EOS, kf5=\E[15~, kf6=\E[17~, kf7=\E[18~, kf8=\E[19~,
    kf9=\E[20~, khome=\E[1~, kich1=\E[2~, kcub1=\EOD, knp=\E[6~, kpp=\E[5~,
    kcuf1=\EOC, kcuu1=\EOA, dch=\E[%p1%dP, dl=\E[%p1%dM, cud=\E[%p1%dB,
    ich=\E[%p1%d@, il=\E[%p1%dL, cub=\E[%p1%dD, cuf=\E[%p1%dC,
    cuu=\E[%p1%dA, mc0=\E[i, mc4=\E[4i, mc5=\E[5i, rc=\E8,
    vpa=\E[%i%p1%dd, sc=\E7, ind=\n, ri=\EM, ht=\t, kend=\E[4~, kent=\EOM,
    kf11=\E[23~, kf12=\E[24~, el1=\E[1K, u6=\E[%i%d;%dR, u7=\E[6n,
    op=\E[39;49m,
    setf=\E[3%?%p1%{1}%=%t4%e%p1%{3}%=%t6%e%p1%{4}%=%t1%e%p1%{6}%=%t3%e%p1%d%;m,
    setb=\E[4%?%p1%{1}%=%t4%e%p1%{3}%=%t6%e%p1%{4}%=%t1%e%p1%{6}%=%t3%e%p1%d%;m,
    kmous=\E[M, setaf=\E[3%p1%dm, setab=\E[4%p1%dm

xterm-256color|X11 terminal emulator with 256 colors,
    colors#16, pairs#256, use=xterm

vt100|vt100-am|dec vt100 (w/advanced video),
    am, xenl, msgr, xon,
    cols#80, it#8, lines#24, vt#3,
    bel=^G, cr=\r, csr=\E[%i%p1%d;%p2%dr, tbc=\E[3g, clear=\E[H\E[J,
    el=\E[K, ed=\E[J, cup=\E[%i%p1%d;%p2%dH, cud1=\n, home=\E[H, cub1=^H,
    cuf1=\E[C, cuu1=\E[A, smacs=^N, blink=\E[5m, bold=\E[1m, rev=\E[7m,
    smso=\E[7m, smul=\E[4m, rmacs=^O, sgr0=\E[m^O, rmso=\E[m, rmul=\E[m,
    kbs=^H, kcud1=\EOB, kf0=\EOy, kf1=\EOP, kf10=\EOX, kf2=\EOQ, kf3=\EOR,
    kf4=\EOS, kf5=\EOT, kf6=\EOU, kf7=\EOV, kf8=\EOL, kf9=\EOW, kcub1=\EOD,
    kcuf1=\EOC, kcuu1=\EOA, cud=\E[%p1%dB, cub=\E[%p1%dD, cuf=\E[%p1%dC,
    cuu=\E[%p1%dA, rc=\E8, sc=\E7, ind=\n, ri=\EM, ht=^I, kent=\EOM,
    el1=\E[1K, khome=\E[H

linux|linux console,
    am, xenl, eo, mir, msgr, xon, ccc, bce,
    it#8, colors#8, pairs#64, ncv#18,
    bel=^G, cr=\r, csr=\E[%i%p1%d;%p2%dr, tbc=\E[3g, clear=\E[H\E[J,
    el=\E[K, ed=\E[J, hpa=\E[%i%p1%dG, cup=\E[%i%p1%d;%p2%dH, cud1=\n,
    home=\E[H, civis=\E[?25l\E[?1c, cub1=\b, cnorm=\E[?25h\E[?0c,
    cuf1=\E[C, cuu1=\E[A, cvvis=\E[?25h\E[?8c, dch1=\E[P, dl1=\E[M,
    blink=\E[5m, bold=\E[1m, dim=\E[2m, rev=\E[7m, smso=\E[7m, smul=\E[4m,
    sgr0=\E[0;10m, rmso=\E[27m, rmul=\E[24m, ich1=\E[@, il1=\E[L, kbs=^?,
    kdch1=\E[3~, kcud1=\E[B, kf1=\E[[A, kf10=\E[21~, kf2=\E[[B, kf3=\E[[C,
    kf4=\E[[D, kf5=\E[[E, kf6=\E[17~, kf7=\E[18~, kf8=\E[19~, kf9=\E[20~,
    khome=\E[1~, kich1=\E[2~, kcub1=\E[D, knp=\E[6~, kpp=\E[5~, kcuf1=\E[C,
    kcuu1=\E[A, nel=\r\n, dch=\E[%p1%dP, dl=\E[%p1%dM, ich=\E[%p1%d@,
    il=\E[%p1%dL, vpa=\E[%i%p1%dd, ind=\n, ri=\EM, ht=\t, kcbt=\E[Z,
    kend=\E[4~, kf11=\E[23~, kf12=\E[24~, el1=\E[1K, u6=\E[%i%d;%dR,
    u7=\E[6n, kmous=\E[M, setaf=\E[3%p1%dm, setab=\E[4%p1%dm

dumb|80-column dumb tty,
    am,
    cols#80,
    bel=^G, cr=\r, cud1=\n, ind=\n
"""


@dataclass
class Description:
    """One terminal type's capabilities."""

    name: str
    strings: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def string(self, cap: str) -> str:
        """Return a string capability, "" when the terminal lacks it."""
        return self.strings.get(cap, "")

    def number(self, cap: str) -> int:
        """Return a numeric capability, -1 when the terminal lacks it."""
        return self.numbers.get(cap, -1)


# --- terminfo source format ----------------------------------------------------

_ESCAPES = {
    "E": "\x1b",
    "e": "\x1b",
    "n": "\n",
    "l": "\n",
    "r": "\r",
    "t": "\t",
    "b": "\b",
    "f": "\f",
    "s": " ",
    "^": "^",
    "\\": "\\",
    ",": ",",
    ":": ":",
    "0": "\x80",
}


def decode_value(text: str) -> str:
    """Return a capability value with its escapes (``\\E``, ``^X``, ``\\nnn``) decoded."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            octal = re.match(r"[0-7]{3}", text[i + 1 :])
            if octal:
                out.append(chr(int(octal.group(0), 8) or 0x80))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
        elif c == "^" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\x7f" if nxt == "?" else chr(ord(nxt.upper()) & 0x1F))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _split_tokens(body: str) -> list[str]:
    """Split an entry's text on the commas that are not escaped."""
    tokens: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            current.append(body[i : i + 2])
            i += 2
            continue
        if c == ",":
            tokens.append("".join(current).strip())
            current = []
        else:
            current.append(c)
        i += 1
    tokens.append("".join(current).strip())
    return [t for t in tokens if t]


def parse_source(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """Return the entries of a terminfo source text.

    Each entry is keyed by every one of its names (lower case) and holds
    (names, capability tokens). An entry starts on a line beginning with a
    non-blank character; continuation lines are indented. ``#`` lines are
    comments.
    """
    entries: dict[str, tuple[list[str], list[str]]] = {}
    blocks: list[list[str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t" and blocks:
            blocks[-1].append(stripped)
        else:
            blocks.append([stripped])
    for block in blocks:
        tokens = _split_tokens(" ".join(block))
        if not tokens:
            continue
        names = tokens[0].split("|")
        if len(names) > 1:
            names = names[:-1]  # the last part describes the terminal
        entry = ([n.strip().lower() for n in names], tokens[1:])
        for name in entry[0]:
            entries.setdefault(name, entry)
    return entries


def build(
    name: str, entries: dict, seen: Optional[set] = None
) -> Optional[Description]:
    """Return the description of ``name`` from parsed entries (``use=`` followed)."""
    entry = entries.get(name.lower())
    if entry is None:
        return None
    seen = seen or set()
    if name.lower() in seen:
        return None
    seen.add(name.lower())
    description = Description(name.lower())
    cancelled: set[str] = set()
    for token in entry[1]:
        if token.startswith("use="):
            base = build(token[4:], entries, seen)
            if base is not None:
                for cap, value in base.strings.items():
                    if cap not in description.strings and cap not in cancelled:
                        description.strings[cap] = value
                for cap, value in base.numbers.items():
                    if cap not in description.numbers and cap not in cancelled:
                        description.numbers[cap] = value
                description.flags |= base.flags - cancelled
        elif token.endswith("@"):
            cancelled.add(token[:-1])
        elif "=" in token:
            cap, value = token.split("=", 1)
            description.strings.setdefault(cap, decode_value(value))
        elif "#" in token:
            cap, value = token.split("#", 1)
            try:
                description.numbers.setdefault(cap, int(value, 0))
            except ValueError:
                pass
        else:
            description.flags.add(token)
    return description


# --- finding a description -----------------------------------------------------

_builtin_entries: Optional[dict] = None
_cache: dict[str, Optional[Description]] = {}
_system_loaded: Optional[str] = None


def builtin(name: str) -> Optional[Description]:
    """Return the built-in (ScarletDME) description of a terminal type."""
    global _builtin_entries
    if _builtin_entries is None:
        _builtin_entries = parse_source(BUILTIN_SOURCE)
    return build(name, _builtin_entries)


def _from_files(name: str) -> Optional[Description]:
    for path in os.environ.get("PICK2PY_TERMINFO", "").split(os.pathsep):
        if not path:
            continue
        try:
            with open(path, encoding="latin-1") as handle:
                found = build(name, parse_source(handle.read()))
        except OSError:
            continue
        if found is not None:
            return found
    return None


# Capabilities read from the system database: every one the runtime uses.
SYSTEM_STRINGS = (
    "cr ff nel bel ht cbt clear el ed hpa cup cub1 cub cuf1 cuf cuu1 cuu cud1 cud "
    "home dch1 dl1 dl ich1 il1 il blink bold dim rev smul sgr0 rmul mc4 mc5 ind ri "
    "setf setb setaf setab u0 u1 u2 u3 u4 u5 u6 u7 u8 u9 kbs kcbt kcub1 kcuf1 "
    "kcuu1 kcud1 knp kpp kind kri khome kend kent khlp kprt kclr kich1 kil1 kdch1 "
    "kdl1 kel ked kf0 kf1 kf2 kf3 kf4 kf5 kf6 kf7 kf8 kf9 kf10 kf11 kf12 kLFT kRIT "
    "kIC kDC kDL kEND kEOL kHOM kmous cvvis civis"
).split()


def _from_system(name: str) -> Optional[Description]:
    """Read a type from the system's terminfo database, if curses can.

    Python's curses loads one terminal per process, so only the first type
    asked for can come from here.
    """
    global _system_loaded
    if _system_loaded is not None and _system_loaded != name:
        return None
    try:
        import curses
    except ImportError:
        return None
    fd = os.open(os.devnull, os.O_RDWR)
    try:
        curses.setupterm(name, fd)
    except Exception:
        return None
    finally:
        os.close(fd)
    _system_loaded = name
    description = Description(name)
    for cap in SYSTEM_STRINGS:
        try:
            value = curses.tigetstr(cap)
        except Exception:
            value = None
        if value is not None:
            description.strings[cap] = _strip_delays(value.decode("latin-1"))
    for cap in NUMBERS:
        try:
            number = curses.tigetnum(cap)
        except Exception:
            continue
        if number >= 0:
            description.numbers[cap] = number
    for cap in BOOLEANS:
        try:
            if curses.tigetflag(cap) > 0:
                description.flags.add(cap)
        except Exception:
            pass
    return description


def _strip_delays(value: str) -> str:
    """Drop ``$<n>`` padding delays, as ScarletDME does when it reads a capability."""
    return re.sub(r"\$<[^>]*>", "", value)


def clear_cache() -> None:
    """Forget the descriptions read so far (PICK2PY_TERMINFO may have changed)."""
    _cache.clear()


def lookup(name: str) -> Optional[Description]:
    """Return the description of a terminal type, or None if none is known."""
    key = name.lower()
    if key not in _cache:
        _cache[key] = _from_files(key) or builtin(key) or _from_system(key)
    return _cache[key]


# --- parameterised strings -----------------------------------------------------

_FORMAT = re.compile(r":?[-+# ]*\d*(?:\.\d+)?[doxXsc]")


def tparm(cap: str, *params: object) -> str:
    """Return a parameterised capability with its parameters filled in.

    Implements the terminfo ``%`` language: ``%p1``..``%p9`` push a
    parameter, ``%d %o %x %X %s %c`` (with printf flags and widths) pop and
    print, ``%{n}`` and ``%'c'`` push constants, ``%i`` adds one to the
    first two parameters, ``%P``/``%g`` set and get variables, arithmetic,
    logic and comparison operators work on the stack, and
    ``%? c %t a %e b %;`` chooses. Popping an empty stack gives 0.
    """
    values: list[object] = list(params) + [0] * (9 - len(params))
    stack: list[object] = []
    variables: dict[str, object] = {}
    out: list[str] = []

    def pop() -> object:
        return stack.pop() if stack else 0

    def pop_int() -> int:
        value = pop()
        if isinstance(value, int):
            return value
        try:
            return int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0

    i = 0
    n = len(cap)
    while i < n:
        c = cap[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        i += 1
        c = cap[i]
        match = _FORMAT.match(cap, i)
        if c == "%":
            out.append("%")
        elif match:
            spec = match.group(0).lstrip(":")
            kind = spec[-1]
            value = pop()
            if kind == "c":
                out.append(chr(_as_int(value) & 0xFF))
            elif kind == "s":
                out.append(
                    ("%" + spec) % (value if isinstance(value, str) else str(value))
                )
            else:
                out.append(("%" + spec) % _as_int(value))
            i = match.end()
            continue
        elif c == "p" and i + 1 < n and cap[i + 1].isdigit():
            stack.append(values[int(cap[i + 1]) - 1] if cap[i + 1] != "0" else 0)
            i += 1
        elif c == "P" and i + 1 < n:
            variables[cap[i + 1]] = pop()
            i += 1
        elif c == "g" and i + 1 < n:
            stack.append(variables.get(cap[i + 1], 0))
            i += 1
        elif c == "'" and i + 2 < n:
            stack.append(ord(cap[i + 1]))
            i += 2
        elif c == "{":
            end = cap.find("}", i)
            if end < 0:
                break
            stack.append(_as_int(cap[i + 1 : end]))
            i = end
        elif c == "l":
            stack.append(len(str(pop())))
        elif c in "+-*/m&|^=><AO":
            b, a = pop_int(), pop_int()
            stack.append(_binary(c, a, b))
        elif c == "!":
            stack.append(0 if pop_int() else 1)
        elif c == "~":
            stack.append(~pop_int())
        elif c == "i":
            values[0] = _as_int(values[0]) + 1
            values[1] = _as_int(values[1]) + 1
        elif c == "t":
            if not pop_int():
                i = _skip_branch(cap, i + 1, stop_at_else=True)
                continue
        elif c == "e":
            i = _skip_branch(cap, i + 1, stop_at_else=False)
            continue
        # %? and %; only mark where a condition starts and ends.
        i += 1
    return "".join(out)


def _as_int(value: object) -> int:
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip() or 0)
    except ValueError:
        return 0


def _binary(op: str, a: int, b: int) -> int:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return int(a / b) if b else 0
    if op == "m":
        return a - b * int(a / b) if b else 0
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b
    if op == "=":
        return int(a == b)
    if op == ">":
        return int(a > b)
    if op == "<":
        return int(a < b)
    if op == "A":
        return int(bool(a) and bool(b))
    return int(bool(a) or bool(b))


def _skip_branch(cap: str, i: int, stop_at_else: bool) -> int:
    """Return where to go on after skipping a %t or %e branch (past its %e or %;)."""
    depth = 0
    n = len(cap)
    while i < n:
        if cap[i] == "%" and i + 1 < n:
            c = cap[i + 1]
            if c == "?":
                depth += 1
            elif c == ";":
                if depth == 0:
                    return i + 2
                depth -= 1
            elif c == "e" and depth == 0 and stop_at_else:
                return i + 2
            i += 2
            continue
        i += 1
    return n
