* LOCATE: keep a list sorted with LOCATE ... BY "AR" and INS.
PROGRAM LOCATE
N = @SENTENCE[" ", 2, 1] + 0
L = ""
FOR I = 1 TO N
  X = MOD(I * 7919, 100003)
  LOCATE X IN L<1, 1> BY "AR" SETTING POS ELSE NULL
  INS X BEFORE L<1, POS>
NEXT I
PRINT DCOUNT(L<1>, @VM) : " " : L<1, 1> : " " : L<1, N>
END
