* FUNCTION arguments are passed by reference, as CALL's are (BCOMP compiles
* a function call as a CALL with a hidden result argument first): a variable
* or matrix element passed to a function that assigns its parameter changes;
* an expression, a substring or a field is a copy. Unlike CALL, a variable
* in brackets is still passed by reference (BCOMP adds no OP.VALUE).
DEFFUN FN.BUMP(N, STEP)
DEFFUN FN.NEST(N)
DEFFUN FN.TAG(S)
DEFFUN FN.SECTIONS(N, HOW)
DEFFUN FN.VARARGS(A, B, C) VAR.ARGS
DEFFUN AS.FN(X) CALLING "SUB.AS.FN"
DIM M(3)
COMMON C1
A = 1 ; B = 10
PRINT "1: " : FN.BUMP(A, B) : " " : A : " " : B
PRINT "2: " : FN.BUMP(A + 0, B) : " " : A
PRINT "3: " : FN.BUMP((A), B) : " " : A
* The callee changes A during the call, before the operator reads it.
X = A + FN.BUMP(A, 1)
PRINT "4: " : X : " " : A
A = FN.BUMP(A, 1)
PRINT "5: " : A
M(2) = 5
X = FN.BUMP(M(2), 2)
PRINT "6: " : X : " " : M(2)
S = "abc"
X = FN.TAG(S[1, 2]) ; PRINT "7: " : X : " " : S
T = "abc" : @FM : "def"
X = FN.TAG(T<2>) ; PRINT "8: " : X : " " : T<2>
X = FN.TAG(S) ; PRINT "9: " : X : " " : S
C1 = 7
X = FN.BUMP(C1, 1) ; PRINT "10: " : C1
* Nested: the inner call's copy-back happens before the outer call.
A = 0
X = FN.BUMP(A, FN.BUMP(A, 5))
PRINT "11: " : X : " " : A
* A function passing its parameter on to another function.
N = 3
X = FN.NEST(N)
PRINT "12: " : X : " " : N
* In conditions and loops.
K = 0
LOOP WHILE FN.BUMP(K, 1) < 4 DO REPEAT
PRINT "13: " : K
K = 0
IF FN.BUMP(K, 2) THEN PRINT "14: " : K
BEGIN CASE
   CASE FN.BUMP(K, 1) = 99 ; PRINT "no"
   CASE FN.BUMP(K, 1) = 4 ; PRINT "15: " : K
END CASE
* A function whose RETURN is inside a GOSUB, or after a GOTO.
FOR H = 1 TO 3
   V = "v"
   X = FN.SECTIONS(V, H)
   PRINT "16: " : X : " " : V
NEXT H
* VAR.ARGS: only the arguments given come back.
P = 1 ; Q = 2
X = FN.VARARGS(P, Q)
PRINT "17: " : X : " " : P : " " : Q
* DEFFUN ... CALLING a SUBROUTINE.
P = 1
PRINT "18: " : AS.FN(P) : " " : P
END
