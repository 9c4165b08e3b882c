"""Linear dynamic-array loops: the Fields form and the remembered lookups
give exactly what the string functions give.

Rules checked (ScarletDME op_str2.c): ``A<f,v,sv>`` reads and ``A<f,v,sv> =
x`` writes on a list of fields equal extract()/replace() on the string, for
every position (0, negative appends, past the end, values and subvalues),
marks inside new values, and $MODE COMPATIBLE.APPEND; remembered offsets
(ScarletDME's descriptor hint) never change a result, whatever the order of
lookups.
"""

from __future__ import annotations

import bisect
import random

import pytest

from runtime_lib import dynarray
from runtime_lib.dynarray import delete, extract, field, insert, remove, replace
from runtime_lib.fields import Fields
from runtime_lib.locate import locate_stmt
from runtime_lib.state import state
from runtime_lib.values import FM, SM, VM, UNASSIGNED

ALPHABET = ["a", "b", "1", FM, VM, SM]


def random_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, size)))


def random_position(rng: random.Random) -> tuple[int, int, int]:
    f = rng.choice([-1, 0, 1, 2, 3, 4, 6])
    v = rng.choice([0, 0, -1, 1, 2, 3])
    sv = rng.choice([0, 0, -1, 1, 2])
    return f, v, sv


@pytest.mark.parametrize("seed", range(300))
@pytest.mark.parametrize("compatible", [False, True])
def test_fields_match_string_functions(seed: int, compatible: bool):
    rng = random.Random(seed)
    text = random_text(rng, 12)
    held = Fields(text)
    for _ in range(12):
        f, v, sv = random_position(rng)
        if rng.random() < 0.5:
            assert held.extract(f, v, sv) == extract(text, f, v, sv), (text, f, v, sv)
        else:
            new = random_text(rng, 4)
            text = replace(text, f, v, sv, new, compatible)
            held.replace(f, v, sv, new, compatible)
            assert held.text() == text, (f, v, sv, new)


# (value before the loop, what the loop does, value after) -- an untouched
# or only read array keeps its original value, a number included.
KEEPS = [
    (42, "read", 42),
    (42, "none", 42),
    ("", "none", ""),
    (42, "write", "42" + FM + "x"),
]


@pytest.mark.parametrize("before, action, after", KEEPS)
def test_fields_text_keeps_unwritten_values(before, action, after):
    held = Fields(before)
    if action == "read":
        assert held.extract(1) == str(before)
    elif action == "write":
        held.replace(-1, 0, 0, "x")
    assert held.text() == after


def test_fields_of_unassigned_fail_on_first_use():
    held = Fields(UNASSIGNED)
    assert held.text() is UNASSIGNED  # never touched: nothing to report
    with pytest.raises(Exception):
        held.extract(1)


def test_appending_numbers_converts_them():
    held = Fields("")
    for i in range(1, 4):
        held.replace(-1, 0, 0, i)
    assert held.text() == FM.join(["1", "2", "3"])


@pytest.mark.parametrize("seed", range(40))
def test_remembered_field_offsets_never_change_results(seed: int):
    rng = random.Random(seed)
    text = FM.join(
        random_text(rng, 3).replace(FM, "") for _ in range(rng.randint(1, 60))
    )
    for _ in range(80):
        f = rng.randint(-1, 70)
        got = extract(text, f)
        dynarray._FIELD_HINTS.clear()
        assert got == extract(text, f), (text, f)


@pytest.mark.parametrize("seed", range(40))
def test_remembered_group_offsets_never_change_results(seed: int):
    rng = random.Random(seed)
    text = ",".join(str(rng.randint(0, 99)) for _ in range(rng.randint(1, 60)))
    delims = [",", ",", "9"]
    occ = 0
    for _ in range(80):
        occ = rng.choice([rng.randint(0, 70), occ + 1])  # often the next one
        count, delim = rng.choice([0, 1, 1, 2, 3]), rng.choice(delims)
        got = field(text, delim, occ, count), state.col1, state.col2
        dynarray._GROUP_HINTS.clear()
        dynarray._SPLITTING[:] = dynarray._NO_WALK
        dynarray._LAST_FIELD[0] = None
        again = field(text, delim, occ, count), state.col1, state.col2
        assert got == again, (text, delim, occ, count)


