* Copying a select list variable: the copy reads from the first id, and
* the original keeps its place. ScarletDME's READNEXT walks a SELLIST
* with the variable's remove pointer (op_readnext calls op_rmvf), and
* op_stor stores a copy of the descriptor without it (k_dereference
* clears DF_REMOVE), so only the variable read from moves on.
SELECTV "a" : @FM : "b" : @FM : "c" TO L
READNEXT ID FROM L THEN PRINT "1: " : ID
L2 = L
READNEXT ID FROM L2 THEN PRINT "2: " : ID
READNEXT ID FROM L THEN PRINT "3: " : ID
READNEXT ID FROM L2 THEN PRINT "4: " : ID
READNEXT ID FROM L2 THEN PRINT "5: " : ID
READNEXT ID FROM L2 ELSE PRINT "6: end of L2"
READNEXT ID FROM L THEN PRINT "7: " : ID
* A copy into a matrix element, and a copy of the copy.
DIM M(2)
M(1) = L2
L3 = M(1)
READNEXT ID FROM L3 THEN PRINT "8: " : ID
READNEXT ID FROM M(1) THEN PRINT "9: " : ID
* A variable passed in brackets is passed by value (BCOMP's OP.VALUE makes
* the same copy); passed plainly, the routine reads the caller's list.
SELECTV "a" : @FM : "b" : @FM : "c" TO L
CALL SL.READ(L, ID) ; PRINT "10: " : ID
CALL SL.READ((L), ID) ; PRINT "11: " : ID
CALL SL.READ(L, ID) ; PRINT "12: " : ID
END
