"""BASIC PROGRAM fast_paths, transpiled by pick2py. Do not edit: change the BASIC.

Source: fast_paths.bas
Source SHA-256: b6d2af629b54842e3ba6f06d077656a748cbb49fea8cc9ffe67ef250a9ede4d2
Output SHA-256: 1d241f50ad8af025158a569d64c8e5e2fa60e68061348543a1bcbe600e21674e
"""

from runtime_lib import rt

__basic__ = rt.ItemInfo(name="fast_paths", kind="PROGRAM", source="fast_paths.bas")
_UNASSIGNED_1 = rt.unassigned("N", "COUNT", "LIST", "TEXT", "K", "D", "POS")


@rt.program(__basic__)
def main():
    """BASIC PROGRAM fast_paths."""
    N, COUNT, LIST, TEXT, K, D, POS = _UNASSIGNED_1
    # * Native Python where the types pass proves BASIC's rules give the same
    # * answer: comparisons and joins of whole numbers behind a type() test,
    # * and a dynamic array held as a list of fields while a loop works on it.
    # 4: N = @SENTENCE[" ", 2, 1] + 0
    N = rt.add(rt.group(rt.at("SENTENCE"), " ", 2, 1), 0)
    # 5: COUNT = 0 ; LIST = "" ; TEXT = ""
    COUNT = 0
    LIST = ""
    TEXT = ""
    # 6: FOR K = 2 TO N
    _LIST_fields = rt.Fields(LIST)
    for K in rt.for_range(2, N):
        # 7: D = 2
        D = 2
        # 8: LOOP WHILE D * D <= K DO
        while True:
            if not (
                D * D <= K if type(D) is type(K) is int else rt.le(rt.mul(D, D), K)
            ):
                break
            # 9: IF MOD(K, D) = 0 THEN EXIT
            if K % D == 0 if type(D) is type(K) is int else rt.eq(rt.mod_(K, D), 0):
                break
            # 10: D += 1
            D += 1
            if type(D) is int and D > 2147483647:
                D = float(D)
        # 12: IF D * D > K THEN COUNT += 1
        if D * D > K if type(D) is type(K) is int else rt.gt(rt.mul(D, D), K):
            COUNT += 1
            if type(COUNT) is int and COUNT > 2147483647:
                COUNT = float(COUNT)
        # 13: TEXT := K : ","
        TEXT += str(K) + "," if type(K) is int else rt.cat(K, ",")
        # 14: LOCATE K IN LIST<1, 1> BY "AR" SETTING POS ELSE INS K BEFORE LIST<1, POS>
        _t1, _t2 = _LIST_fields.locate(K, 1, 1, 0, "AR")
        POS = _t2
        if not _t1:
            _LIST_fields.insert(1, POS, 0, K)
    LIST = _LIST_fields.text()
    # 16: PRINT COUNT : " " : TEXT : " " : LIST
    rt.print_(rt.cat(COUNT, " ", TEXT, " ", LIST))
