"""Search terms for both backends, made by one tokenizer: SQLite FTS5's.

SQLite indexes headline, deck and body with FTS5 (`TOKENIZE`). So that
PostgreSQL matches exactly the same words, it does not tokenize or stem
at all: the store runs each article through an in-memory FTS5 table with
the same tokenizer and writes the terms it makes as a tsvector literal,
each term weighted by the fields it occurs in (headline A, deck B, body
C). Queries go through the same table. Words, stems, diacritics, digits
and scripts are therefore the same on both sides, and `search_sql` can
rank by where the terms occur, which both backends can tell alike.

Only the weights are kept, not word positions: nothing here searches for
phrases, and it keeps the tsvector small.
"""

from __future__ import annotations

import sqlite3
import threading
from functools import cache

TOKENIZE = "porter unicode61 remove_diacritics 2"  # as in the articles_fts table (schema.full_text)
WORDS = "unicode61 remove_diacritics 2"  # the same words, not stemmed
FIELDS = ("headline", "subheadline", "body")
WEIGHTS = {"headline": "A", "subheadline": "B", "body": "C"}
MAX_LEXEME_BYTES = 2047  # PostgreSQL refuses longer words in a tsvector


class Tokenizer:
    """An in-memory FTS5 index used only to turn text into the words and terms the store indexes."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self.conn.execute(f"CREATE VIRTUAL TABLE terms USING fts5({', '.join(FIELDS)}, tokenize='{TOKENIZE}', "
                          "content='', detail=column)")
        self.conn.execute("CREATE VIRTUAL TABLE terms_vocab USING fts5vocab(terms, 'instance')")
        self.conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(text, tokenize='{WORDS}', content='')")
        self.conn.execute("CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, 'instance')")
        self.lock = threading.Lock()  # one scratch index, shared by the threads of a web server

    def fields(self, headline: str | None, subheadline: str | None, body: str | None) -> dict[str, set[str]]:
        """Each term of an article and the fields it occurs in."""
        with self.lock:
            self.conn.execute("INSERT INTO terms (rowid, headline, subheadline, body) VALUES (1, ?, ?, ?)",
                              (headline, subheadline, body))
            rows = self.conn.execute("SELECT DISTINCT term, col FROM terms_vocab").fetchall()
            self.conn.execute("INSERT INTO terms (terms) VALUES ('delete-all')")
        out: dict[str, set[str]] = {}
        for term, column in rows:
            out.setdefault(term, set()).add(column)
        return out

    def words(self, text: str) -> list[str]:
        """The words of a text in order, folded as the index folds them (case, diacritics), not stemmed."""
        with self.lock:
            self.conn.execute("INSERT INTO words (rowid, text) VALUES (1, ?)", (text,))
            rows = self.conn.execute("SELECT term FROM words_vocab ORDER BY offset").fetchall()
            self.conn.execute("INSERT INTO words (words) VALUES ('delete-all')")
        return [term for (term,) in rows]

    def stems(self, words: list[str]) -> list[str]:
        """The index term of each word (the words of `words`, one each)."""
        if not words:
            return []
        with self.lock:
            self.conn.executemany("INSERT INTO terms (rowid, body) VALUES (?, ?)", enumerate(words, 1))
            rows = dict(self.conn.execute("SELECT doc, term FROM terms_vocab").fetchall())
            self.conn.execute("INSERT INTO terms (terms) VALUES ('delete-all')")
        return [rows[i] for i in range(1, len(words) + 1)]


@cache
def tokenizer() -> Tokenizer:
    """The process's one scratch index."""
    return Tokenizer()


def _quoted(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(headline: str | None, subheadline: str | None, body: str | None) -> str:
    """An article's terms as a PostgreSQL tsvector literal: `'term':1A,3C ...` (positions stand for fields)."""
    parts = []
    for term, fields in sorted(tokenizer().fields(headline, subheadline, body).items()):
        if len(term.encode()) > MAX_LEXEME_BYTES:
            continue
        marks = ",".join(f"{i}{WEIGHTS[f]}" for i, f in enumerate(FIELDS, 1) if f in fields)
        parts.append(f"{_quoted(term)}:{marks}")
    return " ".join(parts)


def tsquery(terms: list[str], suffix: str = "", operator: str = "&") -> str:
    """Index terms as a PostgreSQL tsquery literal; `suffix` is ':A' (weight) or ':*' (prefix)."""
    return f" {operator} ".join(_quoted(t) + suffix for t in terms)
