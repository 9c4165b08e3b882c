"""Record statements: OPEN, READ, WRITE, DELETE, locks, CLEARFILE, CLOSE.

Each function returns the clause outcome the statement takes (THEN, ELSE,
LOCKED or ON_ERROR from :mod:`runtime_lib.clauses`), with the value read as
a second element where the statement reads one, and sets STATUS() as
ScarletDME's ``op_dio*.c`` and ``op_lock.c`` do. ``has_locked`` says the
statement has a LOCKED clause (return LOCKED instead of waiting for the
lock); ``has_on_error`` says it has ON ERROR (return ON_ERROR instead of
stopping the program with ScarletDME's message).

Locks follow ScarletDME: READU/READL keep the lock whether the record exists
or not; WRITE and DELETE release it (WRITEU, DELETEU and friends keep it);
RELEASE, CLOSE of the file variable and the end of the process release it.
Inside a transaction locks are kept until the transaction ends. In a LOCKED
clause STATUS() is the pid of the process holding the lock (ScarletDME gives
its user number).
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import time

from runtime_lib.clauses import ELSE, LOCKED, THEN
from runtime_lib.dynarray import extract, replace
from runtime_lib.errors import BasicError
from runtime_lib.files import codes
from runtime_lib.files.account import ScarletHashedFile, current_account, open_storage
from runtime_lib.files.codes import fail
from runtime_lib.files.locks import LockSpace, all_spaces, lock_key_for_path, space_for
from runtime_lib.files.storage import Storage
from runtime_lib.files.transactions import (
    cached,
    current_txn_id,
    defer_close,
    in_transaction,
    stage,
)
from runtime_lib.state import state
from runtime_lib.values import FM, UNASSIGNED, Unassigned, to_int, to_str

__all__ = [
    "FileVar",
    "clearfile",
    "close",
    "delete",
    "fileinfo",
    "filelock",
    "fileunlock",
    "mark_mapping",
    "matread",
    "matwrite",
    "open_file",
    "openpath",
    "read",
    "readv",
    "recordlock",
    "recordlocked",
    "release",
    "write",
    "writev",
]

# ScarletDME's MAXIDLEN is configurable up to 255 (qmdefs.h MAX_ID_LEN);
# pick2py accepts the maximum.
MAX_ID_LEN = 255

# valid_id() in op_dio3.c: no NUL and no mark characters in a written id.
_BAD_ID_CHAR = re.compile("[\x00\xfb-\xff]")

_fvar_numbers = itertools.count(1)


class FileVar:
    """An open file: what OPEN and OPENPATH assign to a file variable."""

    __slots__ = (
        "storage",
        "voc_name",
        "readonly",
        "index",
        "last_id",
        "space",
        "closed",
    )

    def __init__(
        self, storage: Storage, voc_name: str, readonly: bool, space: LockSpace
    ):
        self.storage = storage
        self.voc_name = voc_name
        self.readonly = readonly
        self.index = next(_fvar_numbers)
        self.last_id = ""
        self.space = space
        self.closed = False

    def __repr__(self) -> str:
        return f"FileVar({self.voc_name or self.storage.path!r}, {self.storage.kind})"

    def basic_str(self) -> str:
        """Return the text a file variable shows when printed: its name."""
        return self.voc_name or self.storage.path

    def close_now(self) -> None:
        """Release the locks taken through this file variable."""
        self.closed = True
        self.space.release_where(fvar=self.index)

    def __del__(self) -> None:
        # ScarletDME closes a file variable that is overwritten or goes out of
        # scope, releasing the locks taken through it.
        if not self.closed:
            try:
                self.space.release_where(fvar=self.index, txn=0)
            except Exception:
                pass


def _filevar(f: object) -> FileVar:
    if type(f) is FileVar and not f.closed:  # type: ignore[union-attr]
        return f  # type: ignore[return-value]
    if isinstance(f, Unassigned):
        raise f.fail()
    raise BasicError(codes.MSG_NEEDS_FILE)


# --- OPEN ------------------------------------------------------------------


def _open_folder(
    path: str, voc_name: str, readonly: bool, has_on_error: bool
) -> tuple[int, object]:
    try:
        status, storage = open_storage(path)
    except ScarletHashedFile:
        message = (
            f"{path} is a ScarletDME hashed file, which pick2py cannot open; "
            "copy its records into a pick2py file first"
        )
        return fail(-codes.ER_SFNF, message, has_on_error), UNASSIGNED
    if status > 0:
        state.status = status
        return ELSE, UNASSIGNED
    if status < 0 or storage is None:
        return fail(status, codes.MSG_OPEN.format(-status), has_on_error), UNASSIGNED
    space = space_for(lock_key_for_path(storage.path))
    return THEN, FileVar(storage, voc_name, readonly, space)


def open_file(
    dict_part: object,
    name: object,
    *,
    readonly: bool = False,
    has_on_error: bool = False,
) -> tuple[int, object]:
    """Return (outcome, file variable) for OPEN.

    ``OPEN [dict,] name [READONLY] TO f`` with dict_part "DICT" for the
    dictionary and "" for the data part. The name is looked up in the
    account's registry: an unknown name takes ELSE with STATUS() 3007, a
    registry entry that is not a file 3009, a missing folder 3003. On any
    failure the file variable comes back unassigned, as ScarletDME releases
    it.
    """
    state.status = 0
    voc_name = to_str(name)
    if not voc_name:
        state.status = codes.ER_NAM
        return ELSE, UNASSIGNED
    is_dict = to_str(dict_part).upper() == "DICT"
    status, path = current_account().resolve(voc_name, is_dict)
    if status:
        state.status = status
        return ELSE, UNASSIGNED
    return _open_folder(path, voc_name, readonly, has_on_error)


def openpath(
    path: object, *, readonly: bool = False, has_on_error: bool = False
) -> tuple[int, object]:
    """Return (outcome, file variable) for OPENPATH.

    ``OPENPATH path [READONLY] TO f``: a directory file or hashed file given
    by its folder, relative paths from the current directory. A path that is
    not a folder takes ELSE with STATUS() 3003.
    """
    state.status = 0
    text = to_str(path)
    if not text:
        state.status = codes.ER_NAM
        return ELSE, UNASSIGNED
    return _open_folder(text, "", readonly, has_on_error)


# --- READ ------------------------------------------------------------------


def _readable_id(fv: FileVar, id: object) -> str | None:
    key = to_str(id)
    if 0 < len(key) <= MAX_ID_LEN and fv.storage.check_id(key):
        return key
    return None


def _take_lock(fv: FileVar, id: str, update: bool, has_locked: bool) -> bool:
    """Lock a record, waiting unless there is a LOCKED clause.

    Returns True if the lock is held elsewhere (STATUS() is then the
    holder's pid).
    """
    blocker = fv.space.lock_record(
        id, update, not has_locked, fv.index, current_txn_id()
    )
    if blocker:
        state.status = blocker
        return True
    return False


def _fetch(fv: FileVar, id: str, has_on_error: bool) -> tuple[int, str]:
    if in_transaction():
        found, record = cached(fv.storage, id)
        if found:
            if record is None:
                state.status = codes.ER_RNF
                return ELSE, ""
            fv.last_id = id
            return THEN, record
    try:
        record = fv.storage.read(id)
    except (OSError, sqlite3.Error) as exc:
        errno = getattr(exc, "errno", 0) or 0
        message = codes.MSG_READ.format(codes.ER_IOE, errno)
        return fail(-codes.ER_IOE, message, has_on_error), ""
    if record is None:
        state.status = codes.ER_RNF
        return ELSE, ""
    fv.last_id = id
    return THEN, record


def read(
    f: object,
    id: object,
    *,
    lock: str | None = None,
    has_locked: bool = False,
    has_on_error: bool = False,
) -> tuple[int, str]:
    """Return (outcome, record) for READ, READL and READU.

    ``READ rec FROM f, id`` with ``lock`` None, "L" (READL) or "U" (READU).
    A missing record takes ELSE with STATUS() 3006 and gives ""; an illegal
    id (empty, longer than 255, or one a directory file cannot store: see
    :mod:`runtime_lib.files.dirfile`) takes ELSE with STATUS() 3000. The lock
    is taken before the read and kept even when the record does not exist.
    """
    fv = _filevar(f)
    state.status = 0
    key = _readable_id(fv, id)
    if key is None:
        state.status = codes.ER_IID
        return ELSE, ""
    if lock and _take_lock(fv, key, lock == "U", has_locked):
        return LOCKED, ""
    return _fetch(fv, key, has_on_error)


def readv(
    f: object,
    id: object,
    fno: object,
    *,
    lock: str | None = None,
    has_locked: bool = False,
    has_on_error: bool = False,
) -> tuple[int, str]:
    """Return (outcome, field) for READV, READVL and READVU.

    ``READV v FROM f, id, fno``: field ``fno`` of the record. Field 0 tests
    existence: THEN gives the id itself. ELSE and LOCKED give "".
    """
    fv = _filevar(f)
    field_no = to_int(fno)
    outcome, record = read(
        fv, id, lock=lock, has_locked=has_locked, has_on_error=has_on_error
    )
    if outcome != THEN:
        return outcome, ""
    if field_no == 0:
        return THEN, to_str(id)
    return THEN, extract(record, field_no)


def matread(
    matrix: object,
    f: object,
    id: object,
    *,
    lock: str | None = None,
    has_locked: bool = False,
    has_on_error: bool = False,
) -> int:
    """Return the outcome of MATREAD, MATREADL or MATREADU.

    ``MATREAD mat FROM f, id``: on THEN the record is spread over the matrix
    (``matrix.parse_from``: fields to elements 1..n, the rest in element 0,
    INMAT set). On ELSE or LOCKED the matrix is left as it was.
    """
    if not hasattr(matrix, "parse_from"):
        raise BasicError(codes.MSG_MATREAD_TARGET)
    outcome, record = read(
        f, id, lock=lock, has_locked=has_locked, has_on_error=has_on_error
    )
    if outcome == THEN:
        matrix.parse_from(record)  # type: ignore[attr-defined]
    return outcome


# --- WRITE and DELETE --------------------------------------------------------


def _covered(fv: FileVar, id: str) -> bool:
    """ScarletDME's check_lock: an update lock or the file lock is held."""
    return fv.space.holds(id) == "U" or fv.space.file_lock_fvar is not None


def _store(
    fv: FileVar, id: object, record: str, keep_lock: bool, has_on_error: bool
) -> int:
    state.status = 0
    key = to_str(id)
    if not 0 < len(key) <= MAX_ID_LEN or _BAD_ID_CHAR.search(key):
        message = codes.MSG_WRITE.format(codes.ER_IID, 0)
        return fail(-codes.ER_IID, message, has_on_error)
    if not fv.storage.check_id(key):
        return fail(-codes.ER_IID, codes.MSG_ILLEGAL_ID, has_on_error)
    if fv.readonly:
        message = codes.MSG_WRITE.format(codes.ER_RDONLY, 0)
        return fail(-codes.ER_RDONLY, message, has_on_error)
    if in_transaction():
        if not _covered(fv, key):
            message = codes.MSG_WRITE.format(codes.ER_NOLOCK, 0)
            return fail(-codes.ER_NOLOCK, message, has_on_error)
        stage(fv.storage, key, record)
        return THEN
    try:
        fv.storage.write(key, record)
    except (OSError, sqlite3.Error) as exc:
        errno = getattr(exc, "errno", 0) or 0
        message = codes.MSG_WRITE.format(codes.ER_PERM, errno)
        return fail(-codes.ER_PERM, message, has_on_error)
    if not keep_lock:
        fv.space.unlock_record(key)
    return THEN


def write(
    value: object,
    f: object,
    id: object,
    *,
    keep_lock: bool = False,
    has_on_error: bool = False,
) -> int:
    """Return the outcome of WRITE and WRITEU (always THEN or ON_ERROR).

    ``WRITE rec ON f, id`` writes and releases this process's lock on the
    record; ``WRITEU`` (keep_lock=True) keeps it. An id that is empty, longer
    than 255 or holds a mark or NUL is ScarletDME's error 3000; a directory
    file also refuses ids it cannot map to a file name ("Illegal record
    id"). Writing through a READONLY file variable is error 3018; inside a
    transaction the record must be locked (error 3023).
    """
    return _store(_filevar(f), id, to_str(value), keep_lock, has_on_error)


def writev(
    value: object,
    f: object,
    id: object,
    fno: object,
    *,
    keep_lock: bool = False,
    has_on_error: bool = False,
) -> int:
    """Return the outcome of WRITEV and WRITEVU.

    ``WRITEV v ON f, id, fno`` replaces one field of the record (a missing
    record counts as ""): field 0 replaces field 1 and a negative field
    appends one, as ScarletDME's ``_WRITEV`` does.
    """
    fv = _filevar(f)
    field_no = to_int(fno)
    outcome, record = read(fv, id, has_on_error=has_on_error)
    if outcome not in (THEN, ELSE):
        return outcome
    record = replace(record, -1 if field_no < 0 else field_no, 0, 0, to_str(value))
    return _store(fv, id, record, keep_lock, has_on_error)


def matwrite(
    matrix: object,
    f: object,
    id: object,
    *,
    keep_lock: bool = False,
    has_on_error: bool = False,
) -> int:
    """Return the outcome of MATWRITE and MATWRITEU.

    ``MATWRITE mat ON f, id`` writes the record ``matrix.build()`` makes.
    """
    return _store(_filevar(f), id, matrix.build(), keep_lock, has_on_error)  # type: ignore[attr-defined]


def delete(
    f: object, id: object, *, keep_lock: bool = False, has_on_error: bool = False
) -> int:
    """Return the outcome of DELETE and DELETEU.

    ``DELETE f, id``: deleting a record that does not exist is not an
    error. DELETE releases the record's lock, DELETEU (keep_lock=True) keeps
    it. An empty or illegal id is fatal ("Error -3000 deleting record", the
    negative code as ScarletDME prints it).
    """
    fv = _filevar(f)
    state.status = 0
    key = to_str(id)
    if not 0 < len(key) <= MAX_ID_LEN or not fv.storage.check_id(key):
        return fail(-codes.ER_IID, codes.MSG_DELETE.format(-codes.ER_IID), has_on_error)
    if fv.readonly:
        message = codes.MSG_DELETE.format(-codes.ER_RDONLY)
        return fail(-codes.ER_RDONLY, message, has_on_error)
    if in_transaction():
        if not _covered(fv, key):
            message = codes.MSG_DELETE.format(-codes.ER_NOLOCK)
            return fail(-codes.ER_NOLOCK, message, has_on_error)
        stage(fv.storage, key, None)
        return THEN
    try:
        fv.storage.delete(key)
    except (OSError, sqlite3.Error):
        return fail(
            -codes.ER_PERM, codes.MSG_DELETE.format(-codes.ER_PERM), has_on_error
        )
    if not keep_lock:
        fv.space.unlock_record(key)
    return THEN


# --- locks -------------------------------------------------------------------


def release(f: object = None, id: object = None) -> int:
    """Release record locks; return THEN.

    ``RELEASE`` (all locks of this process, file locks included),
    ``RELEASE f`` (those taken through file variable f, and its file lock)
    and ``RELEASE f, id`` (that record's lock). Inside a transaction RELEASE
    does nothing: the locks last until the transaction ends.
    """
    if in_transaction():
        return THEN
    if f is None:
        for space in all_spaces():
            space.release_where()
        return THEN
    fv = _filevar(f)
    if id is None:
        fv.space.release_where(fvar=fv.index)
    else:
        fv.space.unlock_record(to_str(id))
    return THEN


def recordlocked(f: object, id: object) -> int:
    """Return RECORDLOCKED(f, id): the lock state of a record.

    3 this process holds the file lock, 2 an update lock, 1 a shared lock;
    -3, -2, -1 another process holds the file lock, an update lock, a shared
    lock; 0 not locked. STATUS() is the pid of the holder (0 if none).
    """
    fv = _filevar(f)
    key = to_str(id)
    if not key:
        raise BasicError(codes.MSG_ILLEGAL_ID)
    code, pid = fv.space.state(key)
    state.status = pid
    return code


def recordlock(
    f: object,
    id: object,
    kind: str = "U",
    *,
    has_locked: bool = False,
    has_on_error: bool = False,
) -> int:
    """Return the outcome of RECORDLOCKL (kind "L") and RECORDLOCKU ("U").

    ``RECORDLOCKU f, id [LOCKED ...]`` takes the lock without reading.
    """
    fv = _filevar(f)
    state.status = 0
    key = to_str(id)
    if not 0 < len(key) <= MAX_ID_LEN:
        raise BasicError(codes.MSG_ILLEGAL_ID)
    if _take_lock(fv, key, to_str(kind).upper() != "L", has_locked):
        return LOCKED
    return THEN


def filelock(f: object, *, has_locked: bool = False, has_on_error: bool = False) -> int:
    """Return the outcome of FILELOCK.

    ``FILELOCK f [LOCKED ...]``: waits (or takes LOCKED, STATUS() the pid)
    while another process holds the file lock or any record lock in the
    file.
    """
    fv = _filevar(f)
    state.status = 0
    blocker = fv.space.lock_file(not has_locked, fv.index, current_txn_id())
    if blocker:
        state.status = blocker
        return LOCKED
    return THEN


def fileunlock(f: object, *, has_on_error: bool = False) -> int:
    """Release the file lock; return THEN.

    ``FILEUNLOCK f``: STATUS() is 0 if this process held the lock, 3011 if
    another process holds it and 3012 if nobody does.
    """
    fv = _filevar(f)
    if fv.space.unlock_file():
        state.status = 0
    elif fv.space.other_file_lock():
        state.status = codes.ER_LCK
    else:
        state.status = codes.ER_NLK
    return THEN


# --- CLEARFILE, CLOSE, FILEINFO ---------------------------------------------


def clearfile(f: object, *, has_on_error: bool = False) -> int:
    """Return the outcome of CLEARFILE: every record of the file deleted.

    ``CLEARFILE f`` waits while another process holds the file lock (record
    locks do not stop it, as in ScarletDME). It is fatal in a transaction
    and on a READONLY file variable.
    """
    fv = _filevar(f)
    state.status = 0
    if in_transaction():
        raise BasicError(codes.MSG_IN_TXN)
    if fv.readonly:
        raise BasicError(codes.MSG_CLEARFILE_RDONLY)
    while fv.space.other_file_lock():
        time.sleep(0.5)
    try:
        fv.storage.clear()
    except (OSError, sqlite3.Error):
        message = codes.MSG_CLEARFILE.format(codes.ER_PERM)
        return fail(-codes.ER_PERM, message, has_on_error)
    return THEN


def close(f: object, *, has_on_error: bool = False) -> int:
    """Close a file variable; return THEN.

    ``CLOSE f`` releases the locks taken through it (inside a transaction,
    when the transaction ends). The variable cannot be used afterwards.
    Closing a sequential file variable does CLOSESEQ.
    """
    if type(f) is FileVar:
        if f.closed:
            return THEN
        if in_transaction():
            f.closed = True
            defer_close(f)
        else:
            f.close_now()
        return THEN
    closer = getattr(f, "closeseq", None)
    if closer is not None:
        closer()
        return THEN
    _filevar(f)
    return THEN


def mark_mapping(f: object, on: object) -> None:
    """MARK.MAPPING f ON|OFF: turn field-mark/newline mapping on or off.

    Only directory files map marks; the setting is ignored for others.
    """
    fv = _filevar(f)
    if hasattr(fv.storage, "mark_mapping"):
        fv.storage.mark_mapping = bool(to_int(on))  # type: ignore[attr-defined]


# Constant FILEINFO answers for a hashed file: SQLite has no groups to
# report, so these are the values of a fresh ScarletDME dynamic file.
_DH_CONSTANTS = {5: 1, 6: 1, 7: 1, 9: 50, 10: 80, 11: 0, 13: 0, 1004: 2}


def fileinfo(f: object, key: object) -> object:
    """Return FILEINFO(f, key).

    Key 0: 1 if f is an open file variable, else 0. 1 registry name, 2 path,
    3 type (3 hashed, 4 directory, 5 sequential), 14 next line number of a
    sequential file, 1001 read-only, 1003 size in bytes, 1006 sequential
    file offset, 1012 id of the last record read, 1014 mark mapping on,
    1015 record count. Keys about DH internals (5-13, 1004) give the values
    of a fresh ScarletDME dynamic file; other keys give 0.
    """
    k = to_int(key)
    info = getattr(f, "seq_fileinfo", None)
    if k == 0:
        if type(f) is FileVar:
            return 0 if f.closed else 1
        return 1 if info is not None and not f.closed else 0  # type: ignore[union-attr]
    if info is not None:
        return info(k)
    fv = _filevar(f)
    storage = fv.storage
    hashed = storage.kind == "DYNAMIC"
    if k == 1:
        return fv.voc_name
    if k == 2:
        return storage.path
    if k == 3:
        return 3 if hashed else 4
    if k in _DH_CONSTANTS:
        return _DH_CONSTANTS[k] if hashed else 0
    if k == 1001:
        return 1 if fv.readonly else 0
    if k == 1003:
        return float(storage.size_bytes())
    if k == 1012:
        return fv.last_id
    if k == 1014:
        return 1 if getattr(storage, "mark_mapping", False) else 0
    if k == 1015:
        return storage.count()
    if k == 1013:
        return _file_status(storage.path, 3 if hashed else 4)
    return 0


def _file_status(path: str, type_number: int) -> str:
    """FILEINFO key 1013 (FL$STATUS), what the STATUS statement returns.

    The 21 fields of op_dio2.c get_file_status for a hashed or directory
    file: 1 position 0, 2 at end 0, 4 bytes available 0, 5 permission bits,
    6 size, 7 links, 8 uid, 9 gid, 10 inode, 11 device, 13/14 last access
    time and date, 15/16 last modification time and date (internal
    formats), 20 the OS path, 21 the file type; 3, 12 and 17-19 are empty.
    """
    import os

    try:
        st = os.stat(path)
        size = os.path.getsize(path) if os.path.isfile(path) else _folder_size(path)
    except OSError:
        st, size = None, 0

    def field(name: str) -> int:
        return int(getattr(st, name, 0)) if st is not None else 0

    atime, mtime = field("st_atime"), field("st_mtime")
    fields = [
        "0",
        "0",
        "",
        "0",
        str(field("st_mode") & 0o777),
        str(size),
        str(field("st_nlink")),
        str(field("st_uid")),
        str(field("st_gid")),
        str(field("st_ino")),
        str(field("st_dev")),
        "",
        str(atime % 86400),
        str(atime // 86400 + 732),
        str(mtime % 86400),
        str(mtime // 86400 + 732),
        "",
        "",
        "",
        path,
        str(type_number),
    ]
    return FM.join(fields)


def _folder_size(path: str) -> int:
    import os

    return sum(e.stat().st_size for e in os.scandir(path) if e.is_file())
