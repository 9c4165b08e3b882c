"""Hashed (DYNAMIC) files kept in SQLite.

Layout: a hashed file ``NAME`` is a folder holding a marker file
``~pick2py.hashed`` (as a ScarletDME DH file is a folder holding ``~0``);
its records are rows of the SQLite database ``.pick2py/store.sqlite`` in the
folder that contains ``NAME``. So every hashed file of an account shares one
database, which makes a transaction over several of them one SQLite
transaction: all of it is written or none, even if the process is killed
while committing.

The marker names the file's number in the store. Moving a hashed file's
folder to another parent folder leaves its records behind; copy records with
``pick2py`` export/import instead.

The database runs in WAL mode with ``synchronous=NORMAL``: a committed write
survives the death of the process at once and a power failure once the WAL
is checkpointed. Readers never wait for writers; writers queue on SQLite's
lock (busy timeout ten minutes). Ids and records are stored as BLOBs of
their Latin-1 bytes, so SELECT returns ids in byte order.

Connections are per process: a forked child abandons the ones it inherited
(closing them could disturb the parent's) and opens its own.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time

from runtime_lib.files.storage import Backend, Domain, Storage, TxnOp, register_backend

__all__ = ["HashedStorage", "SQLiteStore", "reset_after_fork", "store_for"]

MARKER = "~pick2py.hashed"
STORE_DIR = ".pick2py"
STORE_NAME = "store.sqlite"
_BUSY_TIMEOUT = 600.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    file INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    file INTEGER NOT NULL,
    id BLOB NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (file, id)
);
"""

_ABANDONED: list[sqlite3.Connection] = []


