"""Record statements: OPEN, READ, WRITE, DELETE, locks in one process, FILEINFO.

The two conformance programs ``file_records.bas`` and ``file_locks.bas`` are
replayed statement by statement through the runtime API and must print
exactly their recorded ScarletDME output.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import runtime_lib.files as rt
from runtime_lib.clauses import ELSE, LOCKED, ON_ERROR, THEN
from runtime_lib.commands import find_command
from runtime_lib.errors import BasicError
from runtime_lib.files import reset_session
from runtime_lib.files.verbs import captured
from runtime_lib.state import state
from runtime_lib.values import FM, SM, VM, Unassigned

KINDS = ["DYNAMIC", "DIRECTORY"]


@pytest.fixture
def account(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rt.set_account(tmp_path)
    reset_session()
    yield tmp_path
    reset_session()


def execute(sentence: str) -> tuple[int, list[str]]:
    words = sentence.split()
    with captured() as lines:
        rc = find_command(words[0])(words, sentence)
    return rc, lines


def make_file(name: str, kind: str = "DYNAMIC"):
    execute(f"CREATE.FILE {name} {kind}")
    outcome, f = rt.open_file("", name)
    assert outcome == THEN
    return f


class FakeMatrix:
    """Stands in for runtime_lib.matrix.Matrix: parse_from and build."""

    def __init__(self, size: int):
        self.elements = [""] * (size + 1)

    def parse_from(self, record: str) -> None:
        parts = record.split(FM)
        size = len(self.elements) - 1
        self.elements[1:] = (parts[:size] + [""] * size)[:size]
        self.elements[0] = FM.join(parts[size:])

    def build(self) -> str:
        return FM.join(self.elements[1:]).rstrip(FM)


def caret(s: str) -> str:
    """CONVERT(@FM : @VM, "^]", s)."""
    return s.replace(FM, "^").replace(VM, "]")


def test_file_records_conformance(account):
    """conformance/file_records.bas prints exactly file_records.out."""
    out = []
    execute("DELETE.FILE CASE.RECORDS")
    execute("CREATE.FILE CASE.RECORDS DYNAMIC")
    outcome, f = rt.open_file("", "CASE.RECORDS")
    assert outcome == THEN
    rt.write("Ann" + FM + "41" + FM + "red" + VM + "blue", f, "P1")
    rt.write("Bob" + FM + "35", f, "P2")
    rt.write("Cy", f, "P3")
    outcome, r = rt.read(f, "P1")
    out.append(caret(r) if outcome == THEN else "no P1")
    outcome, r = rt.read(f, "NOPE")
    out.append("unexpected" if outcome == THEN else "no NOPE")
    outcome, v = rt.readv(f, "P2", 2)
    if outcome == THEN:
        out.append("age " + v)
    rt.writev("36", f, "P2", 2)
    outcome, v = rt.readv(f, "P2", 2)
    out.append("age now " + (v if outcome == THEN else "?"))
    outcome, v = rt.readv(f, "P1", 0)
    if outcome == THEN:
        out.append("exists P1")
    rec = FakeMatrix(5)
    if rt.matread(rec, f, "P1") == THEN:
        out.append(rec.elements[1] + "/" + rec.elements[3])
    rec.elements[2] = "42"
    rt.matwrite(rec, f, "P1")
    outcome, r = rt.read(f, "P1")
    out.append(caret(r))
    rt.delete(f, "P3")
    if rt.read(f, "P3")[0] != THEN:
        out.append("P3 gone")
    rt.select(f)
    ids = []
    while True:
        outcome, id, _, _ = rt.readnext()
        if outcome != THEN:
            break
        ids.append(id)
    out.append(",".join(sorted(ids)))
    rt.select(f, 2)
    n = 0
    while rt.readnext(2)[0] == THEN:
        n += 1
    out.append(f"count {n}")
    rt.clearfile(f)
    rt.select(f)
    out.append("not empty" if rt.readnext()[0] == THEN else "empty after clear")
    rt.close(f)
    execute("DELETE.FILE CASE.RECORDS")
    assert "\n".join(out) + "\n" == (
        "Ann^41^red]blue\n"
        "no NOPE\n"
        "age 35\n"
        "age now 36\n"
        "exists P1\n"
        "Ann/red\xfdblue\n"
        "Ann^42^red]blue\n"
        "P3 gone\n"
        "P1,P2\n"
        "count 2\n"
        "empty after clear\n"
    )
    assert not (account / "CASE.RECORDS").exists()


def test_file_locks_conformance(account):
    """conformance/file_locks.bas prints exactly file_locks.out."""
    out = []
    execute("DELETE.FILE CASE.LOCKS")
    execute("CREATE.FILE CASE.LOCKS DYNAMIC")
    f = rt.open_file("", "CASE.LOCKS")[1]
    rt.write(0, f, "COUNTER")
    out.append(f"before {rt.recordlocked(f, 'COUNTER')}")
    outcome, c = rt.read(f, "COUNTER", lock="U", has_locked=True)
    if outcome == LOCKED:
        out.append("locked by other")
    elif outcome == ELSE:
        out.append("missing")
    out.append(f"held {rt.recordlocked(f, 'COUNTER')}")
    rt.write(int(c) + 1, f, "COUNTER", keep_lock=True)
    out.append(f"after writeu {rt.recordlocked(f, 'COUNTER')}")
    rt.write(int(c) + 2, f, "COUNTER")
    out.append(f"after write {rt.recordlocked(f, 'COUNTER')}")
    rt.read(f, "COUNTER", lock="U")
    rt.release(f, "COUNTER")
    out.append(f"after release {rt.recordlocked(f, 'COUNTER')}")
    outcome, c = rt.read(f, "COUNTER")
    if outcome == THEN:
        out.append(f"value {c}")
    outcome, x = rt.read(f, "NEWREC", lock="U", has_locked=True)
    if outcome == ELSE:
        out.append(f"new record locked {rt.recordlocked(f, 'NEWREC')}")
    rt.release()
    rt.close(f)
    execute("DELETE.FILE CASE.LOCKS")
    assert "\n".join(out) + "\n" == (
        "before 0\nheld 2\nafter writeu 2\nafter write 0\n"
        "after release 0\nvalue 2\nnew record locked 2\n"
    )


# --- OPEN ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "dict_part, name, outcome, status",
    [
        ("", "CUST", THEN, 0),  # registered data part
        ("DICT", "CUST", THEN, 0),  # dictionary part, "DICT" keyword
        ("dict", "CUST", THEN, 0),  # the DICT keyword is case-insensitive
        ("", "DICT CUST", THEN, 0),  # _VOC_REF: "DICT name" in one string
        ("", "NOPE", ELSE, 3007),  # ER$NVR: no registry record
        ("", "", ELSE, 3002),  # ER$NAM: empty name
        ("", "CUST,PART", ELSE, 3009),  # multifile part of a simple file
        ("", "VOC", THEN, 0),  # the registry opens as a file
    ],
)
def test_open_file(account, dict_part, name, outcome, status):
    execute("CREATE.FILE CUST DYNAMIC")
    got, f = rt.open_file(dict_part, name)
    assert (got, state.status) == (outcome, status)
    assert isinstance(f, rt.FileVar) == (outcome == THEN)
    if outcome != THEN:
        assert isinstance(f, Unassigned)


def test_open_entry_without_folder_is_file_not_found(account):
    execute("CREATE.FILE CUST DIRECTORY")
    (account / "CUST").rmdir()
    assert rt.open_file("", "CUST")[0] == ELSE
    assert state.status == 3003  # ER$FNF


def test_open_non_file_registry_entry(account):
    rt.current_account().write_voc("GREETING", "PA" + FM + "DISPLAY HI")
    assert rt.open_file("", "GREETING")[0] == ELSE
    assert state.status == 3009  # ER$VNF


def test_openpath(account):
    execute("CREATE.FILE CUST DIRECTORY")
    outcome, f = rt.openpath(str(account / "CUST"))
    assert outcome == THEN and rt.fileinfo(f, 3) == 4
    outcome, f = rt.openpath("CUST.DIC")  # relative to the current directory
    assert outcome == THEN and rt.fileinfo(f, 3) == 3
    assert rt.openpath("no/such/folder")[0] == ELSE and state.status == 3003


def test_openpath_refuses_scarletdme_hashed_file(account):
    (account / "DH").mkdir()
    (account / "DH" / "~0").write_bytes(b"")
    with pytest.raises(BasicError, match="ScarletDME hashed file"):
        rt.openpath(str(account / "DH"))
    assert rt.openpath(str(account / "DH"), has_on_error=True)[0] == ON_ERROR


# --- READ, WRITE, DELETE ------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "id, outcome, status",
    [
        ("A", THEN, 0),  # existing record
        ("B", ELSE, 3006),  # ER$RNF: missing record
        ("", ELSE, 3000),  # ER$IID: empty id
        ("X" * 256, ELSE, 3000),  # longer than MAX_ID_LEN (255)
        (1, ELSE, 3006),  # numbers are converted to strings
    ],
)
def test_read_outcomes(account, kind, id, outcome, status):
    f = make_file("F", kind)
    rt.write("rec", f, "A")
    got, record = rt.read(f, id)
    assert (got, state.status) == (outcome, status)
    assert record == ("rec" if outcome == THEN else "")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "id, message",
    [
        ("", "Error 3000 (o/s 0) writing record (Possible full disk?)"),
        ("A" + FM + "B", "Error 3000 (o/s 0) writing record (Possible full disk?)"),
        ("A\x00B", "Error 3000 (o/s 0) writing record (Possible full disk?)"),
    ],
)
def test_write_illegal_id(account, kind, id, message):
    """op_write's valid_id(): empty ids, marks and NUL are error 3000."""
    f = make_file("F", kind)
    with pytest.raises(BasicError) as info:
        rt.write("x", f, id)
    assert info.value.text == message
    assert rt.write("x", f, id, has_on_error=True) == ON_ERROR
    assert state.status == -3000


