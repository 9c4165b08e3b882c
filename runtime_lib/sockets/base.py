"""What every socket API shares: the socket variable, waiting, statuses.

A BASIC socket variable (ScarletDME's SOCK descriptor, VARTYPE 13) is a
:class:`SocketVar` holding a Python ``socket`` (or ``ssl.SSLSocket``). It is
true in a condition, cannot be used as a string, and closes its socket when
the last reference to it goes, as ScarletDME's reference-counted SOCKVAR
does. Operating-system sockets are left in blocking mode; BASIC's blocking
and non-blocking modes are waits with ``poll`` before each transfer, as
``socket_wait`` in ``op_skt.c`` waits with ``select``.

Sending never raises SIGPIPE: data goes out with ``MSG_NOSIGNAL`` and the
signal is ignored for TLS writes, so writing to a peer that has gone away
is an error status, never the end of the process.
"""

from __future__ import annotations

import select
import signal
import socket
import threading
import time
from typing import Optional

from runtime_lib.errors import BasicError
from runtime_lib.session import session
from runtime_lib.state import state
from runtime_lib.values import Unassigned

# ScarletDME's error numbers (err.h) used by the socket functions.
ER_MEM = 1001
ER_BAD_NAME = 1003
ER_BAD_KEY = 1006
ER_FAILED = 1008
ER_TIMEOUT = 1011
ER_SERVER = 7001
ER_NOSOCKET = 7004
ER_CONNECT = 7005
ER_RESOLVE = 7007
ER_BIND = 7012
ER_SKT_CLOSED = 7013
ERAI_AGAIN = 7015
ERAI_BADFLAGS = 7016
ERAI_FAIL = 7017
ERAI_FAMILY = 7018
ERAI_MEMORY = 7019
ERAI_NONAME = 7021
ERAI_SERVICE = 7022
ERAI_SOCKTYPE = 7023
ERAI_SYSTEM = 7024
ER_INCOMP_PROTO = 7025
ER_NONBLOCK_FAIL = 7026
ER_BADADDR = 7027

# Socket kinds (SKT$INFO.TYPE values).
SERVER = 1
INCOMING = 2
OUTGOING = 3

_SEND_FLAGS = getattr(socket, "MSG_NOSIGNAL", 0)


class SocketVar:
    """A BASIC socket variable: a connected, listening or TLS socket."""

    basic_vartype = 13  # ScarletDME's SOCK descriptor type

    def __init__(
        self,
        sock: socket.socket,
        kind: int,
        ip_addr: str = "",
        port: int = 0,
        blocking: bool = False,
        secure: bool = False,
    ):
        self.sock: Optional[socket.socket] = sock
        self.kind = kind
        self.family = sock.family
        self.ip_addr = ip_addr
        self.port = port
        self.blocking = blocking
        self.secure = secure
        self.context = None  # the ssl.SSLContext of a secure server socket

    @property
    def closed(self) -> bool:
        """True once CLOSE.SOCKET (or CLOSE.SECURE.SOCKET) has run."""
        return self.sock is None

    def basic_str(self) -> str:
        """A socket is not a string (ScarletDME error 1221)."""
        raise BasicError("Data cannot be converted to a string")

    def fileno(self) -> int:
        """The operating system descriptor, -1 once closed."""
        return self.sock.fileno() if self.sock is not None else -1

    def pending(self) -> int:
        """Bytes already decrypted and waiting in a TLS socket's buffer."""
        sock = self.sock
        if self.secure and sock is not None and hasattr(sock, "pending"):
            return sock.pending()  # type: ignore[attr-defined]
        return 0

    def close(self) -> None:
        """Close the socket (this process's descriptor only)."""
        sock, self.sock = self.sock, None
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass

    def __repr__(self) -> str:
        state_ = "closed" if self.closed else f"{self.ip_addr}:{self.port}"
        return (
            f"SocketVar({('server', 'incoming', 'outgoing')[self.kind - 1]}, {state_})"
        )

    def __del__(self) -> None:
        # ScarletDME closes a socket when its last variable lets go of it.
        try:
            self.close()
        except Exception:
            pass


def socket_var(value: object) -> SocketVar:
    """Return the open socket a BASIC value holds, or fail as ScarletDME does.

    An unassigned variable is "Unassigned variable"; anything else that is
    not an open socket is "Data item is not a socket" (message 1138).
    """
    if type(value) is SocketVar and value.sock is not None:  # type: ignore[union-attr]
        return value  # type: ignore[return-value]
    if isinstance(value, Unassigned):
        raise value.fail()
    raise BasicError("Data item is not a socket")


def set_status(code: int, os_error: int = 0) -> None:
    """Set STATUS() and, for failures the OS reported, OS.ERROR()."""
    state.status = code
    if os_error:
        session.values["OS.ERROR"] = os_error


def wait(var: SocketVar, read: bool, timeout_ms: int) -> bool:
    """Wait until a socket can be read (or written); False on timeout.

    ``timeout_ms`` < 0 waits for ever, 0 only looks (non-blocking mode).
    A timeout sets STATUS() to ER_TIMEOUT (1011), as ``socket_wait`` does.
    A hang-up or error counts as ready: the transfer that follows reports it.
    Display output is flushed before a wait that may block, as SLEEP does,
    so a server's log lines appear while it waits for clients.
    """
    if read and var.pending():
        return True
    if timeout_ms:
        flush_display()
    poller = select.poll()
    poller.register(var.fileno(), select.POLLIN if read else select.POLLOUT)
    deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
    while True:
        remaining = None
        if deadline is not None:
            remaining = max(0, int((deadline - time.monotonic()) * 1000))
        if poller.poll(remaining):
            return True
        if deadline is not None and time.monotonic() >= deadline:
            state.status = ER_TIMEOUT
            return False


def send_all(var: SocketVar, data: bytes, timeout_ms: int) -> tuple[int, int]:
    """Send bytes, waiting before each piece; return (bytes sent, status).

    The status is 0, ER_TIMEOUT when the socket could not take more in
    time, or ER_FAILED when the peer has gone (never a SIGPIPE).
    """
    total = 0
    view = memoryview(data)
    while total < len(data):
        if not wait(var, False, timeout_ms):
            return total, ER_TIMEOUT
        try:
            if var.secure:
                sent = var.sock.send(view[total:])  # type: ignore[union-attr]
            else:
                sent = var.sock.send(view[total:], _SEND_FLAGS)  # type: ignore[union-attr]
        except (BlockingIOError, InterruptedError):
            continue
        except OSError as exc:
            set_status(ER_FAILED, exc.errno or 0)
            return total, ER_FAILED
        total += sent
    return total, 0


def flush_display() -> None:
    """Send buffered PRINT output on its way before blocking."""
    from runtime_lib import terminal

    terminal.flush()


_sigpipe_checked = False


def ignore_sigpipe() -> None:
    """Make sure a write to a vanished peer cannot kill the process.

    Python ignores SIGPIPE from start-up; an embedding application may have
    restored the default, which would end the process on the first TLS
    write to a closed connection.
    """
    global _sigpipe_checked
    if _sigpipe_checked or threading.current_thread() is not threading.main_thread():
        return
    _sigpipe_checked = True
    if (
        hasattr(signal, "SIGPIPE")
        and signal.getsignal(signal.SIGPIPE) == signal.SIG_DFL
    ):
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)


def encode(value: str) -> bytes:
    """BASIC strings hold one byte per character."""
    return value.encode("latin-1", "replace")


def decode(data: bytes) -> str:
    """Bytes from the network as a BASIC string, one character per byte."""
    return data.decode("latin-1")
