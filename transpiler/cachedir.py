"""Where pick2py keeps what it makes: one folder outside every source folder.

``PICK2PY_CACHE`` names it; otherwise it is the user's cache folder for
pick2py (``~/.cache/pick2py`` on Linux). Transpiled items (``results``),
the modules the runtime imports (``modules``), lark's parse tables and the
bytecode of pick2py itself (``bytecode``, see :mod:`transpiler.launcher`)
live in folders of it. This module imports nothing heavy: the command
asks for the folder before anything else is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "PICK2PY_CACHE"


def cache_root() -> Path:
    """The cache folder (outside any source folder)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("pick2py"))
