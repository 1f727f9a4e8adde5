"""TimeML files read for the benchmarks that score on them (`event_dates.py`, `timeml_timex.py`). Stdlib only."""

from __future__ import annotations

from xml.etree.ElementTree import Element


def flatten(node: Element, head: str = "") -> tuple[str, list[tuple[Element, int, int]]]:
    """The text of a TimeML element after `head`, and every tag inside it (EVENT, TIMEX3, SIGNAL, ...) with its
    character offsets into that text, in document order."""
    pieces, tags = [head], []
    offset = len(head)

    def walk(element: Element) -> None:
        nonlocal offset
        if element.text:
            pieces.append(element.text)
            offset += len(element.text)
        for child in element:
            start = offset
            walk(child)
            tags.append((child, start, offset))
            if child.tail:
                pieces.append(child.tail)
                offset += len(child.tail)

    walk(node)
    return "".join(pieces), tags