def plain_field(s: str, delim: str, occ: int) -> tuple[str, int, int]:
    """FIELD(s, delim, occ) and COL1(), COL2() by counting from the start."""
    if not s or not delim:
        return s, 0, (len(s) + 1 if s else 0)
    parts = s.split(delim[0])
    occ = max(occ, 1)
    if occ > len(parts):
        return "", 0, 0
    start = sum(len(p) + 1 for p in parts[: occ - 1])
    return parts[occ - 1], start, start + len(parts[occ - 1]) + 1


@pytest.mark.parametrize("seed", range(60))
def test_field_walks_give_what_counting_gives(seed: int):
    """FIELD() of item after item (the walk splits the string once) gives
    the items, COL1() and COL2() of counting from the start, also when the
    loop jumps, steps back, changes delimiter, reads another string in
    between or two strings in turn, or runs past the end."""
    rng = random.Random(seed)
    texts = [
        "".join(rng.choice("ab,,;") for _ in range(rng.randint(0, 400)))
        for _ in range(2)
    ]
    texts.append(texts[0][:-1])  # equal to the start of the first, not it
    occs = [0, 0, 0]
    for _ in range(500):
        which = 0 if rng.random() < 0.8 else rng.randint(1, 2)
        text = texts[which]
        occ = occs[which] + 1
        if rng.random() < 0.05:
            occ = rng.randint(-1, 90)
        delim = ",;" if rng.random() < 0.97 else rng.choice([";", ""])
        got = field(text, delim, occ), state.col1, state.col2
        assert got == plain_field(text, delim, occ), (text, delim, occ)
        occs[which] = occ


def test_a_field_walk_lets_its_string_go_after_the_last_item():
    text = ",".join(["12"] * 100)
    for i in range(1, 101):
        assert field(text, ",", i) == "12"
        if i == 50:
            assert dynarray._SPLITTING[0] is text  # walking
    assert dynarray._SPLITTING == dynarray._NO_WALK
    assert (field(text, ",", 101), state.col1, state.col2) == ("", 0, 0)


def test_sequential_reads_are_linear():
    """Reading every field in order costs about as much per field at any size."""
    import time

    def per_field(n: int) -> float:
        text = FM.join(["7"] * n)
        best = float("inf")
        for _ in range(3):  # the best of three rides out a busy machine
            start = time.perf_counter()
            for i in range(1, n + 1):
                extract(text, i)
            best = min(best, (time.perf_counter() - start) / n)
        return best

    small, large = per_field(2_000), per_field(40_000)
    assert large < small * 5  # quadratic would be 20 times


@pytest.mark.parametrize("seed", range(200))
@pytest.mark.parametrize("compatible", [False, True])
def test_field_shortcuts_match_string_functions(seed: int, compatible: bool):
    """get/set/append (A<f>, A<f> = x, A<-1> = x) agree with extract/replace."""
    rng = random.Random(seed)
    text = random_text(rng, 10)
    held = Fields(text)
    for _ in range(12):
        f = rng.choice([-3, -1, 0, 1, 2, 3, 5, "2"])
        action = rng.choice(["get", "set", "append"])
        if action == "get":
            assert held.get(f) == extract(text, f), (text, f)
        elif action == "set":
            new = rng.choice([random_text(rng, 4), 7, 2.5])
            text = replace(text, f, 0, 0, new, compatible)
            held.set(f, new, compatible)
            assert held.text() == text
        else:
            new = rng.choice([random_text(rng, 4), 7])
            text = replace(text, -1, 0, 0, new, compatible)
            held.append(new, compatible)
            assert held.text() == text


# --- LOCATE, INS and DEL on the held form ------------------------------------

NUMBERS = ["1", "5", "10", "20", "007", "-3", "", "x", "2147483648", "1" * 21]


