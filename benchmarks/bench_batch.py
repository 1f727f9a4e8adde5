"""Throughput of `newsgraph batch`: local with 1 and 2 workers, Ray with 2, on one synthetic CC-NEWS-like WARC.

    python benchmarks/bench_batch.py [--count 400] [--shard-size 20] [--warc FILE]

Writes a WARC of `count` synthetic articles with make_warc.py (or uses
--warc), then runs the full pipeline over it with each engine into a fresh
folder and prints, from this one run: articles/s of each configuration
(wall clock from the call to the last shard: worker start-up and model
loading included, and for Ray the start of its local cluster too, shown
apart), the speed-ups the targets are stated in, Ray's overhead against
local at the same worker count, and the peak resident memory of each
worker process. Checks that every engine wrote the same records.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

from newsgraph.batch import BatchOptions, read_records, run_batch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_warc import write_warc  # noqa: E402

CONFIGS = (("local", 1), ("local", 2), ("ray", 2))


def run(engine: str, workers: int, warc: Path, out: Path, shard_size: int) -> dict:
    started = time.perf_counter()
    cluster = 0.0
    if engine == "ray":  # start the cluster first, so its start-up can be shown apart
        import ray

        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level="WARNING",
                 runtime_env={"env_vars": {"RAY_USAGE_STATS_ENABLED": "0"}})
        cluster = time.perf_counter() - started
    try:
        report = run_batch([str(warc)], out, BatchOptions(engine=engine, workers=workers, shard_size=shard_size))
    finally:
        if engine == "ray":
            ray.shutdown()
    seconds = time.perf_counter() - started
    return {"name": f"{engine}×{workers}", "records": report.records, "seconds": seconds, "cluster": cluster,
            "rate": report.records / seconds, "rate_no_cluster": report.records / (seconds - cluster),
            "rss": sorted(report.peak_rss_mb.values()), "failures": len(report.failures),
            "cpu": sum(report.cpu_seconds.values()),
            "output": list(read_records(out))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400, help="synthetic articles in the WARC")
    parser.add_argument("--shard-size", type=int, default=20, help="records per work unit")
    parser.add_argument("--warc", type=Path, help="use this WARC instead of a synthetic one")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        warc = args.warc or write_warc(args.count, Path(tmp) / "CC-NEWS-synthetic.warc.gz")
        print(f"input: {warc} ({warc.stat().st_size / 1e6:.1f} MB), shard size {args.shard_size}, "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
        results = []
        for engine, workers in CONFIGS:
            result = run(engine, workers, warc, Path(tmp) / f"{engine}{workers}", args.shard_size)
            results.append(result)
            extra = f" (cluster start {result['cluster']:.1f} s; {result['rate_no_cluster']:.2f}/s without it)" \
                if result["cluster"] else ""
            print(f"{result['name']:>8}: {result['records']} articles in {result['seconds']:6.1f} s = "
                  f"{result['rate']:6.2f} articles/s{extra}; peak RSS per worker "
                  f"{', '.join(f'{r:.0f}' for r in result['rss'])} MB; workers' CPU {result['cpu']:.0f} s = "
                  f"{result['records'] / result['cpu']:.2f} articles per CPU-second", flush=True)
    one, two, ray2 = results
    print(f"local×2 / local×1 = {two['rate'] / one['rate']:.2f}× (target ≥ 1.8)")
    print(f"ray×2 / local×1   = {ray2['rate'] / one['rate']:.2f}× (target ≥ 1.5); "
          f"{ray2['rate_no_cluster'] / one['rate']:.2f}× without the cluster start")
    print(f"ray×2 overhead against local×2: {100 * (1 - ray2['rate'] / two['rate']):.0f}% of throughput "
          f"({100 * (1 - ray2['rate_no_cluster'] / two['rate']):.0f}% without the cluster start)")
    print(f"per core: {two['rate'] / 2:.2f} articles/s (local×2 wall clock), "
          f"{one['records'] / one['cpu']:.2f} articles per worker CPU-second (local×1, whatever else runs)")
    print(f"load average at the end (other processes share these cores): {os.getloadavg()[0]:.1f}")
    same = all(r["output"] == one["output"] for r in results)
    print(f"identical records from every engine: {same}; failures: {[r['failures'] for r in results]}")


if __name__ == "__main__":
    main()
