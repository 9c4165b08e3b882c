"""QM objects: CLASS modules, OBJECT(), OBJINFO(), INHERIT and ``->``.

A CLASS module becomes a Python class derived from :class:`BasicObject`;
``OBJECT("NAME", args)`` finds it in the catalogue, makes an instance and
runs its CREATE.OBJECT subroutine. Each instance keeps the class's PUBLIC
and PRIVATE variables as attributes (they start unassigned). Its routines
are Python methods, registered under their BASIC names by
:func:`method`; the *name map* of the class, as ScarletDME's compiler
builds it (BCOMP ``object.name.map``), pairs each name with a public
variable and with up to two routines:

- a *get* routine, run where ``OBJ->NAME`` is read: a GET routine or a
  PUBLIC FUNCTION; without one, reading binds to the public variable;
- a *set* routine, run where ``OBJ->NAME`` is assigned or called as a
  statement: a SET routine or a PUBLIC SUBROUTINE; without one, assigning
  binds to the public variable unless it is READONLY.

Arguments are passed by reference, as to a CALLed subroutine: a method
returns what it left in its parameters and the caller stores that back. A
generated method returns::

    SUBROUTINE / SET, no parameters:      None
    SUBROUTINE / SET with parameters:     (P1, P2, ...)
    FUNCTION / GET, no parameters:        value
    FUNCTION / GET with parameters:       value, (P1, P2, ...)

A name no routine or variable has goes to the UNDEFINED function (when
read) or subroutine (when set) of the class, with the name as an extra
first argument. The search covers the objects the class INHERITs, depth
first, as ScarletDME's kernel searches them (objprog.c
``find_name_map_entry``). Errors a program sees are ScarletDME's.

When the last reference to an object goes, its DESTROY.OBJECT subroutine
runs (after the objects it inherited are released), as ScarletDME runs it
when the object's reference count drops to zero.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Optional

from runtime_lib.errors import BasicError, UnassignedError
from runtime_lib.matrix import Matrix
from runtime_lib.state import state
from runtime_lib.values import Unassigned, to_int, to_str

GET_MODE = 1
SET_MODE = 0
DEFAULT_MAX_ARGS = 32  # BCOMP st.class: arguments a method may take
VARTYPE_OBJECT = 15  # ScarletDME's OBJ descriptor type


class ArgumentMismatch(BasicError):
    """An object reference with the wrong number of arguments (message 1026)."""

    text = "Argument count mismatch in object reference"


@dataclass(frozen=True)
class Variable:
    """A persistent variable of a class: PUBLIC or PRIVATE."""

    name: str  # the BASIC name
    attr: str  # the Python attribute holding it
    public: bool = False
    readonly: bool = False
    dims: tuple = ()  # a matrix's dimensions


@dataclass
class MethodInfo:
    """A routine of a class, as the name map records it."""

    kind: str  # FUNCTION, SUBROUTINE, GET or SET
    name: str
    params: int  # named parameters (the most a VAR.ARGS routine takes)
    var_args: bool = False
    by_value: tuple = ()  # 0-based positions of "(NAME)" parameters
    attr: str = ""  # the Python method

    @property
    def returns_value(self) -> bool:
        return self.kind in ("FUNCTION", "GET")

    @property
    def has_params(self) -> bool:
        return self.params > 0 or self.var_args


class Member:
    """One name of a class's name map."""

    __slots__ = ("name", "var", "get", "set")

    def __init__(self, name: str):
        self.name = name
        self.var: Optional[Variable] = None
        self.get: Optional[MethodInfo] = None
        self.set: Optional[MethodInfo] = None

    def routine(self, mode: int) -> Optional[MethodInfo]:
        return self.get if mode == GET_MODE else self.set


def method(
    kind: str, name: str, *, var_args: int = -1, by_value: tuple = ()
) -> Callable:
    """Decorator for a routine of a class: record its kind and BASIC name.

    ``var_args`` is the most arguments a VAR.ARGS routine takes (its
    Python function then takes ``*_args``); ``by_value`` the positions of
    parameters written ``(NAME)``, which the caller's variables do not get
    back.
    """

    def decorate(function: Callable) -> Callable:
        if var_args >= 0:
            params, variable = var_args, True
        else:
            params, variable = function.__code__.co_argcount - 1, False
        function.basic_method = MethodInfo(
            kind, name, params, variable, tuple(by_value), function.__name__
        )
        return function

    return decorate


