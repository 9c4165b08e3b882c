"""BASIC PROGRAM objects, transpiled by pick2py. Do not edit: change the BASIC.

Source: objects.bas
Source SHA-256: 3f1a1dbb50bde825476dd8a86149448f418732b5729f4240bfd7e41699236630
Output SHA-256: 18a95feed49b803c21912f31d04740c55c0e83c068974406fa6b4f1ca3dc197d
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(name="objects", kind="PROGRAM", source="objects.bas")
_UNASSIGNED_1 = rt.unassigned("ACC", "TOTAL")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM objects."""
    ACC, TOTAL = _UNASSIGNED_1
    # * Using objects: -> reads and sets properties and calls methods; variables
    # * passed to a method are passed by reference.
    # 3: ACC = OBJECT("ACCOUNT", "Ann")
    ACC = rt.object_("ACCOUNT", "Ann")
    # 4: ACC->ENTRY(1) = "opening"
    rt.set_property(ACC, "ENTRY", 1, "opening")
    # 5: TOTAL = ""
    TOTAL = ""
    # 6: PRINT ACC->DEPOSIT(10, TOTAL) : " " : TOTAL
    _t1, _, TOTAL = rt.get_property_args(ACC, "DEPOSIT", 10, TOTAL)
    rt.print_(rt.cat(_t1, " ", TOTAL))
    # 7: ACC->OWNER->NAME = "Bo"
    rt.set_property(rt.get_property(ACC, "OWNER"), "NAME", "Bo")
    # 8: IF OBJINFO(ACC, 0) THEN PRINT OBJINFO(ACC, 1)
    if rt.truth(rt.objinfo(ACC, 0)):
        rt.print_(rt.objinfo(ACC, 1))
