* REMOVE, REMOVE(), GETREM() and SETREM on matrix elements. ScarletDME
* keeps a remove pointer in every descriptor, a matrix element's too
* (op_remove in op_str1.c finds the element through its ADDR), and
* storing into the element starts the pointer again.
DIM L(3), G(2,2)
L(2) = "a" : @VM : "bb" : @FM : "c"
G(1,2) = "x" : @SM : "y"
LOOP
   REMOVE ITEM FROM L(2) SETTING CODE
   PRINT ITEM : " " : CODE : " " : GETREM(L(2))
WHILE CODE DO REPEAT
* Each element has its own pointer.
L(1) = "p,q"
PRINT GETREM(L(1)) : " " : GETREM(L(2))
X = REMOVE(G(1,2), D)
PRINT X : " " : D : " " : GETREM(G(1,2))
X = REMOVE(G(1,2), D)
PRINT X : " " : D
* SETREM moves the pointer; storing resets it.
SETREM 2 ON L(2)
REMOVE ITEM FROM L(2) SETTING CODE
PRINT ITEM : " " : CODE
L(2) = L(2)
REMOVE ITEM FROM L(2) SETTING CODE
PRINT ITEM : " " : CODE : " " : GETREM(L(2))
MATPARSE L FROM "m" : @VM : "n"
PRINT GETREM(L(1))
REMOVE ITEM FROM L(1) SETTING CODE
PRINT ITEM : " " : CODE
END
