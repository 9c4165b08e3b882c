"""The import hook (runtime_lib.importer): ``import`` loads BASIC items.

Each test runs a plain Python script in a fresh interpreter, so imports,
sys.path and the catalogue start clean, with its own transpile cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ADD_ONE = "SUBROUTINE ADD.ONE(A, B)\n* B gets A + 1\nB = A + 1\nRETURN\nEND\n"
TWICE = "FUNCTION TWICE(X)\nCALL ADD.ONE(X, Y)\nRETURN Y * 2\nEND\n"


def run_script(cwd: Path, script: str, cache: Path, extra_path: str = "") -> str:
    env = dict(
        os.environ,
        PICK2PY_CACHE=str(cache),
        PYTHONPATH=os.pathsep.join(p for p in (extra_path, str(Path.cwd())) if p),
    )
    env.pop("PICK2PY_CATALOG", None)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def tree(tmp_path) -> Path:
    """A folder on sys.path with .bas items, and a BP folder without suffixes."""
    (tmp_path / "onpath").mkdir()
    (tmp_path / "onpath" / "ADD.ONE.bas").write_text(ADD_ONE)
    (tmp_path / "onpath" / "twice.b").write_text(TWICE)
    (tmp_path / "onpath" / "NOTBASIC").write_text("not an item on sys.path\n")
    (tmp_path / "BP").mkdir()
    (tmp_path / "BP" / "GREETING").write_text(
        'FUNCTION GREETING(NAME)\nRETURN "Hello, " : NAME\nEND\n'
    )
    (tmp_path / "BP" / "README.md").write_text("not an item\n")
    return tmp_path


def test_import_loads_a_bas_item_by_name_from_a_folder_on_the_path(tree):
    out = run_script(
        tree,
        """
        import sys
        sys.path.insert(0, "onpath")
        from runtime_lib import importer
        importer.install()

        import add_one                 # ADD.ONE.bas
        from twice import TWICE        # twice.b, which CALLs ADD.ONE
        print(add_one.ADD_ONE(1, None))
        print(TWICE(20))
        print(add_one.__spec__.origin.endswith("ADD.ONE.bas"), add_one.__basic__.name)
        try:
            import notbasic            # no .bas/.b suffix: not taken for BASIC
        except ImportError:
            print("no notbasic")
        """,
        tree / "cache",
    )
    assert out.splitlines() == [
        "ADD_ONE.Arguments(A=1, B=2)",
        "42",
        "True ADD.ONE",
        "no notbasic",
    ]


def test_install_takes_bp_folders_whose_items_have_no_suffix(tree):
    out = run_script(
        tree,
        """
        from runtime_lib import importer, pyapi
        importer.install("BP")
        import greeting
        print(greeting.GREETING("Ada"))
        print(pyapi.call("GREETING", "Bob"))   # the folder serves CALL too
        try:
            import readme
        except ImportError:
            print("no readme")
        """,
        tree / "cache",
    )
    assert out.splitlines() == ["Hello, Ada", "Hello, Bob", "no readme"]


def test_the_first_import_transpiles_and_later_ones_use_the_cache(tree):
    script = """
        import sys
        sys.path.insert(0, "onpath")
        from runtime_lib import importer
        importer.install()
        import add_one
        print(add_one.__file__)
        """
    first = run_script(tree, script, tree / "cache").strip()
    assert Path(first).parent == tree / "cache"
    stamp = os.stat(first).st_mtime_ns
    second = run_script(tree, script, tree / "cache").strip()
    assert second == first and os.stat(first).st_mtime_ns == stamp

    # A changed source is a new hash: transpiled again, into another file.
    (tree / "onpath" / "ADD.ONE.bas").write_text(ADD_ONE.replace("A + 1", "A + 2"))
    third = run_script(tree, script, tree / "cache").strip()
    assert third != first


def test_an_item_that_does_not_transpile_is_an_import_error(tree):
    (tree / "onpath" / "BROKEN.bas").write_text("PROGRAM BROKEN\nIF THEN\nEND\n")
    out = run_script(
        tree,
        """
        import sys
        sys.path.insert(0, "onpath")
        from runtime_lib import importer
        importer.install()
        try:
            import broken
        except ImportError as exc:
            print(str(exc).splitlines()[0].endswith("cannot be transpiled"))
            print("error:" in str(exc))
        """,
        tree / "cache",
    )
    assert out.splitlines() == ["True", "True"]


def test_errors_in_imported_items_name_the_source_file(tree):
    out = run_script(
        tree,
        """
        import sys
        sys.path.insert(0, "onpath")
        from runtime_lib import importer, pyapi
        importer.install()
        from add_one import ADD_ONE
        try:
            ADD_ONE("x", None)
        except pyapi.BasicError as exc:
            print(exc.line, exc.path.endswith("onpath/ADD.ONE.bas"))
        """,
        tree / "cache",
    )
    assert out.splitlines() == ["3 True"]


def test_python_modules_win_over_basic_items(tree):
    (tree / "onpath" / "add_one.py").write_text("WHO = 'python'\n")
    out = run_script(
        tree,
        """
        import sys
        sys.path.insert(0, "onpath")
        from runtime_lib import importer
        importer.install()
        import add_one
        print(add_one.WHO)
        """,
        tree / "cache",
    )
    assert out == "python\n"


def test_two_items_with_one_module_name_are_refused(tree):
    (tree / "onpath" / "ADD_ONE.bas").write_text(ADD_ONE)
    out = run_script(
        tree,
        """
        import sys
        sys.path.insert(0, "onpath")
        from runtime_lib import importer
        importer.install()
        try:
            import add_one
        except ImportError as exc:
            print(exc)
        """,
        tree / "cache",
    )
    assert "ADD.ONE.bas, ADD_ONE.bas are all imported as add_one" in out
