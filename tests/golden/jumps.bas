* An old-style backward GOTO loop becomes a while loop; ON GOSUB targets
* are sections run by rt.gosub.
N = 0
10 N += 1
IF N < 3 THEN GOTO 10
ON N GOSUB 100, 200, 300
PRINT "N=" : N
STOP
100 PRINT "one" ; RETURN
200 PRINT "two" ; RETURN
300 PRINT "three" ; RETURN
