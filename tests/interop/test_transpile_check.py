"""``pick2py transpile --check`` and ``--diff`` on generated folders.

--check lists generated files that are missing, stale (their BASIC changed,
or pick2py now generates something else), edited by hand or left from an
item that is gone, and exits 1; a fresh folder exits 0 and is left
untouched. The header's Output SHA-256 (the hash of the file without that
line) tells a hand edit from a stale file. --diff prints what regenerating would change, as a unified diff.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from basic_runner import pick2py_command

ITEMS = {
    "GREET.bas": 'PROGRAM GREET\nPRINT "Hello"\nEND\n',
    "ADD.TAG.bas": 'SUBROUTINE ADD.TAG(N, T)\nN = N + 10\nT<-1> = "done"\nRETURN\nEND\n',
}


def pick2py(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*pick2py_command(), *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def generated(tmp_path) -> tuple[Path, Path]:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name, text in ITEMS.items():
        (src / name).write_text(text)
    assert pick2py("transpile", str(src), "-o", str(out)).returncode == 0
    return src, out


def check(src: Path, out: Path, *flags: str) -> subprocess.CompletedProcess:
    return pick2py("transpile", str(src), "-o", str(out), *(flags or ("--check",)))


def test_fresh_output_passes(generated):
    src, out = generated
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    done = check(src, out)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "checked 2 files: 2 ok, 0 failed, 0 out of date\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_changed_basic_makes_its_output_stale(generated):
    src, out = generated
    (src / "GREET.bas").write_text('PROGRAM GREET\nPRINT "Hello, world"\nEND\n')
    done = check(src, out)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{out / 'greet.py'}: stale (its BASIC changed)",
        "checked 2 files: 2 ok, 0 failed, 1 out of date",
    ]
    # --check writes nothing: the file is still the old one.
    assert "Hello, world" not in (out / "greet.py").read_text()


def test_a_hand_edit_is_reported_as_such(generated):
    src, out = generated
    target = out / "add_tag.py"
    target.write_text(target.read_text().replace('"done"', '"DONE"'))
    done = check(src, out)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"{target}: edited by hand"


def test_a_hand_edit_wins_over_a_changed_basic(generated):
    # Regenerating would lose the edit, so that is what --check says.
    src, out = generated
    target = out / "add_tag.py"
    target.write_text(target.read_text() + "\n# my note\n")
    (src / "ADD.TAG.bas").write_text(ITEMS["ADD.TAG.bas"].replace("10", "20"))
    assert check(src, out).stderr.splitlines()[0] == f"{target}: edited by hand"


def test_output_from_another_pick2py_is_stale_not_edited(generated):
    # Same BASIC, a consistent file that differs: another generator made it.
    from transpiler.emit import sign

    src, out = generated
    target = out / "greet.py"
    lines = target.read_text().splitlines(True)
    unsigned = "".join(l for l in lines if not l.startswith("Output SHA-256: "))
    target.write_text(sign(unsigned.replace("rt.print_(", "rt.print_( ")))
    assert check(src, out).stderr.splitlines()[0] == (
        f"{target}: stale (made by another version of pick2py)"
    )


def test_a_missing_output_is_reported(generated):
    src, out = generated
    (out / "greet.py").unlink()
    done = check(src, out)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"{out / 'greet.py'}: missing"


def test_output_whose_basic_is_gone_is_reported(generated):
    src, out = generated
    (src / "GREET.bas").unlink()
    (out / "notes.py").write_text("print('not generated')\n")  # not ours: left be
    done = check(src, out)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{out / 'greet.py'}: its BASIC item is gone (delete the file)",
        "checked 1 file: 1 ok, 0 failed, 1 out of date",
    ]


def test_diff_shows_what_regenerating_changes(generated):
    src, out = generated
    (src / "GREET.bas").write_text('PROGRAM GREET\nPRINT "Hi"\nEND\n')
    done = check(src, out, "--diff")
    assert done.returncode == 1
    changed = [
        l
        for l in done.stdout.splitlines()
        if l[:1] in "+-" and not l.startswith(("+++", "---"))
    ]
    body = [l for l in changed if "SHA-256" not in l]
    # The BASIC line's comment and its statement, old then new.
    assert len(body) == 4, body
    assert body[0] == '-    # 2: PRINT "Hello"' and body[2] == '+    # 2: PRINT "Hi"'
    assert '"Hello"' in body[1] and '"Hi"' in body[3]
    assert done.stdout.startswith(
        f"--- {out / 'greet.py'}\n+++ {out / 'greet.py'} " "(regenerated)\n"
    )


def test_regenerating_makes_the_folder_fresh_again(generated):
    src, out = generated
    (src / "GREET.bas").write_text('PROGRAM GREET\nPRINT "Hi"\nEND\n')
    assert check(src, out).returncode == 1
    assert pick2py("transpile", str(src), "-o", str(out)).returncode == 0
    assert check(src, out).returncode == 0


def test_a_changed_insert_is_named(tmp_path):
    # Only an $INSERTed item changed: --check says which, not "another version".
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "H").write_text("EQU GREETING TO 'Hello'\n")
    (src / "MAIN.bas").write_text("$INSERT H\nPRINT GREETING\nEND\n")
    assert pick2py("transpile", str(src), "-o", str(out)).returncode == 0
    header = (out / "main.py").read_text().split('"""')[1]
    assert "\nInclude SHA-256: " in header and header.rstrip().endswith(" $INSERT H")
    (src / "H").write_text("EQU GREETING TO 'Hi'\n")
    done = check(src, out)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{out / 'main.py'}: stale (its $INSERT H changed)",
        "checked 1 file: 1 ok, 0 failed, 1 out of date",
    ]


def test_version():
    done = pick2py("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("pick2py 0.1.0 (code ")
