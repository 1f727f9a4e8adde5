"""Page render latency of the web app on a 10,000-article SQLite store.

    python benchmarks/bench_web.py [--articles 10000] [--requests 120] [--db PATH]

Builds a store of synthetic `newsgraph.model.Article` records (an invented
vocabulary, a pool of people, organisations and places, quotes, dated
events; no spaCy) through `Store.add_article`, so entity linking does its
full work, and keeps it at --db for the next run. Then serves the app with
uvicorn on loopback and times N requests per page type, each with other
arguments (other articles, people, queries, filters), and prints p50/p95,
first with the app's page cache off (every request reads the store), then
on. Target: p95 under 200 ms for every page.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.model import Article, Entity, Event, EventDate, Quote, Span, TimeExpression
from newsgraph.store import open_store

SEED = 20251125
TARGET_P95_MS = 200
FIRST = ("Ada Bruno Cleo Dario Edda Fenna Gideon Hana Ivo Jora Kasimir Lena Mirek Nadia Orla Pavel Rosa Stellan "
         "Tove Ulla Viggo Wanda Xavi Yusuf Zora Anouk Carys Dov Elif Fintan Greta Hamid Ilse Jonas Kaveh").split()
LAST = ("Abernethy Brandt Castellano Dunmore Ekwueme Falkner Grimaldi Haldane Ivanova Jaskolski Kettering "
        "Lindqvist Moravec Nakashima Okonkwo Pellegrini Quintero Rasmussen Szabo Underhill Valcourt Whitlock "
        "Yilmaz Zielinski Corrigan Delacroix Gallagher Lockhart Marchbanks Northcote").split()
TITLES = ["Mayor", "Minister", "Professor", "Judge", "Chief Inspector", "Councillor", "Dr."]
SITES = [f"{name} {kind}" for name in ("Harbour", "Valley", "Northern", "City", "Coastal") for kind in
         ("Times", "Herald", "Courier", "Post")]
EVENTS = ["meeting", "election", "fire", "arrest", "appointment", "death", "award"]


class Generator:
    """Synthetic article records from one seed."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        syllables = "ba ce di fo gu ha ke li mo nu pa re si to vu wa ze yo bri cla dre flo gri sto tra lun mar".split()
        vocab: dict[str, None] = {}
        while len(vocab) < 3000:
            vocab["".join(self.rng.choice(syllables) for _ in range(self.rng.randint(1, 4)))] = None
        self.vocab = list(vocab)
        self.weights = [1 / (i + 1) for i in range(len(self.vocab))]
        self.people = [f"{f} {l}" for f in FIRST for l in LAST]
        self.rng.shuffle(self.people)
        self.people = self.people[:1000]
        self.places = [w.capitalize() + s for w, s in zip(self.vocab[500:700], ["ton", "ford", "by", "wick"] * 50)]
        self.orgs = [f"{w.capitalize()} {k}" for w, k in zip(self.vocab[700:900], ["Council", "Trust", "Union"] * 70)]

    def sentence(self, names: list[str]) -> str:
        chosen = self.rng.choices(self.vocab, weights=self.weights, k=self.rng.randint(12, 22))
        for name in names:
            chosen.insert(self.rng.randrange(1, len(chosen)), name)
        return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."

    def article(self, n: int) -> Article:
        rng = self.rng
        people = rng.sample(self.people, rng.randint(2, 4))
        place, org = rng.choice(self.places), rng.choice(self.orgs)
        named = [people[i % len(people)] for i in range(6)] + [place, org]
        paragraphs = [self.sentence([named[i]] if i < len(named) else []) + " " + self.sentence([])
                      for i in range(rng.randint(6, 10))]
        headline = " ".join(rng.choices(self.vocab, weights=self.weights, k=rng.randint(6, 11))).capitalize()
        text, spans = headline + "\n\n", []
        for p in paragraphs:
            spans.append(Span(start=len(text), end=len(text) + len(p), text=p))
            text += p + "\n\n"
        published = date(2023, 1, 1) + timedelta(days=rng.randrange(1000))

        def mentions(name: str) -> list[Span]:
            out, at = [], text.find(name, len(headline))
            while at >= 0:
                out.append(Span(start=at, end=at + len(name), text=name))
                at = text.find(name, at + 1)
            return out

        entities = [Entity(id=f"e{i}", type="person", name=name, aliases=[name.split()[-1]],
                           titles=[rng.choice(TITLES)] if rng.random() < 0.4 else [],
                           affiliations=[org] if rng.random() < 0.3 else [], mentions=mentions(name))
                    for i, name in enumerate(people, 1)]
        entities.append(Entity(id="p1", type="place", name=place, mentions=mentions(place)))
        entities.append(Entity(id="o1", type="organization", name=org, mentions=mentions(org)))
        quotes = []
        for i, span in enumerate(spans[1:rng.randint(2, 4)], 1):
            speaker = entities[i % len(people)]
            quotes.append(Quote(id=f"q{i}", kind="direct", text=span.text[:90], start=span.start,
                                end=span.start + min(90, len(span.text)), speaker=speaker.id,
                                speaker_name=speaker.name))
        when = published - timedelta(days=rng.randrange(30))
        trigger = spans[-1]
        events = [Event(id="v1", type=rng.choice(EVENTS), participants=[entities[0].id], place=place,
                        date=EventDate(text=when.isoformat(), value=when.isoformat()),
                        evidence=Span(start=trigger.start, end=trigger.start + 4, text=trigger.text[:4]))]
        dates = [TimeExpression(text=trigger.text[5:9], start=trigger.start + 5, end=trigger.start + 9,
                                value=when.isoformat(), granularity="day")]
        return Article(id=f"{n:016x}", source=f"synthetic/{n}.txt", input_kind="text", headline=headline,
                       site_name=rng.choice(SITES), published=published.isoformat() + f"T{rng.randrange(24):02d}:00",
                       text=text, paragraphs=paragraphs, paragraph_spans=spans, entities=entities, quotes=quotes,
                       events=events, dates=dates)


