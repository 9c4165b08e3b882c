"""Process-wide BASIC state that ScarletDME keeps outside variables.

One BASIC session runs per Python process (a forked child gets a copy), so
this is a module-level singleton. Values that ScarletDME keeps per call level
(PRECISION) are saved and restored by the call machinery in
``runtime_lib.calls``.
"""

from __future__ import annotations

# ScarletDME's qmconfig defaults (config.c).
FLTDIFF = 2.91e-11
INTPREC = 13
YEARBASE = 1930
DEFAULT_PRECISION = 4


class State:
    """Mutable session state: STATUS(), PRECISION, option flags."""

    def __init__(self) -> None:
        self.status = 0
        self.precision = DEFAULT_PRECISION
        # OPTION flags (ScarletDME options.h); all off by default.
        self.opt_non_numeric_warning = False
        self.opt_div_zero_warning = False
        self.opt_unassigned_warning = False
        self.opt_pick_null = False
        self.opt_ampm_upcase = False
        # FIELD() leaves these for COL1() and COL2().
        self.col1 = 0
        self.col2 = 0


state = State()
