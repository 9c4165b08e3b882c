"""Task locks: ``LOCK n`` and ``UNLOCK n``, 64 numbered locks for every process.

ScarletDME keeps 64 task locks (0 to 63) in its shared memory segment, each
free or owned by one user (op_lock.c); programs use them to take turns at
something that is not a record. pick2py keeps lock ``n`` as byte ``n`` of one
lock file in the shared lock folder (see :mod:`runtime_lib.files.locks`),
held with an exclusive ``fcntl`` lock, so that, as in ScarletDME:

- another process's LOCK finds it taken, and STATUS() is the owner's user
  number (its process id, pick2py's ``@USERNO``);
- it is freed by UNLOCK or when the owning process ends, however it ends;
- a forked child (or a phantom) owns none of its parent's task locks.

The lock file is opened once per process and never closed, since closing
it would drop every lock held through it.
"""

from __future__ import annotations

import os

from runtime_lib.clauses import ELSE, THEN
from runtime_lib.errors import BasicError
from runtime_lib.files import codes
from runtime_lib.files.locks import _getlk, _lock_dir, _setlk
from runtime_lib.state import state
from runtime_lib.values import to_int

__all__ = ["lock", "reset_after_fork", "unlock"]

TASK_LOCKS = 64
_LOCK_FILE = "task-locks.lock"

_fd: int | None = None
_held: set[int] = set()


def _lock_file() -> int:
    global _fd
    if _fd is None:
        path = os.path.join(_lock_dir(), _LOCK_FILE)
        _fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            os.fchmod(_fd, 0o666)
        except OSError:
            pass
        os.set_inheritable(_fd, False)
    return _fd


def _number(n: object) -> int:
    number = to_int(n)
    if not 0 <= number < TASK_LOCKS:
        raise BasicError("Invalid task lock number")
    return number


def lock(n: object, *, has_else: bool = False) -> int:
    """Return the outcome of LOCK: THEN once the task lock is ours, or ELSE.

    ``LOCK n [THEN ...] [ELSE ...]``: a lock this process owns already is
    taken again (STATUS() is then its own user number); a free one is
    taken (STATUS() 0). One another process owns takes ELSE with STATUS()
    that process's user number, or without an ELSE clause waits for it
    (ScarletDME retries every second; pick2py waits in the kernel). A
    number outside 0 to 63 is a fatal "Invalid task lock number".
    """
    number = _number(n)
    if number in _held:
        state.status = os.getpid()
        return THEN
    fd = _lock_file()
    while not _setlk(fd, "W", number, not has_else):
        kind, pid = _getlk(fd, "W", number)
        if kind:
            state.status = pid
            return ELSE
        # The owner let go while we looked: try again.
    _held.add(number)
    state.status = 0
    return THEN


def unlock(n: object = None) -> int:
    """Return the outcome of UNLOCK: THEN if the task lock was ours and is
    now free, else ELSE.

    ``UNLOCK n [THEN ...] [ELSE ...]``: STATUS() is 0 when this process
    owned the lock, 3011 (ER$LCK) when another process owns it and 3012
    (ER$NLK) when nobody does. ``UNLOCK`` with no number (UniVerse's form)
    frees every task lock this process owns.
    """
    fd = _lock_file()
    if n is None:
        for number in sorted(_held):
            _setlk(fd, "", number, True)
        _held.clear()
        state.status = 0
        return THEN
    number = _number(n)
    if number in _held:
        _setlk(fd, "", number, True)
        _held.discard(number)
        state.status = 0
        return THEN
    kind, _ = _getlk(fd, "W", number)
    state.status = codes.ER_LCK if kind else codes.ER_NLK
    return ELSE


def release_all() -> None:
    """Free every task lock this process owns (a new session; tests)."""
    if _held:
        unlock()


def reset_after_fork() -> None:
    """Forget the parent's task locks: the kernel gave the child none."""
    _held.clear()


os.register_at_fork(after_in_child=reset_after_fork)
