* CHAIN inside an EXECUTEd program ends that command level only: the
* chained command runs there and EXECUTE returns (ScarletDME kernel.c
* K_CHAIN casts programs off down to the nearest command processor).
PRINT "main start"
EXECUTE "CHAIN.CHILD"
PRINT "main end"
