* Native Python where the types pass proves BASIC's rules give the same
* answer: comparisons and joins of whole numbers behind a type() test,
* and a dynamic array held as a list of fields while a loop works on it.
N = @SENTENCE[" ", 2, 1] + 0
COUNT = 0 ; LIST = "" ; TEXT = ""
FOR K = 2 TO N
   D = 2
   LOOP WHILE D * D <= K DO
      IF MOD(K, D) = 0 THEN EXIT
      D += 1
   REPEAT
   IF D * D > K THEN COUNT += 1
   TEXT := K : ","
   LOCATE K IN LIST<1, 1> BY "AR" SETTING POS ELSE INS K BEFORE LIST<1, POS>
NEXT K
PRINT COUNT : " " : TEXT : " " : LIST
