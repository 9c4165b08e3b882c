"""The fork's TLS socket functions, on Python's ssl, with a test certificate."""

from __future__ import annotations

import socket
import threading

import pytest

from netutil import LOOPBACK, client_context, free_port, make_certificate
from runtime_lib import rt
from runtime_lib.sockets.base import SocketVar


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def secure_server(certificate):
    port = free_port()
    srv = rt.create_secure_server_socket(
        LOOPBACK, port, 0, str(certificate[0]), str(certificate[1])
    )
    assert isinstance(srv, SocketVar) and rt.status() == 0
    yield srv, port
    rt.close_secure_socket(srv)


def in_thread(target):
    results: list = []
    thread = threading.Thread(target=lambda: results.append(target()), daemon=True)
    thread.start()
    return thread, results


# Each row: arguments that fail, and the line the fork prints on stderr.
BAD_SERVERS = [
    (("", "8443", 0, "cert.pem", ""), "Invalid string for key."),
    (("", "8443", 0, "", "key.pem"), "Invalid string for certificate."),
    (("", "8443", 0, "", ""), "Invalid string for key."),
    (("", "x", 0, "cert.pem", "key.pem"), "Invalid parse int for port."),
    (("", "8443", 0, "/no/cert.pem", "/no/key.pem"), "Parsing Certificate Failed"),
]


@pytest.mark.parametrize("args,message", BAD_SERVERS)
def test_create_failures_return_0_with_status_2(args, message, capsys):
    assert rt.create_secure_server_socket(*args) == 0
    assert rt.status() == 2
    assert message in capsys.readouterr().err


def test_round_trip_with_a_tls_client(secure_server, certificate):
    srv, port = secure_server

    def client():
        context = client_context(certificate[0])
        with socket.create_connection((LOOPBACK, port), timeout=5) as raw:
            with context.wrap_socket(raw, server_hostname=LOOPBACK) as tls:
                tls.sendall(b"ping\x00\xfe")
                return tls.recv(100)

    thread, results = in_thread(client)
    conn = rt.accept_secure_socket_connection(srv, 0)
    assert isinstance(conn, SocketVar) and rt.status() == 0
    assert rt.socket_info(conn, 1) == 2
    assert rt.socket_info(conn, 4) == 1  # secure sockets block by default
    assert rt.read_secure_socket(conn, 100, 0, 0) == "ping\x00\xfe"  # NUL kept
    assert rt.write_secure_socket(conn, "pong", 0, 0) == 4
    thread.join(5)
    assert results == [b"pong"]
    assert rt.read_secure_socket(conn, 100, 0, 2000) == ""
    assert rt.status() == 7013
    rt.close_secure_socket(conn)
    assert rt.status() == 0


def test_read_timeout_is_1011(secure_server, certificate):
    srv, port = secure_server
    context = client_context(certificate[0])
    raw = socket.create_connection((LOOPBACK, port), timeout=5)
    thread, results = in_thread(
        lambda: context.wrap_socket(raw, server_hostname=LOOPBACK)
    )
    conn = rt.accept_secure_socket_connection(srv, 0)
    thread.join(5)
    assert rt.read_secure_socket(conn, 100, 0, 200) == ""
    assert rt.status() == 1011
    assert rt.read_secure_socket(conn, 100, 2, 0) == ""  # SKT$NON.BLOCKING
    assert rt.status() == 1011
    results[0].close()
    rt.close_secure_socket(conn)


def test_plain_client_fails_the_handshake_and_the_server_goes_on(
    secure_server, certificate, capsys
):
    srv, port = secure_server

    def plain():
        with socket.create_connection((LOOPBACK, port), timeout=5) as raw:
            raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            try:
                return raw.recv(100)
            except ConnectionResetError:
                return b""

    thread, results = in_thread(plain)
    assert rt.accept_secure_socket_connection(srv, 0) == 0
    assert rt.status() == 2
    thread.join(5)
    assert not results[0].startswith(b"HTTP")
    assert "SSL Handshake Failed" in capsys.readouterr().err
    test_round_trip_with_a_tls_client(secure_server, certificate)


def test_writing_to_a_vanished_tls_peer_returns_0_status_2(secure_server, certificate):
    srv, port = secure_server
    context = client_context(certificate[0])
    raw = socket.create_connection((LOOPBACK, port), timeout=5)
    thread, results = in_thread(
        lambda: context.wrap_socket(raw, server_hostname=LOOPBACK)
    )
    conn = rt.accept_secure_socket_connection(srv, 0)
    thread.join(5)
    tls = results[0]
    tls.setsockopt(
        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
    )
    tls.close()
    statuses = set()
    for _ in range(20):
        rt.write_secure_socket(conn, "x" * 65536, 0, 1000)
        statuses.add(rt.status())
    assert 2 in statuses
    rt.close_secure_socket(conn)
