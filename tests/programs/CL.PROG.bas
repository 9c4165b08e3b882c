* CL.PROG: a program run by EXECUTE starts a call level (call_level_state).
PRINT "executed: " : COL1() : " " : COL2()
X = FIELD("x;yyyyy;z", ";", 3)
PRINT "executed after FIELD: " : COL1() : " " : COL2()
