* Setting a READONLY public variable: the name is hidden (find_name_map_entry).
C = OBJECT("OBJ.COUNTER", 1, 1)
CRT C->NAME
C->NAME = "other"
