"""COMO: a copy of what the display shows, in a record of $COMO.

ScarletDME's COMO verb (GPL.BP COMO, op_tio.c): ``COMO ON name`` starts the
log afresh in the ``$COMO`` directory file and holds an update lock on the
record; everything displayed from then on goes to the terminal and the
log, except output that EXECUTE ... CAPTURING takes and what HUSH hides;
``COMO OFF`` ends it. The messages and @SYSTEM.RETURN.CODE values are the
verb's own.
"""

from __future__ import annotations

from basic_runner import run_basic

PROGRAM = """
EXECUTE "COMO OFF"
PRINT "off first: ":@SYSTEM.RETURN.CODE
EXECUTE "COMO ON"
PRINT "no name: ":@SYSTEM.RETURN.CODE
EXECUTE "COMO SIDEWAYS"
PRINT "bad action: ":@SYSTEM.RETURN.CODE
EXECUTE "COMO ON run1"
PRINT "logged ":@SYSTEM.RETURN.CODE
CRT "also crt"
EXECUTE "COMO ON run2"
PRINT "again: ":@SYSTEM.RETURN.CODE
OPEN "$COMO" TO F ELSE STOP "no $COMO"
PRINT "locked: ":RECORDLOCKED(F, "run1")
EXECUTE "COMO OFF" CAPTURING X
PRINT "captured: ":X
EXECUTE "COMO ON run1"
HUSH ON
PRINT "hushed"
HUSH OFF
EXECUTE "COMO OFF"
PRINT "after ":@SYSTEM.RETURN.CODE
PRINT "unlocked: ":RECORDLOCKED(F, "run1")
"""


def test_como_logs_the_display_to_a_record(tmp_path):
    (tmp_path / "LOGGED.bas").write_text(PROGRAM)
    done = run_basic(tmp_path / "LOGGED.bas", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == [
        "No COMO file active",
        "off first: -2",
        "Record name required after ON keyword",
        "no name: -1",
        "Unrecognised COMO action",
        "bad action: -1",
        "COMO file activated to run1",
        "logged 0",
        "also crt",
        "COMO file already active as run1",
        "again: -1005",
        "locked: 2",
        "captured: COMO file deactivated",
        "COMO file activated to run1",
        "COMO file deactivated",
        "after 0",
        "unlocked: 0",
    ]
    # The second COMO ON run1 started the record again; the HUSHed line and
    # the message after the log closed are not in it.
    assert (tmp_path / "$COMO" / "run1").read_text() == "COMO file activated to run1\n"


def test_como_log_is_complete_when_the_program_ends(tmp_path):
    (tmp_path / "OPEN.ENDED.bas").write_text(
        'EXECUTE "COMO ON open.ended"\nFOR I = 1 TO 3\n  PRINT "line ":I\nNEXT I\n'
    )
    done = run_basic(tmp_path / "OPEN.ENDED.bas", tmp_path)
    assert done.returncode == 0, done.stderr
    log = (tmp_path / "$COMO" / "open.ended").read_text()
    assert log == "COMO file activated to open.ended\nline 1\nline 2\nline 3\n"
    assert done.stdout.decode() == log
