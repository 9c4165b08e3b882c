"""Dialect socket APIs: the same echo server in ScarletDME, UniVerse and D3.

``programs/QM.ECHO.bas``, ``UV.ECHO.bas`` and ``D3.ECHO.bas`` are one echo
server written with each dialect's socket functions. Each is transpiled and
run on a loopback port and must answer the same client the same way. The
transpile-level tests check how a dialect is selected and what it allows.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from netutil import LOOPBACK, Server, free_port
from transpiler import dialects
from transpiler.api import Options, transpile_source
from transpiler.source import SourceFile

PROGRAMS = Path(__file__).resolve().parent / "programs"


# Each row: program, dialect option, what it prints after the exchange.
ECHO_SERVERS = [
    ("QM.ECHO", "", b"listening\naccept 0 from 127.0.0.1\necho"),
    (
        "UV.ECHO",
        "",
        b"listening\naccept 0 from 127.0.0.1 localhost\necho",
    ),  # its $OPTIONS line
    ("D3.ECHO", "d3", b"listening\naccepted from 2130706433\necho"),
]


@pytest.mark.parametrize("name,dialect,log_start", ECHO_SERVERS)
def test_echo_server(tmp_path, name, dialect, log_start):
    port = free_port()
    server = Server(
        PROGRAMS / f"{name}.bas", tmp_path, [str(port)], port, dialect=dialect
    )
    try:
        server.wait_for_output("listening\n")
        with socket.create_connection((LOOPBACK, port), timeout=10) as client:
            replies = []
            for message in (b"one", b"two\xfe\xff"):
                client.sendall(message)
                replies.append(client.recv(100))
        assert replies == [b"echo:one", b"echo:two\xfe\xff"]
        server.process.wait(timeout=20)
        assert server.process.returncode == 0
        assert server.output().encode("latin-1").startswith(log_start), server.output()
    finally:
        server.stop()


def transpile(source: str, dialect: str = ""):
    result = transpile_source(SourceFile("T.bas", source), Options(dialect=dialect))
    return result, [d.message for d in result.diagnostics if d.severity == "error"]


# Each row: option, the item's directive lines, the dialect chosen.
SELECTION = [
    ("", [], "scarletdme"),
    ("universe", [], "universe"),
    ("d3", [], "d3"),
    ("", ["$OPTIONS PICK"], "universe"),  # $OPTIONS is UniVerse's directive
    ("", ["$OPTIONS INFORMATION ;* flavour"], "universe"),
    ("", ["$OPTIONS D3"], "d3"),
    ("d3", ["$MODE SCARLETDME"], "scarletdme"),
    ("", ["$MODE UV"], "universe"),
    ("", ["$MODE UV.LOCATE"], "scarletdme"),  # a ScarletDME mode, not a dialect
]


@pytest.mark.parametrize("option,lines,expected", SELECTION)
def test_dialect_selection(option, lines, expected):
    assert dialects.select(option, lines).name == expected


def test_unknown_dialect_option():
    with pytest.raises(ValueError, match="unknown dialect"):
        dialects.by_name("pickbasic")


def test_universe_output_arguments_become_assignments():
    result, errors = transpile(
        "STATUS.CODE = readSocket(H, DATA.IN, 1024, 0, 1, SIZE)\n", "universe"
    )
    assert errors == []
    assert "rt.readsocket(H, 1024, 0, 1)" in result.code
    assert "DATA_IN = _t1[1]" in result.code and "SIZE = _t1[2]" in result.code


def test_universe_output_argument_must_be_a_variable():
    _, errors = transpile('S = readSocket(H, "x", 1024, 0, 1, SIZE)\n', "universe")
    assert errors == ["argument 2 of READSOCKET() must be a variable: the call sets it"]


def test_universe_functions_are_not_scarletdme_names():
    _, errors = transpile("S = readSocket(H, D, 1024, 0, 1, SIZE)\n")
    assert any("not a function" in e for e in errors)


def test_cfunction_needs_the_d3_dialect():
    _, errors = transpile("CFUNCTION SOCKET.BUILTIN\n")
    assert errors == [
        "CFUNCTION is a D3 statement: select the D3 dialect (--dialect d3, or a $OPTIONS D3 line)"
    ]


def test_d3_names_need_their_cfunction_library():
    _, errors = transpile("FD = %SOCKET(2, 1, 0)\n", "d3")
    assert errors == ["%SOCKET needs a CFUNCTION SOCKET.BUILTIN statement"]


def test_d3_address_of_and_call_statements():
    result, errors = transpile(
        "CFUNCTION SOCKET.BUILTIN\nN = %ACCEPT(FD, &A, &P)\n%CLOSESOCKET(N)\nX = A & P\n",
        "d3",
    )
    assert errors == []
    assert "_t1 = rt.d3_accept(FD)" in result.code
    assert "rt.d3_close(N)" in result.code
    assert "X = " in result.code  # "&" between operands is still AND
