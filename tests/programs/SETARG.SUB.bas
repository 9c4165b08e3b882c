* Called by set_arg.bas: SET.ARG assigns an argument by its number.
SUBROUTINE SETARG.SUB(A, B)
SET.ARG 2, A : "+"
SET.ARG 1, "one"
RETURN
