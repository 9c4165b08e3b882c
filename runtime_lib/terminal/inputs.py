"""INPUT, INPUT @, DATA, PROMPT, ECHO, PRINTERR: reading what the user types.

INPUT takes the next DATA line if one is queued, else keys from the
keyboard (:mod:`.keyboard`), as ScarletDME's ``_INPUT`` and ``_INPUTAT``
do:

- The prompt character (PROMPT, none by default in a program run from the
  command line) is shown first.
- A DATA line is echoed as if typed (one ``*`` per character for HIDDEN),
  followed by a newline unless the statement ends in ``:``. ECHO OFF shows
  nothing. DATA lines are never case-inverted.
- Typed keys are echoed one by one. RETURN ends the line (and prints the
  newline unless ``:``); backspace rubs out; with a length, the line ends
  by itself when it is full, unless ``_`` was given. At the end of input
  INPUT returns "" (whatever was typed on the unfinished line).
- ``INPUT X, -1`` does not read: X becomes 1 if input is waiting (a DATA
  line, or a key; always so when input is not a terminal), else 0.
- FOR/TIMEOUT/WAITING n (seconds): when the time passes, the variable is
  left as it was and the ELSE clause runs; otherwise THEN runs.
- After an INPUT the display's page line count starts again from the top.

``INPUT @(col, row)`` edits a field on the screen: the cursor goes to
(col, row) (the prompt character just before it), the current value is
shown if the statement has ``:`` after the position (a mask formats it),
otherwise the field's width is blanked; the cursor goes back to the
start. A DATA line is shown padded to the field's width. Typed keys edit
the field: cursor keys, HOME/END, INSERT (overlay mode), DELETE, Ctrl-K,
backspace; APPEND starts at the end of the current value, EDIT keeps it
when typing starts, OVERLAY starts in overlay mode, PANNING scrolls a
field longer than its width. INPUTFIELD returns on a control key with
STATUS() set to its code.
"""

from __future__ import annotations

from typing import Optional

from runtime_lib.state import state as basic_state
from runtime_lib.terminal import display, keyboard
from runtime_lib.terminal.screen import at
from runtime_lib.values import IM, Unassigned, to_int, to_str

RETURN = keyboard.CR


class InputState:
    """The DATA queue, the prompt character and the echo flag."""

    def __init__(self) -> None:
        self.data: list[str] = []
        self.prompt = ""
        self.echo = True
        self.error_displayed = False


input_state = InputState()


# --- statements that set up input ------------------------------------------------


def data(*values: object) -> None:
    """DATA v1, v2, ...: queue lines for INPUT (each value is evaluated first)."""
    input_state.data.extend(to_str(v) for v in values)


def cleardata() -> None:
    """CLEARDATA: empty the DATA queue."""
    input_state.data.clear()


def clearinput() -> None:
    """CLEARINPUT / INPUTCLEAR: throw away keys typed ahead at a terminal.

    Input that is not a terminal is left alone (ScarletDME would read a
    pipe to its end here, and then loop at its end).
    """
    keyboard.keyboard.type_ahead.clear()
    if keyboard.keyboard.is_terminal():
        try:
            import termios

            termios.tcflush(keyboard.keyboard.fd, termios.TCIFLUSH)
        except Exception:
            pass


def data_pending() -> str:
    """@DATA.PENDING: the queued DATA lines, each followed by @IM."""
    return "".join(line + IM for line in input_state.data)


def prompt(value: object) -> None:
    """PROMPT c: the prompt INPUT shows; only the first character is used."""
    input_state.prompt = to_str(value)[:1]


def prompt_() -> str:
    """PROMPT(): the current prompt character."""
    return input_state.prompt


def echo(setting: object) -> None:
    """ECHO ON / OFF / expr: whether INPUT shows what it reads."""
    if isinstance(setting, str) and setting.upper() in ("ON", "OFF"):
        input_state.echo = setting.upper() == "ON"
    else:
        input_state.echo = to_int(setting) != 0


def printerr(message: object) -> None:
    """PRINTERR / INPUTERR msg: show a message on the bottom line of the screen.

    The bottom line is cleared first; "" just clears it. At most 80
    characters are shown and no newline follows.
    """
    unit = display.dsp()
    display.move_cursor(0, unit.lines_per_page - 1)
    from runtime_lib.terminal import screen

    display.output.write_terminal(screen.capability("el"))
    text = to_str(message)
    input_state.error_displayed = bool(text)
    if text:
        display.display_string(text[:80], transparent=False)
    display.output.flush()


