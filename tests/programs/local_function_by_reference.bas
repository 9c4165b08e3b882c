* LOCAL FUNCTION arguments are passed by reference too (BCOMP compiles the
* call as a GOSUB with the arguments' addresses, the result argument first).
DEFFUN DOUBLE.IT(N) LOCAL
DEFFUN TIMES.TEN(N) LOCAL
DEFFUN PASS.ON(N) LOCAL
DEFFUN LOOK.ONLY(N) LOCAL
DEFFUN COUNT.DOWN(N) LOCAL
DEFFUN THREE.AND.COUNT(N) LOCAL
A = 4
PRINT "1: " : DOUBLE.IT(A) : " " : A
PRINT "2: " : DOUBLE.IT(A * 1) : " " : A
PRINT "3: " : PASS.ON(A) : " " : A
PRINT "4: " : LOOK.ONLY(A) : " " : A
* Recursion: each level passes its own parameter on by reference.
C = 5
PRINT "5: " : COUNT.DOWN(C) : " " : C
* In a FOR limit (read on every pass) and an IF expression's branch.
K = 0
FOR I = 1 TO THREE.AND.COUNT(K)
   PRINT I :
NEXT I
PRINT " 6: " : K
X = IF K > 100 THEN 0 ELSE DOUBLE.IT(K)
PRINT "7: " : X : " " : K
FOR I = 1 TO 3
   X = TIMES.TEN(I)
NEXT I
PRINT "8: " : X
STOP

LOCAL FUNCTION DOUBLE.IT(N)
   N = N * 2
   RETURN N
END

LOCAL FUNCTION TIMES.TEN(N)
   RETURN N * 10
END

LOCAL FUNCTION PASS.ON(N)
   RETURN DOUBLE.IT(N) + 1
END

LOCAL FUNCTION LOOK.ONLY(N)
   RETURN TIMES.TEN(N)
END

LOCAL FUNCTION COUNT.DOWN(N)
   IF N = 0 THEN RETURN "done"
   N = N - 1
   RETURN COUNT.DOWN(N)
END

LOCAL FUNCTION THREE.AND.COUNT(N)
   N += 1
   RETURN 3
END
