"""The scraped-text dev set: the aed-dev and Zyte pages rendered to text, read by the text reader, held to the floors.

benchmarks/scraped_text.py renders every page with inscriptis, html2text
(both from the test extra) and `w3m -dump` (Debian's w3m, installed here with
apt-get when missing), reads each with the text reader alone and scores the
body with html_bench.py's Zyte metric. Renders are cached in a temporary
folder; the whole set takes about a minute and a half of CPU.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path
from script_modules import load_script

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())["scraped-text"]


def ensure_w3m() -> None:
    """Debian's w3m, installed with apt-get when missing (the tests and CI run as root)."""
    if shutil.which("w3m"):
        return
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.fail("w3m is missing and there is no apt-get to install it")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt may hold Debian's lock: wait for it
    for command in ([apt, *lock, "update", "-qq"], [apt, *lock, "install", "-y", "-qq", "w3m"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed: {done.stderr[-2000:]}")


def test_scraped_text_dev_set_meets_floors(tmp_path):
    benches = [shared_path("eval", "aed-dev"), shared_path("eval", "zyte")]
    ensure_w3m()
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scraped_text.py"), *map(str, benches),
                          "--cache", str(tmp_path), "--json"], capture_output=True, text=True, check=True,
                         timeout=1800)
    table = json.loads(out.stdout.strip().splitlines()[-1])
    for name, floors in FLOORS.items():
        if name.startswith("_"):
            continue
        for key, floor in floors.items():
            if key.endswith("_max"):
                assert table[name][key.removesuffix("_max")] <= floor, (name, key, table[name])
            else:
                assert table[name][key] >= floor, (name, key, table[name])


def _bench():
    """benchmarks/scraped_text.py as a module (a script, not part of the package)."""
    return load_script(ROOT / "benchmarks" / "scraped_text.py")


def test_a_site_is_its_registered_domain():
    bench = _bench()
    assert bench.site_of("https://www.example.com/2024/01/a-story") == "example.com"
    assert bench.site_of("https://sport.example.com/x") == "example.com"
    assert bench.site_of("http://news.example.co.uk/x") == "example.co.uk"
    assert bench.site_of("https://www.example.com.au/x") == "example.com.au"
    assert bench.site_of("") == ""


def test_the_site_split_keeps_every_site_on_one_side(tmp_path):
    bench = _bench()
    truth = {f"page{i}": {"url": f"https://{'www.' if i % 2 else 'news.'}site{i % 7}.org/story-{i}",
                          "articleBody": "A body."} for i in range(40)}
    truth["nourl"] = {"articleBody": "A body."}
    (tmp_path / "html").mkdir()
    for page_id in truth:
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(b"")
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    by_page = {side: [p for p, _, _ in bench.load_pages(tmp_path, side)] for side in ("look", "held")}
    bench.SPLIT_BY = "site"
    by_site = {side: [p for p, _, _ in bench.load_pages(tmp_path, side)] for side in ("look", "held")}
    assert sorted(by_site["look"] + by_site["held"]) == sorted(truth)
    sites = {side: {bench._SITES.get(p, p) for p in pages} for side, pages in by_site.items()}
    assert not sites["look"] & sites["held"] and len(sites["look"] | sites["held"]) == 8
    assert ("nourl" in by_site["look"]) == ("nourl" in by_page["look"])  # no URL: split by its page id
    counts = bench.split_counts(truth)
    assert sum(n for n, _ in counts.values()) == 41 and sum(s for _, s in counts.values()) == 8
    assert by_page != by_site  # the default split is by page, and differs


def test_the_article_extractor_render_is_the_title_then_the_article(harbour_html):
    bench = _bench()
    text = bench.render_trafilatura(harbour_html)
    title, _, body = text.partition("\n\n")
    assert title == "Night fire guts harbour warehouse"  # " | Harbour Times" cut off
    assert "Firefighters from three stations" in body and "All rights reserved" not in body
    assert bench.render_trafilatura("") == "\n"
    assert "trafilatura" not in bench.RENDERERS  # not a whole-page render: asked for by name


def test_the_reader_reads_an_article_extractors_render(harbour_html):
    text = _bench().render_trafilatura(harbour_html)
    paragraphs = _bench().read_body(text)
    assert paragraphs[0].startswith("Firefighters from three stations") and len(paragraphs) == 4


def test_the_article_block_render_keeps_the_block_and_its_furniture(harbour_html):
    bench = _bench()
    gold = "Firefighters from three stations battled a blaze at an old grain warehouse on the northern pier."
    text = bench.render_container(harbour_html, gold)
    assert text.startswith("Night fire guts harbour warehouse") and "Firefighters from three stations" in text
    assert "Home" not in text and "All rights reserved" not in text  # the nav and the footer are outside the block
    assert "container" in bench.GOLD_GUIDED and "container" not in bench.RENDERERS
    assert "All rights reserved" in bench.render_container(harbour_html, "")  # no gold: the whole page
    assert bench.render_container("", gold) == ""
    paragraphs = bench.read_body(text)
    assert paragraphs[0].startswith("Firefighters from three stations") and len(paragraphs) == 4
