SUBROUTINE ROUTE.COUNTER(NAME, CODE, RESPONSE)
* /counter/NAME: read, add one and write back under a record lock, so
* concurrent requests (each in its own process) never lose an update.
   OPEN "COUNTERS" TO COUNTERS.F ELSE
      CODE = 500
      RESPONSE = "The COUNTERS file cannot be opened":CHAR(13):CHAR(10)
      RETURN
   END
   READU COUNT FROM COUNTERS.F, NAME ELSE COUNT = 0
   COUNT += 1
   WRITE COUNT TO COUNTERS.F, NAME
   RESPONSE = COUNT:CHAR(13):CHAR(10)
   RETURN
END
