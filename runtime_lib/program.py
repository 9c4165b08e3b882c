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
    BasicError,
    ChainProgram,
    NonNumericError,
    StopProgram,
    UnassignedError,
)

# "# 12: PRINT X" before a statement, "# 3 in DEFS.INC: ..." for an $INSERTed
# line, or the same after the code on an "if"/"elif" line (CASE arms).
_LINE_COMMENT = re.compile(r"^\s*# (\d+)(?: in (\S+))?: ")
_TRAILING_MARK = re.compile(r"# (\d+)(?: in (\S+))?: ")


@dataclass
class Location:
    """Where in BASIC a fault happened."""

    item: str
    line: int
    include: str = ""
    text: str = ""  # the BASIC source of the line
    source: str = ""  # the item's BASIC file, as the generated module names it

    @property
    def path(self) -> str:
        """The BASIC file holding the line: the $INSERTed file or the item's."""
        return self.include or self.source


def basic_location(tb: Optional[TracebackType]) -> tuple[Optional[Location], object]:
    """The BASIC item and line of the innermost generated frame, and that frame."""
    found: tuple[Optional[Location], object] = (None, None)
    while tb is not None:
        frame = tb.tb_frame
        info = frame.f_globals.get("__basic__")
        if info is not None and hasattr(info, "kind"):
            line = _basic_line(frame.f_code.co_filename, tb.tb_lineno)
            if line is not None:
                source = frame.f_globals.get("__basic_source_path__") or info.source
                found = (Location(info.name, line[1], line[0], line[2], source), frame)
        tb = tb.tb_next
    return found


def _basic_line(filename: str, lineno: int) -> Optional[tuple[str, int, str]]:
    """(include file, BASIC line, BASIC text) marked for a generated line."""
    trailing = _comment_part(linecache.getline(filename, lineno))
    if trailing:
        match = _TRAILING_MARK.match(trailing)
        if match:
            return match.group(2) or "", int(match.group(1)), trailing[match.end() :]
    for n in range(lineno, 0, -1):
        text = linecache.getline(filename, n)
        match = _LINE_COMMENT.match(text)
        if match:
            return match.group(2) or "", int(match.group(1)), text[match.end() :]
    return None


def _comment_part(line: str) -> str:
    """The comment at the end of a line of code, skipping string literals."""
    quote = ""
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c == "#":
            return line[i:].strip() if line[:i].strip() else ""
        i += 1
    return ""


def _variable_holding(frame, value, line_text: str) -> Optional[str]:
    """The BASIC variable on the failing line that holds this value object.

    Of the variables that appear on the BASIC line, the first (in line
    order) whose value is the offending object; ScarletDME names the
    variable it was reading.
    """
    if frame is None:
        return None
    info = frame.f_globals.get("__basic__")
    candidates = []
    for name, held in frame.f_locals.items():
        if held is value and not name.startswith("_") and name[:1].isupper():
            basic = info.basic_name(name) if info else name
            where = _word_position(line_text, basic)
            if where >= 0:
                candidates.append((where, basic))
    return min(candidates)[1] if candidates else None


def _word_position(text: str, word: str) -> int:
    match = re.search(
        r"(?<![A-Za-z0-9.$%_])" + re.escape(word) + r"(?![A-Za-z0-9.$%_])", text.upper()
    )
    return match.start() if match else -1


def locate_error(exc: BaseException) -> Optional[Location]:
    """Fill in where in BASIC an exception happened; return that place.

    A :class:`BasicError` gets its ``item``, ``line`` and ``path`` (and the
    variable of a non-numeric value); any exception gets ``basic_location``
    and a note naming the BASIC file, line and source, which Python prints
    under its traceback. Called only when an exception leaves generated
    code (the program runner, the Python entries of routines), so
    statements pay nothing for it. The innermost generated frame is the
    place; an entry further out finds it already filled in.
    """
    known = getattr(exc, "basic_location", None)
    if known is not None:
        return known
    location, frame = basic_location(exc.__traceback__)
    if location is None:
        return None
    if isinstance(exc, BasicError):
        if isinstance(exc, NonNumericError) and exc.variable is None:
            exc.variable = _variable_holding(frame, exc.value, location.text)
        elif isinstance(exc, UnassignedError) and exc.marker is not None:
            held_by = _variable_holding(frame, exc.marker, location.text)
            exc.name = held_by or exc.name
        exc.line = location.line
        exc.item = location.item
        exc.path = location.path
    exc.basic_location = location
    if hasattr(exc, "add_note"):  # Python 3.11+
        text = location.text.strip()
        exc.add_note(
            f"BASIC {location.path} line {location.line} ({location.item}): {text}"
        )
    return location


def describe(exc: BaseException) -> tuple[str, Optional[Location]]:
    """The ScarletDME-style message for a fatal error, and where it happened."""
    location = locate_error(exc)
    if isinstance(exc, BasicError):
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

            if chained.entry is not None:
                main, words = chained.entry, []
                continue
            main, words = resolve_command(chained.command)
            if main is None:
                report(BasicError(f"{chained.command.split()[0]} is not in your VOC"))
                return 1
        except StopProgram:
            return session.exit_status
        except BasicError as exc:  # ABORT included
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
