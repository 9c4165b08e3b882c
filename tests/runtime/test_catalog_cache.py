"""Transpiling through the cache: an unchanged item costs nothing next time.

Rules checked: a result is reused when the item and its $INSERTed files are
unchanged, without transpiling again and without reading an include file
whose size, times and inode are as recorded; an include that changes makes
the item transpile again; one that is only touched does not; the catalogue
(CALL, RUN) and ``pick2py transpile`` both use it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import transpiler.api as api
from runtime_lib import catalog as cat
from transpiler import cache, cachedir


@pytest.fixture()
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv(cachedir.CACHE_ENV, str(tmp_path / "cache"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "DEFS.INC").write_text("EQU ANSWER TO 42\n")
    (src / "PROG.bas").write_text("$INSERT DEFS.INC\nPRINT ANSWER\n")
    calls = []
    real = api.transpile_file

    def counting(path, options=None):
        calls.append(Path(path).name)
        return real(path, options)

    monkeypatch.setattr(cache, "transpile_file", counting)
    return src, calls


def test_unchanged_item_is_not_transpiled_again(setup, monkeypatch):
    src, calls = setup
    first = cache.transpile_cached(src / "PROG.bas")
    hashed = []
    monkeypatch.setattr(cache, "file_hash", lambda p: hashed.append(p) or "")
    again = cache.transpile_cached(src / "PROG.bas")
    assert again.code == first.code and again.includes == first.includes
    assert calls == ["PROG.bas"]
    assert hashed == []  # the include's stat matched: not read again


def test_changed_include_transpiles_again(setup):
    src, calls = setup
    cache.transpile_cached(src / "PROG.bas")
    (src / "DEFS.INC").write_text("EQU ANSWER TO 43\n")
    assert "43" in cache.transpile_cached(src / "PROG.bas").code
    assert calls == ["PROG.bas", "PROG.bas"]


def test_touched_include_is_hashed_but_reused(setup):
    src, calls = setup
    cache.transpile_cached(src / "PROG.bas")
    include = src / "DEFS.INC"
    stat = include.stat()
    os.utime(include, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    cache.transpile_cached(src / "PROG.bas")
    assert calls == ["PROG.bas"]


def test_diagnostics_are_cached_too(setup):
    src, calls = setup
    (src / "BAD.bas").write_text("X = (1\n")
    first = cache.transpile_cached(src / "BAD.bas")
    again = cache.transpile_cached(src / "BAD.bas")
    assert not first.ok and again.diagnostics == first.diagnostics
    assert calls == ["BAD.bas"]


def test_catalogue_uses_the_cache(setup):
    src, calls = setup
    catalog = cat.Catalog()
    catalog.folders = [str(src)]
    first = catalog.compiled(src / "PROG.bas")
    assert catalog.compiled(src / "PROG.bas") == first
    assert calls == ["PROG.bas"]


def test_same_item_in_two_folders_includes_its_own_folder(setup):
    src, calls = setup
    other = src.parent / "other"
    other.mkdir()
    (other / "DEFS.INC").write_text("EQU ANSWER TO 'other'\n")
    (other / "PROG.bas").write_bytes((src / "PROG.bas").read_bytes())
    assert "'other'" not in cache.transpile_cached(src / "PROG.bas").code
    assert "'other'" in cache.transpile_cached(other / "PROG.bas").code


def test_cached_diagnostics_name_the_file_as_asked(setup, monkeypatch):
    src, calls = setup
    (src / "BAD.bas").write_text("X = (1\n")
    cache.transpile_cached(src / "BAD.bas")
    monkeypatch.chdir(src.parent)
    again = cache.transpile_cached(Path("src") / "BAD.bas")
    assert [d.path for d in again.diagnostics] == [os.path.join("src", "BAD.bas")]
    assert calls == ["BAD.bas"]
