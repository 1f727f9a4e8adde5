"""Web server under load: the old single-lock server against the new one, idle and during an ingest, in one run.

    python benchmarks/bench_load.py [--requests 2000] [--connections 8] [--old-ref REF] [--articles 10000]

1. Builds (or reuses) the 10,000-article synthetic SQLite store of `bench_web.py`.
2. Takes the old server's code from git (`--old-ref`, default the last main before the connection pool:
   one store behind one lock) into a temporary folder, and serves each variant in a process of its own
   (uvicorn on loopback; the new one with `newsgraph serve`'s defaults) over its own copy of the store;
   the old one's copy without the indexes its own schema does not make.
3. Sends `--requests` requests over `--connections` keep-alive connections (a client process each, so the
   load generator is not the bottleneck), half search pages (a word or two, a filter in one of four) and
   half article pages, each request with other arguments, and times each.
4. Does it twice: idle, and while `newsgraph ingest` adds more articles to each server's store (up to 6,000)
   (each variant has its own copy of the store; both ingests run at once, with the same records). Both
   servers run at once and take turns on slices of the requests (`--rounds`), so load from other
   processes on the machine falls on both alike.
5. Prints requests/s, p50/p95/p99 latency and the servers' CPU time per request (their processes and
   workers, from /proc) per variant and phase, the errors, and the new/old throughput ratio per phase.
   Target: at least 2x, and no error. The CPU ratio does not depend on what else the machine runs; the
   throughput ratio does: on 2 cores the new server's workers need both, the old server uses one.

Ratios are taken within one run, so load from other processes hits both variants alike.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import SEED, SITES, Generator, build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OLD_REF = "5b72ca5"  # the last main before the pool: SharedStore, one store connection behind one lock
TARGET_RATIO = 2.0
INGEST_ARTICLES = 6_000
SERVE = """
import sys, uvicorn
from newsgraph.web import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def old_code(ref: str, into: Path) -> Path:
    """The `src` folder of `ref`, exported from git into `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def as_old_code_made_it(db: Path, src: Path) -> None:
    """Drop from `db` the indexes the old code's schema does not make (later migrations' read indexes), so
    the old server reads the store it would have built itself."""
    import sqlite3

    with tempfile.TemporaryDirectory(prefix="bench-load-schema-") as tmp:
        empty = Path(tmp) / "old.db"
        subprocess.run([sys.executable, "-c", "import sys; from newsgraph.store import open_store; "
                        "open_store(sys.argv[1]).close()", str(empty)], env=dict(os.environ, PYTHONPATH=str(src)),
                       check=True)
        with sqlite3.connect(empty) as conn:
            known = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    with sqlite3.connect(db) as conn:
        extra = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                 if r[0] not in known]
        for name in extra:
            conn.execute(f'DROP INDEX "{name}"')


def paths_to_request(db: Path, count: int) -> list[str]:
    """`count` request paths: search pages and article pages in turn, each with other arguments."""
    import sqlite3

    rng = random.Random(SEED + 1)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        orgs = [r[0] for r in conn.execute("SELECT name FROM entities WHERE type = 'organization' LIMIT 100")]
    words = Generator().vocab[:1500]
    out = []
    for i in range(count):
        if i % 2:
            out.append(f"/articles/{rng.choice(ids)}")
            continue
        query = "+".join(rng.sample(words, rng.randint(1, 2)))
        extra = ["", f"&organization={rng.choice(orgs).replace(' ', '+')}", "&since=2024-01&until=2024-06",
                 f"&site={rng.choice(SITES).replace(' ', '+')}"][(i // 2) % 4]
        out.append(f"/search?q={query}{extra}")
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One variant's server over its own copy of the store: the old one as its code ran it (one process),
    the new one as `newsgraph serve` runs it by default."""

    def __init__(self, name: str, src: Path, db: Path):
        self.name, self.db, self.port = name, db, free_port()
        env = dict(os.environ, PYTHONPATH=str(src))
        command = [sys.executable, "-c", SERVE, str(db), str(self.port)] if name == "old" else \
            [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.base = f"http://127.0.0.1:{self.port}"
        self._wait()

    def _wait(self) -> None:
        import httpx

        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} server died: {self.process.stderr.read()[-2000:]}")
            try:
                httpx.get(self.base + "/search.json?q=warm", timeout=30).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.name} server did not answer")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def load(base: str, paths: list[str], connections: int) -> dict:
    """Send every path over `connections` keep-alive connections, each from a client process of its own (one
    Python client would be the bottleneck); the wall time it took, every latency, the errors."""
    import multiprocessing

    shares = [(base, paths[i::connections]) for i in range(connections)]
    with multiprocessing.get_context("spawn").Pool(connections) as pool:
        pool.map(_ready, range(connections))  # processes up and imported before the clock starts
        started = time.perf_counter()
        results = pool.starmap(_client, shares)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "latencies": [t for r in results for t in r[0]],
            "errors": [e for r in results for e in r[1]]}


def _ready(_: int) -> None:
    """Nothing: mapping it over the pool starts every client process."""


