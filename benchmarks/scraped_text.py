"""Scraped-text dev set: real pages rendered to plain text as scrapers do, read by the text reader, scored.

    python benchmarks/scraped_text.py [BENCH_DIR ...] [--renderers inscriptis,html2text,w3m]
                                      [--split all|look|held] [--split-by page|site] [--cache DIR] [--show N]
                                      [--json] [--ablate] [--digits N]

Each BENCH_DIR is in html_bench.py's layout (html/<id>.html.gz and
ground-truth.json); the default is ../shared/eval/aed-dev and
../shared/eval/zyte. Every page is rendered to plain text by each renderer,
the way a scraper that keeps the page's text leaves it:

- `inscriptis`: inscriptis.get_text with its default layout (PyPI);
- `html2text`: Markdown-ish text without links or images, unwrapped (PyPI);
- `w3m`: `w3m -dump`, a text browser's screen dump, wrapped at 80 columns (Debian).

Not in the default set, `--renderers trafilatura`: the page's title and trafilatura's article text, what a
scraper that extracts the article (rather than keeping the whole page) leaves; the reader's body against
trafilatura's own is in docs/evaluation.md. Nor is `--renderers container`: the headline and the text of the article's
block with everything inside it (captions, embeds, teasers, share lines, comment notices), what a scraper whose
selector was written for the site keeps, as the seed was kept; the block is simulated with the gold's help (the
smallest block element holding nine tenths of the gold's word 3-grams that the page holds).

Renders are cached under --cache (default $TMPDIR/newsgraph-scraped-text),
outside the repository: the pages are evaluation data and stay out of it.
The text reader alone then reads each rendered page (no spaCy), and its body
is scored against the page's gold body with html_bench.py's Zyte body metric
(imported from the benchmark's parent folder). A *leak* is a body paragraph
of three words or more of which under half the word 3-grams occur in the
gold body: page furniture (menus, teasers, share lines, footers) in the body.

`--split look|held` keeps the pages on one side of the shared dev split
(sha1 of the page id even: look), the same rule as /work/splits;
`--split-by site` (or NEWSGRAPH_SPLIT_BY=site, which scripts/train_text_lines.py
follows too) splits by the sha1 of the page's site instead, the registered
domain of its URL, so that no site has pages on both sides. `--show N`
prints the N worst pages of the chosen split with their leaks and misses.
`--ablate` prints body F1 over all renders (whole, look, held) with each of
the reader's page-dump rule families (`newsgraph.readers.text_rules`) switched
off in turn, the trained line model among them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_BENCHES = (SHARED_EVAL / "aed-dev", SHARED_EVAL / "zyte")
RENDERERS = ("inscriptis", "html2text", "w3m")
LEAK_MIN_WORDS = 3
DIGITS = 3  # decimals of the figures printed (--digits)
W3M_TIMEOUT_S = 60


def render_inscriptis(html: str) -> str:
    """inscriptis' default rendering: block layout, tables as columns, no links or images."""
    import inscriptis

    return inscriptis.get_text(html)


def render_html2text(html: str) -> str:
    """html2text's Markdown without links, images or emphasis marks, one line per paragraph."""
    import html2text

    converter = html2text.HTML2Text()
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True  # "_word_" would glue underscores to \w+ tokens
    converter.body_width = 0
    return converter.handle(html)


def render_w3m(html: str) -> str:
    """A text browser's screen dump (`w3m -dump`, 80 columns), as `curl | w3m -dump` leaves a page."""
    w3m = shutil.which("w3m")
    if w3m is None:
        raise RuntimeError("w3m is missing: apt-get install w3m")
    done = subprocess.run([w3m, "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80"],
                          input=html.encode("utf-8"), capture_output=True, timeout=W3M_TIMEOUT_S, check=True)
    return done.stdout.decode("utf-8", errors="replace")


def render_trafilatura(html: str) -> str:
    """What a scraper that keeps only the article leaves: the page's title (less a " | Site" tail), a blank line,
    and trafilatura's extraction of the article (favouring recall, tables kept, comments left out), one line a
    paragraph. Not a whole-page render: not in the default set (`--renderers trafilatura`)."""
    import lxml.html
    import trafilatura
    from lxml import etree

    try:
        title = _page_title(lxml.html.fromstring(html.encode("utf-8", "replace")))
    except (ValueError, etree.ParserError):
        title = ""
    body = trafilatura.extract(html, favor_recall=True, include_tables=True, include_comments=False) or ""
    return f"{title}\n\n{body}".strip() + "\n"


