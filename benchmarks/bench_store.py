"""Ingest rate and search latency of the knowledge base, SQLite and PostgreSQL.

    python benchmarks/bench_store.py [--records 10000] [--queries 100] [--backend sqlite|postgresql]
    python benchmarks/bench_store.py --compare REF [--rounds 2] [--records 10000]

Makes N synthetic article records (invented words, a pool of people,
places and organisations, quotes and events, so linking and near-duplicate
detection do their full work; no spaCy), writes them to a JSON Lines file
and times `newsgraph.ingest.ingest` of that file into a fresh SQLite file
and into a throw-away PostgreSQL server (started as the tests start it:
tests/pg.py, with the server's default durability settings). Then times
`Store.search` for a fixed set of queries (terms, terms with --person,
--place or --since, filters alone) and prints p50/p95. Targets: at least
1,000 records/s into SQLite; search p95 under 50 ms. The first line names
the host and the CPU rate of a fixed reference workload (JSON, row and
full-text inserts in memory): ingest rates of one code on two hosts move
with it.

`--compare REF` times the SQLite ingest of the same records with the code
of git ref REF (exported into a temporary folder) and with this tree's, in
turns (`--rounds`), each in a fresh process, so load from other processes
on the machine falls on both alike; it prints both rates and their ratio,
and whether both stores hold the same rows (time stamps left out).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.ingest import ingest
from newsgraph.model import Article, Entity, Event, Quote, Span
from newsgraph.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = 20251104
TARGET_RATE = 1000
TARGET_P95_MS = 50

FIRST = ("Ada Bruno Cleo Dario Edda Fenna Gideon Hana Ivo Jora Kasimir Lena Mirek Nadia Orla Pavel Quilla Rosa Stellan "
         "Tove Ulla Viggo Wanda Xavi Yusuf Zora Anouk Bartosz Carys Dov Elif Fintan Greta Hamid Ilse Jonas Kaveh "
         "Liesl Magnus Noor Oskar Petra Radek Saoirse Teodor Una Vera Wim Yara Zeno").split()
LAST = ("Abernethy Brandt Castellano Dunmore Ekwueme Falkner Grimaldi Haldane Ivanova Jaskolski Kettering Lindqvist "
        "Moravec Nakashima Okonkwo Pellegrini Quintero Rasmussen Szabo Tamberlane Underhill Valcourt Whitlock "
        "Xanthos Yilmaz Zielinski Achterberg Bellweather Corrigan Delacroix Esterhazy Fairweather Gallagher "
        "Hargreave Inchcombe Jovanovic Kowalczyk Lockhart Marchbanks Northcote").split()
ROLES = ["mayor", "minister", "spokeswoman", "spokesman", "chief executive", "professor", "judge", "coach",
         "police chief", "council member"]


def words(rng: random.Random, n: int) -> list[str]:
    """An invented vocabulary: pronounceable words, the first ones common (Zipf-like draws)."""
    syllables = ["ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "vu", "wa",
                 "xe", "yo", "za", "bri", "cla", "dre", "flo", "gri", "pla", "sto", "tra", "lun", "mar", "sel"]
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


class Generator:
    """Synthetic article records from one seed."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.vocab = words(self.rng, 3000)
        self.weights = [1 / (i + 1) for i in range(len(self.vocab))]
        self.people = [(f, l) for f in FIRST for l in LAST]
        self.rng.shuffle(self.people)
        self.people = self.people[:1500]
        endings = ["ton", "ford", "by", "wick", "stead"]
        kinds = ["Council", "Bank", "Trust", "Union", "Party", "Institute"]
        self.places = [w.capitalize() + endings[i % 5] for i, w in enumerate(self.vocab[500:700])]
        self.orgs = [f"{w.capitalize()} {kinds[i % 6]}" for i, w in enumerate(self.vocab[700:1000])]
        # a person keeps one role and one organisation, named in some articles and not in others
        self.roles = {p: (self.rng.choice(ROLES), self.rng.choice(self.orgs)) for p in self.people}

    def sentence(self, extra: list[str]) -> str:
        chosen = self.rng.choices(self.vocab, weights=self.weights, k=self.rng.randint(12, 24))
        for name in extra:
            chosen.insert(self.rng.randrange(len(chosen)), name)
        return " ".join(chosen).capitalize() + "."

    def article(self, n: int) -> Article:
        rng = self.rng
        people = rng.sample(self.people, rng.randint(1, 4))
        place = rng.choice(self.places)
        org = rng.choice(self.orgs)
        names = [f"{f} {l}" for f, l in people]
        paragraphs = [self.sentence([names[i % len(names)]] if i < 2 * len(names) else [])
                      + " " + self.sentence([place] if i == 0 else []) for i in range(rng.randint(4, 8))]
        headline = " ".join(rng.choices(self.vocab, weights=self.weights, k=rng.randint(6, 11))).capitalize()
        text = "\n\n".join([headline, *paragraphs])
        entities, quotes = [], []
        for i, (first, last) in enumerate(people, 1):
            name = f"{first} {last}"
            start = text.find(name)
            mentions = [Span(start=start, end=start + len(name), text=name)] if start >= 0 else []
            role, affiliation = self.roles[(first, last)]
            entities.append(Entity(id=f"e{i}", type="person", name=name, aliases=[last], mentions=mentions,
                                   roles=[role] if rng.random() < 0.5 else [],
                                   affiliations=[affiliation] if rng.random() < 0.3 else []))
        entities.append(Entity(id=f"e{len(entities) + 1}", type="place", name=place))
        entities.append(Entity(id=f"e{len(entities) + 1}", type="organization", name=org))
        for i, paragraph in enumerate(paragraphs[:rng.randint(1, 3)], 1):
            start = text.find(paragraph)
            speaker = entities[(i - 1) % len(people)]
            quotes.append(Quote(id=f"q{i}", kind="direct", text=paragraph[:80], start=start, end=start + 80,
                                speaker=speaker.id, speaker_name=speaker.name))
        events = [Event(id="v1", type=rng.choice(["meeting", "election", "fire", "arrest"]),
                        participants=[e.id for e in entities[:2]], place=place)] if rng.random() < 0.5 else []
        published = (date(2024, 1, 1) + timedelta(days=rng.randrange(700))).isoformat() + f"T{rng.randrange(24):02d}:00"
        return Article(id=f"{n:016x}", source=f"synthetic/{n}.txt", input_kind="text", headline=headline,
                       published=published, text=text, paragraphs=paragraphs, entities=entities, quotes=quotes,
                       events=events)

    def queries(self, n: int) -> list[dict]:
        """Search calls: one to three words, some narrowed by person, place or date, some filters only."""
        out = []
        for i in range(n):
            terms = " ".join(self.rng.choices(self.vocab[:1500], k=self.rng.randint(1, 3)))
            kind = i % 10
            if kind == 7:
                f, l = self.rng.choice(self.people)
                out.append({"query": terms.split()[0], "person": f"{f} {l}"})
            elif kind == 8:
                out.append({"query": terms.split()[0], "place": self.rng.choice(self.places)})
            elif kind == 9:
                out.append({"query": "", "since": "2025-06-01", "person": " ".join(self.rng.choice(self.people))})
            elif kind == 6:
                out.append({"query": terms, "since": "2025-01-01", "until": "2025-06-30"})
            else:
                out.append({"query": terms})
        return out


