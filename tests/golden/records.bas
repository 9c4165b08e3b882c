* File statements branch on the outcome the runtime returns.
OPEN "CUSTOMERS" TO F ELSE STOP "no file"
READU REC FROM F, "C1" LOCKED
  PRINT "busy"
END ELSE
  REC = ""
END
REC<1> = "Ada"
WRITE REC ON F, "C1"
