* OBJECT() of a catalogued item that is not a CLASS module (message 3451).
C = OBJECT("NOT.A.CLASS")
