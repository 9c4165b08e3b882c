"""Dimensioned arrays (DIM): one- or two-dimensional, with an element 0.

``DIM M(3)`` makes elements 1..3 plus element 0, which holds what MATREAD
and MATPARSE cannot fit (ScarletDME's default layout). Elements start
unassigned. An index outside the dimensions is a fatal error naming the
matrix. ``INMAT()`` reports the count of the last MATPARSE or MATREAD, and
``INMAT(M)`` the dimensions of M.
"""

from __future__ import annotations

from runtime_lib.errors import SubscriptError
from runtime_lib.values import FM, Unassigned, VM, to_int, to_str


class _Inmat:
    value = 0


_inmat = _Inmat()


class Matrix:
    """A BASIC matrix. Generated code indexes it as ``M[i]`` or ``M[i, j]``."""

    basic_vartype = 4

    def __init__(self, name: str, rows: object, cols: object = None):
        self.name = name
        self.rows = max(to_int(rows), 0)
        self.cols = to_int(cols) if cols is not None else 0
        self.items: list = []
        self._fill_unassigned()

    def _size(self) -> int:
        return self.rows * (self.cols or 1) + 1

    def _fill_unassigned(self) -> None:
        marker = Unassigned(self.name)
        self.items = [marker] * self._size()

    def _offset(self, index) -> int:
        if isinstance(index, tuple):
            if len(index) != 2 or not self.cols:
                raise SubscriptError(variable=self.name)
            r, c = to_int(index[0]), to_int(index[1])
            if r == 0 and c == 0:
                return 0
            if not (1 <= r <= self.rows and 1 <= c <= self.cols):
                raise SubscriptError(variable=self.name)
            return (r - 1) * self.cols + c
        i = to_int(index)
        if self.cols:
            # One index into a two-dimensional matrix counts elements row by row.
            if not 0 <= i <= self.rows * self.cols:
                raise SubscriptError(variable=self.name)
            return i
        if not 0 <= i <= self.rows:
            raise SubscriptError(variable=self.name)
        return i

    def __getitem__(self, index) -> object:
        value = self.items[self._offset(index)]
        return value

    def __setitem__(self, index, value) -> None:
        self.items[self._offset(index)] = value

    def redim(self, rows: object, cols: object = None) -> None:
        """DIM M(n) again at run time: keep elements that still fit."""
        old = self.items
        self.rows = max(to_int(rows), 0)
        self.cols = to_int(cols) if cols is not None else 0
        self._fill_unassigned()
        for i in range(min(len(old), len(self.items))):
            self.items[i] = old[i]

    def fill(self, value: object) -> None:
        """MAT M = value: every element takes the value; element 0 becomes ""."""
        self.items = [value] * self._size()
        self.items[0] = ""

    def copy_from(self, other: "Matrix") -> None:
        """MAT M = MAT N: copy element by element, element 0 included."""
        n = min(len(self.items), len(other.items))
        self.items[:n] = other.items[:n]

    def clear(self) -> None:
        """CLEAR: every element becomes 0."""
        self.items = [0] * self._size()

    def parse_from(self, source: object, delim: object = None) -> None:
        """MATPARSE M FROM s [, delim]; also MATREAD. Sets INMAT().

        ScarletDME's op_matparse: every element starts as "". Each character
        of ``delim`` is a delimiter; with several, each delimiter found also
        takes an element of its own and a repeated delimiter is skipped; an
        empty ``delim`` puts each character in its own element. What does not
        fit goes to element 0 and INMAT() is then 0, else the count used.
        """
        text = to_str(source)
        delimiters = FM if delim is None else to_str(delim)
        size = len(self.items) - 1
        self.items = [""] * len(self.items)
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
        i = 0
        while i < len(text):
            c = text[i]
            i += 1
            if every or c in delimiters:
                if several and c == last:
                    continue
                if index == size:
                    self.items[index] = "".join(current)
                    self._overflow(text[i:] if not every else text[i - 1 :])
                    return
                self.items[index] = "".join(current)
                index += 1
                current = []
                if several:
                    if index == size:
                        self.items[index] = c
                        self._overflow(text[i:])
                        return
                    self.items[index] = c
                    index += 1
                elif every:
                    current.append(c)
                last = c
                continue
            current.append(c)
            last = c
        self.items[index] = "".join(current)
        _inmat.value = index

    def _overflow(self, rest: str) -> None:
        if rest:
            self.items[0] = rest
            _inmat.value = 0
        else:
            _inmat.value = len(self.items) - 1

    def build(
        self, start: object = None, end: object = None, delim: object = None
    ) -> str:
        """MATBUILD v FROM M [, start [, end]] [USING delim]: trailing empties dropped."""
        separator = FM if delim is None else to_str(delim)
        first = to_int(start) if start is not None else 1
        last = to_int(end) if end is not None else len(self.items) - 1
        values = [
            to_str(v) if not isinstance(v, Unassigned) else ""
            for v in self.items[max(first, 1) : last + 1]
        ]
        while values and values[-1] == "":
            values.pop()
        return separator.join(values)

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
