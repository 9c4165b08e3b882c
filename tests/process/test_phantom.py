"""PHANTOM: a background process running a command, logged to $COMO.

ScarletDME's PHANTOM verb (GPL.BP PHANTOM and CPROC): the parent shows
"Started phantom user N" and gets N in @SYSTEM.RETURN.CODE; the phantom
runs the command with it as @SENTENCE, SYSTEM(25) = 1, and logs to a
``$COMO`` record ``PH<user>_<ddmmyy>_<hhmmss>`` that starts with "COMO file
activated to ..." and "Phantom N started at ...", and ends with "Phantom N
terminated at ...".
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from basic_runner import run_basic

WORKER = """
PRINT "sentence: ":@SENTENCE
PRINT "phantom: ":SYSTEM(25)
PRINT "words: ":FIELD(SENTENCE(), " ", 2, 99)
SLEEP 0.1
OPEN "RESULTS" TO F ELSE STOP "no RESULTS"
WRITE "user ":@USERNO TO F, FIELD(SENTENCE(), " ", 2)
"""

STARTER = """
EXECUTE "CREATE.FILE RESULTS DIRECTORY" CAPTURING OUT
PRINT "parent phantom: ":SYSTEM(25)
EXECUTE "PHANTOM WORKER job1 two words" CAPTURING MESSAGE
PRINT MESSAGE
PRINT "returned ":@SYSTEM.RETURN.CODE
EXECUTE "PHANTOM"
PRINT "missing ":@SYSTEM.RETURN.CODE
"""


def stop_phantom(pid: int) -> None:
    """Kill a phantom this test started, if it still runs (and is still it)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return
    if b"runtime_lib.phantom" in cmdline:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def wait_for(path: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_phantom_runs_the_command_in_the_background_with_a_como_log(tmp_path):
    (tmp_path / "WORKER.bas").write_text(WORKER)
    (tmp_path / "STARTER.bas").write_text(STARTER)
    done = run_basic(tmp_path / "STARTER.bas", tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    user = int(re.fullmatch(r"Started phantom user (\d+)", lines[1]).group(1))
    try:
        assert lines == [
            "parent phantom: 0",
            f"Started phantom user {user}",
            f"returned {user}",
            "Phantom command missing",
            "missing -1",
        ]
        result = tmp_path / "RESULTS" / "job1"
        wait_for(result)
        assert result.read_text() == f"user {user}\n"

        logs = list((tmp_path / "$COMO").iterdir())
        assert len(logs) == 1
        assert re.fullmatch(rf"PH{user}_\d{{6}}_\d{{6}}", logs[0].name)
        deadline = time.monotonic() + 30
        while "terminated" not in logs[0].read_text():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        log = logs[0].read_text().splitlines()
        assert log[0] == f"COMO file activated to {logs[0].name}"
        assert re.fullmatch(
            rf"Phantom {user} started at \d\d:\d\d:\d\d \d\d [A-Z]{{3}} \d{{4}}", log[1]
        )
        assert log[2:5] == [
            "sentence: WORKER job1 two words",
            "phantom: 1",
            "words: job1 two words",
        ]
        assert re.fullmatch(
            rf"Phantom {user} terminated at \d\d:\d\d:\d\d [ \d]\d [A-Z]{{3}} \d{{4}}",
            log[5],
        )
    finally:
        stop_phantom(user)


def test_phantom_errors_are_logged(tmp_path):
    (tmp_path / "BROKEN.bas").write_text('PRINT "before"\nX = 1 / 0\n')
    (tmp_path / "START2.bas").write_text(
        'EXECUTE "PHANTOM BROKEN" CAPTURING M\nPRINT M\nEXECUTE "PHANTOM NO.SUCH.PROGRAM"\n'
    )
    done = run_basic(tmp_path / "START2.bas", tmp_path)
    assert done.returncode == 0, done.stderr
    users = [int(u) for u in re.findall(rb"Started phantom user (\d+)", done.stdout)]
    assert len(users) == 2
    como = tmp_path / "$COMO"
    try:
        deadline = time.monotonic() + 60
        while True:
            logs = {p.name.split("_")[0]: p.read_text() for p in como.iterdir()}
            if len(logs) == 2 and all("terminated" in text for text in logs.values()):
                break
            assert time.monotonic() < deadline, logs
            time.sleep(0.05)
        broken, missing = logs[f"PH{users[0]}"], logs[f"PH{users[1]}"]
        assert "before\nDivide by zero error at line 2 of BROKEN\n" in broken
        assert "NO.SUCH.PROGRAM is not in your VOC\n" in missing
    finally:
        for user in users:
            stop_phantom(user)
