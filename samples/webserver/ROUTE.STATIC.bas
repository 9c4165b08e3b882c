SUBROUTINE ROUTE.STATIC(DOC.ROOT, FILE.NAME, CODE, CONTENT.TYPE, RESPONSE)
* A file of the directory file DOC.ROOT, byte for byte (read as a
* sequential file, so line ends and binary data are left alone).
   IF FILE.NAME = "" OR INDEX(FILE.NAME, "/", 1) OR FILE.NAME[1, 1] = "." THEN
      CODE = 404
      RESPONSE = "Not found":CHAR(13):CHAR(10)
      RETURN
   END
   OPENSEQ DOC.ROOT:"/":FILE.NAME READONLY TO FILE.F ELSE
      CODE = 404
      RESPONSE = "Not found":CHAR(13):CHAR(10)
      RETURN
   END
   RESPONSE = ""
   LOOP
      READBLK BLOCK FROM FILE.F, 65536 ELSE EXIT
      RESPONSE := BLOCK
   REPEAT
   CLOSESEQ FILE.F
   EXTENSION = DOWNCASE(FIELD(FILE.NAME, ".", DCOUNT(FILE.NAME, ".")))
   BEGIN CASE
      CASE EXTENSION = "html" OR EXTENSION = "htm" ; CONTENT.TYPE = "text/html"
      CASE EXTENSION = "css" ; CONTENT.TYPE = "text/css"
      CASE EXTENSION = "js" ; CONTENT.TYPE = "text/javascript"
      CASE EXTENSION = "json" ; CONTENT.TYPE = "application/json"
      CASE EXTENSION = "txt" ; CONTENT.TYPE = "text/plain"
      CASE EXTENSION = "png" ; CONTENT.TYPE = "image/png"
      CASE 1 ; CONTENT.TYPE = "application/octet-stream"
   END CASE
   RETURN
END
