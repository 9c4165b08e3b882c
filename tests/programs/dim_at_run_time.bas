* DIM with sizes from variables runs where it stands (ScarletDME's DIMLCL):
* the sizes are the variables' values then, not when the program starts.
* Sizes that are numbers (also through EQUATE) are fixed at compile time.
EQU ROWS TO 3
DIM B(ROWS, 2)
B(3, 2) = "b"
N = 4
DIM A(N)
A(4) = "a"
PRINT A(4):B(3, 2)
N = 6
DIM A(N)
A(6) = "six"
PRINT A(4):A(6)
