"""Golden files: BASIC in, the exact Python pick2py generates out.

Each ``tests/golden/NAME.bas`` has its expected module in ``NAME.py``. A
change to code generation shows up here as a diff to review. To accept new
output, run ``pytest tests/test_golden.py --update-golden`` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from transpiler.api import transpile_file

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(GOLDEN.glob("*.bas"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path, request):
    result = transpile_file(case)
    assert result.ok, [d.format() for d in result.diagnostics]
    expected_path = case.with_suffix(".py")
    if request.config.getoption("--update-golden"):
        expected_path.write_text(result.code, encoding="utf-8")
    assert result.code == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_output_is_black_stable(case: Path):
    code = transpile_file(case).code
    assert black.format_str(code, mode=black.Mode(line_length=88)) == code


def test_second_run_gives_the_same_bytes(tmp_path):
    """Transpiling the same tree twice writes identical files."""
    import subprocess
    import sys

    folder = Path(__file__).resolve().parent / "conformance"
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run(
            [
                sys.executable,
                "-m",
                "transpiler.launcher",
                "transpile",
                str(folder),
                "-o",
                str(out),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob("*.py"))})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 20


def test_one_changed_line_changes_one_statement(tmp_path):
    """A one-line edit in BASIC touches only that statement's Python."""
    source = (GOLDEN / "loops.bas").read_text()
    changed = source.replace("TOTAL += I", "TOTAL += I * 2")
    before = transpile_file(GOLDEN / "loops.bas").code.splitlines()
    edited = tmp_path / "loops.bas"
    edited.write_text(changed)
    after = transpile_file(edited).code.splitlines()
    import difflib

    diff = [
        l
        for l in difflib.unified_diff(before, after, lineterm="", n=0)
        if l[:1] in "+-" and not l.startswith(("+++", "---"))
    ]
    # The header's source and output hashes, the BASIC line comment and the
    # statement: nothing else moves.
    header = [
        l for l in diff if l[1:].startswith(("Source SHA-256: ", "Output SHA-256: "))
    ]
    body = [l for l in diff if l not in header]
    assert len(header) == 4, diff
    assert len(body) == 4, diff
    assert body[0] == "-        # 5: TOTAL += I", diff
    assert body[2] == "+        # 5: TOTAL += I * 2", diff
    assert body[1].lstrip("- ").startswith("TOTAL"), diff
    assert body[3].lstrip("+ ").startswith("TOTAL"), diff
