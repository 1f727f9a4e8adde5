"""One enormous paragraph: time and peak memory of `newsgraph extract` as the paragraph grows.

    python benchmarks/bench_long_paragraph.py [--sizes 100,300,900] [--time-limit 120] [--memory-limit 2048]

Writes a scraped-text article whose body is ONE paragraph of N KB (invented sentences: people with titles,
quotes with reporting verbs, dates, places; nothing taken from any article), runs `newsgraph extract` on it
with the default per-document budget, and prints per size: seconds (wall and CPU), peak memory of the
extracting processes, quotes and entities found, or the failure. On a busy machine the wall-clock budget
may stop the largest size; `--time-limit 0` lets it finish. Issue 13: 900 KB used to take 211 s and 3.1 GB
(now parsed in pieces of at most `parse.MAX_PIECE_CHARS` characters, cut at sentence ends).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEOPLE = ["Mara Ellison", "Tomas Verhoef", "Ines Dalca", "Rufus Okafor", "Lena Szabo", "Piet Janssen"]
TITLES = ["Mayor", "Councillor", "Inspector", "Professor", "Minister"]
PLACES = ["Northbridge", "Kellmouth", "Ashford Vale", "Port Renner"]
VERBS = ["said", "told reporters", "added", "warned"]
WORDS = ("the council budget harbour road works delayed again families waited for answers while engineers "
         "checked the bridge and the ferry timetable changed twice before the winter storms arrived").split()


def sentence(rng: random.Random) -> str:
    """One invented sentence: a quote with its speaker, or a plain report with a place and a date."""
    who, title, place = rng.choice(PEOPLE), rng.choice(TITLES), rng.choice(PLACES)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
    if rng.random() < 0.4:
        return f"“{words.capitalize()},” {title} {who} {rng.choice(VERBS)}."
    return f"In {place} on March {rng.randint(1, 28)}, {words}, according to {who}."


def article(kb: int, seed: int = 13) -> str:
    rng = random.Random(seed)
    body: list[str] = []
    size = 0
    while size < kb * 1000:
        body.append(sentence(rng))
        size += len(body[-1]) + 1
    return "Harbour works report\n\n" + " ".join(body) + "\n"


def run(path: Path, time_limit: float, memory_limit: int) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsgraph", "extract", str(path), "--time-limit", str(time_limit),
                           "--memory-limit", str(memory_limit)], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # ru_maxrss: KB, the largest child so far
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    out = {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "peak_mb": round(after.ru_maxrss / 1024),
           "exit": done.returncode}
    try:
        record = json.loads(done.stdout)
        out.update(quotes=len(record.get("quotes", [])), entities=len(record.get("entities", [])))
    except json.JSONDecodeError:
        out["error"] = (done.stderr.strip().splitlines() or ["?"])[-1][:200]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,900", help="paragraph sizes in KB, smallest first")
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--memory-limit", type=int, default=2048)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
        for kb in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"one-paragraph-{kb}kb.txt"
            path.write_text(article(kb), encoding="utf-8")
            print(json.dumps({"kb": kb, **run(path, args.time_limit, args.memory_limit)}), flush=True)


if __name__ == "__main__":
    main()
