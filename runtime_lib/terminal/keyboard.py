"""The keyboard: reading keys, KEYIN(), KEYREADY(), INPUTBLK(), KEYCODE(), BINDKEY().

Keys come from standard input, one byte at a time, as ScarletDME reads them
(``keyin`` in ``linuxio.c``):

- From a terminal, the runtime turns off line editing and echo on first
  use (the program echoes what it wants, as ScarletDME does) and restores
  the terminal when the process ends. RETURN arrives as CR (13); a LF or
  NUL just after a CR is dropped, and any other LF (RETURN typed before
  the first read, while the terminal still edited lines) reads as CR.
  Ctrl-C still interrupts the program.
- From a pipe or a file, LF reads as CR, so a line ends an INPUT. At the
  end of input a read gives nothing: KEYIN() returns "" with STATUS() 3030
  (end of file), INPUT returns what it has (""), and KEYREADY() is always
  true, since reading will not wait.

A timeout is in milliseconds here (KEYIN takes seconds); 0 or None waits
for ever. A timed-out read sets STATUS() to 1011.

Case inversion (ScarletDME's PTERM CASE INVERT, on by default for a
session) swaps the case of letters read by KEYINC() and INPUT from the
keyboard; DATA lines are never inverted.
"""

from __future__ import annotations

import atexit
import os
import select
from typing import Optional

from runtime_lib.state import state as basic_state
from runtime_lib.values import FM, IM, to_float, to_int, to_num, to_str, truth

ER_TIMEOUT = 1011
ER_EOF = 3030
CR = 13
ESC = 27

# Key codes KEYCODE() returns for the terminal's function keys (keyin.h).
K_F1 = 128
K_MOUSE = 200
K_LEFT, K_RIGHT, K_UP, K_DOWN = 203, 204, 205, 206
K_PAGE_UP, K_PAGE_DOWN, K_HOME, K_END = 207, 208, 209, 210
K_INSERT, K_DELETE, K_BACK_TAB = 211, 212, 213
K_BACKSPACE = 8
K_RETURN = 13

_KEY_CAPS = [(f"kf{i}", K_F1 + i - 1) for i in range(1, 13)] + [
    ("kcub1", K_LEFT),
    ("kcuf1", K_RIGHT),
    ("kcuu1", K_UP),
    ("kcud1", K_DOWN),
    ("kpp", K_PAGE_UP),
    ("knp", K_PAGE_DOWN),
    ("khome", K_HOME),
    ("kend", K_END),
    ("kich1", K_INSERT),
    ("kdch1", K_DELETE),
    ("kcbt", K_BACK_TAB),
    ("kmous", K_MOUSE),
    ("kbs", K_BACKSPACE),
]


class Keyboard:
    """Standard input as a source of keys."""

    def __init__(self) -> None:
        self.fd = 0
        self.type_ahead: list[int] = []
        self.saved_modes: Optional[list] = None
        self.raw = False
        self.last_was_cr = False
        self.case_inversion = True
        self.bindings: Optional[dict[str, int]] = None
        self.esc_disabled = False  # BINDKEY(.., -5): no lone-ESC timeout
        self.trap_break = True  # the break character interrupts (TTYSET)
        self.break_char = 3
        self.inewline = CR  # what RETURN reads as (TTYSET)
        self.break_inhibits = 0  # BREAK OFF count
        self.break_pending = False  # the break key was pressed while inhibited
        self.owner = os.getpid()

    def is_terminal(self) -> bool:
        """Return True if standard input is a terminal."""
        try:
            return os.isatty(self.fd)
        except OSError:
            return False


keyboard = Keyboard()


def enter_raw_mode() -> None:
    """Turn off the terminal's line editing and echo (once per process)."""
    if keyboard.raw:
        return
    keyboard.raw = True
    try:
        import termios

        modes = termios.tcgetattr(keyboard.fd)
    except Exception:
        return
    keyboard.saved_modes = [list(m) if isinstance(m, list) else m for m in modes]
    keyboard.owner = os.getpid()
    if not set_modes(modes):
        keyboard.saved_modes = None
        return
    atexit.register(restore_terminal)


def set_modes(modes: list) -> bool:
    """Set the keyboard's modes on the terminal, starting from ``modes``."""
    import termios

    new = list(modes)
    new[0] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR | termios.ISTRIP)
    new[3] &= ~(termios.ICANON | termios.ECHO | termios.ECHONL)
    if keyboard.trap_break:
        new[3] |= termios.ISIG
    else:
        new[3] &= ~termios.ISIG
    cc = list(new[6])
    cc[termios.VMIN] = 1
    cc[termios.VTIME] = 0
    cc[termios.VINTR] = bytes([keyboard.break_char])
    new[6] = cc
    try:
        termios.tcsetattr(keyboard.fd, termios.TCSANOW, new)
    except Exception:
        return False
    return True


