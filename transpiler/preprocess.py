"""The preprocessor: includes and conditional compilation, line by line.

It reproduces BCOMP's pre-tokenising steps:

- ``$INCLUDE rec``, ``$INCLUDE file rec``, ``$INSERT ...`` and the
  ``INCLUDE`` statement splice another item in place of the line. A one-word
  include is looked for beside the including item, then on the include path,
  then in a SYSCOM file (the account's registered SYSCOM, or a SYSCOM folder
  beside those folders). A two-word include names a file (``SYSCOM
  KEYS.H``): when the account is known, the file the account's registry
  gives that name, as BCOMP opens it through the VOC; else (or when the
  registry lacks it) a folder of that name beside the including folder or
  on the include path. Names match case-insensitively when there is no
  exact match, and may carry a lower-case ``.bas``/``.b``. Includes nest to 10 levels,
  as in ScarletDME.
- ``$IFDEF``/``$IFNDEF``/``$ELSE``/``$ENDIF`` (or ``#`` forms) keep or drop
  lines. ``$DEFINE`` symbols and ``-D`` names count as defined.

Dropped and directive lines stay in the map as empty lines, so line numbers
of the including item do not move. ``$DEFINE`` and other ``$`` directives
are passed on to the lexer, which applies their meaning in order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from transpiler.diagnostics import Diagnostics, Span
from transpiler.source import SourceFile, SourceLine, SourceMap

MAX_INCLUDE_DEPTH = 10
# Only lower-case extensions: CALC.B and PROG.BAS are item names, as a
# Pick account would have them (see api.item_name).
ITEM_SUFFIXES = ("", ".bas", ".b")


@dataclass
class PreprocessOptions:
    """Where includes are looked for and which symbols are predefined."""

    include_path: list[str] = field(default_factory=list)
    defines: set[str] = field(default_factory=set)
    account: str = ""  # the account folder whose registry names files


@dataclass
class Preprocessed:
    """The result: the spliced lines and the include files that were read.

    ``registry`` lists the registry records consulted (existing or not), so
    that a cached result is made again when one of them changes.
    """

    source_map: SourceMap
    includes: list[str]
    registry: list[str] = field(default_factory=list)
    # Each include read: the directive as written ("$INSERT H") and the
    # SHA-256 of the item, for the generated module's header.
    included: list[tuple[str, str]] = field(default_factory=list)


def find_item(folder: Path, name: str) -> Path | None:
    """Return the file for an item name in a folder, matching as BCOMP users
    expect: exact name first, then with a ``.bas``/``.b`` extension, then the
    name ignoring case (the extension still lower case)."""
    if not folder.is_dir():
        return None
    for suffix in ITEM_SUFFIXES:
        candidate = folder / (name + suffix)
        if candidate.is_file():
            return candidate
    wanted = name.lower()
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return None
    for suffix in ITEM_SUFFIXES:
        for entry in entries:
            if not entry.endswith(suffix):
                continue
            stem = entry[: len(entry) - len(suffix)]
            if stem.lower() == wanted and (folder / entry).is_file():
                return folder / entry
    return None


def find_folder(base: Path, name: str) -> Path | None:
    """Return a subfolder of ``base`` by name, ignoring case if needed."""
    exact = base / name
    if exact.is_dir():
        return exact
    try:
        for entry in sorted(os.listdir(base)):
            if entry.lower() == name.lower() and (base / entry).is_dir():
                return base / entry
    except OSError:
        return None
    return None


class Preprocessor:
    """Expands includes and conditional compilation for one item."""

    def __init__(self, options: PreprocessOptions, diagnostics: Diagnostics):
        self.options = options
        self.diagnostics = diagnostics
        self.source_map = diagnostics.source_map
        self.defined = set(options.defines)
        self.includes: list[str] = []
        self.registry: list[str] = []
        self.included: list[tuple[str, str]] = []
        self._account = None

    def run(self, source: SourceFile) -> Preprocessed:
        """Preprocess an item and return its spliced lines."""
        self._process(source, depth=0)
        return Preprocessed(
            self.source_map, self.includes, self.registry, self.included
        )

    def _process(self, source: SourceFile, depth: int) -> None:
        # Each entry: (keeping lines?, an $ELSE was seen)
        conditions: list[tuple[bool, bool]] = []
        for number, text in enumerate(source.lines(), start=1):
            line = SourceLine(text, source, number)
            active = not conditions or all(keep for keep, _ in conditions)
            # Only directives need more than the first word (and most lines
            # are not directives: split the rest only for them).
            words = text.split(None, 1)
            first = words[0].upper() if words else ""
            if first[:1] in "$#" or first == "INCLUDE":
                words = text.split()
            if first[:1] in "$#" and first[1:] in ("IFDEF", "IFNDEF", "ELSE", "ENDIF"):
                self.source_map.add(SourceLine("", source, number))
                self._condition(first[1:], words, conditions, line)
                continue
            if not active:
                self.source_map.add(SourceLine("", source, number))
                continue
            if first in ("$INCLUDE", "$INSERT", "INCLUDE", "#INCLUDE"):
                if first == "INCLUDE" and len(words) > 1 and words[1][:1] in "=<([":
                    self.source_map.add(line)  # an assignment to a variable INCLUDE
                    continue
                index = self.source_map.add(SourceLine("", source, number))
                self._include(words, source, depth, Span(index, 1))
                continue
            if first[:1] in "$#" and first[1:] == "DEFINE" and len(words) > 1:
                self.defined.add(words[1].upper())
            self.source_map.add(line)
        if conditions:
            index = len(self.source_map.lines)
            self.diagnostics.error(
                Span(index, 1), "$IFDEF without $ENDIF", "E-PREPROCESS"
            )

    def _condition(self, word, words, conditions, line: SourceLine) -> None:
        index = len(self.source_map.lines)
        span = Span(index, 1)
        if word in ("IFDEF", "IFNDEF"):
            if len(words) < 2:
                self.diagnostics.error(span, f"${word} needs a name", "E-PREPROCESS")
                conditions.append((False, False))
                return
            defined = words[1].upper() in self.defined
            conditions.append((defined if word == "IFDEF" else not defined, False))
        elif word == "ELSE":
            if not conditions or conditions[-1][1]:
                self.diagnostics.error(span, "$ELSE without $IFDEF", "E-PREPROCESS")
                return
            keep, _ = conditions[-1]
            conditions[-1] = (not keep, True)
        else:
            if not conditions:
                self.diagnostics.error(span, "$ENDIF without $IFDEF", "E-PREPROCESS")
                return
            conditions.pop()

    def _include(self, words: list[str], source: SourceFile, depth: int, span) -> None:
        args = [a for a in words[1:] if not a.startswith(";")]
        if not args:
            self.diagnostics.error(span, "include name missing", "E-INCLUDE")
            return
        if depth >= MAX_INCLUDE_DEPTH:
            self.diagnostics.error(
                span, "includes nested more than 10 levels deep", "E-INCLUDE"
            )
            return
        path = self._resolve(args[:2], Path(source.path).parent)
        if path is None:
            shown = " ".join(args[:2])
            self.diagnostics.error(span, f"include {shown} not found", "E-INCLUDE")
            return
        self.includes.append(str(path))
        included = SourceFile.read(path)
        directive = " ".join([words[0].upper()] + args[:2])
        self.included.append((directive, included.sha256()))
        self._process(included, depth + 1)

    def _resolve(self, args: list[str], here: Path) -> Path | None:
        search = [here] + [Path(p) for p in self.options.include_path]
        if len(args) == 1:
            for folder in search:
                found = find_item(folder, args[0])
                if found:
                    return found
            # ScarletDME also looks in SYSCOM for a one-word include.
            syscom = self._registered("SYSCOM")
            if syscom and (found := find_item(syscom, args[0])):
                return found
            for folder in search:
                for base in (folder, folder.parent):
                    syscom = find_folder(base, "SYSCOM")
                    if syscom and (found := find_item(syscom, args[0])):
                        return found
            return None
        file_name, item = args
        registered = self._registered(file_name)
        if registered and (found := find_item(registered, item)):
            return found
        for folder in search:
            for base in (folder, folder.parent):
                sub = find_folder(base, file_name)
                if sub and (found := find_item(sub, item)):
                    return found
            if folder.name.lower() == file_name.lower():
                if found := find_item(folder, item):
                    return found
        return None

    def _registered(self, name: str) -> Path | None:
        """The folder the account's registry names ``name`` (or its upper
        case form, as BCOMP tries), or None."""
        if not self.options.account:
            return None
        from runtime_lib.files.account import Account
        from runtime_lib.files.dirfile import map_id

        if self._account is None:
            self._account = Account(self.options.account)
        for candidate in dict.fromkeys((name, name.upper())):
            record = map_id(candidate)
            if record is None or candidate == "VOC":
                continue
            self.registry.append(os.path.join(self._account.voc_path, record))
            status, path = self._account.resolve(candidate, False)
            if status == 0 and os.path.isdir(path):
                return Path(path)
        return None


def preprocess(
    source: SourceFile, options: PreprocessOptions, diagnostics: Diagnostics
) -> Preprocessed:
    """Preprocess one item into the diagnostics' source map."""
    return Preprocessor(options, diagnostics).run(source)
