* FN.NEXT(S): REMOVE the next item of S and return it (remove_pointer_call).
FUNCTION FN.NEXT(S)
REMOVE X FROM S SETTING D
RETURN X
END
