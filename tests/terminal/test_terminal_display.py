"""The display: line counting, HEADING/FOOTING pages and the pager (op_tio.c).

The runtime is driven directly; the keyboard reads a pipe holding the
answers typed at the pager.
"""

from __future__ import annotations

import os

import pytest

from runtime_lib.errors import AbortError, StopProgram
from runtime_lib.state import state as basic_state
from runtime_lib.terminal import display, keyboard

CLEAR = "\x1b[H\x1b[2J"
PROMPT = (
    "\x1b[24;1HPress RETURN to continue, A to abort, Q to Quit,"
    " S to suppress pagination\n"
)


@pytest.fixture
def screen(term, monkeypatch):
    """A fresh xterm session whose display output is collected as text."""
    terminal = term("xterm")
    shown: list[bytes] = []

    def collect():
        shown.append(bytes(display.output.buffer))
        display.output.buffer.clear()

    monkeypatch.setattr(display.output, "flush", collect)

    class Screen:
        rt = terminal

        def typed(self, keys: bytes) -> None:
            read, write = os.pipe()
            os.write(write, keys)
            os.close(write)
            keyboard.keyboard.fd = read

        def text(self) -> str:
            collect()
            return b"".join(shown).decode("latin-1")

    yield Screen()
    if keyboard.keyboard.fd != 0:
        os.close(keyboard.keyboard.fd)
        keyboard.keyboard.fd = 0


def test_only_the_statement_newline_counts(screen):
    rt = screen.rt
    rt.print_("a\nb")  # newlines inside the data are not lines
    rt.crt("c")
    assert display.dsp().line == 2
    rt.emit("x\ny\n")  # runtime messages count each newline
    assert display.dsp().line == 4


def test_pager_without_heading_stops_after_23_lines(screen):
    rt = screen.rt
    display.set_pagination(True)
    screen.typed(b"\n")
    for i in range(25):
        rt.print_(f"line {i}")
    lines = [f"line {i}\n" for i in range(25)]
    # The prompt comes when line 23 is reached; output then goes on.
    assert screen.text() == "".join(lines[:23]) + PROMPT + "".join(lines[23:])
    assert display.dsp().page_no == 2


@pytest.mark.parametrize("answer, raised", [(b"q", StopProgram), (b"A", AbortError)])
def test_pager_quit_and_abort(screen, answer, raised):
    display.set_pagination(True)
    screen.typed(answer)
    with pytest.raises(raised):
        for i in range(23):
            screen.rt.print_(i)


def test_pager_s_suppresses_pagination(screen):
    display.set_pagination(True)
    screen.typed(b"s")
    for i in range(60):
        screen.rt.print_(i)
    assert screen.text().count("Press RETURN") == 1
    assert not display.dsp().paginate


def test_end_of_input_continues(screen):
    display.set_pagination(True)
    screen.typed(b"")
    for i in range(50):
        screen.rt.print_(i)
    assert screen.text().count("Press RETURN") == 2


def test_heading_and_footing_pages(screen):
    """The recorded b2_heading_page case, with its page numbers and footing line."""
    rt = screen.rt
    screen.typed(b"")
    rt.heading("Report 'P' 'L'Second line")
    rt.footing("Foot page 'P'")
    rt.print_("line 1")
    rt.page()
    rt.print_("page 2")
    expected = (
        CLEAR
        + "Report    1 \nSecond line\nline 1\n"
        + "\n" * 19
        + "Foot page    1\n"
        + PROMPT
        + CLEAR
        + CLEAR
        + "Report    2 \nSecond line\npage 2\n"
    )
    assert screen.text() == expected


def test_system_page_items(screen):
    rt = screen.rt
    rt.heading("Title")
    rt.print_("x")
    assert rt.system_item(5) == 1  # page number
    assert rt.system_item(6) == 2  # line number on the page, from 1
    assert rt.system_item(4) == 23 - 1 - 1  # lines left, less the pager's line


def test_page_sets_next_page_number(screen):
    rt = screen.rt
    screen.typed(b"")
    rt.heading("P'P'")
    rt.print_("x")
    rt.page(number=7)
    rt.print_("y")
    assert "P   7" in screen.text()


def test_heading_no_eject_keeps_the_page(screen):
    rt = screen.rt
    rt.heading("One")
    rt.print_("x")
    rt.heading("Two", no_eject=True)
    rt.print_("y")
    assert screen.text() == CLEAR + "One\nx\ny\n"


def test_empty_heading_removes_it(screen):
    rt = screen.rt
    rt.heading("")
    rt.print_("x")
    assert screen.text() == "x\n"
    assert not display.dsp().paginate


def test_capture_takes_output_without_pager(screen):
    rt = screen.rt
    display.set_pagination(True)
    rt.start_capture()
    for i in range(30):
        rt.print_(i)
    captured = rt.end_capture()
    assert "Press RETURN" not in captured
    assert captured.startswith("0\n1\n")
    assert display.dsp().line == 0  # the display's page state is restored
    assert screen.text() == ""


def test_hush(screen):
    rt = screen.rt
    rt.hush("ON")
    rt.print_("hidden")
    rt.hush(0)
    assert basic_state.status == 1  # STATUS() is the previous setting
    rt.print_("shown")
    assert screen.text() == "shown\n"


def test_printer_close_ends_the_display_page(screen):
    rt = screen.rt
    screen.typed(b"")
    rt.footing("end")
    rt.print_("x")
    rt.printer_close()
    assert screen.text().startswith("x\n" + "\n" * 21 + "end\n\x1b[24;1HPress RETURN")
    assert display.dsp().footing is None and display.dsp().page_no == 1
