* APPEND: build a dynamic array of N fields with A<-1> = value.
PROGRAM APPEND
N = @SENTENCE[" ", 2, 1] + 0
A = ""
FOR I = 1 TO N
  A<-1> = I
NEXT I
PRINT LEN(A) : " " : DCOUNT(A, @FM)
END
