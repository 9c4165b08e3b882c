* FN.SECTIONS(N, HOW): return from inside a GOSUB (function_by_reference).
FUNCTION FN.SECTIONS(N, HOW)
GOSUB CHANGE
IF HOW = 1 THEN RETURN "plain"
GOTO LATER
CHANGE:
N := "+"
IF HOW = 2 THEN RETURN "from gosub"
RETURN
LATER:
N := "!"
RETURN "after goto"
END
