"""BASIC PROGRAM jumps, transpiled by pick2py. Do not edit: change the BASIC.

Source: jumps.bas
Source SHA-256: b7d702b3529c8bb29ef9662f58a10661b2d59a51826b638f2c5cf85c5d492606
Output SHA-256: 2def37c2dc79265c17f57e6276f266d3c924273b5c3760930dc56f697b807a09
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(name="jumps", kind="PROGRAM", source="jumps.bas")
_UNASSIGNED_1 = rt.unassigned("N")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM jumps."""
    N = _UNASSIGNED_1[0]

    # 10:
    def s_10():
        nonlocal N
        # 3: 10 N += 1
        N = rt.add(N, 1)
        # 4: IF N < 3 THEN GOTO 10
        if rt.lt(N, 3):
            return s_10
        # 5: ON N GOSUB 100, 200, 300
        rt.gosub((s_100, s_200, s_300)[rt.on_index(N, 3)])
        # 6: PRINT "N=" : N
        rt.print_(rt.cat("N=", N))
        # 7: STOP
        rt.stop()

    # 100:
    def s_100():
        # 8: 100 PRINT "one" ; RETURN
        rt.print_("one")
        return

    # 200:
    def s_200():
        # 9: 200 PRINT "two" ; RETURN
        rt.print_("two")
        return

    # 300:
    def s_300():
        # 10: 300 PRINT "three" ; RETURN
        rt.print_("three")
        return

    # * Old-style GOTO loops become sections run by rt.run_sections.
    # 2: N = 0
    N = 0
    rt.run_sections(s_10)
