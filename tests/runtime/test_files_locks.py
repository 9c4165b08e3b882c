"""Locks and transactions across processes.

Every other process here is a separate Python interpreter calling the
runtime API (or a forked child), as BASIC programs run side by side would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import runtime_lib.files as rt
from runtime_lib.clauses import ELSE, LOCKED, THEN
from runtime_lib.commands import find_command
from runtime_lib.files import reset_session
from runtime_lib.files.verbs import captured
from runtime_lib.state import state

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

PRELUDE = """
import os, sys, time
import runtime_lib.files as rt
from runtime_lib.state import state
rt.set_account(sys.argv[1])
outcome, f = rt.open_file("", sys.argv[2])
assert outcome == 0, "cannot open"
"""


@pytest.fixture
def account(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rt.set_account(tmp_path)
    reset_session()
    yield tmp_path
    reset_session()


def make_file(name: str, kind: str = "DYNAMIC"):
    with captured():
        find_command("CREATE.FILE")([], f"CREATE.FILE {name} {kind}")
    return rt.open_file("", name)[1]


def spawn(account: Path, name: str, body: str, *args: str) -> subprocess.Popen:
    """Start a Python process running PRELUDE + body on file ``name``."""
    script = PRELUDE + textwrap.dedent(body)
    return subprocess.Popen(
        [sys.executable, "-c", script, str(account), name, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )


def run(account: Path, name: str, body: str, *args: str) -> str:
    proc = spawn(account, name, body, *args)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    return out.decode()


def wait_for_line(proc: subprocess.Popen, expected: str) -> None:
    line = proc.stdout.readline().decode().strip()  # type: ignore[union-attr]
    assert line == expected, proc.stderr.read().decode()  # type: ignore[union-attr]


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


COUNTER = """
sys.stdin.readline()  # start together
for _ in range(int(sys.argv[3])):
    outcome, value = rt.read(f, "C", lock="U")
    rt.write(str(int(value or "0") + 1), f, "C")
"""


@pytest.mark.parametrize("kind", ["DYNAMIC", "DIRECTORY"])
def test_eight_processes_add_to_a_counter_under_readu(account, kind):
    """8 processes x 250 READU/WRITE increments: exactly 2000, nothing lost."""
    f = make_file("COUNTERS", kind)
    procs = [spawn(account, "COUNTERS", COUNTER, "250") for _ in range(8)]
    for proc in procs:
        proc.stdin.write(b"go\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    assert rt.read(f, "C") == (THEN, "2000")


HOLD = """
kind = sys.argv[3]
if kind == "file":
    rt.filelock(f)
else:
    rt.read(f, "R", lock=kind)
