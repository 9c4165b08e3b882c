* CALL passes its arguments by reference: they come back by one tuple
* assignment. A FOR counter the CALL may change keeps the loop a while,
* with the test and the step inline while the values are integers.
N = @SENTENCE[" ", 2, 1] + 0
TOTAL = 0
FOR I = 1 TO N
  CALL ADD.TO(TOTAL, I)
NEXT I
FOR J = 10 TO 1 STEP -2
  CALL SHOW(J)
  CALL SHOW.ALL(J, "x", TOTAL)
NEXT J
CALL SHOW(TOTAL<1>)
PRINT TOTAL
