* OSWRITE, OSREAD and OSDELETE (UniVerse/UniData statements, read in every
* dialect): whole files by path, bytes unchanged (a newline stays a
* newline), STATUS() 0 or 3003 for a missing file.
TEXT = "line one" : CHAR(10) : "line two" : @FM : "x"
OSWRITE TEXT TO "os.txt"
PRINT "write ":STATUS()
OSREAD BACK FROM "os.txt" THEN PRINT "read ":STATUS() ELSE PRINT "no"
PRINT (BACK = TEXT) : " " : LEN(BACK) : " " : DCOUNT(BACK, CHAR(10))
OSDELETE "os.txt"
PRINT "delete ":STATUS()
BACK = "old"
OSREAD BACK FROM "os.txt" ELSE PRINT "missing ":STATUS():" [":BACK:"]"
OSDELETE "os.txt" ON ERROR PRINT "no delete ":STATUS()
OSWRITE "x" ON "no/such/folder/f" ELSE PRINT "no write ":STATUS()
