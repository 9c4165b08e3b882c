SUBROUTINE HTTP.READ.REQUEST(CONN, SECURE, PENDING, REQUEST, BODY, ERR)
* Read one request: request line, headers and a Content-Length body.
*
* PENDING holds bytes received but not yet used (the start of a pipelined
* next request). REQUEST comes back as:
*   <1> method  <2> path  <3> query string  <4> HTTP version
*   <5> header names (upper case, one per value)  <6> their values
* ERR: 0 a request was read; 1 the client closed (or went quiet) between
* requests; otherwise the HTTP status to answer with (400, 408, 413, 431,
* 501).
$INSERT WEB.H
   REQUEST = ""
   BODY = ""
   ERR = 0
   LOOP
      HEAD.END = INDEX(PENDING, CRLF:CRLF, 1)
   UNTIL HEAD.END DO
      IF LEN(PENDING) > MAX.HEADER THEN ERR = 431 ; RETURN
      CALL NET.RECV(CONN, SECURE, READ.TIMEOUT, CHUNK, NET.ERR)
      IF NET.ERR THEN
         IF PENDING = "" THEN ERR = 1 ELSE ERR = 408
         RETURN
      END
      PENDING := CHUNK
   REPEAT
   IF HEAD.END > MAX.HEADER THEN ERR = 431 ; RETURN
   HEAD = PENDING[1, HEAD.END - 1]
   PENDING = PENDING[HEAD.END + 4, LEN(PENDING)]

* Marks have no place in a request head; they would split the fields.
   IF CONVERT(@IM:@FM:@VM:@SM:@TM, "", HEAD) # HEAD THEN ERR = 400 ; RETURN
   LINES = CHANGE(HEAD, CRLF, @FM)
   REQUEST.LINE = LINES<1>
   METHOD = FIELD(REQUEST.LINE, " ", 1)
   TARGET = FIELD(REQUEST.LINE, " ", 2)
   VERSION = FIELD(REQUEST.LINE, " ", 3)
   IF METHOD = "" OR TARGET[1, 1] # "/" OR VERSION[1, 5] # "HTTP/" THEN ERR = 400 ; RETURN
   IF FIELD(REQUEST.LINE, " ", 4) # "" THEN ERR = 400 ; RETURN
   REQUEST<1> = METHOD
   QUESTION = INDEX(TARGET, "?", 1)
   IF QUESTION THEN
      REQUEST<2> = TARGET[1, QUESTION - 1]
      REQUEST<3> = TARGET[QUESTION + 1, LEN(TARGET)]
   END ELSE
      REQUEST<2> = TARGET
   END
   REQUEST<4> = VERSION

   LINE.COUNT = DCOUNT(LINES, @FM)
   FOR I = 2 TO LINE.COUNT
      LINE = LINES<I>
      COLON = INDEX(LINE, ":", 1)
      IF COLON < 2 THEN ERR = 400 ; RETURN
      REQUEST<5, -1> = UPCASE(TRIMB(TRIMF(LINE[1, COLON - 1])))
      REQUEST<6, -1> = TRIMB(TRIMF(LINE[COLON + 1, LEN(LINE)]))
   NEXT I

   LOCATE "TRANSFER-ENCODING" IN REQUEST<5,1> SETTING POS THEN ERR = 501 ; RETURN
   LOCATE "CONTENT-LENGTH" IN REQUEST<5,1> SETTING POS THEN
      LENGTH = REQUEST<6, POS>
      IF LENGTH = "" OR NOT(NUM(LENGTH)) OR INDEX(LENGTH, ".", 1) OR LENGTH < 0 THEN
         ERR = 400
         RETURN
      END
      IF LENGTH > MAX.BODY THEN ERR = 413 ; RETURN
      LOOP WHILE LEN(PENDING) < LENGTH DO
         CALL NET.RECV(CONN, SECURE, READ.TIMEOUT, CHUNK, NET.ERR)
         IF NET.ERR THEN ERR = 400 ; RETURN
         PENDING := CHUNK
      REPEAT
      BODY = PENDING[1, LENGTH]
      PENDING = PENDING[LENGTH + 1, LEN(PENDING)]
   END
   RETURN
END
