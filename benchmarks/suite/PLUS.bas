* PLUS: the sum of two numbers (called by FUNCS).
FUNCTION PLUS(A, B)
RETURN A + B
END
