"""Write and read records through the runtime API; report records per second.

    python benchmarks/bench_files.py [--records N] [--kind DYNAMIC|DIRECTORY]
                                     [--folder PATH]

For each storage kind the benchmark creates a file in a fresh account,
WRITEs N records of about 100 bytes (five fields, marks included) with ids
"K000000", "K000001", ..., READs them all back in the same order, checks
them, then READs them in a shuffled order, and SELECTs the file. Every
WRITE is its own committed update, as in a BASIC program without a
transaction. ``--folder`` puts the account somewhere other than the
system's temporary folder (to measure a particular disk).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import runtime_lib.files as rt  # noqa: E402
from runtime_lib.clauses import THEN  # noqa: E402
from runtime_lib.commands import find_command  # noqa: E402
from runtime_lib.files.verbs import captured  # noqa: E402
from runtime_lib.values import FM, VM  # noqa: E402


def record_for(i: int) -> str:
    return FM.join(
        [f"Customer {i}", str(i * 7 % 1000), "red" + VM + "blue", "x" * 40, "end"]
    )


def bench_kind(kind: str, count: int, parent: str) -> dict[str, float]:
    folder = tempfile.mkdtemp(prefix=f"bench-{kind.lower()}-", dir=parent)
    try:
        rt.set_account(folder)
        with captured():
            find_command("CREATE.FILE")([], f"CREATE.FILE BENCH {kind}")
        outcome, f = rt.open_file("", "BENCH")
        assert outcome == THEN
        ids = [f"K{i:06d}" for i in range(count)]
        records = [record_for(i) for i in range(count)]
        results = {}

        start = time.perf_counter()
        for id, record in zip(ids, records):
            rt.write(record, f, id)
        results["write"] = count / (time.perf_counter() - start)

        start = time.perf_counter()
        for id, record in zip(ids, records):
            outcome, got = rt.read(f, id)
            if got != record:
                raise AssertionError(f"{kind}: record {id} came back different")
        results["read"] = count / (time.perf_counter() - start)

        order = list(range(count))
        random.Random(1).shuffle(order)
        start = time.perf_counter()
        for i in order:
            rt.read(f, ids[i])
        results["random read"] = count / (time.perf_counter() - start)

        start = time.perf_counter()
        rt.select(f)
        selected = 0
        while rt.readnext()[0] == THEN:
            selected += 1
        results["select+readnext"] = count / (time.perf_counter() - start)
        if selected != count:
            raise AssertionError(f"{kind}: SELECT found {selected} of {count}")
        rt.close(f)
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--kind", choices=["DYNAMIC", "DIRECTORY"], action="append")
    parser.add_argument("--folder", default=tempfile.gettempdir())
    args = parser.parse_args(argv)
    kinds = args.kind or ["DYNAMIC", "DIRECTORY"]
    print(f"{args.records:,} records of ~100 bytes, account under {args.folder}")
    print(f"{'storage':<22}{'operation':<18}{'records/s':>12}")
    for kind in kinds:
        label = "hashed (SQLite)" if kind == "DYNAMIC" else "directory file"
        for operation, rate in bench_kind(kind, args.records, args.folder).items():
            print(f"{label:<22}{operation:<18}{rate:>12,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
