"""QM objects at run time (runtime_lib/objects.py), with classes written the
way the transpiler generates them. The rules are ScarletDME's objprog.c."""

from __future__ import annotations

import gc

import pytest

from runtime_lib import rt
from runtime_lib.errors import BasicError
from runtime_lib.objects import ArgumentMismatch

LOG: list = []


def make_counter():
    info = rt.ItemInfo(name="COUNTER", kind="CLASS", source="COUNTER")

    @rt.basic_class(
        info,
        variables=(
            rt.Variable("COUNT", "COUNT", public=True),
            rt.Variable("LABEL", "LABEL", public=True, readonly=True),
            rt.Variable("ITEMS", "ITEMS", public=True, dims=(3,)),
            rt.Variable("SECRET", "SECRET"),
        ),
    )
    class COUNTER(rt.BasicObject):
        @rt.method("SUBROUTINE", "CREATE.OBJECT")
        def CREATE_OBJECT(self, START):
            self.COUNT = START
            self.LABEL = "counter"
            self.SECRET = 0
            return (START,)

        @rt.method("SUBROUTINE", "ADD")
        def ADD(self, N, TOTAL):
            self.COUNT = rt.add(self.COUNT, N)
            TOTAL = self.COUNT
            return (N, TOTAL)

        @rt.method("FUNCTION", "DOUBLED")
        def DOUBLED(self):
            return rt.mul(self.COUNT, 2)

        @rt.method("FUNCTION", "SWAP", by_value=(1,))
        def SWAP(self, A, B):
            A, B = B, A
            return "swapped", (A, B)

        @rt.method("GET", "SECRET")
        def get_SECRET(self):
            return self.SECRET

        @rt.method("SET", "SECRET")
        def set_SECRET(self, VALUE):
            self.SECRET = rt.cat("[", VALUE, "]")
            return (VALUE,)

        @rt.method("GET", "ONLYGET")
        def get_ONLYGET(self):
            return 1

        @rt.method("SUBROUTINE", "DESTROY.OBJECT")
        def DESTROY_OBJECT(self):
            LOG.append(("destroyed", self.COUNT))

    return COUNTER


def test_properties_and_methods():
    counter = make_counter()(10)
    assert rt.get_property(counter, "COUNT") == 10
    rt.set_property(counter, "COUNT", 5)
    assert counter.COUNT == 5
    assert rt.set_property(counter, "ADD", 3, "") == (3, 8)
    assert rt.get_property(counter, "doubled") == 16
    assert rt.get_property_args(counter, "SWAP", "a", "b") == ("swapped", "b", "b")
    rt.set_property(counter, "SECRET", "x")
    assert rt.get_property(counter, "SECRET") == "[x]"
    rt.set_property(counter, "ITEMS", 2, "two")
    assert rt.get_property(counter, "ITEMS", 2) == "two"
    assert counter.get("LABEL") == "counter"


@pytest.mark.parametrize(
    "action, message",
    [
        (
            lambda c: rt.get_property(c, "NOPE"),
            "Unrecognised property/method name (NOPE).",
        ),
        (
            lambda c: rt.set_property(c, "LABEL", 1),
            "Unrecognised property/method name (LABEL).",
        ),
        (
            lambda c: rt.set_property(c, "ONLYGET", 1),
            "Illegal reference to property (ONLYGET).",
        ),
        (lambda c: rt.get_property(c, "ADD"), "Illegal reference to property (ADD)."),
        (
            lambda c: rt.get_property(c, "DOUBLED", 1),
            "Argument count mismatch in object reference",
        ),
        (
            lambda c: rt.get_property(c, "ITEMS"),
            "Argument count mismatch in object reference",
        ),
        (lambda c: rt.get_property("x", "COUNT"), "Invalid object reference"),
        (lambda c: rt.objinfo("x", 1), "Variable is not an object."),
        (lambda c: rt.inherit(c, 5), "Object variable required"),
    ],
)
def test_errors_are_scarletdmes(action, message):
    counter = make_counter()(1)
    with pytest.raises(BasicError) as caught:
        action(counter)
    assert caught.value.text == message