_SITE_TAIL = re.compile(r"\s+[|–—-]\s+")  # "Headline | Site", "Headline - Site"


def _page_title(tree) -> str:
    """The page's <title> less a " | Site" tail ('' without one)."""
    title = (tree.findtext(".//title") or "").strip()
    return _SITE_TAIL.split(title)[0] if title else ""


BLOCK_SHARE = 0.9  # the article's block holds this share of the gold's word 3-grams that the whole page holds
BLOCK_TAGS = ("div", "article", "section", "main", "td", "body", "form", "span")


def render_container(html: str, gold: str = "") -> str:
    """What a scraper with a selector written for the site keeps: the page's headline (its h1, else its title
    less a " | Site" tail), a blank line, and the text (inscriptis) of the article's block, with every caption,
    embed, teaser, share line and comment notice inside it. The block is simulated with the gold's help, as the
    smallest block element holding `BLOCK_SHARE` of the gold body's word 3-grams that the whole page holds: the
    gold picks the block and nothing else. Not a whole-page render: not in the default set."""
    import inscriptis
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (ValueError, etree.ParserError):
        return ""
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    head = " ".join((tree.findtext(".//h1") or "").split()) or _page_title(tree)
    gold_grams, page = _text_grams(gold), tree.text_content()
    held = len(gold_grams & _text_grams(page))
    block, size = tree, len(page)
    for element in tree.iter(*BLOCK_TAGS) if held else ():
        text = element.text_content()
        if len(text) < size and len(gold_grams & _text_grams(text)) >= BLOCK_SHARE * held:
            block, size = element, len(text)
    body = inscriptis.get_text(etree.tostring(block, encoding="unicode", method="html")).strip()
    return (body if head and head in body[:500] else f"{head}\n\n{body}".strip()) + "\n"


RENDER: dict[str, Callable[..., str]] = {"inscriptis": render_inscriptis, "html2text": render_html2text,
                                         "w3m": render_w3m, "trafilatura": render_trafilatura,
                                         "container": render_container}
GOLD_GUIDED = frozenset({"container"})  # renderers that take the page's gold body too


def renderer_version(name: str) -> str:
    """The renderer's version, so a cache made by another version is not reused."""
    if name == "container":
        return f"inscriptis-{renderer_version('inscriptis')}-block{BLOCK_SHARE}"
    if name == "w3m":
        done = subprocess.run(["w3m", "-version"], capture_output=True, text=True)
        return done.stdout.split(",")[0].strip()
    from importlib.metadata import version

    return version(name)


SPLIT_BY = os.environ.get("NEWSGRAPH_SPLIT_BY", "page")  # "site": split_of keeps each site on one side
_SITES: dict[str, str] = {}  # page id -> site, filled by load_pages
TWO_LEVEL_SUFFIXES = ("co", "com", "org", "net", "ac", "gov", "edu")  # co.uk, com.au, com.br, ...


def site_of(url: str) -> str:
    """The registered domain of a URL, lower-cased and without "www." ('' when it has no host): the last two
    labels of the host, or three under a two-letter country code's second level (bbc.co.uk, smh.com.au)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").removeprefix("www.")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def split_of(page_id: str) -> str:
    """'look' or 'held': the shared dev split (sha1 of the page id even: look); with SPLIT_BY "site"
    (NEWSGRAPH_SPLIT_BY=site), the sha1 of the page's site instead (its URL's registered domain, as load_pages
    found it; the page id when it has none), so no site has pages on both sides."""
    key = _SITES.get(page_id) or page_id if SPLIT_BY == "site" else page_id
    return "look" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "held"


def split_counts(page_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """{side: (pages, sites)} of these pages under the current split, raising when a site is on both sides."""
    sides: dict[str, set[str]] = {}
    pages: dict[str, int] = {}
    for page_id in page_ids:
        side = split_of(page_id)
        sides.setdefault(side, set()).add(_SITES.get(page_id) or page_id)
        pages[side] = pages.get(side, 0) + 1
    if SPLIT_BY == "site" and len(sides) == 2 and (both := sides["look"] & sides["held"]):
        raise AssertionError(f"sites on both sides: {sorted(both)}")
    return {side: (pages[side], len(sites)) for side, sites in sorted(sides.items())}


def html_bench():
    """The shared html_bench.py module, for its body metric."""
    path = SHARED_EVAL / "html_bench.py"
    spec = importlib.util.spec_from_file_location("html_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Page:
    bench: str
    page_id: str
    gold: str
    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)


def load_pages(bench: Path, split: str) -> list[tuple[str, Path, str]]:
    """(page id, html path, gold body) of a benchmark folder, on one side of the split or both."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for page_id in sorted(truth):
        if site := site_of(truth[page_id].get("url") or ""):
            _SITES[page_id] = site
        path = bench / "html" / f"{page_id}.html.gz"
        if path.exists() and split in ("all", split_of(page_id)):
            out.append((page_id, path, truth[page_id].get("articleBody") or ""))
    return out


