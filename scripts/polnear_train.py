"""PolNeAR's training split as a second, larger check of the quotes stage: 840 articles, in the layout
`polnear.py` and `benchmarks/quote_ablation.py` read. The rules before 2026-12-04 were written reading the dev
split only; the rules of that evening were written reading the look half of this split (`--parity`) and checked
on its held half and on the dev split.

    git clone https://github.com/networkdynamics/PolNeAR          # commit c3eee83 was used
    python scripts/polnear_train.py PolNeAR OUT_DIR
    python benchmarks/quote_ablation.py OUT_DIR --parity

PolNeAR (Newell, Margolin & Ruths, LREC 2018) states no licence for its data, and its articles are the
publishers' text: the split is read from a checkout outside the project, written outside it, and nothing of it
is shipped, as with the dev split in ../shared. Its test split is never read here (it may be what the project is
measured on).

OUT_DIR gets text/*.txt and attributions/*.ann. In three attribution files brat kept a span's text over two
lines; the wrapped line (no tab, not an annotation) would stop `polnear.py`'s reader, so every line that is not
an annotation (`T`, `E`, `A`, `R` or `#`, a number, a tab) is dropped. The offsets of every span are untouched.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

ANNOTATION = re.compile(r"^[TEAR#][0-9]*\t")


def annotation_lines(text: str) -> tuple[str, int]:
    """The annotation lines of a brat file, and how many other lines with text were dropped."""
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if ANNOTATION.match(line)]
    return "".join(kept), sum(1 for line in lines if line.strip() and not ANNOTATION.match(line))


def copy_split(checkout: Path, out: Path, split: str = "train") -> tuple[int, int, int]:
    """Copy one split's texts and attributions; returns (texts, attribution files, dropped lines)."""
    if split == "test":
        raise ValueError("the test split is not read here")
    source = checkout / "data" / split
    if not (source / "text").is_dir() or not (source / "attributions").is_dir():
        raise FileNotFoundError(f"{source}: no text/ and attributions/ folders (is this a PolNeAR checkout?)")
    (out / "text").mkdir(parents=True, exist_ok=True)
    (out / "attributions").mkdir(parents=True, exist_ok=True)
    texts = 0
    for path in sorted((source / "text").glob("*.txt")):
        shutil.copyfile(path, out / "text" / path.name)
        texts += 1
    files = dropped = 0
    for path in sorted((source / "attributions").glob("*.ann")):
        kept, lost = annotation_lines(path.read_text(encoding="utf-8"))
        (out / "attributions" / path.name).write_text(kept, encoding="utf-8")
        files += 1
        dropped += lost
    return texts, files, dropped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a PolNeAR checkout (its data/ folder)")
    parser.add_argument("out", type=Path, help="output folder, outside the project")
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    args = parser.parse_args()
    texts, files, dropped = copy_split(args.checkout, args.out, args.split)
    print(f"{args.out}: {texts} texts, {files} attribution files, {dropped} wrapped lines dropped")


if __name__ == "__main__":
    main()
