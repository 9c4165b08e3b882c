"""BASIC programs in ``tests/programs`` run end to end through ``pick2py run``.

Each ``NAME.bas`` with a ``NAME.out`` beside it runs in a fresh, empty
account with empty standard input and TERM=xterm, as the conformance cases
do (tests/test_conformance.py); standard output must equal the ``.out``
file byte for byte and the exit status be 0. Unlike the conformance cases,
these outputs were not recorded from ScarletDME: they are written from the
rules in its sources (each program says which), for features no recording
covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from basic_runner import run_basic

HERE = Path(__file__).resolve().parent / "programs"
CASES = sorted(p for p in HERE.glob("*.bas") if p.with_suffix(".out").exists())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_program(case: Path, tmp_path: Path):
    result = run_basic(case, tmp_path)
    assert result.stdout == case.with_suffix(".out").read_bytes(), result.stderr.decode(
        "latin-1"
    )
    assert result.returncode == 0, result.stderr.decode("latin-1")
