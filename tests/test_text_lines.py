"""The trained line model of the scraped-text reader: shipped, loadable, numbers only, and used on page dumps."""

from __future__ import annotations

import json
from importlib import resources

import newsgraph
from newsgraph.readers import text_rules
from newsgraph.readers.text import classified_units
from newsgraph.readers.text_lines import CONTEXT, FEATURES, LEXICAL_FEATURES, body_lines, features, model
from newsgraph.readers.text_region import find_region, is_page_dump

MENU = ["Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Podcasts", "Newsletters",
        "Search this site"]
STORY = [
    "Harbour council approves new ferry timetable",
    "The Kelwick harbour council voted on Tuesday evening to add two early ferry crossings to the winter "
    "timetable, after months of complaints from workers who commute to the mainland.",
    "Councillor Maren Oduya, who chairs the transport committee, said the extra sailings would start in "
    "November and would be paid for from the harbour's reserve fund rather than from higher fares.",
    "The ferry operator had warned in the spring that it could not staff early crossings without notice, "
    "but it told the council last week that new crew members had finished their training.",
    "Residents who spoke at the meeting welcomed the change, although several asked why the last evening "
    "crossing would still leave before nine o'clock on weekdays.",
    "The council will review the timetable again in March, when figures for the first winter are in.",
]
TEASERS = ["More from Kelwick", "Lifeboat crew called out twice in one night",
           "School roof repairs finished ahead of term", "Market square parking charges to rise",
           "Follow us", "Facebook | Twitter | Instagram", "About us", "Contact", "Privacy policy",
           "Terms of use", "All rights reserved 2025 Kelwick Weekly"]
PAGE = "\n".join(MENU + STORY + TEASERS) + "\n"
OTHER_STORY = [
    "Volunteers at the Dunmore library spent the weekend moving some forty thousand books into the new reading "
    "rooms above the old post office, a job the trustees had expected to take a month.",
    "The chair of the trustees, Ilse Varga, said the move had been planned around the school holidays so that "
    "older pupils could help carry boxes, and that the lending desk would open again on Thursday.",
    "The building was bought by the town last year with a grant from the regional heritage fund, on the "
    "condition that its ground floor stays open to the public as a meeting hall.",
]


def test_the_model_ships_as_plain_numbers():
    data = json.loads(resources.files("newsgraph.data").joinpath("text_lines.json").read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES + LEXICAL_FEATURES) and data["context"] == list(CONTEXT)
    assert "_source" in data and "licen" in data["_source"].lower()
    line_model = model()
    assert line_model is not None and line_model.second is not None and line_model.lexical is not None
    trees = [stage for stage in data["stages"] if stage.get("kind") != "lexical"]
    lexical = [stage for stage in data["stages"] if stage.get("kind") == "lexical"]
    assert len(lexical) == 1 and set(lexical[0]) == {"kind", "buckets", "bias", "gaps", "weights"}  # no text
    widths = (len(FEATURES) + 1, len(FEATURES) + 1 + len(CONTEXT))
    for stage, width in zip(trees, widths):
        for tree in stage["trees"]:
            assert set(tree) == {"feature", "threshold", "left", "right", "value"}
            assert all(0 <= f < width for f, left in zip(tree["feature"], tree["left"]) if left >= 0)


def test_features_are_one_row_per_unit():
    units = classified_units(PAGE)
    region = find_region(units)
    rows = features(units, region)
    assert len(rows) == len(units) and all(len(r) == len(FEATURES) for r in rows)
    probabilities = body_lines(units, region)
    assert all(0.0 <= p <= 1.0 for p in probabilities)


def test_a_page_dump_keeps_its_story_and_loses_menus_and_teasers():
    units = classified_units(PAGE)
    assert is_page_dump(units, find_region(units))
    article = newsgraph.extract(PAGE, kind="text", stages=())
    assert article.headline == STORY[0]
    assert article.paragraphs == STORY[1:]
    assert {r.reason for r in article.removed if r.text in MENU + TEASERS} <= {
        "outside-body", "navigation", "related-link", "social", "footer", "copyright"}


