* TRANS, XLATE, RTRANS and the Tfile conversion (GPL.BP _TRANS, _TCONV).
EXECUTE "CREATE.FILE CUST" CAPTURING JUNK
OPEN "CUST" TO F ELSE STOP "cannot open CUST"
WRITE "Alice":@FM:"A1":@VM:"A2" ON F, "1"
WRITE "Bob" ON F, "2"
WRITE "" ON F, "3"
OPEN "DICT", "CUST" TO D ELSE STOP "cannot open DICT CUST"
WRITE "D":@FM:"1":@FM:"":@FM:"Name" ON D, "NAME"

* Field n, field 0 (the id), the whole record (-1); marks lowered.
PRINT "1: ":TRANS("CUST", "1", 1, "X"):" ":STATUS()
PRINT "2: ":TRANS("CUST", "1", 0, "X")
PRINT "3: ":OCONV(TRANS("CUST", "1", 2, "X"), "MX0C")
PRINT "4: ":OCONV(XLATE("CUST", "1", -1, "X"), "MX0C")
PRINT "5: ":OCONV(RTRANS("CUST", "1", -1, "X"), "MX0C")

* Missing records and empty fields: X, C, V; STATUS() from the last READ.
PRINT "6: [":TRANS("CUST", "9", 1, "X"):"] ":STATUS()
PRINT "7: [":TRANS("CUST", "9", 1, "C"):"] ":STATUS()
PRINT "8: [":TRANS("CUST", "9", 1, "V"):"] ":STATUS()
PRINT "9: [":TRANS("CUST", "3", 1, "C"):"] ":STATUS()

* A list of ids keeps its marks.
IDS = "1":@VM:"2":@VM:"9"
PRINT "10: ":CONVERT(@VM, "]", TRANS("CUST", IDS, 1, "C"))

* The dictionary, as TRANS(DICT ...) and as "DICT name".
FN = "CUST"
PRINT "11: ":TRANS(DICT "CUST", "NAME", 4, "X")
PRINT "12: ":TRANS(DICT FN, "NAME", 2, "X")
PRINT "13: ":XLATE("DICT ":FN, "NAME", 1, "X")

* A file that is not there.
PRINT "14: [":TRANS("NOSUCH", "1", 1, "C"):"] ":STATUS()

* Tfile conversions: OCONV uses the fourth part, ICONV the third.
PRINT "15: ":OCONV("2", "TCUST;X;;1"):" ":STATUS()
PRINT "16: ":OCONV("1", "TCUST;X;;2")
PRINT "17: ":OCONV("1", "TCUST;X2;;2")
PRINT "18: [":OCONV("9", "TCUST;C;;1"):"] ":STATUS()
PRINT "19: ":OCONV("NAME", "T*CUST;X;;4")
PRINT "20: ":ICONV("2", "TCUST;X;1;2")
PRINT "21: ":OCONV("1", "TCUST;X;;1":@VM:"MCU")
