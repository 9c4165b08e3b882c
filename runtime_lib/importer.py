"""The import hook: ``import`` a BASIC item straight from its source.

After :func:`install`, Python can import a BASIC item the way it imports a
``.py`` file::

    from runtime_lib import importer
    importer.install("/path/to/BP")     # optional folders of BASIC items

    import money_line                   # MONEY.LINE (.bas) in BP or on sys.path
    money_line.MONEY_LINE("Total", 1234, None)

The module name is the one ``pick2py transpile`` gives the item (lower
case, other characters as ``_``: MONEY.LINE is ``money_line``), ignoring
case, so code written against the hook keeps working when the application
ships the generated modules instead. The first import transpiles the item
and caches the module by a hash of its source (the catalogue's cache,
:mod:`runtime_lib.catalog`); later imports, in this process or the next,
take it from the cache until the source, an $INSERTed file or pick2py
changes.

Where items are found, in order:

- the folders given to :func:`install`, BP style: any file is an item
  (``MONEY.LINE``, ``MONEY.LINE.bas``), except hidden files and ``.py``,
  ``.md``, ``.txt``, ``.out`` and ``.json`` files;
- the folders of ``sys.path``, and of a package for ``import pkg.item``:
  only files ending in ``.bas`` or ``.b`` (lower case, as the extension
  ``pick2py`` takes off item names), so that a stray file without one is
  never taken for BASIC.

The hook runs after Python's own finders, so a ``.py`` module of the same
name wins. An item that does not transpile raises ImportError with the
diagnostics. The folders given to :func:`install` and the folder of every
imported item also join the catalogue, so CALLs in the item find its
neighbours.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Optional, Sequence

from runtime_lib.catalog import CatalogError, catalog

__all__ = ["BasicFinder", "install", "uninstall"]

# Files a BP folder holds that are not BASIC items (as `pick2py transpile`).
_NOT_ITEMS = (".py", ".pyc", ".md", ".txt", ".out", ".json")
_BASIC_SUFFIXES = (".bas", ".b")

# folder -> (modification time, bp_style, {module name: [item files]})
_listings: dict[tuple[str, bool], tuple[int, dict[str, list[Path]]]] = {}


def _items_by_module(folder: str, bp_style: bool) -> dict[str, list[Path]]:
    """The BASIC items of a folder by module name (cached until it changes)."""
    from transpiler.api import item_name, module_name

    try:
        stamp = os.stat(folder).st_mtime_ns
    except OSError:
        return {}
    key = (folder, bp_style)
    cached = _listings.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    index: dict[str, list[Path]] = {}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        entries = []
    for entry in entries:
        name = entry.name
        lower = name.lower()
        if name.startswith("."):
            continue
        if bp_style:
            if lower.endswith(_NOT_ITEMS):
                continue
        elif not name.endswith(_BASIC_SUFFIXES):
            continue
        try:
            if not entry.is_file():
                continue
        except OSError:
            continue
        index.setdefault(module_name(item_name(name)), []).append(Path(folder) / name)
    _listings[key] = (stamp, index)
    return index


class BasicFinder(importlib.abc.MetaPathFinder):
    """Finds BASIC items for ``import`` (see the module docstring)."""

    def __init__(self, folders: Sequence[str | os.PathLike] = ()) -> None:
        self.folders = [os.path.abspath(f) for f in folders]

    def find_item(
        self, fullname: str, path: Optional[Sequence[str]] = None
    ) -> Optional[Path]:
        """The BASIC file an import of ``fullname`` would load, or None."""
        wanted = fullname.rpartition(".")[2].lower()
        if path is None:
            places = [(f, True) for f in self.folders]
            places += [
                (f or os.getcwd(), False) for f in sys.path if isinstance(f, str)
            ]
        else:
            places = [(f, False) for f in path]
        for folder, bp_style in places:
            found = _items_by_module(os.path.abspath(folder), bp_style).get(wanted)
            if not found:
                continue
            if len(found) > 1:
                names = ", ".join(p.name for p in found)
                raise ImportError(
                    f"{folder}: {names} are all imported as {wanted}; " "rename one",
                    name=fullname,
                )
            return found[0]
        return None

    def find_spec(self, fullname, path=None, target=None):
        source = self.find_item(fullname, path)
        if source is None:
            return None
        return importlib.util.spec_from_loader(
            fullname, BasicLoader(source), origin=str(source)
        )


class BasicLoader(importlib.abc.Loader):
    """Transpiles (or takes from the cache) and runs one BASIC item."""

    def __init__(self, source: Path) -> None:
        self.source = source

    def create_module(self, spec) -> Optional[ModuleType]:
        return None  # the default module

    def exec_module(self, module: ModuleType) -> None:
        try:
            target = catalog.compiled(self.source)
        except CatalogError as exc:
            raise ImportError(
                str(exc), name=module.__name__, path=str(self.source)
            ) from None
        # Tracebacks and the runtime's error reports read the generated lines
        # from the cached file; errors name the BASIC file from here.
        module.__file__ = str(target)
        module.__basic_source_path__ = str(self.source)
        catalog.note_folder(str(self.source.parent.resolve()))
        code = importlib.machinery.SourceFileLoader(
            module.__name__, str(target)
        ).get_code(module.__name__)
        exec(code, module.__dict__)


def install(*folders: str | os.PathLike) -> BasicFinder:
    """Let ``import`` load BASIC items; return the finder.

    ``folders`` are searched first, as BP folders (and are added to the
    catalogue for CALL); then ``sys.path`` for ``.bas``/``.b`` files.
    Installing again replaces the previous finder.
    """
    uninstall()
    finder = BasicFinder(folders)
    for folder in finder.folders:
        catalog.add_folder(folder)
    sys.meta_path.append(finder)
    return finder


def uninstall() -> None:
    """Remove the import hook (modules imported already stay imported)."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, BasicFinder)]
