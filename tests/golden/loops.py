"""BASIC PROGRAM loops, transpiled by pick2py. Do not edit: change the BASIC.

Source: loops.bas
Source SHA-256: cea01087a4a73cf6d197c68bb638c469d4b0c71ffe70dec37f494800ee08b984
Output SHA-256: 178ff8cd0d783ab2e4aa3156eef822955325ae75301d0d61a2b8bf61aee2e1f2
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(name="loops", kind="PROGRAM", source="loops.bas")
_UNASSIGNED_1 = rt.unassigned("TOTAL", "I", "N")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM loops."""
    TOTAL, I, N = _UNASSIGNED_1

    # SHOW:
    def s_SHOW():
        # 15: PRINT N : " " : TOTAL
        rt.print_(rt.cat(N, " ", TOTAL))
        # 16: RETURN
        return

    # * Loops and a GOSUB: structured BASIC stays structured Python.
    # 2: TOTAL = 0
    TOTAL = 0
    # 3: FOR I = 1 TO 10 STEP 2
    for I in range(1, 11, 2):
        # 4: IF MOD(I, 3) = 0 THEN CONTINUE
        if I % 3 == 0:
            continue
        # 5: TOTAL += I
        TOTAL += I
        if type(TOTAL) is int and TOTAL > 2147483647:
            TOTAL = float(TOTAL)
    # 7: N = 0
    N = 0
    # 8: LOOP
    while True:
        # 9: N += 1
        N += 1
        if type(N) is int and N > 2147483647:
            N = float(N)
        # 10: WHILE N < 5 DO
        if not (N < 5):
            break
        # 11: GOSUB SHOW
        rt.gosub(s_SHOW)
    # 13: STOP
    rt.stop()
