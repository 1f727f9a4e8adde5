"""The word-vector topic features of the line model's second stage (an experiment, not shipped): pure numbers."""

from __future__ import annotations

import numpy as np

from newsgraph.readers.text_lines import TOPIC_CONTEXT
from newsgraph.readers.text_topics import MISSING, topic_context


def _unit(*values: float) -> np.ndarray:
    v = np.array(values + (0.0,) * (4 - len(values)), dtype=np.float32)
    return v / np.linalg.norm(v)


def test_lines_on_the_story_topic_stand_closer_to_the_likely_body_than_a_teaser():
    story, teaser = _unit(1, 0.1), _unit(0, 0, 1)
    vectors = np.stack([_unit(0.9, 0.3), story, story, teaser, story, np.zeros(4, dtype=np.float32)])
    known = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.0])
    words = [8, 30, 25, 20, 28, 3]
    first = [0.1, 0.9, 0.8, 0.6, 0.9, 0.2]
    rows = topic_context(vectors, known, words, first)
    assert all(len(row) == len(TOPIC_CONTEXT) for row in rows)
    body = TOPIC_CONTEXT.index("t_body")
    assert rows[2][body] > 0.9 and rows[3][body] < 0.1  # the teaser is likely too, but off the topic
    assert rows[1][TOPIC_CONTEXT.index("t_title")] > 0.9  # the line above the story reads as its title
    assert rows[5][:7] == [MISSING] * 7 and rows[5][7] == 0.0  # no word with a vector
