"""Idiomatic hand-written Python for each program of ``benchmarks/suite``.

Each function takes the size ``n`` and returns exactly what the BASIC
program prints (without the final newline), so the runner can check that the
two compute the same result. They are written as a Python programmer would
write them (lists, ``str.split``/``join``, ``bisect``, ``sqlite3``), not as
translations of the BASIC.
"""

from __future__ import annotations

import bisect
import datetime
import os
import sqlite3
import tempfile

FM = "\xfe"
VM = "\xfd"


def SUMLOOP(n: int) -> str:
    total = 0
    for i in range(1, n + 1):
        total += i
    return str(total)


def TRIALDIV(n: int) -> str:
    count = 0
    for k in range(2, n + 1):
        prime = 1
        d = 2
        while d * d <= k and prime:
            if k % d == 0:
                prime = 0
            d += 1
        count += prime
    return str(count)


def STRBUILD(n: int) -> str:
    s = "".join(f"{i}," for i in range(1, n + 1))
    return f"{len(s)} {s[:20]}"


def APPEND(n: int) -> str:
    fields = []
    for i in range(1, n + 1):
        fields.append(str(i))
    a = FM.join(fields)
    return f"{len(a)} {len(fields)}"


def EXTRACT(n: int) -> str:
    a = FM.join(["7"] * n)
    total = 0
    for field in a.split(FM):
        total += int(field)
    return str(total)


def REPLACE(n: int) -> str:
    fields = FM.join(["7"] * n).split(FM)
    for i in range(n):
        fields[i] = str((i + 1) * 2)
    a = FM.join(fields)
    return f"{len(a)} {fields[-1]}"


def REMOVE(n: int) -> str:
    a = FM.join(["7"] * n)
    return str(sum(int(item) for item in a.split(FM)))


def LOCATE(n: int) -> str:
    values: list[int] = []
    for i in range(1, n + 1):
        bisect.insort(values, i * 7919 % 100003)
    return f"{len(values)} {values[0]} {values[-1]}"


def FIELDS(n: int) -> str:
    s = ",".join(["12"] * n)
    return str(sum(int(item) for item in s.split(",")))


_DAY_ZERO = datetime.date(1967, 12, 31)


def CONVERT(n: int) -> str:
    total = 0
    text = last = ""
    for i in range(1, n + 1):
        day = i * 37 % 40000
        text = (_DAY_ZERO + datetime.timedelta(days=day)).strftime("%m/%d/%Y")
        parsed = datetime.datetime.strptime(text, "%m/%d/%Y").date()
        total += (parsed - _DAY_ZERO).days
        last = f"{i * 1234 / 100:,.2f}"
    return f"{total} {text} {last}"


def FILEIO(n: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(os.path.join(folder, "bench.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE records (id TEXT PRIMARY KEY, data TEXT)")
        for i in range(1, n + 1):
            record = f"Customer {i}{FM}{i * 7}{FM}red{VM}blue"
            db.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?)", (f"K{i}", record)
            )
        total = 0
        for i in range(1, n + 1):
            row = db.execute(
                "SELECT data FROM records WHERE id = ?", (f"K{i}",)
            ).fetchone()
            if row is not None:
                total += int(row[0].split(FM)[1])
        db.close()
    return str(total)


def add_to(total: int, amount: int) -> int:
    return total + amount


def CALLS(n: int) -> str:
    total = 0
    for i in range(1, n + 1):
        total = add_to(total, i)
    return str(total)


def plus(a: int, b: int) -> int:
    return a + b


def FUNCS(n: int) -> str:
    def twice(x: int) -> int:
        return x + x

    total = 0
    for i in range(1, n + 1):
        total = plus(total, twice(i))
    return str(total)
