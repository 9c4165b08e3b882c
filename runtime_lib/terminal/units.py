"""Print units: the display (-1), the printer (0) and units 1 to 255.

Every destination of PRINT is a print unit with a page shape (width,
lines per page, margins), an optional heading and footing, and its place
on the page (page number, line). ScarletDME keeps the same structure for
the display and for printers (``tio.h``: ``PRINT_UNIT``); how each kind
writes is in :mod:`.display` and :mod:`.printer`.
"""

from __future__ import annotations

from typing import Optional

DISPLAY = -1
PRINTER = 0
HIGHEST_UNIT = 255

# Modes (ScarletDME's PRINT_TO_... values).
TO_DISPLAY = "display"
TO_PRINTER = "printer"
TO_FILE = "file"

# Default printer page (ScarletDME's LPTRHIGH and LPTRWIDE settings).
PRINTER_LINES = 66
PRINTER_WIDTH = 80


class PrintUnit:
    """One print unit's settings and its position in the current page."""

    def __init__(self, unit: int, mode: str, lines: int, width: int):
        self.unit = unit
        self.mode = mode
        self.width = width
        self.lines_per_page = lines
        self.top_margin = 0
        self.bottom_margin = 0
        self.left_margin = 0
        self.heading: Optional[str] = None
        self.footing: Optional[str] = None
        self.heading_lines = 0
        self.footing_lines = 0
        self.data_lines = 0
        self.page_no = 1
        self.line = 0
        self.col = 0
        self.paginate = False
        self.header_next = False
        self.has_output = False
        self.active = False
        # PRINTER NAME's printer, PRINTER FILE's target, the open hold file.
        self.printer_name: Optional[str] = None
        self.file_name: Optional[str] = None
        self.path: Optional[str] = None
        self.chunks: list[str] = []
        self.size = 0
        self.owner = 0
        self.set_data_lines()

    def set_data_lines(self) -> None:
        """Work out the lines of a page left for data (set_data_lines in op_tio.c).

        The heading and footing take one line each plus one per ``L`` code;
        a page length of 0 means pages never end.
        """
        if self.lines_per_page == 0:
            data = 0
        else:
            data = self.lines_per_page - (self.top_margin + self.bottom_margin)
        self.heading_lines = _text_lines(self.heading)
        self.footing_lines = _text_lines(self.footing)
        data -= self.heading_lines + self.footing_lines
        self.data_lines = max(data, 0)

    def set_heading(self, text: str) -> None:
        """Set the heading ("" removes it) and whether the unit paginates."""
        self.heading = text or None
        self._update_pagination()

    def set_footing(self, text: str) -> None:
        """Set the footing ("" removes it) and whether the unit paginates."""
        self.footing = text or None
        self._update_pagination()

    def _update_pagination(self) -> None:
        self.paginate = self.heading is not None or self.footing is not None
        self.set_data_lines()


def _text_lines(text: Optional[str]) -> int:
    """Lines a heading or footing occupies: 1, plus one per 'L' in its codes."""
    if text is None:
        return 0
    lines = 1
    in_codes = False
    for c in text:
        if c == "'":
            in_codes = not in_codes
        elif in_codes and c == "L":
            lines += 1
    return lines
