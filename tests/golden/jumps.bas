* Old-style GOTO loops become sections run by rt.run_sections.
N = 0
10 N += 1
IF N < 3 THEN GOTO 10
ON N GOSUB 100, 200, 300
PRINT "N=" : N
STOP
100 PRINT "one" ; RETURN
200 PRINT "two" ; RETURN
300 PRINT "three" ; RETURN
