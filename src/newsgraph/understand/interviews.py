"""Interviews written as questions and answers, where the narration's "I" is not the byline's.

In a Q&A the byline's writer asks ("Do you think the rain will stop?") and the person interviewed answers
("I doubt it. We have ..."), each in paragraphs of their own, the questions often set in bold that a scraper
drops. An explainer whose subheadings are questions ("What happens next?") reads the same way, but its
questions do not speak to anyone: an interview's address the one answering ("you") and are answered in the
first person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_LABEL_WORDS = 4  # 'McKelvey:', 'Mr Malone:', 'Ada de Quill:' opening an answer: who answers
MIN_EXCHANGES = 3  # questions to "you" answered in the first person (one or two are a column's rhetoric)
_QUESTION = re.compile(r"\?[\"'”’)\]]*\s*$")
_SECOND_PERSON = re.compile(r"\byou(?:r|rs|['’](?:re|ve|d|ll))?\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Ww]e|[Oo]ur|[Ww]e['’](?:re|ve|d|ll))\b")


def is_question(text: str) -> bool:
    """A paragraph that ends with a question mark (a closing quotation mark or bracket may follow)."""
    return bool(_QUESTION.search(text))


def answer_paragraphs(texts: Sequence[str]) -> frozenset[int]:
    """The indices of the answers when the body paragraphs `texts` are an interview; none otherwise.

    An interview has at least MIN_EXCHANGES exchanges: a paragraph that asks "you" something, right before
    one that answers in the first person. Its answers are the paragraphs after its first question that ask
    nothing; the introduction before that question is the writer's."""
    exchanges = [i for i in range(len(texts) - 1) if is_question(texts[i]) and not is_question(texts[i + 1])
                 and _SECOND_PERSON.search(texts[i]) and _FIRST_PERSON.search(texts[i + 1])]
    if len(exchanges) < MIN_EXCHANGES:
        return frozenset()
    first = next(i for i, text in enumerate(texts) if is_question(text))
    return frozenset(i for i in range(first + 1, len(texts)) if not is_question(texts[i]))


_LABEL = re.compile(r"\s*([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,%d})\s*:\s+\S" % (MAX_LABEL_WORDS - 1))


def answer_label(text: str) -> tuple[int, int] | None:
    """The offsets of a name and colon opening an answer ('McKelvey: We met ...'), the name's alone; None when the
    paragraph opens otherwise."""
    m = _LABEL.match(text)
    return m.span(1) if m else None