def basic_class(
    info,
    variables: tuple = (),
    inherits: tuple = (),
    max_args: int = DEFAULT_MAX_ARGS,
) -> Callable:
    """Decorator for the Python class of a CLASS module: build its name map.

    ``variables`` are its :class:`Variable` s; ``inherits`` pairs the names
    of the classes on its ``INHERITS`` clause with the attribute of the
    private variable that holds each inherited object.
    """

    def decorate(cls: type) -> type:
        members: dict[str, Member] = {}
        for variable in variables:
            if variable.public:
                members.setdefault(variable.name, Member(variable.name)).var = variable
        for value in list(cls.__dict__.values()):
            routine = getattr(value, "basic_method", None)
            if routine is None:
                continue
            member = members.setdefault(routine.name, Member(routine.name))
            if routine.returns_value:
                member.get = routine
            else:
                member.set = routine
        cls.__basic__ = info
        cls._variables_ = tuple(variables)
        cls._members_ = members
        cls._inherits_classes_ = tuple(inherits)
        cls._max_args_ = max_args
        info.entry = info.python_entry = cls
        from runtime_lib import catalog

        # Every loader of generated modules puts the module in sys.modules
        # before running it, so the class's module is there now.
        module = sys.modules.get(cls.__module__)
        if module is not None:
            catalog.catalog.note_module(vars(module))
        return cls

    return decorate


class BasicObject:
    """An object: an instance of a BASIC CLASS module.

    From Python, ``obj.get("NAME", *args)`` reads a property or runs a
    public function and ``obj.set("NAME", *args)`` sets a property (the
    value is the last argument) or runs a public subroutine, as ``->``
    does in BASIC; public variables are also plain attributes.
    """

    __basic__ = None
    _variables_: tuple = ()
    _members_: dict = {}
    _inherits_classes_: tuple = ()
    _max_args_ = DEFAULT_MAX_ARGS
    basic_vartype = VARTYPE_OBJECT

    def __init__(self, *args: object):
        """``CLASS(args)`` from Python: OBJECT() with Python values."""
        from runtime_lib import pycall

        pycall._run(self._create, [pycall.to_basic(a) for a in args])

    def _create(self, *args: object) -> None:
        """Set up a new object and run its CREATE.OBJECT (OBJECT())."""
        self._inherited_: list[BasicObject] = []
        self._destroyed_ = True  # until CREATE.OBJECT has been reached
        for variable in self._variables_:
            if variable.dims:
                value: object = Matrix(variable.name, *variable.dims)
            else:
                value = Unassigned(variable.name)
            setattr(self, variable.attr, value)
        self._destroyed_ = False
        # CLASS ... INHERITS A, B: CREATE.OBJECT first makes and inherits those.
        for class_name, attr in self._inherits_classes_:
            inherited = object_(class_name)
            setattr(self, attr, inherited)
            inherit(self, inherited)
        member = self._members_.get("CREATE.OBJECT")
        if member is not None and member.set is not None:
            _invoke(self, member.set, _fit(member.set, args))

    # --- Python callers -----------------------------------------------------

    def get(self, name: str, *args: object) -> object:
        """``OBJ->NAME(args)`` read: a property's value or a function's result."""
        from runtime_lib import pycall

        values = [pycall.to_basic(a) for a in args]
        result = pycall._run(lambda *a: get_property(self, name, *a), values)
        return pycall.from_basic(result)

    def set(self, name: str, *args: object) -> None:
        """``OBJ->NAME(args) = value`` or ``OBJ->NAME(args)`` as a statement."""
        from runtime_lib import pycall

        values = [pycall.to_basic(a) for a in args]
        pycall._run(lambda *a: set_property(self, name, *a), values)

    # --- BASIC values -----------------------------------------------------------

    def basic_str(self) -> str:
        """An object is not a string (ScarletDME error 1221)."""
        raise BasicError("Data cannot be converted to a string")

    def __repr__(self) -> str:
        name = self.__basic__.name if self.__basic__ is not None else "?"
        return f"<BASIC object of class {name}>"

    def __del__(self) -> None:
        try:
            self._destroy()
        except Exception:  # pragma: no cover - the interpreter is shutting down
            pass

    def _destroy(self) -> None:
        """The last reference went: run DESTROY.OBJECT (objprog.c free_object)."""
        if getattr(self, "_destroyed_", True):
            return
        self._destroyed_ = True
        # The inherited objects go first, then DESTROY.OBJECT.
        while self._inherited_:
            self._inherited_.pop(0)
        member = self._members_.get("DESTROY.OBJECT")
        if member is None or member.set is None or member.var is not None:
            return
        if member.set.params:
            return  # ScarletDME runs only a DESTROY.OBJECT without arguments
        try:
            _invoke(self, member.set, ())
        except BasicError as exc:
            # A destructor cannot stop the program from here: report it.
            from runtime_lib.program import report

            report(exc)
        from runtime_lib import terminal

        terminal.flush()


