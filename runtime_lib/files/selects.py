"""Select lists: SELECT, SSELECT, READNEXT, READLIST, FORMLIST, saved lists.

A process has numbered select lists 0 to 10 (ScarletDME's
HIGH.USER.SELECT), each inactive or holding the ids still to be read.
Wherever a statement takes a list number it also accepts a
:class:`SelectListVar`, the Pick-style select list variable.

``SELECT f TO n`` takes a list-number expression in ScarletDME's default
mode, so it lowers to ``select(f, n)``. A select list *variable*
(``SELECTV f TO var``, or ``SELECT f TO var`` under ``$MODE SELECTV`` / Pick
flavours) lowers to ``outcome, var = selectv(f)``; ``SELECTE TO var`` to
``var = selecte()``; the variable is then passed where a list number goes:
``readnext(var)``, ``readlist(var)``.

Saved lists live in the account file ``$SAVEDLISTS`` (a hashed file called
``$SVLISTS``, created on first use as ScarletDME accounts have it), one
record per list, ids separated by field marks.
"""

from __future__ import annotations

from typing import Optional

from runtime_lib.clauses import ELSE, ON_ERROR, THEN
from runtime_lib.errors import BasicError, DataTypeError
from runtime_lib.files import codes
from runtime_lib.files.account import current_account, open_storage
from runtime_lib.files.codes import fail
from runtime_lib.files.records import FileVar
from runtime_lib.files.seqfiles import SeqFile
from runtime_lib.files.storage import Storage, default_backend
from runtime_lib.state import state
from runtime_lib.values import FM, IM, VM, Unassigned, to_int, to_str

__all__ = [
    "SelectListVar",
    "clearselect",
    "deletelist",
    "formlist",
    "getlist",
    "pass_list",
    "readlist",
    "readnext",
    "return_list",
    "savelist",
    "select",
    "selecte",
    "selected_count",
    "selectinfo",
    "selectv",
    "sselect",
    "stored_copy",
    "writelist",
]

HIGH_USER_SELECT = 10
SAVED_LISTS = "$SAVEDLISTS"
SAVED_LISTS_PATH = "$SVLISTS"


class SelectListVar:
    """A select list held in a variable (ScarletDME's SELLIST type).

    As there, the list is a string of ids that READNEXT walks with a
    pointer rather than consumes: the variable's value stays the whole
    list, and each READNEXT costs the same however long the list is.
    """

    __slots__ = ("ids", "next")

    def __init__(self, ids: list[str]):
        self.ids = ids
        self.next = 0  # index in ids of the entry READNEXT gives next

    def __repr__(self) -> str:
        return f"SelectListVar({len(self.ids) - self.next} of {len(self.ids)} ids left)"

    @property
    def items(self) -> list[str]:
        """The ids still to be read."""
        return self.ids[self.next :]

    def load(self, ids: list[str]) -> None:
        """Hold a new list (none: used up), read from its start."""
        self.ids = ids
        self.next = 0

    def take(self) -> Optional[str]:
        """The next entry, or None when the list is used up."""
        if self.next >= len(self.ids):
            return None
        entry = self.ids[self.next]
        self.next += 1
        return entry

    def basic_str(self) -> str:
        """Return the list's ids separated by field marks."""
        return FM.join(self.ids)


def stored_copy(value: object) -> object:
    """Return what assigning the variable ``value`` came from stores: the
    value itself, or for a select list variable a copy that reads from its
    first id; an unassigned variable is an error naming it.

    ScarletDME's op_stor stores a copy of the descriptor that k_dereference
    made without its remove pointer (DF_REMOVE cleared), and READNEXT walks
    a SELLIST with that pointer (op_readnext calls op_rmvf): ``L2 = L``
    starts L2 at the top and leaves L where it was. The ids are shared.
    op_stor also reports an unassigned value at once (k_unassigned), or
    stores 0 under OPTION UNASSIGNED.WARNING (k_unass_zero), rather than
    copying the unassigned state on for the next reader to report.
    """
    kind = type(value)
    if kind is SelectListVar:
        return SelectListVar(value.ids)
    if kind is Unassigned:
        if state.opt_unassigned_warning:
            return 0
        raise value.fail()
    return value


class _Lists:
    """The numbered lists: remaining ids (reversed, so pop() is next) or None."""

    def __init__(self) -> None:
        self.lists: list[list[str] | None] = [None] * (HIGH_USER_SELECT + 1)
        self.selected = 0


_lists = _Lists()


def selected_count() -> int:
    """Return @SELECTED: the size of the list the last select built."""
    return _lists.selected


