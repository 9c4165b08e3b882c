"""The ``pick2py`` command: transpile, check and run BASIC programs.

    pick2py transpile PATH... -o OUTDIR     write one Python module per item
    pick2py check PATH...                   report problems only
    pick2py run [OPTIONS] PROGRAM [ARGS]    transpile (cached) and run

Reports go to standard error in plain sentences, with a summary at the end
of a batch; a program's own output is the only thing on standard output.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from transpiler.api import Options, Result, item_name, module_name
from transpiler.cache import transpile_cached
from transpiler.diagnostics import InternalError
from transpiler.lower.naming import unique

SKIPPED_SUFFIXES = (".md", ".out", ".txt", ".py", ".json")


def find_items(paths: list[str]) -> list[Path]:
    """BASIC items named on the command line: files, and the files of folders.

    In a folder every regular file is an item except hidden files and
    ``.md``, ``.out``, ``.txt``, ``.py`` and ``.json`` files.
    """
    items: list[Path] = []
    empty: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = folder_items(path)
            if not found:
                empty.append(p)
            items += found
        elif path.is_file():
            items.append(path)
        else:
            raise UsageError(f"{p}: no such file or folder")
    if not items:  # nothing to do is a mistake, not a success
        raise UsageError(f"{empty[0]}: no BASIC items in this folder")
    for p in empty:
        sys.stderr.write(f"pick2py: {p}: no BASIC items in this folder\n")
    return items


def folder_items(folder: Path) -> list[Path]:
    """The BASIC items of one folder, by name."""
    items = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or not entry.is_file():
            continue
        if entry.name.lower().endswith(SKIPPED_SUFFIXES):
            continue
        items.append(entry)
    return items


class UsageError(Exception):
    """A mistake on the command line (exit status 2)."""


def module_names(items: list[Path]) -> dict[Path, str]:
    """Python module file names for items: lower case, unique, stable."""
    names: dict[Path, str] = {}
    taken: set[str] = set()
    for item in sorted(items, key=lambda p: (item_name(p), str(p))):
        candidate = unique(module_name(item_name(item)), taken)
        taken.add(candidate)
        names[item] = candidate
    return names


def options_from(args) -> Options:
    return Options(
        include_path=list(args.include_path or []),
        defines={d.upper() for d in (args.define or [])},
        syntax_only=getattr(args, "syntax_only", False),
        dialect=args.dialect or "",
        account=transpile_account(args),
    )


def transpile_account(args) -> str:
    """The account whose registry names ``$INCLUDE`` files: ``--account``,
    else the current folder if it is an account (has a registry), else none."""
    from runtime_lib.files.account import Account

    if getattr(args, "account", None):
        if not os.path.isdir(args.account):
            raise UsageError(f"{args.account}: no such account folder")
        return os.path.abspath(args.account)
    here = Account(os.getcwd())
    return here.path if os.path.isdir(here.voc_path) else ""


def transpile_all(items: list[Path], options: Options) -> dict[Path, Result]:
    """Transpile items, showing progress on a terminal for long batches."""
    results: dict[Path, Result] = {}
    show = sys.stderr.isatty() and len(items) > 20
    for n, item in enumerate(items, start=1):
        if show:
            sys.stderr.write(f"\r[{n}/{len(items)}] {item.name[:50]:<50}")
            sys.stderr.flush()
        try:
            results[item] = transpile_cached(item, options)
        except Exception as exc:  # our bug: say so, and go on with the batch
            if not isinstance(exc, InternalError):
                exc = InternalError(f"{type(exc).__name__}: {exc}", str(item))
            sys.stderr.write(f"\n{exc}\n" if show else f"{exc}\n")
            results[item] = Result(item_name(item), str(item), None, [])
    if show:
        sys.stderr.write("\r" + " " * 70 + "\r")
    return results


def included_items(results: dict[Path, Result]) -> set[Path]:
    """Items that other items of the batch $INSERT (not transpiled alone)."""
    included = set()
    for item, result in results.items():
        for inc in result.includes:
            if Path(inc).resolve() != item.resolve():
                included.add(Path(inc).resolve())
    return included


def cmd_transpile(args) -> int:
    items = find_items(args.paths)
    options = options_from(args)
    results = transpile_all(items, options)
    skip = included_items(results)
    items = [i for i in items if i.resolve() not in skip]
    names = module_names(items)
    out = Path(args.output)
    ok = failed = stale = 0
    for item in items:
        result = results[item]
        for d in result.diagnostics:
            sys.stderr.write(d.format() + "\n")
        if result.code is None:
            failed += 1
            continue
        ok += 1
        target = out / (names[item] + ".py")
        if args.check or args.diff:
            stale += report_staleness(target, result, args.diff)
            continue
        write_module(out, target, result.code)
    if args.check or args.diff:
        expected = {names[item] + ".py" for item in items}
        stale += report_orphans(out, expected)
    verb = "checked" if (args.check or args.diff) else "transpiled"
    summary = f"{verb} {file_count(len(items))}: {ok} ok, {failed} failed"
    if args.check or args.diff:
        summary += f", {stale} out of date"
    sys.stderr.write(summary + "\n")
    return 1 if failed or stale else 0


def report_orphans(out: Path, expected: set[str]) -> int:
    """--check/--diff: report generated modules in ``out`` that no item of
    the batch makes any more (their BASIC item was deleted or renamed);
    return how many. Python files pick2py did not write are left alone."""
    from runtime_lib.catalog import is_generated

    if not out.is_dir():
        return 0
    orphans = [
        path
        for path in sorted(out.glob("*.py"))
        if path.name not in expected and is_generated(path)
    ]
    for path in orphans:
        sys.stderr.write(f"{path}: its BASIC item is gone (delete the file)\n")
    return len(orphans)


def file_count(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def write_module(out: Path, target: Path, code: str) -> None:
    """Write a generated module unless it is already up to date; a folder
    that cannot be made or written is the user's to fix (exit status 2)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != code:
            target.write_text(code, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"{out}: cannot write the output folder: {reason}")