def test_write_readonly(account):
    execute("CREATE.FILE F DYNAMIC")
    f = rt.open_file("", "F", readonly=True)[1]
    assert rt.write("x", f, "A", has_on_error=True) == ON_ERROR
    assert state.status == -3018  # ER$RDONLY
    assert rt.fileinfo(f, 1001) == 1
    with pytest.raises(BasicError, match="Error 3018"):
        rt.write("x", f, "A")


@pytest.mark.parametrize("kind", KINDS)
def test_delete(account, kind):
    f = make_file("F", kind)
    rt.write("x", f, "A")
    assert rt.delete(f, "A") == THEN
    assert rt.read(f, "A")[0] == ELSE
    assert rt.delete(f, "A") == THEN  # deleting a missing record is no error
    with pytest.raises(BasicError, match="Error -3000 deleting record"):
        rt.delete(f, "")


@pytest.mark.parametrize(
    "fno, before, expected",
    [
        (2, "a" + FM + "b" + FM + "c", "a" + FM + "N" + FM + "c"),  # replace field
        (0, "a" + FM + "b", "N" + FM + "b"),  # _WRITEV: field 0 replaces field 1
        (-1, "a" + FM + "b", "a" + FM + "b" + FM + "N"),  # negative appends
        (3, None, FM + FM + "N"),  # missing record counts as ""
        (-1, None, "N"),  # appending to "" adds no mark
    ],
)
def test_writev(account, fno, before, expected):
    f = make_file("F")
    if before is not None:
        rt.write(before, f, "R")
    rt.writev("N", f, "R", fno)
    assert rt.read(f, "R") == (THEN, expected)