def time_ingest(store: Store, path: Path, records: int) -> tuple[float, float]:
    """Records per second of wall-clock time, and per second of this process's CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    report = ingest(store, [str(path)])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    stored = store.stats()["articles"]
    if stored != records or report.failed:
        raise SystemExit(f"ingest stored {stored} of {records} records ({report.summary()})")
    return records / seconds, records / cpu


def time_search(store: Store, queries: list[dict]) -> tuple[float, float, int]:
    for q in queries[:10]:  # warm caches
        store.search(**q)
    times, hits = [], 0
    for q in queries:
        start = time.perf_counter()
        hits += len(store.search(**q))
        times.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[94], hits


def host_line(rows: int = 20_000) -> str:
    """The host and the rate of a fixed workload shaped like ingest's own work (a JSON round trip, a row insert and a
    full-text insert per row, in an in-memory SQLite database), timed by CPU, so ingest rates measured on different
    hosts can be set side by side: the same code's records/s moves with this figure."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, doc TEXT)")
    conn.execute("CREATE VIRTUAL TABLE words USING fts5 (body)")
    vocabulary, rng = [f"w{n}" for n in range(500)], random.Random(0)
    start = time.process_time()
    for n in range(rows):
        body = " ".join(rng.choice(vocabulary) for _ in range(30))
        doc = json.loads(json.dumps({"id": n, "body": body, "tags": [body[:8]] * 3}))
        conn.execute("INSERT INTO rows (doc) VALUES (?)", (doc["body"],))
        conn.execute("INSERT INTO words (body) VALUES (?)", (body,))
    conn.commit()
    rate = rows / (time.process_time() - start)
    conn.close()
    return (f"host: {model}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}; "
            f"reference workload {rate:,.0f} rows/s of CPU")


def run(name: str, url: str, path: Path, records: int, queries: list[dict]) -> dict:
    with open_store(url) as store:
        rate, cpu_rate = time_ingest(store, path, records)
        p50, p95, hits = time_search(store, queries)
        stats = store.stats()
    print(f"{name:<11} ingest {rate:6.0f} records/s ({cpu_rate:.0f}/s of client CPU)   "
          f"search p50 {p50:5.1f} ms  p95 {p95:5.1f} ms   ({hits} hits; {stats['persons']} people, "
          f"{stats['quotes']} quotes)")
    return {"rate": rate, "p50": p50, "p95": p95}


# what differs between two stores of the same records by when they were written (and the near-duplicate
# signatures, whose shingle hash changed in `signatures_by_words`; which articles are duplicates is compared)
TIMESTAMPS = {"articles": {"ingested", "rowid", "signature"}, "entities": {"created"},
              "ingested_sources": {"at", "mtime"}, "migrations": {"applied"}, "conflicts": {"id"},
              "conflict_claims": {"conflict_id"}}


