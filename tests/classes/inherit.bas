* Inheritance: a name the object's class lacks is looked for in the objects
* it inherited (their routines run with their own variables), then in an
* UNDEFINED handler. Destroying the object releases the inherited one
* after its own DESTROY.OBJECT (objprog.c free_object).
D = OBJECT("OBJ.DOG", "rex")
CRT D->NAME
CRT D->SOUND
CRT D->SPEAK(1)
CRT D->DESCRIBE
CRT D->COLOUR
D->COLOUR = "brown"
D->SOUND = "grr"
CRT D->SPEAK(1)
D = 0
CRT "done"
