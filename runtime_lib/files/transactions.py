"""Transactions: BEGIN TRANSACTION ... COMMIT / ROLLBACK ... END TRANSACTION.

As in ScarletDME (``txn.c``), the updates of a transaction are kept in
memory until COMMIT: READ inside the transaction sees them, other processes
do not, and a process that dies before COMMIT has written nothing. A WRITE
or DELETE in a transaction needs the record's update lock (or the file
lock), else it fails with status 3023. Locks taken inside the transaction
are kept until it ends, whatever WRITE or RELEASE would normally do.

COMMIT hands the updates of each storage domain to that domain at once.
All hashed files of one folder share an SQLite database, so their updates
commit atomically (a process killed during COMMIT leaves all or none of
them); directory files are updated one record at a time.

How generated code maps the statements:

- ``BEGIN TRANSACTION`` and ``TRANSACTION START``: :func:`transaction_start`.
- ``COMMIT`` and ``TRANSACTION COMMIT``: :func:`transaction_commit`; after
  ``COMMIT`` control continues after ``END TRANSACTION``.
- ``ROLLBACK``, reaching ``END TRANSACTION`` and ``TRANSACTION ABORT``:
  :func:`transaction_abort`.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field

from runtime_lib.clauses import THEN
from runtime_lib.errors import BasicError
from runtime_lib.files import codes
from runtime_lib.files.locks import all_spaces
from runtime_lib.files.storage import Storage, TxnOp

__all__ = [
    "transaction_abort",
    "transaction_commit",
    "transaction_start",
]

_ids = itertools.count(1)


@dataclass
class _Txn:
    id: int
    ops: dict[tuple[str, str], TxnOp] = field(default_factory=dict)
    closes: list[object] = field(default_factory=list)


_stack: list[_Txn] = []


def current_txn_id() -> int:
    """Return the id of the innermost transaction, 0 outside one."""
    return _stack[-1].id if _stack else 0


def in_transaction() -> bool:
    """Return True inside BEGIN TRANSACTION ... END TRANSACTION."""
    return bool(_stack)


def _key(storage: Storage, id: str) -> tuple[str, str]:
    return (storage.path, id)


def cached(storage: Storage, id: str) -> tuple[bool, str | None]:
    """Look a record up in the open transactions, innermost first.

    Returns (True, record) for a pending write, (True, None) for a pending
    delete and (False, None) when the transactions have not touched it.
    """
    key = _key(storage, id)
    for txn in reversed(_stack):
        op = txn.ops.get(key)
        if op is not None:
            return True, op.record
    return False, None


def stage(storage: Storage, id: str, record: str | None) -> None:
    """Queue a write (or, with record None, a delete) in the transaction."""
    txn = _stack[-1]
    key = _key(storage, id)
    txn.ops.pop(key, None)
    txn.ops[key] = TxnOp(storage, id, record)


def defer_close(filevar: object) -> None:
    """Keep a file variable closed by CLOSE open until the transaction ends."""
    _stack[-1].closes.append(filevar)


def transaction_start() -> int:
    """Start a (possibly nested) transaction; return THEN.

    ``BEGIN TRANSACTION`` and ``TRANSACTION START [THEN ...] [ELSE ...]``;
    ScarletDME always takes the THEN clause.
    """
    _stack.append(_Txn(next(_ids)))
    return THEN


def _release_locks(txn_id: int) -> None:
    for space in all_spaces():
        space.release_where(txn=txn_id)


def _finish(txn: _Txn) -> None:
    _release_locks(txn.id)
    for filevar in txn.closes:
        filevar.close_now()  # type: ignore[attr-defined]


def transaction_commit() -> int:
    """Write the transaction's updates, end it and return THEN.

    ``COMMIT`` and ``TRANSACTION COMMIT``. The updates of each storage domain
    are applied together (atomically for the hashed files of one folder).
    A nested transaction commits its own updates and returns to its parent.
    With no transaction open nothing happens, as in ScarletDME. A failure to
    write is fatal: "Write error in transaction commit".
    """
    if not _stack:
        return THEN
    txn = _stack.pop()
    groups: dict[int, tuple[object, list[TxnOp]]] = {}
    for op in txn.ops.values():
        domain = op.storage.domain()
        groups.setdefault(id(domain), (domain, []))[1].append(op)
    try:
        for domain, ops in groups.values():
            domain.apply(ops)  # type: ignore[attr-defined]
    except (OSError, ValueError) as exc:
        _finish(txn)
        raise BasicError(codes.MSG_TXN_WRITE) from exc
    for parent in _stack:
        for key in txn.ops:
            parent.ops.pop(key, None)
    _finish(txn)
    return THEN


def transaction_abort() -> None:
    """Discard the innermost transaction's updates and end it.

    ``ROLLBACK``, ``END TRANSACTION`` and ``TRANSACTION ABORT``. With no
    transaction open this is ScarletDME's fatal "END TRANSACTION when not in
    trasnaction" (sic).
    """
    if not _stack:
        raise BasicError(codes.MSG_TXN_END)
    _finish(_stack.pop())


def reset_after_fork() -> None:
    """A forked child is in no transaction: its parent's stays the parent's."""
    _stack.clear()


os.register_at_fork(after_in_child=reset_after_fork)


def reset() -> None:
    """Drop every open transaction without writing (new session, tests)."""
    while _stack:
        _finish(_stack.pop())
