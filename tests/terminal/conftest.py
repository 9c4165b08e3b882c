"""The terminal tests' fixture: a fresh terminal session per test."""

from __future__ import annotations

import pytest

from runtime_lib import terminal


@pytest.fixture
def term(monkeypatch):
    """Return a function that starts a fresh terminal session with an environment.

    ``term("xterm", LINES="30")`` sets TERM (and any other variables), clears
    LINES/COLUMNS unless given, and resets the terminal state.
    """

    def start(name: str = "xterm", **env: str):
        monkeypatch.setenv("TERM", name)
        for variable in ("LINES", "COLUMNS", "PICK2PY_TERMINFO"):
            monkeypatch.delenv(variable, raising=False)
        for variable, value in env.items():
            monkeypatch.setenv(variable, value)
        terminal.reset_session()
        return terminal

    yield start
    monkeypatch.undo()
    terminal.reset_session()
