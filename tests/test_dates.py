"""The dates stage: temporal expressions found, typed and resolved, on short made-up articles."""

from __future__ import annotations

from datetime import date

import pytest

import newsgraph
from newsgraph.pipeline import READERS, STAGES, Document
from newsgraph.understand import dates as dates_stage
from newsgraph.understand.timex import nearest, period_end, resolve
from newsgraph.understand.timex_find import known_events
from newsgraph.understand.timex_grammar import read

BASE = date(2025, 6, 12)  # a Thursday


def dates_of(text: str, published: str | None = None) -> dict[str, tuple[str, str | None]]:
    """{expression as written: (type, value)} for a short article."""
    article = newsgraph.extract(text, kind="text", published=published)
    return {d.text: (d.type, d.value) for d in article.dates}


def dates_in_sentence(sentence: str) -> dict[str, tuple[str, str | None]]:
    """`dates_of` for one sentence as the body of a short article published on 2025-06-12."""
    return dates_of(f"Harbour news\n\n{sentence}\n", published="2025-06-12")


# --- the grammar, without spaCy ------------------------------------------

@pytest.mark.parametrize("text, kind, value, granularity", [
    ("September 2025", "date", "2025-09", "month"),
    ("14 September 2025", "date", "2025-09-14", "day"),
    ("Sept. 14, 2025", "date", "2025-09-14", "day"),
    ("2025-09-14", "date", "2025-09-14", "day"),
    ("early 2024", "date", "2024", "year"),
    ("the year 2000", "date", "2000", "year"),
    ("the 1990s", "date", "199", "decade"),
    ("the nineties", "date", "199", "decade"),
    ("the 20th century", "date", "19", "reference"),
    ("19 hours", "duration", "PT19H", "duration"),
    ("three days", "duration", "P3D", "duration"),
    ("twenty-four hours", "duration", "PT24H", "duration"),
    ("half an hour", "duration", "PT30M", "duration"),
    ("a year", "duration", "P1Y", "duration"),
    ("an hour and a half", "duration", "PT1H30M", "duration"),
    ("5 1/2 hours", "duration", "PT5H30M", "duration"),
    ("2 1/2 years", "duration", "P2.5Y", "duration"),
    ("2½ years", "duration", "P2.5Y", "duration"),
    ("a minute and a half", "duration", "PT1M30S", "duration"),
    ("eight trading days", "duration", "P8D", "duration"),
    ("1.999 hours", "duration", "PT2H", "duration"),
    ("a year and a half", "duration", "P1.5Y", "duration"),
    ("the final quarter of 2009", "date", "2009-Q4", "quarter"),
    ("the last half of 1989", "date", "1989-H2", "quarter"),
    ("just days", "duration", "PXD", "duration"),
    ("nearly three weeks", "duration", "P3W", "duration"),
    ("a decade", "duration", "P10Y", "duration"),
    ("the past two years", "duration", "P2Y", "duration"),
    ("every Monday", "set", "XXXX-WXX-1", "set"),
    ("Tuesdays", "set", "XXXX-WXX-2", "set"),
    ("Saturday nights", "set", "XXXX-WXX-6TNI", "set"),
    ("daily", "set", "P1D", "set"),
    ("every two weeks", "set", "P2W", "set"),
    ("twice a week", "set", "P1W", "set"),
    ("each summer", "set", "XXXX-SU", "set"),
    ("the first quarter of 2009", "date", "2009-Q1", "quarter"),
    ("Q3 2010", "date", "2010-Q3", "quarter"),
    ("the second half of 2008", "date", "2008-H2", "quarter"),
    ("summer 2010", "date", "2010-SU", "quarter"),
    ("the fall of 2012", "date", "2012-FA", "quarter"),
    ("7/8/07", "date", "2007-07-08", "day"),
    ("25/12/2024", "date", "2024-12-25", "day"),
    ("now", "date", "PRESENT_REF", "reference"),
    ("currently", "date", "PRESENT_REF", "reference"),
    ("recently", "date", "PAST_REF", "reference"),
    ("the past", "date", "PAST_REF", "reference"),
    ("several years ago", "date", "PAST_REF", "reference"),
    ("the future", "date", "FUTURE_REF", "reference"),
    ("the long term", "date", "FUTURE_REF", "reference"),
    ("the past several months", "duration", "PXM", "duration"),
    ("recent weeks", "duration", "PXW", "duration"),
    ("decades-long", "duration", "PXY", "duration"),
    ("the past decade", "duration", "P10Y", "duration"),
])
def test_expressions_that_need_no_publication_date(text, kind, value, granularity):
    rule = read(text)
    assert rule is not None, text
    for base in (None, BASE):
        got = resolve(rule[1], base)
        assert (got.type, got.value, got.granularity) == (kind, value, granularity)


