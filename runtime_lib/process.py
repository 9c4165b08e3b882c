"""Processes: FORK(), EXIT.CHILD, reaping children, and SYSTEM() items.

``FORK()`` (the Krowemoh/ScarletDME fork's intrinsic, Nov 2023) wraps
``os.fork()``: the parent gets the child's pid, the child 0, and -1 means
the process could not be created. Before forking, buffered display output
is flushed so that the child does not print it a second time. In the child
the data layer makes itself the child's own (``os.register_at_fork`` hooks
in :mod:`runtime_lib.files`): it holds none of the parent's record locks,
opens its own SQLite connections and is in no transaction.

Finished children are reaped: a SIGCHLD handler (and every FORK) waits for
the children this process made, and only for those, so a server that forks
for every connection leaves no zombies and the exit status of OS.EXECUTE's
commands is not stolen from :mod:`subprocess`.

``EXIT.CHILD`` ends a forked child at once: it flushes the child's own
output and leaves with ``os._exit``, so nothing the parent still owns (open
files, record locks, sockets, buffered sequential files, temporary folders)
is touched by clean-up code. A forked child whose program simply ends (END,
STOP, a fatal error) leaves the same way, never returning into code that
belongs to the parent. EXIT.CHILD in a process that is not a forked child is
a runtime error naming the BASIC line.

SYSTEM() items here: 25 (1 in a phantom process, ScarletDME ``op_sys.c``)
and 1031 (the operating system process id). SYSTEM(0) is the ``errno`` of
the last failed D3 socket function (D3's convention).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import Iterator, Optional

from runtime_lib.errors import BasicError

__all__ = [
    "end_forked_child",
    "exit_child",
    "fork",
    "forked_child_boundary",
    "is_forked_child",
    "is_phantom",
    "reap_children",
    "system_item",
    "track_child",
]


class _ProcessState:
    """What this process knows about its place in the process tree."""

    def __init__(self) -> None:
        self.is_child = False  # made by FORK()
        self.is_phantom = False  # started by PHANTOM
        self.children: dict[int, Optional[object]] = {}  # pid -> Popen or None
        self.handler_installed = False
        self.handler_pid = 0  # the process that installed the handler


_state = _ProcessState()


def is_forked_child() -> bool:
    """Return True in a process that FORK() made."""
    return _state.is_child


def is_phantom() -> bool:
    """Return True in a process that PHANTOM started."""
    return _state.is_phantom


def set_phantom() -> None:
    """Mark this process as a phantom (SYSTEM(25) becomes 1)."""
    _state.is_phantom = True


# --- reaping -------------------------------------------------------------------


def track_child(pid: int, popen: Optional[object] = None) -> None:
    """Reap ``pid`` when it ends (a forked child, or a phantom's Popen)."""
    _state.children[pid] = popen
    _install_reaper()


def reap_children() -> int:
    """Wait for every finished child this process made; return how many.

    Only the pids recorded by :func:`track_child` are waited for, never
    ``waitpid(-1)``, so children that :mod:`subprocess` runs keep their exit
    status for it.
    """
    reaped = 0
    for pid, popen in list(_state.children.items()):
        try:
            if popen is not None:
                done = popen.poll() is not None  # type: ignore[attr-defined]
            else:
                done = os.waitpid(pid, os.WNOHANG)[0] != 0
        except ChildProcessError:
            done = True
        if done:
            _state.children.pop(pid, None)
            reaped += 1
    return reaped


def _on_sigchld(signum, frame) -> None:
    reap_children()


def _install_reaper() -> None:
    """Reap children as they end, from a SIGCHLD handler.

    A handler can only be set from the main thread; elsewhere children are
    reaped at each FORK (and by :func:`reap_children`).
    """
    if _state.handler_installed and _state.handler_pid == os.getpid():
        return
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGCHLD)
    if previous not in (signal.SIG_DFL, signal.SIG_IGN, None, _on_sigchld):
        return  # the embedding application handles SIGCHLD itself
    signal.signal(signal.SIGCHLD, _on_sigchld)
    _state.handler_installed = True
    _state.handler_pid = os.getpid()


# --- FORK and EXIT.CHILD ---------------------------------------------------------


def fork() -> int:
    """FORK(): the child's pid in the parent, 0 in the child, -1 on failure.

    Display output is flushed first so the child does not repeat it. The
    child is reaped when it ends. In the child the data layer holds none of
    the parent's locks and reconnects its SQLite stores (``reset_after_fork``
    runs from ``os.register_at_fork``).
    """
    from runtime_lib import terminal

    terminal.flush()
    _flush_streams()
    reap_children()
    try:
        pid = os.fork()
    except OSError:
        return -1
    if pid == 0:
        _state.is_child = True
        _state.children = {}
        _state.handler_installed = False
        return 0
    track_child(pid)
    return pid


def exit_child() -> None:
    """EXIT.CHILD: end a forked child at once, leaving the parent's state alone.

    The child's display output is flushed, then the process leaves with
    ``os._exit(0)``: no clean-up runs, so the parent's files, locks, sockets
    and buffers are untouched. Outside a forked child this is a runtime
    error (the Krowemoh fork silently ended the whole process instead).
    """
    if not _state.is_child:
        raise BasicError("EXIT.CHILD used in a process that is not a forked child")
    end_forked_child(0)


def end_forked_child(status: int) -> None:
    """Flush this child's output and leave with ``os._exit(status)``."""
    from runtime_lib import terminal

    try:
        terminal.flush()
    finally:
        _flush_streams()
        os._exit(status)


def _flush_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


@contextlib.contextmanager
def forked_child_boundary(outermost: bool) -> Iterator[None]:
    """Keep a forked child from returning into its parent's code.

    Wraps a program's outermost run: when that program ends in a forked
    child (normally, by STOP, or by a fatal error, which is reported first)
    the child leaves with ``os._exit`` as EXIT.CHILD does, instead of
    unwinding into code that belongs to the parent (a test harness, an
    application embedding the program). CHAIN still replaces the program.
    """
    if not outermost:
        yield
        return
    from runtime_lib.errors import ChainProgram, StopProgram

    try:
        yield
    except ChainProgram:
        raise
    except StopProgram:
        if _state.is_child:
            end_forked_child(_exit_status())
        raise
    except KeyboardInterrupt:
        if _state.is_child:
            end_forked_child(130)
        raise
    except SystemExit as exc:
        if _state.is_child:
            end_forked_child(exc.code if isinstance(exc.code, int) else 1)
        raise
    except BaseException as exc:
        if _state.is_child:
            from runtime_lib import program
            from runtime_lib.errors import BasicError

            program.report(exc)
            end_forked_child(1 if isinstance(exc, BasicError) else 2)
        raise
    if _state.is_child:
        end_forked_child(_exit_status())


def _exit_status() -> int:
    from runtime_lib.session import session

    status = session.exit_status
    return status if isinstance(status, int) else 0


# --- SYSTEM() ------------------------------------------------------------------


def system_item(number: int) -> Optional[object]:
    """SYSTEM(n) items owned by the process layer, or None.

    0: errno of the last failed D3 socket function; 25: 1 in a phantom;
    1031: the operating system process id.
    """
    if number == 25:
        return 1 if _state.is_phantom else 0
    if number == 1031:
        return os.getpid()
    if number == 0:
        from runtime_lib.sockets import d3

        return d3.last_errno()
    return None
