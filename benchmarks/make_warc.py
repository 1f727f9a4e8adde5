"""Write a CC-NEWS-like WARC of N synthetic news articles, for tests and benchmarks.

    python benchmarks/make_warc.py N OUT.warc.gz [--seed S]

The file looks like a CC-NEWS crawl: a `warcinfo` record, then for each
article a `request` and a `response` record (HTTP headers, an HTML page),
each record its own gzip member. The articles are made up here from small
word lists: five site templates (semantic `<article>`, a JSON-LD news site,
WordPress, a wire service with a dateline, a regional portal), bylines,
publication dates in four styles, figures with captions and photo credits,
direct and indirect quotes, and furniture (navigation, share bars, related
stories, newsletter boxes, advertisements, comment notices, footers).
The same N and seed always give the same articles.
"""

from __future__ import annotations

import argparse
import html
import io
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

FIRST = ["Maren", "Tobias", "Ines", "Callum", "Priya", "Oskar", "Leila", "Dominic", "Ruth", "Anselm", "Nadia",
         "Hugo", "Keziah", "Mateo", "Freya", "Idris", "Sunniva", "Bartholomew", "Yusra", "Cormac"]
LAST = ["Halloran", "Vesterby", "Okafor", "Lindqvist", "Achterberg", "Quennell", "Marchetti", "Dunmore",
        "Fairweather", "Szabo", "Ravensworth", "Ekwueme", "Castellanos", "Whitcombe", "Nakashima", "Brannigan"]
TOWNS = ["Lindenford", "Westmarch", "Harrowgate Bay", "Caldermoor", "Port Aveline", "Brackenridge", "Oster Vale",
         "Kingsmere", "Saltcombe", "Elmsworth"]
ORGS = ["the Lindenford Water Board", "Caldermoor District Council", "the Port Aveline Harbour Authority",
        "the Regional Fire Service", "Brackenridge General Hospital", "the Oster Vale Rail Company",
        "the Kingsmere Teachers' Union", "Saltcombe Police", "the Elmsworth Chamber of Commerce"]
TITLES = [("Mayor", "the town's mayor"), ("Chief Inspector", "who leads the inquiry"), ("Dr", "a consultant surgeon"),
          ("Councillor", "who chairs the planning committee"), ("Captain", "the harbour master"),
          ("Professor", "an engineer at the regional university"), ("Superintendent", "the district commander")]
