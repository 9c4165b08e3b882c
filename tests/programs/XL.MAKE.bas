* XL.MAKE: leave a select list of XL.ITEMS in list 0 (execute_select_lists).
PROGRAM XL.MAKE
OPEN "XL.ITEMS" TO F ELSE STOP "no file"
SSELECT F
END
