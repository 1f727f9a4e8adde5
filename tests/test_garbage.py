"""The collector's pacing during batch work: set inside the block, put back after, shared by overlapping blocks."""

import gc
import threading

import pytest

from newsgraph.garbage import BATCH_THRESHOLD, batch_pace


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_threshold_is_raised_inside_and_put_back_after_an_error(thresholds):
    with pytest.raises(RuntimeError):
        with batch_pace():
            assert gc.get_threshold() == (BATCH_THRESHOLD, 10, 10)
            raise RuntimeError("a record failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_blocks_put_back_what_was_there_before_the_first(thresholds):
    inside, leave = threading.Event(), threading.Event()

    def other_ingest():
        with batch_pace():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other_ingest)
    worker.start()
    inside.wait(5)
    with batch_pace():  # entered while the other block runs, left before it ends
        pass
    assert gc.get_threshold()[0] == BATCH_THRESHOLD  # the other block still runs paced
    leave.set()
    worker.join(5)
    assert gc.get_threshold() == (700, 10, 10)


def test_automatic_collection_switched_off_stays_off(thresholds):
    gc.set_threshold(0)
    with batch_pace():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0
