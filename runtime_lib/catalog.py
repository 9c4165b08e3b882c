"""The catalogue: finding BASIC items by name at run time, like ScarletDME's.

``CALL NAME``, ``CALL @VAR``, DEFFUN functions, ``SUBR()`` and EXECUTE of a
program look the name up in the folder of the program being run, then in
each ``--catalog`` folder, then in the folders of the ``PICK2PY_CATALOG``
environment variable (a path list), then in the folders Python imported
BASIC from (below). A found item is transpiled once and the Python module
cached by content hash under the user's cache directory, never beside the
sources (which may be read-only).

A folder may also hold *generated* modules, as ``pick2py transpile`` writes
them: an application can ship those without the BASIC sources. Each module
names its item in its ``__basic__ = rt.ItemInfo(name=...)`` line, which the
catalogue reads to index the folder (file names are mangled, so
``MONEY.LINE`` is ``money_line.py``). In each folder a BASIC item comes
before a generated module of the same name. When Python imports a generated
module (or a BASIC item through :mod:`runtime_lib.importer`), its folder
joins the end of the search path, so its CALLs find the items beside it.
"""

from __future__ import annotations

import hashlib
import ast
import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Optional

CATALOG_ENV = "PICK2PY_CATALOG"


class CatalogError(Exception):
    """An item could not be found or could not be transpiled."""


class NotFound(CatalogError):
    """No catalogue folder has an item of that name."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def say_why_not_loaded(exc: CatalogError) -> None:
    """Tell the user on stderr why a program EXECUTE or RUN names cannot
    run (its diagnostics). ScarletDME finds no object code for a program
    that did not compile, so the command then fails as for a missing one."""
    from runtime_lib import terminal

    terminal.flush()
    sys.stderr.write(f"pick2py: {exc}\n")


class Catalog:
    """Folders to search, and the items already loaded from them."""

    def __init__(self) -> None:
        self.folders: list[str] = []
        self.include_path: list[str] = []
        self.defines: set[str] = set()
        self.dialect = ""  # the dialect option (transpiler/dialects.py)
        self.modules: dict[str, ModuleType] = {}
        # Folders of modules Python imported (generated packages, folders of
        # items loaded by the import hook), searched after all the others.
        self.imported_from: list[str] = []

    def search_path(self) -> list[str]:
        """The folders searched for an item, in order."""
        env = os.environ.get(CATALOG_ENV, "")
        extra = [p for p in env.split(os.pathsep) if p]
        return list(dict.fromkeys(self.folders + extra + self.imported_from))

    def add_folder(self, folder: str | Path) -> None:
        """Search a folder of BASIC items or generated modules (after the others)."""
        folder = os.path.abspath(folder)
        if folder not in self.folders:
            self.folders.append(folder)

    def note_module(self, namespace: dict) -> None:
        """A generated module is being imported: search its folder too.

        Modules the catalogue or the import hook loaded from BASIC sources
        (they have ``__basic_source_path__``) are left alone: their folders
        are known already.
        """
        if "__basic_source_path__" in namespace:
            return
        file = namespace.get("__file__")
        if file:
            self.note_folder(os.path.dirname(os.path.abspath(file)))

    def note_folder(self, folder: str) -> None:
        """Search a folder Python imported BASIC from, after all the others."""
        if folder not in self.imported_from:
            self.imported_from.append(folder)

    def find(self, name: str) -> Optional[Path]:
        """The BASIC source or generated module of an item, or None."""
        from transpiler.preprocess import find_item

        for folder in self.search_path():
            found = find_item(Path(folder), name)
            if found is None:
                found = generated_module(Path(folder), name)
            if found is not None:
                return found
        return None

    def find_source(self, name: str) -> Optional[Path]:
        """The file of a catalogued item (source or generated module), or None."""
        return self.find(name)

    def load(self, name: str) -> ModuleType:
        """The module of a catalogued item, transpiled and cached as needed."""
        key = name.upper() if name else name
        module = self.modules.get(key)
        if module is not None:
            return module
        found = self.find(name)
        if found is None:
            raise NotFound(name)
        if is_generated(found):
            module = import_generated(found)
        else:
            module = self.load_file(found)
        self.modules[key] = module
        return module

    def load_file(self, path: str | Path) -> ModuleType:
        """Transpile (or take from the cache) and import one BASIC item."""
        return _import(self.compiled(path), str(path))

    def compiled(self, path: str | Path) -> Path:
        """The cached Python module of a BASIC item, transpiled if need be
        (through :mod:`transpiler.cache`: unchanged items are not transpiled
        again)."""
        from transpiler.api import Options, item_name
        from transpiler.cache import transpile_cached

        from runtime_lib.files.account import current_account

        path = Path(path)
        options = Options(
            list(self.include_path),
            set(self.defines),
            dialect=self.dialect,
            account=current_account().path,
        )
        result = transpile_cached(path, options)
        if not result.ok or result.code is None:
            errors = [d.format() for d in result.diagnostics if d.severity == "error"]
            raise CatalogError(f"{path}: cannot be transpiled\n" + "\n".join(errors))
        digest = hashlib.sha256(result.code.encode("utf-8")).hexdigest()
        folder = cache_folder()
        target = folder / f"{_module_stem(item_name(path))}_{digest[:16]}.py"
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(target, result.code)
        return target


def _module_stem(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name) or "item"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _import(path: Path, source: str) -> ModuleType:
    name = "pick2py_cache." + path.stem
    existing = sys.modules.get(name)
    if existing is not None:
        return existing
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    module.__basic_source_path__ = source
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# --- generated modules ---------------------------------------------------------

# The first lines of every generated module, and the line naming its item.
_GENERATED_HEADER = re.compile(
    r'"""BASIC (PROGRAM|SUBROUTINE|FUNCTION|CLASS) .*, transpiled by pick2py'
)
_ITEM_NAME = re.compile(
    r'^__basic__ = rt\.ItemInfo\(\s*name=("(?:[^"\\\n]|\\.)*")', re.M
)
_HEAD_BYTES = 4096