def list_number(list_no: object) -> int | SelectListVar:
    """Return a list number checked to be 0-10, or the list variable given."""
    if isinstance(list_no, SelectListVar):
        return list_no
    if isinstance(list_no, Unassigned):
        raise list_no.fail()
    number = to_int(list_no)
    if not 0 <= number <= HIGH_USER_SELECT:
        raise BasicError(codes.MSG_SELECT_RANGE)
    return number


def set_list(list_no: int | SelectListVar, ids: list[str]) -> None:
    """Make a list hold ids (none: inactive) and set @SELECTED."""
    if isinstance(list_no, SelectListVar):
        list_no.load(list(ids))
        return
    _lists.lists[list_no] = ids[::-1] if ids else None
    _lists.selected = len(ids)


def remaining(list_no: int | SelectListVar) -> list[str]:
    """Return the ids a list has left to give, in order."""
    if isinstance(list_no, SelectListVar):
        return list_no.items
    pending = _lists.lists[list_no]
    return pending[::-1] if pending else []


def _storage_of(f: object) -> Storage | None:
    """Return the storage of a file variable, None for a dynamic array."""
    if type(f) is FileVar:
        if f.closed:
            raise BasicError(codes.MSG_NEEDS_FILE)
        return f.storage
    if type(f) is SeqFile:
        raise BasicError(codes.MSG_SELECT_TYPE)
    if isinstance(f, Unassigned):
        raise f.fail()
    return None


def _select(f: object, list_no: object, ordered: bool, has_on_error: bool) -> int:
    target = list_number(list_no)
    state.status = 0
    storage = _storage_of(f)
    if storage is None:
        formlist(f, target)
        return THEN
    try:
        ids = storage.ids()
    except OSError:
        return fail(-codes.ER_RNF, codes.MSG_SELECT.format(codes.ER_RNF), has_on_error)
    if ordered:
        ids.sort(key=lambda s: s.encode("latin-1"))
    set_list(target, ids)
    return THEN


def select(f: object, list_no: object = 0, *, has_on_error: bool = False) -> int:
    """Build a select list of a file's record ids; return THEN.

    ``SELECT f [TO list]``. Hashed files give ids in byte order, directory
    files in folder order. A dynamic array instead of a file variable does
    FORMLIST, as in ScarletDME. Sets @SELECTED.
    """
    return _select(f, list_no, False, has_on_error)


def sselect(f: object, list_no: object = 0, *, has_on_error: bool = False) -> int:
    """Build a select list of a file's record ids sorted by id; return THEN.

    ``SSELECT f [TO list]``: ids in ascending byte order.
    """
    return _select(f, list_no, True, has_on_error)


def selectv(f: object, *, has_on_error: bool = False) -> tuple[int, SelectListVar]:
    """Return (outcome, select list variable) for SELECTV.

    ``SELECTV f TO var`` (and ``SELECT f TO var`` in Pick-style modes). A
    dynamic array gives a list of its fields.
    """
    target = SelectListVar([])
    outcome = _select(f, target, False, has_on_error)
    _lists.selected = len(target.ids)
    return outcome, target


def selecte() -> SelectListVar:
    """Move what is left of list 0 into a select list variable (SELECTE)."""
    items = remaining(0)
    _lists.lists[0] = None
    return SelectListVar(items)


def pass_list(source: object, name: str = "") -> None:
    """EXECUTE ... PASSLIST var: move a select list variable into list 0.

    The executed command reads it as its default list (op_passlist). The
    variable must hold a select list (SELECTV, SELECTE, RTNLIST): anything
    else is "Incorrect data type". @SELECTED is not changed; the caller's
    variable becomes unassigned.
    """
    if not isinstance(source, SelectListVar):
        raise DataTypeError(variable=name or None)
    items = source.items
    source.load([])
    _lists.lists[0] = items[::-1] if items else None


def return_list() -> object:
    """EXECUTE ... RTNLIST var: what list 0 holds after the command, moved
    into a select list variable; "" (and list 0 untouched) when it is not
    active (op_rtnlist)."""
    if _lists.lists[0] is None:
        return ""
    items = remaining(0)
    _lists.lists[0] = None
    return SelectListVar(items)


def readnext(
    list_no: object = 0, *, has_on_error: bool = False, composite: bool = False
) -> tuple[int, str, int, int]:
    """Return (outcome, id, value position, subvalue position) for READNEXT.

    ``READNEXT id[, val[, subval]] [FROM list]``. ELSE (id "") when the list
    is inactive or used up, which also makes it inactive. An entry of an
    exploded list "id VM val [VM subval]" gives the id and its positions;
    plain entries give positions 0. ``composite`` (one target under $MODE
    COMPOSITE.READNEXT) gives the whole entry as the id.
    """
    source = list_number(list_no)
    if isinstance(source, SelectListVar):
        entry = source.take()
        if entry is None:
            return ELSE, "", 0, 0
    else:
        pending = _lists.lists[source]
        if not pending:
            _lists.lists[source] = None
            return ELSE, "", 0, 0
        entry = pending.pop()
        if not pending:
            _lists.lists[source] = None
    if composite or VM not in entry:
        return THEN, entry, 0, 0
    id, _, rest = entry.partition(VM)
    value_text, _, sub_text = rest.partition(VM)
    return THEN, id, _leading_int(value_text), _leading_int(sub_text)


