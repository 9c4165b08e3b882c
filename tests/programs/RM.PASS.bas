* RM.PASS(S, X, D): let RM.NEXT do it (remove_pointer_call).
SUBROUTINE RM.PASS(S, X, D)
CALL RM.NEXT(S, X, D)
RETURN
END
