"""Calling generated SUBROUTINEs and FUNCTIONs from Python.

A generated module binds its routine under the routine's Python name
through a decorator, ``@rt.subroutine(__basic__)`` or
``@rt.function(__basic__)``. The name then holds the *Python entry*, made
for Python callers::

    from money_line import MONEY_LINE
    result = MONEY_LINE("Total", 1234, None)
    result.TEXT            # 'Total             12.34', also result[2]

while ``__basic__.entry`` keeps the bare routine, which BASIC's own CALL,
DEFFUN and SUBR() use: calls between BASIC routines pay nothing for the
conversions below.

The Python entry

- takes plain values (see :func:`to_basic`): ``str``, ``int``, ``float``,
  ``bool``, ``bytes`` (Latin-1), a DynArray or a list (a dynamic array),
  and ``None`` for an unassigned variable (an argument BASIC only assigns);
  arguments go by position or by parameter name (Python or BASIC name);
- returns, for a SUBROUTINE, an :class:`Arguments`: a tuple of what BASIC
  left in each argument, in order, also readable by name; for a FUNCTION,
  its value. Values are BASIC values (``str``, ``int``, ``float``); an
  argument left unassigned comes back as ``None``;
- runs the routine with its own PRECISION, as CALL does, and sends its
  display output to standard output when the outermost call returns;
- lets an error out as the runtime's exception with the BASIC item, line
  and file filled in (:func:`runtime_lib.program.locate_error`): a
  :class:`~runtime_lib.errors.BasicError` carries ``item``, ``line`` and
  ``path``; any exception gets a note naming the BASIC line. STOP in the
  routine raises :class:`~runtime_lib.errors.StopProgram`, as it ends the
  whole program in BASIC.
"""

from __future__ import annotations

import decimal
import functools
import numbers
import re
from typing import Callable, Iterable

from runtime_lib.errors import ChainProgram, StopProgram
from runtime_lib.state import state
from runtime_lib.values import Unassigned

__all__ = ["Arguments", "function", "subroutine", "to_basic"]


class Arguments(tuple):
    """What a SUBROUTINE left in its arguments: a tuple in argument order.

    Each routine has its own subclass knowing the parameter names, so a
    value is also read by name: ``result.TAG_TEXT`` (the Python name),
    ``result["TAG_TEXT"]`` or ``result["TAG.TEXT"]`` (the BASIC name).
    ``as_dict()`` gives {BASIC name: value}. Being a tuple, it unpacks
    (``n, text = ADD_TAG(1, "")``) and compares equal to a plain tuple.
    """

    __slots__ = ()
    names: tuple[str, ...] = ()  # Python names of the parameters
    basic_names: tuple[str, ...] = ()  # the same in BASIC

    def _index(self, name: str) -> int:
        for names in (self.names, self.basic_names):
            if name in names:
                return names.index(name)
        raise KeyError(f"{type(self).__qualname__} has no argument {name!r}")

    def __getitem__(self, key):
        if isinstance(key, str):
            key = self._index(key)
        return tuple.__getitem__(self, key)

    def __getattr__(self, name: str):
        if name in self.names:
            return tuple.__getitem__(self, self.names.index(name))
        raise AttributeError(f"{type(self).__qualname__} has no argument {name!r}")

    def as_dict(self) -> dict[str, object]:
        """Return {BASIC parameter name: value}."""
        return dict(zip(self.basic_names, self))

    def __repr__(self) -> str:
        if len(self.names) != len(self):
            return f"{type(self).__qualname__}{tuple.__repr__(self)}"
        from runtime_lib.dynarray_class import basic_repr

        pairs = ", ".join(f"{n}={basic_repr(v)}" for n, v in zip(self.names, self))
        return f"{type(self).__qualname__}({pairs})"


def to_basic(value: object, name: str = "") -> object:
    """Return the BASIC value for a value a Python caller passes.

    ``str``, ``int`` and ``float`` pass as they are (a ``str`` must hold
    characters up to U+00FF: BASIC strings are bytes); ``bool`` is 1 or 0;
    ``bytes`` are read as Latin-1; a DynArray or a list (see DynArray) is
    its dynamic-array string; other integers, reals and Decimals are
    numbers; ``None`` is an unassigned variable named ``name``. Objects
    the runtime made (file variables, matrices, ...) pass unchanged.
    """
    kind = type(value)
    if kind is str:
        return _check_bytes(value, name)
    if kind is int or kind is float:
        return value
    if value is None:
        return Unassigned(name)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return _check_bytes(str(value), name)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")
    basic = getattr(value, "basic_value", None)  # a DynArray
    if isinstance(basic, str):
        return basic
    if isinstance(value, (list, tuple)):
        from runtime_lib.dynarray_class import DynArray

        return str(DynArray(value))
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, decimal.Decimal):
        return str(value)  # exact: BASIC reads numeric strings as numbers
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (dict, set, frozenset)):
        raise TypeError(f"argument {name or '?'}: a {kind.__name__} has no BASIC value")
    return value


