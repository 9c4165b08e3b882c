* FN.LOOK(S): the number of fields of S, which it does not assign (remove_pointer_call).
FUNCTION FN.LOOK(S)
RETURN DCOUNT(S, @FM)
END
