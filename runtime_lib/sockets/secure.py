"""TLS sockets as the Krowemoh/ScarletDME fork defined them (Nov 2023).

The fork added, around commit 7e851fa (and removed again in 2025):

- ``CREATE.SECURE.SERVER.SOCKET(addr, port, flags, cert.path, key.path)``
- ``ACCEPT.SECURE.SOCKET.CONNECTION(srvr, flags)``
- ``READ.SECURE.SOCKET(skt, max.len, flags, timeout)``
- ``WRITE.SECURE.SOCKET(skt, data, flags, timeout)``
- ``CLOSE.SECURE.SOCKET skt``

on mbedTLS; here they are built on Python's :mod:`ssl`. As in the fork, a
failure returns 0 with STATUS() 2 and a one-line reason on standard error
("SSL Handshake Failed: ..."); a blank address listens on 0.0.0.0; accepting
blocks until a client connects and completes the TLS handshake, so a client
that does not speak TLS (plain HTTP on the TLS port) costs the server one
failed accept, never the server itself.

Where the fork ignored arguments, these honour them as READ.SOCKET and
WRITE.SOCKET do: secure sockets are blocking by default (the fork's reads
always blocked), SKT$NON.BLOCKING and a timeout in milliseconds limit the
wait, and a read sets STATUS() 1011 on timeout and 7013 when the peer has
closed the connection (the fork left STATUS() 0 and returned ""). Data may
hold any byte, NUL included (the fork's reads stopped at a NUL).
"""

from __future__ import annotations

import os
import socket
import ssl
import sys

from runtime_lib.sockets.base import (
    ER_FAILED,
    ER_SKT_CLOSED,
    INCOMING,
    SERVER,
    SocketVar,
    decode,
    encode,
    flush_display,
    ignore_sigpipe,
    send_all,
    socket_var,
    wait,
)
from runtime_lib.sockets.plain import SKT_BLOCKING, SKT_NON_BLOCKING
from runtime_lib.state import state
from runtime_lib.values import to_int, to_str

__all__ = [
    "accept_secure_socket_connection",
    "close_secure_socket",
    "create_secure_server_socket",
    "read_secure_socket",
    "write_secure_socket",
]

FAILED = 2  # the fork's status for every secure-socket failure

# How long an accepted client may take over the TLS handshake before the
# accept gives up, so one silent client cannot stall the accepting server.
HANDSHAKE_TIMEOUT = 10.0

# How long closing waits for the peer's close_notify after sending ours.
CLOSE_TIMEOUT = 0.5


def _fail(message: str) -> int:
    """Report a failure as the fork does: a line on stderr, STATUS() 2, 0."""
    from runtime_lib import terminal

    terminal.flush()
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    state.status = FAILED
    return 0