def build(path: Path, articles: int) -> None:
    """The store at `path`, built unless it already holds `articles` articles."""
    if path.exists():
        with open_store(str(path)) as store:
            if store.stats()["articles"] == articles:
                return
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    generator = Generator()
    start = time.perf_counter()
    with open_store(str(path)) as store:
        for n in range(articles):
            store.add_article(generator.article(n))
    print(f"built {articles} articles in {time.perf_counter() - start:.0f} s: {path}")


def requests(path: Path, n: int) -> dict[str, list[str]]:
    """N paths per page type, with arguments drawn from what the store holds."""
    rng = random.Random(SEED)
    generator = Generator()
    with open_store(str(path)) as store:
        ids = [f"{rng.randrange(store.stats()['articles']):016x}" for _ in range(n)]
        people = [p["id"] for p in store.top_entities("person", 500)]
        orgs = [o["name"] for o in store.top_entities("organization", 100)]
    words = generator.vocab[:1500]

    def search(i: int) -> str:
        q = "+".join(rng.sample(words, rng.randint(1, 2)))
        extra = ["", f"&organization={orgs[i % len(orgs)].replace(' ', '+')}", "&since=2024-01&until=2024-06",
                 f"&site={SITES[i % len(SITES)].replace(' ', '+')}"][i % 4]
        return f"/search?q={q}{extra}"

    def quotes(i: int) -> str:
        return ["/quotes", f"/quotes?speaker={rng.choice(people)}",
                f"/quotes?organization={rng.choice(orgs).replace(' ', '+')}", "/quotes?since=2025-01-01"][i % 4]

    return {
        "/": ["/"] * n,
        "/search": [search(i) for i in range(n)],
        "/articles/ID": [f"/articles/{i}" for i in ids],
        "/people/ID": [f"/people/{rng.choice(people)}" for _ in range(n)],
        "/quotes": [quotes(i) for i in range(n)],
        "/conflicts": ["/conflicts"] * n,
        "/search.json": [search(i).replace("/search?", "/search.json?") for i in range(n)],
    }


def serve(path: Path, cache_size: int):
    """The app on a free loopback port, in a thread; its base URL and the server to stop."""
    import uvicorn

    from newsgraph.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(path), cache_size=cache_size), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=120)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench-web.db"))
    args = parser.parse_args()
    import httpx

    build(args.db, args.articles)
    pages = requests(args.db, args.requests)
    print(f"{args.articles} articles, {args.requests} requests per page (uvicorn on loopback, one client)")
    worst = 0.0
    for cache_size, label in ((0, "no cache: every request reads the store"), (256, "page cache on (the default)")):
        base, server = serve(args.db, cache_size)
        print(label)
        with httpx.Client(base_url=base, timeout=60) as client:
            for page, paths in pages.items():
                client.get(paths[0]).raise_for_status()  # warm the database's page cache, not ours
                times = []
                for path in paths:
                    start = time.perf_counter()
                    client.get(path).raise_for_status()
                    times.append((time.perf_counter() - start) * 1000)
                cuts = statistics.quantiles(times, n=100, method="inclusive")
                worst = max(worst, cuts[94])
                print(f"  {page:<14} p50 {cuts[49]:7.1f} ms   p95 {cuts[94]:7.1f} ms   max {max(times):7.1f} ms")
        server.should_exit = True
    print(f"target (p95 < {TARGET_P95_MS} ms on every page, with or without the cache): "
          f"{'met' if worst < TARGET_P95_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
