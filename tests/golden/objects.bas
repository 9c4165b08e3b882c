* Using objects: -> reads and sets properties and calls methods; variables
* passed to a method are passed by reference.
ACC = OBJECT("ACCOUNT", "Ann")
ACC->ENTRY(1) = "opening"
TOTAL = ""
PRINT ACC->DEPOSIT(10, TOTAL) : " " : TOTAL
ACC->OWNER->NAME = "Bo"
IF OBJINFO(ACC, 0) THEN PRINT OBJINFO(ACC, 1)
