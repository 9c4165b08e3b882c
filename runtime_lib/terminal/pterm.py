"""The PTERM command (for EXECUTE): the session's terminal settings.

pick2py runs ``PTERM CASE INVERT`` and ``PTERM CASE NOINVERT``, which turn
on and off the case inversion of keyboard input (on when a session starts,
as ScarletDME's kernel and LOGIN set it), and ``PTERM DISPLAY``'s line for
it. Its other settings (BREAK, NEWLINE, RETURN, BINARY, TELNET, PROMPT,
RESET, LPTR) are not modelled, and say so. Messages are those of GPL.BP's
PTERM.
"""

from __future__ import annotations

from runtime_lib.commands import command
from runtime_lib.terminal.keyboard import keyboard

__all__ = ["pterm_command"]

_NOT_MODELLED = frozenset(
    ["BREAK", "NEWLINE", "RETURN", "BINARY", "TELNET", "PROMPT", "RESET", "LPTR"]
)


def _say(text: str) -> None:
    from runtime_lib import terminal

    terminal.emit(text + "\n")


@command("PTERM")
def pterm_command(words: list[str], sentence: str) -> int:
    """PTERM CASE INVERT | PTERM CASE NOINVERT | PTERM DISPLAY."""
    options = words[1:]
    i = 0
    while i < len(options):
        option = options[i].upper()
        i += 1
        if option == "CASE":
            setting = options[i].upper() if i < len(options) else ""
            i += 1
            if setting not in ("INVERT", "NOINVERT"):
                _say("INVERT or NOINVERT required")
                return 0
            keyboard.case_inversion = setting == "INVERT"
        elif option == "DISPLAY":
            _say(f"Case inversion: {'On' if keyboard.case_inversion else 'Off'}")
        elif option in _NOT_MODELLED:
            _say(f"PTERM {option} is an option pick2py does not support")
            return -1
        else:
            _say(f"Unrecognised option ({options[i - 1]})")
            return 0
    return 0
