* CONVERT: dates and amounts through OCONV and ICONV.
PROGRAM CONVERT
N = @SENTENCE[" ", 2, 1] + 0
TOTAL = 0
LAST = ""
FOR I = 1 TO N
  DAY = MOD(I * 37, 40000)
  TEXT = OCONV(DAY, "D4/")
  TOTAL += ICONV(TEXT, "D4/")
  LAST = OCONV(I * 1234, "MD2,")
NEXT I
PRINT TOTAL : " " : TEXT : " " : LAST
END
