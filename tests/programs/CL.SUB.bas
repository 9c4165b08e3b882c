* CL.SUB: a routine's own COL1()/COL2() and PRECISION (call_level_state).
SUBROUTINE CL.SUB
PRINT "sub starts: " : 1 / 3 : " " : COL1() : " " : COL2()
X = FIELD("abcdefgh,ij", ",", 2)
PRECISION 6
PRINT "sub after FIELD: " : 1 / 3 : " " : COL1() : " " : COL2()
RETURN
END