print("locked", flush=True)
time.sleep(120)
"""

TRY_LOCK = """
outcome, _ = rt.read(f, "R", lock="U", has_locked=True)
print(outcome, state.status)
"""


@pytest.mark.parametrize(
    "kind, code",
    [
        ("U", -2),  # LOCK_OTHER_READU
        ("L", -1),  # LOCK_OTHER_READL
        ("file", -3),  # LOCK_OTHER_FILELOCK
    ],
)
def test_other_process_lock_is_seen_and_freed_by_sigkill(account, kind, code):
    f = make_file("F")
    rt.write("data", f, "R")
    holder = spawn(account, "F", HOLD, kind)
    try:
        wait_for_line(holder, "locked")
        assert rt.recordlocked(f, "R") == code
        assert state.status == holder.pid  # STATUS() names the holder
        outcome, status = run(account, "F", TRY_LOCK).split()
        assert (int(outcome), int(status)) == (LOCKED, holder.pid)
        assert rt.read(f, "R", lock="U", has_locked=True)[0] == LOCKED
        if kind == "L":
            # A shared lock does not stop another shared lock.
            assert rt.read(f, "R", lock="L", has_locked=True)[0] == THEN
            rt.release(f, "R")
        assert rt.filelock(f, has_locked=True) == LOCKED
        assert state.status == holder.pid
    finally:
        kill(holder)
    assert rt.recordlocked(f, "R") == 0
    assert run(account, "F", TRY_LOCK).split()[0] == str(THEN)
    assert rt.filelock(f, has_locked=True) == THEN


WAIT_LOCK = """
print("ready", flush=True)
outcome, value = rt.read(f, "R", lock="U")
print(outcome, value, flush=True)
rt.write("second", f, "R")
"""


def test_readu_without_locked_clause_waits_for_release(account):
    f = make_file("F")
    rt.write("first", f, "R")
    rt.read(f, "R", lock="U")
    waiter = spawn(account, "F", WAIT_LOCK)
    wait_for_line(waiter, "ready")
    time.sleep(0.5)
    assert waiter.poll() is None  # still waiting
    rt.write("mine", f, "R")  # WRITE releases the lock
    out, err = waiter.communicate(timeout=60)
    # It read what this process wrote on releasing the lock: it waited.
    assert out.decode().split() == [str(THEN), "mine"], err.decode()
    assert rt.read(f, "R") == (THEN, "second")


def test_filelock_waits_for_other_processes_record_locks(account):
    f = make_file("F")
    holder = spawn(account, "F", HOLD, "U")
    try:
        wait_for_line(holder, "locked")
        assert rt.filelock(f, has_locked=True) == LOCKED
        rt.read(f, "OTHER", lock="U")  # other records stay lockable
        assert rt.recordlocked(f, "OTHER") == 2
    finally:
        kill(holder)
    assert rt.filelock(f, has_locked=True) == THEN
    assert rt.recordlocked(f, "OTHER") == 3  # the file lock shows first


def test_forked_child_holds_none_of_its_parents_locks(account):
    f = make_file("F")
    rt.read(f, "R", lock="U")
    rt.filelock(f)
    rt.fileunlock(f)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            rt.reset_after_fork()  # what the process layer calls; must be harmless
            answers = [
                rt.recordlocked(f, "R"),
                state.status == os.getppid(),
                rt.read(f, "R", lock="U", has_locked=True)[0],
                rt.read(f, "S", lock="U", has_locked=True)[0],
            ]
            rt.write("from child", f, "S")
            os.write(write_end, repr(answers).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    answers = os.read(read_end, 1000).decode()
    os.waitpid(pid, 0)
    # The child gets S's lock (ELSE: the record does not exist yet).
    assert answers == repr([-2, True, LOCKED, ELSE])
    assert rt.recordlocked(f, "R") == 2  # the parent still holds its lock
    assert rt.read(f, "S") == (THEN, "from child")  # SQLite reopened in child


STAGE = """
rt.transaction_start()
for i in range(50):
    rt.recordlock(f, f"T{i}")
    rt.write("data", f, f"T{i}")
print("staged", flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize("kind", ["DYNAMIC", "DIRECTORY"])
def test_process_killed_in_transaction_writes_nothing(account, kind):
    f = make_file("F", kind)
    worker = spawn(account, "F", STAGE)
    wait_for_line(worker, "staged")
    assert rt.recordlocked(f, "T0") == -2  # transaction locks are held
    kill(worker)
    rt.select(f)
    assert rt.readnext()[0] != THEN  # nothing was written
    assert rt.recordlocked(f, "T0") == 0


COMMIT = """
count = int(sys.argv[3])
rt.transaction_start()
rt.filelock(f)
for i in range(count):
    rt.write("x" * 50, f, f"K{i:06d}")
print("committing", flush=True)
rt.transaction_commit()
print("done", flush=True)
"""


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.08])
def test_process_killed_while_committing_leaves_all_or_nothing(account, delay):
    """The hashed store commits a transaction as one SQLite transaction."""
    f = make_file("F")
    count = 20000
    worker = spawn(account, "F", COMMIT, str(count))
    wait_for_line(worker, "committing")
    time.sleep(delay)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    written = rt.fileinfo(f, 1015)
    assert written in (0, count)


def test_every_path_to_a_file_shares_its_locks(account):
    f = make_file("F", "DIRECTORY")
    (account / "alias").symlink_to(account / "F")
    g = rt.openpath(str(account / "alias"))[1]
    rt.read(f, "R", lock="U")
    assert rt.recordlocked(g, "R") == 2
    alias_check = """
o, g = rt.openpath(os.path.join(sys.argv[1], "alias"))
print(rt.recordlocked(g, "R"), state.status == os.getppid())
"""
    # Another process reaching the file through the alias sees the lock.
    assert run(account, "F", alias_check).split() == ["-2", "True"]
