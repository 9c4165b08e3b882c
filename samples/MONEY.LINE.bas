SUBROUTINE MONEY.LINE(LABEL, CENTS, TEXT)
* Formats one report line: the label on the left, the amount in cents as
* dollars on the right. TEXT is passed back to the caller (by reference).
TEXT = FMT(LABEL, "L#28") : FMT(OCONV(CENTS, "MD2"), "R#12")
RETURN
END
