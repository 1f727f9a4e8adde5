"""Language identification: the article's own words decide, the page's declaration is a hint."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand.language import identify_language

ENGLISH_PAGE = """<html lang="de"><head><title>Harbour council votes to rebuild the pier</title></head><body><article>
<h1>Harbour council votes to rebuild the pier</h1>
<p>The harbour council voted on Tuesday to rebuild the old pier, said Mayor Lena Okafor, who called it "the heart
of the town".</p>
<p>Work will start in the spring and should take two years, the council's engineer Tomas Birke told reporters.</p>
<p>Fishermen welcomed the decision. "We have waited ten years for this," said Ada Brennan, who runs the co-op.</p>
</article></body></html>"""

PORTUGUESE_TEXT = """O conselho municipal votou pela reconstrução do velho cais

O conselho municipal votou na terça-feira pela reconstrução do velho cais, disse a presidente da câmara, Lena
Okafor, que o chamou de "coração da cidade". Quando as obras começarem, será muito importante manter o acesso.

As obras devem começar na primavera e durar dois anos, disse o engenheiro Tomas Birke aos jornalistas.
"""


def test_an_english_page_declared_german_is_read_as_english():
    article = newsgraph.extract(ENGLISH_PAGE, kind="html")
    assert article.language == "en" and article.language_confidence > 0.9
    assert "declares de" in article.evidence["language"].origin
    assert {"Lena Okafor", "Tomas Birke", "Ada Brennan"} <= {e.name for e in article.entities}
    assert article.quotes and not article.warnings


def test_another_language_keeps_its_layout_and_gets_no_invented_facts():
    article = newsgraph.extract(PORTUGUESE_TEXT, kind="text")
    assert article.language == "pt" and article.language_confidence > 0.9
    assert len(article.paragraphs) == 2 and article.headline
    assert not article.entities and not article.quotes and not article.events and not article.dates
    assert any("English only" in w for w in article.warnings)


@pytest.mark.parametrize("text, hint, want", [
    ("Too short", "fr", "fr"),  # too few letters: the declaration stands
    ("Too short", None, None),
    ("The minister said on Monday that the budget would be published before the end of the month.", "de", "en"),
    ("Der Minister sagte am Montag, dass der Haushalt vor Ende des Monats veröffentlicht werde.", "en", "de"),
])
def test_identify_language(text, hint, want):
    assert identify_language(text, hint).code == want


@pytest.mark.parametrize("text", [
    "Flood update\n\nThe storm hit Marlow late on Sunday.",
    "Football\n\nOkoro scored twice as Harbour beat Dunmere 3-1.",
    "Trade\n\nIndonesia and Malaysia signed a palm oil deal in Jakarta.",
    "Hassan Meets Novak in Vienna\n\nMinister Amira Hassan met Chancellor Jan Novak on Monday. Hassan said talks "
    "went well.",  # mostly names: a quarter of the words in lower case are function words
    "Okafor Meets Adeyemi in Lagos\n\nGovernor Chidi Okafor met Senator Bola Adeyemi on Monday. Okafor said talks "
    "went well.",  # Nigerian Pidgin to the identifier, at 0.97
])
def test_a_short_english_text_the_identifier_is_unsure_of_is_read(text):
    article = newsgraph.extract(text, kind="text")
    assert article.language == "en" and article.entities and not article.warnings, article.warnings


def test_a_short_text_in_another_language_is_not_taken_for_english():
    assert identify_language("Banjir\n\nHujan deras melanda kota itu pada hari Minggu malam.").code != "en"


@pytest.mark.parametrize("text", [
    "Police for Ikeja don arrest one man wey dem say steal di motor for market on Monday.",
    "Di Super Eagles beat Ghana for Lagos on Sunday. Dem play well well.",
])
def test_nigerian_pidgin_stays_pidgin(text):
    assert identify_language(text).code == "pcm"
