* A GOTO into a FOR body: the loop is flattened into labelled sections.
FOR I = 1 TO 3
  IF I = 2 THEN GOTO 20
  PRINT "a":I
20 PRINT "b":I
NEXT I
J = 1
GOTO 30
FOR J = 1 TO 2
30 PRINT "in J loop ":J
NEXT J
