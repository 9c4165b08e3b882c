* XL.ABORT: read one id from list 0, then abort (execute_select_lists).
PROGRAM XL.ABORT
READNEXT ID ELSE NULL
ABORT "stop here"
END
