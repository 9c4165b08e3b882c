"""The catalogue's cache: an unchanged item costs nothing on the next run.

Rules checked: a cached module is reused when the item and its $INSERTed
files are unchanged, without transpiling again and without reading an
include file whose size, times and inode are as recorded; an include that
changes makes the item transpile again; one that is only touched does not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runtime_lib import catalog as cat


@pytest.fixture()
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv(cat.CACHE_ENV, str(tmp_path / "cache"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "DEFS.INC").write_text("EQU ANSWER TO 42\n")
    (src / "PROG.bas").write_text("$INSERT DEFS.INC\nPRINT ANSWER\n")
    catalog = cat.Catalog()
    catalog.folders = [str(src)]
    calls = []
    import transpiler.api as api

    real = api.transpile_file

    def counting(path, options=None):
        calls.append(Path(path).name)
        return real(path, options)

    monkeypatch.setattr(api, "transpile_file", counting)
    return src, catalog, calls


def test_unchanged_item_is_not_transpiled_again(setup, monkeypatch):
    src, catalog, calls = setup
    first = catalog.compiled(src / "PROG.bas")
    hashed = []
    monkeypatch.setattr(cat, "_file_hash", lambda p: hashed.append(p) or "")
    assert catalog.compiled(src / "PROG.bas") == first
    assert calls == ["PROG.bas"]
    assert hashed == []  # the include's stat matched: not read again


def test_changed_include_transpiles_again(setup):
    src, catalog, calls = setup
    catalog.compiled(src / "PROG.bas")
    (src / "DEFS.INC").write_text("EQU ANSWER TO 43\n")
    catalog.compiled(src / "PROG.bas")
    assert calls == ["PROG.bas", "PROG.bas"]


def test_touched_include_is_hashed_but_reused(setup):
    src, catalog, calls = setup
    catalog.compiled(src / "PROG.bas")
    include = src / "DEFS.INC"
    stat = include.stat()
    os.utime(include, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    catalog.compiled(src / "PROG.bas")
    assert calls == ["PROG.bas"]
