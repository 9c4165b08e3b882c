"""BASIC PROGRAM records, transpiled by pick2py. Do not edit: change the BASIC.

Source: records.bas
Source SHA-256: d3a944913884dbf1608cee87cfe9a1c978aea5f42cbd3e6444c0125585bb6bf6
Output SHA-256: 51704d7e8e761c099df0ed640d39092cc7271ec1da7fdf5ac5d365213bbca609
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(name="records", kind="PROGRAM", source="records.bas")
_UNASSIGNED_1 = rt.unassigned("F", "REC")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM records."""
    F, REC = _UNASSIGNED_1
    # * File statements branch on the outcome the runtime returns.
    # 2: OPEN "CUSTOMERS" TO F ELSE STOP "no file"
    _t1, _t2 = rt.open_file("", "CUSTOMERS")
    F = _t2
    if _t1 == rt.ELSE:
        rt.stop("no file")
    # 3: READU REC FROM F, "C1" LOCKED
    _t3, _t4 = rt.read(F, "C1", has_locked=True, lock="U")
    REC = _t4
    if _t3 == rt.ELSE:
        # 6: REC = ""
        REC = ""
    elif _t3 == rt.LOCKED:
        # 4: PRINT "busy"
        rt.print_("busy")
    # 8: REC<1> = "Ada"
    REC = rt.replace(REC, 1, 0, 0, "Ada")
    # 9: WRITE REC ON F, "C1"
    rt.write(REC, F, "C1")
