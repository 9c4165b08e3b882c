"""TRANS(), XLATE(), RTRANS() and the Tfile conversion (GPL.BP _TRANS, _TCONV)."""

from __future__ import annotations

import pytest

from runtime_lib import files
from runtime_lib.commands import find_command
from runtime_lib.conversions import iconv, oconv
from runtime_lib.errors import UnassignedError, UnsupportedAtRuntime
from runtime_lib.files import trans as trans_module
from runtime_lib.files.trans import rtrans, trans
from runtime_lib.files.verbs import captured
from runtime_lib.state import state
from runtime_lib.values import FM, SM, TM, VM, Unassigned

CUSTOMER_1 = "Alice" + FM + "A1" + VM + "A2" + SM + "x" + FM + FM + "last"


@pytest.fixture
def shown(tmp_path, monkeypatch):
    """An account with CUST (ids 1, 2, 3), DICT CUST (NAME); displayed lines."""
    monkeypatch.chdir(tmp_path)
    files.set_account(tmp_path)
    files.reset_session()
    trans_module._open_files.clear()
    with captured():
        find_command("CREATE.FILE")(["CREATE.FILE", "CUST"], "CREATE.FILE CUST")
    _, f = files.open_file("", "CUST")
    files.write(CUSTOMER_1, f, "1")
    files.write("Bob", f, "2")
    files.write("", f, "3")
    _, d = files.open_file("DICT", "CUST")
    files.write("D" + FM + "1", d, "NAME")
    lines: list[str] = []
    monkeypatch.setattr(trans_module, "_display", lines.append)
    yield lines
    trans_module._open_files.clear()
    files.reset_session()


# (file, ids, field, code, result, STATUS(), displayed lines)
TRANS_CASES = [
    # Field n > 0: that field; TRANS lowers its marks (VM -> SM, SM -> TM).
    ("CUST", "1", 1, "X", "Alice", 0, []),
    ("CUST", "1", 2, "X", "A1" + SM + "A2" + TM + "x", 0, []),
    # Field 0: the id itself; a negative field or "": the whole record.
    ("CUST", "1", 0, "X", "1", 0, []),
    ("CUST", "2", -1, "X", "Bob", 0, []),
    (
        "CUST",
        "1",
        "",
        "X",
        CUSTOMER_1.translate({0xFE: 0xFD, 0xFD: 0xFC, 0xFC: 0xFB}),
        0,
        [],
    ),
    # A missing record: X gives "", C the id, V "" and a message; STATUS() 3006.
    ("CUST", "9", 1, "X", "", 3006, []),
    ("CUST", "9", 1, "C", "9", 3006, []),
    ("CUST", "9", 1, "V", "", 3006, ["TRANS record '9' not found"]),
    # N is no code of ScarletDME's: like X.
    ("CUST", "9", 1, "N", "", 3006, []),
    # An empty field counts as not found (0282), though the READ succeeded.
    ("CUST", "1", 3, "C", "1", 0, []),
    ("CUST", "3", 1, "V", "", 0, ["TRANS record '3' not found"]),
    # Codes are case-sensitive: "c" is not C.
    ("CUST", "9", 1, "c", "", 3006, []),
    # Several ids: each translated, joined by the same marks.
    (
        "CUST",
        "1" + VM + "2" + FM + "9",
        1,
        "C",
        "Alice" + VM + "Bob" + FM + "9",
        3006,
        [],
    ),
    ("CUST", "1" + VM, 1, "C", "Alice" + VM, 0, []),
    # The dictionary: "DICT name" in the file name.
    ("DICT CUST", "NAME", 2, "X", "1", 0, []),
    # A file that cannot be opened: "", a message; STATUS() from OPEN (3007).
    ("NOSUCH", "1", 1, "C", "", 3007, ["Cannot open 'NOSUCH'"]),
    # _TRANS writes DICT twice in this message; reproduced.
    ("DICT NOSUCH", "1", 1, "X", "", 3007, ["Cannot open 'DICT DICT NOSUCH'"]),
    # Numbers are converted to strings.
    ("CUST", 1, 1.0, "X", "Alice", 0, []),
]


