* SET.ARG n, value assigns argument n of the routine (BCOMP st.set.arg:
* ARG then STOR), so the caller's variable changes.
X = 1 ; Y = 2
CALL SETARG.SUB(X, Y)
PRINT X : " " : Y
