"""UniVerse's socket API, for programs transpiled in the UniVerse dialect.

UniVerse (and UniData) BASIC call these as functions that return a status
and fill their last arguments in::

    status = initServerSocket(name_or_IP, port, backlog, svr_socket)
    status = acceptConnection(svr_socket, blocking_mode, timeout, in_addr, in_name, socket_handle)
    status = openSocket(name_or_IP, port, mode, timeout, socket_handle)
    status = readSocket(socket_handle, socket_data, max_read_size, time_out, mode, actual_read_size)
    status = writeSocket(socket_handle, socket_data, time_out, mode, actual_write_size)
    status = closeSocket(socket_handle)
    status = getSocketInformation(socket_handle, self_or_peer, socket_info)
    status = getSocketErrorMessage(errCode, errMsg)

Each runtime function takes the input arguments and returns a tuple: the
status, then the values of the output arguments in order; the UniVerse
dialect's lowering (``transpiler/dialects.py``) stores those into the
variables the program passed. ``mode`` is 1 for blocking and 0 for
non-blocking; timeouts are milliseconds, 0 meaning no limit.

Rocket's table of numbered error codes for these functions was not
available to us, so the failure codes below are pick2py's own (0 is
success, as in UniVerse); ``getSocketErrorMessage`` gives their texts.
"""

from __future__ import annotations

import socket

from runtime_lib.sockets.base import (
    ER_TIMEOUT,
    INCOMING,
    OUTGOING,
    SERVER,
    SocketVar,
    decode,
    encode,
    ignore_sigpipe,
    send_all,
    wait,
)
from runtime_lib.values import FM, to_int, to_str

__all__ = [
    "acceptconnection",
    "closesocket",
    "getsocketerrormessage",
    "getsocketinformation",
    "initserversocket",
    "opensocket",
    "readsocket",
    "writesocket",
]

OK = 0
BAD_HANDLE = 1
BAD_ARGUMENT = 2
NO_SUCH_HOST = 3
CANNOT_LISTEN = 4
CANNOT_CONNECT = 5
TIMED_OUT = 6
CLOSED_BY_PEER = 7
TRANSFER_FAILED = 8

MESSAGES = {
    OK: "Success",
    BAD_HANDLE: "Invalid socket handle",
    BAD_ARGUMENT: "Invalid argument",
    NO_SUCH_HOST: "Cannot resolve the host name or address",
    CANNOT_LISTEN: "Cannot create the server socket (bind or listen failed)",
    CANNOT_CONNECT: "Cannot connect to the server",
    TIMED_OUT: "The operation timed out",
    CLOSED_BY_PEER: "The connection was closed by the peer",
    TRANSFER_FAILED: "Sending or receiving failed",
}


def _handle(value: object) -> SocketVar | None:
    if type(value) is SocketVar and not value.closed:  # type: ignore[union-attr]
        return value  # type: ignore[return-value]
    return None


def _timeout(value: object) -> int:
    ms = to_int(value)
    return -1 if ms <= 0 else ms


def _address(name: str, port: int, passive: bool):
    host = name or ("0.0.0.0" if passive else "")
    if not host:
        return None
    try:
        flags = socket.AI_PASSIVE if passive else 0
        return socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM, 0, flags)[0]
    except (OSError, UnicodeError, ValueError):
        return None


