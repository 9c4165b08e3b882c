* FN.SHAPES: functions told apart by their DEFFUN KEY (deffun_key).
SUBROUTINE FN.SHAPES(RESULT, KEY, A, B) VAR.ARGS
BEGIN CASE
   CASE KEY = 1 ; RESULT = A * B
   CASE KEY = "GROW" ; A = A * 2 ; RESULT = "grown"
   CASE 1 ; RESULT = "key " : KEY : " " : ASSIGNED(B)
END CASE
RETURN
END
