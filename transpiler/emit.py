"""Emitting a module: libcst tree -> source text in black's layout, and a self-check.

The generated module is laid out as black lays it out (by
:mod:`transpiler.layout`, which does it without running black) and must
compile and call only runtime functions that exist; if not, that is a bug
in pick2py, reported as an internal error naming the item, never as a
problem in the user's BASIC.

The header then gets an ``Output SHA-256:`` line: the hash of the module
without that line. ``pick2py transpile --check`` recomputes it to tell a
file edited by hand from one that is merely stale.
"""

from __future__ import annotations

import hashlib
import re
from typing import Optional

from transpiler import layout
from transpiler.diagnostics import InternalError
from transpiler.lower.module import build_module, missing_runtime_names
from transpiler.lower.render import module_code as render_code
from transpiler.passes.resolve import Program


def module_code(
    program: Program, diagnostics, source_name: str, sha: str, included=()
) -> str:
    """Lower a resolved item to formatted, compiled-and-checked Python source.

    ``included`` lists the item's includes as (directive, SHA-256) for the
    header.
    """
    name = program.main.name
    code = render_code(build_module(program, diagnostics, source_name, sha, included))
    missing = missing_runtime_names(code)
    if missing:
        raise InternalError(
            f"generated code calls rt.{', rt.'.join(sorted(missing))}, "
            "which the runtime does not have",
            source_name,
        )
    try:
        code = layout.format_module(code)
    except Exception as exc:  # our own output could not be laid out: our bug
        raise InternalError(
            f"generated code for {name} could not be laid out ({exc})", source_name
        ) from exc
    code = sign(code)
    try:
        compile(code, source_name + ".py", "exec")
    except SyntaxError as exc:
        raise InternalError(
            f"generated code for {name} does not compile ({exc.msg})", source_name
        ) from exc
    return code


_SOURCE_LINE = re.compile(r"^Source SHA-256: [0-9a-f]*\n", re.M)
_OUTPUT_LINE = re.compile(r"^Output SHA-256: ([0-9a-f]{64})\n", re.M)
_HEADER_LINES = 8


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def sign(code: str) -> str:
    """Return the module with its ``Output SHA-256`` line after ``Source SHA-256``."""
    match = _SOURCE_LINE.search(code)
    if match is None:
        return code
    line = f"Output SHA-256: {_digest(code)}\n"
    return code[: match.end()] + line + code[match.end() :]


_INCLUDE_LINE = re.compile(r"^Include SHA-256: ([0-9a-f]{64}) (.*)$", re.M)


def recorded_includes(text: str) -> dict[str, str]:
    """The includes a generated module's header records: directive -> SHA-256."""
    end = text.find('"""', 3)
    header = text[: end if end > 0 else len(text)]
    return {m.group(2): m.group(1) for m in _INCLUDE_LINE.finditer(header)}


def is_untouched(text: str) -> Optional[bool]:
    """Whether a generated file is as pick2py wrote it (None: no hash line)."""
    head_end = 0
    for _ in range(_HEADER_LINES):
        head_end = text.find("\n", head_end) + 1
        if head_end == 0:
            head_end = len(text)
            break
    match = _OUTPUT_LINE.search(text, 0, head_end)
    if match is None:
        return None
    unsigned = text[: match.start()] + text[match.end() :]
    return _digest(unsigned) == match.group(1)
