SUBROUTINE ROUTE.SLEEP(SECONDS, CODE, RESPONSE)
* /sleep/N: a slow request (N seconds, fractions allowed, at most 60).
   IF SECONDS = "" OR NOT(NUM(SECONDS)) OR SECONDS < 0 OR SECONDS > 60 THEN
      CODE = 400
      RESPONSE = "Give a number of seconds from 0 to 60":CHAR(13):CHAR(10)
      RETURN
   END
   SLEEP SECONDS
   RESPONSE = "Slept ":SECONDS:" s in process ":SYSTEM(1031):CHAR(13):CHAR(10)
   RETURN
END
