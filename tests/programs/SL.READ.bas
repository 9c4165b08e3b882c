* SL.READ(L, ID): read the next id of select list variable L (select_list_copy).
SUBROUTINE SL.READ(L, ID)
READNEXT ID FROM L ELSE ID = "none"
RETURN
END
