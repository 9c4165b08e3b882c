"""@SENTENCE of a program run as ``pick2py run PROG WORDS...``.

It is the program's name and its words, as a command line typed at
ScarletDME's command prompt would hold them: the shell took the quotes off
an argument that holds a space (or is empty), so they are put back, and a
program splitting @SENTENCE on spaces finds the argument whole.
"""

from __future__ import annotations

import pytest

from basic_runner import run_basic


@pytest.mark.parametrize(
    "words, sentence",
    [
        (["one", "two"], "SENT one two"),
        (["one", "two three"], 'SENT one "two three"'),
        (["", "x"], 'SENT "" x'),
        (['say "hi" now'], "SENT 'say \"hi\" now'"),
        (['it\'s "so" now'], 'SENT \\it\'s "so" now\\'),
    ],
)
def test_words_with_spaces_keep_their_quotes(tmp_path, words, sentence):
    (tmp_path / "SENT.bas").write_text("PRINT @SENTENCE\n")
    done = run_basic(tmp_path / "SENT.bas", tmp_path, *words)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == sentence + "\n"
