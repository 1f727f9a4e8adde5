"""Corrections from the buttons of a writable server, in a real headless Chromium."""

from __future__ import annotations

import re
import shutil

import pytest

from newsgraph import open_store

from .conftest import DISAGREE, screenshot, serving


@pytest.fixture(scope="module")
def writable(web_db, tmp_path_factory):
    """A writable server over a copy of the web store; its base URL."""
    copy = tmp_path_factory.mktemp("writable") / "kb.db"
    shutil.copyfile(web_db, copy)
    with open_store(str(copy)) as store:  # and two reports that disagree, so the conflicts page has some
        assert not store.ingest([str(p) for p in sorted(DISAGREE.glob("*.txt"))]).failures
    with serving(str(copy), writable=True) as url:
        yield url


@pytest.fixture
def tab(browser, writable):
    """A fresh tab on the writable server (the session's one Chromium)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=writable)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def test_rename_and_split_from_the_person_page(tab):
    tab.goto("/people")
    tab.locator("a[href^='/people/']").first.click()
    tab.wait_for_url(re.compile(r"/people/\d+$"))
    person = tab.url.rsplit("/", 1)[1]
    form = tab.locator("form.correct", has=tab.locator("input[name=action][value=rename]"))
    form.locator("input[name=name]").fill("Renamed By Hand")
    form.locator("input[name=note]").fill("checked against the register")
    form.locator("button").click()
    tab.wait_for_url(re.compile(r"/correct$"))
    assert "Correction" in tab.locator("p.done").inner_text()
    tab.locator("p.done a", has_text="Back").click()
    tab.wait_for_url(re.compile(rf"/people/{person}$"))
    assert tab.locator("h1").inner_text() == "Renamed By Hand"
    splits = tab.locator("form.correct.inline button")
    if splits.count():
        splits.first.click()
        tab.wait_for_url(re.compile(r"/correct$"))
        assert "split" in tab.locator("p.done").inner_text()
    tab.goto("/corrections")
    rows = tab.locator("table.corrections tbody tr")
    assert "renamed" in rows.first.inner_text() and "checked against the register" in rows.first.inner_text()
    screenshot(tab, "corrections")
    assert not tab.errors


def test_dismiss_from_the_conflicts_page(tab):
    tab.goto("/conflicts")
    sections = tab.locator("section.conflict")
    assert sections.count() >= 1
    title = sections.first.locator("h2").inner_text()
    assert "Why this is one fact" in sections.first.locator("p.why").inner_text()
    events = tab.locator("section.conflict p.event").all_inner_texts()  # the attack's date, the flood's toll
    assert "The event both sides are about: attack involving harrow front on 2025-03-03 / 2025-03-05" in events
    assert "The event both sides are about: death in galway on 2025-04-07" in events
    sections.first.locator("input[name=note]").fill("two different events")
    sections.first.locator("button[value=dismiss]").click()
    tab.wait_for_url(re.compile(r"/correct$"))
    tab.goto("/conflicts")
    assert title not in [t for t in tab.locator("section.conflict h2").all_inner_texts()]
