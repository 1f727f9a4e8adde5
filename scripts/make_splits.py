"""The shared dev split: each evaluation set cut in a part read while writing rules (look) and a part only scored
(held), by one rule: a document is in look when the SHA-1 of its id (file name without extension) is even.

    python scripts/make_splits.py [OUT_DIR] [--eval ../shared/eval]

OUT_DIR (default /work/splits) gets meantime-{look,held}/{gold,text}, polnear-{look,held}/{text,attributions},
aed-{look,held} and zyte-{look,held} (html/ and ground-truth.json, html_bench.py's layout), as symbolic links to
the shared files, so every evaluation script runs on a part as it runs on the whole set. ECB+ is split by topic
in xdoc.py itself (`--topics`: look the odd topics, held the even ones). Nothing here is shipped: the evaluation
data stays outside the project.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
PARTS = ("look", "held")


ANNOTATOR = re.compile(r"_[0-9a-f]{4}$")  # PolNeAR's attribution files: the article's name, then '_' and 4 hex digits


def part_of(doc_id: str) -> str:
    """'look' or 'held' for a document id."""
    return "look" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def doc_id(path: Path) -> str:
    """A file's document id: its name without extensions, and an attribution file's without its annotator."""
    stem = path.name.split(".")[0]
    return ANNOTATOR.sub("", stem) if path.suffix == ".ann" else stem


def link_files(source: Path, out: dict[str, Path]) -> None:
    """Link every file of `source` into the folder of its part."""
    for path in sorted(source.iterdir()):
        if path.is_file():
            target = out[part_of(doc_id(path))] / source.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path.resolve())
    for folder in out.values():
        (folder / source.name).mkdir(parents=True, exist_ok=True)


def split_pages(bench: Path, out: dict[str, Path]) -> None:
    """An html_bench.py set: pages linked by part, ground-truth.json cut to each part's pages."""
    link_files(bench / "html", out)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    for part, folder in out.items():
        kept = {key: value for key, value in truth.items() if part_of(key) == part}
        (folder / "ground-truth.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("/work/splits"))
    parser.add_argument("--eval", type=Path, default=EVAL, help="the shared evaluation folder")
    args = parser.parse_args()
    sets = {"meantime": ("meantime", ("gold", "text")), "polnear": ("polnear-dev", ("text", "attributions")),
            "aed": ("aed-dev", None), "zyte": ("zyte", None)}
    for name, (source, subfolders) in sets.items():
        out = {part: args.out / f"{name}-{part}" for part in PARTS}
        for folder in out.values():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        if subfolders is None:
            split_pages(args.eval / source, out)
        else:
            for sub in subfolders:
                link_files(args.eval / source / sub, out)
        counts = {part: len(list((folder / (subfolders or ("html",))[0]).iterdir())) for part, folder in out.items()}
        print(f"{name}: look {counts['look']}, held {counts['held']}")


if __name__ == "__main__":
    main()
