"""The pipeline in one call: BASIC source in, Python module (or diagnostics) out.

    source -> preprocess -> lex -> parse -> resolve -> flow -> types -> lower -> emit

Used by the command line, the runtime catalogue (which transpiles CALLed
items on demand) and the import hook.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from transpiler.diagnostics import Diagnostic, Diagnostics
from transpiler.lexer import lex
from transpiler.parse import parse
from transpiler.passes.evalorder import early_operands
from transpiler.passes.flow import analyse as analyse_flow
from transpiler.passes.limits import check_nesting
from transpiler.passes.resolve import resolve
from transpiler.passes.types import infer as infer_types
from transpiler.preprocess import PreprocessOptions, preprocess
from transpiler.source import SourceFile, SourceMap


def generator_version() -> str:
    """A hash of the transpiler's own code and of the runtime it generates
    calls to (and folds constants with): cached modules made by another
    version of pick2py are rebuilt, not reused."""
    global _GENERATOR_VERSION
    if _GENERATOR_VERSION is None:
        import hashlib

        digest = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for root in (here, here.parent / "runtime_lib"):
            for path in sorted(root.rglob("*")):
                if path.suffix in (".py", ".lark"):
                    digest.update(path.read_bytes())
        _GENERATOR_VERSION = digest.hexdigest()[:16]
    return _GENERATOR_VERSION


_GENERATOR_VERSION: Optional[str] = None


@dataclass
class Options:
    """What the user can set on the command line."""

    include_path: list[str] = field(default_factory=list)
    defines: set[str] = field(default_factory=set)
    syntax_only: bool = False
    dialect: str = ""  # "", scarletdme, universe or d3 (transpiler/dialects.py)
    account: str = ""  # the account folder: its registry names $INCLUDE files


@dataclass
class Result:
    """The outcome of transpiling one item."""

    name: str
    path: str
    code: Optional[str]
    diagnostics: list[Diagnostic]
    includes: list[str] = field(default_factory=list)
    sha256: str = ""
    registry: list[str] = field(default_factory=list)  # records consulted

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def item_name(path: str | Path) -> str:
    """The catalogue name of an item file: its name without .bas/.b.

    Only the lower-case extensions are taken off: upper case is how Pick
    names items, so CALC.B and PROG.BAS keep their whole names.
    """
    base = os.path.basename(str(path))
    for suffix in (".bas", ".b"):
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base


def module_name(item: str) -> str:
    """The Python module name ``pick2py transpile`` gives an item (without
    making it unique): lower case, other characters as ``_``, ``m_`` before
    a leading digit, ``_`` after a keyword. MONEY.LINE is money_line.

    A name Python already means something by also gets a ``_``: a keyword,
    a dunder (``__init__`` would make the output folder a package), a
    standard library module or one of pick2py's own packages and their
    dependencies, so that an item called OS (os_.py) never shadows ``os``
    for code that has the output folder on ``sys.path``.
    """
    import keyword
    import sys

    base = "".join(c if c.isalnum() else "_" for c in item.lower())
    if not base or base[0].isdigit():
        base = "m_" + base
    if (
        keyword.iskeyword(base)
        or base.startswith("__")
        or base in _TAKEN_MODULES
        or base in sys.stdlib_module_names
    ):
        base += "_"
    return base


# Top-level modules generated code and pick2py itself import.
_TAKEN_MODULES = frozenset(
    [
        "transpiler",
        "runtime_lib",
        "rt",
        "lark",
        "libcst",
        "black",
        "platformdirs",
        "pytest",
        "hypothesis",
        "cryptography",
    ]
)


def transpile_source(
    source: SourceFile, options: Options | None = None, name: str | None = None
) -> Result:
    """Transpile one BASIC item; return its Python source or its diagnostics."""
    with collector_paused():
        return _transpile(source, options or Options(), name)


@contextmanager
def collector_paused():
    """Run a block with Python's cyclic garbage collector off.

    Transpiling allocates hundreds of thousands of nodes that stay alive
    until the item is done, so the collector keeps scanning a growing heap
    and finds next to nothing: about a sixth of the transpiling time over
    GPL.BP. Off for one item, the garbage it leaves is collected after it,
    in one pass (a few megabytes more at the peak).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _transpile(source: SourceFile, options: Options, name: str | None) -> Result:
    name = name or item_name(source.path)
    if is_binary(source.text):
        return Result(
            name, source.path, None, [binary_file(source)], [], source.sha256()
        )
    diagnostics = Diagnostics(SourceMap())
    pre = preprocess(
        source,
        PreprocessOptions(options.include_path, set(options.defines), options.account),
        diagnostics,
    )
    lexed = lex(pre.source_map, diagnostics, options.dialect)
    item = parse(name, source.path, lexed, diagnostics)
    check_nesting(item, diagnostics)
    result = Result(
        name,
        source.path,
        None,
        diagnostics.sorted(),
        pre.includes,
        source.sha256(),
        pre.registry,
    )
    if diagnostics.has_errors() or options.syntax_only:
        return result
    program = resolve(item, diagnostics, lexed.dialect)
    analyse_flow(program, diagnostics)
    infer_types(program)
    program.early_operands = early_operands(program)
    if diagnostics.has_errors():
        result.diagnostics = diagnostics.sorted()
        return result
    from transpiler.emit import module_code

    code = module_code(
        program,
        diagnostics,
        os.path.basename(source.path),
        source.sha256(),
        pre.included,
    )
    result.diagnostics = diagnostics.sorted()
    if not diagnostics.has_errors():
        result.code = code
    return result


def is_binary(text: str) -> bool:
    """Is this an object file, an image, ...? Its start is full of NUL bytes,
    where BASIC source has at most a few, inside string literals."""
    return text.count("\x00", 0, 8192) >= 8


def binary_file(source: SourceFile) -> Diagnostic:
    """The one error for a binary file: reporting every stray character of
    it would bury the point."""
    before = source.text[: source.text.index("\x00")].replace("\r\n", "\n")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    message = "NUL bytes: this is a binary file, not BASIC source"
    return Diagnostic("error", "E-BINARY", message, source.path, line, column, "")


def transpile_file(path: str | Path, options: Options | None = None) -> Result:
    """Read and transpile one BASIC file."""
    return transpile_source(SourceFile.read(path), options)
