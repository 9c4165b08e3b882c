"""ScarletDME's socket functions, with its statuses (``op_skt.c``).

``CREATE.SERVER.SOCKET``, ``ACCEPT.SOCKET.CONNECTION``, ``OPEN.SOCKET``,
``READ.SOCKET``, ``WRITE.SOCKET``, ``CLOSE.SOCKET``, ``SOCKET.INFO``,
``SET.SOCKET.MODE`` and ``SERVER.ADDR``. Failures return 0 (or "") and set
STATUS() to ScarletDME's error number; OS.ERROR() then holds the ``errno``.

Blocking: ``OPEN.SOCKET`` takes the mode from its flags (SKT$BLOCKING = 1),
while sockets from ``CREATE.SERVER.SOCKET`` and ``ACCEPT.SOCKET.CONNECTION``
start in non-blocking mode, so ``READ.SOCKET(skt, n, 0, 0)`` on an accepted
socket only looks for data already there (STATUS() 1011 if none). A
transfer's own flags (SKT$BLOCKING, SKT$NON.BLOCKING) override the socket's
mode. Timeouts are milliseconds; 0 waits for ever.
"""

from __future__ import annotations

import errno
import ipaddress
import socket

from runtime_lib.sockets.base import (
    ER_BAD_KEY,
    ER_BAD_NAME,
    ER_BADADDR,
    ER_BIND,
    ER_CONNECT,
    ER_FAILED,
    ER_NOSOCKET,
    ER_RESOLVE,
    ER_SERVER,
    ER_SKT_CLOSED,
    ERAI_AGAIN,
    ERAI_BADFLAGS,
    ERAI_FAIL,
    ERAI_FAMILY,
    ERAI_MEMORY,
    ERAI_NONAME,
    ERAI_SERVICE,
    ERAI_SOCKTYPE,
    ERAI_SYSTEM,
    INCOMING,
    OUTGOING,
    SERVER,
    SocketVar,
    decode,
    encode,
    ignore_sigpipe,
    send_all,
    set_status,
    socket_var,
    wait,
)
from runtime_lib.state import state
from runtime_lib.values import to_int, to_str

__all__ = [
    "accept_socket_connection",
    "close_socket",
    "create_server_socket",
    "open_socket",
    "read_socket",
    "server_addr",
    "set_socket_mode",
    "socket_info",
    "write_socket",
]

# Flags (SYSCOM KEYS.H SKT$...).
SKT_BLOCKING = 0x0001
SKT_NON_BLOCKING = 0x0002
SKT_DGRM = 0x0100
SKT_RAW = 0x0200
SKT_UDP = 0x00010000
SKT_ICMP = 0x00020000

# SOCKET.INFO and SET.SOCKET.MODE keys (SKT$INFO...).
INFO_OPEN = 0
INFO_TYPE = 1
INFO_PORT = 2
INFO_IP_ADDR = 3
INFO_BLOCKING = 4
INFO_NO_DELAY = 5
INFO_KEEP_ALIVE = 6
INFO_FAMILY = 7

_EAI_STATUS = {
    socket.EAI_AGAIN: ERAI_AGAIN,
    socket.EAI_BADFLAGS: ERAI_BADFLAGS,
    socket.EAI_FAIL: ERAI_FAIL,
    socket.EAI_FAMILY: ERAI_FAMILY,
    socket.EAI_MEMORY: ERAI_MEMORY,
    socket.EAI_NONAME: ERAI_NONAME,
    socket.EAI_SERVICE: ERAI_SERVICE,
    socket.EAI_SOCKTYPE: ERAI_SOCKTYPE,
    getattr(socket, "EAI_SYSTEM", -11): ERAI_SYSTEM,
}

_ADDR_MAX = 80  # k_get_c_string(descr, server, 80)


def _timeout(value: object) -> int:
    """A BASIC timeout in milliseconds: 0 means wait for ever (-1)."""
    timeout = to_int(value)
    return -1 if timeout == 0 else timeout


def _is_blocking(var: SocketVar, flags: int) -> bool:
    if flags & SKT_BLOCKING:
        return True
    if flags & SKT_NON_BLOCKING:
        return False
    return var.blocking


def _numeric_family(addr: str) -> int:
    """AF_INET or AF_INET6 for a numeric address, 0 for a host name."""
    try:
        return (
            socket.AF_INET
            if ipaddress.ip_address(addr).version == 4
            else socket.AF_INET6
        )
    except ValueError:
        return 0


def _socket_type(flags: int) -> tuple[int, int]:
    """The socket type and protocol the flags ask for (TCP unless UDP/raw)."""
    if flags & SKT_UDP:
        return socket.SOCK_DGRAM, socket.IPPROTO_UDP
    if flags & (SKT_RAW | SKT_ICMP):
        return socket.SOCK_RAW, 0
    return socket.SOCK_STREAM, socket.IPPROTO_TCP