@pytest.mark.parametrize("text, bare, dated", [
    ("3 p.m.", "T15:00", "2025-06-12T15:00"),
    ("21:45", "T21:45", "2025-06-12T21:45"),
    ("midnight", "T00:00", "2025-06-12T00:00"),
])
def test_clock_times_are_points_on_the_day_of_publication(text, bare, dated):
    reading = read(text)[1]
    assert (resolve(reading, None).type, resolve(reading, None).value) == ("time", bare)
    assert (resolve(reading, BASE).type, resolve(reading, BASE).value) == ("time", dated)


@pytest.mark.parametrize("text, value", [
    ("this morning", "2025-06-12TMO"),
    ("last night", "2025-06-11TNI"),
    ("tonight", "2025-06-12TNI"),
    ("Monday evening", "2025-06-09TEV"),
    ("yesterday afternoon", "2025-06-11TAF"),
])
def test_parts_of_a_day(text, value):
    got = resolve(read(text)[1], BASE)
    assert (got.type, got.value) == ("time", value)


@pytest.mark.parametrize("text, value, granularity", [
    ("yesterday", "2025-06-11", "day"),
    ("today", "2025-06-12", "day"),
    ("Monday", "2025-06-09", "day"),
    ("Thursday", "2025-06-12", "day"),  # the day of publication itself
    ("last Thursday", "2025-06-05", "day"),
    ("next Monday", "2025-06-16", "day"),
    ("three days ago", "2025-06-09", "day"),
    ("last week", "2025-W23", "week"),
    ("last month", "2025-05", "month"),
    ("earlier this month", "2025-06", "month"),
    ("next year", "2026", "year"),
    ("May 3", "2025-05-03", "day"),
    ("September 3", "2024-09-03", "day"),  # a year-less date lies before publication
    ("July 3", "2025-07-03", "day"),  # ... unless it is only days ahead ("extended the offer to July 3")
    ("March", "2025-03", "month"),
    ("August", "2024-08", "month"),
    ("last May", "2025-05", "month"),
    ("last August", "2024-08", "month"),
    ("next March", "2026-03", "month"),
    ("this quarter", "2025-Q2", "quarter"),
    ("last quarter", "2025-Q1", "quarter"),
    ("the third quarter", "2024-Q3", "quarter"),  # a year-less quarter lies before publication, like a month
    ("the first quarter of last year", "2024-Q1", "quarter"),
    ("the fourth quarter of this year", "2025-Q4", "quarter"),  # the year named, whatever side it lies on
    ("the second half of the year", "2025-H2", "quarter"),
    ("the final quarter of last year", "2024-Q4", "quarter"),
    ("the summer of this year", "2025-SU", "quarter"),
    ("the end of the year", "2025", "year"),
    ("late last year", "2024", "year"),
    ("this weekend", "2025-W24-WE", "week"),
    ("last summer", "2024-SU", "quarter"),
])
def test_relative_and_yearless_expressions_resolve_against_publication(text, value, granularity):
    reading = read(text)[1]
    got = resolve(reading, BASE)
    assert (got.value, got.granularity, got.source) == (value, granularity, "publication date")
    assert resolve(reading, None).value is None  # no publication date: no year is invented