def rendered(renderer: str, bench: Path, page_id: str, path: Path, cache: Path, gold: str = "") -> str:
    """The page rendered to text, from the cache when it is there."""
    folder = cache / f"{renderer}-{renderer_version_cached(renderer)}" / bench.name
    target = folder / f"{page_id}.txt"
    if target.exists():
        return target.read_text(encoding="utf-8")
    html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    text = RENDER[renderer](html, gold) if renderer in GOLD_GUIDED else RENDER[renderer](html)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return text


_VERSIONS: dict[str, str] = {}


def renderer_version_cached(name: str) -> str:
    if name not in _VERSIONS:
        _VERSIONS[name] = re.sub(r"[^\w.+-]+", "_", renderer_version(name))
    return _VERSIONS[name]


def read_body(text: str) -> list[str]:
    """The text reader's body paragraphs for one rendered page (reader only, no spaCy)."""
    import newsgraph
    from newsgraph.errors import InputError
    from newsgraph.pipeline import READER_ONLY

    try:
        return newsgraph.extract(text, kind="text", stages=READER_ONLY).paragraphs
    except InputError:
        return []


def _grams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _text_grams(text: str) -> set[tuple[str, ...]]:
    """A text's word 3-grams, lower-cased: what the leak test and the article-block render compare."""
    return _grams(re.findall(r"\w+", text.lower()), 3)


def leaks(paragraphs: Iterable[str], gold: str) -> list[str]:
    """Body paragraphs (3+ words) of which under half the word 3-grams occur in the gold body."""
    gold_grams = _text_grams(gold)
    out = []
    for p in paragraphs:
        words = re.findall(r"\w+", p.lower())
        if len(words) < LEAK_MIN_WORDS:
            continue
        grams = _grams(words, 3)
        if sum(g in gold_grams for g in grams) * 2 < len(grams):
            out.append(p)
    return out


