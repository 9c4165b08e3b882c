* OBJECT() of a name the catalogue does not have (message 1134).
CRT "before"
C = OBJECT("NO.SUCH.CLASS")