def test_yearless_date_in_a_sentence_about_the_future_is_the_next_one():
    assert resolve(read("July 3")[1], BASE, future=True).value == "2025-07-03"
    assert resolve(read("September 3")[1], BASE, future=True).value == "2025-09-03"
    assert resolve(read("the third quarter")[1], BASE, future=True).value == "2025-Q3"
    assert nearest(3, 1, BASE, future=True) == date(2026, 3, 1)
    assert nearest(6, 12, BASE) == BASE


@pytest.mark.parametrize("sentence, value", [
    ("Harbour officials said Friday that the dredging will finish next spring.", "2025-06-06"),
    ("The harbour board will vote on Friday.", "2025-06-13"),
    ("The vote is set to take place on Friday.", "2025-06-13"),
    ("The board could approve the plan Friday.", "2025-06-13"),
    ("The board is meeting on Friday.", "2025-06-13"),
    ("The board met on Friday.", "2025-06-06"),
    ("The board has met on Friday.", "2025-06-06"),
    ("The sale should close in October.", "2025-10"),
    ("The sale closed in October.", "2024-10"),
    ("The appeal is heard in October.", "2025-10"),  # a present passive is no past: the nearer side
    ("The appeal was heard in October.", "2024-10"),
])
def test_the_verb_tense_chooses_the_side_of_publication(sentence, value):
    text = f"Harbour board news\n\nThe Dunmore harbour board held its monthly session.\n\n{sentence}\n"
    found = dates_of(text, published="2025-06-12")
    assert value in {v for _, v in found.values()}, found


def test_a_year_later_counts_from_the_date_told():
    found = dates_of("Bridge reopens\n\nThe old bridge closed in March 2019. A year later the council voted to rebuild "
                     "it, and work began that year. Three years after the vote, it reopened.\n", published="2025-06-12")
    assert found["A year later"] == ("date", "2020-03")  # TimeML: the told date's granularity
    assert found["that year"] == ("date", "2020")
    assert found["Three years"] == ("duration", "P3Y")  # "three years after X" is a length of time


def test_ranges_are_two_points_and_a_length():
    found = dates_of("Fleet plan\n\nThe airline ordered ten jets.\n\n"
                     "It will take six from 2009 to 2011 and four more in 2014-2016, not in 2001 and 2003.\n",
                     published="2008-01-10")
    assert {k: v for k, (_, v) in found.items()} == {
        "2009": "2009", "2011": "2011", "2014": "2014", "2016": "2016", "2001": "2001", "2003": "2003",
        "from 2009 to 2011": "P2Y", "2014-2016": "P2Y"}  # "2001 and 2003" is two years, no range


@pytest.mark.parametrize("sentence, expression, value", [
    ("The gunman was arrested at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday", "2025-06-11T22:00"),
    ("The offer ran until 5 p.m. EST, June 6, the firm said.", "5 p.m. EST, June 6", "2025-06-06T17:00"),
    ("The board met on Friday at 3 p.m. in the hall.", "Friday at 3 p.m.", "2025-06-06T15:00"),
    ("Talks broke off at noon Tuesday.", "noon Tuesday", "2025-06-10T12:00"),
    ("The blast came at 0735 GMT on Monday.", "0735 GMT on Monday", "2025-06-09T07:35"),
    ("They met at 7 o'clock in the evening on Monday.", "7 o'clock in the evening on Monday", "2025-06-09T19:00"),
])
def test_a_clock_time_and_its_day_are_one_time(sentence, expression, value):
    found = dates_in_sentence(sentence)
    assert found[expression] == ("time", value), found


@pytest.mark.parametrize("text, value", [
    ("fiscal 2008", "FY2008"), ("FY09", "FY2009"), ("the 2010 fiscal year", "FY2010"), ("fiscal year 2011", "FY2011"),
    ("next fiscal year", "FY2026"), ("the current fiscal year", "FY2025"),
])
def test_fiscal_years(text, value):
    assert resolve(read(text)[1], BASE).value == value