def _check_bytes(text: str, name: str) -> str:
    if not text.isascii():
        try:
            text.encode("latin-1")
        except UnicodeEncodeError:
            raise ValueError(
                f"argument {name or '?'} holds characters beyond U+00FF; BASIC strings "
                "are bytes: encode the text first (e.g. to UTF-8) and pass the bytes"
            ) from None
    return text


def from_basic(value: object) -> object:
    """Return a BASIC value as a Python caller gets it (unassigned: None)."""
    return None if isinstance(value, Unassigned) else value


# --- the decorators generated modules use -------------------------------------


def subroutine(info) -> Callable[[Callable], Callable]:
    """Decorator for a SUBROUTINE: keep the routine, bind its Python entry.

    ``info`` is the module's ``__basic__``; ``info.entry`` becomes the bare
    routine (for CALL) and ``info.python_entry`` the returned wrapper.
    """

    def decorate(routine: Callable) -> Callable:
        python_names, basic_names = parameter_names(routine, info)
        result_type = type(
            "Arguments",
            (Arguments,),
            {
                "__slots__": (),
                "__qualname__": f"{routine.__name__}.Arguments",
                "__module__": routine.__module__,
                "names": python_names,
                "basic_names": basic_names,
            },
        )
        by_name = _keywords(python_names, basic_names)

        @functools.wraps(routine)
        def entry(*args, **kwargs):
            values = _run(routine, _arguments(args, kwargs, basic_names, by_name))
            return result_type(from_basic(v) for v in values or ())

        entry.Arguments = result_type
        return _bind(info, routine, entry)

    return decorate


def function(info) -> Callable[[Callable], Callable]:
    """Decorator for a FUNCTION: keep the routine, bind its Python entry,
    which returns the function's value.

    The routine itself returns its value followed by its parameters (BASIC
    callers store back the arguments they passed as variables); a Python
    caller gets the value only.
    """

    def decorate(routine: Callable) -> Callable:
        python_names, basic_names = parameter_names(routine, info)
        by_name = _keywords(python_names, basic_names)

        @functools.wraps(routine)
        def entry(*args, **kwargs):
            values = _run(routine, _arguments(args, kwargs, basic_names, by_name))
            return from_basic(values[0])

        return _bind(info, routine, entry)

    return decorate


def _bind(info, routine: Callable, entry: Callable) -> Callable:
    from runtime_lib.catalog import catalog

    info.entry = routine
    info.python_entry = entry
    catalog.note_module(routine.__globals__)
    return entry


# The routine's docstring, "BASIC SUBROUTINE NAME(A, MAT B, C).", is the only
# place a VAR.ARGS routine (def NAME(*_args)) lists its parameters.
_DOC_PARAMS = re.compile(r"^BASIC \w+ [^(]*\((.*)\)\.")


def parameter_names(routine: Callable, info) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the (Python, BASIC) names of a generated routine's parameters."""
    code = routine.__code__
    if code.co_flags & 0x04:  # *args: VAR.ARGS
        match = _DOC_PARAMS.match(routine.__doc__ or "")
        if not match:
            return (), ()
        basic = tuple(p.strip().removeprefix("MAT ") for p in match.group(1).split(","))
        python_of = {b: p for p, b in info.names.items()}
        return tuple(python_of.get(b, b) for b in basic), basic
    python = tuple(code.co_varnames[: code.co_argcount])
    return python, tuple(info.basic_name(p) for p in python)


def _keywords(
    python_names: Iterable[str], basic_names: Iterable[str]
) -> dict[str, int]:
    positions = {}
    for i, (py, basic) in enumerate(zip(python_names, basic_names)):
        positions[py] = positions[basic] = i
    return positions


def _arguments(
    args: tuple, kwargs: dict, names: tuple[str, ...], by_name: dict[str, int]
) -> list:
    """The BASIC values, in parameter order, of a Python call's arguments.

    ``names`` are the BASIC parameter names (an unassigned argument is
    named by them in errors); keywords may be Python or BASIC names.
    """
    values = [
        to_basic(a, names[i] if i < len(names) else "") for i, a in enumerate(args)
    ]
    if not kwargs:
        return values
    slots: dict[int, object] = {}
    for key, value in kwargs.items():
        i = by_name.get(key)
        if i is None:
            raise TypeError(f"no parameter named {key!r}")
        if i < len(values) or i in slots:
            raise TypeError(f"argument {key!r} given twice")
        slots[i] = to_basic(value, names[i])
    missing = [
        names[i] for i in range(len(values), len(values) + len(slots)) if i not in slots
    ]
    if missing:
        raise TypeError(
            f"missing argument {missing[0]!r} (pass None for an " "unassigned variable)"
        )
    values += [slots[i] for i in sorted(slots)]
    return values


_depth = 0


def _run(routine: Callable, args: list) -> object:
    """Run a routine for a Python caller: own PRECISION, errors located."""
    global _depth
    saved = state.enter_call()
    _depth += 1
    try:
        return routine(*args)
    except (StopProgram, ChainProgram):
        raise
    except Exception as exc:
        from runtime_lib.program import locate_error

        locate_error(exc)
        raise
    finally:
        _depth -= 1
        state.leave_call(saved)
        if _depth == 0:
            from runtime_lib import terminal

            terminal.flush()
