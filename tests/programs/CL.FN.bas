* CL.FN: a FUNCTION's FIELD leaves its caller's COL1()/COL2() (call_level_state).
FUNCTION CL.FN(S)
X = FIELD(S, "/", 3)
RETURN COL1()
END