def _leading_int(text: str) -> int:
    digits = ""
    for c in text:
        if not c.isdigit():
            break
        digits += c
    return int(digits) if digits else 0


def readlist(list_no: object = 0) -> tuple[int, str]:
    """Return (outcome, ids) for READLIST: the rest of a list, FM-separated.

    ``READLIST var [FROM list]`` empties the list. ELSE (and "") if the list
    is not active or has nothing left.
    """
    source = list_number(list_no)
    items = remaining(source)
    if isinstance(source, SelectListVar):
        source.load([])
    else:
        _lists.lists[source] = None
    value = FM.join(items)
    return (THEN if value else ELSE), value


def formlist(value: object, list_no: object = 0) -> None:
    """Make a select list from a dynamic array (FORMLIST).

    ``FORMLIST dynarray [TO list]``: each field is one entry; item marks
    count as field marks. Sets @SELECTED.
    """
    target = list_number(list_no)
    text = to_str(value).replace(IM, FM)
    set_list(target, text.split(FM) if text else [])


def clearselect(list_no: object = 0) -> None:
    """Deactivate a select list: ``CLEARSELECT [list]``, ``CLEARSELECT ALL``."""
    if isinstance(list_no, str) and list_no.upper() == "ALL":
        for n in range(HIGH_USER_SELECT + 1):
            _lists.lists[n] = None
        return
    target = list_number(list_no)
    if isinstance(target, SelectListVar):
        target.load([])
    else:
        _lists.lists[target] = None


def selectinfo(list_no: object, key: object) -> int:
    """Return SELECTINFO(list, key): key 1 list active?, key 3 ids left."""
    source = list_number(list_no)
    count = len(remaining(source))
    k = to_int(key)
    if k == 1:
        return 1 if count > 0 else 0
    if k == 3:
        return count
    return 0


# --- saved lists ---------------------------------------------------------------


def _saved_lists(create: bool) -> Storage | None:
    account = current_account()
    status, path = account.resolve(SAVED_LISTS, False)
    if status == codes.ER_NVR and create:
        path = account.absolute(SAVED_LISTS_PATH)
        default_backend().create(path)
        account.write_voc(SAVED_LISTS, "F" + FM + SAVED_LISTS_PATH)
        status = 0
    if status:
        return None
    status, storage = open_storage(path)
    return storage if status == 0 else None


def saved_lists_storage(create: bool = False) -> Storage | None:
    """Return the storage of $SAVEDLISTS (creating it if asked), or None."""
    return _saved_lists(create)


def savelist(name: object, list_no: object = 0) -> int:
    """Save what is left of a select list under a name; return the outcome.

    ``SAVELIST name [FROM list] THEN ... ELSE ...``: ELSE if the list is
    inactive or empty. The list is used up.
    """
    source = list_number(list_no)
    items = remaining(source)
    clearselect(source)
    if not items:
        return ELSE
    storage = _saved_lists(create=True)
    if storage is None:
        return ELSE
    storage.write(to_str(name), FM.join(items))
    return THEN


def getlist(name: object, list_no: object = 0) -> int:
    """Load a saved list into a select list; return THEN, or ELSE if absent.

    ``GETLIST name [TO list] THEN ... ELSE ...``. Sets @SELECTED.
    """
    target = list_number(list_no)
    storage = _saved_lists(create=False)
    key = to_str(name)
    record = storage.read(key) if storage is not None and key else None
    if record is None:
        return ELSE
    set_list(target, record.split(FM) if record else [])
    return THEN


def writelist(value: object, name: object, *, has_on_error: bool = False) -> int:
    """Save a dynamic array of ids as a named list (WRITELIST); return THEN."""
    storage = _saved_lists(create=True)
    key = to_str(name)
    if storage is None or not key:
        return ON_ERROR if has_on_error else ELSE
    storage.write(key, to_str(value).replace(IM, FM))
    return THEN


def deletelist(name: object) -> None:
    """Delete a saved list (DELETELIST name); a missing list is ignored."""
    storage = _saved_lists(create=False)
    key = to_str(name)
    if storage is not None and key:
        storage.delete(key)


def reset() -> None:
    """Deactivate every select list (new session, tests)."""
    _lists.lists = [None] * (HIGH_USER_SELECT + 1)
    _lists.selected = 0
