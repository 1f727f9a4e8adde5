"""The title normaliser (newsgraph.understand.titles): table-driven."""

import pytest

from newsgraph.understand.titles import canonical_title, compare_titles, is_honorific, is_rank, titles_agree


@pytest.mark.parametrize("written, canonical", [
    ("Lt.-Col.", "lieutenant colonel"),
    ("Lt. Col.", "lieutenant colonel"),
    ("Lieutenant-Colonel", "lieutenant colonel"),
    ("Maj.-Gen.", "major general"),
    ("Brig. Gen.", "brigadier general"),
    ("Command Sgt. Maj.", "command sergeant major"),
    ("Sen.", "senator"),
    ("Rep.", "representative"),
    ("Congresswoman", "representative"),
    ("Gov.", "governor"),
    ("former Gov.", "governor"),
    ("the Rev.", "reverend"),
    ("Chief of General Staff", "chief of general staff"),
    ("U.S. Secretary of State", "us secretary of state"),
    ("United States Secretary of State", "us secretary of state"),
    ("Defence Minister", "defense minister"),
    ("Chairwoman", "chair"),
    ("Councilmember", "councilor"),
    ("Assemblywoman", "assembly member"),
    ("Alderwoman", "alderman"),
    ("Secretary-General", "secretary general"),
    ("Tanaiste", "tánaiste"),  # written without the accent, as many Irish pages do
    ("Det. Sgt.", "detective sergeant"),
    ("Det Ch Insp", "detective chief inspector"),
    ("Asst Ch Con", "assistant chief constable"),
    ("Cllr", "councilor"),
    ("Mr.", None),
    ("Mrs", None),
    ("Ms.", None),
    ("Dr.", None),
    ("Sir", None),
    ("", None),
])
def test_canonical_title(written, canonical):
    assert canonical_title(written) == canonical


@pytest.mark.parametrize("a, b, agree", [
    ("Sen.", "Senator", True),
    ("Lt.-Col.", "Lieutenant Colonel", True),
    ("Maj.-Gen.", "Major General", True),
    ("US Secretary of State", "Secretary of State", True),
    ("Secretary of State", "U.S. Secretary of State", True),
    ("Israel Police Commissioner", "Commissioner", True),
    ("Police Chief", "Chief of Police", True),
    ("Defence Minister", "Minister of Defense", True),
    ("Foreign Minister", "Minister", True),
    ("former President", "President", True),
    ("Rep.", "Congressman", True),
    ("L.A. Superior Court Judge", "LA Superior Court Judge", True),  # initials, not an abbreviated title word
    ("Superior Court Judge", "L.A. Superior Court Judge", True),
    ("CHP Officer", "California Highway Patrol Officer", True),  # a body's initials
    ("CHP Officer", "California Police Officer", False),
    ("Deputy Secretary of State", "Secretary of State", False),
    ("Vice President", "President", False),
    ("Lieutenant Colonel", "Colonel", False),
    ("Major General", "General", False),
    ("Sergeant Major", "Major", False),
    ("Prime Minister", "Minister", False),
    ("Chief of General Staff", "Chief of Staff", False),
    ("Senator", "Governor", False),
    ("Mr.", "Mr.", False),
])
def test_titles_agree(a, b, agree):
    assert titles_agree(a, b) is agree
    assert titles_agree(b, a) is agree


@pytest.mark.parametrize("word, honorific", [
    ("Mr.", True), ("Mrs", True), ("Ms.", True), ("Dr.", True), ("Sir", True), ("Mr", True),
    ("Sen.", False), ("Rabbi", False), ("General", False), ("Professor", False),
])
def test_is_honorific(word, honorific):
    assert is_honorific(word) is honorific


@pytest.mark.parametrize("title, rank", [
    ("Lt.-Col.", True), ("Sgt.", True), ("Major General", True), ("Senator", False), ("Rabbi", False),
])
def test_is_rank(title, rank):
    assert is_rank(title) is rank


def test_several_titles_held_at_once_are_no_contradiction():
    found = compare_titles(["Senator", "Chairman of the Armed Services Committee"], ["Sen."])
    assert found.shared == [("Senator", "Sen.")]
    assert found.only_a == ["Chairman of the Armed Services Committee"]
    assert found.compatible


def test_ranks_that_share_nothing_are_incompatible():
    assert not compare_titles(["Colonel"], ["Major General"]).compatible
    assert compare_titles(["Col.", "Commander"], ["Colonel"]).compatible
    assert compare_titles(["Mr."], ["Senator"]).compatible  # an honorific is no title at all