def restore_terminal() -> None:
    """Give the terminal back its line editing and echo."""
    if keyboard.saved_modes is None or keyboard.owner != os.getpid():
        return
    try:
        import termios

        termios.tcsetattr(keyboard.fd, termios.TCSADRAIN, keyboard.saved_modes)
    except Exception:
        pass
    keyboard.saved_modes = None
    keyboard.raw = False


def _wait(wait_ms: Optional[int]) -> bool:
    """Wait until a byte can be read; False if the time passed first."""
    if not wait_ms:
        return True
    try:
        ready, _, _ = select.select([keyboard.fd], [], [], wait_ms / 1000)
    except (OSError, ValueError):
        return True
    return bool(ready)


def _read_byte() -> Optional[int]:
    try:
        data = os.read(keyboard.fd, 1)
    except (OSError, ValueError):
        return None
    return data[0] if data else None


def read_key(wait_ms: Optional[int] = None) -> Optional[int]:
    """Return the next key's code, or None at a timeout or the end of input."""
    from runtime_lib.terminal.display import output

    output.flush()
    if keyboard.type_ahead:
        return keyboard.type_ahead.pop(0)
    terminal = keyboard.is_terminal()
    if terminal:
        enter_raw_mode()
    while True:
        if not _wait(wait_ms):
            basic_state.status = ER_TIMEOUT
            return None
        key = _read_byte()
        if key is None:
            basic_state.status = ER_EOF
            return None
        if not terminal:
            return keyboard.inewline if key == 10 else key
        key = _from_terminal(key)
        if key is not None:
            return key


def _from_terminal(key: int) -> Optional[int]:
    """A byte from the terminal as a key: None for a LF or NUL just after CR."""
    if keyboard.last_was_cr and key in (0, 10):
        keyboard.last_was_cr = False
        return None
    if key == 10:
        key = CR  # typed ahead before line editing was turned off
    keyboard.last_was_cr = key == CR
    return keyboard.inewline if key == CR else key


def key_ready() -> bool:
    """Return True if a key can be read without waiting."""
    if keyboard.type_ahead:
        return True
    if not keyboard.is_terminal():
        return True
    enter_raw_mode()
    try:
        ready, _, _ = select.select([keyboard.fd], [], [], 0)
    except (OSError, ValueError):
        return False
    if not ready:
        return False
    key = read_key(None)
    if key is None:
        return False
    keyboard.type_ahead.append(key)
    return True


def inputblk(max_bytes: object) -> str:
    """INPUTBLK(n): up to n bytes of keyboard input, without waiting.

    What has been typed and not yet read, at most n bytes (op_inputblk
    takes them from the ring buffer the keyboard fills); "" if nothing is
    waiting, or n is 0 or less. Bytes come as they are (no case
    inversion, no key sequences); RETURN as CR, as KEYIN() reads it. Not
    DATA. From a pipe always "": ScarletDME reads a pipe only when a key is
    asked for, never into the ring buffer.
    """
    from runtime_lib.terminal.display import output

    wanted = to_int(max_bytes)
    keys: list[int] = []
    output.flush()
    while len(keys) < wanted:
        if keyboard.type_ahead:
            keys.append(keyboard.type_ahead.pop(0))
            continue
        if not keyboard.is_terminal():
            break
        enter_raw_mode()
        try:
            ready, _, _ = select.select([keyboard.fd], [], [], 0)
        except (OSError, ValueError):
            break
        key = _read_byte() if ready else None
        if key is None:
            break
        key = _from_terminal(key)
        if key is not None:
            keys.append(key)
    return "".join(map(chr, keys))


def invert_case(key: int) -> int:
    """Return a key with its letter case swapped while case inversion is on."""
    c = chr(key)
    if keyboard.case_inversion and c.isascii() and c.isalpha():
        return ord(c.swapcase())
    return key


def timeout_ms(seconds: object) -> Optional[int]:
    """KEYIN's timeout in seconds as milliseconds (negative counts as 0)."""
    if seconds is None:
        return None
    value = to_float(seconds)
    return max(int(value * 1000), 0)


