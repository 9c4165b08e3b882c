"""A dynamic array held as a Python list while a loop works on it (rt.Fields).

``A<I>``, ``A<I> = x``, ``A<-1> = x``, ``LOCATE x IN A<f[,v]>`` and
``INS``/``DEL`` on a string each scan or copy the whole string, so a loop
doing them N times costs N times the array's length. The generated code
makes a :class:`Fields` before a loop that uses A only in those ways (see
``note_splits`` in ``transpiler/passes/types.py``), works on it in the loop
and stores ``text()`` back in A after it. On the list each of these costs
the same at any size, or a ``list.insert``; LOCATE ``BY "AR"``/``"DR"`` over
integers keeps the integers too, and searches them with ``bisect`` while
they stay sorted.

Every result is the one the string functions give (``runtime_lib.dynarray``
``extract``/``replace``/``insert``/``delete`` and ``runtime_lib.locate``
``locate_stmt``, ScarletDME's rules); the list is only a faster way to get
there, and anything unusual (negative positions, padding with marks at the
subvalue level, marks inside the new item) is done on the string.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress, count, islice, repeat
from operator import ge, le

from runtime_lib.dynarray import delete, extract, insert, replace
from runtime_lib.locate import (
    MAX_NUMERIC_STRING,
    _locate,
    order_flags,
    search_items,
    strnint,
)
from runtime_lib.values import FM, VM, to_int, to_str

__all__ = ["Fields"]

_INT32_MAX = 2**31 - 1

# The usual order codes, read once.
_ORDERS = {code: order_flags(code) for code in ("", "AL", "AR", "DL", "DR")}


def _integer(item: str) -> int | None:
    """Return an item as the integer LOCATE's AR/DR compares it as, if it
    is written the way Python writes that integer (else None)."""
    if not item or len(item) > 11:
        return None
    try:
        number = int(item)
    except ValueError:
        return None
    if str(number) != item or abs(number) > _INT32_MAX:
        return None
    return number


def _integers(items: list[str]) -> list[int] | bool:
    """Return the items as integers (see :func:`_integer`), or False."""
    try:
        numbers = list(map(int, items))
    except ValueError:
        return False
    if list(map(str, numbers)) != items:
        return False
    if max(numbers) > _INT32_MAX or min(numbers) < -_INT32_MAX:
        return False
    return numbers


class Fields:
    """A dynamic array held as a list of its fields while a loop works on it.

    The value is converted on first use, so an unassigned variable fails
    where the loop first touches it, and ``text()`` gives the original value
    back (a number stays a number) if nothing was written.

    Two forms. ``fields`` is the list of fields, used by ``A<f>`` reads and
    writes. LOCATE, INS and DEL *park* it: ``parked`` holds the list and
    ``fields`` is None, so the field methods' fast paths (which test
    ``fields``) go through :meth:`_list` first. While parked, one field
    ``vfield`` may be held split into ``values`` (its entry in ``parked`` is
    then stale), and ``numbers`` remembers the list being searched -- the
    values if a field is split, else the fields -- as integers (a list), as
    not all integers (False) or as not known (None); ``ascending`` says
    whether those integers are in order.
    """

    __slots__ = (
        "original",
        "fields",
        "written",
        "parked",
        "vfield",
        "values",
        "numbers",
        "ascending",
    )

    def __init__(self, value: object):
        self.original = value
        self.fields: list[str] | None = None
        self.written = False
        self.parked: list[str] | None = None
        self.vfield = 0
        self.values: list[str] = []
        self.numbers: list[int] | bool | None = None
        self.ascending = False

    # --- the two forms ----------------------------------------------------

    def _split(self) -> list[str]:
        s = to_str(self.original)
        return s.split(FM) if s else []

    def _list(self) -> list[str]:
        """Return the list of fields, joining a split field back first."""
        fields = self.fields
        if fields is None:
            fields = self.parked
            if fields is None:
                fields = self._split()
            else:
                self._join_values()
                self.parked = None
                self.numbers = None
            self.fields = fields
        return fields

    def _park(self) -> list[str]:
        """Return the list of fields, parked for LOCATE, INS and DEL."""
        fields = self.parked
        if fields is None:
            fields = self.fields
            if fields is None:
                fields = self._split()
            self.fields = None
            self.parked = fields
            self.numbers = None
        return fields

    def _join_values(self) -> None:
        if self.vfield:
            self.parked[self.vfield - 1] = VM.join(self.values)  # type: ignore[index]
            self.vfield = 0
            self.values = []
            self.numbers = None

    def _values(self, fields: list[str], f: int) -> list[str]:
        """Return the values of field f (1 to len(fields)), held split."""
        if self.vfield != f:
            self._join_values()
            self.values = fields[f - 1].split(VM)
            self.vfield = f
            self.numbers = None
        return self.values

    def _string(self) -> str:
        return FM.join(self._list())

    def _reset(self, s: str) -> None:
        """Hold a new string value (after an operation done on the string)."""
        self.parked = None
        self.vfield = 0
        self.values = []
        self.numbers = None
        self.fields = s.split(FM) if s else []
        self.written = True

    # --- A<f>, A<f> = x, A<-1> = x ------------------------------------------

    def get(self, f: object) -> str:
        """Return field ``A<f>``."""
        fields = self.fields
        if fields is not None and type(f) is int and 0 < f <= len(fields):
            return fields[f - 1]  # the loop A<I>: a field that exists
        fields = self.fields if self.fields is not None else self._list()
        if type(f) is not int:
            f = to_int(f)
        return fields[f - 1] if 0 < f <= len(fields) else ""  # type: ignore[operator]

    def set(self, f: object, new: object, compatible: bool = False) -> None:
        """Do ``A<f> = new``."""
        fields = self.fields
        if fields is not None and type(f) is int and 0 < f <= len(fields):
            # The loop A<I> = x on a field that exists; a number holds no mark.
            if type(new) is int:
                fields[f - 1] = str(new)
                self.written = True
                return
            if type(new) is str and FM not in new:
                fields[f - 1] = new
                self.written = True
                return
        fields = self.fields if self.fields is not None else self._list()
        if type(new) is not str:
            new = str(new) if type(new) is int else to_str(new)
        if type(f) is not int:
            f = to_int(f)
        if 0 < f <= len(fields) and FM not in new:  # type: ignore[operator]
            fields[f - 1] = new  # type: ignore[operator, index]
            self.written = True
            return
        self.replace(f, 0, 0, new, compatible)

    def append(self, new: object, compatible: bool = False) -> None:
        """Do ``A<-1> = new``: a new last field."""
        fields = self.fields
        if fields is not None and len(fields) > 1 and not compatible:
            # The loop A<-1> = x once the array has two fields (the checks
            # below cannot fail then, but for marks in a string).
            if type(new) is int:
                fields.append(str(new))
                self.written = True
                return
            if type(new) is str and FM not in new:
                fields.append(new)
                self.written = True
                return
        fields = self.fields if self.fields is not None else self._list()
        if type(new) is not str:
            new = str(new) if type(new) is int else to_str(new)
        # Not on "" (the new field is the only one), not into an empty last
        # field COMPATIBLE.APPEND fills, not several fields at once.
        if (
            (len(fields) > 1 or (fields and fields[0]))
            and FM not in new
            and not (compatible and not fields[-1])
        ):
            fields.append(new)  # type: ignore[arg-type]
            self.written = True
            return
        self.replace(-1, 0, 0, new, compatible)

    def extract(self, f: object, v: object = 0, sv: object = 0) -> str:
        """Return ``A<f,v,sv>`` (see ``dynarray.extract``)."""
        fields = self._list()
        field, value, subvalue = to_int(f), to_int(v), to_int(sv)
        if field <= 0 or field > len(fields):
            return ""
        text = fields[field - 1]
        if value == 0:
            return text
        return extract(text, 1, value, subvalue)

    def replace(
        self, f: object, v: object, sv: object, new: object, compatible: bool = False
    ) -> None:
        """Do ``A<f,v,sv> = new`` (see ``dynarray.replace``)."""
        fields = self._list()
        new = to_str(new)
        field, value, subvalue = to_int(f), to_int(v), to_int(sv)
        self.written = True
        if field == 0:
            field = 1
        if field < 0:
            # Append: a new field, unless the array is empty, or ends in an
            # empty field that COMPATIBLE.APPEND fills.
            if not fields or fields == [""]:
                fields[:] = [""]
            elif not (compatible and fields[-1] == ""):
                fields.append("")
            field = len(fields)
        elif field > len(fields):
            fields.extend([""] * (field - len(fields)))
        if value == 0:
            text = new
        else:
            text = replace(fields[field - 1], 1, value, subvalue, new, compatible)
        if FM in text:
            fields[field - 1 : field] = text.split(FM)
        else:
            fields[field - 1] = text

    def text(self) -> object:
        """Return the array as a string (the original value if unwritten)."""
        if not self.written:
            return self.original
        return FM.join(self._list())

    # --- LOCATE, INS, DEL ---------------------------------------------------

    def locate(
        self,
        item: object,
        f: object,
        v: object = 0,
        sv: object = 0,
        order: object = "",
        numeric: bool = True,
    ) -> tuple[bool, int]:
        """Return (found, position) for ``LOCATE item IN A<f,v,sv> ...``.

        See ``locate.locate_stmt``. Fields and values are searched on the
        list; subvalues, and an empty array, on the string.
        """
        vfield = self.vfield
        if (
            vfield
            and type(item) is int
            and order == "AR"
            and f == vfield
            and type(v) is int
            and sv == 0
            and self.ascending
            and numeric
        ):
            # The sorted-list loop (LOCATE X IN A<f,v> BY "AR" on a field
            # held split into integers in order): what the general path
            # below reaches, with its checks done once, not per call.
            numbers = self.numbers
            if numbers and 0 < v <= len(numbers) and -_INT32_MAX <= item <= _INT32_MAX:
                i = bisect_left(numbers, item, v - 1)
                return i < len(numbers) and numbers[i] == item, i + 1
        field = f if type(f) is int else to_int(f)
        value = v if type(v) is int else to_int(v)
        subvalue = sv if type(sv) is int else to_int(sv)
        flags = _ORDERS.get(order) if type(order) is str else None
        if flags is None:
            flags = order_flags(to_str(order))
        fields = self.parked if self.parked is not None else self._park()
        search = item if type(item) is str else to_str(item)
        if flags is None:
            return False, 0
        field = max(field, 1)
        if (value > 0 and subvalue > 0) or not fields or fields == [""]:
            return _locate(
                search, self._string(), field, value, subvalue, order, numeric
            )

        last = len(fields)
        if field > last:
            return False, value if value > 0 else field
        if value <= 0:
            # Fields from field f: the search runs to the end of the string.
            if field == last and fields[-1] == "":
                return False, field
            self._join_values()
            items, first, index, ends_at_mark = fields, field - 1, field, False
        else:
            # Values of field f from value v: the search stops at the next FM.
            items = self.values if self.vfield == field else self._values(fields, field)
            if value > len(items):
                return False, value
            if value == len(items) and items[-1] == "":
                # The search starts at the end of the string or at an FM.
                return field < last and not search, value
            items, first, index, ends_at_mark = items, value - 1, value, field < last

        if flags[2] and numeric and search and len(search) <= MAX_NUMERIC_STRING:
            number = _integer(search) if type(item) is int else strnint(search)
            if number is not None:
                numbers = self.numbers
                if numbers is None:
                    numbers = self.numbers = _integers(items)
                    if numbers:
                        self.ascending = all(map(le, numbers, islice(numbers, 1, None)))
                if numbers:
                    return self._search_numbers(numbers, first, number, flags[1], index)
        if first:
            items = items[first:]
        return search_items(items, search, index, ends_at_mark, flags, numeric)

    def _search_numbers(
        self, numbers: list[int], first: int, number: int, ascending: bool, index: int
    ) -> tuple[bool, int]:
        """AR/DR over integers: the first one at or past ``number`` in the
        order, as locate()'s loop finds it (bisect when they are sorted)."""
        if ascending and self.ascending:
            i = bisect_left(numbers, number, first)
        else:
            past = ge if ascending else le
            rest = map(past, islice(numbers, first, None), repeat(number))
            i = next(compress(count(first), rest), len(numbers))
        found = i < len(numbers) and numbers[i] == number
        return found, index + i - first

    def insert(
        self, f: object, v: object, sv: object, new: object, compatible: bool = False
    ) -> None:
        """Do ``INS new BEFORE A<f,v,sv>`` (see ``dynarray.insert``)."""
        numbers = self.numbers
        if (
            numbers
            and type(new) is int
            and self.vfield
            and f == self.vfield
            and type(v) is int
            and sv == 0
            and 0 < v <= len(numbers) + 1
            and -_INT32_MAX <= new <= _INT32_MAX
        ):
            # An integer into the field held split into integers, the
            # sorted-list loop: what _place does for it, checks done once.
            k = v - 1
            self.values.insert(k, str(new))
            numbers.insert(k, new)  # type: ignore[union-attr]
            if self.ascending:
                self.ascending = (k == 0 or numbers[k - 1] <= new) and (
                    v == len(numbers) or new <= numbers[v]  # type: ignore[index]
                )
            self.written = True
            return
        fields = self.parked if self.parked is not None else self._park()
        item = new
        new = item if type(item) is str else to_str(item)
        field = f if type(f) is int else to_int(f)
        value = v if type(v) is int else to_int(v)
        subvalue = sv if type(sv) is int else to_int(sv)
        if field == 0:
            field = 1
        if (
            subvalue == 0
            and value > 0
            and 0 < field <= len(fields)
            and FM not in new
            and VM not in new
        ):
            values = (
                self.values if self.vfield == field else self._values(fields, field)
            )
            self._place(values, value, new, item)
        elif value == 0 and subvalue == 0 and field > 0 and fields and FM not in new:
            self._join_values()
            self._place(fields, field, new, item)
        else:
            s = insert(self._string(), field, value, subvalue, new, compatible)
            self._reset(s)
        self.written = True

    def _place(self, items: list[str], position: int, new: str, item: object) -> None:
        """INS on one level: an empty last item is taken over (the new item
        ends the string or its field), a missing one padded with empties.
        ``item`` is ``new`` before it was made a string."""
        n = len(items)
        if position > n + 1 or (position == n and items[-1] == ""):
            if position > n:
                items.extend([""] * (position - 1 - n))
                items.append(new)
            else:
                items[-1] = new
            self.numbers = None  # worked out again when next searched
            return
        items.insert(position - 1, new)
        numbers = self.numbers
        if not numbers:
            return  # unknown, or still holding an item that is not an integer
        if type(item) is int and -_INT32_MAX <= item <= _INT32_MAX:  # type: ignore
            number = item
        else:
            number = _integer(new)
        if number is None:
            self.numbers = False
            return
        k = position - 1
        numbers.insert(k, number)  # type: ignore[union-attr]
        if self.ascending:
            self.ascending = (k == 0 or numbers[k - 1] <= number) and (
                k == n or number <= numbers[k + 1]
            )

    def delete(self, f: object, v: object = 0, sv: object = 0) -> None:
        """Do ``DEL A<f,v,sv>`` (see ``dynarray.delete``)."""
        fields = self._park()
        field, value, subvalue = to_int(f), to_int(v), to_int(sv)
        self.written = True
        if field < 0 or value < 0 or subvalue < 0:
            return
        field = field or 1
        if field > len(fields):
            return  # nothing there: the string stays as it is
        if subvalue == 0:
            if value == 0:
                self._join_values()
                self._remove(fields, field)
            else:
                self._remove(self._values(fields, field), value)
            return
        self._reset(delete(self._string(), field, value, subvalue))

    def _remove(self, items: list[str], position: int) -> None:
        """DEL on one level: the item goes with the mark before it (after it
        for the first item); a lone item leaves an empty one."""
        if position > len(items):
            return
        numbers = self.numbers
        if len(items) == 1:
            items[0] = ""
            self.numbers = False
            return
        del items[position - 1]
        if numbers:
            del numbers[position - 1]  # type: ignore[union-attr]
        else:
            self.numbers = None  # the item that was not an integer may be gone
