"""A copy of what the screen shows, for SAVE.SCREEN() and RESTORE.SCREEN.

ScarletDME keeps no screen contents itself: on a QMTerm connection it asks
the terminal emulator to keep a region (the terminfo strings ``sreg``,
``rreg`` and ``dreg``), and on other terminals SAVE.SCREEN() saves nothing
and RESTORE.SCREEN draws nothing (``save_screen`` in ``linuxio.c``).
pick2py draws on ordinary terminals, so to put a region back as the user
saw it, it must remember what it drew there.

The smallest faithful way is a copy of the screen: every string sent to
the terminal (not output captured by EXECUTE, not output HUSH stopped) is
also played onto a grid of cells, one character and one video attribute
each, with a cursor. Control strings are recognised as the capabilities
of the session's own terminal description, so any terminal type works:
the fixed ones (``clear``, ``el``, ``rev``, ...) from the description, and
the parameterised ones (``cup``, ``hpa``, ``setf``, ...) as the runtime
makes them (``screen.parameterised`` notes what each string it made does). An
ANSI control sequence the runtime did not make (a program printing its own
``ESC [ ... H``) is understood too; other escape sequences take no room.
Newlines move to the start of the next line (the tty's ONLCR), text wraps
at the right margin as the description's ``am``/``xenl`` say, and the
bottom line scrolls up.

The attribute of a cell is the string of attribute capabilities sent
since the last ``sgr0``, so putting a region back replays it exactly.
Strings are played lazily, in batches, when a region is saved or put back
or when much output is waiting, so plain output costs one list append.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

BATCH = 1 << 16
_ANSI = re.compile(r"\x1b\[([0-9;?]*)([@-~])")

# Fixed capabilities and what they do to the screen.
_MOVES = {
    "clear": ("clear",),
    "home": ("cup", 0, 0),
    "ed": ("ed",),
    "el": ("el",),
    "cub1": ("left", 1),
    "cuf1": ("right", 1),
    "cuu1": ("up", 1),
    "cud1": ("down", 1),
    "il1": ("il", 1),
    "dl1": ("dl", 1),
    "ich1": ("ich", 1),
    "dch1": ("dch", 1),
    "sgr0": ("reset",),
}
_ATTRIBUTES = ("rev", "smso", "smul", "blink", "dim", "bold", "invis")
# Capabilities that take no room and change nothing a region keeps.
_SILENT = ("civis", "cvvis", "cnorm", "mc4", "mc5", "slt", "rlt", "smacs", "rmacs")
# What a parameterised capability does with its parameters (p1, p2).
_PARAMETERISED = {
    "cup": lambda p: ("cup", p[0], p[1]),
    "hpa": lambda p: ("col", p[0]),
    "cuf": lambda p: ("right", p[0]),
    "cub": lambda p: ("left", p[0]),
    "cuu": lambda p: ("up", p[0]),
    "cud": lambda p: ("down", p[0]),
    "il": lambda p: ("il", p[0]),
    "dl": lambda p: ("dl", p[0]),
    "ich": lambda p: ("ich", p[0]),
    "dch": lambda p: ("dch", p[0]),
    "setf": lambda p: ("attr",),
    "setb": lambda p: ("attr",),
}


def action(cap: str, params: tuple) -> tuple:
    """What the string a parameterised capability made does to the screen."""
    return _PARAMETERISED.get(cap, lambda p: ("none",))(params)


@dataclass
class ScreenImage:
    """A region of the screen as SAVE.SCREEN() returned it.

    ``rows`` holds each line's cells as (character, attribute string)
    pairs; it is empty if the region was saved under HUSH, when ScarletDME
    saves nothing either.
    """

    x: int
    y: int
    width: int
    height: int
    cursor: tuple[int, int]
    pagination: bool
    rows: list[list[tuple[str, str]]] = field(default_factory=list)

    def basic_str(self) -> str:
        """A screen image is not a string (ScarletDME error 1221)."""
        from runtime_lib.errors import BasicError

        raise BasicError("Data cannot be converted to a string")


class Shadow:
    """The screen as the user sees it: cells, cursor and current attribute."""

    def __init__(self, width: int, lines: int) -> None:
        self.width = width
        self.lines = lines
        self.pending: list[str] = []
        self.pending_size = 0
        self.made: dict[str, tuple] = {}  # strings parameterised() made -> action
        self.table: Optional[dict[str, tuple]] = None
        self.lengths: dict[str, list[int]] = {}
        self.plain: Optional[re.Pattern] = None
        self.clear()
        self.attribute = ""

    # --- feeding ----------------------------------------------------------------

    def feed(self, text: str) -> None:
        """Take a string on its way to the terminal (played later, in a batch)."""
        self.pending.append(text)
        self.pending_size += len(text)
        if self.pending_size > BATCH:
            self.catch_up()

    def remember(self, text: str, action: tuple) -> None:
        """Note what a parameterised control string the runtime made does."""
        if text not in self.made:
            self.made[text] = action
            if self.table is not None:
                self._add(text, action)

    def catch_up(self) -> None:
        """Play every string still waiting onto the cells."""
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending.clear()
        self.pending_size = 0
        self.play(text)

    # --- recognising control strings ------------------------------------------------

    def _load(self) -> None:
        from runtime_lib.terminal import screen

        self.table = {}
        self.lengths = {}
        for cap, action in _MOVES.items():
            self._add(screen.capability(cap), action)
        for cap in _ATTRIBUTES:
            self._add(screen.capability(cap), ("attr",))
        for cap in _SILENT:
            self._add(screen.capability(cap), ("none",))
        smul, rmul = screen.capability("smul"), screen.capability("rmul")
        # vt100's rmul is ESC [ m, which ends every attribute, not just underline.
        ends_all = rmul and screen.capability("sgr0").startswith(rmul)
        self._add(rmul, ("reset",) if ends_all else ("unattr", smul))
        for text, action in self.made.items():
            self._add(text, action)
        wraps = screen.description()
        self.auto_margin = wraps is None or "am" in wraps.flags
        self.late_wrap = wraps is None or "xenl" in wraps.flags

    def _add(self, text: str, action: tuple) -> None:
        if not text or len(text) == 1 and (text in "\r\n\b\t" or text >= " "):
            return  # played as themselves: newline is CR LF at a tty (ONLCR)
        self.table[text] = action
        if text[0] not in self.lengths:
            self.plain = None  # a new character that may start a control string
        lengths = self.lengths.setdefault(text[0], [])
        if len(text) not in lengths:
            lengths.append(len(text))
            lengths.sort(reverse=True)

    def _plain(self) -> re.Pattern:
        if self.plain is None:
            starts = "".join(re.escape(c) for c in self.lengths if c >= " ")
            self.plain = re.compile(f"[^\\x00-\\x1f\\x7f{starts}]+")
            self.lines_only = re.compile(f"[^\\x00-\\x09\\x0b-\\x1f\\x7f{starts}]+")
        return self.plain

    # --- playing -------------------------------------------------------------------

    def play(self, text: str) -> None:
        """Apply text to the cells as the terminal would."""
        if self.table is None:
            self._load()
        plain = self._plain()
        start = 0
        for skip_from, skip_to in self.scrolled_off(text):
            self.play_span(text, start, skip_from, plain)
            self.clear()
            self.y = self.lines - 1
            start = skip_to
        self.play_span(text, start, len(text), plain)

    def scrolled_off(self, text: str):
        """Spans of plain lines that scroll off the screen unseen (report output).

        In a run of printable text and newlines with at least twice as many
        newlines as the screen has lines, all but the last screenful are
        skipped: after them the cursor is surely on the bottom line, and the
        screenful that follows scrolls away everything that was on the screen.
        """
        lines = self.lines
        if text.count("\n") < 2 * lines:
            return
        for match in self.lines_only.finditer(text):
            begin, end = match.span()
            if text.count("\n", begin, end) < 2 * lines:
                continue
            cut = end
            for _ in range(lines):
                cut = text.rfind("\n", begin, cut)
            # From the run's first newline: what comes before may end an escape.
            yield text.index("\n", begin), cut

    def play_span(self, text: str, i: int, n: int, plain: re.Pattern) -> None:
        table, lengths = self.table, self.lengths
        while i < n:
            match = plain.match(text, i, n)
            if match:
                self.put(match.group())
                i = match.end()
                continue
            c = text[i]
            for length in lengths.get(c, ()):
                if i + length > n:
                    continue
                action = table.get(text[i : i + length])
                if action is not None:
                    self.act(action, text[i : i + length])
                    i += length
                    break
            else:
                i = self.control(text, i, n)

    def control(self, text: str, i: int, n: int) -> int:
        """Play the control character at i (or an ANSI sequence); the next index."""
        c = text[i]
        if c == "\r":
            self.x = 0
        elif c == "\n":
            self.x = 0
            self.line_feed()
        elif c == "\b":
            self.x = max(min(self.x, self.width - 1) - 1, 0)
        elif c == "\t":
            self.x = min((self.x // 8 + 1) * 8, self.width - 1)
        elif c == "\x1b":
            match = _ANSI.match(text, i, n)
            if match is None:
                return min(i + 2, n)
            self.ansi(match.group(1), match.group(2), match.group())
            return match.end()
        elif c >= " " and c != "\x7f":
            self.put(c)  # a printable first character of some capability
        return i + 1

    def ansi(self, params: str, final: str, text: str) -> None:
        """An ANSI control sequence the runtime did not make itself."""
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")]
        first = numbers[0] if numbers else 0
        count = max(first, 1)
        if final in "Hf":
            row = first
            col = numbers[1] if len(numbers) > 1 else 0
            self.act(("cup", max(row - 1, 0), max(col - 1, 0)), text)
        elif final == "J" and first == 2:
            self.act(("clear",), text)
        elif final == "J":
            self.act(("ed",), text)
        elif final == "K" and first == 0:
            self.act(("el",), text)
        elif final == "m":
            self.act(("reset",) if not any(numbers) else ("attr",), text)
        elif final in "ABCDG":
            action = {"A": "up", "B": "down", "C": "right", "D": "left", "G": "col"}
            value = count - 1 if final == "G" else count
            self.act((action[final], value), text)

    def act(self, action: tuple, text: str) -> None:
        """Do what a recognised control string does."""
        kind = action[0]
        width, lines = self.width, self.lines
        if kind == "cup":
            self.y = min(max(action[1], 0), lines - 1)
            self.x = min(max(action[2], 0), width - 1)
        elif kind == "col":
            self.x = min(max(action[1], 0), width - 1)
        elif kind == "right":
            self.x = min(self.x + action[1], width - 1)
        elif kind == "left":
            self.x = max(min(self.x, width - 1) - action[1], 0)
        elif kind == "up":
            self.y = max(self.y - action[1], 0)
        elif kind == "down":
            self.y = min(self.y + action[1], lines - 1)
        elif kind == "clear":
            self.clear()
        elif kind == "ed":
            self.erase(self.y, self.x)
            for row in range(self.y + 1, lines):
                self.erase(row, 0)
        elif kind == "el":
            self.erase(self.y, self.x)
        elif kind in ("il", "dl"):
            self.shift_lines(action[1] if kind == "il" else -action[1])
        elif kind in ("ich", "dch"):
            self.shift_cells(action[1] if kind == "ich" else -action[1])
        elif kind == "attr":
            if text not in self.attribute:
                self.attribute += text
        elif kind == "unattr":
            self.attribute = self.attribute.replace(action[1], "")
        elif kind == "reset":
            self.attribute = ""

    # --- cells ---------------------------------------------------------------------

    def clear(self) -> None:
        """Blank every cell and home the cursor."""
        self.chars = [[" "] * self.width for _ in range(self.lines)]
        self.attrs = [[""] * self.width for _ in range(self.lines)]
        self.x = self.y = 0

    def erase(self, row: int, col: int) -> None:
        col = min(col, self.width)
        self.chars[row][col:] = [" "] * (self.width - col)
        self.attrs[row][col:] = [""] * (self.width - col)

    def put(self, text: str) -> None:
        """Write printable characters at the cursor, wrapping at the margin."""
        width = self.width
        while text:
            if self.x >= width:
                if self.auto_margin:
                    self.x = 0
                    self.line_feed()
                else:
                    self.x = width - 1
            count = min(len(text), width - self.x)
            x = self.x
            self.chars[self.y][x : x + count] = text[:count]
            self.attrs[self.y][x : x + count] = [self.attribute] * count
            self.x = x + count
            text = text[count:]
            if self.x >= width and self.auto_margin and not self.late_wrap:
                self.x = 0
                self.line_feed()

    def line_feed(self) -> None:
        if self.y < self.lines - 1:
            self.y += 1
            return
        self.chars.append(self.chars.pop(0))
        self.attrs.append(self.attrs.pop(0))
        self.erase(self.lines - 1, 0)

    def shift_lines(self, count: int) -> None:
        """Insert (count > 0) or delete blank lines at the cursor's line."""
        y, lines = self.y, self.lines
        count = max(min(count, lines - y), -(lines - y))
        for _ in range(abs(count)):
            if count > 0:
                del self.chars[-1], self.attrs[-1]
                self.chars.insert(y, [" "] * self.width)
                self.attrs.insert(y, [""] * self.width)
            else:
                del self.chars[y], self.attrs[y]
                self.chars.append([" "] * self.width)
                self.attrs.append([""] * self.width)

    def shift_cells(self, count: int) -> None:
        """Insert (count > 0) or delete blank cells at the cursor."""
        x, row, attrs = (
            min(self.x, self.width - 1),
            self.chars[self.y],
            self.attrs[self.y],
        )
        if count > 0:
            row[x:x] = [" "] * count
            attrs[x:x] = [""] * count
        else:
            del row[x : x - count], attrs[x : x - count]
            row.extend([" "] * (self.width - len(row)))
            attrs.extend([""] * (self.width - len(attrs)))
        del row[self.width :], attrs[self.width :]

    def cells(self, x: int, y: int, width: int, height: int) -> list:
        """Return a region's cells as rows of (character, attribute) pairs."""
        self.catch_up()
        blank = [(" ", "")] * width  # past the copy (a display SETPU made larger)
        return [
            (
                list(
                    zip(self.chars[row][x : x + width], self.attrs[row][x : x + width])
                )
                if row < self.lines
                else list(blank)
            )
            for row in range(y, y + height)
        ]

    def cursor(self) -> tuple[int, int]:
        """Return the cursor's (column, line), after all output so far."""
        self.catch_up()
        return min(self.x, self.width - 1), self.y


