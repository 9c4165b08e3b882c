* Pick-style messages from the account's ERRMSG file: ERRMSG, STOPE and
* $MODE PICK.ERRMSG (ScarletDME _PICKMSG: A/R arguments, E, H, L, S codes).
$MODE PICK.ERRMSG
EXECUTE "CREATE.FILE ERRMSG DIRECTORY" CAPTURING JUNK
OPEN "ERRMSG" TO F ELSE STOP "no ERRMSG"
REC = "H Item " : @FM : "A" : @FM : "H not on file" : @FM : "L"
REC := @FM : "E bad" : @FM : "S3" : @FM : "R5" : @FM : "A4" : @FM : "H|"
WRITE REC ON F, "202"
ERRMSG "202", "CUST1", 42, "ab"
PRINT @SYSTEM.RETURN.CODE
ERRMSG "999"
STOPM "plain", "list"
