* EXIT in an inner loop under an IF must leave only the inner loop.
I = 0
LOOP
  I += 1
  IF I < 3 THEN
    LOOP
      EXIT
    REPEAT
    PRINT "inner done ":I
  END
  IF I = 4 THEN GOTO 99
WHILE I < 10 DO
REPEAT
99 PRINT "end ":I