def keyin(timeout: object = None) -> str:
    """KEYIN([timeout]): the next key as a one-character string.

    Waits for ever with no timeout (or 0); "" after the timeout (STATUS()
    1011) or at the end of input (STATUS() 3030). No case inversion.
    """
    key = read_key(timeout_ms(timeout))
    return "" if key is None else chr(key)


def keyinc(timeout: object = None) -> str:
    """KEYINC([timeout]): KEYIN() with the session's case inversion applied."""
    key = read_key(timeout_ms(timeout))
    return "" if key is None else chr(invert_case(key))


def keyinr(timeout: object = None) -> str:
    """KEYINR([timeout]): KEYIN() (raw: no case inversion)."""
    return keyin(timeout)


def keyready() -> int:
    """KEYREADY(): 1 if a key is waiting (always 1 when input is not a terminal)."""
    return 1 if key_ready() else 0


def _bindings() -> dict[str, int]:
    from runtime_lib.terminal import screen

    if keyboard.bindings is None:
        keyboard.bindings = {}
        for cap, code in _KEY_CAPS:
            sequence = screen.capability(cap)
            if sequence:
                keyboard.bindings[sequence] = code
        keyboard.bindings[chr(keyboard.inewline)] = K_RETURN
    return keyboard.bindings


def keycode(timeout: object = None) -> str:
    """KEYCODE([timeout]): the next key, with the terminal's key sequences as codes.

    A sequence the terminal sends for a function, cursor or editing key
    gives one character whose code is ScarletDME's key code (F1 128 ...
    F12 139, left 203, right 204, up 205, down 206, page up 207, page down
    208, home 209, end 210, insert 211, delete 212, back tab 213,
    backspace 8, return 13); BINDKEY() and KEYEDIT change these bindings.
    A lone ESC is returned if nothing follows within 0.2 seconds (unless
    BINDKEY(.., -5) turned that off: then ESC waits like any other
    prefix). A KEYEXIT or KEYTRAP key gives CHAR(0) with its binding
    (256 or 512 plus the action) in STATUS(). A sequence that matches no
    key rings the bell and is skipped. Single characters follow the
    session's case inversion.
    """
    from runtime_lib.terminal.display import output

    bindings = _bindings()
    limit = timeout_ms(timeout)
    while True:
        key = read_key(limit)
        if key is None:
            return ""
        sequence = chr(key)
        if key == ESC and not keyboard.esc_disabled:
            following = read_key(200)
            basic_state.status = 0
            if following is None:
                return chr(ESC)
            sequence += chr(following)
        while True:
            if sequence in bindings:
                code = bindings[sequence]
                if code < 256:
                    return chr(code)
                basic_state.status = code
                return "\0"
            if not any(s.startswith(sequence) for s in bindings):
                break
            key = read_key(limit)
            if key is None:
                return ""
            sequence += chr(key)
        if len(sequence) == 1:
            return chr(invert_case(ord(sequence)))
        output.write("\x07")


# --- key bindings -------------------------------------------------------------------

BINDKEY_BAD_KEY = 1
BINDKEY_BAD_ACTION = 2
BINDKEY_PREFIX = 3


def bindkey(key_string: object, action: object) -> object:
    """BINDKEY(key.string, action): change KEYCODE()'s key bindings (_BINDKEY).

    The bindings (the terminal's own keys first) are what KEYCODE() and so
    INPUT @ and INPUTFIELD editing read keys through. ``action``:

    - 0 to 255 binds the key sequence to that code: true, or false with
      STATUS() 1 (an empty sequence or one holding a field mark), 2 (an
      action over 255) or 3 (a shorter prefix of the sequence is bound
      already, so the sequence could never be read). A sequence bound
      already is bound again.
    - -1 removes the binding (true even if there was none).
    - -2 returns the sequence's code, -1 if it is not bound.
    - -3 returns all bindings as one string to save: the sequences in
      sorted order and their codes, each list field-mark delimited, and
      the lone-ESC flag, the three parts separated by item marks.
    - -4 restores a string that -3 returned.
    - -5 and -6 turn KEYCODE()'s lone-ESC handling off and on; both
      return whether it was on.

    Any other negative action does nothing and returns true.
    """
    bindings = _bindings()
    keys = to_str(key_string)
    code = to_num(action)
    basic_state.status = 0
    if code >= 0:
        if not keys or FM in keys:
            basic_state.status = BINDKEY_BAD_KEY
            return 0
        if code > 255:
            basic_state.status = BINDKEY_BAD_ACTION
            return 0
        if keys not in bindings and any(
            keys[:n] in bindings for n in range(1, len(keys))
        ):
            basic_state.status = BINDKEY_PREFIX
            return 0
        bindings[keys] = to_int(code)
    elif code == -1:
        bindings.pop(keys, None)
    elif code == -2:
        return bindings.get(keys, -1)
    elif code == -3:
        ordered = sorted(bindings)
        codes = [str(bindings[k]) for k in ordered]
        flag = "1" if keyboard.esc_disabled else "0"
        return IM.join([FM.join(ordered), FM.join(codes), flag])
    elif code == -4:
        _restore_bindings(keys)
    elif code in (-5, -6):
        was_on = not keyboard.esc_disabled
        keyboard.esc_disabled = code == -5
        return 1 if was_on else 0
    return 1


