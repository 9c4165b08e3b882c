* SUB.AS.FN(RESULT, X): a SUBROUTINE called as a function through DEFFUN
* ... CALLING: the result variable comes first (function_by_reference).
SUBROUTINE SUB.AS.FN(RESULT, X)
RESULT = "sub " : X
X = X + 1
RETURN
END
