"""The article record: every class a record is made of, in one place.

One `Article` per news article. Facts carry their evidence: character
offsets (`start`, `end`, Python string indices) into `Article.text`, and
the name of the stage that produced them. The JSON Schema printed by
`newsgraph schema` is generated from these classes, so it is the authority
on shapes; `../shared/eval/CONTRACT.md` lists the keys evaluation reads.
"""

from __future__ import annotations

import json
from typing import ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

InputKind = Literal["text", "html", "warc"]
QuoteMode = Literal["speech", "thought", "thing", "stance"]
QUOTE_MODES: tuple[str, ...] = get_args(QuoteMode)  # what the CLI, the web page and the store accept


REPR_TEXT = 60  # characters of a string a repr shows


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)
    _repr_fields: ClassVar[tuple[str, ...]] = ()  # what repr() shows, in order; every field when empty

    def __repr__(self) -> str:
        """A short repr: the identifying fields, strings cut short, lists counted (a record can be 20 KB)."""
        names = self._repr_fields or tuple(type(self).model_fields)
        parts = [f"{name}={_short(getattr(self, name))}" for name in names
                 if getattr(self, name) not in (None, "", [], {})]
        return f"{type(self).__name__}({', '.join(parts)})"

    __str__ = __repr__


def _short(value) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= REPR_TEXT else value[:REPR_TEXT - 1] + "…")
    if isinstance(value, list) and all(isinstance(v, str) for v in value) and len(repr(value)) <= REPR_TEXT:
        return repr(value)
    if isinstance(value, (list, dict)):
        return f"<{len(value)} item{'' if len(value) == 1 else 's'}>"
    return repr(value)


class Span(_Record):
    """A piece of `Article.text` by offsets, with the text it covers."""

    start: int
    end: int
    text: str


class Evidence(_Record):
    """Where a field's value was read from and which stage read it."""

    stage: str
    start: int | None = Field(None, description="offset into `text`, when the value is in it")
    end: int | None = None
    origin: str | None = Field(None, description="e.g. `meta[property=og:title]`, `json-ld`, `line 1`")


class Media(_Record):
    """One picture: its alt text as found (any script), caption and credit."""

    _repr_fields = ('caption', 'credit', 'alt')

    alt: str | None = None
    caption: str | None = None
    credit: str | None = Field(None, description="photographer or agency, without the 'Photo:' label")
    src: str | None = None
    start: int | None = Field(None, description="offset of the picture's first line in `text` (text input)")
    end: int | None = None
    stage: str = "layout"


class Removed(_Record):
    """A piece of page furniture taken out of the body, and why."""

    _repr_fields = ('reason', 'text')

    text: str
    reason: str = Field(description="gallery-widget, image-alt, caption, credit, comments-notice, separator, ...")
    start: int | None = None
    end: int | None = None
    stage: str = "layout"


class TitleForm(_Record):
    """A title as written, with the normal form titles are compared by (`newsgraph.understand.titles`)."""

    text: str = Field(description="as written: 'Lt.-Col.', 'former Sen.'")
    canonical: str = Field(description="lower case, abbreviations expanded, qualifiers set aside: "
                                       "'lieutenant colonel', 'senator'")
    kind: Literal["rank", "title"] = Field("title", description="rank: a military or police rank")
    qualifiers: list[str] = Field([], description="how the title is held: 'former', 'acting', ...")


class Entity(_Record):
    """One real-world entity of the article (filled by the understanding stages)."""

    _repr_fields = ('id', 'type', 'name', 'titles', 'mentions')

    id: str
    type: str = Field(description="person, organization or place; names of products, works, events and other "
                      "things are dropped, not typed")
    name: str
    aliases: list[str] = []
    titles: list[str] = Field([], description="ranks and titles as written; honorifics (Mr., Dr.) are not titles")
    title_forms: list[TitleForm] = Field([], description="each of `titles` with its normal form, in the same order")
    roles: list[str] = []
    affiliations: list[str] = []
    mentions: list[Span] = []
    stage: str = "entities"


class Quote(_Record):
    """Words or views attributed to a source."""

    _repr_fields = ('id', 'kind', 'speaker', 'speaker_name', 'text')

    id: str
    kind: Literal["direct", "indirect", "mixed"]
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    parent: str | None = None
    mode: QuoteMode = Field(
        "speech", description="speech: words said or written (reporting verbs, 'according to', documents, every "
                              "quotation in quote marks and its continuations); thought: a view, belief, intention, "
                              "feeling or perception ('believes that', 'wants to', 'is worried that', 'is expected "
                              "to', 'the fear that'); thing: what a thing, not a person, group or document, offers, "
                              "shows, suggests or aims at ('the poll shows her ahead', 'the car offers heated "
                              "seats', 'research suggests that ...'); stance: a stand taken on something named, "
                              "no words given ('denied the accusations', 'called for a ceasefire'); "
                              "read off the cue's category in cues.json (docs/quotes.md#mode)")
    stage: str = "quotes"


class EventDate(_Record):
    _repr_fields = ("text", "value")

    text: str
    value: str | None = Field(None, description="ISO date or partial date such as 2025-09")
    start: int | None = None
    end: int | None = None
    inherited: bool = Field(False, description="true when the event has no date of its own and takes the date "
                                               "the story was last told at")