def test_the_model_can_be_switched_off_for_the_ablation():
    with text_rules.switched_off("line_model"):
        article = newsgraph.extract(PAGE, kind="text", stages=())
    assert article.paragraphs == STORY[1:]


def test_a_subheading_between_kept_paragraphs_stays_in_the_body():
    from newsgraph.readers.text import _is_subheading, _keep_inner_headings

    page = "\n".join(MENU + STORY[:3] + ["What the crews said"] + STORY[3:] + TEASERS) + "\n"
    units = classified_units(page)
    at = next(i for i, u in enumerate(units) if u.text == "What the crews said")
    around = [i for i in (at - 1, at + 1)]
    assert _keep_inner_headings(units, around) == [at - 1, at, at + 1]
    assert _keep_inner_headings(units, [at - 1]) == [at - 1]  # only between two kept lines
    assert _is_subheading(units[at])
    for text in ("Photo: Lena Brandt / Kelwick Post", "READ MORE FROM THE HARBOUR", "* Ferry times", "(Advert)",
                 "It was a long night."):
        assert not _is_subheading(classified_units(text + "\n")[0]), text
    article = newsgraph.extract(page, kind="text", stages=())
    assert "What the crews said" in article.paragraphs


def _trainer():
    """scripts/train_text_lines.py as a module (it is a script, not part of the package)."""
    from conftest import ROOT
    from script_modules import load_script

    return load_script(ROOT / "scripts" / "train_text_lines.py")


def test_an_extraction_reads_as_one_line_per_block():
    trainer = _trainer()
    html = b"<div><h2>Ferry news</h2><p>The first <b>early</b> crossing<br>leaves at six.</p><ul><li>One</li></ul>"
    assert trainer.block_text(html).split("\n") == ["Ferry news", "The first early crossing", "leaves at six.", "One"]


def test_readability_style_test_pages_become_an_html_bench_folder(tmp_path):
    trainer = _trainer()
    story = "".join(f"<p>{line}</p>" for line in STORY[1:])
    pages = {"kelwick-1": ("<html><body><nav>" + " ".join(MENU) + "</nav>" + story * 30 + "</body></html>", story),
             "tiny-rule": ("<p>short</p>", "<p>short</p>")}
    for name, (source, expected) in pages.items():
        (tmp_path / "pages" / name).mkdir(parents=True)
        (tmp_path / "pages" / name / "source.html").write_text(source, encoding="utf-8")
        (tmp_path / "pages" / name / "expected.html").write_text(expected, encoding="utf-8")
    out = trainer.readability_layout(tmp_path / "pages", tmp_path / "cache")
    truth = json.loads((out / "ground-truth.json").read_text(encoding="utf-8"))
    assert list(truth) == ["pages-kelwick-1"]  # the page under 10 kB is a unit test of one rule, not a page
    assert truth["pages-kelwick-1"]["articleBody"].split("\n")[0] == STORY[1]
    assert (out / "html" / "pages-kelwick-1.html.gz").exists()


def test_newspaper_style_test_data_becomes_an_html_bench_folder(tmp_path):
    trainer = _trainer()
    story = "".join(f"<p>{line}</p>" for line in STORY[1:])
    for sub in ("html", "text"):
        (tmp_path / "data" / sub).mkdir(parents=True)
    (tmp_path / "data" / "html" / "kelwick.com1.html").write_text(
        "<html><body><nav>" + " ".join(MENU) + "</nav>" + story * 30 + "</body></html>", encoding="utf-8")
    (tmp_path / "data" / "text" / "kelwick.com1.txt").write_text("\n\n".join(STORY[1:]), encoding="utf-8")
    (tmp_path / "data" / "html" / "no-text.html").write_text("<p>" + STORY[1] * 80 + "</p>", encoding="utf-8")
    out = trainer.newspaper_layout(tmp_path / "data", tmp_path / "cache")
    truth = json.loads((out / "ground-truth.json").read_text(encoding="utf-8"))
    assert list(truth) == ["data-kelwick.com1"]  # a page without its expected text is left out
    assert truth["data-kelwick.com1"]["articleBody"].startswith(STORY[1])