# --- SAVE.SCREEN() and RESTORE.SCREEN ---------------------------------------------


def _not_in_phantom() -> None:
    from runtime_lib.errors import BasicError
    from runtime_lib.process import is_phantom

    if is_phantom():
        raise BasicError("Screen save/restore illegal in phantom")


def save_screen(col: object, line: object, width: object, height: object):
    """SAVE.SCREEN(col, line, width, height): an image of a screen region.

    The region must lie on the screen (``@CRTWIDE`` by ``@CRTHIGH``, from
    column and line 0) and be at least one cell, else "Illegal screen
    region". The image also keeps the cursor position and whether the
    display was paginating, for RESTORE.SCREEN's restore flag. Under HUSH
    no cells are kept (ScarletDME saves nothing then). The image is not a
    string: showing it is an error. A phantom cannot save the screen.
    """
    from runtime_lib.errors import BasicError
    from runtime_lib.terminal import display
    from runtime_lib.values import to_int

    _not_in_phantom()
    h, w, y, x = to_int(height), to_int(width), to_int(line), to_int(col)
    unit = display.dsp()
    if x < 0 or w < 1 or x + w > unit.width or y < 0 or h < 1:
        raise BasicError("Illegal screen region")
    if y + h > unit.lines_per_page:
        raise BasicError("Illegal screen region")
    shadow = display.state.shadow
    rows = [] if display.state.hush else shadow.cells(x, y, w, h)
    return ScreenImage(x, y, w, h, shadow.cursor(), unit.paginate, rows)