# KEYEDIT's action numbers and the key codes they bind (_KEYEDIT).
_KEYEDIT_ACTIONS = {
    2: K_LEFT,
    3: K_RETURN,
    4: K_BACKSPACE,
    6: K_RIGHT,
    7: K_INSERT,
    8: K_DELETE,
    13: K_INSERT,
}


def _key_string(key: int) -> str:
    """The sequence a KEYEDIT key value stands for ("" if none).

    1 to 31 is that control character, 32 to 159 ESC followed by that
    character, and 160 upwards (value - 160) the sequence's bytes, the
    first in the low byte.
    """
    if 1 <= key <= 31:
        return chr(key)
    if 32 <= key <= 159:
        return chr(ESC) + chr(key)
    text = ""
    rest = key - 160 if key >= 160 else 0
    while rest:
        text += chr(rest & 255)
        rest >>= 8
    return text


def _keyedit(action: object, key: object, mode: int) -> None:
    number = to_int(action)
    if number < 0:
        code = -1
    elif mode:
        code = number
    elif number in _KEYEDIT_ACTIONS:
        code = _KEYEDIT_ACTIONS[number]
    else:
        return  # an edit action KEYCODE() has no code for
    sequence = _key_string(to_int(key))
    if not sequence:
        return
    bindings = _bindings()
    if code < 0:
        bindings.pop(sequence, None)
    else:
        bindings[sequence] = code + (mode << 8)


def keyedit(action: object, key: object) -> None:
    """KEYEDIT (action, key): bind a key to an INPUT @ editing action (_KEYEDIT).

    The actions KEYCODE() has codes for are 2 (left), 3 (return), 4
    (backspace), 6 (right), 7 and 13 (insert mode), 8 (delete); others are
    ignored. A negative action removes the key's binding. ``key`` is 1 to
    31 for a control character, 32 to 159 for ESC and that character, or
    160 plus the sequence's bytes (first byte lowest) for a longer one.
    """
    _keyedit(action, key, 0)


def keyexit(action: object, key: object) -> None:
    """KEYEXIT (value, key): the key ends INPUT @ keeping what was typed.

    KEYCODE() returns CHAR(0) for the key with STATUS() 256 + value; INPUT @
    then ends with STATUS() set to the value. Keys as for KEYEDIT; a
    negative value removes the binding.
    """
    _keyedit(action, key, 1)


def keytrap(action: object, key: object) -> None:
    """KEYTRAP (value, key): the key ends INPUT @, the variable unchanged.

    As KEYEXIT, but KEYCODE()'s STATUS() is 512 + value and INPUT @ gives
    back the variable's value from before the input.
    """
    _keyedit(action, key, 2)


def _restore_bindings(saved: str) -> None:
    """Load the bindings BINDKEY(.., -3) returned."""
    parts = (saved.split(IM) + ["", "", ""])[:3]
    sequences = parts[0].split(FM) if parts[0] else []
    codes = parts[1].split(FM)
    bindings: dict[str, int] = {}
    for i, sequence in enumerate(sequences):
        bindings[sequence] = to_int(codes[i]) if i < len(codes) else 0
    keyboard.bindings = bindings
    keyboard.esc_disabled = truth(parts[2])


def backspace_keys() -> tuple[int, ...]:
    """The codes INPUT takes as backspace: the terminal's kbs, or 8.

    At a terminal, 8 and 127 both rub out, whatever kbs says.
    """
    from runtime_lib.terminal import screen

    kbs = screen.capability("kbs")
    keys = (ord(kbs),) if len(kbs) == 1 else (8,)
    if keyboard.is_terminal():
        keys = tuple(sorted(set(keys) | {8, 127}))
    return keys


def set_case_inversion(on: object) -> None:
    """Turn the session's keyboard case inversion on or off."""
    keyboard.case_inversion = bool(to_int(on))
