"""Outcome codes that statements with THEN/ELSE/LOCKED/ON ERROR return.

Generated code calls the runtime function for such a statement, then picks
the clause to run from the outcome::

    outcome, REC = rt.read(F, ID, has_else=True)
    if outcome == rt.THEN: ...
    elif outcome == rt.LOCKED: ...
    else: ...

A statement with no ON ERROR clause never returns ON_ERROR: the runtime
raises the fatal error instead, as ScarletDME does. A locking statement with
no LOCKED clause waits for the lock instead of returning LOCKED.
"""

THEN = 0
ELSE = 1
LOCKED = 2
ON_ERROR = 3
