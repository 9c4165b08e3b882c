* The echo server in UniVerse's socket API ($OPTIONS selects the dialect).
$OPTIONS INFORMATION
PORT = FIELD(SENTENCE(), " ", 2)
RESULT = initServerSocket("127.0.0.1", PORT, 5, SVR)
IF RESULT # 0 THEN PRINT "init failed ":RESULT ; STOP
PRINT "listening"
RESULT = acceptConnection(SVR, 1, 5000, ADDR, HOSTNAME, CONN)
PRINT "accept ":RESULT:" from ":ADDR:" ":HOSTNAME
LOOP
   RESULT = readSocket(CONN, BUF, 1024, 3000, 1, SIZE)
WHILE RESULT = 0 DO
   RESULT = writeSocket(CONN, "echo:":BUF, 1000, 1, WROTE)
   PRINT "echoed ":SIZE:" wrote ":WROTE
REPEAT
PRINT "read ended ":RESULT
RESULT = getSocketErrorMessage(RESULT, MSG)
PRINT MSG
RESULT = closeSocket(CONN)
RESULT = closeSocket(SVR)
