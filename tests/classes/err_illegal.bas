* Reading a name that only has a set routine (a PUBLIC SUBROUTINE).
C = OBJECT("OBJ.COUNTER", 1, 1)
X = C->BUMP
