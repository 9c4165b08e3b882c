"""BASIC PROGRAM call_arguments, transpiled by pick2py. Do not edit: change the BASIC.

Source: call_arguments.bas
Source SHA-256: 450c7da3d251e9b563f0b4ce3428f222c0a60e4ee6a7ce5ee76e93657f373c89
Output SHA-256: 10244b6d726a6c4f755dd2123c9d52907baad201cac7154d6ce6cc9293c6f586
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(
    name="call_arguments", kind="PROGRAM", source="call_arguments.bas"
)
_UNASSIGNED_1 = rt.unassigned("N", "TOTAL", "I", "J")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM call_arguments."""
    N, TOTAL, I, J = _UNASSIGNED_1
    # * CALL passes its arguments by reference: they come back by one tuple
    # * assignment. A FOR counter the CALL may change keeps the loop a while,
    # * with the test and the step inline while the values are integers.
    # 4: N = @SENTENCE[" ", 2, 1] + 0
    N = rt.add(rt.group(rt.at("SENTENCE"), " ", 2, 1), 0)
    # 5: TOTAL = 0
    TOTAL = 0
    # 6: FOR I = 1 TO N
    I = 1
    _n1 = I
    while _n1 <= N if type(_n1) is type(N) is int else rt.for_test(_n1, N, 1):
        I = _n1
        # 7: CALL ADD.TO(TOTAL, I)
        TOTAL, I = rt.call_target("ADD.TO", 2)(TOTAL, I)
        # 8: NEXT I
        _n1 = (
            I + 1 if type(I) is int and -2147483648 <= I <= 2147483646 else rt.add(I, 1)
        )
    # 9: FOR J = 10 TO 1 STEP -2
    J = 10
    _n2 = J
    while _n2 >= 1 if type(_n2) is int else rt.for_test(_n2, 1, -2):
        J = _n2
        # 10: CALL SHOW(J)
        J = rt.call_target("SHOW", 1)(J)[0]
        # 11: CALL SHOW.ALL(J, "x", TOTAL)
        J, _, TOTAL = rt.call_target("SHOW.ALL", 3)(J, "x", TOTAL)
        # 12: NEXT J
        _n2 = (
            J - 2
            if type(J) is int and -2147483646 <= J <= 2147483647
            else rt.add(J, -2)
        )
    # 13: CALL SHOW(TOTAL<1>)
    rt.call_target("SHOW", 1)(rt.extract(TOTAL, 1))
    # 14: PRINT TOTAL
    rt.print_(TOTAL)
