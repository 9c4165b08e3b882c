"""The RUN verb: ``EXECUTE "RUN [file] program [args]"``.

ScarletDME's command processor (CPROC's INT.RUN) takes the first word after
RUN as the program, or, when two words follow, the first as the file and
the second as the program; the file defaults to BP and further words are
the program's to read from @SENTENCE, which stays the whole command. There
the program runs from the file's ``.OUT`` companion, where BASIC put its
object code; pick2py transpiles the item in the file itself (through the
catalogue's cache), so ``BP.OUT`` is the BP folder.

The file is a name registered in the account (see
:mod:`runtime_lib.files.account`) or, failing that, a folder of that name
in the account folder. ``RUN PROG`` with no BP file there finds PROG in the
catalogue instead, as a plain ``EXECUTE "PROG"`` would, because pick2py
programs usually live beside the program that runs them rather than in a
BP file. The messages are ScarletDME's, including the ``.OUT`` it names.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

from runtime_lib import terminal
from runtime_lib.commands import command
from runtime_lib.files import codes

DEFAULT_FILE = "BP"


@command("RUN")
def run_command(words: list[str], sentence: str) -> int:
    """RUN [file] program: run a BASIC program at this command level."""
    if len(words) < 2:
        terminal.emit("Record name required\n")
        return -codes.ER_ARGS
    file_given = len(words) > 2
    file_name, program = (
        (words[1], words[2]) if file_given else (DEFAULT_FILE, words[1])
    )
    folder = _file_folder(file_name)
    if folder is None:
        entry = None if file_given else _catalogued_program(program)
        if entry is None:
            terminal.emit(f"File {file_name}.OUT not found\n")
            return -codes.ER_NVR
    else:
        entry = _program_in(folder, program)
        if entry is None:
            terminal.emit(f"Program {file_name.upper()}.OUT {program} not found\n")
            return -codes.ER_RNF
    entry(sentence=sentence)
    return 0


def _file_folder(name: str) -> Optional[Path]:
    """The folder of a file named in a RUN command, or None."""
    from runtime_lib.files.account import current_account

    account = current_account()
    for candidate in (name, name.upper()):
        status, path = account.resolve(candidate, dict_part=False)
        if status == 0 and os.path.isdir(path):
            return Path(path)
        folder = Path(account.path) / candidate
        if folder.is_dir():
            return folder
    return None


def _program_in(folder: Path, name: str) -> Optional[Callable]:
    """The ``main`` of the program item ``name`` in a folder, or None."""
    from runtime_lib import catalog
    from transpiler.preprocess import find_item

    path = find_item(folder, name)
    if path is None:
        return None
    try:
        return _program_entry(catalog.catalog.load_file(path))
    except catalog.CatalogError as exc:
        catalog.say_why_not_loaded(exc)
        return None


def _catalogued_program(name: str) -> Optional[Callable]:
    from runtime_lib import catalog

    try:
        return _program_entry(catalog.catalog.load(name))
    except catalog.NotFound:
        return None
    except catalog.CatalogError as exc:
        catalog.say_why_not_loaded(exc)
        return None


def _program_entry(module) -> Optional[Callable]:
    info = module.__basic__
    return info.entry if info.kind == "PROGRAM" else None
