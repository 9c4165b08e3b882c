* Chained references: every reference but the last reads a property, the
* last one is read or set. Objects go to subroutines like any value.
A = OBJECT("OBJ.NODE", "a")
A->NEXT.NODE = OBJECT("OBJ.NODE", "b")
A->NEXT.NODE->NEXT.NODE = OBJECT("OBJ.NODE", "c")
CRT A->NEXT.NODE->NEXT.NODE->VALUE
A->NEXT.NODE->VALUE = "B"
CRT A->VALUE:A->NEXT.NODE->VALUE:A->LENGTH
B = A->NEXT.NODE
CALL SHOW.NODE(B, T)
CRT T:" ":A->NEXT.NODE->VALUE
