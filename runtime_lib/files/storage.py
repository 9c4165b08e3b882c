"""The storage interface: what a file's records live in.

Generated code never sees a backend: it calls ``read``, ``write`` and the
other statement functions on a file variable, and the file variable holds a
:class:`Storage`. Two backends ship with pick2py:

- ``DIRECTORY`` (:mod:`runtime_lib.files.dirfile`): a folder with one OS file
  per record, compatible with ScarletDME directory files.
- ``DYNAMIC`` (:mod:`runtime_lib.files.hashed`): hashed files, kept in an
  SQLite database beside the file's folder.

Every file, whatever its backend, is a folder on disk; that is how OPENPATH
and the registry find it, and the folder's identity (device and inode) is
what record locks are keyed on, so locking works the same for all backends.

To add a backend (a client-server database, say):

1. Subclass :class:`Storage` and implement its abstract methods. Records and
   ids are ``str`` holding one character per byte (Latin-1); ``write`` and
   ``delete`` must be visible to other processes when they return.
2. Give it a :class:`Backend` whose ``detect`` recognises the backend's
   folders (normally by a marker file inside them), ``open`` returns a
   Storage and ``create`` makes an empty file.
3. Call :func:`register_backend`; pass ``default=True`` to make
   ``CREATE.FILE name DYNAMIC`` create files with it.

Transactions call :meth:`Storage.domain` and hand each domain the updates for
its files in one :meth:`Domain.apply` call; a backend that can apply them
atomically (as SQLite does) gives BEGIN/COMMIT TRANSACTION its atomicity.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from typing import Callable

__all__ = [
    "Backend",
    "Domain",
    "Storage",
    "TxnOp",
    "backend_for",
    "default_backend",
    "register_backend",
]


@dataclass
class TxnOp:
    """One update of a committing transaction: ``record`` None deletes."""

    storage: "Storage"
    id: str
    record: str | None


class Domain(abc.ABC):
    """A group of files whose updates can be applied together."""

    @abc.abstractmethod
    def apply(self, ops: list[TxnOp]) -> None:
        """Apply the updates, all or none of them if the backend can."""


class Storage(abc.ABC):
    """The records of one file.

    ``kind`` is "DYNAMIC" or "DIRECTORY" (FILEINFO(f, 3) reports 3 or 4 for
    them); ``path`` is the absolute path of the file's folder.
    """

    kind: str = ""
    path: str = ""

    def check_id(self, id: str) -> bool:
        """Return False for an id this backend cannot store.

        The caller has already refused ids that no file accepts (empty,
        too long, holding marks or NUL).
        """
        return True

    @abc.abstractmethod
    def read(self, id: str) -> str | None:
        """Return the record, or None if there is none."""

    @abc.abstractmethod
    def write(self, id: str, record: str) -> None:
        """Create or replace a record. Raises OSError on failure."""

    @abc.abstractmethod
    def delete(self, id: str) -> bool:
        """Delete a record; return False if there was none."""

    def exists(self, id: str) -> bool:
        """Return True if the record exists."""
        return self.read(id) is not None

    @abc.abstractmethod
    def ids(self) -> list[str]:
        """Return the ids of all records (the order SELECT gives them in)."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Delete every record."""

    def count(self) -> int:
        """Return the number of records."""
        return len(self.ids())

    def size_bytes(self) -> int:
        """Return the space the records take, for FILEINFO(f, 1003)."""
        return 0

    @abc.abstractmethod
    def domain(self) -> Domain:
        """Return the transaction domain this file belongs to."""

    @abc.abstractmethod
    def destroy(self) -> None:
        """Delete the file itself, records and folder (DELETE.FILE)."""


@dataclass
class Backend:
    """How to recognise, open and create the files of one backend."""

    name: str
    detect: Callable[[str], bool]
    open: Callable[[str], Storage]
    create: Callable[[str], None]


_BACKENDS: list[Backend] = []
_DEFAULT: list[Backend] = []


def register_backend(backend: Backend, *, default: bool = False) -> None:
    """Add a backend; ``default`` makes it the one DYNAMIC files use."""
    _BACKENDS.insert(0, backend)
    if default:
        _DEFAULT[:] = [backend]


def backend_for(path: str) -> Backend | None:
    """Return the backend owning a folder, or None for a directory file."""
    for backend in _BACKENDS:
        if backend.detect(path):
            return backend
    return None


def default_backend() -> Backend:
    """Return the backend that CREATE.FILE ... DYNAMIC uses."""
    if not _DEFAULT:
        raise RuntimeError("no hashed-file backend registered")
    return _DEFAULT[0]