def _resolve(addr: str, port: int, flags: int, passive: bool):
    """getaddrinfo as op_skt.c calls it; return (entry, 0) or (None, status)."""
    family = _numeric_family(addr)
    ai_flags = socket.AI_PASSIVE if passive else 0
    if family:
        ai_flags |= socket.AI_NUMERICHOST
    socktype, proto = _socket_type(flags)
    if not addr:
        # getaddrinfo() does not take "" for "any address" (EAI_NONAME),
        # although op_skt.c's comment says a blank address means any.
        return None, ERAI_NONAME
    try:
        entries = socket.getaddrinfo(
            addr, str(port & 0xFFFF), family, socktype, proto, ai_flags
        )
    except socket.gaierror as exc:
        return None, _EAI_STATUS.get(exc.errno, ER_RESOLVE)
    except (UnicodeError, ValueError):
        return None, ERAI_NONAME
    return entries[0], 0


def _new_socket(host: str, port_no: int, flag_bits: int, passive: bool):
    """A socket for ``host``/``port`` and the address to connect or bind it
    to, or None with STATUS() set (1003 name too long, 7014-7024 resolving,
    7004 no socket)."""
    if len(host) > _ADDR_MAX:
        set_status(ER_BAD_NAME)
        return None
    entry, status = _resolve(host, port_no, flag_bits, passive=passive)
    if status:
        set_status(status)
        return None
    family, socktype, proto, _, sockaddr = entry
    ignore_sigpipe()
    try:
        return socket.socket(family, socktype, proto), sockaddr
    except OSError as exc:
        set_status(ER_NOSOCKET, exc.errno or 0)
        return None


def open_socket(
    addr: object, port: object, flags: object, context: object = 0
) -> object:
    """OPEN.SOCKET(addr, port, flags [, context]): a connected socket, or 0.

    STATUS(): 1003 for a missing or too long address, 7014-7024 when the
    name cannot be resolved, 7004 when no socket can be made, 7005 when the
    connection fails (op_skt.c's 7025 test compares with zero-valued flags,
    so it never fires). SKT$BLOCKING makes the socket's
    transfers blocking by default. A non-blocking open connects within
    ScarletDME's one second; unlike op_skt.c it does not then report the
    connection it made as a failure (its second ``connect()`` gets EISCONN).
    """
    state.status = 0
    flag_bits = to_int(flags)
    port_no = to_int(port)
    host = to_str(addr)
    if not host:
        set_status(ER_BAD_NAME)
        return 0
    made = _new_socket(host, port_no, flag_bits, passive=False)
    if made is None:
        return 0
    sock, sockaddr = made
    try:
        if flag_bits & SKT_NON_BLOCKING:
            sock.settimeout(1.0)  # DEFAULT_CONNECT_TIMEOUT
        sock.connect(sockaddr)
        sock.settimeout(None)
    except OSError as exc:
        sock.close()
        set_status(ER_CONNECT, exc.errno or errno.ETIMEDOUT)
        return 0
    return SocketVar(
        sock, OUTGOING, sockaddr[0], port_no, blocking=bool(flag_bits & SKT_BLOCKING)
    )


def create_server_socket(
    addr: object, port: object, flags: object, context: object = 0
) -> object:
    """CREATE.SERVER.SOCKET(addr, port, flags [, context]): a listening socket, or 0.

    The address must be given ("127.0.0.1", "0.0.0.0", "::", a host name):
    ScarletDME passes a blank one to ``getaddrinfo``, which rejects it
    (STATUS() 7021). SO_REUSEADDR is set so a restarted server can bind its
    port again. STATUS(): 1003, 7014-7024 (resolving), 7004, 7012 (bind).
    The socket starts in non-blocking mode; SOCKET.INFO reports the port as
    given (0 when the system picked one).
    """
    state.status = 0
    flag_bits = to_int(flags)
    port_no = to_int(port)
    made = _new_socket(to_str(addr), port_no, flag_bits, passive=True)
    if made is None:
        return 0
    sock, sockaddr = made
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(sockaddr)
    except OSError as exc:
        sock.close()
        set_status(ER_BIND, exc.errno or 0)
        return 0
    try:
        sock.listen(socket.SOMAXCONN)
    except OSError:
        pass  # a datagram socket does not listen; op_skt.c ignores the result
    return SocketVar(sock, SERVER, sockaddr[0], port_no, blocking=False)


def accept_socket_connection(server: object, timeout: object) -> object:
    """ACCEPT.SOCKET.CONNECTION(srvr, timeout): the next connection, or 0.

    Waits up to ``timeout`` milliseconds (0: for ever); STATUS() 1011 when
    none came. The new socket is in non-blocking mode and SOCKET.INFO
    reports the peer's address and port.
    """
    state.status = 0
    wait_ms = _timeout(timeout)
    var = socket_var(server)
    if not wait(var, True, wait_ms):
        return 0
    try:
        conn, peer = var.sock.accept()  # type: ignore[union-attr]
    except OSError as exc:
        set_status(ER_FAILED, exc.errno or 0)
        return 0
    return SocketVar(conn, INCOMING, peer[0], peer[1], blocking=False)


def close_socket(skt: object) -> None:
    """CLOSE.SOCKET skt: close the socket (this process's copy of it)."""
    socket_var(skt).close()


