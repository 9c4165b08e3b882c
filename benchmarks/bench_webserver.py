"""Requests per second of the BASIC web server sample, plain HTTP and TLS.

    python benchmarks/bench_webserver.py [--requests N] [--clients C]

Starts ``samples/webserver/WEBSERVER.bas`` (transpiled and cached first) on
a loopback port in a fresh account, once over plain HTTP and once over TLS
with a certificate made for the run, and reports:

- sequential: N requests to ``/hello``, one connection each (fork, serve,
  EXIT.CHILD per request);
- concurrent: N requests from C client threads;
- lock route: N ``/counter`` updates from C threads, checked to add up.

Every server is stopped with its children at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from netutil import (  # noqa: E402
    Server,
    client_context,
    free_port,
    make_certificate,
    request,
)

PROGRAM = ROOT / "samples" / "webserver" / "WEBSERVER.bas"


def bench(secure: bool, count: int, clients: int, folder: Path) -> dict[str, float]:
    account = folder / ("tls" if secure else "plain")
    account.mkdir()
    shutil.copytree(PROGRAM.parent / "www", account / "www")
    port = free_port()
    args = [str(port), "QUIET"]
    context = None
    if secure:
        cert, key = make_certificate(folder)
        args += ["TLS", str(cert), str(key)]
        context = client_context(cert)
    server = Server(PROGRAM, account, args, port).wait_ready()
    results = {}
    try:
        request(port, "/hello", context=context)
        start = time.perf_counter()
        for _ in range(count):
            request(port, "/hello", context=context)
        results["sequential req/s"] = count / (time.perf_counter() - start)

        start = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(
                pool.map(
                    lambda _: request(port, "/hello", context=context), range(count)
                )
            )
        results["concurrent req/s"] = count / (time.perf_counter() - start)

        start = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            counts = list(
                pool.map(
                    lambda _: request(port, "/counter/bench", context=context),
                    range(count),
                )
            )
        results["lock route req/s"] = count / (time.perf_counter() - start)
        assert max(int(body) for _, _, body in counts) == count
    finally:
        server.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    os.environ.setdefault(
        "PICK2PY_CACHE", tempfile.mkdtemp(prefix="pick2py-bench-cache-")
    )
    with tempfile.TemporaryDirectory() as folder:
        for secure in (False, True):
            results = bench(secure, args.requests, args.clients, Path(folder))
            label = "TLS  " if secure else "plain"
            print(label, "  ".join(f"{k}: {v:7.1f}" for k, v in results.items()))


if __name__ == "__main__":
    main()