def initserversocket(name_or_ip: object, port: object, backlog: object) -> tuple:
    """initServerSocket(name_or_IP, port, backlog, svr_socket): (status, svr_socket).

    A blank name listens on every IPv4 address. SO_REUSEADDR is set.
    """
    port_no = to_int(port)
    queue = to_int(backlog)
    if not 0 <= port_no <= 65535:
        return BAD_ARGUMENT, 0
    entry = _address(to_str(name_or_ip), port_no, passive=True)
    if entry is None:
        return NO_SUCH_HOST, 0
    family, socktype, proto, _, sockaddr = entry
    ignore_sigpipe()
    sock = socket.socket(family, socktype, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(sockaddr)
        sock.listen(queue if queue > 0 else socket.SOMAXCONN)
    except OSError:
        sock.close()
        return CANNOT_LISTEN, 0
    return OK, SocketVar(sock, SERVER, sockaddr[0], port_no, blocking=True)


def acceptconnection(
    svr_socket: object, blocking_mode: object, timeout: object
) -> tuple:
    """acceptConnection(svr, blocking_mode, timeout, in_addr, in_name, socket_handle).

    Returns (status, in_addr, in_name, socket_handle): the peer's address and
    host name and the new connection, which is blocking when
    ``blocking_mode`` is 1. A non-blocking accept with nobody waiting, or a
    blocking one past its timeout, gives TIMED_OUT.
    """
    server = _handle(svr_socket)
    if server is None or server.kind != SERVER:
        return BAD_HANDLE, "", "", 0
    blocking = to_int(blocking_mode) != 0
    if not wait(server, True, _timeout(timeout) if blocking else 0):
        return TIMED_OUT, "", "", 0
    try:
        conn, peer = server.sock.accept()  # type: ignore[union-attr]
    except OSError:
        return TRANSFER_FAILED, "", "", 0
    try:
        host = socket.getnameinfo(peer[:2], 0)[0]
    except OSError:
        host = peer[0]
    var = SocketVar(conn, INCOMING, peer[0], peer[1], blocking=blocking)
    return OK, peer[0], host, var


def opensocket(
    name_or_ip: object, port: object, mode: object, timeout: object
) -> tuple:
    """openSocket(name_or_IP, port, mode, timeout, socket_handle): (status, handle)."""
    port_no = to_int(port)
    blocking = to_int(mode) != 0
    ms = to_int(timeout)
    entry = _address(to_str(name_or_ip), port_no, passive=False)
    if entry is None:
        return NO_SUCH_HOST, 0
    family, socktype, proto, _, sockaddr = entry
    ignore_sigpipe()
    sock = socket.socket(family, socktype, proto)
    try:
        sock.settimeout(ms / 1000 if ms > 0 else None)
        sock.connect(sockaddr)
        sock.settimeout(None)
    except OSError:
        sock.close()
        return CANNOT_CONNECT, 0
    return OK, SocketVar(sock, OUTGOING, sockaddr[0], port_no, blocking=blocking)


def readsocket(
    socket_handle: object, max_read_size: object, time_out: object, mode: object
) -> tuple:
    """readSocket(handle, data, max_read_size, time_out, mode, actual_read_size).

    Returns (status, data, actual_read_size). Blocking mode waits up to
    ``time_out`` ms (0: no limit) for data; non-blocking mode only looks.
    A connection the peer closed gives CLOSED_BY_PEER and no data.
    """
    var = _handle(socket_handle)
    if var is None:
        return BAD_HANDLE, "", 0
    size = to_int(max_read_size)
    blocking = to_int(mode) != 0
    if size <= 0:
        return BAD_ARGUMENT, "", 0
    if not wait(var, True, _timeout(time_out) if blocking else 0):
        return TIMED_OUT, "", 0
    try:
        data = var.sock.recv(size)  # type: ignore[union-attr]
    except OSError:
        return TRANSFER_FAILED, "", 0
    if not data:
        return CLOSED_BY_PEER, "", 0
    return OK, decode(data), len(data)


def writesocket(
    socket_handle: object, socket_data: object, time_out: object, mode: object
) -> tuple:
    """writeSocket(handle, data, time_out, mode, actual_write_size): (status, size).

    A peer that has gone away gives TRANSFER_FAILED (never SIGPIPE).
    """
    var = _handle(socket_handle)
    if var is None:
        return BAD_HANDLE, 0
    blocking = to_int(mode) != 0
    data = encode(to_str(socket_data))
    sent, status = send_all(var, data, _timeout(time_out) if blocking else 0)
    if status:
        return (TIMED_OUT if status == ER_TIMEOUT else TRANSFER_FAILED), sent
    return OK, sent


def closesocket(socket_handle: object) -> int:
    """closeSocket(socket_handle): 0, or BAD_HANDLE for a closed or bad handle."""
    var = _handle(socket_handle)
    if var is None:
        return BAD_HANDLE
    var.close()
    return OK


def getsocketinformation(socket_handle: object, self_or_peer: object) -> tuple:
    """getSocketInformation(handle, self_or_peer, socket_info): (status, info).

    ``self_or_peer`` 0 describes this end, 1 the other. ``info`` has fields:
    1 open (1) or closed (0), 2 IP address, 3 host name, 4 port, 5 secure
    (1) or not (0), 6 blocking mode (1 blocking, 0 not).
    """
    if type(socket_handle) is not SocketVar:
        return BAD_HANDLE, ""
    var: SocketVar = socket_handle  # type: ignore[assignment]
    if var.closed:
        return OK, FM.join(["0", "", "", "0", "0", "0"])
    try:
        if to_int(self_or_peer):
            address = var.sock.getpeername()  # type: ignore[union-attr]
        else:
            address = var.sock.getsockname()  # type: ignore[union-attr]
    except OSError:
        return BAD_ARGUMENT, ""
    try:
        host = socket.getnameinfo(address[:2], 0)[0]
    except OSError:
        host = address[0]
    fields = [
        1,
        address[0],
        host,
        address[1],
        1 if var.secure else 0,
        1 if var.blocking else 0,
    ]
    return OK, FM.join(str(f) for f in fields)


def getsocketerrormessage(err_code: object) -> tuple:
    """getSocketErrorMessage(errCode, errMsg): (status, the code's text)."""
    code = to_int(err_code)
    text = MESSAGES.get(code)
    if text is None:
        return BAD_ARGUMENT, f"Unknown socket error {code}"
    return OK, text