@pytest.mark.parametrize(
    "fno, outcome, value",
    [
        (1, THEN, "a"),
        (2, THEN, "b" + VM + "c"),
        (9, THEN, ""),  # past the end: THEN and ""
        (0, THEN, "R"),  # field 0: existence test gives the id
    ],
)
def test_readv(account, fno, outcome, value):
    f = make_file("F")
    rt.write("a" + FM + "b" + VM + "c", f, "R")
    assert rt.readv(f, "R", fno) == (outcome, value)
    assert rt.readv(f, "MISSING", fno) == (ELSE, "")


def test_matread_else_leaves_matrix_alone(account):
    f = make_file("F")
    m = FakeMatrix(2)
    m.elements[1] = "keep"
    assert rt.matread(m, f, "MISSING") == ELSE
    assert m.elements[1] == "keep"
    with pytest.raises(BasicError, match="MATREAD target is not a matrix"):
        rt.matread("not a matrix", f, "X")


def test_requires_file_variable(account):
    with pytest.raises(BasicError, match="Requires file variable"):
        rt.read("not a file", "X")
    with pytest.raises(Exception):
        rt.read(Unassigned("F"), "X")


@pytest.mark.parametrize("kind", KINDS)
def test_close_releases_locks_and_invalidates(account, kind):
    f = make_file("F", kind)
    rt.read(f, "A", lock="U")
    g = rt.open_file("", "F")[1]
    assert rt.recordlocked(g, "A") == 2
    rt.close(f)
    assert rt.recordlocked(g, "A") == 0
    with pytest.raises(BasicError, match="Requires file variable"):
        rt.read(f, "A")
    assert rt.fileinfo(f, 0) == 0


