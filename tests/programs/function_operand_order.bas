* When a function changes a variable passed to it, what an operator
* sees depends on when BCOMP's code reads that variable. A variable is
* pushed as its address (op_ldlcl), so an operator reads it after a
* later operand's function call; anything computed (an operation, an
* intrinsic, a substring) is computed when the code reaches it, before
* that call. PRINT joins each comma-separated item to a tab before the
* next item is evaluated (BCOMP emit.print.list), so those are read in
* order too. A matrix element is addressed (op_indx reads its index)
* where the code reaches it, and its value read when the operator runs.
DEFFUN FN.BUMP(N, STEP)
DEFFUN FN.TAG(S)
A = 1 ; X = A : FN.BUMP(A, 1) ; PRINT "1: " : X
A = 1 ; X = (A * 10) : FN.BUMP(A, 1) ; PRINT "2: " : X
A = 1 ; X = A[1, 1] : FN.BUMP(A, 1) ; PRINT "3: " : X
A = 1 ; X = ABS(A) + FN.BUMP(A, 1) ; PRINT "4: " : X
A = 1 ; X = (A) + FN.BUMP(A, 1) ; PRINT "5: " : X
A = 1 ; X = FN.BUMP(A + 0, FN.BUMP(A, 5)) ; PRINT "6: " : X : " " : A
A = 1
IF A * 1 = FN.BUMP(A, 1) THEN PRINT "7: equal" ELSE PRINT "7: not equal"
A = 1
IF A = FN.BUMP(A, 1) THEN PRINT "8: equal" ELSE PRINT "8: not equal"
S = "abc" ; X = UPCASE(S) : FN.TAG(S) ; PRINT "9: " : X
S = "abc" ; X = S : FN.TAG(S) ; PRINT "10: " : X
A = 1 ; X = A * 10 + A : FN.BUMP(A, 1) : A ; PRINT "11: " : X
A = 1 ; PRINT "12: " : A : FN.BUMP(A, 1)
A = 1 ; PRINT A, FN.BUMP(A, 1)
A = 1 ; PRINT A * 3, FN.BUMP(A, 1), A
DIM M(3)
M(1) = "p" ; M(2) = "q"
I = 1 ; X = M(I) : FN.BUMP(I, 1) ; PRINT "13: " : X
I = 1 ; X = M(I + 0) : FN.BUMP(I, 1) ; PRINT "14: " : X
END
