"""Directory files: a folder with one OS file per record.

The on-disk form is ScarletDME's, so its directory files (program folders
such as BP) can be read and written in place:

- Field marks are stored as newlines and a newline ends the file; reading
  drops one final newline and turns every other newline back into a field
  mark. Other marks are stored as their raw bytes. So a record round-trips
  byte for byte, except that a line feed inside the data comes back as a
  field mark, as in ScarletDME (``op_dio3.c``: ``read_record``,
  ``dir_write``).
- Record ids become file names as ScarletDME maps them (``map_t1_id``): a
  leading ``.`` is stored as ``%d``, a leading ``~`` as ``%t``, and each of
  ``* , = > < % + : ; ? \\ "`` as ``%`` and a letter. SELECT maps the names
  back.
- An id with a character outside printable ASCII is refused, as
  ScarletDME refuses it. pick2py also refuses an id holding ``/`` (which
  ScarletDME stores as ``%S``): an id must never be able to name a path
  outside the folder, so ``../x`` and ``/etc/passwd`` are illegal record ids
  here. A ScarletDME file whose names contain ``%S`` shows those records in
  a SELECT but cannot read them.

Writes go to a temporary file in the folder that is then renamed over the
record (ScarletDME's SAFEDIR mode), so another process never reads half a
record. The temporary names start with ``~pick2py.``, which no id maps to,
and SELECT skips them.
"""

from __future__ import annotations

import os
import shutil
import stat

from runtime_lib.files.storage import Domain, Storage, TxnOp
from runtime_lib.values import FM

__all__ = ["DirectoryStorage", "map_id", "unmap_name"]

_RESTRICTED = '*,=><%/+:;?\\"'
_SUBSTITUTE = "ACEGLPSVXYZBQ"
_TO_NAME = {c: "%" + s for c, s in zip(_RESTRICTED, _SUBSTITUTE)}
_FROM_NAME = {s: c for c, s in zip(_RESTRICTED, _SUBSTITUTE)}
_TEMP_PREFIX = "~pick2py."


def map_id(id: str) -> str | None:
    """Return the file name that stores a record id, or None if illegal."""
    if not id or "/" in id:
        return None
    out = []
    rest = id
    if id[0] == ".":
        out.append("%d")
        rest = id[1:]
    elif id[0] == "~":
        out.append("%t")
        rest = id[1:]
    for c in rest:
        if c < " " or c > "~":
            return None
        out.append(_TO_NAME.get(c, c))
    return "".join(out)


def unmap_name(name: str) -> str:
    """Return the record id a file name stores (inverse of :func:`map_id`).

    ScarletDME's own reverse mapping looks for ``%D``/``%T`` where it wrote
    ``%d``/``%t`` and so loses the leading character; pick2py maps both
    spellings back.
    """
    if "%" not in name:
        return name
    out = []
    i = 0
    if name[:2] in ("%d", "%D"):
        out.append(".")
        i = 2
    elif name[:2] in ("%t", "%T"):
        out.append("~")
        i = 2
    while i < len(name):
        c = name[i]
        if c == "%" and i + 1 < len(name):
            mapped = _FROM_NAME.get(name[i + 1])
            if mapped is not None:
                out.append(mapped)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


class _DirectoryDomain(Domain):
    """Directory files apply transaction updates one record at a time."""

    def apply(self, ops: list[TxnOp]) -> None:
        for op in ops:
            if op.record is None:
                op.storage.delete(op.id)
            else:
                op.storage.write(op.id, op.record)


_DOMAIN = _DirectoryDomain()


class DirectoryStorage(Storage):
    """A directory file (one OS file per record)."""

    kind = "DIRECTORY"

    def __init__(self, path: str, *, mark_mapping: bool = True):
        self.path = os.path.abspath(path)
        self.mark_mapping = mark_mapping

    def check_id(self, id: str) -> bool:
        return map_id(id) is not None

    def _record_path(self, id: str) -> str:
        name = map_id(id)
        if name is None:
            raise ValueError(f"illegal record id {id!r}")
        return os.path.join(self.path, name)

    def read(self, id: str) -> str | None:
        try:
            with open(self._record_path(id), "rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    return None
                data = fh.read().decode("latin-1")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None
        if self.mark_mapping:
            if data.endswith("\n"):
                data = data[:-1]
            data = data.replace("\n", FM)
        return data

    def exists(self, id: str) -> bool:
        return os.path.isfile(self._record_path(id))

    def write(self, id: str, record: str) -> None:
        target = self._record_path(id)
        if self.mark_mapping:
            record = record.replace(FM, "\n") + "\n"
        temp = os.path.join(self.path, f"{_TEMP_PREFIX}{os.getpid()}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            try:
                os.fchmod(fd, stat.S_IMODE(os.stat(target).st_mode))
            except FileNotFoundError:
                pass
            view = memoryview(record.encode("latin-1"))
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temp, target)

    def delete(self, id: str) -> bool:
        try:
            os.remove(self._record_path(id))
        except FileNotFoundError:
            return False
        return True

    def ids(self) -> list[str]:
        result = []
        with os.scandir(self.path) as entries:
            for entry in entries:
                if entry.name.startswith(_TEMP_PREFIX):
                    continue
                try:
                    if entry.is_file():
                        result.append(unmap_name(entry.name))
                except OSError:
                    continue
        return result

    def clear(self) -> None:
        with os.scandir(self.path) as entries:
            for entry in entries:
                try:
                    if entry.is_file():
                        os.remove(entry.path)
                except OSError:
                    continue

    def count(self) -> int:
        return len(self.ids())

    def size_bytes(self) -> int:
        total = 0
        with os.scandir(self.path) as entries:
            for entry in entries:
                try:
                    if entry.is_file():
                        total += entry.stat().st_size
                except OSError:
                    continue
        return total

    def domain(self) -> Domain:
        return _DOMAIN

    def destroy(self) -> None:
        shutil.rmtree(self.path)


def create_directory_file(path: str) -> None:
    """Create an empty directory file (and missing parent folders)."""
    os.makedirs(path)