def test_snippets_label_only_the_lines_they_mark():
    trainer = _trainer()
    units = classified_units(PAGE)
    free = [i for i, u in enumerate(units) if u.free]
    snippets = {"with": ["voted on Tuesday evening", "would start in November"],
                "without": ["Search this", "council approves new", "ferry"]}  # "ferry": too small a part of a line
    labels = trainer.snippet_labels(units, free, snippets)
    assert {units[i].text: label for i, label in labels.items()} == {
        STORY[1]: 1, STORY[2]: 1, "Search this site": 0, STORY[0]: 0}


def test_bagged_ensembles_export_as_one_tree_set_averaging_their_log_odds(monkeypatch):
    trainer = _trainer()
    leaf = {"feature": [0], "threshold": [0.0], "left": [-1], "right": [-1]}
    parts = iter([{"base": 1.0, "rate": 1.0, "trees": [{**leaf, "value": [2.0]}]},
                  {"base": -3.0, "rate": 1.0, "trees": [{**leaf, "value": [4.0]}]}])
    monkeypatch.setattr(trainer, "export", lambda clf: next(parts))
    from newsgraph.readers.text_lines import Trees

    bagged = Trees.from_json(trainer.export_bagged(["first", "second"]))
    assert abs(bagged.probability([0.0]) - 1 / (1 + 2.718281828459045 ** -2.0)) < 1e-9  # mean of 3 and 1


def test_a_training_subset_is_whole_pages_and_a_smaller_share_lies_inside_a_larger():
    trainer = _trainer()
    ids = [f"page-{n:03}" for n in range(196)]
    quarter, half = trainer.subset_ids(ids, 0.25, 1), trainer.subset_ids(ids, 0.5, 1)
    assert len(quarter) == 49 and len(half) == 98 and set(quarter) < set(half)
    assert trainer.subset_ids(ids, 0.25, 2) != quarter and trainer.subset_ids(list(reversed(ids)), 0.25, 1) == quarter


