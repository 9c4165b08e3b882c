* A class with LOCAL routines and "..." arguments (tests/classes/OBJ.STACK).
S = OBJECT("OBJ.STACK")
S->PUSH("a", "b", "c", "d")
CRT S->PEEK
CRT S->POP
X = "" ; Y = "" ; Z = ""
S->POP.INTO(X, Y, Z)
CRT X:Y:Z
CRT S->SIZE
S->PUSH(1, 2)
S->PUSH
CRT S->POP + S->POP