def restore_screen(image: object, restore_all: object) -> None:
    """RESTORE.SCREEN image, flag: draw a saved region again as it was.

    Each line of the region is drawn at its place with its characters and
    video attributes; the attributes in use before are then set again.
    With a true flag the cursor goes back to where it was when the image
    was saved and the display's pagination is set as it was then;
    otherwise the cursor stays where it is. Nothing is drawn under HUSH.
    Anything but a SAVE.SCREEN() image is "Data is not a screen image".
    """
    from runtime_lib.errors import BasicError
    from runtime_lib.terminal import display, screen
    from runtime_lib.values import to_int

    _not_in_phantom()
    restore = to_int(restore_all) != 0
    if not isinstance(image, ScreenImage):
        raise BasicError("Data is not a screen image")
    if display.state.hush:
        return
    shadow = display.state.shadow
    here = shadow.cursor()
    before = current = shadow.attribute
    reset = screen.capability("sgr0")
    parts: list[str] = []
    for i, row in enumerate(image.rows):
        parts.append(screen.parameterised("cup", image.y + i, image.x))
        for char, attribute in row:
            if attribute != current:
                parts.append((reset if current else "") + attribute)
                current = attribute
            parts.append(char)
    if current != before:
        parts.append((reset if current else "") + before)
    col, line = image.cursor if restore else here
    parts.append(screen.parameterised("cup", line, col))
    display.output.write_terminal("".join(parts))
    if restore:
        display.dsp().paginate = image.pagination
