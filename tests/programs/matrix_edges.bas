* Matrix indexing and MATPARSE/MATBUILD edges, from ScarletDME's
* op_indx1/op_indx2 (op_array.c), op_matparse and op_matbuild (op_str4.c).
DIM G(2,3)
FOR R = 1 TO 2
   FOR C = 1 TO 3
      G(R,C) = R * 10 + C
   NEXT C
NEXT R
* One index into a two-dimensional matrix names the first element of a row.
PRINT G(2) : " " : G(1)
* A zero row or column names element 0.
G(0,5) = "zero"
PRINT G(0,0) : " " : G(2,0)
DIM P(3)
* A delimiter at the last element gives INMAT() 0, even with nothing after it.
MATPARSE P FROM "a" : @FM : "b" : @FM : "c" : @FM
PRINT INMAT() : " [" : P(3) : "] [" : P(0) : "]"
* What does not fit goes to element 0, without the delimiter.
MATPARSE P FROM "a,b,c,d,e", ","
PRINT INMAT() : " " : P(3) : " " : P(0)
* MATBUILD appends a non-empty element 0 after the others.
MATBUILD S FROM P USING ","
PRINT S
MATBUILD S FROM P, 1, 2 USING ","
PRINT S
* Trailing empty strings are dropped; unassigned elements are not.
DIM U(4)
U(1) = "x" ; U(2) = ""
MATBUILD S FROM U USING ","
PRINT S : "|"
U(3) = "" ; U(4) = ""
MATBUILD S FROM U USING ","
PRINT S : "|"
* An empty delimiter makes every character a delimiter.
DIM E(5)
MATPARSE E FROM "ABC", ""
PRINT INMAT() : " [" : E(1) : "] " : E(2) : E(3) : E(4)
* DIM sets INMAT() to 0.
DIM F(2)
PRINT INMAT()