def test_a_time_takes_the_day_told_in_its_sentence():
    found = dates_of("Storm hits the coast\n\nThe storm was the worst in years.\n\n"
                     "On 3 March 2025 it reached the coast at 6:40 p.m. and eased by midnight.\n", published="2025-03-05")
    assert found["6:40 p.m."] == ("time", "2025-03-03T18:40")


@pytest.mark.parametrize("text", ["a 35-year-old", "41 years old", "aged 70", "tall"])
def test_not_temporal(text):
    assert read(text) is None


# --- the stage, through the pipeline -------------------------------------

CHESS = """Chess club marks its centenary

The Dunmore chess club celebrated its hundredth season on Saturday with a simultaneous display.

Founder's granddaughter Ilse Varga, who joined in June 2019, said the club now meets every Tuesday.

The display lasted 19 hours, and the final game ended just before midnight. Yesterday the members began planning next month's open tournament.
"""


def test_relative_dates_resolve_with_a_publication_date():
    found = dates_of(CHESS, published="2025-06-12T08:30:00+02:00")
    assert found["Saturday"] == ("date", "2025-06-07")
    assert found["June 2019"] == ("date", "2019-06")
    assert found["every Tuesday"] == ("set", "XXXX-WXX-2")
    assert found["19 hours"] == ("duration", "PT19H")
    assert found["midnight"] == ("time", "2025-06-12T00:00")
    assert found["Yesterday"] == ("date", "2025-06-11")
    assert found["next month"] == ("date", "2025-07")


def test_without_a_publication_date_only_what_the_text_states_resolves():
    found = dates_of(CHESS)
    assert found["Saturday"] == ("date", None)
    assert found["Yesterday"] == ("date", None)
    assert found["next month"] == ("date", None)
    assert found["June 2019"] == ("date", "2019-06")  # its own year
    assert found["19 hours"] == ("duration", "PT19H")


def test_user_given_publication_date_wins(tmp_path):
    article = newsgraph.extract(CHESS, kind="text", published="2024-01-05")
    assert article.published == "2024-01-05"
    assert {d.text: d.value for d in article.dates}["Saturday"] == "2023-12-30"


GAZA = """Survivor returns to her kibbutz

Two years after the Hamas massacre, Noa Feldman walked again through the gate of her kibbutz near the Gaza border.

On October 7 terrorists broke into the homes of her neighbours. She hid in the safe room with her son.
"""

REGATTA = """Rowers brave the wind

The autumn regatta on the lake drew forty crews.

On October 7 the junior eights raced in heavy rain, and the Lindqvist boat won by half a length.
"""


def test_known_event_by_context():
    assert dates_of(GAZA)["October 7"] == ("date", "2023-10-07")


def test_known_event_not_without_its_context():
    assert dates_of(REGATTA)["October 7"] == ("date", None)  # year-less, no publication date
    assert dates_of(REGATTA, published="2025-11-02")["October 7"] == ("date", "2025-10-07")


def test_known_event_not_when_the_sentence_marks_an_anniversary():
    text = GAZA.replace("On October 7 terrorists", "On October 7, marking the anniversary, families")
    assert dates_of(text, published="2025-10-09")["October 7"] == ("date", "2025-10-07")


def test_a_known_event_written_as_such():
    text = """Tower guide retires

Museum guide Harold Ames, who led visitors around the memorial for twenty years, spoke of 9/11 and its aftermath.
"""
    assert dates_of(text)["9/11"] == ("date", "2001-09-11")


def test_known_events_file_is_extendable_data():
    vocab = known_events()
    assert any(e.date == "2023-10-07" and e.min_context >= 1 for e in vocab.events)
    assert [e.name for e in vocab.matching("9/11")] == ["September 11 attacks"]
    assert vocab.matching("October 9") == []


