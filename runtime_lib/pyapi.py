"""What a Python application uses to work with BASIC code: one import.

    from runtime_lib.pyapi import DynArray, BasicError, call, add_catalog

- Generated modules are plain Python: import one (from the folder ``pick2py
  transpile`` wrote, or a BASIC item through :func:`install_import_hook`)
  and call its SUBROUTINE or FUNCTION with Python values; see
  :mod:`runtime_lib.pycall` for what goes in and what comes back.
- :func:`call` runs a catalogued item by its BASIC name, as ``CALL`` does,
  without importing it.
- :class:`DynArray` is a dynamic array with u2py's methods.
- Runtime errors raised by BASIC code are :class:`BasicError` (with
  ``item``, ``line`` and ``path`` of the BASIC line); STOP raises
  :class:`StopProgram`.

This module only gathers names; ``runtime_lib.rt`` is the facade for
generated code.
"""

from __future__ import annotations

import os

from runtime_lib.catalog import catalog as _catalog
from runtime_lib.dynarray_class import DynArray, Located
from runtime_lib.errors import (
    AbortError,
    ArgumentCountError,
    BasicError,
    NonNumericError,
    NotCataloguedError,
    StopProgram,
    UnassignedError,
)
from runtime_lib.importer import install as install_import_hook
from runtime_lib.importer import uninstall as uninstall_import_hook
from runtime_lib.pycall import Arguments
from runtime_lib.values import FM, IM, SM, TM, VM

__all__ = [
    "AbortError",
    "ArgumentCountError",
    "Arguments",
    "BasicError",
    "DynArray",
    "FM",
    "IM",
    "Located",
    "NonNumericError",
    "NotCataloguedError",
    "SM",
    "StopProgram",
    "TM",
    "UnassignedError",
    "VM",
    "add_catalog",
    "call",
    "install_import_hook",
    "status",
    "uninstall_import_hook",
]


def add_catalog(folder: str | os.PathLike) -> None:
    """Let CALL (and :func:`call`) find items in a folder.

    The folder may hold BASIC items (transpiled on first use and cached) or
    modules ``pick2py transpile`` generated. Folders are searched in the
    order added, before ``PICK2PY_CATALOG`` and the folders Python
    imported generated modules from.
    """
    _catalog.add_folder(folder)


def call(name: str, *args: object, **kwargs: object) -> object:
    """Run a catalogued item by BASIC name; return what its entry returns.

    A SUBROUTINE gives its :class:`Arguments`, a FUNCTION its value, a
    PROGRAM (called with its command-line words) 0. Raises
    :class:`NotCataloguedError` if no catalogue folder has the item or it
    does not transpile (its ``reason`` then holds the diagnostics).
    """
    from runtime_lib.calls import load_item

    info = load_item(name).__basic__
    entry = info.python_entry or info.entry  # modules made before pycall existed
    return entry(*args, **kwargs)


def status() -> int:
    """Return STATUS(): what the last statement or conversion left there."""
    from runtime_lib.state import state

    return state.status
