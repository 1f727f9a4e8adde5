"""The language stage: which language the article is written in, from its own words.

py3langid (a Naive Bayes identifier over byte n-grams, 97 languages, its model shipped inside the
package; BSD licence) reads the headline and the start of the body. Its calibrated probability is the
confidence. What the page declares (`html[lang]`, `og:locale`) is only a hint: it decides only when the
identifier is unsure, so an English page tagged `lang="de"` is still read as English. When the identifier is
unsure and the page declares nothing (a paragraph or two of pasted text: "The storm hit Manila late on Sunday."
was Indonesian at 0.40, a sentence of a football report Nigerian Pidgin at 0.25), English function words decide:
a text whose words are a sixth or more "the", "of", "and", "said" and the like (or whose words in lower case are a
quarter or more such words) is English. Nigerian Pidgin is the identifier's answer for much English news full of
Nigerian names, however sure it is; such a text is English when its function words are and it writes no two of
Pidgin's own ("di", "dey", "wey", ...).

The stages after this one (parse, entities, quotes, dates, events, claims) understand English only.
For an article in another language they add nothing, and `Article.warnings` says so; layout and
metadata are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Evidence
from ..pipeline import Document

STAGE = "language"
SAMPLE_CHARS = 1200  # enough for a confident guess; longer texts only cost time
MIN_CONFIDENCE = 0.6  # below this, the page's own declaration (if any) wins
MIN_LETTERS = 20  # fewer letters than this: too little text to tell
ENGLISH = "en"
FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "in", "on", "for", "with", "by", "at", "from", "that", "is", "was", "were", "are", "be",
    "been", "has", "had", "have", "will", "would", "said", "says", "his", "her", "he", "she", "they", "their", "it",
    "its", "this", "after", "over", "who", "which", "an", "as", "but", "not", "than", "into"})
FUNCTION_SHARE = 1 / 6  # of an unsure text's words, for it to read as English
# Nigerian Pidgin, which py3langid also gives English news full of Nigerian names ("Governor ... met Senator ... on
# Monday" at 0.97): its own function words, two of which keep a text Pidgin (our list; not "don" or "im", an English
# name and a word of English too)
PIDGIN = "pcm"
PIDGIN_WORDS = frozenset({"di", "dey", "wey", "wetin", "pikin", "tok", "dis", "dat", "dia", "una", "kain", "sabi",
                          "abi", "na", "dem", "happun", "wahala", "comot", "oya"})
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?:'[a-z]+)?(?![^\W\d_])")  # an ASCII word written in lower case
LOWER_FUNCTION_SHARE = 1 / 4  # of those, for a short text of names to read as English


@dataclass(frozen=True)
class LanguageGuess:
    """A language (ISO 639-1), how sure we are (0..1), and where it came from."""

    code: str | None
    confidence: float | None
    origin: str


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str, hint: str | None = None) -> LanguageGuess:
    """The language of `text`; `hint` (what the page declares) decides only when the identifier is unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return LanguageGuess(hint, None, "declared by the page") if hint else LanguageGuess(None, None, "too short")
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE and hint:
        return LanguageGuess(hint, round(confidence, 3), f"declared by the page (py3langid unsure: {code})")
    english = code != ENGLISH and (confidence < MIN_CONFIDENCE or code == PIDGIN) and _reads_as_english(sample)
    if confidence < MIN_CONFIDENCE and english:
        return LanguageGuess(ENGLISH, round(confidence, 3), f"English function words (py3langid unsure: {code})")
    if code == PIDGIN and not hint and english and not _pidgin_words(sample):
        return LanguageGuess(ENGLISH, round(confidence, 3), "English function words and no Pidgin ones (py3langid: "
                                                            f"pcm at {confidence:.2f})")
    origin = "py3langid" if not hint or hint == code else f"py3langid (the page declares {hint})"
    return LanguageGuess(code, round(confidence, 3), origin)


def _reads_as_english(text: str) -> bool:
    """Whether two or more different English function words make a sixth or more of the text's words, or a
    quarter or more of the words it writes in lower case: a short item full of names ("Chancellor Angela Merkel
    met President Vladimir Putin on Monday") has few words but names."""
    words = WORD.findall(text.lower())
    found = [w for w in words if w in FUNCTION_WORDS]
    if len(set(found)) < 2:
        return False
    lower = LOWER_WORD.findall(text)
    return len(found) >= FUNCTION_SHARE * len(words) or \
        bool(lower) and sum(w in FUNCTION_WORDS for w in lower) >= LOWER_FUNCTION_SHARE * len(lower)


def _pidgin_words(text: str) -> bool:
    """Whether two or more different Pidgin function words are written."""
    return len(PIDGIN_WORDS.intersection(WORD.findall(text.lower()))) >= 2  # 'Di' and 'Dem' open sentences


def is_english(doc: Document) -> bool:
    """Whether the English-only stages should read this article (unknown language: they do)."""
    return doc.article is None or doc.article.language in (None, ENGLISH)


def detect_language(doc: Document) -> Document:
    """Stage entry: set `Article.language` and its confidence; warn when the English-only stages will not run."""
    article = doc.article
    hint = article.language
    sample = "\n\n".join(x for x in (article.headline, article.subheadline, *article.paragraphs) if x)
    guess = identify_language(sample, hint)
    article.language, article.language_confidence = guess.code, guess.confidence
    article.evidence["language"] = Evidence(stage=STAGE, origin=guess.origin)
    if not is_english(doc):
        article.warnings.append(f"language {guess.code} ({guess.origin}): newsgraph understands English only, "
                                "so this article has no entities, quotes, dates, events or claims")
    return doc
