* EXECUTE ... PASSLIST var and RTNLIST var (BCOMP st.execute, op_exec.c):
* select lists belong to the process, so a list an executed command makes
* is still list 0 afterwards; RTNLIST moves it into a select list variable
* (a null string if no list is active) and PASSLIST moves such a variable
* into list 0 for the command, leaving the variable unassigned. A bare
* PASSLIST changes nothing: list 0 is passed anyway.
EXECUTE "CREATE.FILE XL.ITEMS" CAPTURING OUT
OPEN "XL.ITEMS" TO F ELSE STOP "no file"
FOR I = 1 TO 4
   WRITE "rec " : I ON F, "K" : I
NEXT I
EXECUTE "SSELECT XL.ITEMS" RTNLIST L CAPTURING OUT
PRINT "1: " : OUT : " / list 0 active " : SELECTINFO(0, 1)
LOOP
   READNEXT ID FROM L ELSE EXIT
   PRINT "2: " : ID
REPEAT
* Without RTNLIST the list stays list 0.
EXECUTE "SSELECT XL.ITEMS" CAPTURING OUT
READNEXT ID ELSE ID = "none"
PRINT "3: " : ID : " " : SELECTINFO(0, 3)
CLEARSELECT
* A list made by an executed BASIC program comes back too.
EXECUTE "XL.MAKE" RTNLIST L
PRINT "4: " : SELECTINFO(L, 3)
READNEXT ID FROM L THEN PRINT "5: " : ID
* What is left of it goes to a program that reads list 0.
EXECUTE "XL.SHOW" PASSLIST L
PRINT "6: " : ASSIGNED(L)
EXECUTE "XL.SHOW" RTNLIST L
PRINT "7: [" : L : "]"
* A bare PASSLIST: the program reads list 0 as it is.
SELECT F
EXECUTE "XL.SHOW" PASSLIST
* RTNLIST of a list the program left half read.
SSELECT F
EXECUTE "XL.TAKE.ONE" RTNLIST L CAPTURING OUT
PRINT "8: " : OUT : " then " : SELECTINFO(L, 3)
* An abort in the command: the command processor clears list 0, and the
* RTNLIST variable keeps the null string it was given first.
SELECT F
EXECUTE "XL.ABORT" TRAPPING ABORTS RTNLIST L CAPTURING OUT
PRINT "9: [" : L : "] " : SELECTINFO(0, 1)
EXECUTE "DELETE.FILE XL.ITEMS" CAPTURING OUT
END
