"""Where ``$INCLUDE``/``$INSERT`` find their items.

Rules checked: a two-word include (``$INCLUDE FILE ITEM``) names a file the
account's registry knows, as BCOMP opens it through the VOC, before a
folder of that name beside the item or on the include path; a one-word
include falls back to the registry's SYSCOM; with no account only folders
are searched; a result that lacked an include is not cached, so the same
run works once the file is registered; ``pick2py run`` and ``pick2py
transpile`` in an account folder use its registry.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from basic_runner import pick2py_command
from runtime_lib.files import admin
from runtime_lib.files.account import Account
from transpiler import cache, cachedir
from transpiler.api import Options, transpile_file


@pytest.fixture
def account(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cachedir.CACHE_ENV, str(tmp_path / "cache"))
    acct = tmp_path / "acct"
    (acct / "BP").mkdir(parents=True)
    (acct / "BP" / "PROG").write_text("$INCLUDE MYINC COMMON.H\nPRINT ANSWER\n")
    incl = tmp_path / "elsewhere" / "INCL"
    incl.mkdir(parents=True)
    (incl / "COMMON.H").write_text("EQU ANSWER TO 42\n")
    return acct


def register(account: Path, name: str, folder: Path) -> None:
    admin.register_file(name, folder, account=account)


def test_two_word_include_names_a_registered_file(account, tmp_path):
    register(account, "MYINC", tmp_path / "elsewhere" / "INCL")
    result = transpile_file(account / "BP" / "PROG", Options(account=str(account)))
    assert result.ok, result.diagnostics
    assert result.includes == [str(tmp_path / "elsewhere" / "INCL" / "COMMON.H")]


def test_registered_file_name_matches_in_upper_case(account, tmp_path):
    register(account, "MYINC", tmp_path / "elsewhere" / "INCL")
    (account / "BP" / "PROG").write_text("$INCLUDE myinc COMMON.H\nPRINT ANSWER\n")
    result = transpile_file(account / "BP" / "PROG", Options(account=str(account)))
    assert result.ok, result.diagnostics


def test_registry_comes_before_a_folder_of_the_same_name(account, tmp_path):
    (account / "MYINC").mkdir()
    (account / "MYINC" / "COMMON.H").write_text("EQU ANSWER TO 1\n")
    register(account, "MYINC", tmp_path / "elsewhere" / "INCL")
    result = transpile_file(account / "BP" / "PROG", Options(account=str(account)))
    assert "42" in result.code


def test_without_an_account_only_folders_are_searched(account, tmp_path):
    register(account, "MYINC", tmp_path / "elsewhere" / "INCL")
    result = transpile_file(account / "BP" / "PROG", Options())
    assert [d.message for d in result.diagnostics] == [
        "include MYINC COMMON.H not found"
    ]


def test_one_word_include_falls_back_to_the_registered_syscom(account, tmp_path):
    register(account, "SYSCOM", tmp_path / "elsewhere" / "INCL")
    (account / "BP" / "PROG").write_text("$INCLUDE COMMON.H\nPRINT ANSWER\n")
    result = transpile_file(account / "BP" / "PROG", Options(account=str(account)))
    assert result.ok, result.diagnostics


def test_registering_the_file_after_a_failure_is_noticed(account, tmp_path):
    options = Options(account=str(account))
    first = cache.transpile_cached(account / "BP" / "PROG", options)
    assert not first.ok
    register(account, "MYINC", tmp_path / "elsewhere" / "INCL")
    assert cache.transpile_cached(account / "BP" / "PROG", options).ok


def test_changing_the_registry_entry_is_noticed(account, tmp_path):
    options = Options(account=str(account))
    register(account, "MYINC", tmp_path / "elsewhere" / "INCL")
    assert "42" in cache.transpile_cached(account / "BP" / "PROG", options).code
    other = tmp_path / "other"
    other.mkdir()
    (other / "COMMON.H").write_text("EQU ANSWER TO 7\n")
    Account(str(account)).delete_voc("MYINC")
    register(account, "MYINC", other)
    assert "7" in cache.transpile_cached(account / "BP" / "PROG", options).code


def pick2py(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*pick2py_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_run_and_transpile_in_an_account_use_its_registry(account, tmp_path):
    done = pick2py(account, "register-file", "MYINC", str(tmp_path / "elsewhere/INCL"))
    assert done.returncode == 0, done.stderr
    done = pick2py(account, "run", "BP/PROG")
    assert (done.returncode, done.stdout) == (0, "42\n"), done.stderr
    done = pick2py(account, "transpile", "BP", "-o", "gen")
    assert done.returncode == 0, done.stderr
    done = pick2py(tmp_path, "check", str(account / "BP"))
    assert "include MYINC COMMON.H not found" in done.stdout
    done = pick2py(tmp_path, "check", "--account", str(account), str(account / "BP"))
    assert done.returncode == 0, done.stdout
