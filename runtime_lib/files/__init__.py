"""The data layer: files, records, locks, select lists, sequential files.

Generated code calls the functions listed in ``__all__`` (the facade
``runtime_lib.rt`` re-exports them). The modules, by topic:

- :mod:`.account`: accounts and their registry (VOC).
- :mod:`.storage`: the storage interface backends implement.
- :mod:`.dirfile`: directory files; :mod:`.hashed`: SQLite hashed files.
- :mod:`.locks`: record and file locks across processes.
- :mod:`.tasklocks`: the task locks of LOCK and UNLOCK.
- :mod:`.osfiles`: OSREAD, OSWRITE and OSDELETE.
- :mod:`.records`: OPEN, READ, WRITE, DELETE, RELEASE, FILELOCK, ...
- :mod:`.selects`: select lists; :mod:`.seqfiles`: sequential files.
- :mod:`.transactions`: BEGIN/COMMIT/ROLLBACK TRANSACTION.
- :mod:`.verbs` (with :mod:`.query`): CREATE.FILE, SELECT, ... for EXECUTE.
- :mod:`.admin`: helpers for the ``pick2py`` command line.
"""

from __future__ import annotations

from runtime_lib.files import hashed as _hashed
from runtime_lib.files import locks as _locks
from runtime_lib.files import selects as _selects
from runtime_lib.files import tasklocks as _tasklocks
from runtime_lib.files import transactions as _transactions
from runtime_lib.files.account import current_account, set_account
from runtime_lib.files.records import (
    FileVar,
    clearfile,
    close,
    delete,
    fileinfo,
    filelock,
    fileunlock,
    mark_mapping,
    matread,
    matwrite,
    open_file,
    openpath,
    read,
    readv,
    recordlock,
    recordlocked,
    release,
    write,
    writev,
)
from runtime_lib.files.osfiles import osdelete, osread, oswrite
from runtime_lib.files.tasklocks import lock, unlock
from runtime_lib.files.selects import (
    SelectListVar,
    clearselect,
    deletelist,
    formlist,
    getlist,
    readlist,
    readnext,
    savelist,
    select,
    selecte,
    selected_count,
    selectinfo,
    selectv,
    sselect,
    stored_copy,
    writelist,
)
from runtime_lib.files.seqfiles import (
    SeqFile,
    closeseq,
    create,
    deleteseq,
    flush,
    nobuf,
    openseq,
    readblk,
    readseq,
    seek,
    timeout,
    weofseq,
    writeblk,
    writeseq,
)
from runtime_lib.files.transactions import (
    transaction_abort,
    transaction_commit,
    transaction_start,
)
from runtime_lib.files.verbs import create_file

__all__ = [
    "FileVar",
    "SelectListVar",
    "SeqFile",
    "clearfile",
    "clearselect",
    "close",
    "closeseq",
    "create",
    "create_file",
    "current_account",
    "delete",
    "deletelist",
    "deleteseq",
    "fileinfo",
    "filelock",
    "fileunlock",
    "flush",
    "formlist",
    "getlist",
    "lock",
    "mark_mapping",
    "matread",
    "matwrite",
    "nobuf",
    "open_file",
    "openpath",
    "openseq",
    "osdelete",
    "osread",
    "oswrite",
    "read",
    "readblk",
    "readlist",
    "readnext",
    "readseq",
    "readv",
    "recordlock",
    "recordlocked",
    "release",
    "reset_after_fork",
    "savelist",
    "seek",
    "select",
    "selecte",
    "selected_count",
    "selectinfo",
    "selectv",
    "set_account",
    "sselect",
    "stored_copy",
    "timeout",
    "transaction_abort",
    "transaction_commit",
    "transaction_start",
    "unlock",
    "weofseq",
    "write",
    "writeblk",
    "writelist",
    "writeseq",
    "writev",
]


def reset_after_fork() -> None:
    """Make a forked child's data layer its own.

    The child holds none of its parent's locks (the kernel gave it none, so
    the local lock table is emptied), opens its own SQLite connections and is
    in no transaction. Registered with ``os.register_at_fork``, so it runs
    after every ``os.fork()``; calling it again is harmless.
    """
    _locks.reset_after_fork()
    _tasklocks.reset_after_fork()
    _hashed.reset_after_fork()
    _transactions.reset_after_fork()


def close_idle() -> None:
    """Close SQLite connections and lock files not in use (they reopen on
    demand). For long-running hosts and test suites that visit many
    accounts; a program never needs to call it."""
    _hashed.close_stores()
    _locks.close_idle_spaces()


def reset_session() -> None:
    """Forget select lists, transactions and locks (a new session; tests)."""
    _transactions.reset()
    _selects.reset()
    for space in _locks.all_spaces():
        space.release_where()
    _tasklocks.release_all()
