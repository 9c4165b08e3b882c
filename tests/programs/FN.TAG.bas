* FN.TAG(S): change S, return its old value in brackets (function_by_reference).
FUNCTION FN.TAG(S)
OLD = S
S = "changed"
RETURN "[" : OLD : "]"
END
