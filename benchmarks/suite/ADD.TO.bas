* ADD.TO: add an amount to a running total (called by CALLS).
SUBROUTINE ADD.TO(TOTAL, AMOUNT)
TOTAL += AMOUNT
RETURN
END