def test_dropping_file_variable_releases_its_locks(account):
    """ScarletDME closes a file variable that is overwritten."""
    f = make_file("F")
    rt.read(f, "A", lock="U")
    g = rt.open_file("", "F")[1]
    f = None
    assert rt.recordlocked(g, "A") == 0


# --- locks within one process --------------------------------------------------------


@pytest.mark.parametrize(
    "steps, expected",
    [
        ([("readu", "A")], 2),  # LOCK_MY_READU
        ([("readl", "A")], 1),  # LOCK_MY_READL
        ([("readu", "A"), ("readl", "A")], 1),  # READL over READU downgrades
        ([("readl", "A"), ("readu", "A")], 2),  # READU over READL upgrades
        ([("readu", "A"), ("write", "A")], 0),  # WRITE releases
        ([("readu", "A"), ("writeu", "A")], 2),  # WRITEU keeps
        ([("readu", "A"), ("delete", "A")], 0),  # DELETE releases
        ([("readu", "A"), ("deleteu", "A")], 2),  # DELETEU keeps
        ([("readu", "A"), ("release_id", "A")], 0),
        ([("readu", "A"), ("release_file", "")], 0),
        ([("readu", "A"), ("release_all", "")], 0),
        ([("readu", "A"), ("release_id", "B")], 2),  # other record untouched
        ([("recordlocku", "A")], 2),
        ([("recordlockl", "A")], 1),
        ([("filelock", "")], 3),  # LOCK_MY_FILELOCK
        ([("filelock", ""), ("fileunlock", "")], 0),
        ([("readu", "A"), ("filelock", ""), ("fileunlock", "")], 2),
        ([("filelock", ""), ("release_file", "")], 0),  # RELEASE f frees it
    ],
)
def test_lock_state(account, steps, expected):
    f = make_file("F")
    actions = {
        "readu": lambda id: rt.read(f, id, lock="U"),
        "readl": lambda id: rt.read(f, id, lock="L"),
        "write": lambda id: rt.write("x", f, id),
        "writeu": lambda id: rt.write("x", f, id, keep_lock=True),
        "delete": lambda id: rt.delete(f, id),
        "deleteu": lambda id: rt.delete(f, id, keep_lock=True),
        "release_id": lambda id: rt.release(f, id),
        "release_file": lambda id: rt.release(f),
        "release_all": lambda id: rt.release(),
        "recordlocku": lambda id: rt.recordlock(f, id, "U"),
        "recordlockl": lambda id: rt.recordlock(f, id, "L"),
        "filelock": lambda id: rt.filelock(f),
        "fileunlock": lambda id: rt.fileunlock(f),
    }
    for action, id in steps:
        actions[action](id)
    assert rt.recordlocked(f, "A") == expected