def report_staleness(target: Path, result: Result, show_diff: bool) -> int:
    """--check/--diff: report a generated file that is missing, stale or
    edited by hand (return 1), or say nothing (return 0).

    The header's ``Output SHA-256`` tells a hand edit (the file no longer
    matches its own hash) from a stale file (its BASIC changed, or another
    version of pick2py generates different code for it).
    """
    if not target.exists():
        sys.stderr.write(f"{target}: missing\n")
        return 1
    current = target.read_text(encoding="utf-8")
    if current == result.code:
        return 0
    sys.stderr.write(f"{target}: {staleness(current, result)}\n")
    if show_diff:
        diff = difflib.unified_diff(
            current.splitlines(True),
            result.code.splitlines(True),
            str(target),
            str(target) + " (regenerated)",
        )
        sys.stdout.writelines(diff)
    return 1


def staleness(current: str, result: Result) -> str:
    """Why a generated file differs from what pick2py would write now."""
    from transpiler.emit import is_untouched, recorded_includes

    source_sha = result.sha256

    recorded = ""
    for line in current.splitlines()[:8]:
        if line.startswith("Source SHA-256: "):
            recorded = line.split(": ", 1)[1].strip()
    untouched = is_untouched(current)
    if untouched is False:
        return "edited by hand"
    if recorded != source_sha:
        return "stale (its BASIC changed)"
    if result.code is not None and recorded_includes(current):
        before = recorded_includes(current)
        now = recorded_includes(result.code)
        changed = [
            d for d in dict.fromkeys([*now, *before]) if before.get(d) != now.get(d)
        ]
        if changed:
            return f"stale (its {', '.join(changed)} changed)"
    if untouched is None:  # made before pick2py wrote an output hash
        return "edited by hand, or made by another version of pick2py"
    return "stale (made by another version of pick2py)"


