PROGRAM STOCK.REPORT
* Lists stock levels and flags the items to reorder.
EQU REORDER.LEVEL TO 5
ITEMS = "APPLE" : @VM : "BREAD" : @VM : "CHEESE"
LEVELS = 12 : @VM : 3 : @VM : 0
N.ITEMS = DCOUNT(ITEMS, @VM)
TO.ORDER = ""
FOR I = 1 TO N.ITEMS
  ITEM = ITEMS<1, I>
  QTY = LEVELS<1, I>
  GOSUB SHOW.LINE
NEXT I
PRINT N.ITEMS : " items; reorder " : CONVERT(@VM, ",", TO.ORDER)
STOP

SHOW.LINE:
  BEGIN CASE
    CASE QTY = 0 ; NOTE = "out of stock"
    CASE QTY < REORDER.LEVEL ; NOTE = "low"
    CASE 1 ; NOTE = "ok"
  END CASE
  IF NOTE # "ok" THEN TO.ORDER<1, -1> = ITEM
  PRINT FMT(ITEM, "L#8") : FMT(QTY, "R#4") : "  " : NOTE
  RETURN
END