def create_secure_server_socket(
    addr: object, port: object, flags: object, cert_path: object, key_path: object
) -> object:
    """CREATE.SECURE.SERVER.SOCKET(addr, port, flags, cert, key): a TLS listener, or 0.

    ``cert`` and ``key`` are PEM files (the certificate may carry its chain).
    A blank address listens on every IPv4 address. ``flags`` is accepted and
    ignored, as in the fork. Failures (no such file, a bad certificate or
    key, a port in use) return 0 with STATUS() 2.
    """
    state.status = 0
    key = to_str(key_path)
    cert = to_str(cert_path)
    to_int(flags)
    port_text = to_str(port).strip()
    host = to_str(addr) or "0.0.0.0"
    if not key:
        return _fail("Invalid string for key.")
    if not cert:
        return _fail("Invalid string for certificate.")
    try:
        port_no = int(port_text)
    except ValueError:
        return _fail(f"Invalid parse int for port. - {port_text}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if not os.path.isfile(cert):
        return _fail(f"Parsing Certificate Failed: {cert} is not a file")
    if not os.path.isfile(key):
        return _fail(f"Parsing Key Failed: {key} is not a file")
    try:
        context.load_cert_chain(cert, key)
    except (ssl.SSLError, OSError) as exc:
        return _fail(f"SSL Conf Own Cert Returned: {exc}")
    ignore_sigpipe()
    try:
        entries = socket.getaddrinfo(
            host, port_no, 0, socket.SOCK_STREAM, 0, socket.AI_PASSIVE
        )
        family, socktype, proto, _, sockaddr = entries[0]
        sock = socket.socket(family, socktype, proto)
    except (OSError, UnicodeError, ValueError) as exc:
        return _fail(f"Bind Failed: {exc}")
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(sockaddr)
        sock.listen(socket.SOMAXCONN)
    except OSError as exc:
        sock.close()
        return _fail(f"Bind Failed: {exc}")
    var = SocketVar(sock, SERVER, sockaddr[0], port_no, blocking=True, secure=True)
    var.context = context
    return var


def accept_secure_socket_connection(server: object, flags: object) -> object:
    """ACCEPT.SECURE.SOCKET.CONNECTION(srvr, flags): a TLS connection, or 0.

    Waits for a client and completes the TLS handshake with it. A client
    that fails the handshake (it does not speak TLS, or it takes more than
    ten seconds) is disconnected and the call returns 0 with STATUS() 2;
    the server carries on.
    """
    state.status = 0
    to_int(flags)
    var = socket_var(server)
    if var.context is None:
        return _fail("Accept Failed: not a secure server socket")
    flush_display()
    try:
        conn, peer = var.sock.accept()  # type: ignore[union-attr]
    except OSError as exc:
        return _fail(f"Accept Failed: {exc}")
    try:
        # TLS sends its records in several writes (session tickets, then
        # data); without TCP_NODELAY each waits for the peer's delayed ACK.
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.settimeout(HANDSHAKE_TIMEOUT)
        tls = var.context.wrap_socket(conn, server_side=True)
        tls.settimeout(None)
    except (ssl.SSLError, OSError) as exc:
        conn.close()
        return _fail(f"SSL Handshake Failed: {exc}")
    return SocketVar(tls, INCOMING, peer[0], peer[1], blocking=True, secure=True)


def _blocking(var: SocketVar, flags: int) -> bool:
    if flags & SKT_BLOCKING:
        return True
    if flags & SKT_NON_BLOCKING:
        return False
    return var.blocking


def read_secure_socket(
    skt: object, max_len: object, flags: object, timeout: object
) -> str:
    """READ.SECURE.SOCKET(skt, max.len, flags, timeout): decrypted data, or "".

    Blocks by default until data comes (``timeout`` ms, 0 for ever).
    STATUS(): 1011 on timeout, 7013 when the peer closed the connection,
    1008 when the TLS stream failed.
    """
    state.status = 0
    wait_ms = to_int(timeout) or -1
    flag_bits = to_int(flags)
    size = to_int(max_len)
    var = socket_var(skt)
    if not wait(var, True, wait_ms if _blocking(var, flag_bits) else 0):
        return ""
    try:
        data = var.sock.recv(max(size, 0))  # type: ignore[union-attr]
    except ssl.SSLZeroReturnError:
        data = b""
    except (ssl.SSLError, OSError):
        state.status = ER_FAILED
        return ""
    if not data:
        state.status = ER_SKT_CLOSED
        return ""
    return decode(data)


def write_secure_socket(
    skt: object, data: object, flags: object, timeout: object
) -> int:
    """WRITE.SECURE.SOCKET(skt, data, flags, timeout): bytes written, or 0.

    A peer that has gone away makes it return 0 with STATUS() 2, as the
    fork's "Connection reset" path does; the process carries on.
    """
    state.status = 0
    wait_ms = to_int(timeout) or -1
    flag_bits = to_int(flags)
    text = to_str(data)
    var = socket_var(skt)
    if not text:
        return 0
    sent, status = send_all(
        var, encode(text), wait_ms if _blocking(var, flag_bits) else 0
    )
    if status:
        state.status = FAILED
        return 0
    return sent


def close_secure_socket(skt: object) -> None:
    """CLOSE.SECURE.SOCKET skt: end the TLS session and close the socket.

    A connection first sends its close_notify (waiting briefly for the
    peer's); a listening socket just closes. A failure sets STATUS() 2.
    """
    state.status = 0
    var = socket_var(skt)
    sock = var.sock
    if var.kind != SERVER and isinstance(sock, ssl.SSLSocket):
        try:
            sock.settimeout(CLOSE_TIMEOUT)
            sock.unwrap()
        except (ssl.SSLError, OSError, ValueError):
            pass
    try:
        sock.close()  # type: ignore[union-attr]
    except OSError:
        state.status = FAILED
    var.sock = None
