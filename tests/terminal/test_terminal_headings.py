"""HEADING and FOOTING control codes, as ScarletDME's _HF expands them.

Lines of the expansion are joined by a field mark (shown here as "|").
"""

from __future__ import annotations

import pytest

from runtime_lib.terminal.headings import expand
from runtime_lib.terminal.units import PrintUnit

# (template, page, width, expected with "|" for a new line, rule)
CASES = [
    (
        "Report 'P' 'L'Second line",
        1,
        80,
        "Report    1 |Second line",
        "'P' is the page number right-justified in 4, 'L' a new line",
    ),
    ("Page 'P2'", 7, 80, "Page  7", "'Pn' sets the width"),
    ("Page 'P2'", 12345, 80, "Page 12345", "a wider number is not cut"),
    ("Page 'S'.", 7, 80, "Page 7.", "'S' is left-justified, width 1"),
    ("Page 'S3'.", 7, 80, "Page 7  .", "'Sn' pads to n"),
    ("It''s", 1, 80, "It's", "two quotes are one quote"),
    ("A'LL'B", 1, 80, "A||B", "several codes in one pair"),
    (
        "X'C'Title",
        1,
        20,
        "       XTitle",
        "'C' centres its G part (text before the code included) in the width",
    ),
    (
        "'C'Title'G'p'P'",
        2,
        20,
        "       Title  p   2",
        "a G gap after the centred part fills the rest, one column short",
    ),
    (
        "Left'G'Right",
        1,
        20,
        "Left          Right",
        "'G' spreads the line to one column short of the width",
    ),
    ("a'G'b'G'c", 1, 11, "a    b   c", "the first gaps take the rounded-up share"),
    ("Left'G'Right'W30'", 1, 20, "Left                    Right", "'W' sets the width"),
    ("abcdef'H3'x", 1, 80, "abcx", "'Hn' cuts or pads the line so far to n"),
    ("ab'H4'x", 1, 80, "ab  x", "'Hn' pads"),
    (
        "name: 'F' id: 'I5'|",
        1,
        80,
        "name:  id:      |",
        "file name and id are query-processor values: empty, or n spaces",
    ),
    ("'O'a'G'b", 2, 5, "b  a", "'O' reverses the G parts on even pages"),
    ("'O'a'G'b", 3, 5, "a  b", "... and not on odd ones"),
    ("trailing'", 1, 80, "trailing", "a lone quote at the end is dropped"),
    ("'Z''N'x", 1, 80, "x", "codes with nothing to show"),
    ("", 1, 80, "", "empty"),
]


@pytest.mark.parametrize(
    "template, page, width, expected, rule", CASES, ids=[c[4] for c in CASES]
)
def test_expand(template, page, width, expected, rule):
    text, _ = expand(template, page, width)
    assert text.replace("\xfe", "|") == expected


def test_n_code_asks_for_no_pause():
    assert expand("x'N'", 1, 80)[1] is True
    assert expand("x'P'", 1, 80)[1] is False


def test_date_and_time_codes_use_d_and_mts():
    text, _ = expand("'D'", 1, 80)
    assert len(text.split()) == 3  # e.g. 04 MAR 2024
    text, _ = expand("'T'", 1, 80)
    assert text[2] == ":" and text[5] == ":" and text[8:10] == "  "


# (heading, footing, lines per page, data lines): 'L' codes take lines too.
DATA_LINES = [
    (None, None, 24, 24),
    ("Title", None, 24, 23),
    ("Title'L'Sub", "Foot", 24, 21),
    ("a'LLL'b", None, 24, 20),
    ("Title", "Foot", 0, 0),  # a page of 0 lines never ends
]


@pytest.mark.parametrize("heading, footing, lines, data", DATA_LINES)
def test_data_lines(heading, footing, lines, data):
    unit = PrintUnit(-1, "display", lines, 80)
    unit.set_heading(heading or "")
    unit.set_footing(footing or "")
    assert unit.data_lines == data
    assert unit.paginate == (heading is not None or footing is not None)
