"""The ``pick2py`` command's entry point: keep pick2py's bytecode, then run.

Every ``pick2py`` process imports the transpiler, libcst and the runtime,
about 130 modules of pick2py's own. Where Python may not write bytecode
(``PYTHONDONTWRITEBYTECODE``, or a read-only checkout) each process
compiled them all again from source: a third of the time of a short
``pick2py run``. The command therefore keeps the bytecode of what it
imports under its cache folder (``sys.pycache_prefix``), never beside the
sources, whatever that setting says. Only this process is affected: code
that imports the transpiler as a library keeps its own settings.
"""

from __future__ import annotations

import sys


def main() -> int:
    from transpiler.cachedir import cache_root

    sys.pycache_prefix = str(cache_root() / "bytecode")
    sys.dont_write_bytecode = False
    from transpiler.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
