"""BASIC PROGRAM function_arguments, transpiled by pick2py. Do not edit: change the BASIC.

Source: function_arguments.bas
Source SHA-256: 59ec739027201c3dafde1b80489d7d07043bc44996039dc2ce1d0007464059a9
Output SHA-256: 62407265e29ed67996e67f3019c7221202ba34d19a44327c93490a53400efb84
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(
    name="function_arguments", kind="PROGRAM", source="function_arguments.bas"
)
_UNASSIGNED_1 = rt.unassigned("TEXT", "WORD", "FIRST")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM function_arguments."""
    TEXT, WORD, FIRST = _UNASSIGNED_1

    def l_TWICE(X):
        """BASIC LOCAL FUNCTION TWICE(X)."""
        # 13: RETURN X + X
        return rt.add(X, X)

    def l_TRIM_FIRST(S):
        """BASIC LOCAL FUNCTION TRIM.FIRST(S)."""
        # 17: S = S[2, 999]
        S = rt.substr(S, 2, 999)
        # 18: RETURN S[1, 1]
        return (S[0:1], S)

    # * FUNCTION arguments are passed by reference: the caller stores back the
    # * variables it passed, unless the function is a LOCAL one that assigns none.
    # 3: DEFFUN NEXT.WORD(LINE)
    # 4: DEFFUN TWICE(X) LOCAL
    # 5: DEFFUN TRIM.FIRST(S) LOCAL
    # 6: TEXT = "one two three"
    TEXT = "one two three"
    # 7: WORD = NEXT.WORD(TEXT)
    _t1 = rt.function_target("NEXT.WORD", 1)(TEXT)
    TEXT = _t1[1]
    WORD = _t1[0]
    # 8: PRINT WORD : "|" : TEXT : "|" : TWICE(LEN(WORD))
    rt.print_(rt.cat(WORD, "|", TEXT, "|", l_TWICE(rt.len_(WORD))))
    # 9: FIRST = TRIM.FIRST(TEXT)
    _t2 = l_TRIM_FIRST(TEXT)
    TEXT = _t2[1]
    FIRST = _t2[0]
    # 10: PRINT FIRST : "|" : TEXT
    rt.print_(rt.cat(FIRST, "|", TEXT))