VERBS = ["said", "told reporters", "said on Tuesday", "added", "warned", "explained", "insisted"]
STORIES = [
    ("fire", "Fire destroys {place} warehouse as crews battle through the night",
     ["Firefighters spent {n} hours bringing a blaze under control at a disused warehouse in {town}.",
      "Crews from {k} stations were called shortly after midnight, when neighbours reported smoke above the roofs.",
      "No one was injured, but the roof of the building collapsed before dawn and the road was closed to traffic.",
      "Investigators from {org} will return to the site on {day} to establish how the fire started."]),
    ("flood", "Hundreds of homes without power after river bursts its banks in {town}",
     ["Some {big} households in {town} were left without electricity after the river rose by {n} feet overnight.",
      "Emergency shelters opened in two schools, and volunteers handed out blankets and hot food.",
      "Engineers from {org} said the pumps had been overwhelmed within an hour of the first warning.",
      "Forecasters expect a further {n} millimetres of rain before the weekend."]),
    ("council", "{town} council approves {money} plan to rebuild the old market hall",
     ["Councillors voted {k} to {n2} on {day} evening to approve a {money} plan to rebuild the market hall in {town}.",
      "The hall, built in {year}, has been closed since a survey found cracks in its cast-iron frame.",
      "Traders who lost their stalls will be offered space in a temporary pavilion on the square.",
      "Work is due to start in the spring and to take about {n} months, according to {org}."]),
    ("court", "{town} man jailed for {n} years over harbour fraud",
     ["A man from {town} was jailed for {n} years on {day} for defrauding {org} of {money}.",
      "The court heard he had invoiced the authority for dredging work that was never carried out.",
      "He pleaded guilty to {k} counts of fraud at an earlier hearing.",
      "The judge said the scheme had been carefully planned and had run for almost {n2} years."]),
    ("rail", "Rail line between {town} and {town2} to close for {n} weeks of repairs",
     ["The line between {town} and {town2} will close for {n} weeks from next month while a viaduct is repaired.",
      "Replacement buses will run every {n2} minutes, {org} said, adding about half an hour to each journey.",
      "Commuters' groups said they had been given too little notice of the closure.",
      "The viaduct, which carries {big} passengers a day, was found to have corroded bearings in {year}."]),
    ("school", "New school opens in {town} after {n} years of delays",
     ["Pupils walked through the doors of {town}'s first new secondary school in a generation on {day}.",
      "The building, which cost {money}, has places for {big} pupils and a public library on its ground floor.",
      "Plans were first drawn up in {year}, but the project stalled twice when contractors went out of business.",
      "Parents queued at the gates from early morning, and the head teacher greeted each class by name."]),
]
FILLER = ["Residents said they had raised concerns about the issue for several years.",
          "A public meeting has been called for next week in the {town} community centre.",
          "The figures were published in a report to {org} earlier this month.",
          "Local businesses said they were already feeling the effects.",
          "It is the {nth} such incident in the area since {year}.",
          "Further details are expected to be released later this week.",
          "Opposition members called for an independent review of how the decision was reached.",
          "The last comparable project in {town}, completed in {year}, ran {n2} months over schedule.",
          "Shopkeepers on the high street said trade had fallen by about a third since the start of the year.",
          "According to {org}, {big} people responded to a consultation held over the winter.",
          "Volunteers from {town2} have offered to help, and a fund set up on {day} has already raised {money}.",
          "The matter will be discussed again when the committee meets in {n2} weeks.",
          "Insurers said claims were likely to run into the hundreds.",
          "A spokesperson for {org} declined to comment on individual cases.",
          "Figures seen by this newspaper show that spending on repairs has doubled since {year}.",
          "Several residents of {town2} travelled to attend the meeting, some of them by the last bus of the evening.",
          "The proposal drew {big} written objections, most of them about traffic and noise.",
          "An earlier scheme was abandoned after the cost rose to more than {money}.",
          "Campaigners plan to present a petition to {org} before the end of the month.",
          "Staff were told of the changes at a meeting on {day} morning.",
          "The area has a population of about {big}, many of whom work in {town2}.",
          "Neighbours described hearing a loud noise shortly before the alarm was raised.",
          "A report on the lessons learned will be published within {n} weeks.",
          "The last time the town faced a similar decision, in {year}, the vote was split down the middle."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["Coastline Pictures", "Northgate Photo Agency", "Staff photographer", "Reader submission"]


def _person(rng: random.Random) -> tuple[str, str, str]:
    title, role = rng.choice(TITLES)
    return title, f"{rng.choice(FIRST)} {rng.choice(LAST)}", role


def make_article(index: int, rng: random.Random) -> dict:
    """One synthetic article as a dict of the parts a page template needs."""
    kind, headline, facts = rng.choice(STORIES)
    town, town2 = rng.sample(TOWNS, 2)
    slots = {"town": town, "town2": town2, "place": rng.choice(["harbour", "riverside", "old mill", "station"]),
             "org": rng.choice(ORGS), "day": rng.choice(DAYS), "n": rng.randint(2, 19), "n2": rng.randint(2, 9),
             "k": rng.randint(3, 12), "big": rng.choice([240, 1300, 4800, 12500]), "year": rng.randint(1880, 2019),
             "money": rng.choice(["£4.2m", "$18 million", "€950,000", "£27m"]), "nth": rng.choice(["third", "fifth"])}
    paragraphs = [p.format(**slots) for p in facts]
    speakers = [_person(rng) for _ in range(rng.randint(1, 3))]
    for title, name, role in speakers:
        said = rng.choice(VERBS)
        direct = rng.choice([
            f"\u201cWe will not rest until every family in {town} has answers,\u201d {said} {title} {name}, {role}.",
            f"\u201cThis is a difficult day for the town, but the work starts now,\u201d {title} {name} {said}.",
            f"{title} {name}, {role}, {said}: \u201cNobody should have to wait this long.\u201d"])
        surname = name.split()[-1]
        indirect = f"{surname} said the decision had been made after weeks of talks with residents."
        paragraphs.insert(rng.randint(1, len(paragraphs)), direct)
        if rng.random() < 0.6:
            paragraphs.insert(rng.randint(1, len(paragraphs)), indirect)
    for _ in range(rng.randint(5, 10)):  # two- to four-sentence paragraphs, about 350-750 words in all
        sentences = rng.sample(FILLER, rng.randint(2, 4))
        paragraphs.insert(rng.randint(1, len(paragraphs)), " ".join(s.format(**slots) for s in sentences))
    published = datetime(2024, 3, 1, tzinfo=timezone.utc) + timedelta(minutes=rng.randint(0, 30 * 24 * 60))
    slug = "-".join(headline.format(**slots).lower().replace("£", "").replace("$", "").replace("€", "").split()[:7])
    figures = []
    for _ in range(rng.choice([0, 1, 1, 2])):
        _, photographer, _ = _person(rng)
        figures.append({"src": f"/img/{index}-{len(figures)}.jpg", "alt": f"The scene in {town}",
                        "caption": rng.choice([f"Crowds gathered in {town} on {slots['day']}.",
                                               f"The site in {town}, seen from the air."]),
                        "credit": f"Photo: {photographer}/{rng.choice(AGENCIES)}"})
    return {"kind": kind, "headline": headline.format(**slots), "paragraphs": paragraphs, "town": town,
            "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "published": published, "figures": figures,
            "slug": f"{slug}-{index}", "deck": paragraphs[0] if rng.random() < 0.5 else None}


def _figures(article: dict, style: str) -> str:
    out = []
    for f in article["figures"]:
        if style == "div":
            out.append(f'<div class="image-block"><img src="{f["src"]}" alt="{f["alt"]}">'
                       f'<p class="caption">{html.escape(f["caption"])}</p><p class="credit">{f["credit"]}</p></div>')
        else:
            out.append(f'<figure><img src="{f["src"]}" alt="{f["alt"]}"><figcaption>{html.escape(f["caption"])} '
                       f'<span class="credit">{f["credit"]}</span></figcaption></figure>')
    return "\n".join(out)


def _body(article: dict, rng: random.Random, dateline: str = "") -> str:
    paras = [html.escape(p, quote=False) for p in article["paragraphs"]]
    if dateline:
        paras[0] = f"{dateline} \u2014 {paras[0]}"
    chunks = [f"<p>{p}</p>" for p in paras]
    if rng.random() < 0.5:
        chunks.insert(len(chunks) // 2, '<div class="advertisement">Advertisement</div>')
    if rng.random() < 0.5:
        chunks.insert(2, '<p class="read-more"><strong>Read more:</strong> <a href="/news/other">Council '
                         'publishes budget for next year</a></p>')
    return "\n".join(chunks)


def _page_weight(rng: random.Random, host: str) -> str:
    """What makes a real news page 50-150 KB around a 3 KB story: scripts, styles, tracking and menus."""
    config = ",".join(f'"slot{i}": {{"size": [{rng.choice([300, 728])}, {rng.choice([90, 250])}], '
                      f'"targeting": "{host}-{rng.getrandbits(48):012x}"}}' for i in range(rng.randint(120, 400)))
    style = "".join(f".c{i}{{margin:{i % 7}px;color:#{rng.getrandbits(24):06x}}}" for i in range(rng.randint(200, 600)))
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(rng.randint(40, 160)))
    return (f"<style>{style}</style><script>window.__ADS__ = {{{config}}};</script>"
            f'<template id="mega-menu"><ul>{menu}</ul></template>')


def render_page(article: dict, site: int, rng: random.Random) -> str:
    """The article in one of five site templates."""
    host = ["harrowgate-herald", "caldermoor-courier", "oster-vale-voice", "coastwire", "kingsmere-portal"][site]
    name = ["The Harrowgate Herald", "Caldermoor Courier", "Oster Vale Voice", "Coastwire", "Kingsmere Portal"][site]
    url = f"https://www.{host}.example/news/{article['published']:%Y/%m/%d}/{article['slug']}"
    iso = article["published"].isoformat()
    title = html.escape(article["headline"])
    head = [f'<meta charset="utf-8"><title>{title} | {name}</title>', f'<link rel="canonical" href="{url}">']
    if site in (1, 4):
        head.append(f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{name}">'
                    f'<meta property="article:published_time" content="{iso}">')
    if site == 1:
        head.append('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
                    f'"headline": "{title}", "datePublished": "{iso}", "author": {{"@type": "Person", '
                    f'"name": "{article["author"]}"}}, "publisher": {{"@type": "Organization", "name": "{name}"}}}}'
                    '</script>')
    nav = ('<header><a href="/">' + name + '</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport'
           '</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>')
    deck = f'<p class="standfirst">{html.escape(article["deck"])}</p>' if article["deck"] and site != 3 else ""
    byline = [f'<p class="byline">By <a rel="author" href="/profile/x">{article["author"]}</a></p>',
              f'<div class="author">{article["author"]}, Local Democracy Reporter</div>',
              f'<span class="posted-on">Posted on {article["published"]:%B %-d, %Y} by {article["author"]}</span>',
              '<p class="byline">By Coastwire staff</p>',
              f'<p class="byline">{article["author"]} | {article["published"]:%d.%m.%Y %H:%M}</p>'][site]
    stamp = f'<time datetime="{iso}">{article["published"]:%-d %B %Y}</time>' if site in (0, 2) else ""
    dateline = f"{article['town'].upper()}, {article['published']:%B %-d} (Coastwire)" if site == 3 else ""
    body = _body(article, rng, dateline)
    figures = _figures(article, "div" if site == 4 else "figure")
    share = '<div class="share-bar">Share on Facebook Share on X Email</div>' if rng.random() < 0.6 else ""
    related = ('<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Harbour dredging to resume'
               '</a></li><li><a href="/b">Bus timetable changes</a></li></ul></aside>') if rng.random() < 0.6 else ""
    newsletter = ('<div class="newsletter">Sign up for our morning newsletter and get the day\'s news in your inbox.'
                  '</div>') if rng.random() < 0.4 else ""
    comments = '<p class="comments-closed">Comments are closed on this article.</p>' if rng.random() < 0.3 else ""
    wrapper = ["article", "div class=\"story-body\"", "div class=\"entry-content\"", "article", "div class=\"content\""]
    tag = wrapper[site]
    close = tag.split()[0]
    head.append(_page_weight(rng, host))
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head>{''.join(head)}</head><body>{nav}<main>"
            f"<{tag}><h1>{title}</h1>{deck}{byline}{stamp}{share}{figures}{body}</{close}>{related}{newsletter}"
            f"{comments}</main><footer>\u00a9 {article['published']:%Y} {name}. All rights reserved.</footer>"
            f"</body></html>\n"), url


