"""Fuzzing: no BASIC input makes the transpiler raise.

Whatever it is given (programs built from the grammar, real programs with
tokens deleted, lines swapped, files truncated, odd bytes, CR LF line ends,
marks inside strings), the transpiler answers with Python that compiles or
with diagnostics that carry a position. An exception, an ``InternalError``
included, is a bug.

CI runs a few dozen examples per test. For a long run set
``PICK2PY_FUZZ_EXAMPLES``, e.g.::

    PICK2PY_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/fuzz -x

A failing example is printed by hypothesis and kept in its example
database (``.hypothesis/``), so the next run tries it first.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_grammar import mutated, programs
from transpiler.api import Options, transpile_source
from transpiler.source import SourceFile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("PICK2PY_FUZZ_EXAMPLES", "25"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    derandomize=EXAMPLES <= 100,  # CI: the same examples every run
)


def seed_programs() -> list[str]:
    """Real programs to mutate: the conformance cases and the samples."""
    paths = sorted((ROOT / "tests" / "conformance").glob("*.bas"))
    paths += sorted((ROOT / "tests" / "golden").glob("*.bas"))
    paths += sorted((ROOT / "samples").glob("*.bas"))
    texts = [p.read_bytes().decode("latin-1") for p in paths]
    # Big programs make each example slow; a few lines of each keep the
    # statements without spending the budget on re-lexing the same text.
    return [t if len(t) < 4000 else t[:4000] for t in texts]


SEEDS = seed_programs()


def assert_python_or_diagnostics(text: str, dialect: str = "") -> None:
    """The transpiler's contract for any input."""
    result = transpile_source(
        SourceFile.from_text("FUZZ.bas", text), Options(dialect=dialect), name="FUZZ"
    )
    errors = [d for d in result.diagnostics if d.severity == "error"]
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1, d.format()
        assert d.format()
    if result.code is None:
        assert errors, "neither code nor an error"
    else:
        assert not errors
        compile(result.code, "FUZZ.py", "exec")


@FUZZ
@given(programs())
def test_generated_programs(text):
    assert_python_or_diagnostics(text)


@FUZZ
@given(mutated(SEEDS))
def test_mutated_programs(text):
    assert_python_or_diagnostics(text)


@FUZZ
@given(programs(), st.sampled_from(["universe", "d3"]))
def test_generated_programs_in_other_dialects(text, dialect):
    assert_python_or_diagnostics(text, dialect)


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data):
    assert_python_or_diagnostics(data.decode("latin-1"))
