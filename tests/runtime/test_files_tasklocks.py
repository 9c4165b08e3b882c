"""Task locks (LOCK n / UNLOCK n) across processes.

Rules checked (op_lock.c): locks 0 to 63; LOCK takes a free lock (STATUS()
0) or one this process owns (STATUS() its own user number); one another
process owns takes ELSE with STATUS() that process's user number, or
waits without ELSE; UNLOCK gives STATUS() 0, 3011 (another owner) or 3012
(no owner); a process's task locks go when it ends; a forked child owns
none of its parent's; a number out of range is fatal.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runtime_lib.clauses import ELSE, THEN
from runtime_lib.errors import BasicError
from runtime_lib.files import tasklocks
from runtime_lib.state import state

REPO = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from runtime_lib.files import tasklocks
assert tasklocks.lock(int(sys.argv[1]), has_else=True) == 0
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def locks(tmp_path, monkeypatch):
    monkeypatch.setenv("PICK2PY_LOCK_DIR", str(tmp_path / "locks"))
    monkeypatch.setattr(tasklocks, "_fd", None)
    monkeypatch.setattr(tasklocks, "_held", set())
    yield tmp_path
    if tasklocks._fd is not None:
        os.close(tasklocks._fd)  # drops every task lock this test took


def holder(number: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(number)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout.readline() == "held\n"
    return proc


def test_lock_and_unlock_in_one_process(locks):
    assert tasklocks.lock(5, has_else=True) == THEN and state.status == 0
    assert tasklocks.lock(5, has_else=True) == THEN and state.status == os.getpid()
    assert tasklocks.unlock(5) == THEN and state.status == 0
    assert tasklocks.unlock(5) == ELSE and state.status == 3012
    assert tasklocks.lock("63") == THEN


@pytest.mark.parametrize("number", [-1, 64])
def test_number_out_of_range_is_fatal(locks, number):
    with pytest.raises(BasicError, match="^Invalid task lock number$"):
        tasklocks.lock(number)
    with pytest.raises(BasicError, match="^Invalid task lock number$"):
        tasklocks.unlock(number)


def test_unlock_without_a_number_frees_them_all(locks):
    tasklocks.lock(1)
    tasklocks.lock(2)
    assert tasklocks.unlock() == THEN
    assert tasklocks.unlock(1) == ELSE and tasklocks.unlock(2) == ELSE


def test_another_process_owns_it_until_it_ends(locks):
    proc = holder(9)
    try:
        assert tasklocks.lock(9, has_else=True) == ELSE
        assert state.status == proc.pid
        assert tasklocks.unlock(9) == ELSE and state.status == 3011
        assert tasklocks.lock(10, has_else=True) == THEN  # others are free
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert tasklocks.lock(9, has_else=True) == THEN


def test_lock_without_else_waits_for_the_owner(locks):
    proc = holder(3)
    started = time.monotonic()
    try:
        subprocess.Popen(
            ["sh", "-c", f"sleep 0.5; kill {proc.pid}"]
        )  # the owner ends while we wait
        assert tasklocks.lock(3) == THEN
    finally:
        proc.wait(timeout=30)
    assert time.monotonic() - started >= 0.4


def test_a_forked_child_owns_none_of_its_parents_locks(locks):
    tasklocks.lock(4)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            outcome = tasklocks.lock(4, has_else=True)
            os.write(write, f"{outcome} {state.status}".encode())
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 100).decode()
    os.waitpid(pid, 0)
    assert answer == f"{ELSE} {os.getpid()}"
