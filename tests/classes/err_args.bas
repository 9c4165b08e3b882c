* A method called with the wrong number of arguments (message 1026).
C = OBJECT("OBJ.COUNTER", 1, 1)
T = 0
CRT C->ADD(1, T)
CRT C->ADD(1)
