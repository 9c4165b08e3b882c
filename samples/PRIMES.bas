* PRIMES: count the primes below a limit with a sieve.
* A loop-heavy program: its generated Python is plain for/while code.
PROGRAM PRIMES
LIMIT = 20000
SIEVE = STR("1", LIMIT)
COUNT = 0
FOR N = 2 TO LIMIT
  IF SIEVE[N, 1] = "1" THEN
    COUNT += 1
    FOR M = N * N TO LIMIT STEP N
      SIEVE[M, 1] = "0"
    NEXT M
  END
NEXT N
PRINT "There are " : COUNT : " primes below " : LIMIT
END