# folder -> (its modification time, {item name: module file})
_indexes: dict[str, tuple[int, dict[str, Path]]] = {}


def generated_item(path: Path) -> Optional[str]:
    """The BASIC item name a generated module declares, or None if it is not one."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(_HEAD_BYTES)
    except OSError:
        return None
    if not _GENERATED_HEADER.match(head):
        return None
    match = _ITEM_NAME.search(head)
    if match is None:
        return None
    try:
        return ast.literal_eval(match.group(1))
    except (ValueError, SyntaxError):
        return None


def is_generated(path: Path) -> bool:
    """True for a module pick2py generated (as opposed to a BASIC source)."""
    return path.suffix == ".py" and generated_item(path) is not None


def generated_module(folder: Path, name: str) -> Optional[Path]:
    """The generated module in a folder for an item name, or None.

    The exact name first, then the same ignoring case, as for sources.
    """
    try:
        stamp = os.stat(folder).st_mtime_ns
    except OSError:
        return None
    key = str(folder)
    cached = _indexes.get(key)
    if cached is None or cached[0] != stamp:
        index: dict[str, Path] = {}
        for entry in sorted(folder.glob("*.py")):
            item = generated_item(entry)
            if item is not None:
                index.setdefault(item, entry)
        cached = (stamp, index)
        _indexes[key] = cached
    index = cached[1]
    found = index.get(name)
    if found is None:
        upper = name.upper()
        found = next((p for n, p in index.items() if n.upper() == upper), None)
    return found


def import_generated(path: Path) -> ModuleType:
    """Import a generated module, or return it if Python imported it already."""
    real = os.path.realpath(path)
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and hasattr(module, "__basic__") and os.path.realpath(file) == real:
            return module
    digest = hashlib.sha256(real.encode()).hexdigest()[:12]
    name = f"pick2py_generated.{_module_stem(path.stem)}_{digest}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def cache_folder() -> Path:
    """Where transpiled modules are cached (outside any source folder): the
    top of a folder PICK2PY_CACHE names, else ``modules`` in the user's
    cache folder for pick2py."""
    from transpiler.cachedir import CACHE_ENV, cache_root

    root = cache_root()
    return root if os.environ.get(CACHE_ENV) else root / "modules"


catalog = Catalog()