def random_list_text(rng: random.Random) -> str:
    """An array of numbers and words in two fields, often sorted."""
    out = []
    for _ in range(rng.randint(0, 3)):
        if rng.random() < 0.5:
            values = sorted(rng.sample(range(-5, 40), rng.randint(1, 6)))
            if rng.random() < 0.5:
                values.reverse()
            items = [str(n) for n in values]
            if rng.random() < 0.3:
                items.insert(rng.randrange(len(items) + 1), rng.choice(NUMBERS))
        else:
            items = [random_text(rng, 3).replace(FM, "") for _ in range(3)]
        out.append((VM if rng.random() < 0.7 else SM).join(items))
    return FM.join(out)


ORDERS = ["", "AL", "AR", "DL", "DR", "ar", "XX", "ARX"]


def random_search(rng: random.Random):
    return rng.choice(
        [rng.randint(-6, 45), str(rng.randint(-6, 45)), "", "a", "1b", "010", 2.5]
    )


@pytest.mark.parametrize("seed", range(400))
def test_locate_ins_del_match_string_functions(seed: int):
    """LOCATE, INS and DEL on Fields give what locate_stmt/insert/delete
    give on the string, at every level and in any order of operations."""
    rng = random.Random(seed)
    text = random_list_text(rng)
    held = Fields(text)
    for step in range(25):
        f = rng.choice([-1, 0, 1, 1, 2, 2, 3, 5])
        v = rng.choice([0, 0, 1, 1, 2, 3, -1, 9])
        sv = rng.choice([0, 0, 0, 1, 2, -1])
        action = rng.choice(["locate", "locate", "locate", "ins", "ins", "del", "get"])
        where = (text, f, v, sv, step)
        if action == "locate":
            item, order = random_search(rng), rng.choice(ORDERS)
            numeric = rng.random() < 0.8
            expected = locate_stmt(item, text, f, v, sv, order, numeric)
            assert held.locate(item, f, v, sv, order, numeric) == expected, where
            if expected[0] is False and rng.random() < 0.7 and expected[1] > 0:
                # The usual loop: insert where LOCATE says the item belongs.
                if v > 0 and sv <= 0:
                    v = expected[1]
                elif v <= 0:
                    f = expected[1]
                text = insert(text, f, v, sv, item)
                held.insert(f, v, sv, item)
        elif action == "ins":
            new = rng.choice([random_text(rng, 3), rng.randint(-5, 40), "12"])
            compatible = rng.random() < 0.2
            text = insert(text, f, v, sv, new, compatible)
            held.insert(f, v, sv, new, compatible)
        elif action == "del":
            text = delete(text, f, v, sv)
            held.delete(f, v, sv)
        else:
            assert held.get(f) == extract(text, f), where
        if rng.random() < 0.3:
            assert held.text() == text, where
    assert held.text() == text


def test_locate_keeps_a_sorted_list_of_integers():
    held = Fields("")
    expected = []
    for i in range(1, 300):
        x = i * 7919 % 1009
        found, pos = held.locate(x, 1, 1, 0, "AR")
        assert (found, pos) == (
            x in expected,
            bisect.bisect_left(expected, x) + 1,
        )
        if not found:
            held.insert(1, pos, 0, x)
            bisect.insort(expected, x)
    assert held.text() == VM.join(map(str, expected))


def test_locate_alone_leaves_the_value_as_it_was():
    held = Fields(42)
    assert held.locate(42, 1) == (True, 1)
    assert held.text() == 42


