"""Processes: FORK(), EXIT.CHILD and the SYSTEM() items about the process.

``FORK()`` returns the child's pid to the parent, 0 to the child and -1 on
failure. ``EXIT.CHILD`` ends a forked child at once; used in a process that
is not a forked child it is a runtime error.
"""

from __future__ import annotations

import os
from typing import Optional

from runtime_lib.errors import BasicError


class _ForkState:
    is_child = False


_fork_state = _ForkState()


def system_item(number: int) -> Optional[object]:
    """SYSTEM() items owned by the process layer, or None."""
    return None


def exit_child() -> None:
    """EXIT.CHILD: end a forked child without clean-up that touches the parent."""
    if not _fork_state.is_child:
        raise BasicError("EXIT.CHILD used in a process that is not a forked child")
    from runtime_lib import terminal

    terminal.flush()
    os._exit(0)
