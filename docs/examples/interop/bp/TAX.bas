FUNCTION TAX(CENTS, RATE)
* Tax in whole cents, rounded half up.
RETURN INT(CENTS * RATE + 0.5)
END