def plain_remove(s: str, pos: int) -> tuple[str, int, int]:
    """REMOVE by a search from the pointer (what ScarletDME's op_remove does)."""
    if not s or pos > len(s):
        return "", 0, pos
    ends = [i for i in range(pos, len(s)) if s[i] >= "\xfb"]
    if not ends:
        return s[pos:], 0, len(s) + 1
    return s[pos : ends[0]], 256 - ord(s[ends[0]]), ends[0] + 1


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("marks", ["\xfe\xfd\xfc\xfb\xff", "\xfe", "\xfd", "\xff"])
def test_remove_walks_give_what_a_search_gives(seed: int, marks: str):
    """REMOVE of item after item (the walk splits the array once) returns
    the items, codes and pointers of a search from each pointer, also when
    the pointer is moved (SETREM) or another array is read in between; with
    every kind of mark, and with one kind only (split without the regular
    expression), empty items and marks at either end included."""
    rng = random.Random(seed)
    texts = [
        "".join(
            rng.choice(marks) if rng.random() < 0.3 else rng.choice("ab7")
            for _ in range(rng.randint(0, 300))
        )
        for _ in range(2)
    ]
    pointers = [0, 0]
    for _ in range(400):
        which = 0 if rng.random() < 0.9 else 1
        text, pos = texts[which], pointers[which]
        if rng.random() < 0.03:
            pos = rng.randint(0, len(text) + 2)  # SETREM
        got = remove(text, pos)
        assert got == plain_remove(text, pos), (text, pos)
        pointers[which] = got[2]


@pytest.mark.parametrize("seed", range(150))
def test_sorted_list_loop_matches_string_functions(seed: int):
    """The LOCATE ... BY "AR" + INS loop on a field held as integers (the
    shortcut in Fields.locate/insert) agrees with the string functions,
    with other starting values, items out of 32 bits, non-integer items,
    out-of-order inserts, DEL, writes to other fields and reads between."""
    rng = random.Random(seed)
    start = rng.choice(["", "5", "1" + VM + "9", "3" + FM + "x", "2" + VM + "a"])
    text, held = start, Fields(start)
    for step in range(60):
        f = rng.choice([1, 1, 1, 2])
        v = rng.choice([1, 1, 1, 2, 4, 0])
        x = rng.choice(
            [rng.randint(-20, 20)] * 6 + [2**31, -(2**31) + 1, "7", "b", 3.0, ""]
        )
        where = (text, f, v, x, step)
        order = rng.choice(["AR", "AR", "AR", "DR", "AL"])
        expected = locate_stmt(x, text, f, v, 0, order)
        assert held.locate(x, f, v, 0, order) == expected, where
        action = rng.random()
        if action < 0.6:
            position = expected[1] if rng.random() < 0.8 else rng.randint(0, 9)
            text = insert(text, f, position, 0, x)
            held.insert(f, position, 0, x)
        elif action < 0.7:
            position = rng.randint(-1, 5)
            text = delete(text, f, position)
            held.delete(f, position)
        elif action < 0.8:
            text = replace(text, 2, 0, 0, str(step))
            held.set(2, step)
        elif action < 0.9:
            assert held.get(f) == extract(text, f), where
        if rng.random() < 0.2:
            assert held.text() == text, where
    assert held.text() == text


@pytest.mark.parametrize("seed", range(200))
def test_skipping_many_marks_counts_as_finding_them_one_by_one(seed: int):
    """_skip counts marks in blocks when many are to be skipped: the offset
    is the one find() gives mark by mark, for dense and sparse marks, runs
    of marks, an end before the string's end and too few marks."""
    rng = random.Random(seed)
    density = rng.choice([0.02, 0.3, 0.9, 1.0])
    text = "".join(
        FM if rng.random() < density else rng.choice("ab" + VM)
        for _ in range(rng.randint(0, 3000))
    )
    for _ in range(20):
        start = rng.randint(0, len(text))
        end = rng.choice([len(text), rng.randint(0, len(text))])
        n = rng.choice([0, 1, 17, rng.randint(0, 400), rng.randint(0, 3000)])
        pos = start
        for _ in range(n):
            pos = text.find(FM, pos, end)
            if pos < 0:
                break
            pos += 1
        assert dynarray._skip(text, FM, n, start, end) == pos, (start, end, n)


def test_a_remove_walk_lets_its_string_go_after_the_last_item():
    text = FM.join(["7"] * 100)
    pos, items = 0, []
    while True:
        item, code, pos = remove(text, pos)
        items.append(item)
        if not code:
            break
    assert items == ["7"] * 100 and pos == len(text) + 1
    assert dynarray._REMOVING[0] is None and next(dynarray._REMOVING[2], 0) == 0
    assert remove(text, pos) == ("", 0, pos)
