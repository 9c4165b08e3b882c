"""Helpers behind the ``pick2py`` file subcommands.

These work on an account given by its folder and need nothing from the
transpiler:

- :func:`create_file`: CREATE.FILE for the command line.
- :func:`list_files`: the files an account's registry names.
- :func:`register_file`: put an existing folder (for example a ScarletDME
  directory file such as BP) in the registry under a name.
- :func:`export_records` / :func:`import_records`: copy records between a
  ScarletDME directory file (any folder) and a file of the account.

Failures raise :class:`AdminError` with a message for the user. Records are
written under an update lock, so running programs are not disturbed.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from runtime_lib.files import account as account_module
from runtime_lib.files.account import Account, open_storage
from runtime_lib.files.dirfile import DirectoryStorage
from runtime_lib.files.locks import lock_key_for_path, space_for
from runtime_lib.files.storage import Storage
from runtime_lib.values import FM

__all__ = [
    "AdminError",
    "FileEntry",
    "create_file",
    "export_records",
    "import_records",
    "list_files",
    "register_file",
]


class AdminError(Exception):
    """A file subcommand failed; the message is for the user."""


@dataclass
class FileEntry:
    """One registry entry as ``pick2py`` lists it."""

    name: str
    kind: str  # "DYNAMIC", "DIRECTORY", "MISSING" or "NOT A FILE"
    data_path: str
    dict_path: str
    records: int | None


@contextlib.contextmanager
def _in_account(path: str | os.PathLike | None) -> Iterator[Account]:
    """Make ``path`` the current account for the duration of a command."""
    saved = list(account_module._account)
    try:
        if path is None:
            yield account_module.current_account()
        else:
            yield account_module.set_account(path)
    finally:
        account_module._account[:] = saved


def _open(account: Account, name: str, dict_part: bool) -> Storage:
    status, path = account.resolve(name, dict_part)
    if status:
        part = "dictionary of " if dict_part else ""
        raise AdminError(f"{part}{name} is not a file in the account {account.path}")
    status, storage = open_storage(path)
    if storage is None:
        raise AdminError(f"cannot open {path} (status {status})")
    return storage


def create_file(
    name: str, kind: str = "DYNAMIC", *, account: str | os.PathLike | None = None
) -> list[str]:
    """Create a file as CREATE.FILE does; return the messages it printed."""
    from runtime_lib.files import verbs

    kind = kind.upper()
    if kind not in ("DYNAMIC", "DIRECTORY"):
        raise AdminError(f"unknown file kind {kind}: use DYNAMIC or DIRECTORY")
    with _in_account(account), verbs.captured() as messages:
        rc = verbs.create_file_command(["CREATE.FILE"], f'CREATE.FILE "{name}" {kind}')
    if rc != 0:
        raise AdminError("; ".join(messages) or f"CREATE.FILE failed ({rc})")
    return messages


def list_files(*, account: str | os.PathLike | None = None) -> list[FileEntry]:
    """Return the account's registered files, sorted by name."""
    entries = []
    with _in_account(account) as acct:
        for name in acct.names():
            record = acct.read_voc(name) or ""
            fields = record.split(FM) + ["", ""]
            if fields[0][:1].upper() != "F":
                entries.append(FileEntry(name, "NOT A FILE", "", "", None))
                continue
            data_path, dict_path = fields[1], fields[2]
            kind, records = "MISSING", None
            if data_path:
                status, storage = open_storage(acct.absolute(data_path))
                if storage is not None:
                    kind, records = storage.kind, storage.count()
            entries.append(FileEntry(name, kind, data_path, dict_path, records))
    return entries


def register_file(
    name: str,
    path: str | os.PathLike,
    *,
    dict_path: str | os.PathLike | None = None,
    account: str | os.PathLike | None = None,
) -> None:
    """Register an existing folder (a directory or hashed file) as ``name``."""
    target = os.path.abspath(path)
    if not os.path.isdir(target):
        raise AdminError(f"{target} is not a folder")
    with _in_account(account) as acct:
        existing = acct.read_voc(name)
        if existing is not None:
            raise AdminError(f"{name} is already in the registry of {acct.path}")
        fields = ["F", target]
        if dict_path is not None:
            fields.append(os.path.abspath(dict_path))
        acct.write_voc(name, FM.join(fields))


def _copy(
    source: Storage, target: Storage, ids: Iterable[str] | None, overwrite: bool
) -> int:
    space = space_for(lock_key_for_path(target.path))
    copied = 0
    for id in ids if ids is not None else source.ids():
        if not target.check_id(id):
            raise AdminError(f"record id {id!r} cannot be stored in {target.path}")
        record = source.read(id)
        if record is None:
            raise AdminError(f"record {id!r} is not in {source.path}")
        space.lock_record(id, True, True, 0, 0)
        try:
            if overwrite or not target.exists(id):
                target.write(id, record)
                copied += 1
        finally:
            space.unlock_record(id)
    return copied


def export_records(
    name: str,
    folder: str | os.PathLike,
    *,
    ids: Iterable[str] | None = None,
    dict_part: bool = False,
    overwrite: bool = True,
    account: str | os.PathLike | None = None,
) -> int:
    """Copy records of file ``name`` into a ScarletDME directory file.

    The folder is created if missing. Returns the number of records copied.
    """
    target_path = os.path.abspath(folder)
    os.makedirs(target_path, exist_ok=True)
    with _in_account(account) as acct:
        source = _open(acct, name, dict_part)
        return _copy(source, DirectoryStorage(target_path), ids, overwrite)


def import_records(
    folder: str | os.PathLike,
    name: str,
    *,
    ids: Iterable[str] | None = None,
    dict_part: bool = False,
    overwrite: bool = True,
    account: str | os.PathLike | None = None,
) -> int:
    """Copy the records of a ScarletDME directory file into file ``name``.

    Returns the number of records copied.
    """
    source_path = os.path.abspath(folder)
    if not os.path.isdir(source_path):
        raise AdminError(f"{source_path} is not a folder")
    if os.path.exists(os.path.join(source_path, "~0")):
        raise AdminError(
            f"{source_path} is a ScarletDME hashed file; export it to a directory "
            "file with ScarletDME first"
        )
    with _in_account(account) as acct:
        target = _open(acct, name, dict_part)
        return _copy(DirectoryStorage(source_path), target, ids, overwrite)