def test_that_weekday_refers_to_a_day_already_told():
    text = """Ferry strike ends

The ferry crews walked out on 14 March 2025. Deckhand Omar Reyes said the mood that Friday was calm, and the next day the first boats sailed again.
"""
    found = dates_of(text)
    assert found["14 March 2025"] == ("date", "2025-03-14")
    assert found["that Friday"] == ("date", "2025-03-14")  # 14 March 2025 was a Friday
    assert found["the next day"] == ("date", "2025-03-15")


def test_that_weekday_in_a_story_told_earlier_is_not_a_later_day():
    text = """Ranger remembered

A life spent on the riverbank

The river burst its banks on 12 March 2017. Retired ranger Hal Brecker, who led the evacuation, died on Sunday, his family said.

In an April 2021 interview, Brecker recalled: "The water rose all that Sunday, and we carried people out by boat."
"""
    found = dates_of(text, published="2025-06-12")
    assert found["Sunday"] == ("date", "2025-06-08")
    assert found["that Sunday"] == ("date", "2017-03-12")  # told in 2021: not the Sunday he died


@pytest.mark.parametrize("value, end", [
    ("2024-05", date(2024, 5, 31)), ("2024-12", date(2024, 12, 31)), ("2024", date(2024, 12, 31)),
    ("2024-02-10", date(2024, 2, 10)), ("2024-W05", date(2024, 2, 4)), ("2024-Q3", date(2024, 9, 30)),
    ("2024-WI", date(2025, 2, 28)), ("2023-02-29", None), ("199", None), ("9999-12", None), ("9999-W52", None),
])
def test_period_end(value, end):
    assert period_end(value) == end


def test_ages_and_modal_may_are_not_dates():
    text = """Cyclist recovers

Cyclist Dana Ruiz, 41, was hit by a van. The 35-year-old driver stopped. May she ride again, her team said.
The van's 8-month-old tyres held.
"""
    assert dates_of(text) == {}


def test_stage_writes_the_article_and_scratch():
    doc = READERS["text"].fn(Document(raw=CHESS, kind="text", published="2025-06-12"))
    for stage in STAGES:
        doc = stage.fn(doc)
        if stage.name == "dates":
            break
    assert doc.scratch["dates"] is doc.article.dates
    for d in doc.article.dates:
        assert doc.article.text[d.start:d.end] == d.text
        assert d.stage == "dates"


def test_dateparser_only_with_grounds_for_a_year(monkeypatch):
    calls = []
    monkeypatch.setattr(dates_stage, "_dateparser", lambda text, base: calls.append(text) or ("2020-01-01", "day"))
    resolver = dates_stage._Resolver(READERS["text"].fn(Document(raw=CHESS, kind="text")), None)
    assert resolver.fallback("the ides of March", "DATE").value is None  # no year, no publication date
    assert resolver.fallback("the long weekend", "DATE").value is None  # nothing that names a date
    assert calls == []
    assert resolver.fallback("the spring of 2020", "DATE").value == "2020-01-01"
    assert calls == ["the spring of 2020"]


def test_a_span_of_minutes_or_days_is_no_date_for_dateparser(monkeypatch):
    calls = []
    monkeypatch.setattr(dates_stage, "_dateparser", lambda text, base: calls.append(text) or ("2020-01-01", "day"))
    resolver = dates_stage._Resolver(READERS["text"].fn(Document(raw=CHESS, kind="text")), date(2019, 11, 18))
    assert resolver.fallback("10-15 minutes", "TIME").value is None  # a length, not the 15th of October
    assert resolver.fallback("2-3 days", "DATE").value is None
    assert calls == []
    assert resolver.fallback("10-15", "DATE").value == "2020-01-01"  # digits alone may still be a date


@pytest.mark.parametrize("text, value", [
    ("the next couple of years", "P2Y"), ("an additional year", "P1Y"), ("two more years", "P2Y"),
    ("the first few weeks", "PXW"), ("several-year", "PXY"), ("a quarter-century", "P25Y"), ("this decade", "202"),
])
def test_more_durations_and_periods(text, value):
    assert resolve(read(text)[1], BASE).value == value


