"""Transpiling through a cache: an unchanged item costs nothing the next time.

The result of transpiling an item (its Python module, or its diagnostics) is
kept as a JSON file in the user's cache folder (``PICK2PY_CACHE`` names
another), under a key made of the item's bytes and folder (``$INSERT`` looks beside
the item first), pick2py's own code (the transpiler and the runtime it
checks calls against) and the options. The
result is used again while the files it ``$INSERT``ed are unchanged: one
whose size, times and inode are as recorded is not read at all, any other
is hashed and compared; so are the account registry records an include
was looked up in. A result that lacks an include is not kept. ``pick2py transpile`` and the runtime catalogue
both go through :func:`transpile_cached`.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, replace
from pathlib import Path
from typing import Optional

from transpiler.api import Options, Result, generator_version, item_name, transpile_file
from transpiler.cachedir import cache_root
from transpiler.diagnostics import Diagnostic


def result_key(data: bytes, options: Options, folder: str = "") -> str:
    """The hash naming a result: the source and its folder, pick2py's code,
    the options."""
    settings = (
        generator_version(),
        os.path.abspath(folder) if folder else "",
        options.include_path,
        sorted(options.defines),
        options.syntax_only,
    ) + ((options.dialect,) if options.dialect else ())
    if options.account:
        settings += (os.path.abspath(options.account),)
    return hashlib.sha256(data + repr(settings).encode()).hexdigest()


def transpile_cached(path: str | Path, options: Optional[Options] = None) -> Result:
    """:func:`transpiler.api.transpile_file`, taken from the cache when the
    item and its included files are unchanged."""
    options = options or Options()
    path = Path(path)
    key = result_key(path.read_bytes(), options, str(path.parent))
    entry = cache_root() / "results" / f"{_stem(item_name(path))}_{key[:24]}.json"
    cached = _read(entry)
    if (
        cached is not None
        and includes_unchanged(cached["includes"])
        and includes_unchanged(cached.get("registry", {}))
    ):
        return Result(
            cached["name"],
            str(path),
            cached["code"],
            [
                _as_asked(Diagnostic(**d), cached.get("path", ""), str(path))
                for d in cached["diagnostics"]
            ],
            list(cached["includes"]),
            cached["sha256"],
            list(cached.get("registry", {})),
        )
    result = transpile_file(path, options)
    if any(d.code == "E-INCLUDE" for d in result.diagnostics):
        return result  # the missing include may be made or registered next
    _write(
        entry,
        {
            "name": result.name,
            "path": str(path),
            "code": result.code,
            "diagnostics": [asdict(d) for d in result.diagnostics],
            "includes": {p: file_state(p) for p in result.includes},
            "sha256": result.sha256,
            "registry": {p: file_state(p) for p in result.registry},
        },
    )
    return result


def _as_asked(diag: Diagnostic, recorded: str, asked: str) -> Diagnostic:
    """A cached diagnostic with the item's path (and the folder of the
    includes beside it) spelled as this run named the item: the same file
    may be asked for as ``BP/PROG`` from one folder and ``PROG`` from
    another."""
    if not recorded or recorded == asked:
        return diag
    if diag.path == recorded:
        return replace(diag, path=asked)
    old, new = os.path.dirname(recorded), os.path.dirname(asked)
    if old and diag.path.startswith(old + os.sep):
        return replace(diag, path=os.path.join(new, diag.path[len(old) + 1 :]))
    return diag


def _stem(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name) or "item"


def _read(entry: Path) -> Optional[dict]:
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write(entry: Path, data: dict) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(entry.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, entry)
    except OSError:
        pass  # a cache that cannot be written only costs time


def stat_key(path: str) -> list:
    """What changes when a file is written: size, times and inode."""
    try:
        st = os.stat(path)
    except OSError:
        return []
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def file_hash(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def file_state(path: str) -> dict:
    """An included file's hash and stat key, as the cache records them."""
    return {"sha256": file_hash(path), "stat": stat_key(path)}


def includes_unchanged(recorded: dict) -> bool:
    """Are the recorded included files as they were (see the module docstring)?"""
    for path, state in recorded.items():
        if not isinstance(state, dict):
            state = {"sha256": state, "stat": None}  # an older cache entry
        if state.get("stat") and stat_key(path) == state["stat"]:
            continue
        if file_hash(path) != state.get("sha256"):
            return False
    return True
