"""The real corpus: ScarletDME's own BASIC and its contrib items.

Runs only where a ScarletDME checkout is unpacked (``PICK2PY_SCARLETDME``,
by default /work/ref/scarletdme); CI has none and skips these. Nothing from
the checkout is kept in this repository: the lists below are item names.

- Every contrib item ScarletDME's compiler accepts (shared/corpus/README.md),
  every ``qmsys/BP`` program and every GPL.BP program not compiled in
  internal mode transpiles with no diagnostic, and its module imports.
- Every internal-mode GPL.BP item (``$INTERNAL``) parses.
- In the UniVerse dialect, the contrib items ScarletDME rejects that are
  UniVerse BASIC transpile (``UNIVERSE_ITEMS``); the rest are not BASIC
  programs at all (wiki pages, Perl) or use other dialects' syntax.

Run with ``-rs`` to see why a case was skipped; the counts are in the
test ids (``pytest tests/test_corpus.py -q``).
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

from transpiler.api import Options, transpile_file

ROOT = Path(os.environ.get("PICK2PY_SCARLETDME", "/work/ref/scarletdme"))
pytestmark = pytest.mark.skipif(
    not ROOT.is_dir(), reason=f"no ScarletDME checkout at {ROOT}"
)

GAMES = """3D-TIC-TAC-TOE AFRICA AREA ARTILLERY BATNUM BIORHYTHM BLACKJACK CHIEF CRAPS
CYPHER DUKEDOM FLEET FOOTBALL GARDENA GOLF GUESS HORSERACE LANDMINE LOVE MATCHES MATH
MAZE MOO MYCROFT PECO PHK PYTHAG REVERSE ROBOT SHRINK SMALL.FOOTBALL SNOOPY ST STAR-TREK
TETRIS TRIG WUMPUS""".split()
PICKWIKI = (
    """ASORT BARCODE128 BFIND BPTEST CHEAD COMPARE CSEQ FILE-STATUS FIND-INODE GETPTR
HOLLDUMP HOLLLOAD ISOWEEKNUM MENU MV-TO-JSON PREPASS PRETTY-JSON-SUB SHOWLOCKS SORT1
SORTDYNM1 TRY UVHELP""".split()
)

# Contrib items ScarletDME rejects that the UniVerse dialect takes.
UNIVERSE_ITEMS = (
    """BFORMAT CAMEL-AE DATEUTILITIES INPUTWAIT MAC_AE QUICKSORT FLEET1 FLEET2
HAMUN HAMUN2 HANGMAN LANDER MENU MISSLE ST-ADDS ST-ADDS1 STOCK TRACK YAHTZEE HMAC
MD5HASH""".split()
)


# Known gaps (strict: a fix must turn these into plain passes).
KNOWN_GAPS = {}


def with_gaps(items: list[str]) -> list:
    return [
        (
            pytest.param(i, marks=pytest.mark.xfail(reason=KNOWN_GAPS[i], strict=True))
            if i in KNOWN_GAPS
            else i
        )
        for i in items
    ]


def include_path() -> list[str]:
    return [str(ROOT / "qmsys" / "SYSCOM"), str(ROOT / "qmsys" / "GPL.BP")]


def is_internal(path: Path) -> bool:
    text = path.read_bytes().decode("latin-1")
    return (
        re.search(r"^\s*\$internal\b", text, re.IGNORECASE | re.MULTILINE) is not None
    )


def is_program(path: Path) -> bool:
    """A GPL.BP file that is an item of its own, not an include (.H, .SCR)."""
    return not path.name.upper().endswith((".H", ".SCR"))


def gpl_items(internal: bool) -> list[str]:
    folder = ROOT / "qmsys" / "GPL.BP"
    if not folder.is_dir():
        return []
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file() and is_program(p) and is_internal(p) == internal
    )


def bp_items() -> list[str]:
    folder = ROOT / "qmsys" / "BP"
    return (
        sorted(p.name for p in folder.iterdir() if p.is_file())
        if folder.is_dir()
        else []
    )


def transpiles_and_imports(path: Path, tmp_path: Path, dialect: str = "") -> None:
    result = transpile_file(path, Options(include_path=include_path(), dialect=dialect))
    assert not result.diagnostics, "\n".join(d.format() for d in result.diagnostics)
    module_file = tmp_path / "corpus_item.py"
    module_file.write_text(result.code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("corpus_item", module_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.__basic__.name


@pytest.mark.parametrize("item", GAMES)
def test_games_item(item, tmp_path):
    transpiles_and_imports(ROOT / "contrib" / "GAMES.BP" / item, tmp_path)


@pytest.mark.parametrize("item", PICKWIKI)
def test_pickwiki_item(item, tmp_path):
    transpiles_and_imports(ROOT / "contrib" / "PICKWIKI.BP" / item, tmp_path)


@pytest.mark.parametrize("item", with_gaps(bp_items()))
def test_bp_program(item, tmp_path):
    transpiles_and_imports(ROOT / "qmsys" / "BP" / item, tmp_path)


@pytest.mark.parametrize("item", with_gaps(gpl_items(internal=False)))
def test_gpl_program(item, tmp_path):
    transpiles_and_imports(ROOT / "qmsys" / "GPL.BP" / item, tmp_path)


@pytest.mark.parametrize("item", gpl_items(internal=True))
def test_gpl_internal_item_parses(item):
    path = ROOT / "qmsys" / "GPL.BP" / item
    result = transpile_file(
        path, Options(include_path=include_path(), syntax_only=True)
    )
    assert not [d for d in result.diagnostics if d.severity == "error"], "\n".join(
        d.format() for d in result.diagnostics
    )


@pytest.mark.parametrize("item", UNIVERSE_ITEMS)
def test_universe_item(item, tmp_path):
    folder = (
        "GAMES.BP" if (ROOT / "contrib" / "GAMES.BP" / item).exists() else "PICKWIKI.BP"
    )
    transpiles_and_imports(
        ROOT / "contrib" / folder / item, tmp_path, dialect="universe"
    )


def test_qmclient_class_runs(tmp_path):
    """GPL.BP's QMCLIENT class used from a program, with no server: its
    properties, a failed CONNECT and a call that needs a connection."""
    from basic_runner import pick2py_command
    import subprocess

    program = tmp_path / "USE.QMCLIENT"
    program.write_text(
        'C = OBJECT("QMCLIENT")\n'
        "CRT C->CONNECTED\n"
        'CRT C->CONNECT("", 4243, "user", "pw", "ACC") : " " : C->ERROR\n'
        'CRT C->CONNECT("host", 4243, "", "pw", "ACC") : " " : C->ERROR\n'
        "C->CLOSE(1)\n"
        "C->DEBUGGING = 1\n"
        "CRT C->DEBUGGING : OBJINFO(C, 1)\n"
    )
    done = subprocess.run(
        [
            *pick2py_command(),
            "run",
            "--catalog",
            str(ROOT / "qmsys" / "GPL.BP"),
            *[a for p in include_path() for a in ("--include-path", p)],
            str(program),
        ],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    )
    assert done.stdout.decode("latin-1").splitlines() == [
        "0",
        "0 Invalid host name",
        "0 Invalid user name",
        "A server function has been attempted when no connection has been"
        " established",
        "1QMCLIENT",
    ], done.stderr.decode("latin-1")
