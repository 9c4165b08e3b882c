* A subroutine, not a class (tests/classes/err_not_class.bas).
SUBROUTINE NOT.A.CLASS
RETURN