@pytest.mark.parametrize("sentence, expression, value", [
    ("Shares fell over the weekend, traders said.", "the weekend", "2025-W23-WE"),
    ("The board will meet over the weekend.", "the weekend", "2025-W24-WE"),
    ("The dividend, payable Sept. 1, was declared last week.", "Sept. 1", "2025-09-01"),  # not the verb's past
    ("The offer had been scheduled to expire on Friday.", "Friday", "2025-06-06"),  # a past perfect: told as past
    ("The offer had been due to expire Friday.", "Friday", "2025-06-06"),  # the same, its "had" on "been"
    ("The offer is due to expire Friday.", "Friday", "2025-06-13"),
    ("Officials postponed the vote until Saturday.", "Saturday", "2025-06-14"),  # a past act setting a time to come
    ("The club planned a rally on Saturday.", "Saturday", "2025-06-14"),
    ("They said they would appeal Tuesday's ruling.", "Tuesday", "2025-06-10"),  # the ruling's day, not the appeal's
])
def test_weekends_and_what_the_tense_does_not_say(sentence, expression, value):
    found = dates_in_sentence(sentence)
    assert found[expression][1] == value, found


def test_a_part_of_day_is_on_the_day_the_story_is_at():
    found = dates_of("Harbour news\n\nThe ferry sank on Monday, police said. Divers reached the wreck that afternoon "
                     "and worked through the night.\n", published="2025-06-12")
    assert found["that afternoon"] == ("time", "2025-06-09TAF") and found["the night"] == ("time", "2025-06-09TNI")


@pytest.mark.parametrize("sentence, value", [
    ("The bank will report results for the second quarter.", "2025-Q2"),  # the nearest: just ended
    ("The bank reported a loss in the third quarter.", "2024-Q3"),  # a past act: the last one
    ("The deadline runs until mid-July, the ministry said.", "2025-07"),  # just ahead, whatever the tense
])
def test_year_less_periods(sentence, value):
    found = dates_in_sentence(sentence)
    assert value in {v for _, v in found.values()}, found


@pytest.mark.parametrize("paragraph, period", [
    ("Ordell fumbled on the harbour side's own 20 late in the first half.", "the first half"),
    ("The Gulls held a 17-7 lead entering the fourth quarter and still lost.", "the fourth quarter"),
    ("Sands scored twice in the second half to settle the cup tie.", "the second half"),
])
def test_a_half_or_quarter_of_a_game_is_no_date(paragraph, period):
    assert period not in dates_in_sentence(paragraph)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates_stage, "GAME_PERIODS", False)
        assert dates_in_sentence(paragraph)[period][1][4:6] in ("-H", "-Q")  # read as a part of a year


@pytest.mark.parametrize("paragraph, period, value", [
    ("Orvel scored record phone sales in the second quarter.", "the second quarter", "2025-Q2"),
    ("Kessel Yards said profit rose in the second half.", "the second half", "2024-H2"),
    ("The bank's credit scoring unit grew in the first half.", "the first half", "2025-H1"),
])
def test_a_company_s_half_or_quarter_stays_a_date(paragraph, period, value):
    assert dates_in_sentence(paragraph)[period][1] == value


def test_a_half_of_something_else_than_a_year_is_no_year_half():
    found = dates_in_sentence("Snow should return in the second half of January, and the first half of the winter "
                              "stays dry.")
    assert not any(value and "-H" in value for _, value in found.values()), found
    assert dates_in_sentence("Sales rose in the first half of 2024 and the first half of last year."
                             )["the first half of 2024"][1] == "2024-H1"


def test_the_quarter_told_and_the_year_ago_quarter():
    found = dates_of("Bank results\n\nThe bank earned $5 million in the third quarter of 2024. The latest quarter "
                     "was its best, and profit rose from the year-ago quarter.\n", published="2024-10-20")
    assert found["The latest quarter"][1] == "2024-Q3" and found["the year-ago quarter"][1] == "2023-Q3"


