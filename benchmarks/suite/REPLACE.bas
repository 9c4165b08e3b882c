* REPLACE: overwrite every field of a dynamic array by index, A<I> = value.
PROGRAM REPLACE
N = @SENTENCE[" ", 2, 1] + 0
A = STR("7" : @FM, N - 1) : "7"
FOR I = 1 TO N
  A<I> = I * 2
NEXT I
PRINT LEN(A) : " " : A<N>
END
