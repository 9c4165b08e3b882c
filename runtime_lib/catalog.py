"""The catalogue: finding BASIC items by name at run time, like ScarletDME's.

``CALL NAME``, ``CALL @VAR``, DEFFUN functions, ``SUBR()`` and EXECUTE of a
program look the name up in the folder of the program being run, then in
each ``--catalog`` folder, then in the folders of the ``PICK2PY_CATALOG``
environment variable (a path list). A found item is transpiled once and the
Python module cached by content hash under the user's cache directory, never
beside the sources (which may be read-only).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Optional

CATALOG_ENV = "PICK2PY_CATALOG"
CACHE_ENV = "PICK2PY_CACHE"


class CatalogError(Exception):
    """An item could not be found or could not be transpiled."""


class NotFound(CatalogError):
    """No catalogue folder has an item of that name."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class Catalog:
    """Folders to search, and the items already loaded from them."""

    def __init__(self) -> None:
        self.folders: list[str] = []
        self.include_path: list[str] = []
        self.defines: set[str] = set()
        self.dialect = ""  # the dialect option (transpiler/dialects.py)
        self.modules: dict[str, ModuleType] = {}
        self.lock = threading.Lock()

    def search_path(self) -> list[str]:
        env = os.environ.get(CATALOG_ENV, "")
        extra = [p for p in env.split(os.pathsep) if p]
        return list(dict.fromkeys(self.folders + extra))

    def find_source(self, name: str) -> Optional[Path]:
        """The source file of a catalogued item, or None."""
        from transpiler.preprocess import find_item

        for folder in self.search_path():
            found = find_item(Path(folder), name)
            if found is not None:
                return found
        return None

    def load(self, name: str) -> ModuleType:
        """The module of a catalogued item, transpiled and cached as needed."""
        key = name.upper() if name else name
        module = self.modules.get(key)
        if module is not None:
            return module
        source = self.find_source(name)
        if source is None:
            raise NotFound(name)
        module = self.load_file(source)
        self.modules[key] = module
        return module

    def load_file(self, path: str | Path) -> ModuleType:
        """Transpile (or take from the cache) and import one BASIC item."""
        from transpiler.api import Options, generator_version, item_name, transpile_file

        path = Path(path)
        data = path.read_bytes()
        options = Options(list(self.include_path), set(self.defines), dialect=self.dialect)
        digest = hashlib.sha256(
            data
            + repr(
                (generator_version(), options.include_path, sorted(options.defines))
                + ((options.dialect,) if options.dialect else ())
            ).encode()
        ).hexdigest()
        folder = cache_folder()
        target = folder / f"{_module_stem(item_name(path))}_{digest[:16]}.py"
        meta = target.with_suffix(".json")
        if not (target.exists() and _includes_unchanged(meta)):
            result = transpile_file(path, options)
            if not result.ok or result.code is None:
                errors = [d.format() for d in result.diagnostics if d.severity == "error"]
                raise CatalogError(f"{path}: cannot be transpiled\n" + "\n".join(errors))
            folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(target, result.code)
            _write_atomic(meta, json.dumps({
                "source": str(path),
                "includes": {p: _file_hash(p) for p in result.includes},
            }))
        return _import(target, str(path))


def _module_stem(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name) or "item"


def _file_hash(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def _includes_unchanged(meta: Path) -> bool:
    try:
        recorded = json.loads(meta.read_text())["includes"]
    except (OSError, ValueError, KeyError):
        return False
    return all(_file_hash(p) == h for p, h in recorded.items())


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


def cache_folder() -> Path:
    """Where transpiled modules are cached (outside any source folder)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("pick2py")) / "modules"


catalog = Catalog()
