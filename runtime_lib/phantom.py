"""PHANTOM: run a command in a background process, its output in $COMO.

``EXECUTE "PHANTOM command"`` (ScarletDME's ``GPL.BP PHANTOM`` verb) starts
a new process that runs ``command`` as EXECUTE would (a catalogued program
with its arguments, or a verb) and returns at once. The parent shows
"Started phantom user N" and @SYSTEM.RETURN.CODE is N, the phantom's user
number (its process id: pick2py's @USERNO). Without a command it stops
with "Phantom command missing"; inside a transaction with "Phantom
processes cannot be started within a transaction".

The phantom writes everything it displays to a log, as ScarletDME's
phantoms do with COMO: a record ``PH<user>_<ddmmyy>_<hhmmss>`` of the
account's ``$COMO`` directory file (made and registered on first use),
which reads::

    COMO file activated to PH1234_130124_143501
    Phantom 1234 started at 14:35:01 13 JAN 2024
    ...what the command displayed...
    Phantom 1234 terminated at 14:35:07 13 JAN 2024

In the phantom SYSTEM(25) is 1, standard input is empty and it runs in a
session of its own, so closing the parent's terminal does not end it. The
phantom gets the parent's account, catalogue folders, include path, $IFDEF
symbols and dialect. The parent reaps it when it ends.

Run as ``python -m runtime_lib.phantom``, this module is the phantom's own
process entry point.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Optional

from runtime_lib import process, terminal
from runtime_lib.commands import command
from runtime_lib.como import como_folder
from runtime_lib.files.codes import ER_ARGS

ER_PROCESS = 10
ER_TXN = 1010


@command("PHANTOM")
def phantom_command(words: list[str], sentence: str) -> int:
    """PHANTOM command: start ``command`` in the background; return its user number."""
    from runtime_lib.files import transactions

    if transactions.in_transaction():
        terminal.emit("Phantom processes cannot be started within a transaction\n")
        return -ER_TXN
    text = sentence.strip()
    ph_command = text.split(None, 1)[1].strip() if len(text.split(None, 1)) > 1 else ""
    if not ph_command:
        terminal.emit("Phantom command missing\n")
        return -ER_ARGS
    folder = como_folder()
    terminal.flush()
    try:
        started = subprocess.Popen(
            _runner_command(folder, ph_command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        terminal.emit("Failed to create phantom process\n")
        return -ER_PROCESS
    process.track_child(started.pid, started)
    terminal.emit(f"Started phantom user {started.pid}\n")
    return started.pid


def chgphant() -> int:
    """Return 1: CHGPHANT() always succeeds.

    ``ok = CHGPHANT()`` makes a phantom "chargeable" under commercial QM's
    licence counting; ScarletDME counts no licences and its op_chgphant
    only returns 1, and so does pick2py.
    """
    return 1


def _runner_command(como: str, ph_command: str) -> list[str]:
    from runtime_lib import catalog
    from runtime_lib.files.account import current_account

    cat = catalog.catalog
    args = [
        sys.executable,
        "-m",
        "runtime_lib.phantom",
        "--account",
        current_account().path,
        "--como",
        como,
    ]
    for folder in cat.folders:
        args += ["--catalog", folder]
    for folder in cat.include_path:
        args += ["--include-path", folder]
    for name in sorted(cat.defines):
        args += ["-D", name]
    if getattr(cat, "dialect", ""):
        args += ["--dialect", cat.dialect]
    return [*args, "--", ph_command]


# --- the phantom process ---------------------------------------------------------


def _stamp() -> tuple[str, str]:
    """The time and date as ScarletDME's phantom messages show them, and the
    ``ddmmyy_hhmmss`` part of the COMO record name."""
    from runtime_lib import rt

    day, seconds = rt.date(), rt.time()
    shown = f"{rt.oconv(seconds, 'MTS')} {rt.oconv(day, 'D4DMY[,A3]')}"
    name = (
        rt.oconv(day, "D2/DMY").replace("/", "")
        + "_"
        + rt.oconv(seconds, "MTS").replace(":", "")
    )
    return shown, name


def run_phantom(argv: Optional[list[str]] = None) -> int:
    """The phantom's own process: log to $COMO and run the command."""
    parser = argparse.ArgumentParser(prog="python -m runtime_lib.phantom")
    parser.add_argument("--account", required=True)
    parser.add_argument("--como", required=True)
    parser.add_argument("--catalog", action="append", default=[])
    parser.add_argument("--include-path", action="append", default=[])
    parser.add_argument("-D", dest="define", action="append", default=[])
    parser.add_argument("--dialect", default="")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    ph_command = " ".join(w for w in args.command if w != "--")

    from runtime_lib import catalog, execute, files, program, rt
    from runtime_lib.errors import ChainProgram, StopProgram

    os.chdir(args.account)
    files.set_account(args.account)
    cat = catalog.catalog
    cat.folders = list(args.catalog)
    cat.include_path = list(args.include_path)
    cat.defines = set(args.define)
    cat.dialect = args.dialect
    process.set_phantom()

    user = os.getpid()
    shown, stamp = _stamp()
    record = f"PH{user}_{stamp}"
    log = os.open(
        os.path.join(args.como, record), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666
    )
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    terminal.emit(f"COMO file activated to {record}\n")
    terminal.emit(f"Phantom {user} started at {shown}\n")
    status = 0
    entry = None  # what an ENTER names, run in place of a command
    while ph_command:
        try:
            if entry is not None:
                entry()
            else:
                execute.execute(ph_command)
            break
        except StopProgram:
            break
        except ChainProgram as chained:
            ph_command, entry = chained.command, chained.entry
        except BaseException as exc:  # reported in the log; the phantom ends
            program.report(exc)
            status = 1
            break
    terminal.emit(f"Phantom {user} terminated at {rt.timedate()}\n")
    terminal.flush()
    return status


if __name__ == "__main__":
    sys.exit(run_phantom())
