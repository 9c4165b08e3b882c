* COL1(), COL2() and PRECISION belong to a call level. ScarletDME keeps
* them in the PROGRAM structure that k_call (kernel.c) saves before a CALL,
* a function, a program run by EXECUTE or the BASIC routine behind an
* intrinsic (k_recurse, as for SUBSTITUTE's _SUBST), and that init_program
* starts afresh: the callee sees PRECISION 4 and COL1() = COL2() = 0, and
* the caller finds its own values again when it returns. A GOSUB is no new
* level.
DEFFUN CL.FN(S)
PRECISION 2
X = FIELD("aa,bb,cc", ",", 2)
PRINT "main: " : 1 / 3 : " " : COL1() : " " : COL2()
CALL CL.SUB
PRINT "after CALL: " : 1 / 3 : " " : COL1() : " " : COL2()
PRINT "function: " : CL.FN("p/qq/rrr")
PRINT "after function: " : COL1() : " " : COL2()
EXECUTE "CL.PROG"
PRINT "after EXECUTE: " : COL1() : " " : COL2()
Y = SUBSTITUTE("a" : @VM : "b", "b", "x,yy,z")
PRINT "after SUBSTITUTE: " : COL1() : " " : COL2()
GOSUB LOCAL.FIELD
PRINT "after GOSUB: " : COL1() : " " : COL2()
STOP
LOCAL.FIELD:
  X = FIELD("a-b-cccc", "-", 3)
  RETURN
END
