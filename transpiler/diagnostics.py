"""Diagnostics: user errors and warnings with positions, gathered per file.

Every stage adds to a :class:`Diagnostics` collection instead of raising, so
a file with three errors reports all three::

    PROG.bas:12:7: error: NEXT without FOR
        NEXT J
        ^

Each diagnostic has a code (``E-PARSE``, ``E-UNSUPPORTED``, ...) so tests and
``docs/unsupported.md`` can refer to it. Bugs in pick2py itself are not
diagnostics: they raise :class:`InternalError`.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from transpiler.source import SourceMap


@dataclass(frozen=True)
class Span:
    """A position in the preprocessed source: line index and 1-based column."""

    line: int
    column: int = 1

    def __repr__(self) -> str:
        return f"Span({self.line}, {self.column})"


NO_SPAN = Span(0, 0)


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a BASIC source."""

    severity: str  # "error" or "warning"
    code: str
    message: str
    path: str
    line: int
    column: int
    source_line: str

    def format(self) -> str:
        """Return ``path:line:col: severity: message``, the line and a caret."""
        head = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if not self.source_line:
            return head
        shown = self.source_line.expandtabs(1)
        caret = " " * (max(self.column, 1) - 1) + "^"
        return f"{head}\n    {printable(shown)}\n    {caret}"


def _physical_line(origin) -> str:
    """The line as written in its file: the preprocessor leaves directive
    lines ($INCLUDE, $IFDEF, ...) empty, but an error on one shows it."""
    lines = origin.file.lines()
    return lines[origin.number - 1] if 1 <= origin.number <= len(lines) else ""


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\xfa-\U0010ffff]")


def printable(text: str) -> str:
    """Return text safe to show on a terminal: control bytes as ``\\xNN``."""
    if _UNPRINTABLE.search(text) is None:
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or code > 0xF9:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Diagnostics:
    """The diagnostics of one item, in the order they were found."""

    source_map: SourceMap
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, span: Span, message: str, code: str = "E-SYNTAX") -> None:
        """Record an error at a position in the preprocessed source."""
        self._add("error", span, message, code)

    def warning(self, span: Span, message: str, code: str = "W-GENERAL") -> None:
        """Record a warning (never fails the item)."""
        self._add("warning", span, message, code)

    def _add(self, severity: str, span: Span, message: str, code: str) -> None:
        origin = self.source_map.origin(span.line)
        diag = Diagnostic(
            severity,
            code,
            message,
            origin.file.path,
            origin.number,
            span.column,
            origin.text or _physical_line(origin),
        )
        if diag not in self.items:
            self.items.append(diag)

    def sorted(self) -> list[Diagnostic]:
        """The diagnostics in source order (by file, line and column)."""
        return sorted(self.items, key=lambda d: (d.path, d.line, d.column))

    @property
    def errors(self) -> list[Diagnostic]:
        """Return only the errors."""
        return [d for d in self.items if d.severity == "error"]

    def has_errors(self) -> bool:
        """Return whether any error was recorded."""
        return any(d.severity == "error" for d in self.items)


class InternalError(Exception):
    """A bug in pick2py (not in the user's BASIC). Reported as such."""

    def __init__(self, message: str, path: str = "", line: int = 0):
        where = f" (while translating {path}:{line})" if path else ""
        super().__init__(
            f"internal error{where}: {message}; please report this to pick2py"
        )
