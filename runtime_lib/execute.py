"""EXECUTE, PERFORM, CHAIN and OS.EXECUTE.

A command is a verb and its arguments. The verb is a built-in command
registered by a runtime topic (CREATE.FILE, SELECT, ...; see
:mod:`runtime_lib.commands`), or a catalogued BASIC program, which runs in
this process at a new command level with the command as its @SENTENCE.
Anything else prints ScarletDME's "X is not in your VOC" and sets
@SYSTEM.RETURN.CODE to -1. Running a BASIC program leaves
@SYSTEM.RETURN.CODE as it was; @USER.RETURN.CODE is whatever it set.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Callable, Optional

from runtime_lib import terminal
from runtime_lib.commands import find_command
from runtime_lib.errors import AbortError, ChainProgram
from runtime_lib.files import selects
from runtime_lib.session import session
from runtime_lib.values import FM, to_str


@dataclass
class ExecuteResult:
    """What EXECUTE hands back: CAPTURING, RETURNING/SETTING, RTNLIST."""

    output: str = ""
    return_code: object = 0
    select_list: object = ""


def resolve_command(command: str) -> tuple[Optional[Callable], list[str]]:
    """The ``main`` of a catalogued program named by a command, and its words."""
    from runtime_lib import catalog

    words = command.split()
    if not words:
        return None, []
    try:
        module = catalog.catalog.load(words[0])
    except catalog.NotFound:
        return None, []
    except catalog.CatalogError as exc:
        catalog.say_why_not_loaded(exc)
        return None, []
    info = module.__basic__
    if info.kind != "PROGRAM":
        return None, []
    return info.entry, words[1:]


def _run(command: str, trap_aborts: bool) -> None:
    """Run a command at a new command level. A CHAIN (or ENTER) in what it
    runs ends the programs of this level only: the chained command runs
    here and EXECUTE then returns (ScarletDME's K_CHAIN goes back to the
    nearest command processor)."""
    entry = None
    while True:
        try:
            if entry is not None:
                entry()
            else:
                _run_command(command, trap_aborts)
            return
        except ChainProgram as chained:
            command, entry = chained.command, chained.entry


def _run_command(command: str, trap_aborts: bool) -> None:
    text = command.strip()
    words = text.split()
    if not words:
        return
    verb = words[0].upper()
    handler = find_command(verb)
    main = None
    if handler is None:
        main, _ = resolve_command(text)
        if main is None:
            terminal.emit(f"{words[0]} is not in your VOC\n")
            session.system_return_code = -1
            return
    try:
        if handler is not None:
            # A verb may run a program too (RUN), which may abort.
            session.system_return_code = handler(words, text)
        else:
            main(sentence=text)
    except AbortError:
        if not trap_aborts:
            raise
        # The command processor starts again after an abort and clears
        # select list 0 (CPROC).
        selects.clearselect(0)


def execute(
    command: object,
    capture: bool = False,
    trap_aborts: bool = False,
    passlist: object = None,
    passlist_name: str = "",
    rtnlist: bool = False,
) -> ExecuteResult:
    """EXECUTE / PERFORM cmd [CAPTURING v] [RETURNING|SETTING v] [TRAPPING ABORTS]
    [PASSLIST v] [RTNLIST v].

    CAPTURING gets the command's display output with lines as fields (the
    final newline dropped). Select lists belong to the process, not to a
    command level: a list the command makes is still list 0 afterwards.
    PASSLIST moves a select list variable (``passlist``, the BASIC
    variable ``passlist_name``) into list 0 for the command first; RTNLIST
    moves list 0 into the result's ``select_list`` afterwards ("" if no
    list is active).
    """
    text = to_str(command)
    result = ExecuteResult()
    if passlist is not None:
        selects.pass_list(passlist, passlist_name)
    if capture:
        terminal.start_capture()
    try:
        _run(text, trap_aborts)
    finally:
        if capture:
            captured = terminal.end_capture()
            if captured.endswith("\n"):
                captured = captured[:-1]
            result.output = captured.replace("\n", FM)
    result.return_code = session.system_return_code
    if rtnlist:
        result.select_list = selects.return_list()
    return result


def chain(command: object) -> None:
    """CHAIN cmd: end this program and run the command in its place."""
    raise ChainProgram(to_str(command))


def os_execute(command: object, capture: bool = False) -> object:
    """OS.EXECUTE cmd [CAPTURING v]: run an operating system command."""
    terminal.flush()
    text = to_str(command)
    if capture:
        done = subprocess.run(text, shell=True, capture_output=True)
        session.values["OS.ERROR"] = done.returncode
        out = done.stdout.decode("latin-1")
        if out.endswith("\n"):
            out = out[:-1]
        return out.replace("\n", FM)
    done = subprocess.run(text, shell=True)
    session.values["OS.ERROR"] = done.returncode
    return ""


def os_error() -> object:
    """OS.ERROR(): the exit status of the last OS.EXECUTE."""
    return session.values.get("OS.ERROR", 0)
