"""Process-wide BASIC state that ScarletDME keeps outside variables.

One BASIC session runs per Python process (a forked child gets a copy), so
this is a module-level singleton. Values that ScarletDME keeps per call level
(PRECISION, COL1() and COL2()) start afresh in each CALL, function, method
or program and are the caller's again when it returns: see
:meth:`State.enter_call`.
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

    def enter_call(self) -> tuple[int, int, int]:
        """Start a call level; return the caller's level for :meth:`leave_call`.

        ScarletDME keeps PRECISION, COL1() and COL2() in the PROGRAM
        structure that k_call saves and init_program resets (kernel.c): a
        called routine starts with PRECISION 4 and COL1() = COL2() = 0, and
        the caller finds its own values again after the call. The BASIC
        routines behind some intrinsics (SUBSTITUTE's _SUBST, ERRMSG's
        _PICKMSG) run as such levels too. ``runtime_lib.calls`` does the
        same inline, as CALL is a hot path.
        """
        saved = self.precision, self.col1, self.col2
        self.precision = DEFAULT_PRECISION
        self.col1 = self.col2 = 0
        return saved

    def leave_call(self, saved: tuple[int, int, int]) -> None:
        """End a call level begun by :meth:`enter_call`."""
        self.precision, self.col1, self.col2 = saved


state = State()