def ingest_once(path: Path, db: Path) -> None:
    """One SQLite ingest of the records, in this process: prints the rates (and whose code ran) as JSON."""
    import newsgraph

    with open_store(f"sqlite:///{db}") as store:
        wall, cpu = time_ingest(store, path, sum(1 for _ in path.open(encoding="utf-8")))
    print(json.dumps({"wall": wall, "cpu": cpu, "code": newsgraph.__file__}))


def table_columns(db: Path) -> dict[str, list[str]]:
    """Each table's columns (search indexes left out), without those that say when rows were written."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                             "LIKE '%fts%' AND name NOT LIKE 'sqlite%'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] not in TIMESTAMPS.get(t, ())]
                for t in tables}


def table_rows(db: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every table's rows of a store (these columns), sorted."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {t: sorted(conn.execute(f"SELECT {', '.join(c)} FROM {t}"), key=repr) for t, c in columns.items()}


def compare(ref: str, path: Path, tmp: str, rounds: int) -> None:
    """Old (ref) and new code ingest the same records in turns; rates, ratio and whether they stored alike."""
    from bench_load import old_code

    Path(tmp, "old").mkdir()
    codes = {"old": old_code(ref, Path(tmp, "old")), "new": ROOT / "src"}
    rates: dict[str, list[dict]] = {"old": [], "new": []}
    for number in range(rounds):
        for name in (["old", "new"] if number % 2 == 0 else ["new", "old"]):
            db = Path(tmp, f"{name}{number}.db")
            done = subprocess.run([sys.executable, __file__, "--ingest-only", str(path), str(db)],
                                  capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(codes[name])))
            if done.returncode:
                raise SystemExit(f"the {name} code's ingest failed: {done.stderr.strip().splitlines()[-1:]}")
            rates[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"round {number + 1} {name:3} ({ref if name == 'old' else 'this tree'}): "
                  f"{rates[name][-1]['cpu']:6.0f} records/s of CPU, {rates[name][-1]['wall']:6.0f} wall-clock; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
    for key, label in (("cpu", "CPU time"), ("wall", "wall-clock")):
        old, new = (statistics.median(r[key] for r in rates[n]) for n in ("old", "new"))
        print(f"median {label}: old {old:.0f}/s, new {new:.0f}/s, new/old {new / old:.2f}x")
    dbs = [Path(tmp, "old0.db"), Path(tmp, "new0.db")]
    old_columns, new_columns = (table_columns(db) for db in dbs)
    shared = {t: [c for c in old_columns[t] if c in new_columns[t]] for t in old_columns.keys() & new_columns.keys()
              if t != "migrations"}
    old, new = (table_rows(db, shared) for db in dbs)
    differ = sorted(t for t in shared if old[t] != new[t])
    print(f"stored rows identical (the columns both have; time stamps and signatures left out): "
          f"{'yes' if not differ else 'NO: '}{', '.join(differ)}")
    with sqlite3.connect(Path(tmp, "new0.db")) as conn:  # raises when an index does not match its table
        for table in ("articles_fts", "quotes_fts"):
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    print("search indexes of the new store match their tables (FTS5 integrity-check)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--compare", metavar="REF", help="time this git ref's ingest against this tree's")
    parser.add_argument("--rounds", type=int, default=2, help="turns each side takes with --compare")
    parser.add_argument("--ingest-only", nargs=2, metavar=("RECORDS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_only:
        ingest_once(Path(args.ingest_only[0]), Path(args.ingest_only[1]))
        return
    backends = args.backend or ["sqlite", "postgresql"]

    generator = Generator()
    queries = generator.queries(args.queries)
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        path = Path(tmp, "records.jsonl")
        with path.open("w", encoding="utf-8") as fh:
            for n in range(args.records):
                fh.write(generator.article(n).to_json() + "\n")
        print(host_line(), flush=True)
        load = os.getloadavg()[0]
        if args.compare:
            print(f"{args.records} synthetic records, {args.compare} against this tree; load average {load:.1f} "
                  f"on {os.cpu_count()} CPUs", flush=True)
            compare(args.compare, path, tmp, args.rounds)
            return
        print(f"{args.records} synthetic records, {args.queries} queries; load average {load:.1f} on "
              f"{os.cpu_count()} CPUs (wall-clock figures suffer when the machine is busy)")
        results = {}
        if "sqlite" in backends:
            results["sqlite"] = run("SQLite", f"sqlite:///{tmp}/bench.db", path, args.records, queries)
        if "postgresql" in backends:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg import PgServer

            with PgServer.start(fast=False) as server:
                results["postgresql"] = run("PostgreSQL", server.create_database("bench"), path, args.records,
                                            queries)
    if "sqlite" in results:
        ok = results["sqlite"]["rate"] >= TARGET_RATE and results["sqlite"]["p95"] < TARGET_P95_MS
        print(f"targets for 10,000 records (SQLite ≥ {TARGET_RATE} records/s, search p95 < {TARGET_P95_MS} ms): "
              f"{'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
