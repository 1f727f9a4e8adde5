"""Names listed together are of one kind (`understand/name_lists.py`: `list_types`, `list_splits`)."""

import pytest

import newsgraph
from newsgraph.understand import rules


def _typed(sentence: str) -> dict[str, str]:
    text = ("Market notes\n\nA short opening line for the story.\n" + sentence +
            "\nMore details will follow later this week.\n")
    return {e.name: e.type for e in newsgraph.extract(text).entities}


def test_a_list_of_companies_types_its_odd_member_a_company():
    sentence = "The contracts went to Astrobotic, Masten Space Systems, Intuitive Machines and Firefly Aerospace."
    assert _typed(sentence)["Astrobotic"] == "organization"  # the model's place
    with rules.switched_off("list_types"):
        assert _typed(sentence)["Astrobotic"] == "place"


@pytest.mark.parametrize("sentence, names", [
    ("The brand sits beside labels such as Vetements, Balenciaga, Diesel and Prada this year.",
     {"Vetements", "Balenciaga"}),
    ("Shoppers will find the new drink at Walgreens, Target, Kroger and Safeway from next month.",
     {"Walgreens", "Target"}),
])
def test_two_listed_names_the_model_took_for_one_are_two(sentence, names):
    typed = _typed(sentence)
    assert names <= set(typed) and all(typed[n] == "organization" for n in names), typed
    with rules.switched_off("list_splits"):
        assert ", ".join(sorted(names, key=sentence.index)) in _typed(sentence)


def test_a_name_with_a_designator_an_ampersand_or_a_campus_after_its_comma_stays_whole():
    from types import SimpleNamespace

    from newsgraph.understand.name_lists import split_listed

    text = "Mattel, Inc. and Keefe, Bruyette & Woods and Boeing Defense, Space & Co and University of Orla, Berkeley"
    para = SimpleNamespace(offset=0, text=text)
    names = ["Mattel, Inc.", "Keefe, Bruyette & Woods", "Boeing Defense, Space", "University of Orla, Berkeley"]
    mentions = [SimpleNamespace(start=text.index(n), end=text.index(n) + len(n), text=n, type="organization",
                                para=para) for n in names]
    assert split_listed(mentions) == mentions
