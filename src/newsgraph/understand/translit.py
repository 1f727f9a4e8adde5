"""Matching names across scripts by their consonant skeletons.

A name in Hebrew, Arabic or Cyrillic script is romanised letter by letter
(a rough, many-to-one mapping), and both it and the Latin form are reduced
to a skeleton: consonant classes with vowels and the weak letters that
scripts write differently (w/v/b, y, glottal stops) left out. "איתמר אלוס"
and "Itamar Alus" both become "tmr ls". The letter maps are general; no
name table is involved.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HEBREW = {
    "א": "", "ב": "v", "ג": "g", "ד": "d", "ה": "h", "ו": "v", "ז": "z", "ח": "ch", "ט": "t", "י": "y", "כ": "ch", "ך": "ch",
    "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "ע": "", "פ": "f", "ף": "f", "צ": "tz", "ץ": "tz", "ק": "k",
    "ר": "r", "ש": "sh", "ת": "t",
}
_ARABIC = {
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ؤ": "", "ئ": "", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "", "ة": "",
}
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye",
    "ґ": "g",
}
_LETTERS = {**_HEBREW, **_ARABIC, **_CYRILLIC}
_WORD_INITIAL = {"כ": "k", "ב": "b", "פ": "p"}
_DIGRAPHS = [("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("tz", "c"), ("ts", "c"), ("kh", "h"), ("ch", "h"),
             ("ph", "f"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ck", "k")]
_SINGLE = str.maketrans({"q": "k", "c": "k", "x": "k", "j": "g", "b": "v", "p": "f", "w": "v"})
ABBREVIATION = re.compile(r"[\"״׳'’]")


def romanise(text: str) -> str:
    """A rough Latin rendering of Hebrew, Arabic or Cyrillic letters (others kept)."""
    return "".join(_LETTERS.get(ch, ch) for ch in text.lower())


@lru_cache(maxsize=16384)  # names share words: a thousand people may have fifty given names
def skeleton(word: str) -> str:
    """The consonant skeleton of one word in any of the supported scripts."""
    if any(ch in _LETTERS for ch in word.lower()):
        # romanise letter by letter so that digraphs never form across two letters (ש+ח is not "shch");
        # a Hebrew word's first kaf is k ("כהן", Cohen), later ones kh
        letters = [_WORD_INITIAL.get(ch, _LETTERS.get(ch, ch)) if i == 0 else _LETTERS.get(ch, ch)
                   for i, ch in enumerate(word.lower())]
        return _reduce("".join(_classes(letter) for letter in letters))
    word = unicodedata.normalize("NFKD", word.lower())
    return _reduce(_classes("".join(ch for ch in word if ch.isascii() and ch.isalpha())))


def _classes(word: str) -> str:
    out = []
    i = 0
    while i < len(word):
        for digraph, cls in _DIGRAPHS:
            if word.startswith(digraph, i):
                out.append("C" if cls == "c" else cls)  # tz/ts: keep apart from c -> k
                i += len(digraph)
                break
        else:
            out.append(word[i].translate(_SINGLE))
            i += 1
    return "".join(out).lower()


def _reduce(letters: str) -> str:
    letters = re.sub(r"[aeiouyv]", "", letters)
    letters = re.sub(r"(.)\1+", r"\1", letters)
    return letters.rstrip("h") if len(letters) > 1 else letters


def name_skeletons(text: str) -> list[str]:
    """Skeletons of the words of a name, leaving out abbreviations such as ranks (רס"מ)."""
    return [s for w in text.split() if not ABBREVIATION.search(w) for s in [skeleton(w)] if s]


def same_name(other_script: str, latin_name: str) -> bool:
    """Whether a name in another script spells the Latin name (every word, in order)."""
    theirs, ours = name_skeletons(other_script), name_skeletons(latin_name)
    if not ours or not theirs or len(ours) > len(theirs):
        return False
    if len(ours) == 1 and len(ours[0]) < 3:
        return False
    return any(theirs[i:i + len(ours)] == ours for i in range(len(theirs) - len(ours) + 1))