class Frame:
    """The variables a method shares with the LOCAL routines it calls.

    A class's routines all run in one BASIC program, so a variable that is
    neither persistent nor private lives as long as the method that was
    called: a LOCAL routine sees the method's own. Each method call makes a
    Frame for them (all unassigned) and hands it to the LOCAL routines.
    """

    def __init__(self, layout: dict):
        self.__dict__.update(layout)


def frame_layout(**names: str) -> dict:
    """The starting values of a class's Frame: Python name -> unassigned
    marker named after the BASIC variable."""
    return {attr: Unassigned(name) for attr, name in names.items()}


# --- finding names -------------------------------------------------------------


def _object(value: object, message: str = "Invalid object reference") -> BasicObject:
    if isinstance(value, BasicObject):
        return value
    raise BasicError(message)


_HIDDEN = object()  # a READONLY variable found when setting: look no further


def _search(obj: BasicObject, look: Callable):
    """Search an object and those it inherited in ScarletDME's order.

    The object's own names, then each object it inherited, each followed
    by what that one inherited (searched the same way), as objprog.c's
    ``find_name_map_entry`` and ``find_undefined_name_handler`` both walk
    them. ``look(scan)`` returns what it found in one object, None to go
    on, or ``_HIDDEN`` to end the search at this level (the kernel's loop
    returns there, and its caller goes on).
    """
    scan = obj
    for following in [*obj._inherited_, None]:
        found = look(scan)
        if found is _HIDDEN:
            return None
        if found is not None:
            return found
        if scan._inherited_:
            found = _search(scan._inherited_[0], look)
            if found is not None:
                return found
        if following is None:
            return None
        scan = following
    return None


def _find(obj: BasicObject, name: str, mode: int):
    """ScarletDME's find_name_map_entry(): (object, member) or None.

    A READONLY public variable found when setting hides the name.
    """

    def look(scan: BasicObject):
        member = scan._members_.get(name)
        if member is None:
            return None
        if member.routine(mode) is None:
            if member.var is None:
                raise BasicError(f"Illegal reference to property ({name}).")
            if member.var.readonly and mode == SET_MODE:
                return _HIDDEN
        return scan, member

    return _search(obj, look)


def _find_undefined(obj: BasicObject, mode: int):
    """ScarletDME's find_undefined_name_handler(): (object, routine) or None."""

    def look(scan: BasicObject):
        member = scan._members_.get("UNDEFINED")
        if member is None or member.routine(mode) is None:
            return None
        return scan, member.routine(mode)

    return _search(obj, look)


# --- running routines ------------------------------------------------------------


def _fit(routine: MethodInfo, args: tuple) -> tuple:
    """Arguments for a routine that does not check their count: missing ones
    unassigned, extra ones dropped (ScarletDME passes them to the class's
    hidden argument variables)."""
    if routine.var_args:
        return args[: routine.params]
    if len(args) < routine.params:
        return args + tuple(Unassigned("") for _ in range(routine.params - len(args)))
    return args[: routine.params]


def _check_count(routine: MethodInfo, count: int) -> None:
    if routine.var_args:
        if count > routine.params:
            raise ArgumentMismatch()
    elif count != routine.params:
        raise ArgumentMismatch()


def _invoke(obj: BasicObject, routine: MethodInfo, args: tuple) -> tuple:
    """Run a routine; return (its value, the arguments as it left them).

    Each call starts with PRECISION 4 and COL1()/COL2() 0, as each
    ScarletDME call level does (kernel.c init_program)."""
    saved = state.enter_call()
    try:
        result = getattr(obj, routine.attr)(*args)
    finally:
        state.leave_call(saved)
    value: object = None
    if routine.returns_value:
        if routine.has_params:
            value, params = result
        else:
            value, params = result, ()
    else:
        params = result if routine.has_params and result is not None else ()
    if value is None and routine.returns_value:
        value = Unassigned("")  # END of a PUBLIC FUNCTION or GET routine
    out = list(params[: len(args)])
    out += args[len(out) :]
    for i in routine.by_value:
        if i < len(out):
            out[i] = args[i]
    return value, tuple(out)


def _resolve(obj: object, name: object, mode: int):
    """(object, member or None, UNDEFINED routine or None) for a reference."""
    target = _object(obj)
    key = to_str(name).upper()
    found = _find(target, key, mode)
    if found is not None:
        return found[0], found[1], None
    handler = _find_undefined(target, mode)
    if handler is None:
        raise BasicError(f"Unrecognised property/method name ({key}).")
    return handler[0], None, handler[1]


