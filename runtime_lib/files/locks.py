"""Record and file locks that work across processes.

How locks are kept
------------------
Each file (and each folder holding sequential files) has a *lock file*, in
a lock folder shared by every process on the machine (``$PICK2PY_LOCK_DIR``,
else ``<tmp>/pick2py-locks``), named after the device and inode of the
file's folder, so every path to the same folder shares one lock file and the
data folders stay untouched.

Locks are POSIX ``fcntl`` byte-range locks on that lock file:

- byte 0 is the *file byte*. FILELOCK holds it exclusively. A process that
  holds any record lock in the file holds it shared, so FILELOCK waits until
  no other process holds record locks in the file and a record lock waits
  while another process holds the FILELOCK, as in ScarletDME.
- each record id hashes (BLAKE2b, 62 bits) to its own byte. READU holds it
  exclusively, READL shared.

The kernel keeps these locks per process, which gives the rules the
language needs for free: a lock is released when its process exits, even by
SIGKILL; a forked child holds none of its parent's locks; another process's
READU blocks in the kernel (no polling) until the lock is free. F_GETLK tells
RECORDLOCKED() whether another process holds a lock, of which kind, and its
pid, which is what STATUS() reports as the blocking "user".

Which locks this process holds, and through which file variable and
transaction it took them, is kept in memory (ScarletDME's local lock table);
WRITE, RELEASE and CLOSE consult it. POSIX drops all of a process's locks on
a file when any descriptor of that file is closed, so each lock file is
opened once per process and never closed.

After ``fork()`` the child's table is emptied (:func:`reset_after_fork`,
also registered with ``os.register_at_fork``), because the kernel gave the
child none of the locks.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import struct
import tempfile
import time
from dataclasses import dataclass

__all__ = [
    "LockSpace",
    "lock_key_for_path",
    "reset_after_fork",
    "space_for",
]

FILE_BYTE = 0
_HASH_RANGE = 2**62

# struct flock on Linux: l_type, l_whence, l_start, l_len, l_pid.
_FLOCK = "hhqqi4x"

_WAIT_RETRY = 0.1


@dataclass
class Held:
    """A record lock this process holds."""

    kind: str  # "U" (READU) or "L" (READL)
    fvar: int  # index of the file variable that took it
    txn: int  # transaction that took it, 0 if none


def lock_key_for_path(path: str) -> str:
    """Return the lock identity of a folder: its device and inode.

    A folder that does not exist (OPENSEQ into a missing directory) is keyed
    on its absolute path instead.
    """
    try:
        st = os.stat(path)
    except OSError:
        digest = hashlib.blake2b(
            os.path.abspath(path).encode("utf-8", "surrogateescape"),
            digest_size=12,
        ).hexdigest()
        return "path-" + digest
    return f"{st.st_dev:x}-{st.st_ino:x}"


def _lock_dir() -> str:
    configured = os.environ.get("PICK2PY_LOCK_DIR")
    if configured:
        os.makedirs(configured, exist_ok=True)
        return configured
    shared = os.path.join(tempfile.gettempdir(), "pick2py-locks")
    try:
        os.mkdir(shared)
        os.chmod(shared, 0o1777)
    except FileExistsError:
        pass
    except OSError:
        shared = ""
    if shared and os.access(shared, os.W_OK | os.X_OK):
        return shared
    private = os.path.join(tempfile.gettempdir(), f"pick2py-locks-{os.getuid()}")
    os.makedirs(private, mode=0o700, exist_ok=True)
    return private


def _record_byte(id: str) -> int:
    digest = hashlib.blake2b(id.encode("latin-1"), digest_size=8).digest()
    return 1 + int.from_bytes(digest, "big") % _HASH_RANGE


def _setlk(fd: int, kind: str, offset: int, wait: bool) -> bool:
    """Set, change or clear this process's lock on one byte.

    kind is "W" (exclusive), "R" (shared) or "" (unlock). Returns False if
    another process holds a conflicting lock and ``wait`` is false.
    """
    if kind == "W":
        op = fcntl.LOCK_EX
    elif kind == "R":
        op = fcntl.LOCK_SH
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, offset)
        return True
    if not wait:
        op |= fcntl.LOCK_NB
    while True:
        try:
            fcntl.lockf(fd, op, 1, offset)
            return True
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            if exc.errno != errno.EDEADLK:
                raise
            # The kernel saw a deadlock; ScarletDME (deadlock detection off
            # by default) keeps waiting, so we do too.
            time.sleep(_WAIT_RETRY)


def _getlk(fd: int, kind: str, offset: int) -> tuple[str, int]:
    """Return the kind ("W"/"R") and pid of another process's lock on a byte.

    Returns ("", 0) if no other process holds a lock that would conflict
    with one of ``kind``.
    """
    ltype = fcntl.F_WRLCK if kind == "W" else fcntl.F_RDLCK
    query = struct.pack(_FLOCK, ltype, os.SEEK_SET, offset, 1, 0)
    answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    got_type, _, _, _, pid = struct.unpack(_FLOCK, answer)
    if got_type == fcntl.F_UNLCK:
        return "", 0
    return ("W" if got_type == fcntl.F_WRLCK else "R"), pid


class LockSpace:
    """The locks of one file, as seen from this process."""

    def __init__(self, key: str):
        self.key = key
        path = os.path.join(_lock_dir(), key + ".lock")
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            os.fchmod(self.fd, 0o666)
        except OSError:
            pass
        os.set_inheritable(self.fd, False)
        self.reset()

    def reset(self) -> None:
        """Forget every lock (the process holds none, as after fork)."""
        self.records: dict[str, Held] = {}
        self.by_byte: dict[int, set[str]] = {}
        self.byte_kind: dict[int, str] = {}
        self.file_byte = ""
        self.file_lock_fvar: int | None = None
        self.file_lock_txn = 0

    # --- record locks ------------------------------------------------------

    def lock_record(
        self, id: str, update: bool, wait: bool, fvar: int, txn: int
    ) -> int:
        """Take a READU (update) or READL lock; return 0 or the blocker's pid.

        A lock this process already holds is converted: READL over READU
        downgrades it, as ScarletDME's lock_record does. With ``wait`` the
        call blocks until the lock is free and always returns 0. A blocker
        that cannot be identified (it let go as we looked) gives -1.
        """
        held = self.records.get(id)
        if held is not None and (held.kind == "U" or not update):
            held.kind = "U" if update else "L"
            held.fvar, held.txn = fvar, txn
            self._sync_byte(_record_byte(id))
            return 0
        took_file_byte = False
        if not self.file_byte:
            if not _setlk(self.fd, "R", FILE_BYTE, wait):
                return self._blocker(FILE_BYTE, "R")
            self.file_byte = "R"
            took_file_byte = True
        offset = _record_byte(id)
        kind = "W" if update else "R"
        if self.byte_kind.get(offset) != "W" and not _setlk(
            self.fd, kind, offset, wait
        ):
            if took_file_byte and not self.records:
                _setlk(self.fd, "", FILE_BYTE, False)
                self.file_byte = ""
            return self._blocker(offset, kind)
        if held is not None:
            held.kind, held.fvar, held.txn = "U", fvar, txn
        else:
            self.records[id] = Held("U" if update else "L", fvar, txn)
            self.by_byte.setdefault(offset, set()).add(id)
        self._sync_byte(offset)
        return 0

    def unlock_record(self, id: str) -> bool:
        """Release this process's lock on a record; False if none was held."""
        if self.records.pop(id, None) is None:
            return False
        offset = _record_byte(id)
        owners = self.by_byte.get(offset)
        if owners is not None:
            owners.discard(id)
            if not owners:
                del self.by_byte[offset]
        self._sync_byte(offset)
        self._sync_file_byte()
        return True

    def holds(self, id: str) -> str:
        """Return "U", "L" or "" for this process's lock on a record."""
        held = self.records.get(id)
        return held.kind if held is not None else ""

    def state(self, id: str) -> tuple[int, int]:
        """Return RECORDLOCKED()'s code and the pid that holds the lock.

        3 / -3: this / another process holds the file lock; 2 / 1: this
        process holds an update / shared lock; -2 / -1: another process does;
        0: nobody.
        """
        if self.file_lock_fvar is not None:
            return 3, os.getpid()
        kind, pid = _getlk(self.fd, "W", FILE_BYTE)
        if kind == "W":
            return -3, pid
        held = self.records.get(id)
        if held is not None:
            return (2 if held.kind == "U" else 1), os.getpid()
        kind, pid = _getlk(self.fd, "W", _record_byte(id))
        if kind == "W":
            return -2, pid
        if kind == "R":
            return -1, pid
        return 0, 0

    # --- file lock ---------------------------------------------------------

    def lock_file(self, wait: bool, fvar: int, txn: int) -> int:
        """Take the file lock (FILELOCK); return 0 or the blocker's pid."""
        if self.file_lock_fvar is not None:
            self.file_lock_fvar, self.file_lock_txn = fvar, txn
            return 0
        if not _setlk(self.fd, "W", FILE_BYTE, wait):
            return self._blocker(FILE_BYTE, "W")
        self.file_byte = "W"
        self.file_lock_fvar, self.file_lock_txn = fvar, txn
        return 0

    def unlock_file(self) -> bool:
        """Release the file lock; False if this process did not hold it."""
        if self.file_lock_fvar is None:
            return False
        self.file_lock_fvar = None
        self.file_lock_txn = 0
        self._sync_file_byte()
        return True

    def other_file_lock(self) -> int:
        """Return the pid of another process holding the file lock, or 0."""
        kind, pid = _getlk(self.fd, "W", FILE_BYTE)
        return pid if kind == "W" else 0

    # --- bulk release ------------------------------------------------------

    def release_where(self, fvar: int | None = None, txn: int | None = None) -> None:
        """Release record locks (and the file lock) taken through a file
        variable, or in a transaction; with neither, release them all."""
        for id, held in list(self.records.items()):
            if (fvar is None or held.fvar == fvar) and (txn is None or held.txn == txn):
                self.unlock_record(id)
        if self.file_lock_fvar is not None:
            if (fvar is None or self.file_lock_fvar == fvar) and (
                txn is None or self.file_lock_txn == txn
            ):
                self.unlock_file()

    # --- helpers -----------------------------------------------------------

    def _sync_byte(self, offset: int) -> None:
        owners = self.by_byte.get(offset, ())
        kinds = {self.records[i].kind for i in owners}
        want = "W" if "U" in kinds else ("R" if kinds else "")
        if self.byte_kind.get(offset, "") == want:
            return
        # A downgrade or unlock never blocks.
        _setlk(self.fd, want, offset, True)
        if want:
            self.byte_kind[offset] = want
        else:
            self.byte_kind.pop(offset, None)

    def _sync_file_byte(self) -> None:
        if self.file_lock_fvar is not None:
            return
        want = "R" if self.records else ""
        if self.file_byte != want:
            _setlk(self.fd, want, FILE_BYTE, True)
            self.file_byte = want

    def _blocker(self, offset: int, kind: str) -> int:
        _, pid = _getlk(self.fd, kind, offset)
        return pid or -1


_SPACES: dict[str, LockSpace] = {}


def space_for(key: str) -> LockSpace:
    """Return this process's LockSpace for a lock key."""
    space = _SPACES.get(key)
    if space is None:
        space = _SPACES[key] = LockSpace(key)
    return space


def all_spaces() -> list[LockSpace]:
    """Return every LockSpace this process has used."""
    return list(_SPACES.values())


def close_idle_spaces() -> None:
    """Close the lock files of files this process holds no lock in.

    Closing a descriptor drops every fcntl lock the process has on that
    file, so a space that still holds a record or file lock stays open.
    """
    for key, space in list(_SPACES.items()):
        if not space.records and not space.file_byte and space.file_lock_fvar is None:
            os.close(space.fd)
            del _SPACES[key]


def reset_after_fork() -> None:
    """Forget the locks the parent held: the child holds none of them."""
    for space in _SPACES.values():
        space.reset()


os.register_at_fork(after_in_child=reset_after_fork)
