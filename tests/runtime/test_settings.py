"""CONFIG(), GETNLS() and UMASK() (op_config.c, op_getnls, op_umask)."""

from __future__ import annotations

import os

import pytest

from runtime_lib.errors import NonNumericError
from runtime_lib.settings import config, getnls, umask
from runtime_lib.state import state

# (name, value, STATUS())
CONFIG_CASES = [
    # config.c defaults, with op_config's formatting.
    ("YEARBASE", 1930, 0),
    ("INTPREC", 13, 0),
    ("FLTDIFF", "0.00000000002910", 0),  # sprintf("%.14lf")
    ("LPTRHIGH", 66, 0),
    ("LPTRWIDE", 80, 0),
    ("MAXCALL", 10000, 0),
    ("CMDSTACK", 99, 0),
    ("SORTMEM", 1024, 0),  # kilobytes
    ("SH", "", 0),
    # pick2py accepts ids up to 255 bytes.
    ("MAXIDLEN", 255, 0),
    # Names are matched exactly: lower case is not known (ER_NOT_FOUND).
    ("yearbase", "", 1004),
    ("NOSUCH", "", 1004),
    # Longer than 8 characters or empty (undefined in ScarletDME).
    ("YEARBASEX", "", 1004),
    ("", "", 1004),
]


@pytest.mark.parametrize("name, value, status", CONFIG_CASES)
def test_config(name, value, status):
    state.status = 77
    assert config(name) == value
    assert state.status == status


@pytest.mark.parametrize(
    "key, value",
    [
        (1, "$"),  # NLS$CURRENCY
        (2, ","),  # NLS$THOUSANDS
        (3, "."),  # NLS$DECIMAL
        ("2", ","),
        (0, ""),
        (4, ""),
        (65537, "$"),  # a 16-bit key in op_getnls
    ],
)
def test_getnls(key, value):
    assert getnls(key) == value


def test_getnls_key_must_be_numeric():
    with pytest.raises(NonNumericError):
        getnls("CURRENCY")


def test_umask_sets_and_returns_the_previous_mask():
    saved = os.umask(0o022)
    try:
        # A negative value only asks.
        assert umask(-1) == 0o022
        assert umask(-1) == 0o022
        # Otherwise the new mask (& 0777) is set and the old one returned.
        assert umask(0o077) == 0o022
        assert umask(0o1777) == 0o077
        assert umask(-1) == 0o777
    finally:
        os.umask(saved)
