"""Dimensioned arrays (DIM): one- or two-dimensional, with an element 0.

``DIM M(3)`` makes elements 1..3 plus element 0, which holds what MATREAD
and MATPARSE cannot fit (ScarletDME's default layout; $MODE PICK.MATRIX
makes matrices without one). Elements start
unassigned. An index outside the dimensions is a fatal error naming the
matrix. ``INMAT()`` reports the count of the last MATPARSE or MATREAD, and
``INMAT(M)`` the dimensions of M.

Each element, like a variable, has its own REMOVE pointer (ScarletDME
keeps it in the element's descriptor): REMOVE, GETREM() and SETREM on an
element use it, and storing into the element starts it again.
"""

from __future__ import annotations

from runtime_lib import dynarray
from runtime_lib.errors import BasicError, SubscriptError
from runtime_lib.messages import sysmsg
from runtime_lib.values import FM, Unassigned, VM, to_int, to_str


class _Inmat:
    value = 0


_inmat = _Inmat()


class Matrix:
    """A BASIC matrix. Generated code indexes it as ``M[i]`` or ``M[i, j]``.

    ``pick`` makes a Pick-style matrix ($MODE PICK.MATRIX): it has no
    element 0, so indexing it is an error and MATPARSE/MATREAD put what does
    not fit on the end of the last element instead. ``in_common`` marks a
    Pick-style matrix in COMMON, whose elements ScarletDME lays out inside
    the block: it cannot be redimensioned and MAT copies skip element 0.
    """

    basic_vartype = 4

    def __init__(
        self,
        name: str,
        rows: object,
        cols: object = None,
        *,
        pick: bool = False,
        in_common: bool = False,
    ):
        self.name = name
        self.pick = pick
        self.in_common = in_common
        self.rows, self.cols = self._dimensions(rows, cols)
        self.items: list = []
        # REMOVE pointers of the elements that have one: offset -> pointer.
        self.remove_pointers: dict[int, int] = {}
        self._fill_unassigned()
        _inmat.value = 0

    def _dimensions(self, rows: object, cols: object) -> tuple[int, int]:
        rows = max(to_int(rows), 0)
        cols = max(to_int(cols), 0) if cols is not None else 0
        if self.pick and rows * (cols or 1) == 0:
            raise BasicError(sysmsg(1139))
        return rows, cols

    def _size(self) -> int:
        return self.rows * (self.cols or 1) + 1

    def _fill_unassigned(self) -> None:
        marker = Unassigned(self.name)
        self.items = [marker] * self._size()
        self.remove_pointers.clear()

    def _offset(self, index) -> int:
        """The element an index names (ScarletDME op_indx1, op_indx2)."""
        if isinstance(index, tuple):
            r, c = to_int(index[0]), to_int(index[1])
            if r == 0 or c == 0:
                if self.pick:
                    raise SubscriptError(variable=self.name)
                return 0
            cols = self.cols or 1
            if not (1 <= r <= self.rows and 1 <= c <= cols):
                raise SubscriptError(variable=self.name)
            return (r - 1) * cols + c
        i = to_int(index)
        if not 0 <= i <= self.rows or (i == 0 and self.pick):
            raise SubscriptError(variable=self.name)
        if self.cols and i:
            # One index into a two-dimensional matrix names the first
            # element of that row.
            return (i - 1) * self.cols + 1
        return i

    def __getitem__(self, index) -> object:
        offset = self._offset(index)
        value = self.items[offset]
        if type(value) is Unassigned:
            # ScarletDME's k_var_name names the element read: M(2), M(2,1).
            return Unassigned(self.element_name(offset))
        return value

    def element_name(self, offset: int) -> str:
        """Return an element's name as ScarletDME's errors give it (k_var_name)."""
        if not self.cols:
            return f"{self.name}({offset})"
        if not offset:
            return f"{self.name}(0,0)"
        row, col = divmod(offset - 1, self.cols)
        return f"{self.name}({row + 1},{col + 1})"

    def __setitem__(self, index, value) -> None:
        offset = self._offset(index)
        self.items[offset] = value
        if self.remove_pointers:
            self.remove_pointers.pop(offset, None)

    # --- REMOVE pointers: one per element, as a variable has one ---------------

    def remove(self, index) -> tuple[str, int]:
        """``REMOVE x FROM M(i) SETTING code``: (item, delimiter code)."""
        value = self[index]
        offset = self._offset(index)
        item, code, pointer = dynarray.remove(
            value, self.remove_pointers.get(offset, 0)
        )
        self.remove_pointers[offset] = pointer
        return item, code

    def getrem(self, index) -> int:
        """``GETREM(M(i))``: the element's REMOVE pointer."""
        return self.remove_pointers.get(self._offset(index), 0)

    def setrem(self, index, position: object) -> None:
        """``SETREM n ON M(i)``: move the element's REMOVE pointer."""
        value = self[index]
        offset = self._offset(index)
        old = self.remove_pointers.get(offset, 0)
        self.remove_pointers[offset] = dynarray.setrem(value, position, old)

    def redim(self, rows: object, cols: object = None) -> None:
        """DIM M(n) at run time: keep elements that still fit."""
        rows, cols = self._dimensions(rows, cols)
        if (rows, cols) == (self.rows, self.cols):
            _inmat.value = 0
            return
        if self.in_common:
            raise BasicError(sysmsg(1136))
        old = self.items
        self.rows, self.cols = rows, cols
        self._fill_unassigned()
        n = min(len(old), len(self.items))
        self.items[:n] = old[:n]
        _inmat.value = 0

    def fill(self, value: object) -> None:
        """MAT M = value: every element takes the value; element 0 becomes ""
        (a Pick-style matrix has none to set)."""
        zero = self.items[0]
        self.items = [value] * self._size()
        self.items[0] = zero if self.pick else ""
        self.remove_pointers.clear()

    def copy_from(self, other: "Matrix") -> None:
        """MAT M = MAT N: copy element by element, in storage order. Element 0
        is copied too unless either matrix is a Pick-style one in COMMON,
        which has none."""
        first = 1 if self.in_common or other.in_common else 0
        n = min(len(self.items), len(other.items)) - first
        self.items[first : first + n] = other.items[first : first + n]
        self.remove_pointers.clear()

    def clear(self) -> None:
        """CLEAR: every element becomes 0."""
        self.items = [0] * self._size()
        self.remove_pointers.clear()

    def parse_from(self, source: object, delim: object = None) -> None:
        """MATPARSE M FROM s [, delim]; also MATREAD. Sets INMAT().

        ScarletDME's op_matparse: every element starts as "". Each character
        of ``delim`` is a delimiter; with several, each delimiter found also
        takes an element of its own and a repeated delimiter is skipped; an
        empty ``delim`` makes every character a delimiter. INMAT() is the
        count of elements used, or 0 when a delimiter was found at the last
        element (even with nothing after it). What follows that delimiter
        goes to element 0; a Pick-style matrix appends the delimiter and the
        rest to its last element instead.
        """
        text = to_str(source)
        delimiters = FM if delim is None else to_str(delim)
        first = 1 if self.pick else 0
        self.items[first:] = [""] * (len(self.items) - first)
        self.remove_pointers.clear()
        size = len(self.items) - 1
        if text == "":
            _inmat.value = 0
            return
        if size == 0:
            self.items[0] = text
            _inmat.value = 0
            return
        several = len(delimiters) > 1
        every = delimiters == ""
        index = 1
        current: list[str] = []
        last = None
        for i, c in enumerate(text):
            if not (every or c in delimiters):
                current.append(c)
                last = c
                continue
            if several and c == last:
                continue
            if index == size:
                self._overflow("".join(current), c, text[i + 1 :])
                return
            self.items[index] = "".join(current)
            index += 1
            current = []
            if several:
                if index == size:
                    self._overflow(c, "", text[i + 1 :])
                    return
                self.items[index] = c
                index += 1
            elif every:
                current.append(c)
            last = c
        self.items[index] = "".join(current)
        _inmat.value = index

    def _overflow(self, last: str, delimiter: str, rest: str) -> None:
        """A delimiter at the last element: INMAT() is 0 and the rest goes
        to element 0, or on the end of the last element (Pick style)."""
        _inmat.value = 0
        if self.pick:
            self.items[-1] = last + delimiter + rest
        else:
            self.items[-1] = last
            self.items[0] = rest

    def build(
        self, start: object = None, end: object = None, delim: object = None
    ) -> str:
        """MATBUILD v FROM M [, start [, end]] [USING delim]; also MATWRITE.

        ScarletDME's op_matbuild: trailing empty strings are dropped (not
        unassigned elements, which count as ""), then a non-empty element 0
        is appended, unless the matrix is Pick style.
        """
        separator = FM if delim is None else to_str(delim)
        count = len(self.items) - 1
        first = max(to_int(start), 1) if start is not None else 1
        last = to_int(end) if end is not None else count
        if not 1 <= last <= count:
            last = count
        chosen = self.items[first : last + 1]
        while chosen and chosen[-1] == "" and type(chosen[-1]) is str:
            chosen.pop()
        text = separator.join(
            "" if isinstance(v, Unassigned) else to_str(v) for v in chosen
        )
        zero = self.items[0]
        if not self.pick and not isinstance(zero, Unassigned):
            zero = to_str(zero)
            if zero and text:
                text += separator
            text += zero
        return text

    def inmat(self) -> object:
        """INMAT(M): the number of elements, or rows @VM cols."""
        if self.cols:
            return f"{self.rows}{VM}{self.cols}"
        return self.rows

    def basic_str(self) -> str:
        raise SubscriptError(variable=self.name)


def inmat(matrix: object = None) -> object:
    """INMAT() after MATPARSE/MATREAD, or INMAT(M) for M's dimensions."""
    if matrix is None:
        return _inmat.value
    if isinstance(matrix, Matrix):
        return matrix.inmat()
    return _inmat.value
