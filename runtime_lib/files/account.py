"""Accounts and their registry of files (the VOC).

An account is a folder; by default the current directory, or the one the
program runner passes to :func:`set_account`. Its registry lives in
``.pick2py/VOC``, a directory file with one record per name, shaped as
ScarletDME's F-type VOC records::

    F
    CUSTOMERS          <- data part: path of the file's folder
    CUSTOMERS.DIC      <- dictionary part

Relative paths are taken from the account folder. The registry is kept apart
from the account's visible files so that a ScarletDME account folder (whose
own VOC is a hashed file pick2py cannot read) can be used as a pick2py
account too; its directory files are added to the registry with
``pick2py`` (see :mod:`runtime_lib.files.admin`). ``OPEN "VOC"`` opens the
registry itself.
"""

from __future__ import annotations

import os

from runtime_lib.files import codes
from runtime_lib.files.dirfile import DirectoryStorage
from runtime_lib.files.hashed import STORE_DIR, StoreMissing
from runtime_lib.files.storage import Storage, backend_for
from runtime_lib.values import FM

__all__ = ["Account", "current_account", "open_storage", "set_account"]

VOC_NAME = "VOC"


class Account:
    """An account folder and its registry."""

    def __init__(self, path: str):
        self.path = os.path.abspath(path)
        self.internal = os.path.join(self.path, STORE_DIR)
        self.voc_path = os.path.join(self.internal, VOC_NAME)
        self._voc: DirectoryStorage | None = None

    def voc(self, *, create: bool = False) -> DirectoryStorage | None:
        """Return the registry's storage, creating it if asked."""
        if self._voc is None:
            if not os.path.isdir(self.voc_path):
                if not create:
                    return None
                os.makedirs(self.voc_path, exist_ok=True)
            self._voc = DirectoryStorage(self.voc_path)
            if create and self._voc.read(VOC_NAME) is None:
                self._voc.write(VOC_NAME, "F" + FM + os.path.join(STORE_DIR, VOC_NAME))
        return self._voc

    def read_voc(self, name: str) -> str | None:
        """Return a registry record, or None."""
        voc = self.voc()
        if voc is None or not voc.check_id(name):
            return None
        return voc.read(name)

    def write_voc(self, name: str, record: str) -> None:
        """Create or replace a registry record."""
        self.voc(create=True).write(name, record)  # type: ignore[union-attr]

    def delete_voc(self, name: str) -> None:
        """Remove a registry record."""
        voc = self.voc()
        if voc is not None and voc.check_id(name):
            voc.delete(name)

    def names(self) -> list[str]:
        """Return the registered names in sorted order."""
        voc = self.voc()
        return sorted(voc.ids()) if voc is not None else []

    def absolute(self, path: str) -> str:
        """Return a registry path made absolute from the account folder."""
        return os.path.normpath(os.path.join(self.path, path))

    def resolve(self, name: str, dict_part: bool) -> tuple[int, str]:
        """Return (0, path) of a registered file's part, or (status, "").

        ScarletDME's ``_VOC_REF``: an unknown name is ER_NVR (3007), a record
        that is not F type ER_VNF (3009), a missing part ER_NPN (3008).
        "DICT name" in one string names the dictionary part; "name,part"
        (multifiles) is not supported and gives ER_VNF.
        """
        if name[:5] == "DICT ":
            name, dict_part = name[5:], True
        if "," in name:
            return codes.ER_VNF, ""
        record = self.read_voc(name)
        if record is None and name == VOC_NAME:
            # Every account has a VOC: make the registry on first use.
            try:
                self.voc(create=True)
            except OSError:
                return codes.ER_FNF, ""
            record = self.read_voc(name)
        if record is None:
            return codes.ER_NVR, ""
        fields = record.split(FM)
        if fields[0][:1].upper() != "F":
            return codes.ER_VNF, ""
        index = 2 if dict_part else 1
        path = fields[index] if len(fields) > index else ""
        if not path:
            return codes.ER_NPN, ""
        return 0, self.absolute(path)


_account: list[Account] = []


def set_account(path: str | os.PathLike) -> Account:
    """Make ``path`` the account that OPEN and the file commands use."""
    path = os.fspath(path)
    if not os.path.isdir(path):
        raise FileNotFoundError(f"account folder {path} does not exist")
    account = Account(path)
    _account[:] = [account]
    return account


def current_account() -> Account:
    """Return the current account (the current directory unless set)."""
    if not _account:
        _account.append(Account(os.getcwd()))
    return _account[0]


class ScarletHashedFile(Exception):
    """A ScarletDME DH file, which pick2py cannot read."""


def open_storage(path: str) -> tuple[int, Storage | None]:
    """Open the file whose folder is ``path``: (0, storage) or (status, None).

    A path that is not a folder is ER_FNF (3003), as ScarletDME's OPEN
    reports; a hashed file whose store is missing is -ER_SFNF (3001). A
    ScarletDME hashed file raises :class:`ScarletHashedFile`.
    """
    if not os.path.isdir(path):
        return codes.ER_FNF, None
    backend = backend_for(path)
    if backend is not None:
        try:
            return 0, backend.open(path)
        except (StoreMissing, OSError, ValueError):
            return -codes.ER_SFNF, None
    if os.path.exists(os.path.join(path, "~0")):
        raise ScarletHashedFile(path)
    return 0, DirectoryStorage(path)
