"""Calling transpiled BASIC from Python (docs/calling-from-python.md).

Build step, once: pick2py transpile bp -o generated
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "generated"))

from order_total import ORDER_TOTAL  # noqa: E402  (BASIC ORDER.TOTAL)
from tax import TAX  # noqa: E402

from runtime_lib.pyapi import BasicError, DynArray  # noqa: E402

order = DynArray([[2, 450], [1, 1299]])  # 2 x $4.50, 1 x $12.99
result = ORDER_TOTAL(order, 0.08, None, None)
print(result.TOTAL, result.TEXT)
print(result)

print(TAX(1000, 0.08))

order[2, 1] = "one"  # not a number: BASIC stops with an error
try:
    ORDER_TOTAL(order, 0.08, None, None)
except BasicError as exc:
    print(exc)
    print(exc.item, exc.line, exc.path)
