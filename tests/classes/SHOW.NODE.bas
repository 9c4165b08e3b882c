* A subroutine that is given an object (tests/classes/chain.bas).
SUBROUTINE SHOW.NODE(NODE, TEXT)
   TEXT = "node ":NODE->VALUE
   NODE->VALUE = NODE->VALUE:"!"
RETURN
