* Run by run_verb.bas through the RUN verb: shows the command it got.
PRINT "target: " : @SENTENCE
