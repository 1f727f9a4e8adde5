"""The quote rule families on top of the cue vocabulary, each behind a named switch.

Every family must pay for itself on real annotated news (PolNeAR dev, look and held parts);
`benchmarks/quote_ablation.py` prints the figures with each one switched off. Switch families off
for a run with the environment variable `NEWSGRAPH_QUOTE_RULES_OFF` (comma-separated names), or in
Python with `QUOTE_RULES.off(...)`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

FAMILIES: dict[str, str] = {
    "addressee": "a request's addressee belongs to its content ('urged [voters to stay home]')",
    "dateline_apposition": "a dateline subject gives way to its apposition ('BOSTON -- Mayor X, ..., said')",
    "label_string": "three or more quoted labels in one view stay one mixed quote "
                    "('a “liar,” a “bully” and a ...')",
    "headline_label": "in a headline, a short capitalised name or noun before a colon speaks ('Sanders: ...')",
    "topic": "a report's topic after 'about' or 'on' is its content ('spoke [about the shooting]')",
    "named_object": "a one-word name is a view's whole object ('endorses [Clinton]')",
    "state_adjectives": "a state of mind reports what it holds ('Democrats are worried [that ...]', "
                        "'is determined [to ...]')",
    "issuer": "a gerund on a statement or event noun speaks for who issued or held it "
              "('the council issued a statement calling ...')",
}
"""Every switchable family, by name, with what it does."""


class Switches:
    """Which families are on: all but those named in an environment variable or switched off for a block."""

    def __init__(self, families: dict[str, str], variable: str):
        self.families = families
        self._off = {n.strip() for n in os.environ.get(variable, "").split(",") if n.strip()}

    def __call__(self, name: str) -> bool:
        """Whether the family `name` runs."""
        if name not in self.families:
            raise KeyError(f"no quote rule family named {name!r}")
        return name not in self._off

    @contextmanager
    def off(self, *names: str) -> Iterator[None]:
        """Run the block with the named families switched off (for ablations)."""
        for name in names:
            self(name)  # unknown names fail here
        before = set(self._off)
        self._off |= set(names)
        try:
            yield
        finally:
            self._off = before


QUOTE_RULES = Switches(FAMILIES, "NEWSGRAPH_QUOTE_RULES_OFF")
enabled = QUOTE_RULES