def test_fileunlock_status(account):
    f = make_file("F")
    rt.fileunlock(f)
    assert state.status == 3012  # ER$NLK: nobody holds it
    rt.filelock(f)
    rt.fileunlock(f)
    assert state.status == 0


def test_release_by_file_variable_keeps_other_variables_locks(account):
    """RELEASE f frees only the locks taken through f (ScarletDME's LLT)."""
    f = make_file("F")
    g = rt.open_file("", "F")[1]
    rt.read(f, "A", lock="U")
    rt.read(g, "B", lock="U")
    rt.release(f)
    assert (rt.recordlocked(g, "A"), rt.recordlocked(g, "B")) == (0, 2)


# --- CLEARFILE, FILEINFO, MARK.MAPPING -----------------------------------------------


def test_clearfile_errors(account):
    execute("CREATE.FILE F DYNAMIC")
    f = rt.open_file("", "F", readonly=True)[1]
    with pytest.raises(BasicError, match="CLEARFILE on read-only file"):
        rt.clearfile(f)
    g = rt.open_file("", "F")[1]
    rt.transaction_start()
    with pytest.raises(BasicError, match="not allowed in transaction"):
        rt.clearfile(g)
    rt.transaction_abort()


@pytest.mark.parametrize(
    "kind, key, expected",
    [
        ("DYNAMIC", 1, "F"),  # registry name
        ("DYNAMIC", 3, 3),  # FL$TYPE.DH
        ("DIRECTORY", 3, 4),  # FL$TYPE.DIR
        ("DYNAMIC", 5, 1),  # modulus of a fresh dynamic file
        ("DIRECTORY", 5, 0),  # directory files have none
        ("DYNAMIC", 1001, 0),  # not read-only
        ("DYNAMIC", 1012, "B"),  # last record read
        ("DYNAMIC", 1015, 2),  # record count
        ("DIRECTORY", 1015, 2),
        ("DIRECTORY", 1014, 1),  # mark mapping on
        ("DYNAMIC", 1014, 0),
        ("DYNAMIC", 99, 0),  # unknown keys give 0
    ],
)
def test_fileinfo(account, kind, key, expected):
    f = make_file("F", kind)
    rt.write("x", f, "A")
    rt.write("y", f, "B")
    rt.read(f, "B")
    assert rt.fileinfo(f, key) == expected


def test_fileinfo_path_and_open(account):
    f = make_file("F", "DIRECTORY")
    assert rt.fileinfo(f, 2) == str(account / "F")
    assert rt.fileinfo(f, 0) == 1
    assert rt.fileinfo("text", 0) == 0
    assert rt.fileinfo(f, 1003) == 0.0


def test_mark_mapping_off_stores_marks_raw(account):
    f = make_file("F", "DIRECTORY")
    rt.mark_mapping(f, 0)
    rt.write("a" + FM + "b", f, "R")
    assert (account / "F" / "R").read_bytes() == b"a\xfeb"
    rt.mark_mapping(f, 1)
    rt.write("a" + FM + "b", f, "R")
    assert (account / "F" / "R").read_bytes() == b"a\nb\n"


# --- transactions -----------------------------------------------------------------------


def test_transaction_commit_and_rollback(account):
    f = make_file("F")
    rt.write("old", f, "A")
    rt.transaction_start()
    rt.read(f, "A", lock="U")
    rt.read(f, "B", lock="U")
    rt.write("new", f, "A")
    rt.write("b", f, "B")
    assert rt.read(f, "A") == (THEN, "new")  # the transaction sees its writes
    assert rt.recordlocked(f, "A") == 2  # WRITE keeps locks in a transaction
    rt.release()
    assert rt.recordlocked(f, "A") == 2  # so does RELEASE
    assert rt.transaction_commit() == THEN
    assert rt.recordlocked(f, "A") == 0  # the commit frees them
    assert rt.read(f, "A") == (THEN, "new")
    rt.transaction_start()
    rt.read(f, "A", lock="U")
    rt.delete(f, "A")
    assert rt.read(f, "A")[0] == ELSE
    rt.transaction_abort()
    assert rt.read(f, "A") == (THEN, "new")
    assert rt.recordlocked(f, "A") == 0


