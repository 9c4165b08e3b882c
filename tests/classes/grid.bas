* OBJ.GRID: matrices as properties, VAR.ARGS methods, INHERIT at run time.
G = OBJECT("OBJ.GRID")
CRT G->CELLS(2, 3):G->MARK(1)
G->CELLS(1, 2) = "x"
CRT G->CELLS(1, 2):G->CELLS(2, 2)
G->GROW(3)
CRT G->MARK(1):G->MARK(3)
CRT G->JOIN("a")
CRT G->JOIN("a", "b", "c")
A = OBJECT("OBJ.ANIMAL")
B = OBJECT("OBJ.NODE", "n")
G->ADOPT(A)
G->ADOPT(B)
CRT G->SPEAK(1):" ":G->VALUE
G->DROP(B)
CRT G->VALUE
G->DROP(A)
CRT G->SPEAK(1)
CRT G->RATIO(1, 0)
