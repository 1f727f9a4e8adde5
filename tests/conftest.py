"""Shared test fixtures: paths to the shared evaluation material and sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

HARBOUR_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Night fire guts harbour warehouse | Harbour Times</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night fire guts harbour warehouse</h1>
<p>Firefighters from three stations battled a blaze at an old grain warehouse on the northern pier for most of Tuesday night.</p>
<p>The fire service said two crews were sent from the coastal station and a third arrived from the industrial zone shortly after midnight.</p>
<p>No one was hurt, but the roof of the listed building collapsed before the flames were brought under control at dawn.</p>
<p>Investigators will examine the site on Wednesday, a spokeswoman for the fire service said.</p>
</article><footer>All rights reserved</footer></body></html>
"""


@pytest.fixture
def harbour_html() -> str:
    return HARBOUR_HTML


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path