class EventKey(_Record):
    """What identifies an event across articles: its type, main participants, date and place (docs/events.md)."""

    type: str
    participants: list[str] = Field([], description="main participants' names, normalised (lower case, no "
                                                    "titles or punctuation), sorted")
    date: str | None = Field(None, description="the event's own date value; null when unknown or inherited")
    place: str | None = Field(None, description="the place's name, normalised, or null")
    text: str = Field(description="the key as one string: type|participants joined by +|date|place ('?' unknown)")


class TimeExpression(_Record):
    """A temporal expression in the text, typed and resolved when it can be."""

    _repr_fields = ('text', 'type', 'value')

    text: str
    start: int
    end: int
    type: Literal["date", "time", "duration", "set"] = "date"
    value: str | None = Field(None, description="ISO value at the granularity written: 2025-09-14, 2025-09, 2025, "
                                                "T14:30, PT19H (durations)")
    granularity: str | None = Field(None, description="day, month, year, time, duration, ...")
    source: str | None = Field(None, description="how the value was found: publication date, known event, explicit")
    stage: str = "dates"


class Event(_Record):
    """Something that happened, typed from the documented vocabulary."""

    _repr_fields = ('id', 'type', 'date', 'place', 'participants')

    id: str
    type: str
    participants: list[str] = []
    date: EventDate | None = None
    place: str | None = None
    evidence: Span | None = None
    attributes: dict[str, str | bool | None] = {}
    modality: Literal["asserted", "negated", "hypothetical", "planned", "denied"] = Field(
        "asserted", description="asserted (it happened), negated ('was not arrested'), hypothetical ('could have "
                                "died', 'if elected'), planned ('will meet', 'plans to buy'), denied ('denied "
                                "killing')")
    key: EventKey | None = None
    stage: str = "events"


class Claim(_Record):
    """A checkable statement about a subject ('15 terrorists entered', 'aged 52'), kept with its evidence."""

    _repr_fields = ('id', 'subject', 'property', 'value')

    id: str
    subject: str = Field(description="what the claim is about: an entity's name or an event ('attack on Ofakim')")
    subject_entity: str | None = Field(None, description="Entity.id of the subject, when it is an entity")
    property: str = Field(description="what is claimed: attackers, age, rank, date, place, killed, injured, ...")
    value: str = Field(description="the value as written")
    normalized: str = Field(description="the value in a comparable form: a number, an ISO date, a lower-case name")
    text: str = Field(description="the sentence the claim was read from")
    start: int
    end: int
    event: str | None = Field(None, description="Event.id of the event the claim is about: the event whose trigger "
                                                "governs the number ('killed' in '15 people were killed'), or whose "
                                                "date or place is claimed; compare events with event_key.same_event")
    stage: str = "claims"


class Article(_Record):
    """One news article as newsgraph understands it."""

    _repr_fields = ('id', 'source', 'headline', 'published', 'paragraphs', 'media', 'entities', 'quotes', 'events')

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="sha256 of the input bytes of this article, 16 hex digits")
    source: str | None = Field(None, description="the file the article came from, or '-' for stdin")
    input_kind: InputKind
    url: str | None = Field(None, description="where the page was fetched: --url, the WARC-Target-URI of a WARC "
                                               "record, else the page's canonical link")
    canonical_url: str | None = Field(None, description="the page's own canonical link (link rel=canonical, og:url, "
                                                        "JSON-LD url), when it gives one")
    fetched: str | None = Field(None, description="when the page was fetched (WARC-Date), ISO 8601")
    headline: str | None = None
    subheadline: str | None = None
    published: str | None = Field(None, description="publication date-time, ISO 8601")
    authors: list[str] = []
    site_name: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code identified from the article's own words "
                                                   "(py3langid); the page's declaration only breaks a tie")
    language_confidence: float | None = Field(None, description="the identifier's probability for `language`, 0..1")
    text: str = Field(description="the text offsets refer to: the decoded input (text) or the extracted text (HTML)")
    paragraphs: list[str] = []
    paragraph_spans: list[Span] = Field([], description="each paragraph's place in `text`")
    media: list[Media] = []
    removed: list[Removed] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    dates: list[TimeExpression] = []
    claims: list[Claim] = []
    evidence: dict[str, Evidence] = Field({}, description="per metadata field: where its value came from")
    warnings: list[str] = Field([], description="what the reader should know: e.g. an article not in English "
                                                "gets no entities, quotes, dates or events")

    def to_json(self) -> str:
        """One compact line of JSON, keys in model order, non-ASCII kept."""
        return self.model_dump_json()

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id ('e8', as quotes, events and claims refer to it); None when there is none."""
        return next((e for e in self.entities if e.id == entity_id), None) if entity_id else None

    def speaker(self, quote: Quote | str) -> Entity | None:
        """The entity who said a quote (given as a `Quote` or its id); None when the speaker is no entity."""
        if isinstance(quote, str):
            quote = next((q for q in self.quotes if q.id == quote), None)
        return self.entity(quote.speaker) if quote is not None else None

    def participants(self, event: Event) -> list[Entity]:
        """The entities who took part in an event."""
        return [e for e in map(self.entity, event.participants) if e is not None]


def json_schema() -> dict:
    """The JSON Schema of the article record."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsgraph article record"
    return schema


def dump_schema() -> str:
    """The JSON Schema as indented text."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False)
