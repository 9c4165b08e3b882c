"""Sockets: ScarletDME's functions, the fork's TLS ones, UniVerse's and D3's.

- :mod:`.base`: the socket variable, waiting with timeouts, sending without
  SIGPIPE.
- :mod:`.plain`: ScarletDME's CREATE.SERVER.SOCKET, ACCEPT.SOCKET.CONNECTION,
  OPEN.SOCKET, READ.SOCKET, WRITE.SOCKET, CLOSE.SOCKET, SOCKET.INFO,
  SET.SOCKET.MODE and SERVER.ADDR, with its statuses (``op_skt.c``).
- :mod:`.secure`: the Krowemoh/ScarletDME fork's TLS variants
  (CREATE.SECURE.SERVER.SOCKET, ...), on Python's :mod:`ssl`.
- :mod:`.universe`: UniVerse's initServerSocket, acceptConnection, ...
- :mod:`.d3`: D3's %SOCKET, %BIND, %LISTEN, %ACCEPT, ... C functions.

The names in ``__all__`` are what generated code calls (``rt.read_socket``).
"""

from __future__ import annotations

from runtime_lib.sockets.base import SocketVar
from runtime_lib.sockets.d3 import (
    d3_accept,
    d3_bind,
    d3_close,
    d3_connect,
    d3_listen,
    d3_recv,
    d3_send,
    d3_socket,
)
from runtime_lib.sockets.plain import (
    accept_socket_connection,
    close_socket,
    create_server_socket,
    open_socket,
    read_socket,
    server_addr,
    set_socket_mode,
    socket_info,
    write_socket,
)
from runtime_lib.sockets.secure import (
    accept_secure_socket_connection,
    close_secure_socket,
    create_secure_server_socket,
    read_secure_socket,
    write_secure_socket,
)
from runtime_lib.sockets.universe import (
    acceptconnection,
    closesocket,
    getsocketerrormessage,
    getsocketinformation,
    initserversocket,
    opensocket,
    readsocket,
    writesocket,
)

__all__ = [
    "SocketVar",
    "accept_secure_socket_connection",
    "accept_socket_connection",
    "acceptconnection",
    "close_secure_socket",
    "close_socket",
    "closesocket",
    "create_secure_server_socket",
    "create_server_socket",
    "d3_accept",
    "d3_bind",
    "d3_close",
    "d3_connect",
    "d3_listen",
    "d3_recv",
    "d3_send",
    "d3_socket",
    "getsocketerrormessage",
    "getsocketinformation",
    "initserversocket",
    "open_socket",
    "opensocket",
    "read_secure_socket",
    "read_socket",
    "readsocket",
    "server_addr",
    "set_socket_mode",
    "socket_info",
    "write_secure_socket",
    "write_socket",
    "writesocket",
]
