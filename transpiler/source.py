"""BASIC source files and the map from preprocessed lines back to them.

Sources are bytes; ScarletDME stores one character per byte, so they are
decoded as Latin-1 (every byte maps to one character and back). CR LF and
lone CR line ends are accepted.

The preprocessor splices ``$INSERT`` files into the including item, so a
line of the token stream may come from another file. Every preprocessed line
keeps its origin (:class:`SourceLine`); positions in tokens and AST nodes use
the index of the preprocessed line, and :class:`SourceMap` turns that back
into a file, a line number and the line's text for messages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceFile:
    """One BASIC source file, decoded one character per byte."""

    path: str
    text: str

    @classmethod
    def read(cls, path: str | Path) -> "SourceFile":
        """Read a file from disk as Latin-1 bytes."""
        data = Path(path).read_bytes()
        return cls(str(path), data.decode("latin-1"))

    @classmethod
    def from_text(cls, path: str, text: str) -> "SourceFile":
        """Wrap text already in memory (tests, generated input)."""
        return cls(path, text)

    def lines(self) -> list[str]:
        """Return the physical lines without their line ends."""
        text = self.text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines

    def sha256(self) -> str:
        """Return the hash of the file's bytes (used to detect stale output)."""
        return hashlib.sha256(self.text.encode("latin-1")).hexdigest()


@dataclass(frozen=True)
class SourceLine:
    """One preprocessed line and where it came from."""

    text: str
    file: SourceFile
    number: int  # 1-based line number in ``file``


@dataclass
class SourceMap:
    """The preprocessed lines of one item, indexed from 1."""

    lines: list[SourceLine] = field(default_factory=list)

    def add(self, line: SourceLine) -> int:
        """Append a line and return its 1-based index."""
        self.lines.append(line)
        return len(self.lines)

    def origin(self, index: int) -> SourceLine:
        """Return the line that preprocessed line ``index`` came from."""
        if 1 <= index <= len(self.lines):
            return self.lines[index - 1]
        if self.lines:
            last = self.lines[-1]
            return SourceLine("", last.file, last.number + 1)
        return SourceLine("", SourceFile("<unknown>", ""), 1)
