* EXTRACT: sum the fields of a dynamic array read by index, A<I>.
PROGRAM EXTRACT
N = @SENTENCE[" ", 2, 1] + 0
A = STR("7" : @FM, N - 1) : "7"
TOTAL = 0
FOR I = 1 TO N
  TOTAL += A<I>
NEXT I
PRINT TOTAL
END
