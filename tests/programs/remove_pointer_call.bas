* A variable's REMOVE pointer lives in its descriptor (ScarletDME's
* DF_REMOVE flag and offset): passing the variable to a routine passes
* its address, so a routine that does not assign it leaves the caller's
* pointer where it was; one that assigns it stores a new descriptor,
* which starts again (op_stor).
DEFFUN FN.LOOK(S)
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
END
