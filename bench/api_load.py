"""API latency under load: search and event queries from 20 concurrent clients on loopback.

Starts `marsad serve` on a free port of 127.0.0.1 over the benchmark store (built like
bench/pages.py's, 20,000 articles), then runs a bounded load: `--clients` threads, each
with its own keep-alive connection, send search and event queries (half each, or
`--search-share` searches; inputs drawn from the store; `--type-share` adds searches
filtered by event type) back to back
until `--requests` have been sent or `--seconds` have passed, whichever comes first.
Prints the median, 95th and 99th percentile latency per kind (target: p95 under 100 ms),
the throughput and the CPU time the server processes and the load generator spent per
request (from /proc: unlike latencies, it hardly depends on what else the machine runs),
then stops the server. Traffic goes to the loopback address only.

    .venv/bin/python bench/api_load.py [--clients 20] [--requests 4000] [--seconds 90] [--workers 1]
                                       [--search-share 0.5] [--type-share 0.0] [--db PATH]
    .venv/bin/python bench/api_load.py --clients 1 --requests 400 --search-share 1   # service time alone
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
from web_store import DEFAULT_DB, ensure_store, event_params, sample_inputs, search_params

TARGET_P95_MS = 100.0
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    marsad = Path(sys.executable).with_name("marsad")
    command = [str(marsad), "serve", "--db", url, "--host", HOST, "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/v1/health", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (uvicorn's workers), from /proc."""
    total = 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for one in [pid, *map(int, children)]:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:  # not Linux, or a worker just exited
        return float("nan")
    return total


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=4000, help="total requests, at most")
    parser.add_argument("--seconds", type=float, default=90.0, help="stop after this long, at most")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--base", type=int, default=400)
    parser.add_argument("--db", type=str, default=str(DEFAULT_DB))
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--search-share", type=float, default=0.5, help="share of plain searches")
    parser.add_argument(
        "--type-share", type=float, default=0.0,
        help="share of searches filtered by event type (slow in the store's SQL; 0 leaves them out)",
    )  # fmt: skip
    args = parser.parse_args()

    url = ensure_store(Path(args.db), args.articles, args.base, args.seed, rebuild=False)
    inputs = sample_inputs(url)
    port = free_port()
    server = start_server(url, port, args.workers)
    base = f"http://{HOST}:{port}/api/v1"  # for the warm-up requests
    latencies: dict[str, list[float]] = {"search": [], "events": [], "search+type": []}
    failures: list[str] = []
    lock = threading.Lock()
    budget = {"left": args.requests}
    stop_at = time.monotonic() + args.seconds

    def client_loop(number: int) -> None:
        # http.client, not httpx: the load generator shares the two cores with the server, so
        # it must cost as little CPU per request as possible.
        rng = random.Random(args.seed * 1000 + number)
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        try:
            while time.monotonic() < stop_at:
                with lock:
                    if budget["left"] <= 0:
                        return
                    budget["left"] -= 1
                roll = rng.random()
                if roll < args.search_share:
                    kind = "search"
                else:
                    kind = "events" if roll < 1 - args.type_share else "search+type"
                if kind == "events":
                    params = event_params(rng, inputs)
                else:
                    params = search_params(rng, inputs, type_filter=kind == "search+type")
                path = f"/api/v1/{'events' if kind == 'events' else 'search'}?{urlencode(params)}"
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    body = response.read()
                    ok, detail = response.status == 200, f"{response.status} {body[:120]!r}"
                except (OSError, http.client.HTTPException) as error:
                    ok, detail = False, repr(error)
                    connection.close()
                    connection = http.client.HTTPConnection(HOST, port, timeout=120)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies[kind].append(elapsed)
                    if not ok:
                        failures.append(f"{kind} {params}: {detail}")
        finally:
            connection.close()

    try:
        # One warm-up request of each kind, so that the first clients do not pay for loading.
        httpx.get(f"{base}/search", params={"q": inputs["words"][0]}, timeout=60)
        httpx.get(f"{base}/events", timeout=60)
        started = time.monotonic()
        server_cpu, client_cpu = process_cpu_seconds(server.pid), time.process_time()
        threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - started
        server_cpu = process_cpu_seconds(server.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # requests still running: no graceful wait
            server.kill()
            server.wait()

    print(f"machine   {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"store     {args.db}: {inputs['n_articles'][0]:,} articles; server workers {args.workers}")
    total = sum(len(values) for values in latencies.values())
    print(f"load      {args.clients} concurrent clients, {total} requests in {wall:.1f} s "
          f"({total / wall:.0f} requests/s), {len(failures)} failed")  # fmt: skip
    print(f"cpu       server {1000 * server_cpu / total:.2f} ms a request, "
          f"load generator {1000 * client_cpu / total:.2f} ms a request")  # fmt: skip
    print(f"{'kind':<8}{'n':>6}{'median ms':>11}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}  target p95 < 100 ms")
    for kind, values in latencies.items():
        values.sort()
        if not values:
            continue
        p95 = percentile(values, 0.95)
        verdict = "ok" if p95 < TARGET_P95_MS else "OVER"
        print(f"{kind:<8}{len(values):>6}{statistics.median(values):>11.1f}{p95:>9.1f}"
              f"{percentile(values, 0.99):>9.1f}{values[-1]:>9.1f}  {verdict}")  # fmt: skip
    for failure in failures[:5]:
        print("failed:", failure)


if __name__ == "__main__":
    main()
