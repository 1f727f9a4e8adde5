"""Fixtures for the web tests: a small store, the app served on loopback, and Debian's Chromium.

The store holds the seed article (when ../shared is present), the articles
of tests/fixtures/web (one person across three outlets, a near-duplicate)
and a hostile record whose strings are HTML and script, which the pages
must show as text.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsgraph.model import Article, Entity, Media, Quote, Removed, Span

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
WEB_FIXTURES = TESTS / "fixtures" / "web"
DISAGREE = TESTS / "fixtures" / "kb_disagree"  # two reports of one flood that disagree: conflicts to show
SEED = ROOT.parent / "shared" / "seed"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
README_SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_ID = "bad0bad0bad0bad0"


def hostile_article() -> Article:
    """A record whose headline, quote, speaker, picture and furniture hold markup and script."""
    paragraphs = [f"Councillor Mallory Vance said the {SCRIPT} tag was never part of the plan.",
                  f"“Nobody should type {IMG} into a form,” Vance said on Tuesday."]
    text = f"Council rejects {SCRIPT} plan\n\n" + "\n\n".join(paragraphs)
    spans, at = [], len(f"Council rejects {SCRIPT} plan\n\n")
    for p in paragraphs:
        spans.append(Span(start=at, end=at + len(p), text=p))
        at += len(p) + 2
    name_at = text.index("Mallory Vance")
    quote_text = f"Nobody should type {IMG} into a form,"
    quote_at = text.index(quote_text)
    return Article(
        id=HOSTILE_ID, source="hostile.txt", input_kind="text", url="javascript:alert(1)",
        headline=f"Council rejects {SCRIPT} plan", subheadline=f"A deck with {IMG} in it",
        published="2025-10-20T09:00", authors=[f"Eve {IMG}"], site_name=f"Site {SCRIPT}", text=text,
        paragraphs=paragraphs, paragraph_spans=spans,
        media=[Media(alt=f"alt {IMG}", caption=f"caption {SCRIPT}", credit=f"credit {IMG}",
                     src="javascript:alert(1)")],
        removed=[Removed(text=f"Share {SCRIPT}", reason="share")],
        entities=[Entity(id="e1", type="person", name="Mallory Vance", titles=["Councillor"],
                         mentions=[Span(start=name_at, end=name_at + 13, text="Mallory Vance"),
                                   Span(start=text.index("Vance said"), end=text.index("Vance said") + 5,
                                        text="Vance")])],
        quotes=[Quote(id="q1", kind="direct", text=quote_text, start=quote_at, end=quote_at + len(quote_text),
                      speaker="e1", speaker_name="Vance")],
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """A SQLite store of the web fixtures (and the seed article), plus the hostile record."""
    from newsgraph import open_store

    path = build_store(tmp_path_factory.mktemp("web") / "web.db", [*SEED.glob("*.txt"), *WEB_FIXTURES.glob("*.txt")])
    with open_store(path) as store:
        assert store.add_article(hostile_article()) == "added"
    return path


def build_store(path: Path, inputs) -> str:
    """A SQLite store of these files at `path`, every one ingested; its path."""
    from newsgraph import open_store

    # relative sources read better on the pages (and in the screenshots) than a temporary path
    with open_store(str(path)) as store:
        report = store.ingest([os.path.relpath(p) for p in sorted(inputs)])
        assert not report.failures, report.failures
    return str(path)


@contextmanager
def serving(db_path: str, writable: bool = False) -> Iterator[str]:
    """The app over a store (read-only unless `writable`), served by uvicorn on a free loopback port; its URL."""
    import uvicorn

    from newsgraph.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db_path, writable=writable), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def server(web_db):
    """The app over `web_db`; its base URL."""
    with serving(web_db) as url:
        yield url


def _client(base_url: str):
    import httpx

    return httpx.Client(base_url=base_url, timeout=30)


@pytest.fixture(scope="session")
def http(server):
    """An HTTP client for the served app."""
    with _client(server) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_server(tmp_path_factory):
    """The app over a store of text written here only (tests/fixtures/web, the two flood reports that
    disagree and samples/, never the seed): what the screenshots in docs/screenshots show. Its base URL."""
    path = build_store(tmp_path_factory.mktemp("corpus") / "corpus.db",
                       [*WEB_FIXTURES.glob("*.txt"), *DISAGREE.glob("*.txt"), *(ROOT / "samples").iterdir()])
    with serving(path) as url:
        yield url


@pytest.fixture(scope="session")
def corpus_http(corpus_server):
    """An HTTP client for `corpus_server`."""
    with _client(corpus_server) as client:
        yield client


@pytest.fixture
def corpus_page(browser, corpus_server):
    """A fresh 1280 px tab on `corpus_server` (see `page`)."""
    with new_tab(browser, corpus_server, 1280) as tab:
        yield tab


def ensure_chromium() -> str:
    """Debian's chromium, installed with apt-get when it is missing (the tests and CI run as root)."""
    if not Path(CHROMIUM).exists():
        apt = shutil.which("apt-get")
        if apt is None:
            pytest.fail(f"{CHROMIUM} is missing and there is no apt-get to install it")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt may hold Debian's lock: wait for it
        for command in ([apt, *lock, "update", "-qq"], [apt, *lock, "install", "-y", "-qq", "chromium"]):
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                pytest.fail(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session, driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextmanager
def new_tab(browser, base_url: str, width: int):
    """A fresh tab that records every dialog a script opens and every page error."""
    context = browser.new_context(viewport={"width": width, "height": 900}, base_url=base_url)
    tab = context.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture
def page(browser, server):
    """A fresh tab 1200 px wide on `server`."""
    with new_tab(browser, server, 1200) as tab:
        yield tab


def screenshot(tab, name: str, full_page: bool = True, readme: bool = False) -> Path:
    """Keep a screenshot in artifacts/screenshots; README ones also go to docs/screenshots when asked.

    The README's pictures are replaced only when missing or with NEWSGRAPH_README_SCREENSHOTS=1, so an
    ordinary test run leaves the committed files alone.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    target = README_SCREENSHOTS / f"{name}.png"
    if readme and (not target.exists() or os.environ.get("NEWSGRAPH_README_SCREENSHOTS") == "1"):
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return path


WIDTHS = (1280, 400)


def screenshot_widths(browser, base_url: str, name: str, path: str) -> dict[int, int]:
    """The page at 1280 and 400 px wide: screenshots in artifacts/screenshots and, when missing or with
    NEWSGRAPH_README_SCREENSHOTS=1, in docs/screenshots (NAME-1280.png, NAME-400.png); the document's width
    at each, which must not exceed the window's (nothing spills sideways)."""
    widths = {}
    for width in WIDTHS:
        with new_tab(browser, base_url, width) as tab:
            tab.goto(path)
            widths[width] = tab.evaluate("document.documentElement.scrollWidth")
            screenshot(tab, f"{name}-{width}", full_page=True, readme=True)
            assert not tab.errors, tab.errors
    return widths
