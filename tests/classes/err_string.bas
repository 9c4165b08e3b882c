* An object used as a string (k_get_string: message 1221).
C = OBJECT("OBJ.NODE", 1)
CRT "node: ":C
