* TRIALDIV: count primes below N by trial division (nested numeric loops,
* MOD and a compound WHILE condition).
PROGRAM TRIALDIV
N = @SENTENCE[" ", 2, 1] + 0
COUNT = 0
FOR K = 2 TO N
  PRIME = 1
  D = 2
  LOOP
  WHILE D * D <= K AND PRIME DO
    IF MOD(K, D) = 0 THEN PRIME = 0
    D += 1
  REPEAT
  COUNT += PRIME
NEXT K
PRINT COUNT
END