def test_the_latest_quarter_is_one_that_had_ended_by_publication():
    found = dates_of("Insurer results\n\nThe insurer earned $9 million in the third quarter. It expects a "
                     "fourth-quarter charge. Its car lines fell 20% in the latest quarter.\n", published="1989-11-02")
    assert found["the latest quarter"][1] == "1989-Q3"
    alone = dates_of("Insurer results\n\nIts car lines fell 20% in the latest quarter.\n", published="1989-11-02")
    assert alone["the latest quarter"][1] == "1989-Q3"
    fiscal = dates_of("Feed maker results\n\nThe feed maker reported a fall in fourth-quarter earnings. Sales in the "
                      "latest period rose 13%.\n", published="1989-11-02")  # the only quarter told: a fiscal year's
    assert fiscal["the latest period"][1] == "1989-Q4"


def test_a_year_s_quarter_and_half_an_hour():
    found = dates_of("Mill results\n\nThe mill earned $2 million in the third quarter, up from the 1988 quarter. "
                     "Its board met for half an hour.\n", published="1989-10-20")
    assert found["the 1988 quarter"] == ("date", "1988-Q3") and found["half an hour"] == ("duration", "PT30M")


@pytest.mark.parametrize("sentence, expression, value", [
    ("Sales fell 30% in January, against the same month a year ago.", "the same month a year ago", "2009-01"),
    ("Profit rose in the third quarter of 2009 from the corresponding period last year.",
     "the corresponding period last year", "2008-Q3"),
    ("The mill earned $2 million in 2009, after a loss the year before.", "the year before", "2008"),
    ("The mill earned $2 million in 2009, $1 million more than the year previous.", "the year previous", "2008"),
])
def test_the_same_period_a_year_before(sentence, expression, value):
    assert dates_of(f"Mill results\n\n{sentence}\n", published="2010-02-03")[expression][1] == value


@pytest.mark.parametrize("sentence, expression, value", [
    ("The ferry left an hour ago, the harbour master said.", "an hour ago", "2010-02-03"),
    ("The ferry left half a year ago, the harbour master said.", "a year ago", "2009"),
    ("Two men are arrested on Saturday, police said.", "Saturday", "2010-01-30"),  # news told in the present: past
])
def test_what_an_ago_or_a_present_passive_gives(sentence, expression, value):
    assert dates_of(f"Harbour news\n\n{sentence}\n", published="2010-02-03")[expression][1] == value


def test_a_school_day_is_no_length_of_time():
    assert dates_of("School news\n\nIt happened on a school day.\n", published="2010-02-03").get(
        "a school day", ("date", None))[0] != "duration"


def test_the_year_before_an_event_the_words_do_not_date_is_not_the_year_before():
    found = dates_of("Mill results\n\nThe mill opened in 2009. The year before the election it closed.\n",
                     published="2010-02-03")
    assert "The year before" not in found


def test_a_month_later_after_a_quarter_told_does_not_fail():
    found = dates_of("Bank results\n\nThe bank earned $5 million in the third quarter of 2024. A month later it "
                     "hired a new chief.\n", published="2025-01-20")
    assert found["the third quarter of 2024"] == ("date", "2024-Q3") and "A month later" in found


@pytest.mark.parametrize("sentence, expression, value", [
    ("The boy was found on Thanksgiving Day clinging to a tube.", "Thanksgiving Day", "2024-11-28"),
    ("The shop will reopen at Easter.", "Easter", "2026-04-05"),
    ("They married at Christmas 2009.", "Christmas 2009", "2009-12-25"),
])
def test_holidays(sentence, expression, value):
    found = dates_in_sentence(sentence)
    assert found[expression] == ("date", value), found



@pytest.mark.parametrize("sentence, expression, value", [
    ("Membership of the choir grew over the past year.", "the past year", "2024"),  # the year before, a DATE
    ("Ticket sales doubled in the last month, the theatre said.", "the last month", "2025-05"),
    ("The ferry ran late all through the past week.", "the past week", "2025-W23"),
    ("The mill has lost money for the past three years.", "the past three years", "P3Y"),  # counted: a duration
    ("Rents rose across the past decade.", "the past decade", "P10Y"),  # the corpora disagree: kept a duration
])
def test_the_past_year_is_the_year_before(sentence, expression, value):
    found = dates_in_sentence(sentence)
    assert found[expression][1] == value, found


