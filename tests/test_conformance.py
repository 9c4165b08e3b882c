"""The recorded ScarletDME outputs, reproduced byte for byte.

Each ``NAME.bas`` with a ``NAME.out`` beside it (copied from
``shared/conformance`` and ``shared/conformance-more``) runs in a fresh,
empty account with empty standard input and TERM=xterm, as it was recorded.
Standard output must equal the ``.out`` file and the exit status be 0. When
ScarletDME stopped the program with a run-time error, the ``.out`` ends with
its error line; then the output before it must match exactly, the exit
status must be non-zero and the error report must carry the same message
and BASIC line (the hex code and object path are ScarletDME's own).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from basic_runner import assert_recorded_output, run_basic

HERE = Path(__file__).resolve().parent
CASES = sorted(
    p
    for folder in ("conformance", "conformance_more")
    for p in (HERE / folder).glob("*.bas")
    if p.with_suffix(".out").exists()
)

# Cases that belong to issues not done yet: strict xfail, so fixing one
# makes the suite fail until it is moved into the passing set.
NOT_YET: dict[str, str] = {}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_conformance(case: Path, tmp_path: Path, request):
    if case.stem in NOT_YET:
        request.applymarker(pytest.mark.xfail(reason=NOT_YET[case.stem], strict=True))
    result = run_basic(case, tmp_path)
    assert_recorded_output(result, case.with_suffix(".out").read_bytes())