def _client(base: str, paths: list[str]) -> tuple[list[float], list[str]]:
    """One keep-alive connection sending `paths` in turn; latencies in ms, and the requests that failed."""
    import http.client
    from urllib.parse import urlsplit

    host = urlsplit(base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    latencies, errors = [], []
    for path in paths:
        start = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            connection.close()
            connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
        latencies.append((time.perf_counter() - start) * 1000)
        if status != 200:
            errors.append(f"{status} {path}")
    connection.close()
    return latencies, errors


def records(folder: Path, count: int, per_file: int = 500) -> list[Path]:
    """`count` new synthetic records as JSON Lines files of `per_file`, for the ingests during the load."""
    generator = Generator(SEED + 7)
    paths = []
    for first in range(0, count, per_file):
        paths.append(folder / f"more-{first:06d}.jsonl")
        with open(paths[-1], "w", encoding="utf-8") as fh:
            for n in range(first, min(count, first + per_file)):
                article = generator.article(n)
                fh.write(article.model_copy(update={"id": f"{0xabc00000 + n:016x}"}).to_json() + "\n")
    return paths


class Ingest:
    """`newsgraph ingest` into one store in the background: one file of records after another, until stopped."""

    def __init__(self, db: Path, files: list[Path]):
        self.db, self.files = db, list(files)
        self.process: subprocess.Popen | None = None
        self.stopped = threading.Event()
        self.ran_out = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for path in self.files:
            self.process = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(path), "--db",
                                             str(self.db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.process.wait()
            if self.stopped.is_set():
                return
        self.ran_out = True

    def running(self) -> bool:
        return not self.ran_out

    def stop(self) -> None:
        self.stopped.set()
        if self.process is not None:
            self.process.kill()
        self.thread.join(30)


def measure(servers: dict[str, Server], paths: list[str], connections: int, rounds: int) -> dict[str, dict]:
    """The paths sent to every server in `rounds` slices, servers taking turns (in alternating order), so
    load from elsewhere on the machine falls on all alike; per server: throughput, latencies, errors."""
    totals = {name: {"seconds": 0.0, "cpu": 0.0, "latencies": [], "errors": []} for name in servers}
    size = -(-len(paths) // rounds)
    for number in range(rounds):
        chunk = paths[number * size:(number + 1) * size]
        order = list(servers) if number % 2 == 0 else list(reversed(servers))
        for name in order:
            before = cpu_seconds(servers[name].process.pid)
            result = load(servers[name].base, chunk, connections)
            total = totals[name]
            total["cpu"] += cpu_seconds(servers[name].process.pid) - before
            total["seconds"] += result["seconds"]
            total["latencies"] += result["latencies"]
            total["errors"] += result["errors"]
    out = {}
    for name, total in totals.items():
        cuts = statistics.quantiles(total["latencies"], n=100, method="inclusive")
        out[name] = {"rps": len(total["latencies"]) / total["seconds"], "p50": cuts[49], "p95": cuts[94],
                     "p99": cuts[98], "cpu_ms": 1000 * total["cpu"] / len(total["latencies"]), "errors": total["errors"]}
    return out


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and every process under it (a server and its workers), from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=8, help="slices the servers take turns on")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--old-ref", default=OLD_REF, help="git ref of the old server's code")
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench-web.db"))
    args = parser.parse_args()

    build(args.db, args.articles)
    paths = paths_to_request(args.db, args.requests)
    results: dict[tuple[str, str], dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        tmp = Path(tmp)
        variants = {"old": old_code(args.old_ref, tmp), "new": ROOT / "src"}
        jsonl = records(tmp, INGEST_ARTICLES)
        for phase in ("idle", "ingest"):
            servers, ingests = {}, []
            try:
                for name, src in variants.items():
                    db = tmp / f"{name}-{phase}.db"
                    shutil.copyfile(args.db, db)
                    if name == "old":
                        as_old_code_made_it(db, src)
                    servers[name] = Server(name, src, db)
                    load(servers[name].base, paths[:50], args.connections)  # warm: imports, SQLite's cache
                if phase == "ingest":
                    ingests = [Ingest(server.db, jsonl) for server in servers.values()]
                    time.sleep(1.0)  # the ingests are writing before the first request
                for name, result in measure(servers, paths, args.connections, args.rounds).items():
                    result["ingest_running"] = all(i.running() for i in ingests)
                    results[name, phase] = result
            finally:
                for ingest in ingests:
                    ingest.stop()
                for server in servers.values():
                    server.stop()
    report(results, args)


def report(results: dict, args) -> None:
    print(f"{args.requests} requests over {args.connections} connections, search and article pages, "
          f"{args.articles:,}-article SQLite store; old = {args.old_ref}, new = this checkout")
    print(f"{'server':<6} {'phase':<8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
          f"{'server CPU ms/request':>22}")
    for (name, phase), r in results.items():
        note = "" if r.get("ingest_running", True) else "  (the ingest ended before the load did)"
        print(f"{name:<6} {phase:<8} {r['rps']:8.1f} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} "
              f"{len(r['errors']):7d} {r['cpu_ms']:22.2f}{note}")
    met = True
    for phase in ("idle", "ingest"):
        ratio = results["new", phase]["rps"] / results["old", phase]["rps"]
        errors = len(results["new", phase]["errors"])
        met &= ratio >= TARGET_RATIO and errors == 0
        cpu = results["old", phase]["cpu_ms"] / results["new", phase]["cpu_ms"]
        print(f"{phase}: new/old throughput {ratio:.2f}x [>= {TARGET_RATIO}x], new errors {errors}; "
              f"old/new server CPU per request {cpu:.2f}x")
    for (name, phase), r in results.items():
        for error in r["errors"][:3]:
            print(f"  {name} {phase} error: {error}")
    print(json.dumps({f"{n}-{p}": {k: round(v, 1) for k, v in r.items() if isinstance(v, float)}
                      for (n, p), r in results.items()}))
    print(f"target: {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