def cmd_check(args) -> int:
    items = find_items(args.paths)
    results = transpile_all(items, options_from(args))
    skip = included_items(results)
    checked = [i for i in items if i.resolve() not in skip]
    ok = failed = 0
    for item in checked:
        result = results[item]
        errors = [d for d in result.diagnostics if d.severity == "error"]
        for d in result.diagnostics:
            print(d.format())
        if errors or (result.code is None and not args.syntax_only):
            failed += 1
        else:
            ok += 1
    print(f"checked {file_count(len(checked))}: {ok} ok, {failed} failed")
    return 1 if failed else 0


def cmd_run(args) -> int:
    from runtime_lib import catalog, files, program

    if args.program is None:
        args.parser.error("the following arguments are required: PROGRAM")
    program_path = Path(args.program)
    if program_path.is_dir():
        raise UsageError(folder_given(args.program, program_path))
    here = Path.cwd()
    if args.account:
        account = Path(args.account)
        if not account.is_dir():
            raise UsageError(f"{args.account}: no such account folder")
    else:
        account = Path.cwd()
    cat = catalog.catalog
    cat.include_path = [os.path.abspath(p) for p in args.include_path or []]
    cat.defines = {d.upper() for d in args.define or []}
    cat.dialect = args.dialect or ""
    folders = [os.path.abspath(p) for p in args.catalog or []]
    if program_path.is_file():
        folders.insert(0, str(program_path.resolve().parent))
    cat.folders = folders
    os.chdir(account)
    files.set_account(str(account.resolve()))
    try:
        if program_path.is_file():
            module = cat.load_file(program_path.resolve())
        else:
            module = cat.load(args.program)
    except catalog.NotFound:
        sys.stderr.write(not_found_text(args.program, here, cat.search_path()))
        return 1
    except catalog.CatalogError as exc:
        sys.stderr.write(f"pick2py: {exc}\n")
        return 1
    info = module.__basic__
    if info.kind != "PROGRAM":
        sys.stderr.write(
            f"pick2py: {args.program} is a {info.kind.lower()}, not a program\n"
        )
        return 1
    return program.run(info.entry, list(args.args))


def folder_given(program: str, folder: Path) -> str:
    """What ``pick2py run`` says when PROGRAM is a folder of items."""
    text = f"{program} is a folder: run a program in it"
    items = folder_items(folder)
    programs = [item for item in items if not is_routine(item)]
    if programs or items:
        example = (programs or items)[0].name
        text += f", as in pick2py run {os.path.join(program, example)}"
    return text


_ROUTINE_HEADINGS = ("SUBROUTINE", "FUNCTION", "CLASS")


def is_routine(item: Path) -> bool:
    """Does an item's first statement make it a SUBROUTINE, FUNCTION or
    CLASS, which ``pick2py run`` cannot run? A glance at the text, good
    enough to pick an example program to suggest."""
    try:
        lines = item.read_text("latin-1").splitlines()
    except OSError:
        return False
    for line in lines:
        words = line.replace("(", " ").split()
        if not words or words[0].startswith(("*", "!", "$")) or words[0] == "REM":
            continue
        return words[0].upper() in _ROUTINE_HEADINGS
    return False


def version_text() -> str:
    """``pick2py X.Y.Z (code <hash>)``: the release, and the hash of the
    transpiler and runtime that keys the caches (two checkouts of one
    release that generate different code have different hashes)."""
    from importlib import metadata

    from transpiler.api import generator_version

    try:
        release = metadata.version("pick2py")
    except metadata.PackageNotFoundError:
        release = "unknown"
    return f"pick2py {release} (code {generator_version()})"


