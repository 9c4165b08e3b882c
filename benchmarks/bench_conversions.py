"""Measure conversion throughput: 100,000 dates and 100,000 amounts.

Run from the project root::

    .venv/bin/python benchmarks/bench_conversions.py [count]

Each line reports one conversion over ``count`` different values (dates
spread over 1900-2199, amounts over +-10 million in cents) as conversions
per second, best of three runs.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from runtime_lib.conversions import fmt, iconv, oconv  # noqa: E402


def _rate(func, values, code) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for value in values:
            func(value, code)
        best = min(best, time.perf_counter() - start)
    return len(values) / best


def main(count: int = 100_000) -> None:
    rng = random.Random(1967)
    days = [rng.randint(-24837, 84729) for _ in range(count)]
    amounts = [rng.randint(-1_000_000_000, 1_000_000_000) for _ in range(count)]
    date_texts = [oconv(day, "D4/") for day in days]
    amount_texts = [oconv(amount, "MD2,") for amount in amounts]
    decimals = [amount / 100 for amount in amounts]

    cases = [
        ("OCONV date  D4/", oconv, days, "D4/"),
        ("OCONV date  D", oconv, days, "D"),
        ("ICONV date  D4/", iconv, date_texts, "D4/"),
        ("OCONV amount MD2,", oconv, amounts, "MD2,"),
        ("OCONV amount MR2,$#16", oconv, amounts, "MR2,$#16"),
        ("ICONV amount MD2,", iconv, amount_texts, "MD2,"),
        ("FMT amount R2,#16", fmt, decimals, "R2,#16"),
    ]
    print(f"{count:,} values per conversion, best of 3")
    for label, func, values, code in cases:
        print(f"{label:<24} {_rate(func, values, code):>12,.0f} conversions/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
