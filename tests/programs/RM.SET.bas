* RM.SET(S): assign S (remove_pointer_call).
SUBROUTINE RM.SET(S)
S = S : @FM : "w"
RETURN
END
