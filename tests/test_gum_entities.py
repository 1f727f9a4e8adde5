"""scripts/gum_entities.py on a made-up GUM-like document: the text's layout, offsets that give back each
mention's words, the named / not-named decision and the type mapping."""

from __future__ import annotations

import json
from pathlib import Path

from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]


def _module(name: str):
    return load_script(ROOT / "scripts" / f"{name}.py")


gum = _module("gum_entities")


def _row(i, form, upos, xpos, head, deprel, misc="_"):
    return "\t".join([str(i), form, form.lower(), upos, xpos, "_", str(head), deprel, "_", misc])


# Title: "Ferry Timetable Changes"; date line; then "Captain Mira Olsk docked at Varnby's pier. She waved."
# Entities: 1 the timetable (object, not named), 2 Mira Olsk (person, named, with a title; "She" later),
# 3 Varnby (place, named, nested in 4), 4 Varnby's pier (place, not named).
CONLLU = "\n".join([
    "# newdoc id = GUM_news_ferry",
    "# meta::dateCreated = 2021-03-04",
    "# meta::title = Ferry Timetable Changes",
    "# newpar",
    "# newpar_block = head (1 s)",
    "# text = Ferry Timetable Changes",
    _row(1, "Ferry", "NOUN", "NN", 2, "compound", "Entity=(1-object-new-nnnnn-cf1-1-sgl"),
    _row(2, "Timetable", "NOUN", "NN", 3, "compound", "Entity=1)"),
    _row(3, "Changes", "NOUN", "NNS", 0, "root"),
    "",
    "# newpar",
    "# newpar_block = p (1 s)",
    "# text = Thursday, March 4, 2021",
    _row(1, "Thursday", "PROPN", "NNP", 0, "root", 'SpaceAfter=No|XML=<date when:::"2021-03-04">'),
    _row(2, ",", "PUNCT", ",", 1, "punct"),
    _row(3, "March", "PROPN", "NNP", 1, "appos"),
    _row(4, "4", "NUM", "CD", 3, "nummod", "SpaceAfter=No"),
    _row(5, ",", "PUNCT", ",", 3, "punct"),
    _row(6, "2021", "NUM", "CD", 3, "nmod", "XML=</date>"),
    "",
    "# newpar",
    "# newpar_block = p (2 s)",
    "# text = Captain Mira Olsk docked at Varnby's pier.",
    _row(1, "Captain", "PROPN", "NNP", 4, "nsubj", "Entity=(2-person-new-sssss-cf1-2,3-coref-Mira_Olsk"),
    _row(2, "Mira", "PROPN", "NNP", 1, "flat"),
    _row(3, "Olsk", "PROPN", "NNP", 1, "flat", "Entity=2)"),
    _row(4, "docked", "VERB", "VBD", 0, "root"),
    _row(5, "at", "ADP", "IN", 8, "case"),
    "6-7\tVarnby's\t_\t_\t_\t_\t_\t_\t_\t_",
    _row(6, "Varnby", "PROPN", "NNP", 8, "nmod:poss",
         "Entity=(4-place-new-nnnnn-cf2-3-sgl(3-place-new-nnnnn-cf3-1-sgl-Varnby)"),
    _row(7, "'s", "PART", "POS", 6, "case"),
    _row(8, "pier", "NOUN", "NN", 4, "obl", "Entity=4)|SpaceAfter=No"),
    _row(9, ".", "PUNCT", ".", 4, "punct"),
    "",
    "# text = She waved.",
    _row(1, "She", "PRON", "PRP", 2, "nsubj", "Entity=(2-person-giv-sssss-cf1-1-coref-Mira_Olsk)"),
    _row(2, "waved", "VERB", "VBD", 0, "root", "SpaceAfter=No"),
    _row(3, ".", "PUNCT", ".", 2, "punct"),
    "",
])


def _gold():
    return gum.gold_record(gum.parse_conllu("news_ferry", CONLLU), "abc123")


def test_text_has_title_date_line_and_one_body_paragraph():
    text, gold = _gold()
    assert text == ("Ferry Timetable Changes\n\nThursday, March 4, 2021\n\n"
                    "Captain Mira Olsk docked at Varnby's pier. She waved.\n")
    assert gold["dct"] == "2021-03-04"
    assert [text[s["start"]:s["end"]] for s in gold["sentences"]][1:] == [
        "Thursday, March 4, 2021", "Captain Mira Olsk docked at Varnby's pier.", "She waved."]
    assert gold["annotated_region"] == {"start": 0, "end": len(text), "last_sentence": 3}


def test_offsets_give_back_each_mention():
    text, gold = _gold()
    for m in gold["entity_mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        first, last = m["token_ids"][0], m["token_ids"][-1]
        assert gold["tokens"][first - 1][1] == m["start"] and gold["tokens"][last - 1][2] == m["end"]


def test_named_decision_and_types():
    _, gold = _gold()
    got = [(m["text"], m["type"], m["syntactic_type"], m["name"], m["sentence"]) for m in gold["entity_mentions"]]
    assert got == [
        ("Ferry Timetable", None, "NOM", False, 0),          # an unnamed object keeps no type
        ("Captain Mira Olsk", "PER", "NAM", True, 2),        # a name with its title, as MEANTIME marks it
        ("Varnby", "LOC", "NAM", True, 2),                   # nested in the next one, split out of "Varnby's"
        ("Varnby's pier", "LOC", "NOM", False, 2),
        ("She", "PER", "PRO", False, 3),
    ]
    assert {m["entity"] for m in gold["entity_mentions"] if m["instance_id"] == "Mira_Olsk"} == {"2"}


def test_title_alone_and_group_plural_are_not_names():
    sent = gum.Sentence([gum.Word(1, "The", "DET", "DT", 2, "det", {}),
                         gum.Word(2, "Governor", "PROPN", "NNP", 0, "root", {})], {}, True, False)
    assert gum.syntactic_type(sent.words, sent.words[1], "person") == "NOM"
    group = gum.Word(1, "Islanders", "PROPN", "NNPS", 0, "root", {})
    assert gum.syntactic_type([group], group, "person") == "NOM"
    assert gum.syntactic_type([group], group, "organization") == "NAM"


def test_missing_date_line_is_written_from_the_metadata():
    blocks = CONLLU.split("\n\n")
    no_date = "\n\n".join(blocks[:1] + blocks[2:])
    text, gold = gum.gold_record(gum.parse_conllu("news_ferry", no_date), "abc123")
    assert text.splitlines()[2] == "Thursday, March 4, 2021"
    assert gold["dct"] == "2021-03-04"
    assert gold["sentences"][2]["start"] == text.index("Captain")


def test_written_corpus_is_what_the_scorer_reads(tmp_path):
    checkout = tmp_path / "gum"
    (checkout / "dep").mkdir(parents=True)
    (checkout / "dep" / "GUM_news_ferry.conllu").write_text(CONLLU, encoding="utf-8")
    (checkout / "dep" / "GUM_fiction_other.conllu").write_text(CONLLU, encoding="utf-8")
    out = tmp_path / "corpora" / "gum-news"
    assert gum.main([str(checkout), str(out)]) == 0
    gold = json.loads((out / "gold" / "news_ferry.json").read_text(encoding="utf-8"))
    assert (out / gold["text_file"]).exists()
    assert sorted(p.name for p in (out / "gold").iterdir()) == ["news_ferry.json"]
    parts = [len(list((tmp_path / "corpora" / f"gum-news-{part}" / "gold").iterdir())) for part in ("look", "held")]
    assert sorted(parts) == [0, 1]
