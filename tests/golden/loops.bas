* Loops and a GOSUB: structured BASIC stays structured Python.
TOTAL = 0
FOR I = 1 TO 10 STEP 2
  IF MOD(I, 3) = 0 THEN CONTINUE
  TOTAL += I
NEXT I
N = 0
LOOP
  N += 1
WHILE N < 5 DO
  GOSUB SHOW
REPEAT
STOP
SHOW:
  PRINT N : " " : TOTAL
  RETURN