def test_teacher_pages_take_the_html_readers_body_and_leave_out_copies_and_dev_pages(tmp_path):
    trainer = _trainer()
    padding = "<style>" + "/* layout */\n" * 900 + "</style>"  # a real page's weight: over 10 kB

    def page(paragraphs: list[str]) -> str:
        story = "".join(f"<p>{line}</p>" for line in paragraphs)
        return (f"<html><head><title>{STORY[0]}</title>{padding}</head><body><nav>{' '.join(MENU)}</nav>"
                f"<article><h1>{STORY[0]}</h1>{story}</article><footer>{' '.join(TEASERS)}</footer></body></html>")

    spanish = ["El ayuntamiento del puerto aprobó el martes dos travesías más temprano en el horario de invierno, "
               "tras meses de quejas de los trabajadores que viajan cada día a tierra firme."] * 4
    pages = {"story.html": page(STORY[1:]), "sub/copy.html": page(STORY[1:]), "expected.html": page(STORY[1:]),
             "tiny.html": "<p>short</p>", "spanish.html": page(spanish), "dev-page.html": page(OTHER_STORY)}
    for name, html in pages.items():
        (tmp_path / "pages" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pages" / name).write_text(html, encoding="utf-8")
    dev = [trainer._grams(" ".join(OTHER_STORY))]
    kept: list = []
    out = trainer.teacher_layout(tmp_path / "pages", tmp_path / "cache", dev, kept)
    truth = json.loads((out / "ground-truth.json").read_text(encoding="utf-8"))
    corpus = out.name  # the folder's last three parts and a digest of its whole path
    assert corpus.startswith("-".join((tmp_path / "pages").parts[-3:]))
    # left out: the copy, the test's expected output, the small page, the Spanish one and the dev page
    assert list(truth) == [f"{corpus}-story"]
    assert truth[f"{corpus}-story"]["articleBody"].split("\n\n") == STORY[1:]
    assert len(kept) == 1
    again: list = []
    assert trainer.teacher_layout(tmp_path / "pages", tmp_path / "cache", dev, again) == out  # from the cache
    assert again == kept


def _reference_gru(xs: list[list[float]], w_ih, w_hh, b_ih, b_hh) -> list[list[float]]:
    """PyTorch's GRU equations written out one number at a time (gates reset, update, new)."""
    import math

    size = len(w_hh[0])

    def dot(row, v):
        return sum(a * b for a, b in zip(row, v))

    def sig(v):
        return 1.0 / (1.0 + math.exp(-v))

    h, out = [0.0] * size, []
    for x in xs:
        r = [sig(dot(w_ih[k], x) + b_ih[k] + dot(w_hh[k], h) + b_hh[k]) for k in range(size)]
        z = [sig(dot(w_ih[size + k], x) + b_ih[size + k] + dot(w_hh[size + k], h) + b_hh[size + k])
             for k in range(size)]
        n = [math.tanh(dot(w_ih[2 * size + k], x) + b_ih[2 * size + k]
                       + r[k] * (dot(w_hh[2 * size + k], h) + b_hh[2 * size + k])) for k in range(size)]
        h = [(1 - z[k]) * n[k] + z[k] * h[k] for k in range(size)]
        out.append(h)
    return out


def test_the_sequence_stage_reads_a_page_both_ways():
    """The numpy forward pass of the bidirectional GRU stage matches the equations written out by hand."""
    import math
    import random

    from newsgraph.readers.text_lines import LineModel, Sequence

    rng = random.Random(7)
    inputs, hidden, head = len(FEATURES) + 1, 3, 4

    def matrix(rows, cols):
        return [[rng.uniform(-0.5, 0.5) for _ in range(cols)] for _ in range(rows)]

    stage = {"kind": "bigru", "mean": [rng.uniform(-1, 1) for _ in range(inputs)],
             "scale": [rng.uniform(0.5, 2) for _ in range(inputs)]}
    for tail in ("", "_reverse"):
        stage |= {f"w_ih{tail}": matrix(3 * hidden, inputs), f"w_hh{tail}": matrix(3 * hidden, hidden),
                  f"b_ih{tail}": matrix(1, 3 * hidden)[0], f"b_hh{tail}": matrix(1, 3 * hidden)[0]}
    stage |= {"head_w1": matrix(head, 2 * hidden + inputs), "head_b1": matrix(1, head)[0],
              "head_w2": matrix(1, head), "head_b2": [0.1]}
    units = classified_units(PAGE)
    rows = features(units, find_region(units))
    first = [rng.uniform(0.05, 0.95) for _ in rows]
    got = Sequence.from_json(stage).probabilities(rows, first)

    xs = [[min(max((v - m) / s, -8.0), 8.0) for v, m, s in zip(row + [math.log(p / (1 - p))], stage["mean"],
                                                                 stage["scale"])] for row, p in zip(rows, first)]
    forward = _reference_gru(xs, stage["w_ih"], stage["w_hh"], stage["b_ih"], stage["b_hh"])
    backward = _reference_gru(xs[::-1], stage["w_ih_reverse"], stage["w_hh_reverse"], stage["b_ih_reverse"],
                              stage["b_hh_reverse"])[::-1]
    for p, x, f, b in zip(got, xs, forward, backward):
        z = f + b + x
        inner = [max(sum(w * v for w, v in zip(ws, z)) + c, 0.0) for ws, c in zip(stage["head_w1"], stage["head_b1"])]
        want = 1.0 / (1.0 + math.exp(-(sum(w * v for w, v in zip(stage["head_w2"][0], inner)) + 0.1)))
        assert abs(p - want) < 1e-9
    line_model = LineModel.from_stages([{"base": 0.0, "rate": 1.0, "trees": []}, stage], 0.5)
    assert isinstance(line_model.second, Sequence) and len(got) == len(units)
