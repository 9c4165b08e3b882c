* FIELDS: parse a comma-separated line with FIELD(), one item after another.
PROGRAM FIELDS
N = @SENTENCE[" ", 2, 1] + 0
S = STR("12,", N - 1) : "12"
TOTAL = 0
FOR I = 1 TO N
  TOTAL += FIELD(S, ",", I)
NEXT I
PRINT TOTAL
END