class SQLiteStore(Domain):
    """One SQLite database holding the hashed files of a folder."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self._conn: sqlite3.Connection | None = None
        self._pid = 0

    @property
    def conn(self) -> sqlite3.Connection:
        """Return this process's connection, opening it on first use."""
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        if self._conn is not None:
            _ABANDONED.append(self._conn)
        os.makedirs(os.path.dirname(self.db_path), exist_ok=True)
        conn = sqlite3.connect(
            self.db_path,
            timeout=_BUSY_TIMEOUT,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        self._execute_schema(conn)
        self._conn, self._pid = conn, os.getpid()
        return conn

    @staticmethod
    def _execute_schema(conn: sqlite3.Connection) -> None:
        for attempt in range(50):
            try:
                conn.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError:
                # Another process creating the schema at the same moment.
                if attempt == 49:
                    raise
                time.sleep(0.05)

    def abandon(self) -> None:
        """Drop the connection without closing it (after fork)."""
        if self._conn is not None:
            _ABANDONED.append(self._conn)
        self._conn = None

    # --- files --------------------------------------------------------------

    def new_file(self, name: str) -> int:
        """Register a new hashed file and return its number."""
        cur = self.conn.execute(
            "INSERT INTO files (name, created) VALUES (?, ?)", (name, time.time())
        )
        return int(cur.lastrowid)

    def drop_file(self, file_no: int) -> None:
        """Delete a hashed file's records and registration."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM records WHERE file = ?", (file_no,))
            conn.execute("DELETE FROM files WHERE file = ?", (file_no,))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def has_file(self, file_no: int) -> bool:
        """Return True if the store knows the file number."""
        row = self.conn.execute(
            "SELECT 1 FROM files WHERE file = ?", (file_no,)
        ).fetchone()
        return row is not None

    # --- records ------------------------------------------------------------

    def read(self, file_no: int, id: str) -> str | None:
        row = self.conn.execute(
            "SELECT data FROM records WHERE file = ? AND id = ?",
            (file_no, id.encode("latin-1")),
        ).fetchone()
        return None if row is None else row[0].decode("latin-1")

    def exists(self, file_no: int, id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM records WHERE file = ? AND id = ?",
            (file_no, id.encode("latin-1")),
        ).fetchone()
        return row is not None

    def write(self, file_no: int, id: str, record: str) -> None:
        self.conn.execute(
            "INSERT INTO records (file, id, data) VALUES (?, ?, ?) "
            "ON CONFLICT (file, id) DO UPDATE SET data = excluded.data",
            (file_no, id.encode("latin-1"), record.encode("latin-1")),
        )

    def delete(self, file_no: int, id: str) -> bool:
        cur = self.conn.execute(
            "DELETE FROM records WHERE file = ? AND id = ?",
            (file_no, id.encode("latin-1")),
        )
        return cur.rowcount > 0

    def ids(self, file_no: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM records WHERE file = ? ORDER BY id", (file_no,)
        ).fetchall()
        return [row[0].decode("latin-1") for row in rows]

    def clear(self, file_no: int) -> None:
        self.conn.execute("DELETE FROM records WHERE file = ?", (file_no,))

    def count(self, file_no: int) -> int:
        row = self.conn.execute(
            "SELECT COUNT(*) FROM records WHERE file = ?", (file_no,)
        ).fetchone()
        return int(row[0])

    def size_bytes(self, file_no: int) -> int:
        row = self.conn.execute(
            "SELECT COALESCE(SUM(LENGTH(id) + LENGTH(data)), 0) FROM records "
            "WHERE file = ?",
            (file_no,),
        ).fetchone()
        return int(row[0])

    def apply(self, ops: list[TxnOp]) -> None:
        """Apply a transaction's updates in one SQLite transaction."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for op in ops:
                file_no = op.storage.file_no  # type: ignore[attr-defined]
                if op.record is None:
                    self.delete(file_no, op.id)
                else:
                    self.write(file_no, op.id, op.record)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


_STORES: dict[str, SQLiteStore] = {}


def store_for(folder: str) -> SQLiteStore:
    """Return the store of the hashed files that live in ``folder``."""
    db_path = os.path.join(os.path.abspath(folder), STORE_DIR, STORE_NAME)
    store = _STORES.get(db_path)
    if store is None:
        store = _STORES[db_path] = SQLiteStore(db_path)
    return store


def close_stores() -> None:
    """Close this process's SQLite connections (they reopen on next use).

    Not while a transaction is open: its writes live in the connection.
    """
    for store in _STORES.values():
        conn = store._conn
        if conn is not None and store._pid == os.getpid() and not conn.in_transaction:
            conn.close()
            store._conn = None


def reset_after_fork() -> None:
    """Abandon inherited connections; each store reconnects on next use."""
    for store in _STORES.values():
        store.abandon()


os.register_at_fork(after_in_child=reset_after_fork)


class HashedStorage(Storage):
    """A hashed file: a folder with a marker, records in the SQLite store."""

    kind = "DYNAMIC"

    def __init__(self, path: str, store: SQLiteStore, file_no: int):
        self.path = os.path.abspath(path)
        self.store = store
        self.file_no = file_no

    def read(self, id: str) -> str | None:
        return self.store.read(self.file_no, id)

    def exists(self, id: str) -> bool:
        return self.store.exists(self.file_no, id)

    def write(self, id: str, record: str) -> None:
        self.store.write(self.file_no, id, record)

    def delete(self, id: str) -> bool:
        return self.store.delete(self.file_no, id)

    def ids(self) -> list[str]:
        return self.store.ids(self.file_no)

    def clear(self) -> None:
        self.store.clear(self.file_no)

    def count(self) -> int:
        return self.store.count(self.file_no)

    def size_bytes(self) -> int:
        return self.store.size_bytes(self.file_no)

    def domain(self) -> Domain:
        return self.store

    def destroy(self) -> None:
        self.store.drop_file(self.file_no)
        shutil.rmtree(self.path)


class StoreMissing(Exception):
    """The marker names a store or file number that does not exist."""


def _read_marker(path: str) -> int:
    with open(os.path.join(path, MARKER), encoding="utf-8") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key.strip() == "file":
                return int(value)
    raise StoreMissing(path)


def is_hashed_folder(path: str) -> bool:
    """Return True if path is a pick2py hashed file."""
    return os.path.isfile(os.path.join(path, MARKER))


def open_hashed(path: str) -> HashedStorage:
    """Open a hashed file's storage; raise StoreMissing if it is broken."""
    path = os.path.abspath(path)
    file_no = _read_marker(path)
    store = store_for(os.path.dirname(path))
    if not os.path.exists(store.db_path) or not store.has_file(file_no):
        raise StoreMissing(path)
    return HashedStorage(path, store, file_no)


def create_hashed(path: str) -> None:
    """Create an empty hashed file at ``path`` (its folder must not exist)."""
    path = os.path.abspath(path)
    os.makedirs(path)
    try:
        file_no = store_for(os.path.dirname(path)).new_file(os.path.basename(path))
        with open(os.path.join(path, MARKER), "w", encoding="utf-8") as fh:
            fh.write(
                "pick2py hashed file; its records are in "
                f"../{STORE_DIR}/{STORE_NAME}\n"
                f"file: {file_no}\n"
            )
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise


register_backend(
    Backend(
        name="sqlite",
        detect=is_hashed_folder,
        open=open_hashed,
        create=create_hashed,
    ),
    default=True,
)
