"""A person's events laid out on a time axis, for an inline SVG drawn by the template (no script)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

WIDTH, MARGIN, AXIS_Y, LANE_HEIGHT, CHAR_WIDTH = 880, 40, 30, 22, 7.4  # a 12px label's letters are <= 7.4px
DOT_GAP = 13  # between the dots of events on one day (a dot is 12px wide)


@dataclass
class Mark:
    """One event on the chart: where its dot and label go, and what its tooltip says."""

    x: float
    label_y: float
    label: str
    title: str
    type: str
    article_id: str
    anchor: str = "start"
    href: str = ""  # the event's evidence in its first source


@dataclass
class Timeline:
    """The chart's size, axis ticks, dated marks, and the events that have no date to place."""

    width: int = WIDTH
    height: int = 80
    axis_y: int = AXIS_Y
    ticks: list[tuple[float, str]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    undated: list[dict] = field(default_factory=list)


def parse_partial(value: str | None) -> date | None:
    """2025, 2025-09 or 2025-09-14(T...) as the first day it can mean; None when it is not a date."""
    if not value or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _ticks(first: date, last: date, x_of) -> list[tuple[float, str]]:
    if (last - first).days > 3 * 366:
        step = max(1, (last.year - first.year) // 8 + 1)
        return [(x_of(date(y, 1, 1)), str(y)) for y in range(first.year + 1, last.year + 1, step)]
    months = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, months // 8 + 1)
    out = []
    for i in range(1, months + 1, step):
        y, m = divmod(first.month - 1 + i, 12)
        out.append((x_of(date(first.year + y, m + 1, 1)), f"{first.year + y}-{m + 1:02d}"))
    return out


def layout(events: list[dict]) -> Timeline:
    """Dots on a date axis with labels stacked in lanes so they do not overlap; undated events kept aside."""
    chart = Timeline()
    dated = [(parse_partial(e.get("date_value")), e) for e in events]
    chart.undated = [e for d, e in dated if d is None]
    dated = sorted(((d, e) for d, e in dated if d is not None), key=lambda p: (p[0], p[1]["type"]))
    if not dated:
        return chart
    first, last = dated[0][0], dated[-1][0]
    span = max(1, (last - first).days)
    inner = WIDTH - 2 * MARGIN

    def x_of(d: date) -> float:
        return round(WIDTH / 2 if first == last else MARGIN + (d - first).days / span * inner, 1)

    chart.ticks = [(x, t) for x, t in _ticks(first, last, x_of) if MARGIN <= x <= WIDTH - MARGIN]
    lanes: list[float] = []
    same_day: dict[float, int] = {}
    for d, event in dated:
        base = x_of(d)
        x = base + DOT_GAP * same_day.get(base, 0)  # events of one day side by side, each dot clickable
        same_day[base] = same_day.get(base, 0) + 1
        label = f"{event['type']} {event.get('date_value') or ''}".strip()
        width = len(label) * CHAR_WIDTH
        anchor = "end" if x + width > WIDTH - 4 and x - width >= 4 else "start"
        left, right = (x - width, x) if anchor == "end" else (x, x + width)
        lane = next((i for i, end in enumerate(lanes) if end + 8 < left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        lanes[lane] = max(lanes[lane], right)
        sources = event.get("sources") or [event]
        more = f" (and {len(sources) - 1} more sources)" if len(sources) > 1 else ""
        bits = [event["type"], event.get("date_text") or event.get("date_value"), event.get("place"),
                (event.get("headline") or "") + more]
        href = f"/articles/{sources[0]['article_id']}" + (f"#event-{sources[0]['event_id']}"
                                                          if sources[0].get("event_id") else "")
        chart.marks.append(Mark(x, AXIS_Y + 26 + lane * LANE_HEIGHT, label, " · ".join(str(b) for b in bits if b),
                                event["type"], event["article_id"], anchor, href))
    chart.height = AXIS_Y + 26 + len(lanes) * LANE_HEIGHT
    return chart
