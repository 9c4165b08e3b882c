"""The examples in docs/calling-from-python.md and docs/side-by-side.md work.

Blocks in the pages are tagged with an HTML comment just above them:

- ``<!-- file: NAME -->``: the block is the text of NAME in the page's
  example folder (docs/examples/...), which the test runs;
- ``<!-- output: NAME -->``: what running NAME prints;
- ``<!-- generated: NAME -->``: what ``pick2py transpile NAME`` writes
  (rewritten by ``--update-golden``, like tests/golden).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from basic_runner import pick2py_command

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
BLOCK = re.compile(r"<!-- (file|output|generated): (\S+) -->\n```\w*\n(.*?)```", re.S)


def blocks(page: Path) -> dict[tuple[str, str], str]:
    return {(kind, name): text for kind, name, text in BLOCK.findall(page.read_text())}


def test_calling_from_python_example(tmp_path):
    page = DOCS / "calling-from-python.md"
    example = DOCS / "examples" / "interop"
    found = blocks(page)
    files = {name: text for (kind, name), text in found.items() if kind == "file"}
    assert set(files) == {"bp/ORDER.TOTAL.bas", "bp/TAX.bas", "app.py"}
    for name, text in files.items():
        assert (example / name).read_text() == text, f"{page.name} shows another {name}"

    work = tmp_path / "interop"
    shutil.copytree(example, work, ignore=shutil.ignore_patterns("generated"))
    subprocess.run(
        [
            *pick2py_command(),
            "transpile",
            str(work / "bp"),
            "-o",
            str(work / "generated"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PICK2PY_CATALOG", None)
    done = subprocess.run(
        [sys.executable, str(work / "app.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == found[("output", "app.py")]


def test_side_by_side_page(tmp_path, request):
    page = DOCS / "side-by-side.md"
    source = DOCS / "examples" / "side-by-side" / "STOCK.REPORT.bas"
    found = blocks(page)
    assert found[("file", "STOCK.REPORT.bas")] == source.read_text()

    done = subprocess.run(
        [*pick2py_command(), "run", str(source)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == found[("output", "STOCK.REPORT.bas")]

    from transpiler.api import transpile_file

    code = transpile_file(source).code
    if request.config.getoption("--update-golden"):
        text = page.read_text()
        marker = "<!-- generated: STOCK.REPORT.bas -->\n```python\n"
        start = text.index(marker) + len(marker)
        end = text.index("```", start)
        page.write_text(text[:start] + code + text[end:])
        found = blocks(page)
    assert found[("generated", "STOCK.REPORT.bas")] == code, (
        "docs/side-by-side.md is out of date: run pytest tests/interop/test_docs.py "
        "--update-golden and review the page's diff"
    )


def test_dialects_page_lists_every_dialect_function():
    # docs/dialects.md, not the source, tells users what a dialect adds.
    from transpiler.dialects import DIALECTS

    page = (DOCS / "dialects.md").read_text().upper()
    for dialect in DIALECTS.values():
        for name in dialect.functions:
            assert name.upper() in page, f"docs/dialects.md misses {name}"
    assert "transpiler/dialects.py" not in (ROOT / "README.md").read_text()


def test_commands_page_lists_every_command():
    # docs/commands.md lists what EXECUTE can run; a new command belongs there.
    from runtime_lib import rt  # noqa: F401  (imports every command's module)
    from runtime_lib.commands import _COMMANDS

    page = (DOCS / "commands.md").read_text()
    missing = [verb for verb in sorted(_COMMANDS) if f"`{verb}" not in page]
    assert missing == [], f"docs/commands.md does not list {missing}"


def test_readme_commands_and_python_example(tmp_path):
    # A new user's first minutes: the README's "Try it" command (after the
    # install) and its Python example must work as written.
    readme = (ROOT / "README.md").read_text()
    try_it = next(line for line in readme.splitlines() if "pick2py run samples" in line)
    steps = [s.strip() for s in try_it.split("&&") if ".venv/bin/pick2py" in s]
    assert [s.split()[1] for s in steps] == ["transpile", "run"]
    (tmp_path / "samples").mkdir()
    for sample in (ROOT / "samples").glob("*.bas"):
        shutil.copy(sample, tmp_path / "samples")
    for step in steps:
        done = subprocess.run(
            [*pick2py_command(), *step.split()[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr

    example = re.search(r"<!-- readme: python -->\n```python\n(.*?)```", readme, re.S)
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "gen"))
    done = subprocess.run(
        [sys.executable, "-c", example.group(1)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Total", "12.34"]
