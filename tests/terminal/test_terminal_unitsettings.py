"""GETPU() and SETPU: a print unit's settings, as op_getpu/op_setpu keep them."""

from __future__ import annotations

import textwrap

import pytest
from basic_runner import run_basic


def run(tmp_path, source: str):
    (tmp_path / "P").write_text(textwrap.dedent(source))
    account = tmp_path / "account"
    account.mkdir(exist_ok=True)
    return run_basic(tmp_path / "P", account)


def test_reading_and_changing_settings(tmp_path):
    result = run(
        tmp_path,
        """
        PRINT GETPU(0, 3):GETPU(0, -1):" ":GETPU(2, -1):" ":GETPU(3, -1):" ":GETPU(1002, -1)
        SETPU 2, 3, 40
        SETPU 4, 3, 2
        PRINT GETPU(0, 3):" ":GETPU(2, 3):" ":GETPU(1005, 3):" ":GETPU(1, 3):" ":GETPU(1, 0)
        SETPU 3, 3, -5
        PRINT GETPU(3, 3):" ":GETPU(1005, 3):" ":STATUS()
        SETPU 1, 3, 9
        PRINT STATUS()
        X = GETPU(77, 3)
        PRINT X:" ":STATUS()
        SETPU 1, 300, 1
        PRINT STATUS()
        SETPU 15, 3, 0
        PRINT GETPU(15, 3):" ":GETPU(2000, 3)
        SETPU 11, 3, "REPORTS"
        PRINT GETPU(11, 3):" ":GETPU(1018, 3)
        SETPU 11, -1, "X"
        PRINT STATUS()
        SETPU 12, 3, 2
    """,
    )
    assert result.stdout.decode().splitlines() == [
        "01 80 24 23",  # unit 3 unused; the display: 80 x 24, 23 lines left
        "1 40 64 3 1",  # 66 lines less a top margin of 2; file and printer modes
        "66 64 0",  # a negative length is the default
        "1009",  # no mode 9
        "0 1006",  # no key 77
        "1007",  # no unit 300
        "1 1",  # page numbers start at 1
        "REPORTS REPORTS",  # a file unit's location is its file
        "1009",  # the display has no location
    ]
    assert result.stderr.decode().startswith("SETPU key 12 is not supported yet")


def test_settings_shape_the_printed_page(tmp_path):
    result = run(
        tmp_path,
        """
        SETPU 6, 3, 4
        SETPU 3, 3, 5
        HEADING ON 3 "H"
        FOR I = 1 TO 6
           PRINT ON 3 I
        NEXT I
        PRINTER CLOSE ON 3
        SETPU 1, 4, 0
        PRINT ON 4 "on the screen"
    """,
    )
    assert result.stdout == b"on the screen\n"
    text = (tmp_path / "account" / "$HOLD" / "P3").read_bytes().decode()
    pages = text.split("\r\f")  # 5 lines: the heading and 4 data lines a page
    assert pages[0].splitlines() == ["    H", "    1", "    2", "    3", "    4"]
    assert pages[1].splitlines() == ["    H", "    5", "    6"]  # left margin 4


def test_printer_setting(tmp_path):
    result = run(
        tmp_path,
        """
        A = PRINTER.SETTING(3, 1, -2):" ":PRINTER.SETTING(3, 1, 40)
        PRINT A:" ":PRINTER.SETTING(3, 1, -1)
        PRINTER SETTING ON 3 3, 2
        X = PRINTER.SETTING(3, 6, 0):" ":PRINTER.SETTING(3, 9, 0)
        PRINT X:" ":PRINTER.SETTING(-1, 14, 0):" ":PRINTER.SETTING(3, 13, 0)
        PRINTER SETTING 2, 10
        PRINT PRINTER.SETTING(0, 2, -2):" ":GETPU(3, 0)
        X = PRINTER.SETTING(3, 99, 0)
    """,
    )
    assert result.stdout.decode().splitlines() == [
        "80 40 80",  # -2 reports, a value sets, -1 is the default again
        "64 3 22 1",  # data lines, file mode; 24 - 1 line - the pager's
        "10 10",  # PRINTER SETTING with no ON: the printer, unit 0
    ]
    message = "Unrecognised printer setting key at line 9 of P"
    assert result.stderr.decode().startswith(message), result.stderr


def test_spooler_settings_are_run_time_errors(term):
    from runtime_lib.errors import UnsupportedAtRuntime
    from runtime_lib.terminal import unitsettings

    term("xterm")
    for call in (
        lambda: unitsettings.printer_setting(3, 11, 0),
        lambda: unitsettings.printer_setting(3, 15, 2),
        lambda: unitsettings.getpu(9, 3),
        lambda: unitsettings.setpu(1, 3, 6),
    ):
        with pytest.raises(UnsupportedAtRuntime, match="not supported yet"):
            call()
