"""SYSMSG(), GET.MESSAGES() and CHGPHANT() (messages.c, _MSGARGS, _GETMSG)."""

from __future__ import annotations

import pytest

from runtime_lib.messages import MESSAGES, get_messages, sysmsg
from runtime_lib.phantom import chgphant
from runtime_lib.session import session
from runtime_lib.state import state


@pytest.fixture(autouse=True)
def status_42(monkeypatch):
    monkeypatch.setattr(state, "status", 42)
    monkeypatch.setitem(session.values, "OS.ERROR", 13)


# (SYSMSG arguments, text)
CASES = [
    # A record pick2py carries, no arguments: as stored.
    ((1200,), "Requires file variable"),
    ((1750,), "Press RETURN to continue"),
    # %1 to %4 are the arguments.
    ((6130, "ORDERS"), "No VOC record found for ORDERS"),
    ((6482, 12), "Started phantom user 12"),
    # Missing arguments are "".
    ((6130,), "No VOC record found for "),
    # C-style %s/%d are not SYSMSG's: dropped with their letter.
    ((1104,), "Non-numeric where numeric required|in "),
    ((1402, 3007), "Error  opening file"),
    # The number may be a string; a float is truncated.
    (("1200",), "Requires file variable"),
    ((1200.7,), "Requires file variable"),
    # Any other number: ScarletDME's text for a missing record.
    ((9999,), "[9999] Message not found"),
    ((9999, "a", "b"), "[9999] Message not found"),
    ((-1,), "[-1] Message not found"),
]


@pytest.mark.parametrize("args, text", CASES)
def test_sysmsg(args, text):
    assert sysmsg(*args) == text
    # SYSMSG() leaves STATUS() alone.
    assert state.status == 42


@pytest.mark.parametrize(
    "template, text",
    [
        # _MSGARGS: %S STATUS(), %E OS.ERROR(), %% a percent sign.
        ("s=%S e=%E", "s=42 e=13"),
        ("100%%", "100%"),
        # %M is ERRTEXT(STATUS()); without a text for it, the number.
        ("m=%M", "m=42"),
        # Unknown codes, and a % at the end, vanish.
        ("a%xb%", "ab"),
        # Substituted text is not scanned again.
        ("%1", "%2"),
    ],
)
def test_substitutions(monkeypatch, template, text):
    monkeypatch.setitem(MESSAGES, 1, template)
    assert sysmsg(1, "%2", "two") == text


def test_records_are_carried_whole():
    # 1502 is the day suffixes the D conversion's DO uses.
    assert MESSAGES[1502].split(",")[:3] == ["1st", "2nd", "3rd"]
    assert len(MESSAGES[1502].split(",")) == 31


def test_no_messages_are_ever_waiting():
    # No MESSAGE command, no other users: _GETMSG finds nothing.
    assert get_messages() == ""


def test_chgphant_succeeds():
    # op_chgphant returns 1 and does nothing else.
    assert chgphant() == 1