def test_transaction_write_needs_lock(account):
    f = make_file("F")
    rt.transaction_start()
    with pytest.raises(BasicError, match="Error 3023"):
        rt.write("x", f, "A")
    assert rt.write("x", f, "A", has_on_error=True) == ON_ERROR
    assert state.status == -3023
    rt.filelock(f)
    assert rt.write("x", f, "A") == THEN  # the file lock covers every record
    rt.transaction_commit()
    assert rt.read(f, "A") == (THEN, "x")


def test_transaction_spans_files(account):
    f = make_file("F")
    g = make_file("G", "DIRECTORY")
    rt.transaction_start()
    rt.recordlock(f, "A")
    rt.recordlock(g, "A")
    rt.write("1", f, "A")
    rt.write("2", g, "A")
    assert rt.read(g, "A") == (THEN, "2")
    assert not (account / "G" / "A").exists()
    rt.transaction_commit()
    assert (rt.read(f, "A"), rt.read(g, "A")) == ((THEN, "1"), (THEN, "2"))


def test_nested_transaction(account):
    f = make_file("F")
    rt.transaction_start()
    rt.recordlock(f, "A")
    rt.write("outer", f, "A")
    rt.transaction_start()
    rt.recordlock(f, "B")
    rt.write("inner", f, "B")
    assert rt.read(f, "A") == (THEN, "outer")  # the parent's writes are seen
    rt.transaction_commit()  # commits the inner updates only
    assert rt.read(f, "B") == (THEN, "inner")
    rt.transaction_abort()
    assert rt.read(f, "A")[0] == ELSE
    assert rt.read(f, "B") == (THEN, "inner")


def test_end_transaction_outside_transaction(account):
    with pytest.raises(BasicError) as info:
        rt.transaction_abort()
    assert info.value.text == "END TRANSACTION when not in trasnaction"
    assert rt.transaction_commit() == THEN  # COMMIT outside one does nothing


def test_close_in_transaction_keeps_locks_until_end(account):
    f = make_file("F")
    g = rt.open_file("", "F")[1]
    rt.transaction_start()
    rt.recordlock(f, "A")
    rt.close(f)
    assert rt.recordlocked(g, "A") == 2
    rt.transaction_abort()
    assert rt.recordlocked(g, "A") == 0


# --- properties ----------------------------------------------------------------------------

_records = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255))
_ids = st.text(
    alphabet=st.characters(
        min_codepoint=32, max_codepoint=126, blacklist_characters="/"
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(record=_records, id=_ids)
def test_hashed_round_trip_is_byte_exact(tmp_path_factory, record, id):
    folder = tmp_path_factory.mktemp("acct")
    rt.set_account(folder)
    execute("CREATE.FILE H DYNAMIC")
    f = rt.open_file("", "H")[1]
    rt.write(record, f, id)
    assert rt.read(f, id) == (THEN, record)
    rt.select(f)
    assert rt.readnext()[1] == id


@settings(max_examples=60, deadline=None)
@given(
    record=st.text(
        alphabet=st.characters(
            min_codepoint=0, max_codepoint=255, blacklist_characters="\n"
        )
    ),
    id=_ids,
)
def test_directory_round_trip_is_byte_exact(tmp_path_factory, record, id):
    folder = tmp_path_factory.mktemp("acct")
    rt.set_account(folder)
    execute("CREATE.FILE D DIRECTORY")
    f = rt.open_file("", "D")[1]
    rt.write(record, f, id)
    assert rt.read(f, id) == (THEN, record)
    rt.select(f)
    assert rt.readnext()[1] == id


def test_marks_survive_everywhere(account):
    record = "a" + FM + "b" + VM + "c" + SM + "d" + "\xfb" + "e" + "\xff"
    for kind in KINDS:
        f = make_file("F" + kind, kind)
        rt.write(record, f, "R")
        assert rt.read(f, "R") == (THEN, record)