inputerr = printerr


# --- INPUT ------------------------------------------------------------------------


def _show(text: str) -> None:
    if text:
        display.display_string(text)


def _show_newline() -> None:
    display.display_string("\n", transparent=False)


def _restore_pagination(was_on: bool) -> None:
    display.set_pagination(was_on)


def _next_data_line() -> Optional[str]:
    return input_state.data.pop(0) if input_state.data else None


def input_(current: object = None, length: object = 0, **options) -> object:
    """INPUT var [, length] [_] [:] [HIDDEN] [UPCASE] [FOR n]: the new value of var."""
    return _input(current, length, **options)[0]


def input_status(
    current: object = None, length: object = 0, **options
) -> tuple[object, bool]:
    """INPUT ... THEN/ELSE: (new value, True) or, after a timeout, (old value, False)."""
    return _input(current, length, **options)


def _input(
    current: object,
    length: object = 0,
    nolf: bool = False,
    nocrlf: bool = False,
    hidden: bool = False,
    upcase: bool = False,
    timeout: object = None,
    use_data: bool = True,
    echo_data: bool = True,
    invert: bool = True,
) -> tuple[object, bool]:
    size = to_int(length)
    if size < 0:
        waiting = bool(input_state.data) or keyboard.key_ready()
        return (1 if waiting else 0), True
    basic_state.status = 0
    limit = size or 99999
    paginating = display.dsp().paginate
    if input_state.prompt:
        _show(input_state.prompt)
    line = _next_data_line() if use_data else None
    ok = True
    if line is not None:
        text = line[:limit]
        if upcase:
            text = text.upper()
        if echo_data and input_state.echo:
            _show("*" * len(text) if hidden else text)
            if not nolf:
                _show_newline()
    else:
        text, ok = _type_line(limit, nolf, nocrlf, hidden, upcase, timeout, invert)
    _restore_pagination(paginating)
    return (text if ok else current), ok


def _type_line(
    limit: int,
    nolf: bool,
    nocrlf: bool,
    hidden: bool,
    upcase: bool,
    timeout: object,
    invert: bool,
) -> tuple[str, bool]:
    """Read one line of keys for INPUT; (text, False) after a timeout."""
    backspace = keyboard.backspace_keys()
    wait = keyboard.timeout_ms(timeout) if timeout is not None else None
    text = ""
    while True:
        key = keyboard.read_key(wait)
        if key is None:
            return "", basic_state.status != keyboard.ER_TIMEOUT
        if invert:
            key = keyboard.invert_case(key)
        if key in backspace:
            if text:
                text = text[:-1]
                if input_state.echo:
                    _show(at(-9) + " " + at(-9))
        elif key == keyboard.keyboard.inewline:
            if input_state.echo and not nolf:
                _show_newline()
            return text, True
        elif key in (10, 13):
            pass
        elif len(text) < limit:
            c = chr(key)
            if upcase:
                c = c.upper()
            text += c
            if input_state.echo:
                _show("*" if hidden else c)
        if len(text) == limit and not nocrlf:
            if input_state.echo and not nolf:
                _show_newline()
            return text, True


def inputcsv(count: int) -> tuple[str, ...]:
    """INPUTCSV v1, v2, ...: one INPUT line split as CSV into ``count`` parts.

    BCOMP compiles it as INPUT with no length limit and no options (so the
    prompt, DATA, echo and case inversion are as for INPUT), then
    DPARSE.CSV of the line with a comma (:func:`runtime_lib.strings.dparse_csv`).
    """
    from runtime_lib.strings import dparse_csv

    text, _ = _input("", 0)
    return dparse_csv(text, ",", count)


# --- INPUT @ --------------------------------------------------------------------


def input_at(
    col: object, row: object, current: object = None, length: object = 0, **options
) -> object:
    """INPUT @(col, row) [:] var [, length] [_] [:] [mask] [options]: the new value."""
    return _FieldInput(col, row, current, length, **options).run()[0]


def input_at_status(
    col: object, row: object, current: object = None, length: object = 0, **options
) -> tuple[object, bool]:
    """INPUT @ ... THEN/ELSE: (new value, True) or, after a timeout, (old value, False)."""
    return _FieldInput(col, row, current, length, **options).run()


