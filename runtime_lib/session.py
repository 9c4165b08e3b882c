"""Session state a program sees: @-variables, STATUS(), SYSTEM(), @SENTENCE.

ScarletDME keeps these in its SYSCOM common and process structures; here
they live in one :class:`Session` per process. Running a program (RUN,
EXECUTE, CHAIN) pushes a level with its own @SENTENCE and PRECISION.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import sys
import time as _time

from runtime_lib.errors import BasicError
from runtime_lib.state import DEFAULT_PRECISION, state
from runtime_lib.values import to_int, to_str


class Session:
    """The @-variables of the running session."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.system_return_code = 0
        self.user_return_code = 0
        self.values: dict[str, object] = {}
        self.command_started = _time.time()
        self.level = 0
        self.exit_status = 0

    @property
    def sentence(self) -> str:
        return self.sentences[-1] if self.sentences else ""


session = Session()


@contextlib.contextmanager
def program_level(sentence: str):
    """Run a program at a new command level with its own @SENTENCE."""
    saved_precision = state.precision
    session.sentences.append(sentence)
    session.level += 1
    state.precision = DEFAULT_PRECISION
    try:
        yield
    finally:
        session.level -= 1
        session.sentences.pop()
        state.precision = saved_precision


def status() -> int:
    """STATUS(): the status the last statement that sets one left."""
    return state.status


def sentence() -> str:
    """SENTENCE() and @SENTENCE: the command that started the program."""
    return session.sentence


def precision(n: object) -> None:
    """PRECISION n: decimal places when floats print, clamped to 0..14."""
    state.precision = min(max(to_int(n), 0), 14)


def set_exit_status(n: object) -> None:
    """SET.EXIT.STATUS n: the process exit status when the session ends."""
    session.exit_status = to_int(n)


def _terminal():
    from runtime_lib import terminal

    return terminal


def at(name: str) -> object:
    """The value of an @-variable (marks and @TRUE/@FALSE are compiled in)."""
    getter = _AT_GETTERS.get(name)
    if getter is not None:
        return getter()
    return session.values.get(name, "")


def at_set(name: str, value: object) -> None:
    """Assign one of the @-variables a program may write."""
    if name == "USER.RETURN.CODE":
        session.user_return_code = value
    elif name in ("SYSTEM.RETURN.CODE", "SYSTEM.SET"):
        session.system_return_code = value
    else:
        session.values[name] = value


def _date_parts():
    return _time.localtime(session.command_started)


def _internal_date() -> int:
    local = _time.localtime(session.command_started)
    seconds = session.command_started + local.tm_gmtoff
    return int(seconds // 86400) + 732


def _logname() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "")


def _data_pending() -> str:
    from runtime_lib.terminal import data_pending

    return data_pending()


def _selected() -> object:
    try:
        from runtime_lib.files import selected_count

        return selected_count()
    except Exception:
        return 0


_AT_GETTERS = {
    "SENTENCE": sentence,
    "COMMAND": sentence,
    "SYSTEM.RETURN.CODE": lambda: session.system_return_code,
    "SYSTEM.SET": lambda: session.system_return_code,
    "USER.RETURN.CODE": lambda: session.user_return_code,
    "USERNO": lambda: os.getpid(),
    "USER.NO": lambda: os.getpid(),
    "CRTWIDE": lambda: _terminal().crt_size()[0],
    "CRTHIGH": lambda: _terminal().crt_size()[1],
    "LPTRWIDE": lambda: _terminal().system_item(2),
    "LPTRHIGH": lambda: _terminal().system_item(3),
    "LOGNAME": _logname,
    "USER": _logname,
    "WHO": lambda: os.path.basename(os.getcwd()),
    "PATH": lambda: os.getcwd(),
    "DS": lambda: os.sep,
    "SYS.BELL": lambda: "\x07",
    "TERM.TYPE": lambda: _terminal().term_type(),
    "LEVEL": lambda: max(session.level - 1, 0),
    "DATA.PENDING": _data_pending,
    "DATE": _internal_date,
    "TIME": lambda: int(session.command_started - _time.mktime(
        _time.localtime(session.command_started)[:3] + (0, 0, 0, 0, 0, -1))),
    "DAY": lambda: _date_parts().tm_mday,
    "MONTH": lambda: _date_parts().tm_mon,
    "YEAR": lambda: _date_parts().tm_year % 100,
    "YEAR4": lambda: _date_parts().tm_year,
    "HOSTNAME": socket.gethostname,
    "UID": os.getuid,
    "GID": os.getgid,
    "TTY": lambda: "tty" if sys.stdin.isatty() else "phantom",
    "SELECTED": _selected,
    "QMSYS": lambda: os.environ.get("QMSYS", ""),
    "ABORT.CODE": lambda: session.values.get("ABORT.CODE", 0),
    "TRANSACTION.LEVEL": lambda: 0,
    "IP.ADDR": lambda: "127.0.0.1",
}


def system(n: object, arg: object = None) -> object:
    """SYSTEM(n): session and environment information.

    The items real programs use: 1 printer on, 2/3 page width/length,
    4 lines left on the page, 5 page number, 6 line on the page (all of the
    printer while PRINTER ON, else of the display), 7 terminal type, 9 CPU
    milliseconds, 10 DATA queued, 11 select list 0
    active, 12 milliseconds past midnight, 18 user number, 91 0 on Unix,
    1000 the session's account path, 1017 the process id.
    """
    from runtime_lib.terminal import input_state

    number = to_int(n)
    if 1 <= number <= 7:
        return _terminal().system_item(number)
    if number == 9:
        return int(_time.process_time() * 1000)
    if number == 10:
        return 1 if input_state.data else 0
    if number == 11:
        count = _selected()
        return count if count else 0
    if number == 12:
        now = _time.time()
        local = _time.localtime(now)
        return int(((local.tm_hour * 60 + local.tm_min) * 60 + local.tm_sec) * 1000
                   + (now % 1) * 1000)
    if number == 18:
        return os.getpid()
    if number == 91:
        return 0
    if number == 1000:
        return os.getcwd()
    if number == 1017:
        return os.getpid()
    from runtime_lib import process

    special = process.system_item(number)
    if special is not None:
        return special
    return 0


def env(name: object) -> str:
    """ENV(name): an environment variable's value, "" if not set."""
    return os.environ.get(to_str(name), "")


def sleep(seconds: object = 1) -> None:
    """SLEEP [n]: n seconds; a non-numeric "hh:mm[:ss]" sleeps until that time."""
    from runtime_lib import terminal
    from runtime_lib.values import try_num

    terminal.flush()
    value = try_num(seconds)
    if value is None:
        text = to_str(seconds)
        parts = [int(p) for p in text.split(":") if p.isdigit()]
        if len(parts) < 2:
            raise BasicError("Non-numeric where numeric required")
        now = _time.localtime()
        target = parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)
        current = now.tm_hour * 3600 + now.tm_min * 60 + now.tm_sec
        delay = target - current
        if delay < 0:
            delay += 86400
        _time.sleep(delay)
        return
    if value > 0:
        _time.sleep(value)


def nap(milliseconds: object) -> None:
    """NAP n: sleep n milliseconds."""
    from runtime_lib import terminal

    terminal.flush()
    value = to_int(milliseconds)
    if value > 0:
        _time.sleep(value / 1000)


def logmsg(text: object) -> None:
    """LOGMSG text: a line in the session log (standard error here)."""
    sys.stderr.write(to_str(text) + "\n")


def tclread() -> str:
    """TCLREAD var: the command line that started the program."""
    return session.sentence
