"""ITYPE() (runtime_lib/files/itype.py): GPL.BP _ITYPE's rules for
dictionary records without object code, and op_misc.c's errors."""

from __future__ import annotations

import pytest

from runtime_lib import rt
from runtime_lib.errors import BasicError, UnsupportedAtRuntime
from runtime_lib.session import at_set

FM = "\xfe"


@pytest.fixture(autouse=True)
def current_record():
    at_set("ID", "K1")
    at_set("RECORD", FM.join(["a", "b", "c"]))
    yield
    at_set("ID", "")
    at_set("RECORD", "")


@pytest.mark.parametrize(
    "record, value",
    [
        ("D" + FM + "2", "b"),
        ("d" + FM + "3" + FM + "MD2", "c"),  # the conversion is not ITYPE's
        ("D" + FM + "0", "K1"),
        ("D" + FM + "9998", 3),
        ("D" + FM + "9999", 5),
        ("D" + FM + "7", ""),
        ("A" + FM + "1", "a"),
        ("S" + FM + "2" + FM * 6, "b"),
    ],
)
def test_field_of_the_current_record(record, value):
    assert rt.itype(record) == value


@pytest.mark.parametrize(
    "record",
    [
        "I" + FM + "F1:F2",  # an I-type without object code
        "D" + FM + "X",  # not a field number
        "D" + FM + "-1",
        "A" + FM + "1" + FM * 6 + "F;1",  # a correlative needs code
        "X" + FM + "1",
        "",
    ],
)
def test_invalid_i_type(record):
    with pytest.raises(BasicError, match="^Invalid I-type$"):
        rt.itype(record)


def test_object_code_is_not_run():
    record = "I" + FM + "F1" + FM * 14 + "\x65" + "code"
    with pytest.raises(UnsupportedAtRuntime):
        rt.itype(record)
