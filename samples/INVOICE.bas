* INVOICE: build an invoice from a dynamic array of order lines, look up
* prices, total them and print a formatted report.
* Shows dynamic arrays (<f,v>), LOCATE (values of field 1: note <1,1>, as
* ScarletDME's LOCATE ... IN X<1> would search fields), FOR, GOSUB, CALL, FMT.
PROGRAM INVOICE
EQU TAX.RATE TO 0.08
PRODUCTS = "APPLE" : @VM : "BREAD" : @VM : "CHEESE" : @VM : "MILK"
PRICES = 45 : @VM : 289 : @VM : 675 : @VM : 119
ORDER = ""
ORDER<1,-1> = "MILK" ; ORDER<2,-1> = 2
ORDER<1,-1> = "APPLE" ; ORDER<2,-1> = 6
ORDER<1,-1> = "CHEESE" ; ORDER<2,-1> = 1
ORDER<1,-1> = "CAKE" ; ORDER<2,-1> = 1
CUSTOMER = "Ada Lovelace"
IF @SENTENCE[" ", 2, 99] # "" THEN CUSTOMER = @SENTENCE[" ", 2, 99]
PRINT "Invoice for " : CUSTOMER
PRINT STR("-", 40)
TOTAL = 0
LINES = DCOUNT(ORDER<1>, @VM)
FOR I = 1 TO LINES
  ITEM = ORDER<1, I>
  QTY = ORDER<2, I>
  GOSUB PRICE.LINE
NEXT I
PRINT STR("-", 40)
CALL MONEY.LINE("Subtotal", TOTAL, TEXT)
PRINT TEXT
TAX = INT(TOTAL * TAX.RATE + 0.5)
CALL MONEY.LINE("Tax", TAX, TEXT)
PRINT TEXT
CALL MONEY.LINE("Total", TOTAL + TAX, TEXT)
PRINT TEXT
STOP

PRICE.LINE:
  LOCATE ITEM IN PRODUCTS<1,1> SETTING POS ELSE
    PRINT FMT(ITEM, "L#12") : "not stocked"
    RETURN
  END
  AMOUNT = QTY * PRICES<1, POS>
  TOTAL += AMOUNT
  CALL MONEY.LINE(QTY : " x " : ITEM, AMOUNT, TEXT)
  PRINT TEXT
  RETURN
END
