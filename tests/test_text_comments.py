"""Comment sections in scraped text: a comments heading under a brief starts the readers' comments when they
follow it, and is only a counter when a number or the story follows it (the `comment_counter` family)."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.readers import text_rules
from newsgraph.readers.furniture import is_comment_line

BRIEF = ["Ferry fares frozen for the winter",
         "The Kelwick harbour board agreed on Monday to keep ferry fares at this year's level until March, "
         "after a petition signed by four hundred island residents."]
COMMENTS = ["Comments",
            "islandmum wrote: About time too, the spring rise was far too steep for families.",
            "Pete Varga replied: It will only go up twice as much in April, you watch.",
            "harbourwatcher wrote: Does the freeze cover the freight crossings as well?"]
STORY = [
    "The Kelwick harbour council voted on Tuesday evening to add two early ferry crossings to the winter "
    "timetable, after months of complaints from workers who commute to the mainland.",
    "Councillor Maren Oduya, who chairs the transport committee, said the extra sailings would start in "
    "November and would be paid for from the harbour's reserve fund rather than from higher fares.",
    "The ferry operator had warned in the spring that it could not staff early crossings without notice, "
    "but it told the council last week that new crew members had finished their training.",
]


def _body(lines: list[str]) -> list[str]:
    return newsgraph.extract("\n\n".join(lines) + "\n", kind="text", stages=()).paragraphs


def test_readers_comments_after_a_brief_are_not_the_story():
    assert _body(BRIEF + COMMENTS) == BRIEF[1:]


def test_a_comment_counter_under_the_headline_keeps_the_story():
    assert _body(["Harbour council approves new ferry timetable", "Comments (12)", *STORY]) == STORY
    assert _body(["Harbour council approves new ferry timetable", "Comments", *STORY]) == STORY


def test_a_counter_under_a_first_paragraph_needs_the_family():
    assert _body(BRIEF + ["Comments", *STORY]) == BRIEF[1:] + STORY  # more prose below than above
    with text_rules.switched_off("comment_counter"):
        assert _body(BRIEF + ["Comments", *STORY]) == BRIEF[1:]


@pytest.mark.parametrize("line, is_comment", [
    ("islandmum wrote: About time too.", True),
    ("Pete Varga replied: You watch.", True),
    ("@ferryfan42 commented: Great news.", True),
    ("The mayor said: the timetable is final.", False),  # 'said' heads speech, not a comment
    ("Councillor Maren Oduya said the sailings would start in November.", False),
])
def test_comment_lines(line, is_comment):
    assert is_comment_line(line) is is_comment
