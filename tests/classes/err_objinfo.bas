* OBJINFO() of something that is not an object: key 0 answers, others fail.
X = "text"
CRT OBJINFO(X, 0)
CRT OBJINFO(X, 1)