@pytest.mark.parametrize("sentence, expression, value", [
    ("The bakery expects sales to rise for the full year.", "the full year", "2025"),
    ("The merger should close by year-end, the firms said.", "year-end", "2025"),
    ("The harbour board lost money in the fiscal year, its report said.", "the fiscal year", "FY2025"),
    ("Rain held up the harvest earlier in the year.", "earlier in the year", "2025"),
])
def test_the_year_in_focus_is_the_year_of_publication(sentence, expression, value):
    found = dates_in_sentence(sentence)
    assert found[expression] == ("date", value), found


def test_a_point_compared_with_does_not_move_the_story():
    found = dates_of("Mill results\n\nThe mill earned $4 million in the third quarter of 2024, up from $3 million a year "
                     "earlier. Sales rose to $9 million from $8 million a year earlier. In the 2023 second quarter it "
                     "had closed a kiln.\n", published="2024-10-20")
    years_earlier = [d.value for d in newsgraph.extract(
        "Mill results\n\nThe mill earned $4 million in the third quarter of 2024, up from $3 million a year earlier. "
        "Sales rose to $9 million from $8 million a year earlier.\n", kind="text", published="2024-10-20").dates
        if d.text == "a year earlier"]
    assert years_earlier == ["2023-Q3", "2023-Q3"]  # both compare with the quarter told, not with each other
    assert found["the 2023 second quarter"] == ("date", "2023-Q2")
    later = dates_of("Mill results\n\nLast year's third quarter was weak; this year's first half was better.\n",
                     published="2024-10-20")
    assert later["Last year's third quarter"][1] == "2023-Q3" and later["this year's first half"][1] == "2024-H1"


@pytest.mark.parametrize("sentence, expression, value", [
    ("The council will vote on the plan at a later date.", "a later date", "FUTURE_REF"),
    ("Fares may rise in the years ahead.", "the years ahead", "FUTURE_REF"),
    ("In past years the fair drew bigger crowds.", "past years", "PAST_REF"),
    ("Later in the day the ferry sailed again.", "Later in the day", "2025-06-12"),  # no day told: publication's
    ("The ferry broke down on Monday. Later in the day it was towed home.", "Later in the day", "2025-06-09"),
    ("The co-op lost money in its fiscal year, the report said.", "its fiscal year", "FY2025"),
    ("For the year ended March 31, the co-op earned $2 million.", "the year", "P1Y"),  # a length, TimeBank
    ("Talks ran through a day-long session.", "day-long", "P1D"),
    ("The pool closed for repairs this past spring.", "this past spring", "2025-SP"),
])
def test_underspecified_references_and_the_period_in_focus(sentence, expression, value):
    found = dates_in_sentence(sentence)
    assert found[expression][1] == value, found


@pytest.mark.parametrize("sentence, expected", [
    ("Sales fell in the fourth quarter of the year-earlier period.", {"the fourth quarter": "2024-Q4"}),
    ("Sales rose in the fourth quarter of the year ended March 31.", {"the fourth quarter": "2024-Q4"}),
    ("Revenue dropped last quarter, the year's worst.", {"last quarter": "2025-Q1"}),  # no 'last quarter of'
    ("Output grew in the third quarter of the same year.", {"the third quarter of the same year": "2024-Q3"}),
    ("The firm bought three years and a half-dozen firms.", {"three years": "P3Y"}),
    ("A deal is due in the second half of the year.", {"the second half of the year": "2025-H2"}),
])
def test_of_the_year_is_the_year_in_hand_only_when_nothing_follows(sentence, expected):
    found = dates_in_sentence(sentence)
    assert {text: found[text][1] for text in expected if text in found} == expected
