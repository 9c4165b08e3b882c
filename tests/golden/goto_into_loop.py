"""BASIC PROGRAM goto_into_loop, transpiled by pick2py. Do not edit: change the BASIC.

Source: goto_into_loop.bas
Source SHA-256: fc21ae822339da074038f645de6b3064f5fde4f080945c6356fe67c30e311a32
Output SHA-256: d1a18f979faf07884ca820e64fc2b6794615be6247d5a6fab271120f9d6b38f1
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(
    name="goto_into_loop", kind="PROGRAM", source="goto_into_loop.bas"
)
_UNASSIGNED_1 = rt.unassigned("I", "J")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM goto_into_loop."""
    I, J = _UNASSIGNED_1

    def s__1():
        # * A GOTO into a FOR body: the loop is flattened into labelled sections.
        # 3: IF I = 2 THEN GOTO 20
        if rt.eq(I, 2):
            return s_20
        # 4: PRINT "a":I
        rt.print_(rt.cat("a", I))
        return s_20

    # 20:
    def s_20():
        nonlocal I
        # 5: 20 PRINT "b":I
        rt.print_(rt.cat("b", I))
        # 2: FOR I = 1 TO 3
        _t1 = rt.add(I, 1)
        if rt.for_test(_t1, 3, 1):
            I = _t1
            return s__1
        return s__3

    def s__3():
        nonlocal J
        # 7: J = 1
        J = 1
        # 8: GOTO 30
        return s_30
        # 9: FOR J = 1 TO 2
        J = 1
        if not rt.for_test(J, 2, 1):
            return s__6
        return s__4

    def s__4():
        return s_30

    # 30:
    def s_30():
        nonlocal J
        # 10: 30 PRINT "in J loop ":J
        rt.print_(rt.cat("in J loop ", J))
        # 9: FOR J = 1 TO 2
        _t2 = rt.add(J, 1)
        if rt.for_test(_t2, 2, 1):
            J = _t2
            return s__4
        return s__6

    def s__6():
        pass

    # 2: FOR I = 1 TO 3
    I = 1
    if not rt.for_test(I, 3, 1):
        rt.run_sections(s__3)
        return
    rt.run_sections(s__1)
