* FN.BUMP(N, STEP): add STEP to N; return the new N (function_by_reference).
FUNCTION FN.BUMP(N, STEP)
N = N + STEP
RETURN N
END
