SUBROUTINE HTTP.SERVE(CONN, SECURE, DOC.ROOT, QUIET)
* Serve the requests of one connection (in a forked child), then close it.
* HTTP/1.1 keeps the connection open for further requests unless the client
* says "Connection: close"; HTTP/1.0 closes it unless asked to keep it.
$INSERT WEB.H
   PENDING = ""
   LOOP
      CALL HTTP.READ.REQUEST(CONN, SECURE, PENDING, REQUEST, BODY, ERR)
   WHILE ERR # 1 DO
      IF ERR THEN
         * A malformed, oversized or too slow request: say so and stop.
         CALL HTTP.RESPOND(CONN, SECURE, "GET", ERR, "text/plain", "Bad request":CRLF, @FALSE, SEND.ERR)
         EXIT
      END
      METHOD = REQUEST<1>
      CONNECTION = ""
      LOCATE "CONNECTION" IN REQUEST<5,1> SETTING POS THEN CONNECTION = DOWNCASE(REQUEST<6, POS>)
      IF REQUEST<4> = "HTTP/1.0" THEN
         KEEP.ALIVE = (CONNECTION = "keep-alive")
      END ELSE
         KEEP.ALIVE = (CONNECTION # "close")
      END
      CALL HTTP.ROUTE(REQUEST, BODY, DOC.ROOT, CODE, CONTENT.TYPE, RESPONSE)
      CALL HTTP.RESPOND(CONN, SECURE, METHOD, CODE, CONTENT.TYPE, RESPONSE, KEEP.ALIVE, SEND.ERR)
      IF NOT(QUIET) THEN PRINT METHOD:" ":REQUEST<2>:" ":CODE
   UNTIL SEND.ERR OR NOT(KEEP.ALIVE) DO
   REPEAT
   IF SECURE THEN CLOSE.SECURE.SOCKET CONN ELSE CLOSE.SOCKET CONN
   RETURN
END
