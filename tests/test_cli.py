"""The pick2py command as a new user meets it: help texts, bad paths, an
empty folder, a file that is not BASIC, an output folder that cannot be
written. Every mistake is one plain sentence on stderr and an exit status,
never a Python traceback."""

from __future__ import annotations

import os
import subprocess

import pytest

from basic_runner import pick2py_command
from transpiler import cli


def pick2py(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command in this process: (exit status, stdout, stderr)."""
    try:
        status = cli.main(list(args))
    except SystemExit as exc:  # argparse: --help, usage errors
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture()
def bp(tmp_path):
    folder = tmp_path / "BP"
    folder.mkdir()
    (folder / "HELLO").write_text('PRINT "hello"\n')
    return folder


@pytest.mark.parametrize(
    "command, expected",
    [
        ("transpile", ["BASIC item, or a folder of items", "-o OUTDIR"]),
        ("check", ["BASIC item, or a folder of items"]),
        ("run", ["the program: a BASIC file", "arguments for the program"]),
        ("create-file", ["Create a file in the account", "NAME the file's name"]),
        ("list-files", ["List the files the account's registry names"]),
        ("register-file", ["NAME the name", "FOLDER an existing folder"]),
        ("export", ["NAME the account's file", "FOLDER a ScarletDME"]),
        ("import", ["FOLDER a ScarletDME directory file", "NAME the account's"]),
    ],
)
def test_help_describes_every_argument(capsys, command, expected):
    status, out, _ = pick2py(capsys, command, "--help")
    assert status == 0
    for text in expected:
        assert text in " ".join(out.split()), out


def test_run_without_a_program_names_only_what_is_missing(capsys):
    status, _, err = pick2py(capsys, "run")
    assert status == 2
    assert err.splitlines()[-1] == (
        "pick2py run: error: the following arguments are required: PROGRAM"
    )


def test_run_of_a_folder_says_to_name_an_item_in_it(capsys, bp, monkeypatch):
    monkeypatch.chdir(bp.parent)
    status, _, err = pick2py(capsys, "run", "BP")
    assert status == 2
    assert err == (
        "pick2py: BP is a folder: run a program in it, as in pick2py run BP/HELLO\n"
    )


def test_run_of_a_folder_suggests_a_program_not_a_subroutine(capsys, bp, monkeypatch):
    (bp / "ADD.ONE").write_text("* adds one\nSUBROUTINE ADD.ONE(X)\nX += 1\n")
    (bp / "DOUBLE").write_text("function double(x)\nreturn x * 2\n")
    monkeypatch.chdir(bp.parent)
    _, _, err = pick2py(capsys, "run", "BP")
    assert err.endswith("as in pick2py run BP/HELLO\n")


def test_an_empty_folder_is_a_mistake(capsys, tmp_path):
    (tmp_path / "EMPTY").mkdir()
    (tmp_path / "EMPTY" / "README.md").write_text("notes\n")
    for command in (["transpile", "-o", str(tmp_path / "out")], ["check"]):
        status, _, err = pick2py(capsys, *command, str(tmp_path / "EMPTY"))
        assert status == 2
        assert err == f"pick2py: {tmp_path / 'EMPTY'}: no BASIC items in this folder\n"
    assert not (tmp_path / "out").exists()


def test_an_empty_folder_beside_others_is_only_mentioned(capsys, tmp_path, bp):
    (tmp_path / "EMPTY").mkdir()
    out = tmp_path / "out"
    status, _, err = pick2py(
        capsys, "transpile", str(bp), str(tmp_path / "EMPTY"), "-o", str(out)
    )
    assert status == 0
    assert err.splitlines() == [
        f"pick2py: {tmp_path / 'EMPTY'}: no BASIC items in this folder",
        "transpiled 1 file: 1 ok, 0 failed",
    ]
    assert (out / "hello.py").exists()


@pytest.mark.parametrize("kind", ["a file", "under a file"])
def test_an_output_folder_that_cannot_be_made_is_one_sentence(capsys, bp, kind):
    out = bp / "HELLO" if kind == "a file" else bp / "HELLO" / "gen"
    status, _, err = pick2py(capsys, "transpile", str(bp), "-o", str(out))
    assert status == 2
    assert err.startswith(f"pick2py: {out}: cannot write the output folder: ")
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1


def test_a_binary_file_is_one_error(capsys, bp):
    (bp / "HELLO.OBJ").write_bytes(
        b"\x7fELF\x02\x01\x01" + bytes(9) + bytes(range(256))
    )
    status, out, _ = pick2py(capsys, "check", str(bp))
    assert status == 1
    assert out.splitlines() == [
        f"{bp / 'HELLO.OBJ'}:1:8: error: NUL bytes: this is a binary file,"
        " not BASIC source",
        "checked 2 files: 1 ok, 1 failed",
    ]


def test_user_mistakes_show_no_traceback(tmp_path, bp):
    (tmp_path / "out").write_text("a file\n")
    for args in (
        ["transpile", str(bp), "-o", str(tmp_path / "out")],
        ["transpile", str(tmp_path / "nope"), "-o", str(tmp_path / "gen")],
        ["run", str(bp)],
        ["run"],
    ):
        done = subprocess.run(
            [*pick2py_command(), *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr, args


def test_a_nul_byte_in_a_string_literal_is_still_basic(capsys, bp):
    (bp / "NUL.LITERAL").write_bytes(b'X = "a\x00b"\nPRINT LEN(X)\n')
    status, out, _ = pick2py(capsys, "check", str(bp / "NUL.LITERAL"))
    assert (status, out) == (0, "checked 1 file: 1 ok, 0 failed\n")


@pytest.mark.parametrize(
    "command",
    [["list-files"], ["create-file", "X"], ["check", "."], ["run", "PROG"]],
)
def test_a_missing_account_folder_is_one_sentence(capsys, tmp_path, command):
    missing = str(tmp_path / "nope")
    status, _, err = pick2py(capsys, command[0], "--account", missing, *command[1:])
    assert (status, err) == (2, f"pick2py: {missing}: no such account folder\n")


def test_the_command_keeps_its_bytecode_in_the_cache_folder(tmp_path):
    # Where Python may not write bytecode, every run compiled pick2py's ~130
    # modules again; the command keeps theirs under its cache folder instead.
    cache = tmp_path / "cache"
    (tmp_path / "HELLO.bas").write_text('PRINT "hello"\n')
    env = {**os.environ, "PICK2PY_CACHE": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [*pick2py_command(), "run", "HELLO.bas"],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.stdout == b"hello\n", done.stderr
    kept = {p.name.split(".")[0] for p in (cache / "bytecode").rglob("*.pyc")}
    assert {"cli", "api", "rt"} <= kept
    assert not list(tmp_path.glob("*/__pycache__"))
