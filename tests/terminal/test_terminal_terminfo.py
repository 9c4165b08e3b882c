"""Terminal descriptions: the terminfo source format, tparm and the built-in types.

The built-in xterm must be ScarletDME's own (its ``terminfo.src``): that is
where the recorded escape sequences come from. When ScarletDME's sources
are at hand (``/work/ref/scarletdme``) every built-in capability is checked
against them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from runtime_lib.terminal import terminfo

SCARLET_SOURCE = Path("/work/ref/scarletdme/terminfo.src")

XTERM_CUP = r"\E[%i%p1%d;%p2%dH"
XTERM_SETF = r"\E[3%?%p1%{1}%=%t4%e%p1%{3}%=%t6%e%p1%{4}%=%t1%e%p1%{6}%=%t3%e%p1%d%;m"

# (capability source text, parameters, expected) - terminfo(5) % language.
TPARM_CASES = [
    (XTERM_CUP, (0, 0), "\x1b[1;1H"),  # %i adds one to both parameters
    (XTERM_CUP, (23, 79), "\x1b[24;80H"),  # %p1 is the row, %p2 the column
    (r"\E[%i%p1%dG", (10,), "\x1b[11G"),  # hpa
    (XTERM_SETF, (1,), "\x1b[34m"),  # %? %t %e %; chains: 1 (blue) -> 4
    (XTERM_SETF, (3,), "\x1b[36m"),
    (XTERM_SETF, (4,), "\x1b[31m"),
    (XTERM_SETF, (2,), "\x1b[32m"),  # no branch taken: %p1%d
    (r"\EY%p1%' '%+%c%p2%' '%+%c", (2, 5), "\x1bY\x22\x25"),  # vt52 cup: %'c' and %+
    (r"%p1%{10}%*%p2%+%d", (3, 4), "34"),  # %{n} constants and arithmetic
    (r"%p1%{3}%m%d", (10,), "1"),  # %m remainder
    (r"%p1%{2}%/%d", (7,), "3"),  # %/ integer division
    (r"%p1%{0}%/%d", (7,), "0"),  # division by zero gives 0
    (r"%p1%PA%gA%gA%+%d", (5,), "10"),  # %P / %g variables
    (r"%p1%03d", (7,), "007"),  # printf flags and width
    (r"%p1%:-4d|", (7,), "7   |"),  # %: lets a flag start with -
    (r"%p1%x", (255,), "ff"),
    (r"%p1%s", ("abc",), "abc"),  # %s prints a string parameter
    (r"%p1%l%d", ("abcd",), "4"),  # %l string length
    (r"%p1%!%d", (0,), "1"),  # logical not
    (r"%p1%p2%>%d", (3, 2), "1"),  # comparison
    (r"%p1%p2%A%d", (1, 0), "0"),  # logical and
    (r"%?%p1%t%?%p2%tA%eB%;%eC%;", (1, 0), "B"),  # nested conditions
    (r"%?%p1%t%?%p2%tA%eB%;%eC%;", (0, 1), "C"),
    (r"\E[%i%d;%dR", (), "\x1b[0;0R"),  # popping an empty stack gives 0
    (r"100%%", (), "100%"),
]


@pytest.mark.parametrize("source, params, expected", TPARM_CASES)
def test_tparm(source, params, expected):
    assert terminfo.tparm(terminfo.decode_value(source), *params) == expected


# (source text, decoded) - the escapes of the terminfo source format.
DECODE_CASES = [
    (r"\E[H\E[2J", "\x1b[H\x1b[2J"),
    (r"\e", "\x1b"),
    (r"^G^[^?", "\x07\x1b\x7f"),  # ^x is a control character, ^? is DEL
    (r"\r\n\l\t\b\f\s", "\r\n\n\t\b\f "),
    (r"\^\\\,\:", "^\\,:"),
    (r"\072\200", ":\x80"),  # octal
    (r"\0", "\x80"),  # NUL is stored as \200
    (r"\E[m^O", "\x1b[m\x0f"),  # xterm's sgr0 in ScarletDME
]


@pytest.mark.parametrize("source, expected", DECODE_CASES)
def test_decode_value(source, expected):
    assert terminfo.decode_value(source) == expected


SOURCE = r"""
# a comment
base|Base terminal,
    am, cols#80, lines#24,
    clear=\E[2J, el=\E[K, kf1=\EOP, sep=a\,b,

derived|alias|Derived terminal,
    lines#40, el@, use=base
"""


def test_parse_source_follows_use_and_cancels():
    entries = terminfo.parse_source(SOURCE)
    derived = terminfo.build("ALIAS", entries)
    assert derived is not None and derived.name == "alias"
    assert derived.number("lines") == 40  # its own value wins over use=
    assert derived.number("cols") == 80  # inherited
    assert derived.string("clear") == "\x1b[2J"
    assert derived.string("el") == ""  # cancelled with el@
    assert derived.string("sep") == "a,b"  # \, does not end the value
    assert "am" in derived.flags
    assert terminfo.build("nonesuch", entries) is None


def test_files_in_pick2py_terminfo_come_first(tmp_path, monkeypatch):
    source = tmp_path / "mine.src"
    source.write_text("xterm|my own xterm,\n    clear=CLEAR,\n")
    monkeypatch.setenv("PICK2PY_TERMINFO", str(source))
    terminfo.clear_cache()
    try:
        assert terminfo.lookup("xterm").string("clear") == "CLEAR"
    finally:
        monkeypatch.delenv("PICK2PY_TERMINFO")
        terminfo.clear_cache()
    assert terminfo.lookup("xterm").string("clear") == "\x1b[H\x1b[2J"


def test_unknown_type_has_no_description():
    assert terminfo.lookup("no-such-terminal-type") is None


@pytest.mark.parametrize("name", ["xterm", "xterm-256color", "vt100", "linux", "dumb"])
def test_builtin_types_are_scarletdme_definitions(name):
    """Every built-in capability equals the one in ScarletDME's terminfo.src."""
    if not SCARLET_SOURCE.exists():
        pytest.skip("ScarletDME sources are not available")
    entries = terminfo.parse_source(SCARLET_SOURCE.read_text(encoding="latin-1"))
    theirs = terminfo.build(name, entries)
    ours = terminfo.builtin(name)
    assert theirs is not None and ours is not None
    for cap, value in ours.strings.items():
        assert theirs.strings.get(cap) == value, cap
    assert ours.numbers == theirs.numbers
    assert ours.flags == theirs.flags
