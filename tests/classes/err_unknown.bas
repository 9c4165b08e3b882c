* A name no routine, variable or UNDEFINED handler has (objprog.c op_objref).
C = OBJECT("OBJ.COUNTER", 1, 1)
CRT C->NOSUCH
