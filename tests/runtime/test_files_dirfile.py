"""Directory files: ScarletDME's on-disk form, id mapping, refused ids."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import runtime_lib.files as rt
from runtime_lib.clauses import ELSE, ON_ERROR, THEN
from runtime_lib.commands import find_command
from runtime_lib.errors import BasicError
from runtime_lib.files import reset_session
from runtime_lib.files.dirfile import map_id, unmap_name
from runtime_lib.files.verbs import captured
from runtime_lib.state import state
from runtime_lib.values import FM, IM, SM, TM, VM


@pytest.fixture
def account(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rt.set_account(tmp_path)
    reset_session()
    yield tmp_path
    reset_session()


@pytest.fixture
def dirfile(account):
    with captured():
        find_command("CREATE.FILE")([], "CREATE.FILE D DIRECTORY")
    return rt.open_file("", "D")[1]


@pytest.mark.parametrize(
    "record, on_disk",
    [
        ("abc", b"abc\n"),  # a newline ends the file
        ("a" + FM + "b", b"a\nb\n"),  # field marks are stored as newlines
        ("a" + FM, b"a\n\n"),  # a trailing empty field survives
        ("", b"\n"),
        ("a" + VM + "b" + SM + "c" + TM + "d", b"a\xfdb\xfcc\xfbd\n"),  # raw bytes
        ("x" + IM + "y", b"x\xffy\n"),
        ("caf\xe9", b"caf\xe9\n"),  # Latin-1: one byte per character
        ("tab\there\r", b"tab\there\r\n"),  # CR and TAB are data
    ],
)
def test_round_trip_is_byte_exact(dirfile, account, record, on_disk):
    rt.write(record, dirfile, "R")
    assert (account / "D" / "R").read_bytes() == on_disk
    assert rt.read(dirfile, "R") == (THEN, record)


@pytest.mark.parametrize(
    "on_disk, record",
    [
        (b"line1\nline2\n", "line1" + FM + "line2"),  # ScarletDME-written file
        (b"no final newline", "no final newline"),
        (b"a\n\n", "a" + FM),  # only one final newline is dropped
        (b"", ""),
        (b"\n", ""),
    ],
)
def test_reads_files_written_by_others(dirfile, account, on_disk, record):
    (account / "D" / "R").write_bytes(on_disk)
    assert rt.read(dirfile, "R") == (THEN, record)


def test_line_feed_in_data_comes_back_as_field_mark(dirfile):
    """As in ScarletDME: LF is how a field mark is stored."""
    rt.write("a\nb", dirfile, "R")
    assert rt.read(dirfile, "R") == (THEN, "a" + FM + "b")


@pytest.mark.parametrize(
    "id, name",
    [
        ("PLAIN.ID", "PLAIN.ID"),
        (".profile", "%dprofile"),  # leading dot
        ("~tilde", "%ttilde"),  # leading tilde
        ("a.b~c", "a.b~c"),  # only the first character is special
        ("A*B", "A%AB"),
        ("1,2", "1%C2"),
        ("x=y", "x%Ey"),
        ("a>b<c", "a%Gb%Lc"),
        ("100%", "100%P"),
        ("a+b:c;d?e", "a%Vb%Xc%Yd%Ze"),
        ('back\\slash"quote', "back%Bslash%Qquote"),
        ("..", "%d."),  # cannot name the parent folder
        ("with space", "with space"),
    ],
)
def test_ids_are_mapped_as_scarletdme_maps_them(dirfile, account, id, name):
    assert map_id(id) == name
    assert unmap_name(name) == id
    rt.write("x", dirfile, id)
    assert (account / "D" / name).is_file()
    rt.select(dirfile)
    assert rt.readnext()[1] == id


@pytest.mark.parametrize(
    "id",
    [
        "../x",  # would climb out of the folder
        "/etc/passwd",  # absolute path
        "sub/dir",  # any separator
        "a\x00b",  # NUL
        "a\nb",  # control characters (ScarletDME refuses < 32)
        "a\tb",
        "caf\xe9",  # above 126 (ScarletDME refuses)
        "a" + VM + "b",
    ],
)
def test_escaping_and_unmappable_ids_are_refused(dirfile, account, id):
    before = sorted(p.name for p in account.rglob("*"))
    with pytest.raises(BasicError):
        rt.write("x", dirfile, id)
    assert rt.write("x", dirfile, id, has_on_error=True) == ON_ERROR
    assert state.status == -3000
    assert rt.read(dirfile, id) == (ELSE, "")
    assert state.status == 3000  # READ takes ELSE with ER$IID
    with pytest.raises(BasicError, match="deleting record"):
        rt.delete(dirfile, id)
    assert sorted(p.name for p in account.rglob("*")) == before


def test_illegal_id_message(dirfile):
    with pytest.raises(BasicError) as info:
        rt.write("x", dirfile, "../x")
    assert info.value.text == "Illegal record id"


def test_select_skips_subfolders_and_temporary_files(dirfile, account):
    rt.write("x", dirfile, "A")
    (account / "D" / "subfolder").mkdir()
    (account / "D" / "~pick2py.123").write_bytes(b"half written")
    rt.sselect(dirfile)
    assert rt.readlist() == (THEN, "A")


def test_read_of_a_subfolder_is_not_a_record(dirfile, account):
    (account / "D" / "SUB").mkdir()
    assert rt.read(dirfile, "SUB")[0] == ELSE


def test_write_replaces_atomically_and_keeps_mode(dirfile, account):
    target = account / "D" / "R"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    rt.write("new", dirfile, "R")
    assert target.read_bytes() == b"new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (account / "D").iterdir()] == ["R"]


def test_clearfile_removes_records_only(dirfile, account):
    rt.write("x", dirfile, "A")
    rt.write("y", dirfile, "B")
    (account / "D" / "keep").mkdir()
    rt.clearfile(dirfile)
    assert [p.name for p in (account / "D").iterdir()] == ["keep"]


def test_existing_scarletdme_folder_registered_and_used_in_place(account):
    bp = account / "BP"
    bp.mkdir()
    (bp / "HELLO").write_bytes(b'PRINT "HI"\nEND\n')
    rt.current_account().write_voc("BP", "F" + FM + "BP")
    f = rt.open_file("", "BP")[1]
    assert rt.read(f, "HELLO") == (THEN, 'PRINT "HI"' + FM + "END")
    rt.write("X = 1" + FM + "END", f, "OTHER")
    assert (bp / "OTHER").read_bytes() == b"X = 1\nEND\n"


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=126),
        min_size=1,
        max_size=30,
    ).filter(lambda s: "/" not in s)
)
def test_mapped_names_are_single_safe_components_and_invert(id):
    name = map_id(id)
    assert name is not None
    assert "/" not in name and name not in (".", "..")
    assert not name.startswith((".", "~"))
    assert unmap_name(name) == id
