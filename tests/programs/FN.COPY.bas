* FN.COPY((X), Y): X is a copy, Y by reference (by_value_parameters).
FUNCTION FN.COPY((X), Y)
X = X + 100 ; Y = Y + 100
RETURN X + Y
END
