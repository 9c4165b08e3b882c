"""CONFIG(), GETNLS() and UMASK(): the settings a program can ask for.

ScarletDME reads its settings from its configuration file at start-up
(``config.c``); pick2py has no such file, so CONFIG() reports ScarletDME's
defaults, except where pick2py itself works differently (MAXIDLEN: pick2py
accepts record ids of up to 255 bytes). The national settings GETNLS()
reports are the ones the conversions use (``$``, ``,`` and ``.``).
"""

from __future__ import annotations

import os

from runtime_lib.conversions.masked_decimal import CURRENCY, DECIMAL, THOUSANDS
from runtime_lib.files.records import MAX_ID_LEN
from runtime_lib.state import FLTDIFF, INTPREC, YEARBASE, state
from runtime_lib.terminal.units import PRINTER_LINES, PRINTER_WIDTH
from runtime_lib.values import to_int, to_str

__all__ = ["config", "getnls", "umask"]

# err.h ER_NOT_FOUND: CONFIG() of a name it does not know.
ER_NOT_FOUND = 1004

# op_config.c's parameters and their values (config.c defaults). Sizes that
# ScarletDME keeps in bytes are reported in kilobytes, as op_config does.
CONFIG_VALUES: dict[str, object] = {
    "CMDSTACK": 99,
    "CODEPAGE": 0,
    "DEADLOCK": 0,
    "DEBUG": 0,
    "DUMPDIR": "",
    "ERRLOG": 0,
    "EXCLREM": 0,
    "FDS": 32767,
    "FILERULE": 0,
    "FIXUSERS": "",
    "FLTDIFF": f"{FLTDIFF:.14f}",
    "FSYNC": 0,
    "GDI": 0,
    "GRPSIZE": 1,
    "INTPREC": INTPREC,
    "JNLMODE": 0,
    "JNLDIR": "",
    "LPTRHIGH": PRINTER_LINES,
    "LPTRWIDE": PRINTER_WIDTH,
    "MAXCALL": 10000,
    "MAXIDLEN": MAX_ID_LEN,
    "MUSTLOCK": 0,
    "NETFILES": 0,
    "NUMFILES": 80,
    "NUMLOCKS": 100,
    "NUMUSERS": 1,
    "OBJECTS": 0,
    "OBJMEM": 0,
    "PDUMP": 0,
    "PORTMAP": "",
    "QMCLIENT": 0,
    "RECCACHE": 0,
    "RINGWAIT": 1,
    "SAFEDIR": 0,
    "SH": "",
    "SH1": "",
    "SORTMEM": 1024,
    "SORTMRG": 4,
    "SORTWORK": "",
    "SPOOLER": "",
    "STARTUP": "",
    "TEMPDIR": "",
    "TERMINFO": "",
    "YEARBASE": YEARBASE,
}

# keys.h NLS_CURRENCY, NLS_THOUSANDS, NLS_DECIMAL.
NLS_VALUES = {1: CURRENCY, 2: THOUSANDS, 3: DECIMAL}


def config(name: object) -> object:
    """Return a configuration parameter's value.

    ``CONFIG(name)`` (op_config): the name is matched exactly, upper case
    (``"YEARBASE"`` gives 1930, ``"FLTDIFF"`` the string
    ``"0.00000000002910"``). STATUS() is 0, or 1004 with the result "" for
    a name it does not know. ScarletDME returns an undefined value for a
    name longer than 8 characters or empty; here that is "" and 1004 too.
    """
    state.status = 0
    key = to_str(name)
    value = CONFIG_VALUES.get(key) if 0 < len(key) <= 8 else None
    if value is None:
        state.status = ER_NOT_FOUND
        return ""
    return value


def getnls(key: object) -> str:
    """Return a national setting: 1 the currency, 2 thousands, 3 decimal.

    ``GETNLS(key)`` (op_getnls): the currency symbol ``$``, the thousands
    separator ``,`` and the decimal mark ``.``; any other key gives "". The
    key is a number (ScarletDME's 16-bit integer: 65537 is 1).
    """
    number = ((to_int(key) + 0x8000) & 0xFFFF) - 0x8000
    return NLS_VALUES.get(number, "")


def umask(mask: object) -> int:
    """Return the process's file creation mask, setting a new one unless < 0.

    ``UMASK(n)`` (op_umask): with n of 0 or more the mask becomes
    ``n & 0777`` and the previous one is returned; a negative n only asks.
    The mask is the operating system's, so files the program creates
    afterwards (OPENSEQ/CREATE, CREATE.FILE) follow it.
    """
    number = to_int(mask)
    if number < 0:
        current = os.umask(0)
        os.umask(current)
        return current & 0o777
    return os.umask(number & 0o777)
