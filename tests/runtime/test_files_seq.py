"""Sequential files: OPENSEQ, READSEQ, WRITESEQ, READBLK, SEEK, devices.

``seq_files.bas`` is replayed through the runtime API and must print exactly
its recorded ScarletDME output; the other rows pin op_seqio.c's statuses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import runtime_lib.files as rt
from runtime_lib.clauses import ELSE, LOCKED, THEN
from runtime_lib.commands import find_command
from runtime_lib.errors import BasicError
from runtime_lib.files import reset_session
from runtime_lib.files.verbs import captured
from runtime_lib.state import state
from runtime_lib.values import FM, Unassigned

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def account(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rt.set_account(tmp_path)
    reset_session()
    yield tmp_path
    reset_session()


def test_seq_files_conformance(account):
    """conformance/seq_files.bas prints exactly seq_files.out."""
    out = []
    path = "case_seq_file.txt"
    outcome, s = rt.openseq(path)
    if outcome == THEN:
        rt.weofseq(s)
    else:
        assert rt.create(s) == THEN
    for line in ["first line", "second" + FM + "part", "", "last"]:
        assert rt.writeseq(line, s) == THEN
    rt.closeseq(s)
    outcome, s = rt.openseq(path)
    assert outcome == THEN
    n = 0
    while True:
        outcome, line = rt.readseq(s)
        if outcome != THEN:
            break
        n += 1
        out.append(f"{n}: " + line.replace(FM, "^") + "|")
    rt.closeseq(s)
    outcome, s2 = rt.openseq("no_such_dir/x.txt")
    out.append("odd" if outcome == THEN else f"open failed status {state.status}")
    assert "\n".join(out) + "\n" == (
        "1: first line|\n2: second^part|\n3: |\n4: last|\nopen failed status 0\n"
    )
    assert (account / path).read_bytes() == b"first line\nsecond\xfepart\n\nlast\n"


def test_seq_files_conformance_second_run_truncates(account):
    """Run again: OPENSEQ finds the file and WEOFSEQ empties it first."""
    (account / "f.txt").write_bytes(b"a much longer old content\nline two\nthree\n")
    outcome, s = rt.openseq("f.txt")
    assert outcome == THEN
    rt.weofseq(s)
    rt.writeseq("new", s)
    rt.closeseq(s)
    assert (account / "f.txt").read_bytes() == b"new\n"


def test_missing_file_is_created_by_first_write(account):
    outcome, s = rt.openseq("deep/er/x.txt")
    assert (outcome, state.status) == (ELSE, 0)
    assert isinstance(s, rt.SeqFile)
    assert rt.readseq(s) == (ELSE, "")
    assert state.status == 3015  # ER$SQRD: read before creation
    assert rt.writeseq("hello", s) == THEN  # creates the folders too
    rt.closeseq(s)
    assert (account / "deep/er/x.txt").read_bytes() == b"hello\n"


@pytest.mark.parametrize(
    "args, status",
    [
        (("",), 3002),  # ER$NAM: empty path
        (("dir/",), 3002),  # ER$NAM: ends with a separator
        (("NOFILE", "x"), 3007),  # ER$NVR: unknown registry name
        (("H", "x"), 3004),  # ER$NDIR: a hashed file is not a directory file
        (("D", ""), 3000),  # ER$IID: empty record name
        (("D", "a/b"), 3000),  # ER$IID: record name a directory file refuses
        (("sub",), 3013),  # ER$NSEQ: a folder, not a file
    ],
)
def test_openseq_failures(account, args, status):
    with captured():
        find_command("CREATE.FILE")([], "CREATE.FILE H DYNAMIC")
        find_command("CREATE.FILE")([], "CREATE.FILE D DIRECTORY")
    (account / "sub").mkdir()
    outcome, s = rt.openseq(*args)
    assert (outcome, state.status) == (ELSE, status)
    assert isinstance(s, Unassigned)


def test_openseq_record_of_directory_file(account):
    with captured():
        find_command("CREATE.FILE")([], "CREATE.FILE D DIRECTORY")
    outcome, s = rt.openseq("D", ".hidden")  # ids are mapped as for READ
    assert outcome == ELSE
    rt.writeseq("x", s)
    rt.closeseq(s)
    assert (account / "D" / "%dhidden").read_bytes() == b"x\n"
    f = rt.open_file("", "D")[1]
    assert rt.read(f, ".hidden") == (THEN, "x")
    assert rt.deleteseq("D", ".hidden") == THEN
    assert rt.read(f, ".hidden")[0] == ELSE


@pytest.mark.parametrize(
    "content, lines",
    [
        (b"a\nb\n", ["a", "b"]),
        (b"a\nb", ["a", "b"]),  # last line without LF
        (b"a\r\nb\r\n", ["a\r", "b\r"]),  # CR is data
        (b"\n\n", ["", ""]),
        (b"", []),
        (b"x" * 70000 + b"\ny", ["x" * 70000, "y"]),  # longer than the buffer
    ],
)
def test_readseq_lines(account, content, lines):
    (account / "f").write_bytes(content)
    s = rt.openseq("f")[1]
    got = []
    while True:
        outcome, line = rt.readseq(s)
        if outcome != THEN:
            break
        got.append(line)
    assert got == lines
    assert state.status == 3006  # end of file: ER$RNF
    assert rt.fileinfo(s, 14) == content.count(b"\n") + 1


@pytest.mark.parametrize(
    "mode, expected",
    [
        (None, b"NEW\nline\n"),  # writes overwrite in place from the start
        ("APPEND", b"old line\nNEW\n"),
        ("OVERWRITE", b"NEW\n"),
    ],
)
def test_openseq_modes(account, mode, expected):
    (account / "f").write_bytes(b"old line\n")
    s = rt.openseq("f", mode=mode)[1]
    rt.writeseq("NEW", s)
    rt.closeseq(s)
    assert (account / "f").read_bytes() == expected


def test_readonly(account):
    (account / "f").write_bytes(b"a\n")
    s = rt.openseq("f", mode="READONLY")[1]
    assert rt.writeseq("x", s) == ELSE
    assert state.status == 3018  # ER$RDONLY
    assert rt.fileinfo(s, 1001) == 1
    with pytest.raises(BasicError, match="WEOFSEQ on read-only sequential file"):
        rt.weofseq(s)
    assert rt.readseq(s) == (THEN, "a")


def test_create(account):
    s = rt.openseq("new.txt")[1]
    assert rt.create(s) == THEN
    assert (account / "new.txt").exists()
    assert rt.create(s) == ELSE and state.status == 3017  # ER$SQEX
    assert rt.create("not a file") == ELSE and state.status == 3013


def test_blocks_and_seek(account):
    (account / "f").write_bytes(b"0123456789")
    s = rt.openseq("f")[1]
    assert rt.readblk(s, 4) == (THEN, "0123")
    assert rt.readblk(s, 0) == (THEN, "")
    assert rt.seek(s, 2, 1) == THEN  # from the current position
    assert rt.readblk(s, 100) == (THEN, "6789")
    assert rt.readblk(s, 1) == (ELSE, "") and state.status == 3030  # ER$EOF
    assert rt.seek(s, 3, 2) == THEN  # ScarletDME: size minus offset
    assert rt.readblk(s, 1) == (THEN, "7")
    assert rt.seek(s, 11) == ELSE and state.status == 3028  # ER$SQSEEK
    assert rt.seek(s, 0, 3) == ELSE and state.status == 3029  # ER$SQREL
    assert rt.seek(s, 0) == THEN
    assert rt.writeblk("ab", s) == THEN  # no line end
    assert rt.fileinfo(s, 1006) == 2
    rt.weofseq(s)
    rt.closeseq(s)
    assert (account / "f").read_bytes() == b"ab"


def test_write_then_read_sees_buffered_data(account):
    s = rt.openseq("f")[1]
    rt.writeseq("one", s)
    rt.writeseq("two", s)
    assert rt.fileinfo(s, 1003) == 8.0
    rt.seek(s, 0)
    assert rt.readseq(s) == (THEN, "one")
    rt.flush(s)
    assert (account / "f").read_bytes() == b"one\ntwo\n"
    rt.nobuf(s)
    rt.writeseq("three", s)
    assert (account / "f").read_bytes() == b"one\nthree\n"
    rt.closeseq(s)


def test_not_a_sequential_file(account):
    for call in (lambda: rt.readseq("x"), lambda: rt.readblk("x", 1)):
        assert call()[0] == ELSE and state.status == 3013
    assert rt.writeseq("a", "x") == ELSE and state.status == 3013
    with pytest.raises(BasicError, match="WEOFSEQ on non-sequential file"):
        rt.weofseq("x")


@pytest.mark.parametrize(
    "setup, status",
    [
        ("missing", 3003),  # ER$FNF
        ("folder", 3013),  # ER$NSEQ
    ],
)
def test_deleteseq_failures(account, setup, status):
    if setup == "folder":
        (account / "target").mkdir()
    assert rt.deleteseq("target") == ELSE
    assert state.status == status


def test_fifo_reads_lines_and_drops_cut_line(account):
    os.mkfifo(account / "pipe")
    writer = subprocess.Popen(
        ["sh", "-c", f"printf 'one\\ntwo\\npartial' > {account / 'pipe'}"]
    )
    outcome, s = rt.openseq(str(account / "pipe"), mode="READONLY")
    assert outcome == THEN
    assert rt.readseq(s) == (THEN, "one")
    assert rt.readseq(s) == (THEN, "two")
    assert rt.readseq(s) == (ELSE, "")  # a FIFO line cut off by EOF is dropped
    assert state.status == 1011
    rt.closeseq(s)
    writer.wait()


def test_openseq_standard_input():
    """OPENSEQ "/dev/stdin" reads the lines piped to the program."""
    script = textwrap.dedent("""
        import runtime_lib.files as rt
        outcome, s = rt.openseq("/dev/stdin")
        while True:
            outcome, line = rt.readseq(s)
            if outcome:
                break
            print("got", line)
        """)
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=b"alpha\nbeta\n",
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert result.stdout == b"got alpha\ngot beta\n", result.stderr


def test_openseq_lock_between_processes(account):
    """A second process's OPENSEQ of an open file takes its LOCKED clause."""
    (account / "f").write_bytes(b"")
    outcome, s = rt.openseq("f")
    script = textwrap.dedent(f"""
        import runtime_lib.files as rt
        from runtime_lib.state import state
        outcome, s = rt.openseq({str(account / "f")!r}, has_locked=True)
        print(outcome, state.status)
        """)
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def run():
        return subprocess.run(
            [sys.executable, "-c", script], capture_output=True, env=env, timeout=60
        )

    assert run().stdout.split() == [str(LOCKED).encode(), b"3011"]
    rt.closeseq(s)
    assert run().stdout.split() == [str(THEN).encode(), b"0"]


def test_character_device(account):
    outcome, s = rt.openseq("/dev/null")
    assert outcome == THEN
    assert rt.fileinfo(s, 3) == 5
    assert rt.readseq(s) == (ELSE, "")
    assert rt.writeseq("discarded", s) == THEN
    rt.closeseq(s)
