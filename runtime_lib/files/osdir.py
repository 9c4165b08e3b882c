"""DIR(): what an operating system folder holds, as ScarletDME lists it.

ScarletDME's ``op_dir`` (``op_dio4.c``) reads the folder with ``readdir``
and ``stat``: one field per entry, ``name VM type`` with type ``F`` for a
file and ``D`` for a folder, in the order the operating system gives them
(not sorted). Its test is on the bits of the file type, so a socket counts
as a file and a block device as a folder; character devices, pipes and
entries ``stat`` cannot reach (broken links) are left out. Links are
followed.
"""

from __future__ import annotations

import os
import stat

from runtime_lib.values import FM, VM, to_str

__all__ = ["dir_"]

# qmdefs.h MAX_PATHNAME_LEN: a longer path lists nothing.
MAX_PATHNAME_LEN = 255


def _kind(mode: int) -> str:
    if mode & stat.S_IFREG:
        return "F"
    if mode & stat.S_IFDIR:
        return "D"
    return ""


def dir_(path: object) -> str:
    """Return the entries of a folder: ``name VM F`` or ``name VM D`` per field.

    ``DIR(path)``: files are ``F``, folders ``D``; ``.`` and ``..`` are
    left out, and so is anything that is neither (see the module
    docstring). The order is the operating system's. A path that is not a
    folder, empty, or longer than 255 bytes gives "".
    """
    text = to_str(path)
    if not 0 < len(text) <= MAX_PATHNAME_LEN:
        return ""
    folder = text.encode("latin-1")
    try:
        names = os.listdir(folder)
    except OSError:
        return ""
    entries = []
    for name in names:
        try:
            mode = os.stat(os.path.join(folder, name)).st_mode
        except OSError:
            continue
        kind = _kind(mode)
        if kind:
            entries.append(name.decode("latin-1") + VM + kind)
    return FM.join(entries)
