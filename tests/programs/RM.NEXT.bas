* RM.NEXT(S, X, D): REMOVE the next item of S (remove_pointer_call).
SUBROUTINE RM.NEXT(S, X, D)
REMOVE X FROM S SETTING D
RETURN
END
