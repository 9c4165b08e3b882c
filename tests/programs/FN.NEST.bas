* FN.NEST(N): pass N on to FN.BUMP by reference (function_by_reference).
FUNCTION FN.NEST(N)
DEFFUN FN.BUMP(N, STEP)
RETURN FN.BUMP(N, 10) * 2
END
