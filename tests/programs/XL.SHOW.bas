* XL.SHOW: read list 0 to its end (execute_select_lists).
PROGRAM XL.SHOW
N = 0
LOOP
   READNEXT ID ELSE EXIT
   N += 1
   PRINT "  got " : ID
REPEAT
PRINT "  read " : N
END
