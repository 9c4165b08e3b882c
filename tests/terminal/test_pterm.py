"""The PTERM command through EXECUTE: keyboard case inversion on and off.

Rules checked (GPL.BP PTERM, op_tio.c): a session starts with case
inversion on, so INPUT from the keyboard swaps the case of letters;
``PTERM CASE NOINVERT`` turns it off and ``PTERM CASE INVERT`` on again;
``PTERM DISPLAY`` reports it; a missing setting or unknown option gives
PTERM's messages; the settings pick2py does not model say so.
"""

from __future__ import annotations

from basic_runner import run_basic

PROGRAM = """\
EXECUTE "PTERM DISPLAY"
INPUT A
EXECUTE "PTERM CASE NOINVERT"
EXECUTE "PTERM DISPLAY"
INPUT B
EXECUTE "PTERM CASE INVERT"
INPUT C
PRINT A : "," : B : "," : C
EXECUTE "PTERM CASE"
EXECUTE "PTERM FOO"
EXECUTE "PTERM BREAK OFF"
PRINT @SYSTEM.RETURN.CODE
"""


def test_pterm_case_inversion(tmp_path):
    program = tmp_path / "PT"
    program.write_text(PROGRAM)
    done = run_basic(program, tmp_path, stdin=b"Abc\nAbc\nAbc\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("latin-1").splitlines()
    assert lines[0] == "Case inversion: On"
    assert "Case inversion: Off" in lines
    assert "aBC,Abc,aBC" in lines
    assert lines[-4:] == [
        "INVERT or NOINVERT required",
        "Unrecognised option (FOO)",
        "PTERM BREAK is an option pick2py does not support",
        "-1",
    ]
