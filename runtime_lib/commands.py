"""The verbs that EXECUTE and PERFORM can run, besides catalogued programs.

Each topic module registers its own commands (``files`` registers
CREATE.FILE, DELETE.FILE, ...). A command function receives the parsed
command line and a :class:`CommandContext`, prints through the terminal
layer (so CAPTURING works) and returns ScarletDME's @SYSTEM.RETURN.CODE.
"""

from __future__ import annotations

from typing import Callable

CommandFunc = Callable[[list[str], str], int]

_COMMANDS: dict[str, CommandFunc] = {}


def command(*verbs: str) -> Callable[[CommandFunc], CommandFunc]:
    """Register a function as the handler of one or more verbs.

    The handler is called as ``handler(words, sentence)`` where ``words`` is
    the command line split on blanks (verb first, upper-cased) and
    ``sentence`` the command line as typed; it returns the value for
    @SYSTEM.RETURN.CODE.
    """

    def register(func: CommandFunc) -> CommandFunc:
        for verb in verbs:
            _COMMANDS[verb.upper()] = func
        return func

    return register


def find_command(verb: str) -> CommandFunc | None:
    """Return the handler registered for a verb, or None."""
    return _COMMANDS.get(verb.upper())
