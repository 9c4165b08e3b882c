* CALLS: call an external subroutine in a loop (arguments by reference).
PROGRAM CALLS
N = @SENTENCE[" ", 2, 1] + 0
TOTAL = 0
FOR I = 1 TO N
  CALL ADD.TO(TOTAL, I)
NEXT I
PRINT TOTAL
END
