SUBROUTINE HTTP.RESPOND(CONN, SECURE, METHOD, CODE, CONTENT.TYPE, BODY, KEEP.ALIVE, ERR)
* Send a complete response. A HEAD request gets the headers only.
$INSERT WEB.H
   BEGIN CASE
      CASE CODE = 200 ; REASON = "OK"
      CASE CODE = 400 ; REASON = "Bad Request"
      CASE CODE = 404 ; REASON = "Not Found"
      CASE CODE = 405 ; REASON = "Method Not Allowed"
      CASE CODE = 408 ; REASON = "Request Timeout"
      CASE CODE = 413 ; REASON = "Content Too Large"
      CASE CODE = 431 ; REASON = "Request Header Fields Too Large"
      CASE CODE = 501 ; REASON = "Not Implemented"
      CASE CODE = 503 ; REASON = "Service Unavailable"
      CASE 1 ; REASON = "Internal Server Error"
   END CASE
   TEXT = "HTTP/1.1 ":CODE:" ":REASON:CRLF
   TEXT := "Server: pick2py-basic":CRLF
   TEXT := "Content-Type: ":CONTENT.TYPE:CRLF
   TEXT := "Content-Length: ":LEN(BODY):CRLF
   IF CODE = 405 THEN TEXT := "Allow: GET, HEAD, POST":CRLF
   IF KEEP.ALIVE THEN
      TEXT := "Connection: keep-alive":CRLF
   END ELSE
      TEXT := "Connection: close":CRLF
   END
   TEXT := CRLF
   IF METHOD # "HEAD" THEN TEXT := BODY
   CALL NET.SEND(CONN, SECURE, TEXT, ERR)
   RETURN
END
