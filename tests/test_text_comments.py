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
    "Volunteers at the Kelwick lifeboat station spent the weekend repainting the slipway and the boathouse doors, "
    "the first full refit of the building since the new boat arrived nine years ago.",
    "The station's coxswain thanked the painters, two local firms and the schoolchildren who raised money for the "
    "paint with a sponsored swim across the harbour in the summer holidays.",
    "The crew will hold an open day next month so that residents can see the work and the boat, and the station "
    "hopes to sign up new members for the shore team at the same time.",
]


def _body(lines: list[str]) -> list[str]:
    return newsgraph.extract("\n\n".join(lines) + "\n", kind="text", stages=()).paragraphs


def test_readers_comments_after_a_brief_are_not_the_story():
    assert _body(BRIEF + COMMENTS) == BRIEF[1:]


def test_a_comment_counter_under_the_headline_keeps_the_story():
    assert _body(["Lifeboat station gets a fresh coat", "Comments (12)", *STORY]) == STORY
    assert _body(["Lifeboat station gets a fresh coat", "Comments", *STORY]) == STORY


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