class _FieldInput:
    """One INPUT @ statement: show the field, then take DATA or edit with keys."""

    def __init__(
        self,
        col: object,
        row: object,
        current: object,
        length: object,
        show: bool = False,
        mask: object = None,
        nolf: bool = False,
        nocrlf: bool = False,
        hidden: bool = False,
        upcase: bool = False,
        timeout: object = None,
        edit: bool = False,
        append: bool = False,
        overlay: bool = False,
        panning: bool = False,
        field_mode: bool = False,
        invert: bool = True,
    ):
        self.x = to_int(col)
        self.y = to_int(row)
        self.current = current
        self.size = to_int(length)
        self.show = show
        self.mask = mask
        self.nolf = nolf
        self.nocrlf = nocrlf or panning
        self.hidden = hidden
        self.upcase = upcase
        self.timeout = timeout
        self.edit = edit or append
        self.append = append
        self.overlay = overlay
        self.panning = panning
        self.field_mode = field_mode
        self.invert = invert
        self.text = ""
        self.pan = 0

    def formatted(self, value: object) -> str:
        if self.mask is None:
            return to_str(value)
        from runtime_lib.conversions import fmt

        return to_str(fmt(value, self.mask))

    def run(self) -> tuple[object, bool]:
        basic_state.status = 0
        paginating = display.dsp().paginate
        x, y = self.x, self.y
        if input_state.prompt and x != 0:
            _show(at(x - 1, y) + input_state.prompt)
        else:
            _show(at(x, y))
        if self.show and not isinstance(self.current, Unassigned):
            self.text = to_str(self.current)
            _show(self.masked(self.formatted(self.current)) + at(x, y))
        else:
            _show(" " * self.size + at(x, y))
            self.text = ""
        self.original = self.text
        ok = True
        line = _next_data_line()
        if line is not None:
            result: object = self.from_data(line)
        else:
            ok = self.edit_keys()
            result = self.text if ok else self.current
        _restore_pagination(paginating)
        return result, ok

    def masked(self, shown: str) -> str:
        """The field's text as displayed: padded or cut to the width, or stars."""
        if self.size:
            return (
                "*" * self.size if self.hidden else shown[: self.size].ljust(self.size)
            )
        return "*" * len(shown) if self.hidden else shown

    def from_data(self, line: str) -> str:
        if input_state.error_displayed:
            printerr("")
        text = line.upper() if self.upcase else line
        if self.size and not self.panning:
            text = text[: self.size]
        if input_state.echo:
            _show(self.masked(text))
            if not self.nolf:
                _show_newline()
        return text

    # --- editing with keys

    def cursor(self, col: int) -> str:
        width = display.dsp().width
        return at(col % width, self.y + col // width)

    def edit_keys(self) -> bool:
        """Edit the field with keys; False after a timeout."""
        self.posn = len(self.text) + 1 if self.append else 1
        if not self.panning and self.size and len(self.text) > self.size:
            self.text = self.text[: self.size]
        self.first = True
        self.increment = min((self.size + 1) // 2, 10)
        while True:
            if self.panning and not self.pan < self.posn <= self.size + self.pan:
                self.repaint()
            self.col = self.x + self.posn - self.pan - 1
            _show(self.cursor(self.col))
            key_text = keyboard.keycode(self.timeout)
            if key_text == "":
                if basic_state.status == keyboard.ER_TIMEOUT:
                    self.text = self.original
                    return False
                self.text = ""
                return True
            if self.handle(ord(key_text), key_text):
                return True
            if not self.nocrlf and self.size and self.posn > self.size:
                if self.mask is not None:
                    _show(at(self.x, self.y) + self.formatted(self.text))
                if input_state.echo and not self.nolf:
                    _show_newline()
                return True
            self.first = False

    def handle(self, n: int, c: str) -> bool:
        """Act on one key; True when the input is finished."""
        if 32 <= n < 128:
            self.insert(c)
            return False
        if n == 0:
            # A KEYEXIT or KEYTRAP key: KEYCODE() left its binding in STATUS().
            if basic_state.status > 512:
                self.text = self.original
            basic_state.status &= 255
            return True
        if n in (keyboard.K_HOME, 1):
            self.posn = 1
        elif n in (keyboard.K_END, 5):
            self.posn = len(self.text) + 1
        elif n in (keyboard.K_BACKSPACE, 8):
            self.backspace()
        elif n == RETURN or n == keyboard.keyboard.inewline:
            self.finish()
            return True
        elif n in (keyboard.K_LEFT, 2):
            if self.posn > 1:
                self.posn -= 1
        elif n in (keyboard.K_RIGHT, 6):
            if self.posn <= len(self.text):
                self.posn += 1
        elif n == keyboard.K_INSERT:
            self.overlay = not self.overlay
        elif n in (keyboard.K_DELETE, 4):
            self.delete()
        elif n == 11:
            if input_state.echo:
                width = (
                    self.size + self.pan + 1 - self.posn
                    if self.panning
                    else (len(self.text) - self.posn + 1)
                )
                _show(self.cursor(self.col) + " " * max(width, 0))
            self.text = self.text[: self.posn - 1]
        elif n < 32:
            if self.field_mode:
                basic_state.status = n
                return True
        elif n < 251:
            if self.field_mode:
                if input_state.error_displayed:
                    printerr("")
                basic_state.status = n
                return True
            self.insert(c)
        else:
            self.insert(c)
        return False

    def insert(self, c: str) -> None:
        if self.upcase:
            c = c.upper()
        if self.first and not self.edit:
            if input_state.echo and self.size:
                _show(" " * self.size + self.cursor(self.col))
            self.text = ""
        if self.size:
            if self.panning:
                if self.posn - self.pan > self.size:
                    self.repaint()
            else:
                self.text = self.text[: self.size]
                if self.posn > self.size:
                    _show("\x07")
                    return
        if self.posn > len(self.text):
            self.text += c
            if input_state.echo:
                _show("*" if self.hidden else c)
        elif self.overlay:
            self.text = self.text[: self.posn - 1] + c + self.text[self.posn :]
            if input_state.echo:
                _show("*" if self.hidden else c)
        else:
            self.text = self.text[: self.posn - 1] + c + self.text[self.posn - 1 :]
            if self.size and not self.panning:
                self.text = self.text[: self.size]
            if input_state.echo:
                count = (
                    self.size + self.pan + 1 - self.posn
                    if self.panning
                    else (len(self.text) - self.posn + 1)
                )
                shown = (
                    "*" * count if self.hidden else self.text[self.posn - 1 :][:count]
                )
                _show(shown)
        self.posn += 1

    def backspace(self) -> None:
        if self.posn <= 1:
            return
        if self.panning and self.posn - 2 <= self.pan:
            self.repaint()
        self.posn -= 1
        if self.overlay:
            self.text = self.text[: self.posn - 1] + " " + self.text[self.posn :]
            if input_state.echo:
                _show(self.cursor(self.col - 1) + " ")
            return
        self.text = self.text[: self.posn - 1] + self.text[self.posn :]
        if input_state.echo:
            self.redraw_from(self.col - 1)

    def delete(self) -> None:
        self.text = self.text[: self.posn - 1] + self.text[self.posn :]
        if input_state.echo:
            self.redraw_from(self.col)

    def redraw_from(self, col: int) -> None:
        shown = "*" * len(self.text) if self.hidden else self.text
        tail = (shown + " ")[self.posn - 1 :]
        if self.panning:
            tail = tail[: self.size + self.pan + 1 - self.posn]
        _show(self.cursor(col) + tail)

    def finish(self) -> None:
        if input_state.echo:
            if self.mask is not None:
                _show(at(self.x, self.y) + self.formatted(self.text))
            elif self.panning:
                shown = "*" * len(self.text) if self.hidden else self.text
                _show(at(self.x, self.y) + shown[: self.size])
            if not self.nolf:
                _show_newline()
        if self.field_mode:
            basic_state.status = 0
        if input_state.error_displayed:
            printerr("")

    def repaint(self) -> None:
        """Scroll a PANNING field so the cursor position is visible."""
        while self.posn <= self.pan:
            self.pan -= self.increment
        while self.posn > self.size + self.pan:
            self.pan += self.increment
        shown = "*" * len(self.text) if self.hidden else self.text
        _show(
            at(self.x, self.y)
            + (shown + " " * self.size)[self.pan : self.pan + self.size]
        )
        self.col = self.x + self.posn - self.pan - 1
        _show(self.cursor(self.col))


def in_(timeout: object = 0) -> int:
    """IN var [FOR t]: the code of the next key (0 after the timeout or at the end).

    The timeout t is in tenths of a second; 0 waits for ever. The key is
    echoed if printable and ECHO is on. With THEN/ELSE, THEN runs when the
    code is not 0.
    """
    wait = max(to_int(timeout), 0) * 100
    key = keyboard.read_key(wait or None)
    if key is None:
        return 0
    if input_state.echo and key >= 32:
        _show(chr(key))
    return key
