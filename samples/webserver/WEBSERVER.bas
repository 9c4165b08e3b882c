PROGRAM WEBSERVER
* An HTTP/1.1 server written in Pick BASIC: it forks a child per connection.
*
*   WEBSERVER port [ROOT folder] [TLS cert.pem key.pem] [HOST address] [QUIET]
*
* The parent listens and accepts; each connection is served by a forked
* child (HTTP.SERVE), which ends with EXIT.CHILD. The parent closes its copy
* of the connection and goes straight back to accepting, so slow requests
* never hold up other clients.
$INSERT WEB.H

   WORDS = TRIM(SENTENCE())
   PORT = FIELD(WORDS, " ", 2)
   DOC.ROOT = "www"
   HOST = "127.0.0.1"
   SECURE = @FALSE
   CERT.PATH = ""
   KEY.PATH = ""
   QUIET = @FALSE
   N = DCOUNT(WORDS, " ")
   I = 3
   LOOP WHILE I <= N DO
      OPTION = UPCASE(FIELD(WORDS, " ", I))
      BEGIN CASE
         CASE OPTION = "ROOT"
            DOC.ROOT = FIELD(WORDS, " ", I + 1)
            I += 1
         CASE OPTION = "HOST"
            HOST = FIELD(WORDS, " ", I + 1)
            I += 1
         CASE OPTION = "TLS"
            SECURE = @TRUE
            CERT.PATH = FIELD(WORDS, " ", I + 1)
            KEY.PATH = FIELD(WORDS, " ", I + 2)
            I += 2
         CASE OPTION = "QUIET"
            QUIET = @TRUE
         CASE 1
            STOP "Unknown option ":OPTION
      END CASE
      I += 1
   REPEAT
   IF NOT(NUM(PORT)) OR PORT = "" THEN
      STOP "Usage: WEBSERVER port [ROOT folder] [TLS cert.pem key.pem] [HOST address] [QUIET]"
   END

* Static files come from a directory file; counters live in a hashed file.
   OPENPATH DOC.ROOT TO STATIC.F ELSE STOP "Cannot open the directory file ":DOC.ROOT
   CLOSE STATIC.F
   OPEN "COUNTERS" TO COUNTERS.F ELSE
      EXECUTE "CREATE.FILE COUNTERS DYNAMIC" CAPTURING MESSAGES
      OPEN "COUNTERS" TO COUNTERS.F ELSE STOP "Cannot create the COUNTERS file"
   END
   CLOSE COUNTERS.F

   IF SECURE THEN
      SERVER = CREATE.SECURE.SERVER.SOCKET(HOST, PORT, 0, CERT.PATH, KEY.PATH)
   END ELSE
      SERVER = CREATE.SERVER.SOCKET(HOST, PORT, 0)
   END
   IF NOT(SERVER) THEN STOP "Cannot listen on ":HOST:" port ":PORT:" (status ":STATUS():")"
   SCHEME = IF SECURE THEN "https" ELSE "http"
   PRINT "Listening on ":SCHEME:"://":HOST:":":PORT:"/ (pid ":SYSTEM(1031):")"

   LOOP
      IF SECURE THEN
         CONN = ACCEPT.SECURE.SOCKET.CONNECTION(SERVER, 0)
      END ELSE
         CONN = ACCEPT.SOCKET.CONNECTION(SERVER, 0)
      END
      IF CONN THEN
         PID = FORK()
         BEGIN CASE
            CASE PID = 0
               * The child: it needs no listening socket of its own.
               CLOSE.SOCKET SERVER
               CALL HTTP.SERVE(CONN, SECURE, DOC.ROOT, QUIET)
               EXIT.CHILD
            CASE PID > 0
               * The parent lets go of its copy. A plain close, even for
               * TLS: the session now belongs to the child.
               CLOSE.SOCKET CONN
            CASE 1
               CALL HTTP.RESPOND(CONN, SECURE, "GET", 503, "text/plain", "Busy, try again":CRLF, @FALSE, ERR)
               CLOSE.SOCKET CONN
         END CASE
      END
   REPEAT
END
