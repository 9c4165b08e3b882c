"""The web server sample (samples/webserver, Pick BASIC) under load.

The transpiled server runs as a real process on a loopback port, over plain
HTTP and over TLS with a certificate made for the test. It forks a child per
connection, so slow requests overlap, finished children are reaped (no
zombies, no descriptor growth) and the lock route counts every update.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from netutil import (
    LOOPBACK,
    Server,
    children_of,
    client_context,
    free_port,
    make_certificate,
    open_fds,
    request as http_request,
    zombies_of,
)

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "webserver"
PROGRAM = SAMPLE / "WEBSERVER.bas"


@pytest.fixture(scope="module")
def account(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("webaccount")
    shutil.copytree(SAMPLE / "www", folder / "www")
    # A large file, to cut a client off in the middle of its response.
    (folder / "www" / "big.txt").write_bytes(b"0123456789abcdef" * 262144)
    return folder


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module", params=["plain", "tls"])
def web(request, account, certificate):
    """A running server and a function making one request to it."""
    secure = request.param == "tls"
    port = free_port()
    args = [str(port), "QUIET"]
    context = None
    if secure:
        args += ["TLS", str(certificate[0]), str(certificate[1])]
        context = client_context(certificate[0])
    server = Server(PROGRAM, account, args, port).wait_ready()

    def fetch(path, method="GET", body=None):
        return http_request(port, path, method, body, context)

    yield server, fetch, context
    server.stop()


# Each row: method, path, body, expected status, expected body (or a part of it).
ROUTES = [
    ("GET", "/hello?name=Pick", None, 200, b"Hello, Pick!\r\n"),
    ("GET", "/hello", None, 200, b"Hello, world!\r\n"),
    ("HEAD", "/hello", None, 200, b""),
    ("GET", "/", None, 200, b"<h1>Hello from Pick BASIC</h1>"),
    ("GET", "/index.html", None, 200, b"<!DOCTYPE html>"),
    ("GET", "/missing.html", None, 404, b"Not found"),
    ("GET", "/../etc/passwd", None, 404, b"Not found"),
    ("POST", "/echo", b"line 1\nline 2\xfe\xff", 200, b"line 1\nline 2\xfe\xff"),
    ("PUT", "/hello", b"x", 405, b"Method not allowed"),
    ("GET", "/sleep/abc", None, 400, b"Give a number of seconds"),
    ("GET", "/sleep/0", None, 200, b"Slept 0 s"),
]


@pytest.mark.parametrize("method,path,body,status,expected", ROUTES)
def test_routes(web, method, path, body, status, expected):
    _, fetch, _ = web
    got_status, headers, got_body = fetch(path, method, body)
    assert got_status == status
    assert expected in got_body
    if method == "HEAD":
        assert got_body == b"" and int(headers["Content-Length"]) > 0


def test_twenty_slow_requests_overlap(web):
    """20 requests that each sleep 1 s finish in under 3 s together."""
    _, fetch, _ = web
    start = time.monotonic()
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda _: fetch("/sleep/1"), range(20)))
    elapsed = time.monotonic() - start
    assert all(status == 200 for status, _, _ in results)
    pids = {body.split()[-1] for _, _, body in results}
    assert len(pids) == 20  # each in its own forked process
    assert elapsed < 3.0, f"20 concurrent 1 s requests took {elapsed:.2f} s"


def test_five_hundred_requests_leave_no_zombies_and_no_descriptors(web):
    server, fetch, _ = web
    fetch("/hello")
    _settle(server.pid)
    fds_before = open_fds(server.pid)
    for n in range(500):
        status, _, _ = fetch(f"/hello?name={n}")
        assert status == 200
    _settle(server.pid)
    assert zombies_of(server.pid) == 0
    assert children_of(server.pid) == 0
    assert open_fds(server.pid) == fds_before
    assert server.alive()


def _settle(pid: int, timeout: float = 5.0) -> None:
    """Wait for the children serving finished requests to be gone."""
    deadline = time.monotonic() + timeout
    while children_of(pid) and time.monotonic() < deadline:
        time.sleep(0.02)


def test_lock_route_counts_every_concurrent_update(web):
    server, fetch, context = web
    name = "c" + ("tls" if context else "plain")
    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(lambda _: fetch(f"/counter/{name}"), range(50)))
    assert all(status == 200 for status, _, _ in results)
    counts = sorted(int(body) for _, _, body in results)
    assert counts == list(range(1, 51))
    assert fetch(f"/counter/{name}")[2] == b"51\r\n"


def test_client_leaving_mid_response_does_not_stop_the_server(web):
    server, fetch, context = web
    for path in ("/big.txt", "/sleep/0.3"):
        raw = socket.create_connection((LOOPBACK, server.port), timeout=10)
        conn = context.wrap_socket(raw, server_hostname=LOOPBACK) if context else raw
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        if path == "/big.txt":
            assert conn.recv(100).startswith(b"HTTP/1.1 200 OK")
        # Gone without reading the rest: an abortive close (RST).
        conn.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
        )
        conn.close()
    time.sleep(0.5)
    assert server.alive()
    assert fetch("/hello")[0] == 200
    _settle(server.pid)
    assert zombies_of(server.pid) == 0


def test_malformed_requests_get_errors(web):
    server, fetch, context = web
    cases = [
        (b"NONSENSE\r\n\r\n", b"400"),
        (b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n", b"400"),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 70000 + b"\r\n\r\n", b"431"),
        (b"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", b"501"),
    ]
    for raw_request, code in cases:
        raw = socket.create_connection((LOOPBACK, server.port), timeout=10)
        conn = context.wrap_socket(raw, server_hostname=LOOPBACK) if context else raw
        conn.sendall(raw_request)
        reply = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except (ConnectionResetError, ssl.SSLError):
                break
            if not chunk:
                break
            reply += chunk
        conn.close()
        assert reply.startswith(b"HTTP/1.1 " + code), (raw_request[:30], reply[:80])
    assert server.alive()


def test_keep_alive_serves_several_requests_on_one_connection(web):
    server, _, context = web
    raw = socket.create_connection((LOOPBACK, server.port), timeout=10)
    conn = context.wrap_socket(raw, server_hostname=LOOPBACK) if context else raw
    conn.sendall(
        b"GET /hello?name=a HTTP/1.1\r\nHost: x\r\n\r\n"
        b"GET /hello?name=b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    reply = b""
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            break
        reply += chunk
    conn.close()
    assert reply.count(b"HTTP/1.1 200 OK") == 2
    assert b"Hello, a!" in reply and b"Hello, b!" in reply


def test_plain_http_on_the_tls_port_fails_and_the_server_lives(account, certificate):
    port = free_port()
    server = Server(
        PROGRAM,
        account,
        [str(port), "QUIET", "TLS", str(certificate[0]), str(certificate[1])],
        port,
    ).wait_ready()
    try:
        for _ in range(3):
            with socket.create_connection((LOOPBACK, port), timeout=10) as plain:
                plain.sendall(b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                try:
                    reply = plain.recv(1000)
                except ConnectionResetError:
                    reply = b""
            assert not reply.startswith(b"HTTP/")
        assert server.alive()
        status, _, body = http_request(
            port, "/hello", context=client_context(certificate[0])
        )
        assert (status, body) == (200, b"Hello, world!\r\n")
        assert "SSL Handshake Failed" in server.output()
    finally:
        server.stop()
