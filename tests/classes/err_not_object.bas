* -> on a variable that holds no object (op_objref).
X = 5
CRT X->VALUE
