* RM.LOOK(S, N): count the fields of S without assigning it (remove_pointer_call).
SUBROUTINE RM.LOOK(S, N)
N = DCOUNT(S, @FM)
RETURN
END
