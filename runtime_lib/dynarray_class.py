"""A dynamic-array object for Python callers, in the style of Rocket's u2py.

Generated code keeps dynamic arrays as plain ``str`` and calls the functions
of :mod:`runtime_lib.dynarray`; a Python application holding a record may
prefer an object with methods. :class:`DynArray` wraps one BASIC string and
offers the u2py method names with 1-based ``<field, value, subvalue>``
positions::

    rec = DynArray(["Ada", ["12 Main St", "Springfield"], "555-0100"])
    rec.extract(2, 2)            # DynArray('Springfield')
    rec.replace("555-0199", 3)   # in place, like rec<3> = "555-0199"
    rec[2, 1]                    # the same as rec.extract(2, 1)
    rec.locate("Ada", 1)         # Located(found=True, position=1)
    str(rec), bytes(rec)         # the BASIC string; its bytes (Latin-1)

Every method delegates to the runtime function of the same BASIC intrinsic,
so positions, padding with marks and edge cases follow ScarletDME exactly
(see :mod:`runtime_lib.dynarray`, :mod:`runtime_lib.locate`). As in u2py,
``replace``, ``insert`` and ``delete`` change the array in place; the others
return new objects.

Python protocols: ``len()`` is the number of fields (DCOUNT(s, @FM), so 0 for
"") and iteration gives the fields, so ``len(d) == len(list(d))``; use
``len(str(d))`` for the length in bytes. ``==`` compares the string with a
``str``, ``bytes`` (Latin-1) or another DynArray. A DynArray is mutable, so
it is not hashable.

Generated code accepts a DynArray wherever it takes a value (the runtime
reads it through ``basic_value``), and the Python entries of generated
routines turn it into its string before BASIC sees it.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple, Union

from runtime_lib import dynarray as _d
from runtime_lib.conversions import fmt as _fmt
from runtime_lib.conversions import iconv as _iconv
from runtime_lib.conversions import oconv as _oconv
from runtime_lib.locate import locate_pick
from runtime_lib.values import FM, SM, VM, to_str, try_num

__all__ = ["DynArray", "Located", "basic_repr"]

Position = Union[int, tuple]

_MARK_ESCAPES = {code: f"\\x{code:02x}" for code in range(0xFB, 0x100)}


class Located(NamedTuple):
    """What :meth:`DynArray.locate` found: whether, and the position.

    When the item is not there ``position`` is where it would be inserted
    (in an ordered search) or the count + 1, as LOCATE's SETTING variable.
    """

    found: bool
    position: int


def _from_python(value: object) -> str:
    """The BASIC string for a value a Python caller gives a DynArray."""
    if isinstance(value, DynArray):
        return value._text
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")
    if isinstance(value, (list, tuple)):
        return _join(value, (FM, VM, SM))
    if value is None:
        return ""
    return to_str(value)


def _join(items, marks: tuple[str, ...]) -> str:
    """Nested lists as a dynamic array: fields, then values, then subvalues."""
    if not marks:
        raise ValueError(
            "a dynamic array nests lists at most three deep "
            "(fields, values, subvalues)"
        )
    parts = []
    for item in items:
        if isinstance(item, (list, tuple)):
            parts.append(_join(item, marks[1:]))
        else:
            parts.append(_from_python(item))
    return marks[0].join(parts)


def _split(text: str, marks: tuple[str, ...]) -> list:
    parts = text.split(marks[0])
    if len(marks) == 1:
        return parts
    return [
        _split(p, marks[1:]) if any(m in p for m in marks[1:]) else p for p in parts
    ]


class DynArray:
    """A BASIC dynamic array with u2py's methods and 1-based positions.

    ``DynArray(value)`` takes a ``str`` (one character per byte, marks as
    ``\\xfe`` FM, ``\\xfd`` VM, ``\\xfc`` SM), ``bytes`` (Latin-1), a number
    (as BASIC prints it), another DynArray, or a list: its items are the
    fields, a list inside a field its values, a list inside a value its
    subvalues. ``None`` or nothing gives the empty array.
    """

    __slots__ = ("_text",)

    def __init__(self, value: object = "") -> None:
        self._text = _from_python(value)

    # --- the runtime's view -------------------------------------------------

    @property
    def basic_value(self) -> str:
        """The BASIC string (how runtime functions read a DynArray)."""
        return self._text

    # --- <f,v,s> access ---------------------------------------------------------

    def extract(self, field: int, value: int = 0, subvalue: int = 0) -> "DynArray":
        """Return field, value or subvalue <field, value, subvalue>.

        BASIC ``EXTRACT(s, f, v, sv)`` / ``s<f,v,sv>``: value 0 is the whole
        field, subvalue 0 the whole value; positions past the end give "".
        """
        return DynArray(_d.extract(self._text, field, value, subvalue))

    def replace(
        self, new: object, field: int, value: int = 0, subvalue: int = 0
    ) -> None:
        """Replace item <field, value, subvalue> with ``new``, in place.

        BASIC ``s<f,v,sv> = new``: -1 in any position appends; missing
        levels are padded with marks.
        """
        self._text = _d.replace(self._text, field, value, subvalue, _from_python(new))

    def insert(
        self, new: object, field: int, value: int = 0, subvalue: int = 0
    ) -> None:
        """Insert ``new`` before item <field, value, subvalue>, in place.

        BASIC ``INS new BEFORE s<f,v,sv>``; -1 appends.
        """
        self._text = _d.insert(self._text, field, value, subvalue, _from_python(new))

    def delete(self, field: int, value: int = 0, subvalue: int = 0) -> None:
        """Delete item <field, value, subvalue> and one adjacent mark, in place.

        BASIC ``DEL s<f,v,sv>``; a position past the end changes nothing.
        """
        self._text = _d.delete(self._text, field, value, subvalue)

    def locate(
        self, search: object, field: int = 0, value: int = 0, order: str = ""
    ) -> Located:
        """Return whether and where ``search`` is: a :class:`Located`.

        UniVerse's ``LOCATE(search, s, f, v; pos; order)``, as u2py has it:
        no position searches the fields, ``field`` the values of that field,
        ``field`` and ``value`` the subvalues of <field, value>. ``order`` is
        "AL", "AR", "DL" or "DR" for an ordered search ("" unordered); when
        not found, ``position`` is where the item belongs.
        """
        f = field if field else None
        v = value if field and value else None
        found, position = locate_pick(_from_python(search), self._text, f, v, order)
        return Located(bool(found), position)

    # --- counting and substrings ----------------------------------------------

    def count(self, substring: object) -> int:
        """Return how often ``substring`` occurs (BASIC COUNT, no overlaps)."""
        return _d.count(self._text, _from_python(substring))

    def dcount(self, delimiter: object) -> int:
        """Return the number of ``delimiter``-separated items (BASIC DCOUNT)."""
        return _d.dcount(self._text, _from_python(delimiter))

    def field(self, delimiter: object, occurrence: int, count: int = 1) -> "DynArray":
        """Return ``count`` substrings from ``occurrence`` (BASIC FIELD).

        Only the first character of ``delimiter`` counts.
        """
        return DynArray(
            _d.field(self._text, _from_python(delimiter), occurrence, count)
        )

    # --- conversions --------------------------------------------------------

    def iconv(self, code: str) -> "DynArray":
        """Return the value in internal form (BASIC ICONV, e.g. "D", "MD2").

        A value the code cannot convert gives "" with a non-zero STATUS(),
        as in BASIC (``runtime_lib.pyapi.status()``).
        """
        return DynArray(_iconv(self._text, code))

    def oconv(self, code: str) -> "DynArray":
        """Return the value in output form (BASIC OCONV, e.g. "D4/", "MD2")."""
        return DynArray(_oconv(self._text, code))

    def fmt(self, format_code: str) -> "DynArray":
        """Return the value formatted by a FMT code such as "R#10" or "L2"."""
        return DynArray(_fmt(self._text, format_code))

    def to_list(self) -> list:
        """Return the fields as a list; a field with values is a list of
        them, a value with subvalues a list of those (DynArray's inverse)."""
        if not self._text:
            return []
        return _split(self._text, (FM, VM, SM))

    # --- Python protocols -----------------------------------------------------

    def __str__(self) -> str:
        return self._text

    def __bytes__(self) -> bytes:
        return self._text.encode("latin-1")

    def __repr__(self) -> str:
        return f"DynArray({basic_repr(self._text)})"

    def __len__(self) -> int:
        return _d.dcount(self._text, FM)

    def __iter__(self) -> Iterator["DynArray"]:
        if self._text:
            for part in self._text.split(FM):
                yield DynArray(part)

    def __bool__(self) -> bool:
        return bool(self._text)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DynArray):
            return self._text == other._text
        if isinstance(other, str):
            return self._text == other
        if isinstance(other, (bytes, bytearray)):
            return self.__bytes__() == bytes(other)
        return NotImplemented

    __hash__ = None  # mutable

    def __getitem__(self, position: Position) -> "DynArray":
        """``d[f]``, ``d[f, v]``, ``d[f, v, s]``: BASIC's ``d<f,v,s>``."""
        return self.extract(*_position(position))

    def __setitem__(self, position: Position, new: object) -> None:
        self.replace(new, *_position(position))

    def __delitem__(self, position: Position) -> None:
        self.delete(*_position(position))

    def __int__(self) -> int:
        return int(_number(self._text))

    def __float__(self) -> float:
        return float(_number(self._text))


def basic_repr(value: object) -> str:
    """Return repr(value) with the marks escaped (a str repr shows FM as þ)."""
    return repr(value).translate(_MARK_ESCAPES)


def _position(position: Position) -> tuple:
    if isinstance(position, tuple):
        if not 1 <= len(position) <= 3:
            raise IndexError("a dynamic array position is <field[, value[, subvalue]]>")
        return position
    if isinstance(position, slice):
        raise TypeError(
            "a DynArray is indexed by <field, value, subvalue> positions, " "not slices"
        )
    return (position,)


def _number(text: str):
    number = try_num(text)
    if number is None:
        raise ValueError(f"not a number: {text!r}")
    return number
