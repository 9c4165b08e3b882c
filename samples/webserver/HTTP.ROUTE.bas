SUBROUTINE HTTP.ROUTE(REQUEST, BODY, DOC.ROOT, CODE, CONTENT.TYPE, RESPONSE)
* Choose what answers a request:
*   /sleep/N        waits N seconds, then says so
*   /counter/NAME   adds one to counter NAME under a record lock
*   /echo           sends the request body back (POST)
*   /hello?name=X   a greeting
*   /               the directory file's index.html
*   /FILE           FILE from the directory file of static files
$INSERT WEB.H
   METHOD = REQUEST<1>
   PATH = REQUEST<2>
   CODE = 200
   CONTENT.TYPE = "text/plain"
   RESPONSE = ""
   IF METHOD # "GET" AND METHOD # "HEAD" AND METHOD # "POST" THEN
      CODE = 405
      RESPONSE = "Method not allowed":CRLF
      RETURN
   END
   SECTION = FIELD(PATH, "/", 2)
   ARGUMENT = FIELD(PATH, "/", 3)
   BEGIN CASE
      CASE SECTION = "sleep" AND FIELD(PATH, "/", 4) = ""
         CALL ROUTE.SLEEP(ARGUMENT, CODE, RESPONSE)
      CASE SECTION = "counter" AND ARGUMENT # "" AND FIELD(PATH, "/", 4) = ""
         CALL ROUTE.COUNTER(ARGUMENT, CODE, RESPONSE)
      CASE PATH = "/echo"
         RESPONSE = BODY
         LOCATE "CONTENT-TYPE" IN REQUEST<5,1> SETTING POS THEN CONTENT.TYPE = REQUEST<6, POS>
      CASE PATH = "/hello"
         NAME = "world"
         QUERY = REQUEST<3>
         FOR I = 1 TO DCOUNT(QUERY, "&")
            PAIR = FIELD(QUERY, "&", I)
            IF FIELD(PAIR, "=", 1) = "name" THEN NAME = FIELD(PAIR, "=", 2)
         NEXT I
         RESPONSE = "Hello, ":NAME:"!":CRLF
      CASE PATH = "/"
         CALL ROUTE.STATIC(DOC.ROOT, "index.html", CODE, CONTENT.TYPE, RESPONSE)
      CASE 1
         CALL ROUTE.STATIC(DOC.ROOT, PATH[2, LEN(PATH)], CODE, CONTENT.TYPE, RESPONSE)
   END CASE
   RETURN
END
