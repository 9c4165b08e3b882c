* FN.VARARGS(A, B, C): set what it was given (function_by_reference).
FUNCTION FN.VARARGS(A, B, C) VAR.ARGS
N = ARG.COUNT()
A = "a" ; B = "b" ; C = "c"
RETURN N
END
