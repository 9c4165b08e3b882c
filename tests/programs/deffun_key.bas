* DEFFUN ... CALLING "subr" KEY k: BCOMP passes the result variable, then
* the key, then the arguments, so one subroutine can serve several
* functions. Digits make a numeric key, anything else a string.
DEFFUN AREA(W, H) CALLING "FN.SHAPES" KEY 1
DEFFUN GROW(W) CALLING "FN.SHAPES" KEY "GROW"
DEFFUN NAMED(W) CALLING "FN.SHAPES" KEY 2.5
W = 3 ; H = 4
PRINT "1: " : AREA(W, H)
PRINT "2: " : GROW(W) : " " : W
PRINT "3: " : NAMED(W)
