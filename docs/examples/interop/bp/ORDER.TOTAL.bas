SUBROUTINE ORDER.TOTAL(ORDER, RATE, TOTAL, TEXT)
* ORDER has one field per line: quantity, then unit price in cents.
* TOTAL comes back in cents, tax included; TEXT is a one-line summary.
DEFFUN TAX(CENTS, RATE)
TOTAL = 0
LINES = DCOUNT(ORDER, @FM)
FOR I = 1 TO LINES
  TOTAL += ORDER<I, 1> * ORDER<I, 2>
NEXT I
TOTAL += TAX(TOTAL, RATE)
TEXT = LINES : " lines, " : OCONV(TOTAL, "MD2,$") : " with tax"
RETURN
END
