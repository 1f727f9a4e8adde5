"""The samples in samples/ come out right on the points a new user saw go wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def samples() -> dict[str, newsgraph.Article]:
    return {p.name: newsgraph.extract(p) for p in sorted(SAMPLES.iterdir())}


def test_a_standfirst_is_the_deck_and_not_also_the_first_paragraph(samples):
    for name, article in samples.items():
        assert not article.subheadline or article.paragraphs[0] != article.subheadline, name
    westmarch = samples["westmarch-chronicle-cathedral-dean.html"]
    assert westmarch.subheadline and westmarch.paragraphs[0].startswith("The Very Rev Helen Marsh was installed")
    assert [r.reason for r in westmarch.removed].count("deck") == 1


@pytest.mark.parametrize("name", ["coastal-herald-lifeguard-rescue.html", "westmarch-chronicle-cathedral-dean.html"])
def test_the_footer_copyright_line_is_no_picture(samples, name):
    article = samples[name]
    assert len(article.media) == 1 and article.media[0].caption and article.media[0].credit
    assert not any("rights reserved" in (m.credit or "").lower() for m in article.media)


def test_no_quote_goes_to_the_reporter_of_the_byline(samples):
    for name, article in samples.items():
        reporters = {a.lower() for a in article.authors}
        assert not [q.text for q in article.quotes if (q.speaker_name or "").lower() in reporters], name
