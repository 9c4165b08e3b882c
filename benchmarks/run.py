"""Run the benchmark suite: generated code against hand-written Python.

    .venv/bin/python benchmarks/run.py                  # every benchmark
    .venv/bin/python benchmarks/run.py SUMLOOP APPEND   # some of them
    .venv/bin/python benchmarks/run.py --scale 10       # ten times the sizes
    .venv/bin/python benchmarks/run.py --growth         # indexed loops at 10k..1M

Each program of ``benchmarks/suite`` reads its size from its command line
(``@SENTENCE``) and prints one result line; ``benchmarks/handwritten.py``
has a Python function of the same name that returns the same line. For each
benchmark a fresh worker process transpiles the program (through the
catalogue cache, so transpiling is not timed), then times the program's
``main`` and the hand-written function in the same run, best of
``--repeat`` runs, and checks that both produced the same text. The table
gives both times and their ratio (generated / hand-written).

``--growth`` runs the dynamic-array loops (append, read by index, write by
index, FIELD) at 10,000, 100,000 and 1,000,000 elements, to show that their
cost grows linearly.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SUITE = HERE / "suite"

# Default sizes: each takes a fraction of a second on the project machines.
SIZES = {
    "SUMLOOP": 300_000,
    "TRIALDIV": 20_000,
    "STRBUILD": 200_000,
    "APPEND": 100_000,
    "EXTRACT": 100_000,
    "REPLACE": 100_000,
    "REMOVE": 100_000,
    "LOCATE": 2_000,
    "FIELDS": 100_000,
    "CONVERT": 20_000,
    "FILEIO": 2_000,
    "CALLS": 100_000,
    "FUNCS": 100_000,
}
GROWTH = ("APPEND", "EXTRACT", "REPLACE", "FIELDS")
GROWTH_SIZES = (10_000, 100_000, 1_000_000)


def worker(name: str, size: int, repeat: int) -> dict:
    """Time one benchmark in this process; return the measurements."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    import handwritten
    from runtime_lib import catalog, files

    account = tempfile.mkdtemp(prefix="pick2py-bench-")
    os.chdir(account)
    files.set_account(account)
    catalog.catalog.folders = [str(SUITE)]
    module = catalog.catalog.load_file(SUITE / f"{name}.bas")
    main = module.__basic__.entry
    hand = getattr(handwritten, name)

    def run_generated() -> str:
        saved = sys.stdout
        sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
        try:
            main(str(size))
            sys.stdout.flush()
            return sys.stdout.buffer.getvalue().decode("latin-1").rstrip("\n")
        finally:
            sys.stdout = saved

    generated = handwritten_time = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        got = run_generated()
        generated = min(generated, time.perf_counter() - start)
        start = time.perf_counter()
        expected = hand(size)
        handwritten_time = min(handwritten_time, time.perf_counter() - start)
    return {
        "name": name,
        "size": size,
        "generated": generated,
        "handwritten": handwritten_time,
        "same": got == expected,
        "output": got,
        "expected": expected,
    }


def measure(name: str, size: int, repeat: int, timeout: float) -> dict:
    """Run one benchmark in a fresh worker process."""
    cache = os.environ.get("PICK2PY_CACHE") or str(
        Path(tempfile.gettempdir()) / "pick2py-bench-cache"
    )
    env = dict(os.environ, PICK2PY_CACHE=cache, TERM="dumb")
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        name,
        str(size),
        "--repeat",
        str(repeat),
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"name": name, "size": size, "error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {
            "name": name,
            "size": size,
            "error": done.stderr.strip().splitlines()[-1:],
        }
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(result: dict) -> None:
    if "error" in result:
        print(f"{result['name']:<10} {result['size']:>10,}  error: {result['error']}")
        return
    ratio = result["generated"] / result["handwritten"]
    mark = (
        "" if result["same"] else "  DIFFERENT OUTPUT: " + repr(result["output"][:60])
    )
    print(
        f"{result['name']:<10} {result['size']:>10,} {result['generated']:>11.4f} "
        f"{result['handwritten']:>11.4f} {ratio:>7.2f}{mark}",
        flush=True,
    )


def header() -> None:
    print(f"{'benchmark':<10} {'size':>10} {'generated':>11} {'hand':>11} {'ratio':>7}")
    print(f"{'':<10} {'':>10} {'(s)':>11} {'(s)':>11} {'':>7}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the sizes")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per benchmark (best kept)"
    )
    parser.add_argument(
        "--growth",
        action="store_true",
        help="dynamic-array loops at 10k, 100k and 1M elements",
    )
    parser.add_argument(
        "--timeout", type=float, default=300, help="seconds per benchmark"
    )
    parser.add_argument(
        "--worker", nargs=2, metavar=("NAME", "SIZE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)

    if args.worker:
        name, size = args.worker
        print(json.dumps(worker(name, int(size), args.repeat)))
        return 0

    names = [n.upper() for n in args.names] or list(SIZES)
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)}")
    header()
    failed = False
    if args.growth:
        for name in [n for n in names if n in GROWTH] if args.names else GROWTH:
            for size in GROWTH_SIZES:
                result = measure(
                    name, size, 1 if size >= 1_000_000 else args.repeat, args.timeout
                )
                show(result)
                failed |= "error" in result or not result["same"]
        return 1 if failed else 0
    for name in names:
        size = max(1, int(SIZES[name] * args.scale))
        result = measure(name, size, args.repeat, args.timeout)
        show(result)
        failed |= "error" in result or not result["same"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
