"""Running a BASIC program and reporting its fatal errors as ScarletDME does.

A fatal error ends the program with one line naming the fault, the BASIC
item and the line, e.g. ``Non-numeric where numeric required in B at line 6
of PROG``. The line comes from the traceback: generated modules mark each
statement with a ``# <line>: <BASIC source>`` comment, so the innermost
frame of generated code gives the BASIC line, and its locals give the name
of the variable that held a bad value.
"""

from __future__ import annotations

import linecache
import re
import sys
from dataclasses import dataclass
from types import TracebackType
from typing import Optional

from runtime_lib.errors import (
    AbortError,
    BasicError,
    ChainProgram,
    NonNumericError,
    StopProgram,
    UnassignedError,
)
from runtime_lib.values import Unassigned

_LINE_COMMENT = re.compile(r"^\s*# (?:(\S+) )?(\d+): ")


@dataclass
class Location:
    """Where in BASIC a fault happened."""

    item: str
    line: int
    include: str = ""


def basic_location(tb: Optional[TracebackType]) -> tuple[Optional[Location], object]:
    """The BASIC item and line of the innermost generated frame, and that frame."""
    found: tuple[Optional[Location], object] = (None, None)
    while tb is not None:
        frame = tb.tb_frame
        info = frame.f_globals.get("__basic__")
        if info is not None and hasattr(info, "kind"):
            line = _basic_line(frame.f_code.co_filename, tb.tb_lineno)
            if line is not None:
                found = (Location(info.name, line[1], line[0]), frame)
        tb = tb.tb_next
    return found


def _basic_line(filename: str, lineno: int) -> Optional[tuple[str, int]]:
    for n in range(lineno, 0, -1):
        text = linecache.getline(filename, n)
        match = _LINE_COMMENT.match(text)
        if match:
            return match.group(1) or "", int(match.group(2))
    return None


def _variable_holding(frame, value) -> Optional[str]:
    """The BASIC name of a local that holds exactly this value object."""
    if frame is None:
        return None
    info = frame.f_globals.get("__basic__")
    for name, held in frame.f_locals.items():
        if held is value and not name.startswith("_") and name[0].isupper():
            return info.basic_name(name) if info else name
    return None


def describe(exc: BaseException) -> tuple[str, Optional[Location]]:
    """The ScarletDME-style message for a fatal error, and where it happened."""
    location, frame = basic_location(exc.__traceback__)
    if isinstance(exc, BasicError):
        if isinstance(exc, NonNumericError) and exc.variable is None and frame is not None:
            exc.variable = _variable_holding(frame, exc.value)
        if isinstance(exc, UnassignedError) and not exc.name and frame is not None:
            exc.name = ""
        if location is not None:
            exc.line = location.line
            exc.item = location.item
        return exc.message(), location
    if isinstance(exc, RecursionError):
        text = "Stack overflow (too many nested calls)"
    elif isinstance(exc, ZeroDivisionError):
        text = "Divide by zero error"
    elif isinstance(exc, MemoryError):
        text = "Out of memory"
    else:
        text = f"Internal error in pick2py runtime: {type(exc).__name__}: {exc}"
    if location is not None:
        text += f" at line {location.line} of {location.item}"
    return text, location


def report(exc: BaseException) -> str:
    """Print a fatal error to standard error (after flushing output); return it."""
    from runtime_lib import terminal

    message, _ = describe(exc)
    terminal.flush()
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    return message


def run(main, words: list[str]) -> int:
    """Run a program's ``main``; return the process exit status.

    0 after a normal end or STOP; 1 after ABORT or a fatal error. CHAIN
    runs the named program in place of this one.
    """
    from runtime_lib import terminal
    from runtime_lib.session import session

    while True:
        try:
            main(*words)
            return session.exit_status
        except ChainProgram as chained:
            terminal.flush()
            from runtime_lib.execute import resolve_command

            main, words = resolve_command(chained.command)
            if main is None:
                report(BasicError(f"{chained.command.split()[0]} is not in your VOC"))
                return 1
        except StopProgram:
            return session.exit_status
        except AbortError as exc:
            report(exc)
            return 1
        except BasicError as exc:
            report(exc)
            return 1
        except KeyboardInterrupt:
            terminal.flush()
            return 130
        except Exception as exc:  # a bug in pick2py, named as such
            report(exc)
            return 2
        finally:
            terminal.flush()
