"""Select lists: SELECT, READNEXT, READLIST, FORMLIST, SELECTINFO, saved lists."""

from __future__ import annotations

import pytest

import runtime_lib.files as rt
from runtime_lib.clauses import ELSE, THEN
from runtime_lib.commands import find_command
from runtime_lib.errors import BasicError
from runtime_lib.files import reset_session, selects
from runtime_lib.files.verbs import captured
from runtime_lib.values import FM, IM, VM, to_str


@pytest.fixture
def account(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rt.set_account(tmp_path)
    reset_session()
    yield tmp_path
    reset_session()


def make_file(name: str, ids: list[str], kind: str = "DYNAMIC"):
    with captured():
        find_command("CREATE.FILE")([], f"CREATE.FILE {name} {kind}")
    f = rt.open_file("", name)[1]
    for id in ids:
        rt.write("rec " + id, f, id)
    return f


def drain(list_no=0) -> list[str]:
    ids = []
    while True:
        outcome, id, _, _ = rt.readnext(list_no)
        if outcome != THEN:
            return ids
        ids.append(id)


@pytest.mark.parametrize("kind", ["DYNAMIC", "DIRECTORY"])
def test_select_and_sselect(account, kind):
    f = make_file("F", ["b", "A", "c", "B10", "B9"], kind)
    assert rt.select(f) == THEN
    assert rt.selected_count() == 5  # @SELECTED
    assert sorted(drain()) == ["A", "B10", "B9", "b", "c"]
    rt.sselect(f, 3)
    assert drain(3) == ["A", "B10", "B9", "b", "c"]  # byte order


def test_empty_file_selects_nothing(account):
    f = make_file("F", [])
    rt.select(f)
    assert rt.readnext() == (ELSE, "", 0, 0)
    assert rt.selectinfo(0, 1) == 0
    assert rt.selected_count() == 0


@pytest.mark.parametrize(
    "entry, expected",
    [
        ("ID", (THEN, "ID", 0, 0)),
        ("ID" + VM + "3", (THEN, "ID", 3, 0)),  # exploded list: value position
        ("ID" + VM + "3" + VM + "2", (THEN, "ID", 3, 2)),  # and subvalue
        ("ID" + VM + "x", (THEN, "ID", 0, 0)),  # non-digits give 0
    ],
)
def test_readnext_positions(account, entry, expected):
    rt.formlist(entry)
    assert rt.readnext() == expected


@pytest.mark.parametrize(
    "source, ids",
    [
        ("a" + FM + "b", ["a", "b"]),
        ("a" + IM + "b", ["a", "b"]),  # _FORMLST: item marks become field marks
        ("a" + FM + FM + "b", ["a", "", "b"]),  # empty entries are kept
        ("", []),  # an empty list is not active
    ],
)
def test_formlist(account, source, ids):
    rt.formlist(source, 4)
    assert rt.selectinfo(4, 3) == len(ids)
    assert drain(4) == ids


def test_select_of_dynamic_array_is_formlist(account):
    """op_select: a value that is not a file variable does FORMLIST."""
    rt.select("x" + FM + "y")
    assert drain() == ["x", "y"]


def test_readlist(account):
    rt.formlist("a" + FM + "b" + FM + "c")
    rt.readnext()
    assert rt.readlist() == (THEN, "b" + FM + "c")  # what is left
    assert rt.readlist() == (ELSE, "")  # the list is used up
    assert rt.selectinfo(0, 1) == 0


@pytest.mark.parametrize(
    "key, expected",
    [
        (1, 1),  # SL$ACTIVE
        (3, 2),  # SL$COUNT: ids left
        (2, 0),  # other keys give 0
    ],
)
def test_selectinfo(account, key, expected):
    rt.formlist("a" + FM + "b" + FM + "c", 1)
    rt.readnext(1)
    assert rt.selectinfo(1, key) == expected


def test_clearselect(account):
    for n in (0, 5, 10):
        rt.formlist("a", n)
    rt.clearselect(5)
    assert [rt.selectinfo(n, 1) for n in (0, 5, 10)] == [1, 0, 1]
    rt.clearselect("ALL")
    assert [rt.selectinfo(n, 1) for n in (0, 5, 10)] == [0, 0, 0]


@pytest.mark.parametrize("list_no", [-1, 11, 99])
def test_list_number_out_of_range(account, list_no):
    with pytest.raises(BasicError, match="Select list number out of range"):
        rt.readnext(list_no)


def test_select_list_variables(account):
    f = make_file("F", ["1", "2", "3"])
    outcome, var = rt.selectv(f)
    assert outcome == THEN and isinstance(var, rt.SelectListVar)
    assert rt.selectinfo(var, 3) == 3
    assert rt.readnext(var)[:2] == (THEN, "1")
    assert rt.readlist(var) == (THEN, "2" + FM + "3")
    rt.formlist("x" + FM + "y")
    rt.readnext()
    var = rt.selecte()  # SELECTE: the rest of list 0 moves to the variable
    assert rt.selectinfo(0, 1) == 0
    assert drain(var) == ["y"]


def test_readnext_walks_a_list_variable_without_changing_its_value(account):
    # op_readnext takes a SELLIST's next field with op_rmvf: the remove
    # pointer moves, the string stays whole.
    f = make_file("F", ["1", "2", "3"])
    _, var = rt.selectv(f)
    assert rt.readnext(var)[:2] == (THEN, "1")
    assert to_str(var) == "1" + FM + "2" + FM + "3"
    assert rt.selectinfo(var, 3) == 2
    assert drain(var) == ["2", "3"]
    assert rt.readnext(var)[0] == ELSE


def test_saved_lists(account):
    assert rt.getlist("NOPE") == ELSE
    rt.formlist("a" + FM + "b")
    assert rt.savelist("MINE") == THEN
    assert rt.selectinfo(0, 1) == 0  # SAVELIST uses the list up
    assert rt.savelist("EMPTY") == ELSE  # nothing active to save
    assert rt.getlist("MINE", 2) == THEN
    assert rt.selected_count() == 2
    assert drain(2) == ["a", "b"]
    assert rt.writelist("p" + FM + "q", "OTHER") == THEN
    assert rt.getlist("OTHER") == THEN and drain() == ["p", "q"]
    rt.deletelist("OTHER")
    assert rt.getlist("OTHER") == ELSE
    rt.deletelist("NEVER")  # deleting a missing list is no error
    # $SAVEDLISTS is an ordinary registered file.
    f = rt.open_file("", "$SAVEDLISTS")[1]
    assert rt.read(f, "MINE") == (THEN, "a" + FM + "b")


def test_select_needs_an_open_record_file(account, tmp_path):
    f = make_file("F", ["a"])
    rt.close(f)
    with pytest.raises(BasicError, match="Requires file variable"):
        rt.select(f)
    s = rt.openseq(str(tmp_path / "seq.txt"))[1]
    with pytest.raises(BasicError, match="Illegal file type for SELECT"):
        rt.select(s)


def test_passlist_and_rtnlist(account):
    """EXECUTE ... PASSLIST var moves a select list variable into list 0
    (op_passlist); RTNLIST moves list 0 back out (op_rtnlist)."""
    f = make_file("F", ["1", "2", "3"])
    _, var = rt.selectv(f)
    rt.readnext(var)
    selects.pass_list(var, "L")
    assert rt.selected_count() == 3  # @SELECTED is not changed
    assert rt.readnext()[:2] == (THEN, "2")
    back = selects.return_list()
    assert isinstance(back, rt.SelectListVar) and back.items == ["3"]
    assert rt.selectinfo(0, 1) == 0
    assert selects.return_list() == ""  # no active list 0: a null string
    for wrong in ("1" + FM + "2", 0):
        with pytest.raises(BasicError, match="^Incorrect data type in L$"):
            selects.pass_list(wrong, "L")
