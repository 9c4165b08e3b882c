* Task locks, as op_lock.c keeps them: LOCK takes a free lock (STATUS() 0)
* or one this process owns already (STATUS() its own user number); UNLOCK
* frees an owned lock (STATUS() 0) and takes ELSE with 3012 when nobody
* owns it. UNLOCK with no number frees them all (UniVerse's form).
LOCK 41 THEN PRINT "taken ":STATUS() ELSE PRINT "busy"
LOCK 41 ELSE PRINT "busy"
PRINT "again mine: ":(STATUS() = @USERNO)
UNLOCK 41 THEN PRINT "freed ":STATUS() ELSE PRINT "not freed"
UNLOCK 41 THEN
   PRINT "freed twice?"
END ELSE
   PRINT "nobody owns it: ":STATUS()
END
LOCK 42
LOCK 43
UNLOCK
UNLOCK 42 ELSE PRINT "42 ":STATUS()
UNLOCK 43 ELSE PRINT "43 ":STATUS()
