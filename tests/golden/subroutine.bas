SUBROUTINE ADD.TAG(N, TAG.TEXT)
* By-reference parameters come back as a tuple.
N = N + 10
TAG.TEXT<-1> = "done"
RETURN
END
