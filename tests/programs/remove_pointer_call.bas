* A variable's REMOVE pointer lives in its descriptor (ScarletDME's
* DF_REMOVE flag and offset): passing the variable to a routine passes
* its address, so a routine that does not assign it leaves the caller's
* pointer where it was; one that assigns it stores a new descriptor,
* which starts again (op_stor). A routine that REMOVEs from its
* parameter starts where the caller's pointer was and moves it on.
DEFFUN FN.LOOK(S)
DEFFUN FN.NEXT(S)
S = "x" : @FM : "y" : @FM : "z"
K = 0
LOOP
   REMOVE X FROM S SETTING D
   CALL RM.LOOK(S, N)
   PRINT "1: " : X : " " : N
   K += 1
WHILE D AND K < 5 DO REPEAT
S = "x" : @FM : "y" : @FM : "z"
K = 0
LOOP
   REMOVE X FROM S SETTING D
   PRINT "2: " : X : " " : FN.LOOK(S)
   K += 1
WHILE D AND K < 5 DO REPEAT
REMOVE X FROM S SETTING D
CALL RM.SET(S)
REMOVE X FROM S SETTING D
PRINT "3: " : X : " " : D
* The routine REMOVEs: each call gives the next item, and the caller's own
* REMOVE goes on from there.
S = "x" : @FM : "y" : @FM : "z"
CALL RM.NEXT(S, X, D) ; PRINT "4: " : X : " " : D
REMOVE X FROM S SETTING D ; PRINT "5: " : X : " " : D
CALL RM.NEXT(S, X, D) ; PRINT "6: " : X : " " : D
S = "p" : @FM : "q"
CALL RM.PASS(S, X, D) ; PRINT "7: " : X : " " : D
CALL RM.PASS(S, X, D) ; PRINT "8: " : X : " " : D
T = "f" : @VM : "g"
PRINT "9: " : FN.NEXT(T) : FN.NEXT(T) : FN.NEXT(T) : "."
* A caller that never REMOVEs itself.
GOSUB WALK
STOP
WALK:
R = "m" : @FM : "n"
CALL RM.NEXT(R, X, D) ; PRINT "10: " : X
CALL RM.NEXT(R, X, D) ; PRINT "11: " : X
RETURN
END
