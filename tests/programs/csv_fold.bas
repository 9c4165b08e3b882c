* CSVDQ (op_csvdq) and FOLDS (element-wise FOLD).
EQU Q TO '"'
SHOW = "^]\"
MARKS = @FM:@VM:@SM

LINE = 'a,':Q:'b,c':Q:',':Q:'say ':Q:Q:'hi':Q:Q:Q:',,d'
PRINT "1: ":CONVERT(MARKS, SHOW, CSVDQ(LINE))
PRINT "2: ":CONVERT(MARKS, SHOW, CSVDQ("x;y;;z", ";"))
PRINT "3: ":CONVERT(MARKS, SHOW, CSVDQ("a,b", ""))
PRINT "4: ":DCOUNT(CSVDQ(LINE), @FM)
PRINT "5: ":CONVERT(MARKS, SHOW, CSVDQ('a':Q:'b,':Q:'c':Q:'d,e'))

TEXT = "the quick brown fox":@VM:"jumps":@VM:"over the lazy dog"
PRINT "6: ":CONVERT(MARKS, SHOW, FOLDS(TEXT, 10))
PRINT "7: ":CONVERT(MARKS, SHOW, FOLDS(TEXT, 5, "|"))
PRINT "8: ":CONVERT(MARKS, SHOW, FOLDS("abcdefgh":@FM:"ij", 3))
PRINT "9: ":CONVERT(MARKS, SHOW, FOLDS("ab cd":@SM:"", 2, ""))
