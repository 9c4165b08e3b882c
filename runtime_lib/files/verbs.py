"""File commands that EXECUTE and PERFORM run, and the CREATE.FILE statement.

Registered verbs: CREATE.FILE, DELETE.FILE, CLEAR.FILE, SELECT, SSELECT,
COUNT, SAVE.LIST, GET.LIST, DELETE.LIST and CLEARSELECT, each printing
ScarletDME's messages (its ``GPL.BP`` programs CREATEF, DELETEF, CLEARFL,
QPROC, SAVELST, GETLIST, DELLIST and CPROC) and returning its
@SYSTEM.RETURN.CODE. The other query verbs (LIST, SORT, ...) are registered
only to say clearly that pick2py does not run them.

Where ScarletDME would ask a question (DELETE.FILE of a file outside the
account without FORCE) the command answers no and says why.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Iterator

from runtime_lib.clauses import THEN
from runtime_lib.commands import command
from runtime_lib.files import codes
from runtime_lib.files.account import current_account, open_storage
from runtime_lib.files.codes import fail
from runtime_lib.files.dirfile import create_directory_file, map_id
from runtime_lib.files.query import QueryError, parse_query, run_query, tokenize
from runtime_lib.files.records import clearfile, close, open_file
from runtime_lib.files.selects import (
    HIGH_USER_SELECT,
    list_number,
    remaining,
    set_list,
    clearselect,
    saved_lists_storage,
)
from runtime_lib.files.storage import default_backend
from runtime_lib.state import state
from runtime_lib.values import FM, to_str

__all__ = ["create_file"]


_captures: list[list[str]] = []


@contextlib.contextmanager
def captured() -> Iterator[list[str]]:
    """Collect the lines commands print instead of printing them."""
    lines: list[str] = []
    _captures.append(lines)
    try:
        yield lines
    finally:
        _captures.remove(lines)


def say(text: str) -> None:
    """Print one line of command output through the terminal layer."""
    if _captures:
        _captures[-1].append(text)
        return
    try:
        from runtime_lib.terminal import emit
    except ImportError:
        sys.stdout.write(text + "\n")
        return
    emit(text + "\n")


# --- CREATE.FILE ---------------------------------------------------------------


def _create(path: str, kind: str) -> None:
    if kind == "DIRECTORY":
        create_directory_file(path)
    else:
        default_backend().create(path)


def create_file(
    path: object, kind: object = "DYNAMIC", *, has_on_error: bool = False
) -> int:
    """Return the outcome of the CREATE.FILE statement.

    ``CREATE.FILE path DYNAMIC|DIRECTORY [ON ERROR ...]`` makes an empty
    file at an OS path without registering it. A path that exists or cannot
    be made is fatal ("Error 6 creating file") unless ON ERROR.
    """
    state.status = 0
    target = to_str(path)
    if not target:
        return fail(-codes.ER_NAM, codes.MSG_CREATE.format(codes.ER_NAM), has_on_error)
    try:
        _create(target, to_str(kind).upper())
    except OSError:
        code = codes.ER_NOT_CREATED
        return fail(-code, codes.MSG_CREATE.format(code), has_on_error)
    return THEN


_CREATE_OPTIONS = {
    "GROUP.SIZE", "LARGE.RECORD", "MERGE.LOAD", "MINIMUM.MODULUS",
    "SPLIT.LOAD", "VERSION",
}  # fmt: skip
_CREATE_FLAGS = {"NO.CASE", "NO.QUERY", "NO.RESIZE"}


@command("CREATE.FILE")
def create_file_command(words: list[str], sentence: str) -> int:
    """CREATE.FILE [DICT|DATA] name [DIRECTORY|DYNAMIC] [options]."""
    tokens = tokenize(sentence)[1:]
    make_dict = make_data = True
    pos = 0
    if tokens and tokens[0].word in ("DICT", "DATA"):
        make_dict, make_data = tokens[0].word == "DICT", tokens[0].word == "DATA"
        pos = 1
    if pos >= len(tokens):
        say("File name required")
        return -codes.ER_ARGS
    name = tokens[pos].text
    pos += 1
    if "," in name:
        say("Multifiles are not supported by pick2py")
        return -codes.ER_ARGS
    kind = "DYNAMIC"
    if pos < len(tokens) and tokens[pos].word in ("DIRECTORY", "DYNAMIC"):
        kind = tokens[pos].word
        pos += 1
    folder = ""
    while pos < len(tokens):
        word = tokens[pos].word
        if word in _CREATE_OPTIONS and kind == "DYNAMIC" and pos + 1 < len(tokens):
            pos += 2
        elif word in _CREATE_FLAGS:
            pos += 1
        elif word == "PATHNAME" and pos + 1 < len(tokens):
            folder = os.path.abspath(tokens[pos + 1].text)
            if not os.path.isdir(folder):
                say("Directory path name does not exist")
                return -codes.ER_NO_DIR
            pos += 2
        else:
            say(f"Unexpected token ({tokens[pos].text})")
            return -codes.ER_ARGS
    return _create_registered(name, kind, make_dict, make_data, folder)


def _create_registered(
    name: str, kind: str, make_dict: bool, make_data: bool, folder: str
) -> int:
    account = current_account()
    os_name = map_id(name.upper())
    if not name or os_name is None:
        say("Illegal file name")
        return -codes.ER_ARGS
    existing = account.read_voc(name)
    if existing is not None:
        fields = existing.split(FM)
        if fields[0][:1].upper() != "F":
            say(f"VOC record {name} already exists but not as a file")
            return -codes.ER_VNF
        fields += [""] * (3 - len(fields))
        if make_data and fields[1]:
            say("DATA part of file already exists")
            make_data = False
        if make_dict and fields[2]:
            say("DICT part of file already exists")
            make_dict = False
        if not (make_dict or make_data):
            return -codes.ER_ARGS
    else:
        fields = ["F", "", ""]
    dict_path = os_name + ".DIC"
    data_path = os.path.join(folder, os_name) if folder else os_name
    if make_dict and os.path.exists(account.absolute(dict_path)):
        say(f"Dictionary pathname '{dict_path}' already exists")
        return -codes.ER_ARGS
    if make_data and os.path.exists(account.absolute(data_path)):
        say(f"Data pathname '{data_path}' already exists")
        return -codes.ER_ARGS
    if make_dict:
        default_backend().create(account.absolute(dict_path))
        say(f"Created DICT part as {dict_path}")
        fields[2] = dict_path
    if make_data:
        _create(account.absolute(data_path), kind)
        say(f"Created DATA part as {data_path}")
        fields[1] = data_path
    account.write_voc(name, FM.join(fields).rstrip(FM))
    if make_dict:
        status, storage = open_storage(account.absolute(dict_path))
        if storage is not None:
            width = "12L" if kind == "DIRECTORY" else "10L"
            storage.write("@ID", FM.join(["D", "0", "", name, width, "S", ""]))
            say("Added default '@ID' record to dictionary")
    return 0


# --- DELETE.FILE and CLEAR.FILE ------------------------------------------------


def _delete_part(account, path: str, default: str, force: bool, label: str) -> bool:
    full = account.absolute(path)
    if path != default and not force:
        say(f"Not deleting {label} portion '{path}': it is not the file's own folder")
        say("(add FORCE to delete it)")
        return False
    status, storage = open_storage(full)
    try:
        if storage is not None:
            storage.destroy()
        elif os.path.isdir(full):
            raise OSError(path)
    except OSError:
        say(f"Error deleting {label} portion '{path}'")
        return False
    say(f"{label} portion '{path}' deleted")
    return True


@command("DELETE.FILE")
def delete_file_command(words: list[str], sentence: str) -> int:
    """DELETE.FILE [DATA|DICT] name [FORCE] [NO.QUERY]."""
    tokens = tokenize(sentence)[1:]
    delete_dict = delete_data = True
    force = False
    name = ""
    for token in tokens:
        if token.word == "DATA" and not name:
            delete_dict = False
        elif token.word == "DICT" and not name:
            delete_data = False
        elif token.word == "FORCE":
            force = True
        elif token.word == "NO.QUERY":
            pass
        elif name:
            say(f"Unexpected token ({token.text})")
            return -codes.ER_ARGS
        else:
            name = token.text
    if not name:
        say("File name required")
        return -codes.ER_ARGS
    account = current_account()
    record = account.read_voc(name)
    if record is None:
        say(f"No VOC record found for {name}")
        return -codes.ER_STOPPED
    fields = record.split(FM)
    if fields[0][:1].upper() != "F":
        say(f"VOC record {name} is not a file")
        return -codes.ER_VNF
    if name in ("VOC", "$ACC"):
        say(f"Cannot delete system file {name}")
        return -codes.ER_VNF
    fields += [""] * (3 - len(fields))
    default = map_id(name.upper()) or name
    rc = 0
    if delete_data:
        if fields[1]:
            if _delete_part(account, fields[1], default, force, "DATA"):
                fields[1] = ""
            else:
                rc = -codes.ER_ARGS
        else:
            say("DATA part of file does not exist")
    if delete_dict:
        if fields[2]:
            if _delete_part(account, fields[2], default + ".DIC", force, "DICT"):
                fields[2] = ""
            else:
                rc = -codes.ER_ARGS
        else:
            say("DICT part of file does not exist")
    if fields[1] or fields[2]:
        account.write_voc(name, FM.join(fields))
    else:
        account.delete_voc(name)
        say(f"VOC entry '{name}' deleted")
    return rc


@command("CLEAR.FILE")
def clear_file_command(words: list[str], sentence: str) -> int:
    """CLEAR.FILE [DATA|DICT] name."""
    tokens = tokenize(sentence)[1:]
    part = ""
    if tokens and tokens[0].word in ("DATA", "DICT"):
        part = "DICT" if tokens[0].word == "DICT" else ""
        tokens = tokens[1:]
    if not tokens:
        say("File name required")
        return -codes.ER_ARGS
    if len(tokens) > 1:
        say(f"Unexpected token ({tokens[1].text})")
        return -codes.ER_ARGS
    outcome, f = open_file(part, tokens[0].text)
    if outcome != THEN:
        say("File not found")
        return -codes.ER_ARGS
    if f.readonly:  # type: ignore[union-attr]
        say("File is read-only")
        return -codes.ER_RDONLY
    clearfile(f)
    close(f)
    return 0


# --- SELECT, SSELECT, COUNT ----------------------------------------------------------


def _query(sentence: str, verb: str) -> int:
    tokens = tokenize(sentence)[1:]
    try:
        query = parse_query(tokens)
    except QueryError as exc:
        say(str(exc))
        return -codes.ER_ARGS
    outcome, f = open_file("DICT" if query.dict_part else "", query.file_name)
    if outcome != THEN:
        say("File not found")
        return -codes.ER_ARGS
    source = None
    if remaining(0) and not query.ids:
        # An active select list 0 is the input of a query, as in ScarletDME.
        source = remaining(0)
        clearselect(0)
    try:
        ids = run_query(query, f.storage, source, verb == "SSELECT")  # type: ignore[union-attr]
    except QueryError as exc:
        say(str(exc))
        return -codes.ER_ARGS
    finally:
        close(f)
    if verb == "COUNT":
        say(f"{len(ids)} record(s) counted")
        return len(ids)
    target = query.to_list or 0
    if target > HIGH_USER_SELECT:
        say("Select list number missing or invalid")
        return -codes.ER_ARGS
    set_list(list_number(target), ids)
    say(f"{len(ids)} record(s) selected to list {target}")
    return len(ids)


@command("SELECT")
def select_command(words: list[str], sentence: str) -> int:
    """SELECT file [ids] [WITH ...] [BY ...] [TO n]."""
    return _query(sentence, "SELECT")


@command("SSELECT")
def sselect_command(words: list[str], sentence: str) -> int:
    """SSELECT file ...: as SELECT, then sorted by record id."""
    return _query(sentence, "SSELECT")


@command("COUNT")
def count_command(words: list[str], sentence: str) -> int:
    """COUNT file [WITH ...]: prints "N record(s) counted"."""
    return _query(sentence, "COUNT")


@command("LIST", "SORT", "LIST.ITEM", "SORT.ITEM", "LIST.LABEL", "SORT.LABEL",
         "REFORMAT", "SREFORMAT", "SUM", "SHOW", "LIST.DIFF", "LIST.INTER",
         "LIST.UNION", "NSELECT", "QSELECT", "SEARCH")  # fmt: skip
def unsupported_query_command(words: list[str], sentence: str) -> int:
    """Query verbs pick2py does not run: say so."""
    verb = words[0].upper() if words else "?"
    say(f"{verb} is a query command that pick2py does not support")
    return -codes.ER_ARGS


# --- saved lists ---------------------------------------------------------------------


def _list_option(tokens, keyword: str) -> tuple[int | None, str]:
    """Parse an optional "FROM n" / "TO n"; return (list number, error)."""
    if not tokens:
        return 0, ""
    if tokens[0].word != keyword or len(tokens) < 2:
        return None, f"Unexpected token ({tokens[0].text})"
    text = tokens[1].text
    if not text.isdigit() or int(text) > HIGH_USER_SELECT:
        return None, "Select list number missing or invalid"
    if len(tokens) > 2:
        return None, f"Unexpected token ({tokens[2].text})"
    return int(text), ""


@command("SAVE.LIST")
def save_list_command(words: list[str], sentence: str) -> int:
    """SAVE.LIST name [FROM n]."""
    tokens = tokenize(sentence)[1:]
    if not tokens or tokens[0].word == "FROM":
        say("Target list name required")
        return -codes.ER_ARGS
    name = tokens[0].text
    list_no, error = _list_option(tokens[1:], "FROM")
    if list_no is None:
        say(error)
        return -codes.ER_ARGS
    items = remaining(list_no)
    if not items:
        say(f"Select list {list_no} is not active")
        return -codes.ER_ARGS
    storage = saved_lists_storage(create=False)
    if storage is None:
        storage = saved_lists_storage(create=True)
        say("Created $SAVEDLISTS")
    clearselect(list_no)
    storage.write(name, FM.join(items))  # type: ignore[union-attr]
    say(f"{len(items)} records saved to select list '{name}'")
    return len(items)


@command("GET.LIST")
def get_list_command(words: list[str], sentence: str) -> int:
    """GET.LIST name [TO n]."""
    tokens = tokenize(sentence)[1:]
    if not tokens or tokens[0].word == "TO":
        say("Saved select list name missing or invalid")
        return -codes.ER_ARGS
    name = tokens[0].text
    list_no, error = _list_option(tokens[1:], "TO")
    if list_no is None:
        say(error)
        return -codes.ER_ARGS
    storage = saved_lists_storage(create=False)
    record = storage.read(name) if storage is not None else None
    if record is None:
        say(f"Saved select list '{name}' not found")
        return -codes.ER_RNF
    items = record.split(FM) if record else []
    set_list(list_number(list_no), items)
    say(f"{len(items)} record(s) selected to select list {list_no}")
    return len(items)


@command("DELETE.LIST")
def delete_list_command(words: list[str], sentence: str) -> int:
    """DELETE.LIST name."""
    tokens = tokenize(sentence)[1:]
    if not tokens:
        say("List name required")
        return -codes.ER_ARGS
    if len(tokens) > 1:
        say(f"Unexpected token ({tokens[1].text})")
        return -codes.ER_ARGS
    name = tokens[0].text
    if not name:
        say("Illegal null list name")
        return -codes.ER_ARGS
    storage = saved_lists_storage(create=False)
    if storage is None or not storage.exists(name):
        say(f"Saved select list '{name}' not found")
        return -codes.ER_RNF
    storage.delete(name)
    say(f"Deleted saved select list '{name}'")
    return 0


@command("CLEARSELECT")
def clearselect_command(words: list[str], sentence: str) -> int:
    """CLEARSELECT ALL | n."""
    tokens = tokenize(sentence)[1:]
    if tokens and tokens[0].word == "ALL":
        clearselect("ALL")
        say("Cleared all numbered select lists")
        return HIGH_USER_SELECT + 1
    if tokens and tokens[0].text.lstrip("-").isdigit():
        number = int(tokens[0].text)
        if not 0 <= number <= HIGH_USER_SELECT:
            say("Invalid select list number")
            return -codes.ER_ARGS
        clearselect(number)
        say(f"Cleared numbered select list {number}")
        return number
    say("ALL or select list number required")
    return -codes.ER_ARGS
