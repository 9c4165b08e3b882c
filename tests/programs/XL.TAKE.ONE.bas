* XL.TAKE.ONE: read one id from list 0 (execute_select_lists).
PROGRAM XL.TAKE.ONE
READNEXT ID THEN PRINT ID
END
