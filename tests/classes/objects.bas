* QM objects end to end: OBJECT() with arguments, public variables,
* GET/SET routines with arguments, methods whose arguments are passed by
* reference (and one by value), OBJINFO(), and DESTROY.OBJECT when the
* last reference goes. Expected output from ScarletDME's rules
* (gplsrc/objprog.c, BCOMP's CLASS code).
C = OBJECT("OBJ.COUNTER", 5, 2)
CRT C->COUNT
C->BUMP
C->BUMP
CRT C->COUNT
CRT C->HISTORY
T = "" ; N = 3
X = C->ADD(N, T)
CRT X:" ":T:" ":N
N = 4
CRT C->TWICE(N):" ":N
C->STEP = 0
CRT "step ":C->STEP
C->STEP = 5
C->BUMP
CRT C->COUNT
C->SLOT(2) = "two"
CRT C->SLOT(2):C->SLOTS(2)
C->SLOTS(3) = "three"
CRT C->SLOT(3)
CRT C->NAME
CRT OBJINFO(C, 0):" ":OBJINFO(C, 1):" ":OBJINFO(T, 0)
IF C->COUNT > 20 THEN CRT "big" ELSE CRT "small"
D = C
D->BUMP
CRT C->COUNT
C = ""
CRT "C cleared"
D = ""
CRT "D cleared"