def _run(obj: object, name: object, mode: int, args: tuple) -> tuple:
    """Resolve and run one reference; return (value, arguments after)."""
    scan, member, handler = _resolve(obj, name, mode)
    if handler is not None:
        if len(args) >= scan._max_args_:
            raise ArgumentMismatch()
        key = to_str(name).upper()
        value, out = _invoke(scan, handler, _fit(handler, (key, *args)))
        out = out[1 : len(args) + 1]
        return value, out + args[len(out) :]
    routine = member.routine(mode)
    if routine is not None:
        _check_count(routine, len(args))
        return _invoke(scan, routine, args)
    return _variable(scan, member.var, mode, args), args


def _variable(obj: BasicObject, variable: Variable, mode: int, args: tuple):
    """Read or assign a public variable (a matrix takes indices first)."""
    indices = args if mode == GET_MODE else args[:-1]
    if len(indices) != len(variable.dims):
        raise ArgumentMismatch()
    if mode == SET_MODE:
        if indices:
            matrix = getattr(obj, variable.attr)
            matrix[indices[0] if len(indices) == 1 else tuple(indices)] = args[-1]
        else:
            setattr(obj, variable.attr, args[-1])
        return None
    value = getattr(obj, variable.attr)
    if indices:
        value = value[indices[0] if len(indices) == 1 else tuple(indices)]
    if isinstance(value, Unassigned):
        raise UnassignedError()
    return value


def get_property(obj: object, name: object, *args: object) -> object:
    """``OBJ->NAME`` or ``OBJ->NAME(args)`` read: a public variable (or a
    matrix element), a GET routine's or a PUBLIC FUNCTION's value."""
    return _run(obj, name, GET_MODE, args)[0]


def get_property_args(obj: object, name: object, *args: object) -> tuple:
    """The same as :func:`get_property`, for a caller whose arguments are
    variables: (the value, then each argument as the routine left it)."""
    value, out = _run(obj, name, GET_MODE, args)
    return (value, *out)


def set_property(obj: object, name: object, *args: object) -> tuple:
    """``OBJ->NAME(args) = value`` (the value is the last argument) or
    ``OBJ->NAME(args)`` as a statement: a SET routine, a PUBLIC SUBROUTINE
    or a public variable. Returns the arguments as the routine left them."""
    return _run(obj, name, SET_MODE, args)[1]


# --- OBJECT(), OBJINFO(), INHERIT ----------------------------------------------------

_VALID_NAME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.%$-_")


def object_(name: object, *args: object) -> BasicObject:
    """OBJECT(name [, args]): a new object of a catalogued CLASS module;
    its CREATE.OBJECT subroutine runs with the arguments."""
    from runtime_lib.calls import load_item

    text = to_str(name)
    call_name = text.upper()
    if not _is_call_name(call_name):
        raise BasicError("Illegal call name")
    module = load_item(text)  # Unable to load 'NAME' object code, if not found
    cls = getattr(module.__basic__, "entry", None)
    if module.__basic__.kind != "CLASS" or not isinstance(cls, type):
        raise BasicError(f"{call_name} is not a CLASS module")
    obj = cls.__new__(cls)
    obj._create(*args)
    return obj


def _is_call_name(name: str) -> bool:
    """ScarletDME's valid_call_name()."""
    if not name or len(name) > 255:
        return False
    if name[0] not in _VALID_NAME and name[0] not in "*$!_":
        return False
    return all(c in _VALID_NAME for c in name[1:])


OI_ISOBJ = 0
OI_CLASS = 1


def objinfo(value: object, key: object) -> object:
    """OBJINFO(var, key): 0 is it an object (1 or 0), 1 its class name."""
    which = to_int(key)
    if which == OI_ISOBJ:
        return 1 if isinstance(value, BasicObject) else 0
    obj = _object(value, "Variable is not an object.")
    if which == OI_CLASS:
        return obj.__basic__.name
    return 0


def inherit(me: BasicObject, value: object) -> None:
    """INHERIT obj: names the class does not know are looked up in obj too
    (after the objects inherited before it)."""
    me._inherited_.append(_object(value, "Object variable required"))


def disinherit(me: BasicObject, value: object) -> None:
    """DISINHERIT obj: stop inheriting an object.

    ScarletDME's op_disinh() compares each inherited object's *successor*
    with the one named, so the first object inherited is never let go;
    this does the same.
    """
    target = _object(value, "Object variable required")
    chain = me._inherited_
    for i in range(1, len(chain)):
        if chain[i] is target:
            del chain[i]
            break
