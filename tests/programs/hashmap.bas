* HASHMAP.INIT, HASHMAP.PUT, HASHMAP.GET (the Krowemoh fork).
M = HASHMAP.INIT()
PRINT "1: ":M:" ":STATUS()
PRINT "2: ":HASHMAP.PUT(M, "apple", "red"):" ":STATUS()
PRINT "3: ":HASHMAP.PUT(M, "count", 41 + 1)
PRINT "4: ":HASHMAP.GET(M, "apple")
N = HASHMAP.GET(M, "count")
PRINT "5: ":N + 1
PRINT "6: ":HASHMAP.GET(M, "pear"):" ":STATUS()
* Success leaves STATUS() as it was.
PRINT "7: ":HASHMAP.GET(M, "apple"):" ":STATUS()
PRINT "8: ":HASHMAP.PUT(M, "", "x"):" ":HASHMAP.PUT(M, "k", ""):" ":STATUS()
PRINT "9: ":HASHMAP.PUT(M, STR("k", 1025), "x"):" ":HASHMAP.PUT(M, STR("k", 1024), "x")
* One map per process: the map argument is not looked at.
PRINT "10: ":HASHMAP.GET("other", "apple")
FOR I = 1 TO 1000
   X = HASHMAP.PUT(M, "key":I, I * I)
NEXT I
PRINT "11: ":HASHMAP.GET(M, "key500")
M2 = HASHMAP.INIT()
PRINT "12: ":HASHMAP.GET(M, "apple"):" ":STATUS()
