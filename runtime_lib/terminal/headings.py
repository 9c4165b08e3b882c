"""HEADING and FOOTING text: expanding the quoted control codes.

A heading is text with control codes between single quotes, several codes
in one pair allowed (``'PL'``); two quotes in a row give one quote. The
codes, as ScarletDME's heading processor reads them (``_HF``):

- ``P[n]`` page number right-justified in n columns (4 by default, wider
  if the number needs it); ``S[n]`` the same left-justified (default 1);
- ``L`` starts a new line; ``C`` centres the text from here to the next
  ``G``; ``G`` marks a gap that the line's spare width is shared across;
  ``H n`` pads or cuts the line so far to n columns; ``W n`` sets the width
  used for centring and gaps; ``O`` reverses the order of the G parts on
  even pages;
- ``D`` the date (default ``D`` conversion), ``T`` the time and date;
- ``N`` stops the display pausing at page ends;
- ``B``, ``F`` and ``I``/``R`` are query-processor values (break value, file
  name, record id): empty in a BASIC program (or n spaces with a width).

The expansion is one string with a field mark between lines.
"""

from __future__ import annotations

import re

from runtime_lib.values import FM

GAP = "\x11"  # where a G code was (ScarletDME uses char 17 too)


def expand(template: str, page: int, width: int) -> tuple[str, bool]:
    """Return (expanded text, whether ``'N'`` asked for no pause)."""
    expander = _Expander(page, width)
    return expander.run(template), expander.no_pause


def _idiv(a: int, b: int) -> int:
    """IDIV: integer division truncating toward zero."""
    return int(a / b)


def _change(s: str, old: str, new: str, count: int = -1) -> str:
    return s.replace(old, new, count if count >= 0 else -1)


class _Expander:
    def __init__(self, page: int, width: int):
        self.page = page
        self.width = width
        self.no_pause = False
        self.lines: list[str] = []
        self.line = ""
        self.centre = 0
        self.reverse = False

    def run(self, template: str) -> str:
        rest = template
        while True:
            quote = rest.find("'")
            if quote < 0:
                self.line += rest
                break
            self.line += rest[:quote]
            rest = rest[quote + 1 :]
            if not rest:
                break  # a lone quote at the end is dropped
            if rest[0] == "'":
                self.line += "'"
                rest = rest[1:]
            else:
                end = rest.find("'")
                codes, rest = (rest, "") if end < 0 else (rest[:end], rest[end + 1 :])
                self.codes(codes)
            if not rest:
                break
        self.align()
        return FM.join(self.lines)

    def codes(self, ctrl: str) -> None:
        from runtime_lib.conversions import oconv
        from runtime_lib.session import at

        while ctrl:
            c, ctrl = ctrl[0], ctrl[1:]
            if c == "B":
                if ctrl[:1].isdigit():
                    ctrl = ctrl[1:]
            elif c == "C":
                self.centre = self.line.count(GAP) + 1
            elif c == "D":
                self.line += str(oconv(at("DATE"), "D"))
            elif c in "FIR":
                digits, ctrl = _leading_digits(ctrl)
                if digits and int(digits) > 0:
                    self.line += " " * int(digits)
            elif c == "G":
                self.line += GAP
            elif c == "H":
                digits, ctrl = _leading_digits(ctrl)
                n = int(digits) if digits else 0
                self.line = (self.line + " " * n)[:n]
            elif c == "L":
                self.align()
            elif c == "N":
                self.no_pause = True
            elif c == "O":
                self.reverse = True
            elif c in "PS":
                size = int(ctrl[0]) if ctrl[:1].isdigit() else (4 if c == "P" else 1)
                if ctrl[:1].isdigit():
                    ctrl = ctrl[1:]
                number = str(self.page)
                size = max(size, len(number))
                self.line += number.rjust(size) if c == "P" else number.ljust(size)
            elif c == "T":
                now = oconv(at("TIME"), "MTS")
                self.line += f"{now}  {oconv(at('DATE'), 'D')}"
            elif c == "W":
                digits, rest = _leading_digits(ctrl)
                if digits:
                    self.width = int(digits)
                    ctrl = rest

    def align(self) -> None:
        """End the current line: apply C, G and O, then start a new line."""
        line = self.line
        if self.reverse and self.page % 2 == 0:
            parts = line.split(GAP)
            if len(parts) > 1:
                line = GAP.join(reversed(parts))
        result = line
        width = self.width
        if self.centre:
            parts = line.split(GAP)
            middle = parts[self.centre - 1] if self.centre <= len(parts) else ""
            left_width = _idiv(width - len(middle), 2)
            result = " " * max(left_width, 0) + middle
            right_width = width - len(result)
            right = GAP.join(parts[self.centre :])
            if right:
                result += _spread(GAP + right, right_width)
        else:
            left_width = width
        if self.centre != 1:
            if self.centre:
                left = GAP.join(line.split(GAP)[: self.centre - 1]) + GAP
            else:
                left = line
            if GAP in left:
                left = _spread(left, left_width)
                if len(result) < left_width:
                    result = left
                else:
                    result = left + result[max(left_width, 0) :]
        self.lines.append(result)
        self.line = ""
        self.centre = 0
        self.reverse = False


def _spread(s: str, width: int) -> str:
    """Replace the gap marks in s by spaces sharing out the spare width."""
    n = s.count(GAP)
    spare = (width - 1) - (len(s) - n)
    if n > 1:
        s = _change(s, GAP, " " * max(_idiv(spare + n - 1, n), 0), n - 1)
    return _change(s, GAP, " " * max(width - len(s), 0))


def _leading_digits(text: str) -> tuple[str, str]:
    match = re.match(r"\d*", text)
    digits = match.group(0) if match else ""
    return digits, text[len(digits) :]
