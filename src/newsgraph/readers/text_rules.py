"""The scraped-text reader's page-dump rule families, each behind a named switch (for the ablation).

`benchmarks/scraped_text.py --ablate` prints the dev figures with each one
switched off. Switch families off for a run with the environment variable
`NEWSGRAPH_TEXT_RULES_OFF` (comma-separated names), or in Python with `switched_off(...)`.
"""

from __future__ import annotations

from ..switches import RuleSwitches

FAMILIES: dict[str, str] = {
    "region": "a page dump's story is its densest stretch of prose (text_region); lines outside it are furniture",
    "line_model": "in a page dump, the trained line model (text_lines) judges every free line body or not",
    "boxes": "teaser lists under a 'More from' heading and small blocks holding a promo box are furniture",
    "repeats": "a line repeating the headline or an earlier long line is a duplicate",
    "comment_counter": ("a comments heading under less than a story's worth of prose is the story's comment counter "
                        "when it carries a number or more prose follows it than precedes it, unless a reader's "
                        "comment ('NAME wrote:') follows it"),
    "tail_dump": "a text with many free lines after its story (teasers, menus) is a page dump, read as one",
    "relative_threshold": ("the line model's bar drops to 0.7 of its likeliest line's probability when that is lower: "
                           "on a page where the model is unsure of every line, lines nearly as likely as its best "
                           "are body too"),
    "inner_headings": ("in a page dump, a short title line (no sentence end, list mark, credit slash, bracket or "
                       "'Label:') between two free lines the line model keeps is a subheading of the story"),
    "footer": "short non-sentences after the last paragraph are the footer",
}
"""Every switchable family, by name, with what it does."""

TEXT_RULES = RuleSwitches(FAMILIES, "NEWSGRAPH_TEXT_RULES_OFF", "text")
enabled = TEXT_RULES.enabled
switched_off = TEXT_RULES.off