@pytest.mark.parametrize("file, ids, field, code, result, status, lines", TRANS_CASES)
def test_trans(shown, file, ids, field, code, result, status, lines):
    state.status = -1
    assert trans(file, ids, field, code) == result
    assert state.status == status
    assert shown == lines


def test_empty_id_reads_nothing_and_leaves_status(shown):
    # No READ happens, and a cached file is not opened again: STATUS() stays.
    trans("CUST", "1", 1, "X")
    state.status = 77
    assert trans("CUST", "", 1, "C") == ""
    assert state.status == 77


def test_rtrans_keeps_marks(shown):
    # RTRANS: Revelation style, marks as stored.
    assert rtrans("CUST", "1", 2, "X") == "A1" + VM + "A2" + SM + "x"
    assert rtrans("CUST", "1", "", "X") == CUSTOMER_1


def test_non_numeric_field_is_an_itype(shown):
    # ScarletDME runs a non-numeric field as I-type object code.
    with pytest.raises(UnsupportedAtRuntime, match="I-type"):
        trans("CUST", "1", "NAME", "X")
    # ... but only once a record was read.
    assert trans("CUST", "9", "NAME", "C") == "9"


def test_unassigned_argument_fails(shown):
    with pytest.raises(UnassignedError):
        trans("CUST", Unassigned("ID"), 1, "X")


def run(sentence: str) -> None:
    with captured():
        find_command(sentence.split()[0])(sentence.split(), sentence)


def test_cached_file_deleted_and_made_again(shown):
    # ScarletDME empties its TRANS cache when a file is deleted; here a
    # cached file whose folder went away, or was made again, is reopened.
    assert trans("CUST", "2", 1, "X") == "Bob"
    run("DELETE.FILE CUST")
    assert trans("CUST", "2", 1, "X") == ""
    assert shown == ["Cannot open 'CUST'"]
    run("CREATE.FILE CUST")
    _, f = files.open_file("", "CUST")
    files.write("Carol", f, "2")
    assert trans("CUST", "2", 1, "X") == "Carol"


# (conversion code, data, OCONV result, STATUS())
OCONV_CASES = [
    # T{file};c{v};i;o: OCONV uses field o.
    ("TCUST;X;;1", "1", "Alice", 0),
    # No v: value and subvalue marks of the lowered result become spaces
    # (the field's VM became SM; its SM became TM and stays).
    ("TCUST;X;;2", "1", "A1 A2" + TM + "x", 0),
    # v: that subvalue of the lowered result (D3's reading).
    ("TCUST;X2;;2", "1", "A2" + TM + "x", 0),
    ("TCUST;X1;;2", "1", "A1", 0),
    # An empty output field: the data unchanged, no file read.
    ("TCUST;X;1;", "1", "1", 0),
    ("TNOSUCH;X;1;", "1", "1", 0),
    # A missing record leaves TRANS's 3006.
    ("TCUST;X;;1", "9", "", 3006),
    ("TCUST;C;;1", "9", "9", 3006),
    # I means C for OCONV.
    ("TCUST;I;;1", "9", "9", 3006),
    # * or "DICT " names the dictionary; the name may be quoted.
    ("T*CUST;X;;2", "NAME", "1", 0),
    ("TDICT CUST;X;;1", "NAME", "D", 0),
    ('T"CUST";X;;1', "2", "Bob", 0),
    ("T CUST;X;;1", "2", "Bob", 0),
    # The 3006 stops a chain of codes, as a failed conversion does.
    ("TCUST;C;;1" + VM + "MCU", "9", "9", 3006),
    ("TCUST;X;;1" + VM + "MCU", "1", "ALICE", 0),
]


@pytest.mark.parametrize("code, data, result, status", OCONV_CASES)
def test_tfile_oconv(shown, code, data, result, status):
    assert oconv(data, code) == result
    assert state.status == status


def test_tfile_iconv_uses_the_input_field(shown):
    # ICONV uses field i; O means C for ICONV.
    assert iconv("1", "TCUST;X;1;2") == "Alice"
    assert iconv("9", "TCUST;O;1;2") == "9"
    assert state.status == 3006
    assert iconv("1", "TCUST;X;;2") == "1"


def test_tfile_v_code_shows_the_message(shown):
    # O means V for OCONV.
    assert oconv("9", "TCUST;O;;1") == ""
    assert shown == ["TRANS record '9' not found"]
