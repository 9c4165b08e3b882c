* $MODE PICK.MATRIX: matrices without element 0 (ScarletDME op_array.c
* AH_PICK_STYLE, op_matparse, op_matbuild, op_matfill).
$MODE PICK.MATRIX
DIM A(3)
REC = "a" : @FM : "b" : @FM : "c" : @FM : "d" : @FM : "e"
* What does not fit stays on the end of the last element, marks and all.
MATPARSE A FROM REC
PRINT INMAT() : " " : A(1) : "," : A(2) : "," : CONVERT(@FM, "^", A(3))
MATBUILD R FROM A
PRINT CONVERT(@FM, "^", R)
MATPARSE A FROM "x,y", ","
PRINT INMAT() : " " : A(1) : A(2) : "[" : A(3) : "]"
MAT A = "z"
PRINT A(1) : A(2) : A(3)
* Sizes known only at run time.
N = 2
DIM B(N, 2)
B(2, 2) = "x"
PRINT B(2, 2) : " " : INMAT(B)
* Pick-style matrices in COMMON.
COMMON /CB/ C(2)
C(1) = 5
PRINT C(1) + C(2)
MAT C = MAT A
PRINT C(1) : C(2)
