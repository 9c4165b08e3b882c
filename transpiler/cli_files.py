"""``pick2py`` subcommands for the files of an account.

    pick2py create-file NAME [--directory]       make a hashed (or directory) file
    pick2py list-files                           the files the registry names
    pick2py register-file NAME FOLDER            register an existing folder
    pick2py export NAME FOLDER [ID...]           records to a ScarletDME directory file
    pick2py import FOLDER NAME [ID...]           records from a ScarletDME directory file

All take ``--account DIR`` (default: the current folder). They are thin
wrappers over :mod:`runtime_lib.files.admin`.
"""

from __future__ import annotations

import sys


def add_file_commands(sub) -> None:
    """Register the file subcommands on the main argument parser."""

    def account(p):
        p.add_argument(
            "--account", metavar="DIR", help="the account folder (default: here)"
        )

    c = sub.add_parser(
        "create-file",
        help="create a file in the account",
        description="Create a file in the account, as CREATE.FILE does: its"
        " data and dictionary parts, registered under NAME.",
    )
    c.add_argument("name", metavar="NAME", help="the file's name")
    c.add_argument(
        "--directory",
        action="store_true",
        help="a directory file (one OS file per record) instead of hashed",
    )
    account(c)
    c.set_defaults(func=cmd_create_file)

    ls = sub.add_parser(
        "list-files",
        help="list the account's files",
        description="List the files the account's registry names: type,"
        " record count and folder.",
    )
    account(ls)
    ls.set_defaults(func=cmd_list_files)

    r = sub.add_parser(
        "register-file",
        help="register an existing folder as a file",
        description="Register an existing folder (a directory or hashed file)"
        " in the account under NAME, so programs can OPEN it.",
    )
    r.add_argument("name", metavar="NAME", help="the name programs OPEN it by")
    r.add_argument("folder", metavar="FOLDER", help="an existing folder")
    r.add_argument("--dict", metavar="FOLDER", help="its dictionary folder")
    account(r)
    r.set_defaults(func=cmd_register_file)

    name_help = "the account's file"
    folder_help = "a ScarletDME directory file: a folder, one OS file per record"
    for verb, helptext, description in (
        (
            "export",
            "copy records to a ScarletDME directory file",
            "Copy records of the account's file NAME into FOLDER (made if"
            " missing), one OS file per record, as a ScarletDME directory file.",
        ),
        (
            "import",
            "copy records from a ScarletDME directory file",
            "Copy the records of FOLDER, a ScarletDME directory file, into the"
            " account's file NAME.",
        ),
    ):
        p = sub.add_parser(verb, help=helptext, description=description)
        if verb == "export":
            p.add_argument("name", metavar="NAME", help=name_help)
            p.add_argument("folder", metavar="FOLDER", help=folder_help)
        else:
            p.add_argument("folder", metavar="FOLDER", help=folder_help)
            p.add_argument("name", metavar="NAME", help=name_help)
        p.add_argument("ids", nargs="*", metavar="ID", help="only these records")
        p.add_argument("--dict", action="store_true", help="the file's dictionary part")
        p.add_argument("--keep", action="store_true", help="do not overwrite records")
        account(p)
        p.set_defaults(func=cmd_copy, verb=verb)


def _fail(exc) -> int:
    sys.stderr.write(f"pick2py: {exc}\n")
    return 1


def cmd_create_file(args) -> int:
    from runtime_lib.files import admin

    try:
        messages = admin.create_file(
            args.name,
            "DIRECTORY" if args.directory else "DYNAMIC",
            account=args.account,
        )
    except admin.AdminError as exc:
        return _fail(exc)
    for line in messages:
        sys.stderr.write(line + "\n")
    return 0


def cmd_list_files(args) -> int:
    from runtime_lib.files import admin

    try:
        entries = admin.list_files(account=args.account)
    except admin.AdminError as exc:
        return _fail(exc)
    for e in entries:
        count = "" if e.records is None else f"{e.records} records"
        print(f"{e.name:<24} {e.kind:<10} {count:<16} {e.data_path}")
    sys.stderr.write(f"{len(entries)} files\n")
    return 0


def cmd_register_file(args) -> int:
    from runtime_lib.files import admin

    try:
        admin.register_file(
            args.name, args.folder, dict_path=args.dict, account=args.account
        )
    except admin.AdminError as exc:
        return _fail(exc)
    return 0


def cmd_copy(args) -> int:
    from runtime_lib.files import admin

    ids = args.ids or None
    try:
        if args.verb == "export":
            n = admin.export_records(
                args.name,
                args.folder,
                ids=ids,
                dict_part=args.dict,
                overwrite=not args.keep,
                account=args.account,
            )
        else:
            n = admin.import_records(
                args.folder,
                args.name,
                ids=ids,
                dict_part=args.dict,
                overwrite=not args.keep,
                account=args.account,
            )
    except admin.AdminError as exc:
        return _fail(exc)
    sys.stderr.write(f"{n} records copied\n")
    return 0
