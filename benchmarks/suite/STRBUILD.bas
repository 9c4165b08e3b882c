* STRBUILD: build a long string by appending to it.
PROGRAM STRBUILD
N = @SENTENCE[" ", 2, 1] + 0
S = ""
FOR I = 1 TO N
  S := I : ","
NEXT I
PRINT LEN(S) : " " : S[1, 20]
END
