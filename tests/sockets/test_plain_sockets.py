"""ScarletDME's socket functions in the runtime, with op_skt.c's statuses.

Each test drives the runtime functions (what generated code calls) against
a peer made with Python's socket module on 127.0.0.1.
"""

from __future__ import annotations

import socket
import time

import pytest

from netutil import LOOPBACK, free_port
from runtime_lib import rt
from runtime_lib.errors import BasicError
from runtime_lib.sockets.base import SocketVar
from runtime_lib.values import UNASSIGNED

SKT_BLOCKING = 1
SKT_NON_BLOCKING = 2


@pytest.fixture
def server():
    port = free_port()
    srv = rt.create_server_socket(LOOPBACK, port, 0)
    assert isinstance(srv, SocketVar) and rt.status() == 0
    yield srv, port
    if not srv.closed:
        rt.close_socket(srv)


def connect_pair(srv, port):
    """An accepted socket and the Python client connected to it."""
    client = socket.create_connection((LOOPBACK, port), timeout=5)
    conn = rt.accept_socket_connection(srv, 2000)
    assert isinstance(conn, SocketVar), rt.status()
    return conn, client


# Each row: the call, its result, STATUS() after it (op_skt.c).
FAILURES = [
    # getaddrinfo() rejects a blank address: EAI_NONAME -> ERAI_NONAME.
    (lambda: rt.create_server_socket("", free_port(), 0), 0, 7021),
    (lambda: rt.create_server_socket("x" * 81, 1, 0), 0, 1003),
    (lambda: rt.open_socket("", 80, 0), 0, 1003),
    (lambda: rt.open_socket(LOOPBACK, free_port(), SKT_BLOCKING), 0, 7005),
    (lambda: rt.open_socket("no.such.host.invalid", 80, 0), 0, 7021),
    (lambda: rt.server_addr(""), "", 1003),
    (lambda: rt.server_addr("no.such.host.invalid"), "", 7001),
    (lambda: rt.server_addr("localhost"), "127.0.0.1", 0),
    (lambda: rt.server_addr("127.0.0.1"), "127.0.0.1", 0),
]


@pytest.mark.parametrize("call,result,status", FAILURES)
def test_statuses(call, result, status):
    assert call() == result
    assert rt.status() == status


def test_bind_to_a_port_in_use_is_7012(server):
    _, port = server
    with socket.socket() as other:
        other.bind((LOOPBACK, 0))
        other.listen(1)
        busy = other.getsockname()[1]
        assert rt.create_server_socket(LOOPBACK, busy, 0) == 0
        assert rt.status() == 7012


def test_accept_times_out_with_1011(server):
    srv, _ = server
    start = time.monotonic()
    assert rt.accept_socket_connection(srv, 200) == 0
    assert rt.status() == 1011
    assert 0.15 < time.monotonic() - start < 2


def test_accepted_socket_info_and_non_blocking_default(server):
    srv, port = server
    conn, client = connect_pair(srv, port)
    with client:
        assert rt.socket_info(srv, 1) == 1  # server
        assert rt.socket_info(srv, 2) == port
        assert rt.socket_info(srv, 3) == LOOPBACK
        assert rt.socket_info(conn, 0) == 1
        assert rt.socket_info(conn, 1) == 2  # incoming
        assert rt.socket_info(conn, 2) == client.getsockname()[1]
        assert rt.socket_info(conn, 3) == LOOPBACK
        assert rt.socket_info(conn, 4) == 0  # accepted sockets start non-blocking
        assert rt.socket_info(conn, 7) == 1  # IPv4
        assert rt.socket_info("text", 0) == 0
        # Non-blocking: nothing there yet, so at once 1011.
        assert rt.read_socket(conn, 100, 0, 0) == ""
        assert rt.status() == 1011
        client.sendall(b"abc\xfe\xff")
        assert rt.read_socket(conn, 100, SKT_BLOCKING, 2000) == "abc\xfe\xff"
        assert rt.status() == 0
        assert rt.set_socket_mode(conn, 4, 1) == 1
        assert rt.socket_info(conn, 4) == 1
        assert rt.set_socket_mode(conn, 5, 1) == 1
        assert rt.socket_info(conn, 5) == 1
        assert rt.set_socket_mode(conn, 6, 0) == 1  # KEEP.ALIVE is always set on
        assert rt.socket_info(conn, 6) == 1
        assert rt.set_socket_mode(conn, 99, 1) == 0
        assert rt.status() == 1006


def test_read_timeout_and_closed_peer(server):
    srv, port = server
    conn, client = connect_pair(srv, port)
    start = time.monotonic()
    assert rt.read_socket(conn, 10, SKT_BLOCKING, 300) == ""
    assert rt.status() == 1011
    assert time.monotonic() - start >= 0.25
    client.sendall(b"0123456789ABC")
    assert rt.read_socket(conn, 10, SKT_BLOCKING, 1000) == "0123456789"
    assert rt.read_socket(conn, 10, SKT_BLOCKING, 1000) == "ABC"
    client.close()
    assert rt.read_socket(conn, 10, SKT_BLOCKING, 1000) == ""
    assert rt.status() == 7013


def test_writing_to_a_peer_that_has_gone_is_1008_not_sigpipe(server):
    srv, port = server
    conn, client = connect_pair(srv, port)
    client.setsockopt(
        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
    )
    client.close()  # reset
    time.sleep(0.1)
    statuses = set()
    for _ in range(20):
        rt.write_socket(conn, "x" * 65536, SKT_BLOCKING, 1000)
        statuses.add(rt.status())
    assert 1008 in statuses  # and this process is still here to say so


def test_open_socket_write_and_read(server):
    srv, port = server
    out = rt.open_socket(LOOPBACK, port, SKT_BLOCKING)
    assert isinstance(out, SocketVar) and rt.status() == 0
    conn = rt.accept_socket_connection(srv, 2000)
    assert rt.socket_info(out, 1) == 3  # outgoing
    assert rt.socket_info(out, 4) == 1
    assert rt.socket_info(out, 2) == port
    assert rt.write_socket(out, "hello", 0, 0) == 5
    assert rt.read_socket(conn, 100, SKT_BLOCKING, 1000) == "hello"
    assert rt.write_socket(conn, "", 0, 0) == 0
    rt.close_socket(out)
    assert rt.socket_info(out, 0) == 0
    with pytest.raises(BasicError, match="Data item is not a socket"):
        rt.read_socket(out, 10, 0, 0)


def test_socket_variables_are_true_and_not_strings(server):
    srv, _ = server
    assert rt.truth(srv)
    assert rt.vartype(srv) == 13
    with pytest.raises(BasicError, match="Data cannot be converted to a string"):
        rt.cat("x", srv)


def test_not_a_socket(server):
    with pytest.raises(BasicError, match="Data item is not a socket"):
        rt.read_socket("abc", 10, 0, 0)
    with pytest.raises(BasicError, match="Unassigned"):
        rt.close_socket(UNASSIGNED)


def test_many_connections_leave_no_descriptors(server):
    import os

    srv, port = server
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        conn, client = connect_pair(srv, port)
        client.close()
        rt.close_socket(conn)
    assert len(os.listdir("/proc/self/fd")) == before


def test_reassigned_socket_closes_like_scarletdme(server):
    """The last reference going closes the socket (ref-counted SOCKVAR)."""
    srv, port = server
    client = socket.create_connection((LOOPBACK, port), timeout=5)
    conn = rt.accept_socket_connection(srv, 2000)
    conn = 0  # noqa: F841 - dropping the only reference
    assert client.recv(10) == b""
    client.close()
