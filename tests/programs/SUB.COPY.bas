* SUB.COPY((A), B): A is a copy, B by reference (by_value_parameters).
SUBROUTINE SUB.COPY((A), B)
A = A + 10
B = B + 10
RETURN
END
