* SUMLOOP: a tight numeric loop summing its counter.
* The sum passes 2^31 for N above 65535, where BASIC's integers turn into
* floats (ScarletDME's int32 overflow rule); the printed digits are the same.
PROGRAM SUMLOOP
N = @SENTENCE[" ", 2, 1] + 0
TOTAL = 0
FOR I = 1 TO N
  TOTAL += I
NEXT I
PRINT TOTAL
END
