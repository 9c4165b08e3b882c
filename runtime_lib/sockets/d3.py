"""D3's socket C functions, for programs transpiled in the D3 dialect.

D3 FlashBASIC reaches the BSD socket calls through its built-in C function
library, declared with ``CFUNCTION SOCKET.BUILTIN``::

    fd = %SOCKET(AF$INET, SOCK$STREAM, 0)
    IF %BIND(fd, AF$INET, INADDR$ANY, port) < 0 THEN ...
    %LISTEN(fd, 5)
    new.fd = %ACCEPT(fd, &address, &port)
    n = %RECV(new.fd, buffer, 1024, 0)
    n = %SEND(new.fd, buffer, LEN(buffer), 0)
    %CLOSESOCKET(new.fd)

A socket is a plain integer file descriptor, valid until closed (a forked
child has the same numbers). A failing call returns -1 and leaves ``errno``
for SYSTEM(0). ``%ACCEPT`` fills in the caller's ``address`` and ``port``
variables and ``%RECV`` its ``buffer``: the D3 dialect's lowering stores
the extra values these functions return. IPv4 addresses are integers in
host byte order (127.0.0.1 is 2130706433, INADDR$ANY is 0); a dotted
string is accepted too. The usual values from D3's ``unix.h socket.h``
include are AF$INET = 2, AF$INET6 = 10, SOCK$STREAM = 1, SOCK$DGRAM = 2.
"""

from __future__ import annotations

import errno
import ipaddress
import socket

from runtime_lib.sockets.base import flush_display, ignore_sigpipe
from runtime_lib.values import to_int, to_str

__all__ = [
    "d3_accept",
    "d3_bind",
    "d3_close",
    "d3_connect",
    "d3_listen",
    "d3_recv",
    "d3_send",
    "d3_socket",
    "last_errno",
]

_SEND_FLAGS = getattr(socket, "MSG_NOSIGNAL", 0)

# fd -> the socket object that keeps it open in this process.
_SOCKETS: dict[int, socket.socket] = {}
_errno = [0]


def last_errno() -> int:
    """The errno of the last failed D3 socket call (SYSTEM(0))."""
    return _errno[0]


def _fail(exc: OSError | None = None, code: int = errno.EINVAL) -> int:
    _errno[0] = exc.errno if exc is not None and exc.errno else code
    return -1


def _sock(fd: object) -> socket.socket | None:
    sock = _SOCKETS.get(to_int(fd))
    if sock is None:
        _errno[0] = errno.EBADF
    return sock


def _sockaddr(family: int, address: object, port: int):
    """A Python socket address from D3's integer or string address."""
    if isinstance(address, str) and not _is_number(address):
        host = address or ("::" if family == socket.AF_INET6 else "0.0.0.0")
    else:
        value = to_int(address) & 0xFFFFFFFF
        host = str(ipaddress.IPv4Address(value)) if family == socket.AF_INET else "::"
    if family == socket.AF_INET6:
        return (host, port, 0, 0)
    return (host, port)


def _is_number(text: str) -> bool:
    try:
        int(text)
        return True
    except ValueError:
        return False


def d3_socket(family: object, sock_type: object, protocol: object) -> int:
    """%SOCKET(addr.family, type, protocol): a new socket's fd, or -1."""
    ignore_sigpipe()
    try:
        sock = socket.socket(to_int(family), to_int(sock_type), to_int(protocol))
    except (OSError, ValueError) as exc:
        return _fail(exc if isinstance(exc, OSError) else None)
    fd = sock.fileno()
    _SOCKETS[fd] = sock
    return fd


def d3_bind(fd: object, family: object, address: object, port: object) -> int:
    """%BIND(fd, addr.family, address, port): 0, or -1.

    SO_REUSEADDR is set first, so a restarted server can bind its port again.
    """
    sock = _sock(fd)
    if sock is None:
        return -1
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(_sockaddr(to_int(family), address, to_int(port)))
    except (OSError, ValueError) as exc:
        return _fail(exc if isinstance(exc, OSError) else None)
    return 0


def d3_listen(fd: object, backlog: object) -> int:
    """%LISTEN(fd, backlog): 0, or -1."""
    sock = _sock(fd)
    if sock is None:
        return -1
    try:
        sock.listen(max(to_int(backlog), 1))
    except OSError as exc:
        return _fail(exc)
    return 0


def d3_accept(fd: object) -> tuple:
    """%ACCEPT(fd, &address, &port): (new fd or -1, address, port).

    Waits for a connection; the caller's ``address`` (an integer for IPv4,
    a string for IPv6) and ``port`` receive the peer's (they are outputs
    only, so the lowering does not pass them).
    """
    sock = _sock(fd)
    if sock is None:
        return -1, 0, 0
    flush_display()
    try:
        conn, peer = sock.accept()
    except OSError as exc:
        return _fail(exc), 0, 0
    new_fd = conn.fileno()
    _SOCKETS[new_fd] = conn
    if conn.family == socket.AF_INET:
        return new_fd, int(ipaddress.IPv4Address(peer[0])), peer[1]
    return new_fd, peer[0], peer[1]


def d3_connect(fd: object, family: object, address: object, port: object) -> int:
    """%CONNECT(fd, addr.family, address, port): 0, or -1."""
    sock = _sock(fd)
    if sock is None:
        return -1
    try:
        sock.connect(_sockaddr(to_int(family), address, to_int(port)))
    except (OSError, ValueError) as exc:
        return _fail(exc if isinstance(exc, OSError) else None)
    return 0


def d3_recv(fd: object, length: object, flags: object = 0) -> tuple:
    """%RECV(fd, buffer, length [, flags]): (bytes received or -1, buffer).

    Waits for data; 0 means the peer closed the connection. The caller's
    ``buffer`` receives the data (an output only, so it is not passed; a
    failed receive leaves it empty).
    """
    sock = _sock(fd)
    if sock is None:
        return -1, ""
    flush_display()
    try:
        data = sock.recv(max(to_int(length), 0), to_int(flags))
    except OSError as exc:
        return _fail(exc), ""
    return len(data), data.decode("latin-1")


def d3_send(
    fd: object, buffer: object, length: object = None, flags: object = 0
) -> int:
    """%SEND(fd, buffer, length [, flags]): bytes sent, or -1.

    Sends the first ``length`` bytes of ``buffer`` (all of it when omitted).
    A peer that has gone away gives -1 (EPIPE or ECONNRESET in SYSTEM(0)),
    never SIGPIPE.
    """
    sock = _sock(fd)
    if sock is None:
        return -1
    data = to_str(buffer).encode("latin-1", "replace")
    if length is not None:
        data = data[: max(to_int(length), 0)]
    try:
        sock.sendall(data, to_int(flags) | _SEND_FLAGS)
    except OSError as exc:
        return _fail(exc)
    return len(data)


def d3_close(fd: object) -> int:
    """%CLOSESOCKET(fd) and %CLOSE(fd): 0, or -1 for an unknown fd."""
    sock = _SOCKETS.pop(to_int(fd), None)
    if sock is None:
        return _fail(code=errno.EBADF)
    try:
        sock.close()
    except OSError as exc:
        return _fail(exc)
    return 0
