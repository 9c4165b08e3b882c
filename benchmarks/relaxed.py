"""What BASIC's rules cost: generated code against variants with a rule
relaxed by hand (unsafely), each as a ratio to the hand-written Python
(the variants run in turn, fifteen rounds, best of each).

    .venv/bin/python benchmarks/relaxed.py [NAME...]

Each variant below is the generated ``main`` of a benchmark with one rule
taken away (its comment says which); docs/performance.md ("What the rules
cost") shows a run.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import handwritten  # noqa: E402

from runtime_lib import catalog, files, rt  # noqa: E402

SUITE = HERE / "suite"
account = tempfile.mkdtemp()
os.chdir(account)
files.set_account(account)
catalog.catalog.folders = [str(SUITE)]


def best(f, *a, n=5):
    b = 9e9
    for _ in range(n):
        t = time.perf_counter()
        f(*a)
        b = min(b, time.perf_counter() - t)
    return b


def gen(name):
    main = catalog.catalog.load_file(SUITE / f"{name}.bas").__basic__.entry

    def run(size):
        saved = sys.stdout
        sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
        try:
            main(str(size))
        finally:
            sys.stdout = saved

    return run


ADD_TO = catalog.catalog.load("ADD.TO").__basic__.entry


def calls_direct(N):  # no rt.call_target per call (found, count, PRECISION)
    TOTAL = 0
    I = 1
    _n1 = I
    while _n1 <= N if type(_n1) is type(N) is int else rt.for_test(_n1, N, 1):
        I = _n1
        TOTAL, I = ADD_TO(TOTAL, I)
        _n1 = (
            I + 1 if type(I) is int and -2147483648 <= I <= 2147483646 else rt.add(I, 1)
        )
    return TOTAL


def calls_range(N):  # ...and I not passed by reference
    TOTAL = 0
    for I in range(1, N + 1):
        TOTAL, _ = ADD_TO(TOTAL, I)
    return TOTAL


def calls_native(N):  # ...and the subroutine adds natively
    def add_to(t, a):
        return (t + a, a)

    TOTAL = 0
    for I in range(1, N + 1):
        TOTAL, _ = add_to(TOTAL, I)
    return TOTAL


PLUS = catalog.catalog.load("PLUS").__basic__.entry


def funcs_direct(N):  # no rt.function_target per call
    def l_TWICE(X):
        return rt.add(X, X)

    TOTAL = 0
    for I in rt.for_range(1, N):
        _t1 = PLUS(TOTAL, l_TWICE(I))
        TOTAL = _t1[1]
        TOTAL = _t1[0]
    return TOTAL


def funcs_native(N):  # ...and both add natively, no arguments handed back
    def twice(X):
        return X + X

    def plus(A, B):
        return A + B

    TOTAL = 0
    for I in rt.for_range(1, N):
        TOTAL = plus(TOTAL, twice(I))
    return TOTAL


def trialdiv_relaxed(N):  # counters known to be ints: no guards, no overflow test
    COUNT = 0
    for K in range(2, N + 1):
        PRIME = 1
        D = 2
        while D * D <= K and PRIME:
            if K % D == 0:
                PRIME = 0
            D += 1
        COUNT += PRIME
        if type(COUNT) is int and not -2147483648 <= COUNT <= 2147483647:
            COUNT = float(COUNT)
    return COUNT


def locate_native_x(N):  # X computed natively, LOCATE/INS as generated
    L = rt.Fields("")
    for I in range(1, N + 1):
        X = I * 7919 % 100003
        found, POS = L.locate(X, 1, 1, 0, "AR")
        L.insert(1, POS, 0, X)
    return L.text()


def fields_relaxed(N):  # no COL1()/COL2(), TOTAL an int
    S = ",".join(["12"] * N)
    parts = S.split(",")
    TOTAL = 0
    for I in range(1, N + 1):
        TOTAL = rt.add(TOTAL, parts[I - 1])
    return TOTAL


def remove_relaxed(N):  # no pointer or delimiter code kept per item
    A = "\xfe".join(["7"] * N)
    TOTAL = 0
    for ITEM in A.split("\xfe"):
        TOTAL = rt.add(TOTAL, ITEM)
    return TOTAL


def extract_relaxed(N):  # the list indexed in the loop, no method call
    A = "\xfe".join(["7"] * N)
    fields = A.split("\xfe")
    TOTAL = 0
    for I in range(1, N + 1):
        TOTAL = rt.add(TOTAL, fields[I - 1] if 0 < I <= len(fields) else "")
    return TOTAL


def extract_native_add(N):  # ...and the fields known to be integers: int(), +=
    A = "\xfe".join(["7"] * N)
    fields = A.split("\xfe")
    TOTAL = 0
    for I in range(1, N + 1):
        TOTAL += int(fields[I - 1]) if 0 < I <= len(fields) else 0
    return TOTAL


def sumloop_relaxed(N):  # no 32-bit overflow test (the total stays an int)
    TOTAL = 0
    for I in rt.for_range(1, N):
        TOTAL += I
    return TOTAL


def replace_relaxed(N):  # I * 2 without BASIC's overflow into a float
    A = rt.Fields("\xfe".join(["7"] * N))
    for I in range(1, N + 1):
        A.set(I, I * 2)
    return A.text()


def append_relaxed(N):  # the list appended to in the loop, no method call
    fields = []
    for I in range(1, N + 1):
        fields.append(str(I))
    return "\xfe".join(fields)


cases = {
    "SUMLOOP": (300000, [sumloop_relaxed]),
    "REPLACE": (100000, [replace_relaxed]),
    "APPEND": (100000, [append_relaxed]),
    "CALLS": (100000, [calls_direct, calls_range, calls_native]),
    "FUNCS": (100000, [funcs_direct, funcs_native]),
    "TRIALDIV": (20000, [trialdiv_relaxed]),
    "LOCATE": (2000, [locate_native_x]),
    "FIELDS": (100000, [fields_relaxed]),
    "REMOVE": (100000, [remove_relaxed]),
    "EXTRACT": (100000, [extract_relaxed, extract_native_add]),
}
for name in sys.argv[1:] or cases:
    size, variants = cases[name]
    # Round-robin, best of each: the ratios survive a machine whose load
    # changes while they run.
    runs = [getattr(handwritten, name), gen(name), *variants]
    times = [float("inf")] * len(runs)
    for _ in range(15):
        for i, run in enumerate(runs):
            times[i] = min(times[i], best(run, size, n=1))
    hand = times[0]
    out = [f"{name}: generated {times[1]/hand:.2f}x"]
    for v, t in zip(variants, times[2:]):
        out.append(f"{v.__name__} {t/hand:.2f}x")
    print("; ".join(out), f"(hand {hand*1000:.1f} ms)")