def test_argument_mismatch_is_its_own_error():
    with pytest.raises(ArgumentMismatch):
        rt.set_property(make_counter()(1), "ADD", 1)


def test_objinfo():
    counter = make_counter()(1)
    assert rt.objinfo(counter, 0) == 1
    assert rt.objinfo("text", 0) == 0
    assert rt.objinfo(counter, 1) == "COUNTER"
    assert rt.objinfo(counter, 7) == 0


def test_destroy_object_runs_when_the_last_reference_goes():
    gc.collect()  # objects other tests left in tracebacks
    LOG.clear()
    counter = make_counter()(4)
    other = counter
    del counter
    assert LOG == []
    del other
    assert LOG == [("destroyed", 4)]


def test_an_object_is_not_a_string():
    with pytest.raises(BasicError, match="Data cannot be converted to a string"):
        rt.cat("a", make_counter()(1))


def make_pair():
    info = rt.ItemInfo(name="BASE", kind="CLASS", source="BASE")

    @rt.basic_class(info, variables=(rt.Variable("NAME", "NAME", public=True),))
    class BASE(rt.BasicObject):
        @rt.method("FUNCTION", "HELLO")
        def HELLO(self, WHO):
            return rt.cat("hello ", WHO, " from ", self.NAME), (WHO,)

        @rt.method("FUNCTION", "UNDEFINED")
        def UNDEFINED(self, NAME, ARG1):
            return rt.cat("undefined ", NAME), (NAME, ARG1)

    info2 = rt.ItemInfo(name="CHILD", kind="CLASS", source="CHILD")

    @rt.basic_class(info2, variables=(rt.Variable("NAME", "NAME", public=True),))
    class CHILD(rt.BasicObject):
        @rt.method("FUNCTION", "OWN")
        def OWN(self):
            return "own"

    return BASE, CHILD


def test_inherited_names_and_undefined_handler():
    base_class, child_class = make_pair()
    base = base_class()
    base.NAME = "base"
    child = child_class()
    child.NAME = "child"
    rt.inherit(child, base)
    assert rt.get_property(child, "OWN") == "own"
    assert rt.get_property(child, "NAME") == "child"
    # HELLO runs in the inherited object: its NAME.
    assert rt.get_property(child, "HELLO", "you") == "hello you from base"
    assert rt.get_property(child, "WHATEVER") == "undefined WHATEVER"
    with pytest.raises(BasicError, match=r"Unrecognised property/method name \(X\)"):
        rt.set_property(child, "X", 1)
    rt.disinherit(child, base)  # ScarletDME never lets go of the first one
    assert rt.get_property(child, "HELLO", "me") == "hello me from base"


def make_class(name: str, *variables):
    info = rt.ItemInfo(name=name, kind="CLASS", source=name)

    @rt.basic_class(info, variables=variables)
    class PLAIN(rt.BasicObject):
        pass

    return PLAIN


def public_x(readonly: bool = False):
    return rt.Variable("X", "X", public=True, readonly=readonly)


def test_what_an_inherited_object_inherited_comes_before_the_next_one():
    me, first = make_class("ME")(), make_class("FIRST")()
    deep, second = make_class("DEEP", public_x())(), make_class("SECOND", public_x())()
    rt.inherit(first, deep)
    rt.inherit(me, first)
    rt.inherit(me, second)
    deep.X, second.X = "deep", "second"
    assert rt.get_property(me, "X") == "deep"
    rt.set_property(me, "X", "new")
    assert (deep.X, second.X) == ("new", "second")


def test_a_readonly_variable_hides_the_name_from_objects_inherited_later():
    me = make_class("ME")()
    locked, other = (
        make_class("LOCKED", public_x(True))(),
        make_class("OTHER", public_x())(),
    )
    rt.inherit(me, locked)
    rt.inherit(me, other)
    locked.X = "locked"
    assert rt.get_property(me, "X") == "locked"
    with pytest.raises(BasicError, match=r"Unrecognised property/method name \(X\)"):
        rt.set_property(me, "X", 1)
