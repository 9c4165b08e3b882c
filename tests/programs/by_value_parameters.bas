* A parameter written in brackets, SUBROUTINE S((A), B), gets a copy of the
* argument: the routine may change it, the caller's variable stays as it
* was (BCOMP dereferences it on entry, OP.DEREF). Others stay by reference.
DEFFUN FN.COPY(X, Y)
DEFFUN LOCAL.COPY(X) LOCAL
A = 1 ; B = 2
CALL SUB.COPY(A, B)
PRINT "1: " : A : " " : B
PRINT "2: " : FN.COPY(A, B) : " " : A : " " : B
PRINT "3: " : LOCAL.COPY(A) : " " : A
GOSUB LOCAL.SUB(A, B)
PRINT "4: " : A : " " : B
STOP

LOCAL FUNCTION LOCAL.COPY((X))
   X = X * 100
   RETURN X
END

LOCAL SUBROUTINE LOCAL.SUB((X), Y)
   X = "changed" ; Y = "changed"
   RETURN
END