def score(pages: list[Page], metric) -> dict:
    """Zyte body precision, recall and F1 over the pages, leak count, empty bodies."""
    truth = {k: {"articleBody": p.gold} for k, p in enumerate(pages)}
    pred = {k: {"articleBody": "\n\n".join(p.paragraphs)} for k, p in enumerate(pages)}
    m = metric(truth, pred) if pages else {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    return {"pages": len(pages), "body_f1": round(m["f1"], DIGITS), "body_precision": round(m["precision"], DIGITS),
            "body_recall": round(m["recall"], DIGITS), "leaks": sum(len(p.leaks) for p in pages),
            "empty": sum(not p.paragraphs for p in pages)}


def run(benches: Iterable[Path], renderers: Iterable[str], split: str = "all", cache: Path | None = None
        ) -> dict[str, list[Page]]:
    """Render, read and mark leaks: {renderer: pages}."""
    cache = cache or Path(tempfile.gettempdir()) / "newsgraph-scraped-text"
    out: dict[str, list[Page]] = {}
    listed = [(Path(b), *page) for b in benches for page in load_pages(Path(b), split)]
    for renderer in renderers:
        pages = []
        for bench, page_id, path, gold in listed:
            page = Page(bench.name, page_id, gold, rendered(renderer, bench, page_id, path, cache, gold))
            page.paragraphs = read_body(page.text)
            page.leaks = leaks(page.paragraphs, gold)
            pages.append(page)
        out[renderer] = pages
    return out


def report(results: dict[str, list[Page]], metric) -> dict[str, dict]:
    """Scores per renderer, per benchmark and split, and over everything."""
    table: dict[str, dict] = {}
    for renderer, pages in results.items():
        table[renderer] = score(pages, metric)
        for bench in sorted({p.bench for p in pages}):
            for part in ("look", "held"):
                chosen = [p for p in pages if p.bench == bench and split_of(p.page_id) == part]
                if chosen:
                    table[f"{renderer} {bench} {part}"] = score(chosen, metric)
    every = [p for pages in results.values() for p in pages]
    table["all"] = score(every, metric)
    for part in ("look", "held"):
        chosen = [p for p in every if split_of(p.page_id) == part]
        if chosen and len(chosen) < len(every):
            table[f"all {part}"] = score(chosen, metric)
    return table


def show(results: dict[str, list[Page]], metric, count: int) -> None:
    """The worst pages with their leaks and their missed gold text."""
    for renderer, pages in results.items():
        scored = sorted(pages, key=lambda p: score([p], metric)["body_f1"])
        for page in scored[:count]:
            s = score([page], metric)
            print(f"\n=== {renderer} {page.bench}/{page.page_id[:16]} F1 {s['body_f1']} "
                  f"P {s['body_precision']} R {s['body_recall']}")
            for leak in page.leaks:
                print(f"  LEAK {leak[:140]}")
            body = " ".join(re.findall(r"\w+", " ".join(page.paragraphs).lower()))
            for line in page.gold.split("\n"):
                w = " ".join(re.findall(r"\w+", line.lower()))
                if w and w not in body:
                    print(f"  MISS {line[:140]}")


def ablate(benches: list[Path], renderers: list[str], cache: Path | None, metric) -> None:
    """Body F1 over all renders, whole / look / held, with each rule family switched off in turn."""
    from newsgraph.readers import text_rules

    w, d = DIGITS + 3, DIGITS
    print(f"{'switched off':34} {'F1':>{w}} {'look':>{w}} {'held':>{w}} {'P':>{w}} {'R':>{w}}")
    for name in ("(none)", *text_rules.FAMILIES):
        off = () if name == "(none)" else (name,)
        with text_rules.switched_off(*off):
            table = report(run(benches, renderers, "all", cache), metric)
        a = table["all"]
        figures = (a["body_f1"], table["all look"]["body_f1"], table["all held"]["body_f1"], a["body_precision"],
                   a["body_recall"])
        print(f"{name:34} " + " ".join(f"{x:>{w}.{d}f}" for x in figures), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", type=Path, default=list(DEFAULT_BENCHES))
    parser.add_argument("--renderers", default=",".join(RENDERERS))
    parser.add_argument("--split", choices=("all", "look", "held"), default="all")
    parser.add_argument("--split-by", choices=("page", "site"), default=SPLIT_BY,
                        help="split the pages by the sha1 of their id (the shared split) or of their site")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--show", type=int, default=0, help="print the N worst pages (use with --split look)")
    parser.add_argument("--json", action="store_true", help="print the table as one JSON line")
    parser.add_argument("--ablate", action="store_true", help="F1 with each page-dump rule family switched off")
    parser.add_argument("--digits", type=int, default=DIGITS, help="decimals of the figures (4 to see small changes)")
    args = parser.parse_args(argv)
    globals()["SPLIT_BY"] = args.split_by
    globals()["DIGITS"] = args.digits
    metric = html_bench().body_metrics
    if args.ablate:
        ablate(args.benches, args.renderers.split(","), args.cache, metric)
        return 0
    start = time.perf_counter()
    results = run(args.benches, args.renderers.split(","), args.split, args.cache)
    elapsed = time.perf_counter() - start
    if args.show:
        show(results, metric, args.show)
    table = report(results, metric)
    if args.json:
        print(json.dumps(table))
        return 0
    width, d = DIGITS + 3, DIGITS
    print(f"{'renderer / set':34} {'pages':>5} {'F1':>{width}} {'P':>{width}} {'R':>{width}} {'leaks':>6} {'empty':>6}")
    for name, s in table.items():
        print(f"{name:34} {s['pages']:>5} {s['body_f1']:>{width}.{d}f} {s['body_precision']:>{width}.{d}f} "
              f"{s['body_recall']:>{width}.{d}f} {s['leaks']:>6} {s['empty']:>6}")
    print(f"({elapsed:.1f} s, renders cached)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
