"""BASIC names to Python names: readable, deterministic, collision-free.

BASIC names are upper case and may contain ``.``, ``$``, ``%`` and ``_``.
A variable ``CUST.NAME`` becomes ``CUST_NAME``; ``$X`` becomes ``S_X``. The
generated module keeps every name it invents for itself in lower case or
starting with ``_`` (``rt``, ``main``, ``s_LABEL``, ``_n1``), and every
BASIC name starts with an upper-case letter, so the two can never meet.
When two BASIC names mangle alike (``A.B`` and ``A_B``) the one that sorts
later gets a numeric suffix, so the result does not depend on order of use.
"""

from __future__ import annotations

import builtins
import keyword
import re

_RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))
_CHARS = {".": "_", "$": "S_", "%": "P_"}


def basic_to_python(name: str) -> str:
    """Mangle one BASIC name without regard to collisions."""
    text = "".join(_CHARS.get(c, c) for c in name)
    text = re.sub(r"[^A-Za-z0-9_]", "_", text)
    if not text or not ("A" <= text[0] <= "Z"):
        text = "V_" + text
    if text in _RESERVED:
        text += "_"
    return text


def unique(base: str, taken) -> str:
    """``base``, or ``base_2``, ``base_3``, ... whichever ``taken`` lacks."""
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}_{n}"
        n += 1
    return candidate


class Namer:
    """Assigns Python names to BASIC names within one module."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.taken: dict[str, str] = {}

    def declare(self, basic_names) -> None:
        """Fix the Python names of a set of BASIC names (sorted, so stable)."""
        for basic in sorted(set(basic_names) - set(self.names)):
            candidate = unique(basic_to_python(basic), self.taken)
            self.names[basic] = candidate
            self.taken[candidate] = basic

    def __getitem__(self, basic: str) -> str:
        if basic not in self.names:
            self.declare([basic])
        return self.names[basic]

    def renamed(self) -> dict[str, str]:
        """Return Python name -> BASIC name for names that changed."""
        return {py: basic for basic, py in self.names.items() if py != basic}


def local_routine_name(name: str) -> str:
    """The nested function of a LOCAL SUBROUTINE or FUNCTION."""
    return "l_" + re.sub(r"[^A-Za-z0-9_]", "_", name.replace(".", "_"))
