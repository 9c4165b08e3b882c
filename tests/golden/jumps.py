"""BASIC PROGRAM jumps, transpiled by pick2py. Do not edit: change the BASIC.

Source: jumps.bas
Source SHA-256: ccdb0adeab572cf33b999b64768649eef308e0101aa0d038bc3d41fbb165e1ab
Output SHA-256: b0c2276f835f6d9b247994d76616be13dcd2d28878a8fa1b7bd4c0e6f148424e
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(name="jumps", kind="PROGRAM", source="jumps.bas")
_UNASSIGNED_1 = rt.unassigned("N")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM jumps."""
    N = _UNASSIGNED_1[0]

    # 100:
    def s_100():
        # 9: 100 PRINT "one" ; RETURN
        rt.print_("one")
        return

    # 200:
    def s_200():
        # 10: 200 PRINT "two" ; RETURN
        rt.print_("two")
        return

    # 300:
    def s_300():
        # 11: 300 PRINT "three" ; RETURN
        rt.print_("three")
        return

    # * An old-style backward GOTO loop becomes a while loop; ON GOSUB targets
    # * are sections run by rt.gosub.
    # 3: N = 0
    N = 0
    # 4: 10 N += 1
    while True:
        N += 1
        if type(N) is int and N > 2147483647:
            N = float(N)
        # 5: IF N < 3 THEN GOTO 10
        if N < 3:
            continue
        break
    # 6: ON N GOSUB 100, 200, 300
    rt.gosub((s_100, s_200, s_300)[rt.on_index(N, 3)])
    # 7: PRINT "N=" : N
    rt.print_(rt.cat("N=", N))
    # 8: STOP
    rt.stop()
