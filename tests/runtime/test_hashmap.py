"""HASHMAP.INIT/PUT/GET: the Krowemoh fork's per-process map (op_hashmap.zig)."""

from __future__ import annotations

import pytest

from runtime_lib import hashmap
from runtime_lib.errors import BasicError, UnassignedError
from runtime_lib.hashmap import hashmap_get, hashmap_init, hashmap_put
from runtime_lib.state import state
from runtime_lib.values import FM, Unassigned


@pytest.fixture(autouse=True)
def no_map(monkeypatch):
    monkeypatch.setattr(hashmap, "_map", None)


def test_init_returns_its_name_and_clears_status():
    state.status = 5
    assert hashmap_init() == "HASHMAP.INIT"
    assert state.status == 0


# (key, value, PUT result, STATUS() after PUT, what GET gives back)
PUT_CASES = [
    ("k", "v", 1, 0, "v"),
    # The value is kept as it is: a number stays a number.
    ("n", 42, 1, 0, 42),
    ("f", 1.5, 1, 0, 1.5),
    # Numbers as keys are their strings.
    (7, "seven", 1, 0, "seven"),
    # Marks are ordinary bytes in keys and values.
    ("a" + FM + "b", "x" + FM + "y", 1, 0, "x" + FM + "y"),
    # Empty or longer than 1024 bytes: PUT fails with 0 and STATUS() 2.
    ("", "v", 0, 2, None),
    ("k", "", 0, 2, None),
    ("k" * 1025, "v", 0, 2, None),
    ("k", "v" * 1025, 0, 2, None),
    ("k" * 1024, "v" * 1024, 1, 0, "v" * 1024),
]


@pytest.mark.parametrize("key, value, result, status, stored", PUT_CASES)
def test_put_then_get(key, value, result, status, stored):
    hashmap_init()
    assert hashmap_put("HASHMAP.INIT", key, value) == result
    assert state.status == status
    if stored is not None:
        assert hashmap_get("HASHMAP.INIT", key) == stored


def test_success_leaves_status_alone():
    # The fork sets STATUS() only on failure (and in INIT).
    hashmap_init()
    state.status = 9
    assert hashmap_put("m", "k", "v") == 1
    assert hashmap_get("m", "k") == "v"
    assert state.status == 9


@pytest.mark.parametrize("key", ["nope", "", "k" * 1025])
def test_get_of_missing_or_bad_key_is_zero_with_status_2(key):
    hashmap_init()
    hashmap_put("m", "k", "v")
    assert hashmap_get("m", key) == 0
    assert state.status == 2


def test_one_map_per_process():
    # The map argument is ignored, and INIT starts again from empty.
    first = hashmap_init()
    hashmap_put(first, "k", "v")
    assert hashmap_get("anything at all", "k") == "v"
    hashmap_put("", "k", "w")
    assert hashmap_get(first, "k") == "w"
    hashmap_init()
    assert hashmap_get(first, "k") == 0


def test_key_is_cut_at_nul():
    # Keys pass through a C string.
    hashmap_init()
    hashmap_put("m", "ab\0cd", "v")
    assert hashmap_get("m", "ab") == "v"


def test_use_before_init_is_an_error():
    # The fork dereferences a null map; here it is a clear error.
    with pytest.raises(BasicError, match="before HASHMAP.INIT"):
        hashmap_put("m", "k", "v")
    with pytest.raises(BasicError, match="before HASHMAP.INIT"):
        hashmap_get("m", "k")
    # A bad argument fails first, as in the fork.
    assert hashmap_get("m", "") == 0


def test_unassigned_value_fails():
    hashmap_init()
    with pytest.raises(UnassignedError):
        hashmap_put("m", "k", Unassigned("V"))