def write_warc(count: int, out: str | Path, seed: int = 7, extra: list[tuple[str, bytes, str]] = ()) -> Path:
    """Write `count` synthetic articles (plus `extra` (url, body, content type) responses at the end)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    out = Path(out)
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=out.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(out.name, {
            "software": "newsgraph make_warc.py", "format": "WARC File Format 1.1",
            "description": "Synthetic CC-NEWS-like crawl for tests and benchmarks"}))
        pages = []
        for index in range(count):
            article = make_article(index, rng)
            page, url = render_page(article, index % 5, rng)
            pages.append((url, page.encode("utf-8"), "text/html; charset=UTF-8",
                          article["published"] + timedelta(hours=rng.randint(1, 20))))
        pages += [(url, body, ctype, datetime(2024, 3, 31, tzinfo=timezone.utc)) for url, body, ctype in extra]
        for url, body, ctype, fetched in pages:
            date = fetched.strftime("%Y-%m-%dT%H:%M:%SZ")
            request = StatusAndHeaders(f"GET {url.split('/', 3)[-1] or '/'} HTTP/1.1",
                                       [("Host", url.split("/")[2]), ("User-Agent", "newsgraph-synthetic/1.0"),
                                        ("Accept", "text/html")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request,
                                                          warc_headers_dict={"WARC-Date": date}))
            response = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body))),
                                                   ("Server", "nginx")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=response,
                                                          warc_headers_dict={"WARC-Date": date}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many articles")
    parser.add_argument("out", help="the WARC to write (.warc.gz for gzip)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = write_warc(args.count, args.out, args.seed)
    print(f"{path}: {args.count} articles, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
