"""File commands run by EXECUTE: their output and @SYSTEM.RETURN.CODE."""

from __future__ import annotations

import pytest

import runtime_lib.files as rt
from runtime_lib.clauses import ON_ERROR, THEN
from runtime_lib.commands import find_command
from runtime_lib.errors import BasicError
from runtime_lib.files import reset_session
from runtime_lib.files.verbs import captured
from runtime_lib.values import FM, VM


@pytest.fixture
def account(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rt.set_account(tmp_path)
    reset_session()
    yield tmp_path
    reset_session()


def execute(sentence: str) -> tuple[int, list[str]]:
    words = sentence.split()
    handler = find_command(words[0])
    assert handler is not None, words[0]
    with captured() as lines:
        rc = handler([w.upper() for w in words], sentence)
    return rc, lines


@pytest.mark.parametrize(
    "sentence, rc, lines",
    [
        (
            "CREATE.FILE ORDERS DYNAMIC",
            0,
            [
                "Created DICT part as ORDERS.DIC",
                "Created DATA part as ORDERS",
                "Added default '@ID' record to dictionary",
            ],
        ),
        (
            "CREATE.FILE orders",  # DYNAMIC by default; folders are upper-cased
            0,
            [
                "Created DICT part as ORDERS.DIC",
                "Created DATA part as ORDERS",
                "Added default '@ID' record to dictionary",
            ],
        ),
        ("CREATE.FILE DATA ONLY DIRECTORY", 0, ["Created DATA part as ONLY"]),
        (
            "CREATE.FILE DICT ONLY",
            0,
            [
                "Created DICT part as ONLY.DIC",
                "Added default '@ID' record to dictionary",
            ],
        ),
        ("CREATE.FILE", -1, ["File name required"]),
        ("CREATE.FILE X BOGUS", -1, ["Unexpected token (BOGUS)"]),
        ("CREATE.FILE A,B", -1, ["Multifiles are not supported by pick2py"]),
        ("CREATE.FILE X DYNAMIC GROUP.SIZE 2 MINIMUM.MODULUS 7", 0, None),
    ],
)
def test_create_file(account, sentence, rc, lines):
    got_rc, got = execute(sentence)
    assert got_rc == rc
    if lines is not None:
        assert got == lines


def test_create_file_twice(account):
    execute("CREATE.FILE F DIRECTORY")
    assert execute("CREATE.FILE F DIRECTORY") == (
        -1,
        ["DATA part of file already exists", "DICT part of file already exists"],
    )
    rt.current_account().write_voc("PROG", "PA" + FM + "RUN")
    assert execute("CREATE.FILE PROG") == (
        -3009,
        ["VOC record PROG already exists but not as a file"],
    )


def test_create_file_registers_and_writes_id_item(account):
    execute("CREATE.FILE F DIRECTORY")
    assert rt.current_account().read_voc("F") == "F" + FM + "F" + FM + "F.DIC"
    d = rt.open_file("DICT", "F")[1]
    assert rt.read(d, "@ID") == (THEN, FM.join(["D", "0", "", "F", "12L", "S", ""]))
    assert rt.fileinfo(rt.open_file("", "F")[1], 3) == 4
    assert rt.fileinfo(d, 3) == 3  # dictionaries are hashed


def test_delete_file(account):
    execute("CREATE.FILE F")
    assert execute("DELETE.FILE F") == (
        0,
        [
            "DATA portion 'F' deleted",
            "DICT portion 'F.DIC' deleted",
            "VOC entry 'F' deleted",
        ],
    )
    assert not (account / "F").exists() and not (account / "F.DIC").exists()
    assert execute("DELETE.FILE F") == (-7, ["No VOC record found for F"])
    assert execute("DELETE.FILE") == (-1, ["File name required"])
    assert execute("DELETE.FILE VOC") == (-3009, ["Cannot delete system file VOC"])


def test_delete_file_parts_and_foreign_paths(account):
    execute("CREATE.FILE F")
    assert execute("DELETE.FILE DICT F") == (0, ["DICT portion 'F.DIC' deleted"])
    assert rt.current_account().read_voc("F") == "F" + FM + "F" + FM
    (account / "elsewhere").mkdir()
    rt.current_account().write_voc("EXT", "F" + FM + "elsewhere")
    rc, lines = execute("DELETE.FILE DATA EXT")
    assert rc == -1 and (account / "elsewhere").exists()
    assert lines[0].startswith("Not deleting DATA portion 'elsewhere'")
    assert execute("DELETE.FILE DATA EXT FORCE")[0] == 0
    assert not (account / "elsewhere").exists()


def test_clear_file(account):
    execute("CREATE.FILE F")
    f = rt.open_file("", "F")[1]
    rt.write("x", f, "A")
    assert execute("CLEAR.FILE F") == (0, [])
    assert rt.fileinfo(f, 1015) == 0
    assert execute("CLEAR.FILE NOPE") == (-1, ["File not found"])


@pytest.fixture
def people(account):
    execute("CREATE.FILE PEOPLE")
    d = rt.open_file("DICT", "PEOPLE")[1]
    rt.write(FM.join(["D", "1", "", "Name", "10L", "S"]), d, "NAME")
    rt.write(FM.join(["D", "2", "", "Age", "3R", "S"]), d, "AGE")
    rt.write(FM.join(["D", "3", "", "Colours", "8L", "M"]), d, "COLOUR")
    rt.write(FM.join(["I", "AGE * 2", "", "Twice", "3R", "S"]), d, "TWICE")
    f = rt.open_file("", "PEOPLE")[1]
    rows = {
        "P1": ["Ann", "41", "red" + VM + "blue"],
        "P2": ["Bob", "35", ""],
        "P3": ["Cy", "9", "green"],
        "P4": ["Dee", "100", "blue"],
    }
    for id, fields in rows.items():
        rt.write(FM.join(fields), f, id)
    return f


def selected() -> list[str]:
    ids = []
    while True:
        outcome, id, _, _ = rt.readnext()
        if outcome != THEN:
            return ids
        ids.append(id)


@pytest.mark.parametrize(
    "sentence, ids",
    [
        ("SELECT PEOPLE", ["P1", "P2", "P3", "P4"]),
        ("SSELECT PEOPLE", ["P1", "P2", "P3", "P4"]),
        ('SELECT PEOPLE WITH NAME = "Bob"', ["P2"]),
        ("SELECT PEOPLE WITH AGE > 30", ["P1", "P2", "P4"]),  # numeric compare
        ("SELECT PEOPLE WITH AGE < 10", ["P3"]),
        ('SELECT PEOPLE WITH COLOUR = "blue"', ["P1", "P4"]),  # any value
        ("SELECT PEOPLE WITH COLOUR", ["P1", "P3", "P4"]),  # non-empty
        ("SELECT PEOPLE WITH NO COLOUR", ["P2"]),
        ("SELECT PEOPLE WITHOUT COLOUR", ["P2"]),
        ('SELECT PEOPLE WITH NAME = "Ann" "Cy"', ["P1", "P3"]),  # alternatives
        ('SELECT PEOPLE WITH NAME LIKE "...e..."', ["P4"]),
        ('SELECT PEOPLE WITH NAME STARTING.WITH "B"', ["P2"]),
        ("SELECT PEOPLE WITH AGE > 30 AND AGE < 50", ["P1", "P2"]),
        ('SELECT PEOPLE WITH AGE < 10 OR NAME = "Dee"', ["P3", "P4"]),
        ("SELECT PEOPLE WITH AGE > 30 WITH AGE < 50", ["P1", "P2"]),
        ("SELECT PEOPLE WITH NOT COLOUR", ["P2"]),
        # QPROC takes WITH again after AND / OR, WITHOUT as WITH NO.
        ("SELECT PEOPLE WITH AGE > 30 AND WITH AGE < 50", ["P1", "P2"]),
        ('SELECT PEOPLE WITH AGE < 10 OR WITH NAME = "Dee"', ["P3", "P4"]),
        ("SELECT PEOPLE WITH AGE > 30 AND WITHOUT COLOUR", ["P2"]),
        ("SELECT PEOPLE WITH AGE > 30 OR WITH NO COLOUR", ["P1", "P2", "P4"]),
        # No priority: left to right, (AGE < 10 OR AGE > 50) AND COLOUR.
        ("SELECT PEOPLE WITH AGE < 10 OR AGE > 50 AND COLOUR = blue", ["P4"]),
        ('SELECT PEOPLE WITH NAME = "Ann" AND AGE > 50 OR NAME = "Cy"', ["P3"]),
        ('SELECT PEOPLE WITH NAME = "Ann" AND (AGE > 50 OR NAME = "Cy")', []),
        ('SELECT PEOPLE WITH (NAME = "Ann" OR NAME = "Cy") AND AGE < 50', ["P1", "P3"]),
        # An operator with no field tests the last field; a value alone
        # repeats the last operator (implicit OR).
        ("SELECT PEOPLE WITH AGE > 40 AND < 50", ["P1"]),
        ('SELECT PEOPLE WITH NAME = "Ann" OR "Bob"', ["P1", "P2"]),
        ('SELECT PEOPLE WITH AGE > 40 AND AGE < 50 "10"', ["P1", "P3"]),
        ('SELECT PEOPLE WITH NAME NOT "Bob"', ["P1", "P3", "P4"]),
        ("SSELECT PEOPLE BY AGE", ["P3", "P2", "P1", "P4"]),  # R: numeric order
        ("SSELECT PEOPLE BY.DSND AGE", ["P4", "P1", "P2", "P3"]),
        ("SSELECT PEOPLE BY NAME", ["P1", "P2", "P3", "P4"]),
        ('SELECT PEOPLE "P3" "P1" "P9"', ["P3", "P1"]),  # explicit ids
        ("SELECT PEOPLE WITH @ID = P2", ["P2"]),
    ],
)
def test_select_command(people, sentence, ids):
    rc, lines = execute(sentence)
    assert rc == len(ids)
    assert lines == [f"{len(ids)} record(s) selected to list 0"]
    got = selected()
    assert (got if "BY" in sentence or '"P3"' in sentence else sorted(got)) == ids


def test_select_command_to_list_and_active_list_as_source(people):
    assert execute("SELECT PEOPLE WITH AGE > 30 TO 3") == (
        3,
        ["3 record(s) selected to list 3"],
    )
    assert rt.selectinfo(3, 3) == 3 and rt.selectinfo(0, 1) == 0
    rt.formlist("P1" + FM + "P3")
    # An active list 0 is the input of the next query (ScarletDME QPROC).
    assert execute("SELECT PEOPLE WITH AGE > 30")[0] == 1
    assert selected() == ["P1"]


@pytest.mark.parametrize(
    "sentence, message",
    [
        ("SELECT NOPE", "File not found"),
        ("SELECT", "File name required"),
        ("SELECT PEOPLE WITH HEIGHT > 3", "HEIGHT is not a field name or expression"),
        ("SELECT PEOPLE BY HEIGHT", "Invalid field name 'HEIGHT'"),
        ("SELECT PEOPLE WITH TWICE > 3", "TWICE is an I-type item, which pick2py"),
        ("SELECT PEOPLE WITH", "Field name missing in selection clause"),
        ("SELECT PEOPLE WITH AGE > 3 AND", "Field name missing in selection clause"),
        ("SELECT PEOPLE WITH AGE > 3)", "Unexpected close bracket"),
        ("SELECT PEOPLE WITH (AGE > 3", "Unclosed brackets in selection expression"),
    ],
)
def test_select_command_errors(people, sentence, message):
    rc, lines = execute(sentence)
    assert rc == -1
    assert lines[0].startswith(message)


def test_count(people):
    assert execute("COUNT PEOPLE") == (4, ["4 record(s) counted"])
    assert execute("COUNT PEOPLE WITH AGE > 40") == (2, ["2 record(s) counted"])
    assert rt.selectinfo(0, 1) == 0  # COUNT builds no list


def test_save_get_delete_list_commands(people):
    assert execute("SAVE.LIST L") == (-1, ["Select list 0 is not active"])
    execute("SELECT PEOPLE WITH AGE > 30")
    assert execute("SAVE.LIST L") == (
        3,
        ["Created $SAVEDLISTS", "3 records saved to select list 'L'"],
    )
    assert execute("GET.LIST L TO 2") == (
        3,
        ["3 record(s) selected to select list 2"],
    )
    assert rt.selectinfo(2, 3) == 3
    assert execute("GET.LIST NOPE") == (-3006, ["Saved select list 'NOPE' not found"])
    assert execute("DELETE.LIST L") == (0, ["Deleted saved select list 'L'"])
    assert execute("DELETE.LIST L") == (-3006, ["Saved select list 'L' not found"])


def test_clearselect_command(account):
    rt.formlist("a", 4)
    assert execute("CLEARSELECT 4") == (4, ["Cleared numbered select list 4"])
    assert execute("CLEARSELECT ALL") == (11, ["Cleared all numbered select lists"])
    assert execute("CLEARSELECT 12") == (-1, ["Invalid select list number"])


@pytest.mark.parametrize("verb", ["LIST", "SORT", "LIST.ITEM", "SUM"])
def test_unsupported_query_verbs_say_so(account, verb):
    rc, lines = execute(f"{verb} PEOPLE")
    assert rc == -1
    assert lines == [f"{verb} is a query command that pick2py does not support"]


def test_command_output_goes_to_the_terminal(account, capsys):
    from runtime_lib import terminal

    find_command("COUNT")(["COUNT", "VOC"], "COUNT VOC")
    terminal.flush()
    assert capsys.readouterr().out == "1 record(s) counted\n"


def test_create_file_statement(account):
    assert rt.create_file(str(account / "RAW"), "DIRECTORY") == THEN
    assert rt.openpath(str(account / "RAW"))[0] == THEN
    assert rt.create_file(str(account / "RAWH")) == THEN
    assert rt.fileinfo(rt.openpath(str(account / "RAWH"))[1], 3) == 3
    with pytest.raises(BasicError, match="Error 6 creating file"):
        rt.create_file(str(account / "RAW"), "DIRECTORY")
    assert rt.create_file(str(account / "RAW"), "DIRECTORY", has_on_error=True) == (
        ON_ERROR
    )