def not_found_text(program: str, here: Path, searched: list[str]) -> str:
    """What ``pick2py run`` says when PROGRAM is neither a file nor an item
    of the catalogue: where it looked, and the folders of ``here`` (BP, ...)
    that do hold an item of that name."""
    from transpiler.preprocess import find_item

    text = f"pick2py: {program}: no such program (not a file in {here}"
    if searched:
        text += ", nor an item in " + ", ".join(searched)
    else:
        text += "; no --catalog folders to search"
    text += ")\n"
    if os.sep in program or (os.altsep and os.altsep in program):
        return text
    try:
        folders = sorted(p for p in here.iterdir() if p.is_dir())
    except OSError:
        folders = []
    for folder in folders:
        if folder.name.startswith("."):
            continue
        found = find_item(folder, program)
        if found is not None:
            shown = os.path.join(folder.name, found.name)
            text += f"pick2py: {shown} exists: run it with pick2py run {shown}\n"
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pick2py",
        description="Transpile Pick/MultiValue BASIC (ScarletDME) to Python, and run it.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument(
            "--include-path",
            action="append",
            metavar="DIR",
            help="where $INSERT/$INCLUDE items are found (repeatable)",
        )
        p.add_argument(
            "-D",
            dest="define",
            action="append",
            metavar="NAME",
            help="define a symbol for $IFDEF (repeatable)",
        )
        p.add_argument(
            "--dialect",
            choices=["scarletdme", "universe", "d3"],
            help="the BASIC dialect (default scarletdme; $OPTIONS lines"
            " in a program override it)",
        )

    def account_option(p):
        p.add_argument(
            "--account",
            metavar="DIR",
            help="the account whose registry names $INCLUDE files (default:"
            " the current folder, if it is an account)",
        )

    paths_help = "a BASIC item, or a folder of items (a BP-style folder)"
    t = sub.add_parser(
        "transpile",
        help="write one Python module per BASIC item",
        description="Write one Python module per BASIC item into OUTDIR.",
    )
    t.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    t.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTDIR",
        help="the folder for the Python modules (made if missing)",
    )
    t.add_argument(
        "--check",
        action="store_true",
        help="list generated files that are stale, edited by hand or left"
        " from a deleted item",
    )
    t.add_argument("--diff", action="store_true", help="show what would change")
    account_option(t)
    common(t)
    t.set_defaults(func=cmd_transpile)

    c = sub.add_parser(
        "check",
        help="report problems without writing anything",
        description="Report problems in BASIC items without writing anything:"
        " exit status 0 if all are fine, 1 if some failed, 2 on a usage error.",
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    c.add_argument(
        "--syntax-only", action="store_true", help="report syntax errors only"
    )
    account_option(c)
    common(c)
    c.set_defaults(func=cmd_check)

    r = sub.add_parser(
        "run",
        usage="pick2py run [OPTIONS] PROGRAM [ARGS ...]",
        help="transpile (cached) and run a BASIC program",
        description="Transpile (cached) and run a BASIC program in the current"
        " folder, which is the account. Exit status 0 after a normal end or"
        " STOP, non-zero after ABORT or a run-time error.",
    )
    r.add_argument(
        "--account", metavar="DIR", help="the account folder (default: here)"
    )
    r.add_argument(
        "--catalog",
        action="append",
        metavar="DIR",
        help="folders for CALL and EXECUTE to search (repeatable)",
    )
    common(r)
    # PROGRAM is optional to argparse only so that a missing one is reported
    # alone: argparse would also call the REMAINDER arguments required.
    r.add_argument(
        "program",
        nargs="?",
        metavar="PROGRAM",
        help="the program: a BASIC file, or the name of an item in a --catalog"
        " folder",
    )
    r.add_argument(
        "args",
        nargs=argparse.REMAINDER,
        metavar="ARGS",
        help="arguments for the program (in @SENTENCE after its name)",
    )
    r.set_defaults(func=cmd_run, parser=r)

    from transpiler.cli_files import add_file_commands

    add_file_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        account = getattr(args, "account", None)
        if account and not os.path.isdir(account):
            raise UsageError(f"{account}: no such account folder")
        return args.func(args)
    except UsageError as exc:
        sys.stderr.write(f"pick2py: {exc}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
