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
from runtime_lib.state import state
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
    saved = state.enter_call()
    session.sentences.append(sentence)
    session.level += 1
    try:
        yield
    finally:
        session.level -= 1
        session.sentences.pop()
        state.leave_call(saved)


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
    "TIME": lambda: int(
        session.command_started
        - _time.mktime(
            _time.localtime(session.command_started)[:3] + (0, 0, 0, 0, 0, -1)
        )
    ),
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
    "TRANSACTION.LEVEL": lambda: _transaction("level"),
    "TRANSACTION.ID": lambda: _transaction("id"),
    "IP.ADDR": lambda: "127.0.0.1",
}


def system(n: object, arg: object = None) -> object:
    """SYSTEM(n): session and environment information, as op_sys.c numbers it.

    1-6 printer and page state (of the printer while PRINTER ON, else of the
    display), 7 terminal type, 9 CPU milliseconds, 10 DATA queued, 11 select
    list 0 active, 12 TIME(), 18 user number, 23 break key enabled, 24 echo
    on, 25 phantom, 26 prompt character, 27-30 uid, euid, gid, egid, 31
    licence number (0), 32 system folder, 38 temporary folder, 42 IP
    address, 91 0 (not Windows), 1000 CAPTURING in effect, 1001 case
    inversion (0), 1005 DATE()*86400+TIME(), 1006 0, 1007/1008 transaction
    id and level, 1009 0 (little-endian), 1010 platform, 1012 version, 1015
    host name, 1017 tcp/ip port (0: not a network session), 1020 time of
    day in milliseconds, 1024 folder at start, 1025 environment variables,
    1029 GOSUB depth, 1030 login time, 1031 process id. Others give 0.
    """
    from runtime_lib import process
    from runtime_lib.conversions import system_date_time

    number = to_int(n)
    if 1 <= number <= 7:
        return _terminal().system_item(number)
    if number in (12, 1005, 1020, 1030):
        return system_date_time(number)
    special = process.system_item(number)
    if special is not None:
        return special
    item = _SYSTEM_ITEMS.get(number)
    return item() if item is not None else 0


def _capturing() -> int:
    return 1 if _terminal().output.captures else 0


def _environment() -> str:
    from runtime_lib.values import FM, VM

    names = VM.join(os.environ)
    values = VM.join(os.environ.values())
    return names + FM + values


def _gosub_depth() -> int:
    from runtime_lib.control import gosub_depth

    return gosub_depth()


def _transaction(which: str) -> int:
    from runtime_lib.files import transactions

    if which == "id":
        return transactions.current_txn_id()
    return 1 if transactions.in_transaction() else 0


_ENTRY_DIRECTORY = os.getcwd()

_SYSTEM_ITEMS = {
    9: lambda: int(_time.process_time() * 1000),
    10: lambda: 1 if _terminal().input_state.data else 0,
    11: lambda: 1 if _selected() else 0,
    18: lambda: os.getpid(),
    23: lambda: _terminal().ttymodes.break_allowed(),
    24: lambda: 1 if _terminal().input_state.echo else 0,
    26: lambda: _terminal().input_state.prompt,
    27: os.getuid,
    28: os.geteuid,
    29: os.getgid,
    30: os.getegid,
    31: lambda: 0,
    32: lambda: os.environ.get("QMSYS", ""),
    38: lambda: os.environ.get("TMPDIR", "/tmp"),
    42: lambda: "127.0.0.1",
    91: lambda: 0,
    1000: _capturing,
    1001: lambda: 0,
    1006: lambda: 0,
    1007: lambda: _transaction("id"),
    1008: lambda: _transaction("level"),
    1009: lambda: 0 if sys.byteorder == "little" else 1,
    1010: lambda: sys.platform.upper(),
    1012: lambda: "pick2py",
    1015: socket.gethostname,
    1017: lambda: 0,
    1024: lambda: _ENTRY_DIRECTORY,
    1025: _environment,
    1029: _gosub_depth,
}


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
