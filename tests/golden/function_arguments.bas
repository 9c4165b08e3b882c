* FUNCTION arguments are passed by reference: the caller stores back the
* variables it passed, unless the function is a LOCAL one that assigns none.
DEFFUN NEXT.WORD(LINE)
DEFFUN TWICE(X) LOCAL
DEFFUN TRIM.FIRST(S) LOCAL
TEXT = "one two three"
WORD = NEXT.WORD(TEXT)
PRINT WORD : "|" : TEXT : "|" : TWICE(LEN(WORD))
FIRST = TRIM.FIRST(TEXT)
PRINT FIRST : "|" : TEXT

LOCAL FUNCTION TWICE(X)
   RETURN X + X
END

LOCAL FUNCTION TRIM.FIRST(S)
   S = S[2, 999]
   RETURN S[1, 1]
END