def read_socket(skt: object, max_len: object, flags: object, timeout: object) -> str:
    """READ.SOCKET(skt, max.len, flags, timeout): up to max.len bytes, or "".

    Blocking reads wait up to ``timeout`` ms (0: for ever) for data, then
    return what one receive brings. STATUS(): 1011 when nothing came in
    time (at once in non-blocking mode), 7013 when the peer closed the
    connection, 1008 when the receive failed.
    """
    state.status = 0
    wait_ms = _timeout(timeout)
    flag_bits = to_int(flags)
    size = to_int(max_len)
    var = socket_var(skt)
    if not wait(var, True, wait_ms if _is_blocking(var, flag_bits) else 0):
        return ""
    try:
        data = var.sock.recv(max(size, 0))  # type: ignore[union-attr]
    except OSError as exc:
        set_status(ER_FAILED, exc.errno or 0)
        return ""
    if not data:
        set_status(ER_SKT_CLOSED)
        return ""
    return decode(data)


def write_socket(skt: object, data: object, flags: object, timeout: object) -> int:
    """WRITE.SOCKET(skt, data, flags, timeout): the number of bytes written.

    Writing to a peer that has gone away sets STATUS() 1008 (it never ends
    the process: SIGPIPE is not raised, as with SKT$MSG.NOSIGNAL); 1011 when
    the socket could not take the data in time. The count is what was sent
    before the failure.
    """
    state.status = 0
    wait_ms = _timeout(timeout)
    flag_bits = to_int(flags)
    text = to_str(data)
    var = socket_var(skt)
    if not text:
        return 0
    sent, status = send_all(
        var, encode(text), wait_ms if _is_blocking(var, flag_bits) else 0
    )
    if status:
        state.status = status
    return sent


def socket_info(skt: object, key: object) -> object:
    """SOCKET.INFO(skt, key): facts about a socket (keys SKT$INFO.xxx).

    OPEN (0) is 1 for an open socket and 0 for anything else; the other keys
    need a socket: TYPE (1 server, 2 incoming, 3 outgoing), PORT, IP.ADDR,
    BLOCKING, NO.DELAY, KEEP.ALIVE, FAMILY (1 IPv4, 2 IPv6). Unknown keys
    give 0. STATUS() is not changed.
    """
    code = to_int(key)
    if code == INFO_OPEN:
        return 1 if type(skt) is SocketVar and not skt.closed else 0  # type: ignore[union-attr]
    var = socket_var(skt)
    if code == INFO_TYPE:
        return var.kind
    if code == INFO_PORT:
        return var.port
    if code == INFO_IP_ADDR:
        return var.ip_addr
    if code == INFO_BLOCKING:
        return 1 if var.blocking else 0
    if code == INFO_NO_DELAY:
        return _getopt(var, socket.IPPROTO_TCP, socket.TCP_NODELAY)
    if code == INFO_KEEP_ALIVE:
        return _getopt(var, socket.SOL_SOCKET, socket.SO_KEEPALIVE)
    if code == INFO_FAMILY:
        return {socket.AF_INET: 1, socket.AF_INET6: 2}.get(var.family, 0)
    return 0


def _getopt(var: SocketVar, level: int, option: int) -> int:
    try:
        return 1 if var.sock.getsockopt(level, option) else 0  # type: ignore[union-attr]
    except OSError:
        return 0


def set_socket_mode(skt: object, key: object, value: object) -> int:
    """SET.SOCKET.MODE(skt, key, value): 1 if done, 0 (STATUS() 1006) if not.

    BLOCKING sets the socket's default mode, NO.DELAY turns the Nagle
    algorithm off or on. KEEP.ALIVE always turns keep-alive on, whatever the
    value, as op_skt.c does.
    """
    state.status = 0
    code = to_int(key)
    var = socket_var(skt)
    if code == INFO_BLOCKING:
        var.blocking = bool(to_int(value))
    elif code == INFO_NO_DELAY:
        _setopt(var, socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if to_int(value) else 0)
    elif code == INFO_KEEP_ALIVE:
        to_int(value)
        _setopt(var, socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    else:
        state.status = ER_BAD_KEY
    return 1 if state.status == 0 else 0


def _setopt(var: SocketVar, level: int, option: int, value: int) -> None:
    try:
        var.sock.setsockopt(level, option, value)  # type: ignore[union-attr]
    except OSError:
        pass


def server_addr(name: object) -> str:
    """SERVER.ADDR(name): the IP address of a host name (or address), or "".

    STATUS() 1003 for a blank or too long name (over 64 characters), 7001
    when the name is unknown.
    """
    state.status = 0
    host = to_str(name)
    if not host or len(host) > 64:
        set_status(ER_BAD_NAME)
        return ""
    try:
        entries = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError, ValueError):
        set_status(ER_SERVER)
        return ""
    family, _, _, _, sockaddr = entries[0]
    if family not in (socket.AF_INET, socket.AF_INET6):
        set_status(ER_BADADDR)
        return ""
    return sockaddr[0]
