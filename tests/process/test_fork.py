"""FORK() and EXIT.CHILD, run as BASIC programs through ``pick2py run``.

Rules under test (the Krowemoh/ScarletDME fork's FORK/EXIT.CHILD as DESIGN.md
specifies them for pick2py):

- FORK() gives the child's pid to the parent, 0 to the child;
- output printed before FORK appears once (it is flushed before forking);
- EXIT.CHILD ends the child at once after flushing its own output, leaving
  the parent's files, locks and output alone; outside a forked child it is
  a run-time error naming the BASIC line;
- a child whose program simply ends never runs the parent's code after it;
- finished children are reaped.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from basic_runner import pick2py_command, run_basic
from netutil import children_of, zombies_of


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / f"{name}.bas"
    path.write_text(source)
    return path


def test_fork_returns_pid_to_parent_and_zero_to_child(tmp_path):
    program = write(
        tmp_path,
        "FORK1",
        """
PRINT "before"
PID = FORK()
IF PID = 0 THEN
   PRINT "child"
   EXIT.CHILD
END
SLEEP 0.3
PRINT "parent ":(PID > 0):" ":(PID # SYSTEM(1031))
""",
    )
    done = run_basic(program, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"before\nchild\nparent 1 1\n"


def test_exit_child_outside_a_forked_child_is_an_error_with_its_line(tmp_path):
    program = write(tmp_path, "NOTCHILD", 'PRINT "one"\nEXIT.CHILD\nPRINT "two"\n')
    done = run_basic(program, tmp_path)
    assert done.returncode == 1
    assert done.stdout == b"one\n"
    assert done.stderr == (
        b"EXIT.CHILD used in a process that is not a forked child at line 2 of NOTCHILD\n"
    )


# Each row: how the child's program ends.
CHILD_ENDINGS = [
    "EXIT.CHILD",
    "STOP",
    "GOTO NO.MORE",  # runs off the end of the program
    "ABORT",  # a fatal error ends the child only
]


@pytest.mark.parametrize("ending", CHILD_ENDINGS)
def test_a_child_never_runs_its_parents_code_after_it_ends(tmp_path, ending):
    program = write(
        tmp_path,
        "ENDING",
        f"""
PID = FORK()
IF PID = 0 THEN
   PRINT "child"
   {ending}
END
SLEEP 0.5
PRINT "parent only"
STOP
NO.MORE:
END
""",
    )
    done = run_basic(program, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"child\nparent only\n"


def test_one_hundred_children_leave_the_parents_files_and_locks_intact(tmp_path):
    """The parent still reads, writes and locks after 100 children exit.

    The parent holds a READU lock throughout; each child updates its own
    record under its own lock, checks that it cannot take the parent's lock
    (RECORDLOCKED() reports another process), and ends with EXIT.CHILD.
    """
    program = write(
        tmp_path,
        "HUNDRED",
        """
EXECUTE "CREATE.FILE DATA.F DYNAMIC" CAPTURING OUT
OPEN "DATA.F" TO F ELSE STOP "no file"
WRITE "parent" TO F, "P"
READU REC FROM F, "P" ELSE STOP "no P"
PIDS = ""
FOR I = 1 TO 100
   PID = FORK()
   IF PID = 0 THEN
      IF RECORDLOCKED(F, "P") # -2 THEN WRITE "bad lock" TO F, "ERR"
      READU REC FROM F, "C":I ELSE REC = ""
      WRITE "child ":I TO F, "C":I
      EXIT.CHILD
   END
   PIDS<-1> = PID
NEXT I
LOOP
   N = 0
   FOR I = 1 TO 100
      READ REC FROM F, "C":I THEN N += 1
   NEXT I
UNTIL N = 100 DO NAP 20 REPEAT
PRINT "children wrote ":N
READ REC FROM F, "ERR" THEN PRINT REC
PRINT "parent still locks: ":RECORDLOCKED(F, "P")
WRITE "parent again" TO F, "P"
READ REC FROM F, "P" ELSE REC = "?"
PRINT REC
READU REC FROM F, "C50" ELSE NULL
WRITE "rewritten" TO F, "C50"
READ REC FROM F, "C50" THEN PRINT REC
PRINT "distinct pids ":DCOUNT(PIDS, @FM)
""",
    )
    done = run_basic(program, tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        b"children wrote 100\nparent still locks: 2\nparent again\nrewritten\n"
        b"distinct pids 100\n"
    )


def test_finished_children_are_reaped(tmp_path):
    program = write(
        tmp_path,
        "REAPED",
        """
FOR I = 1 TO 50
   IF FORK() = 0 THEN EXIT.CHILD
NEXT I
PRINT "forked"
SLEEP 3
""",
    )
    process = subprocess.Popen(
        [*pick2py_command(), "run", str(program)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout.readline() == b"forked\n"
        deadline = time.monotonic() + 5
        while children_of(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert zombies_of(process.pid) == 0
        assert children_of(process.pid) == 0
    finally:
        process.kill()
        process.wait(timeout=10)
