"""The quote rule families on top of the cue vocabulary, each behind a named switch.

Every family must pay for itself on real annotated news (PolNeAR dev, look and held parts);
`benchmarks/quote_ablation.py` prints the figures with each one switched off. Switch families off
for a run with the environment variable `NEWSGRAPH_QUOTE_RULES_OFF` (comma-separated names), or in
Python with `QUOTE_RULES.off(...)`.
"""

from __future__ import annotations

from ..switches import RuleSwitches

FAMILIES: dict[str, str] = {
    "addressee": "a request's addressee belongs to its content ('urged [voters to stay home]')",
    "dateline_apposition": "a dateline subject gives way to its apposition ('BOSTON -- Mayor X, ..., said')",
    "label_string": "three or more quoted labels in one view stay one mixed quote "
                    "('a “liar,” a “bully” and a ...')",
    "headline_label": "in a headline, a short capitalised name or noun before a colon speaks ('Marsh: ...'); not a "
                      "kicker whose last word is a common word that names no person, group, body or document "
                      "('Roundup: ...', 'Fact Check: ...')",
    "topic": "a report's topic after 'about' or 'on' is its content ('spoke [about the shooting]')",
    "named_object": "a one-word name is a view's whole object ('endorses [Clinton]')",
    "state_adjectives": "a state of mind reports what it holds ('Democrats are worried [that ...]', "
                        "'is determined [to ...]')",
    "issuer": "a gerund on a statement or event noun speaks for who issued or held it "
              "('the council issued a statement calling ...')",
    "passive_view": "a passive view verb reports a view of its subject, its source unnamed or after 'by' "
                    "('[she] is expected [to win]', '[he] was accused [of ...]')",
    "questions": "a question put by someone unnamed reports what was asked, no source unless 'by ...' ('[she] was "
                 "asked [about the fares]', 'Asked [whether the pier would reopen], he ...', 'when asked [to leave]')",
    "contracted_has": "a contracted 'has' the tagger reads as a passive's 'is' is the perfect when a clause or an "
                      "object follows ('[He]'s said [he will stay]'; not 'he's said to be ill')",
    "prepositional": "a stance verb reports a view of its preposition's object ('voted [for the bill]', "
                     "'referred to [the deal as a disaster]', 'focused on [taxes]')",
    "cased_headline": "a headline in title case is parsed again in sentence case for its cues, names kept "
                     "capitalised ('Senator Praises [Ferry Plan]')",
    "object_modifiers": "a view's object of two words or more takes the verb's prepositional phrases right "
                        "after it, up to a comma, 'by' or one naming where it was said ('cited [her record on the "
                        "harbour board]', not '... in a tweet')",
    "conj_report": "a conjoined reporting verb with a clause of its own ends what was reported before it ('said "
                   "[they worry about the cuts] and fear [that ...]')",
    "as_reported": "a clause opening with 'as' and a reporting verb reports the clause it leads into ('As the "
                   "Post reported, [the fund gave ...]')",
    "gerund_object": "a gerund cue's object is whom it addresses, never an inverted source ('Hale backed the plan, "
                     "telling the radio station [that ...]': Hale speaks)",
    "adjacent_source": "a cue whose source the parse lost takes the name right before it ('…,” Hale barked'), or, "
                       "for a gerund after a comma, the subject of the main verb ('Hale left, writing “…”')",
    "view_object": "only a verb that frames quotations takes a name after it for an inverted source ('“…,” said "
                   "Smith'); a view's object is what it is about ('attacked the mayor for …')",
    "reporter_gerund": "a gerund after a comma that closes a reported clause speaks for the reporter ('Hale said "
                       "[he plans ...], insisting [that ...]': Hale; also a verb with its particle: '[the agency] "
                       "pointed out that ..., adding that ...')",
    "for_clause": "'called for [the board to resign]': the clause the parser opens with 'for' is what was called "
                  "for",
    "noun_infinitive": "a commitment or wish noun reports its 'to ...' ('her decision [to resign ...]', "
                       "'filed a motion [to delay ...]')",
    "quoted_titles": "a quotation of two to eight title-case words in a body paragraph is a name, not speech "
                     "('told the station's \"Harbour Hour\" that ...'; not '\"Thank You,\" she said')",
    "as_view": "a view verb reports its object through 'as' ('critics see [the bill as a giveaway]')",
    "whole_quotation": "a reported clause cut inside a quotation runs on to the quotation's close (the aside "
                       "trimming must not cut 'said the plaque would name \"the ferryman, the one who rowed ...\"' in two)",
    "conj_form": "a conjoined verb ends a reported clause only in the reporting verb's form ('declined [to "
                 "blame X or criticize Y]'; 'said [he would review it] and warned ...')",
    "for_object": "after 'for', a gerund cue's source is the object of the verb it hangs on ('fined [the clerk] "
                  "for refusing to testify')",
    "reporter_conj": "a conjoined cue shares a subject, never taking its object for an inverted one; parsed as "
                     "conjoined to a reported clause but in its reporting verb's form, it shares that verb's "
                     "('[X] said it was closed and warned Y to ...')",
    "comma_inversion": "a cue after a comma and no 'and', whose name after it closes the sentence, takes that name "
                       "as an inverted source though the parser conjoins the cue to the reported clause ('..., "
                       "reported the Orlan Gazette.')",
    "mixed_continuation": "a quotation opening a clause goes on from the nearest attributed quotation before it "
                          "in its paragraph, a mixed one too ('The plan is \"too timid,\" he said. \"...\"')",
    "mute_noun": "a gerund cue on a noun that cannot speak (no name, person, group or document) speaks for whoever "
                 "the noun's clause names, else for no one ('the board voted for a closure [marking] ...')",
    "quoted_heading": "a paragraph that is only a quoted title-case phrase is a subheading, not a floating "
                      "quotation (\"'Storm Over the Pier.'\")",
    "reader_source": "a source that is the reader (generic 'you', 'let's') is nobody: 'if you want to [...]' and "
                     "'let's say [...]' get no speaker name, the mention kept; 'you' in a quotation's text stays",
    "pronoun_source": "a source that is a demonstrative, quantifier or indefinite pronoun ('that', 'some', "
                      "'others', 'someone') is unresolved: no speaker name, the mention kept",
    "connective": "a reporting verb used as a sentence connective reports nothing ('That said, ...', "
                  "'that is not to say ...')",
    "raising": "'seem' and 'appear' with a complement report how a thing looks to the writer, no source ('[the "
               "court] seemed [to send a signal]'; not 'appeared on television', nor 'appeared to imply [...]')",
    "quoted_name": "a quotation right after the object of 'call' names it, however the parser hangs it ('called [his "
                   "plan “a farce”]'; 'called him on Sunday' reports nothing)",
    "signature_apposition": "a signature after a quotation may go on after a comma with the speaker's age and "
                            "role ('“...” —Jane Doe, 41, ferry pilot in Varnby'); the name ends at the comma",
    "pronoun_chain": "a pronoun source too far from any name speaks for whom the same pronoun was last read as, up "
                     "to three paragraphs back ('She said: “...” [a paragraph of quotation] She added: “...”')",
    "idioms": "set phrases that report nothing: 'All told, ...' (a sum), 'spoke on condition of anonymity', "
              "'did not want to be named' and 'requested anonymity' (why someone is unnamed), 'calling friends on "
              "their phones' (how), a label over a number alone ('Clinton: 547.', a count in a table)",
    "medium_clause": "a 'that' clause the parser hangs on where it was said is what was said ('said in a statement "
                     "[that the pier will reopen]', 'told reporters on a call [that ...]')",
    "gerund_clause": "a clause whose subject is a gerund is what was said, however the parser splits it ('said "
                     "[seeing so many police there was a relief]')",
    "purpose_subject": "a cue in a purpose clause shares the subject of the verb it hangs on ('[Hale] took to the "
                       "steps of the town hall to assail [the budget]')",
    "adjective_subject": "a cue after an adjective shares the subject the adjective describes ('[Hale] was quick "
                         "to point out [that ...]', 'was reluctant to endorse [Marsh]')",
    "passive_report": "the passive of any other cue verb with an agent after 'by' reports its subject, the agent "
                      "the source ('[The meeting] was first reported by [the Gazette]')",
    "standing": "a 'with' phrase giving a figure or a lead right after a view's object belongs to it ('the poll "
                "shows [Marsh with 41 percent]')",
    "phrasal_content": "a phrasal cue reports its clause, its object or its topic ('pointed out [that the ferry "
                       "was late]', 'laid out [a plan for the pier]', 'weighed in on [the vote]')",
    "spaced_intro": "a cue introduces a quotation after its comma or colon also across a no-break space ('Hale "
                    "said,\u00a0“...”')",
    "adverb_particle": "a phrasal cue's particle may be parsed as an adverb right after the verb ('Hale shot back, "
                       "“...”', 'fired back')",
    "stray_source": "a source the parse lost may stand before the verb's adverbs, a party in brackets or an age "
                    "('Hale (D-Ore.) called out [...]', 'Hale, 44, said [...]', 'Abara, bluntly suggested'), and a "
                    "capitalised word read as a modal or an adverb before a past or third-person verb is a name "
                    "('Will insisted [...]')",
    "proform": "a word standing for what was said, right after a reporting verb and closing its clause, is what "
               "was said: an answer, a demonstrative, a question word or 'the same' ('said [yes]', 'would not say "
               "[so]', 'did not say [when]', 'said [the same]')",
    "asked_if": "a question put with 'if' or 'whether' is what was asked, however the parser hangs it, with whom "
                "it was put to ('asked [the crews if they would strike]')",
    "small_clause": "'consider' and 'deem' report a judgement put as a clause without a verb ('[Hale] considers "
                    "[the plan unworkable]', 'consider [him a fraud]')",
    "as_clause": "a view through 'as' also when the parser makes 'as' open a clause of its own right after the "
                 "object ('voters see [Hale as more prepared for the job]', 'sees [the board as captured by ...]')",
    "colon_dateline": "a label in capitals before a colon opening a body paragraph is a dateline, not a speaker, when "
                      "it names a town the gazetteer knows ('NEW DELHI: ...'; 'TRUMP: Wrong.' stays a turn)",
    "field_label": "a colon label opens a transcript turn only outside brackets, the label no salutation, what "
                   "follows no table cells and, in the body, a verb or a sentence's end ('Size: 6-foot-6, 215 lbs', "
                   "'RANKINGS: Team | State', '[CLIP: ...]', 'DEAR ABBY:' are not; 'TRUMP: Wrong.' is)",
    "head_entity": "a source is the entity its head word names, not one a modifier names ('US officials', "
                   "'the city's mayor', 'Acme's lawyers' are not the country, the city or the company)",
    "head_name": "a capitalised source head links to the name it stands in, not to a place or body a modifier names "
                 "('The Dutch singer Vos' is Vos, not the Netherlands), and a title head to the person named after "
                 "its phrase, as the preposition's object or in apposition ('US Ambassador to the UN Nora Pell' is "
                 "Nora Pell); the mention stays as written",
    "appositive_source": "a common-noun source with a person's name in apposition is that person ('Hale's wife, Ada, "
                         "said' is Ada); the mention stays as written",
    "dateline_content": "a dateline opening the paragraph ('OSLO, May 3 (Reuters) - ', 'BERGEN (AP) — ', '(CNN)') is "
                        "no part of what is reported",
    "title_label": "an article's first paragraph, read as body (a title in sentence case), takes a headline's "
                   "label before a colon for its speaker ('Auditors: Ferry fares will rise in May')",
    "medial_cue": "a reporting verb set off by commas after the clause it reports, mid-sentence, reports what "
                  "hangs on it after the second comma too ('[the fares will rise], officials insist, [because the fuel "
                  "costs more]'; not ', adding that ...')",
    "conj_that": "a second 'that' clause the parser conjoins to the reporting verb is reported too ('predicted [that "
                 "fares would fall, but that the ferry would offset it]')",
    "noun_holder": "a reporting noun without a possessive is held by the name, person or group after 'by', 'of' "
                   "or 'from' ('a demand, by [the union], that ...'), and after 'in' by the subject of the verb its "
                   "phrase hangs on ('[Hale] waited, in hopes that ...')",
    "colon_intro": "a quotation right after a colon closing a clause with no cue of its own is the subject's, or the "
                   "name's right before the colon ('[The letter] makes its case: “...”', '... was no news to pollster "
                   "[Jane Doe]: “...”')",
    "apposition_source": "a source the parse lost may stand before a phrase set off by commas right before the verb "
                         "('“...,” [Jane Doe], the board's former treasurer, said'; 'Doe (D-Ore.), pointing to the "
                         "pier, said')",
    "quoted_report": "a report whose words hold a quotation that no cue frames is a quote of its own: mixed, or "
                     "direct when it is the quotation or lies inside it ('called for [“more boats”]', 'shook up [what "
                     "is called a “ferry season”]')",
    "as_phrasal": "a phrasal cue in a clause opening with 'as' reports the clause it leads into, as a reporting verb "
                  "does ('As harbour experts have pointed out, [the fund gave ...]')",
    "object_control": "a cue in a 'to ...' clause completing a verb of causing with an object speaks for that object "
                      "('the war drove [the villagers] to demand [...]', 'led [Hale] to declare [...]')",
    "setting_tail": "a view's object stops before a phrase saying when, where or through whom the view was put "
                    "('attacked [the harbour plan] at a rally', 'denied [the charges] through his lawyer')",
    "according_tail": "a report's words end before a trailing ', according to ...', a cue of its own that then "
                      "reports the whole clause ('[Most voters said the plan costs too much], according to exit "
                      "polls')",
    "expletive_it": "a cue completing 'it is' with an adjective, or 'it means', has no source: 'it' stands for the "
                    "clause ('It is easy to criticize [the plan]', 'It means admitting [that ...]')",
    "self_described": "'a self-described [ferry romantic]': 'self' is the source of how the noun's holder describes "
                      "themself, the words after the participle up to the noun the content",
    "quoted_line": "a paragraph that is only a few words in single quotation marks is a subheading, not a floating "
                    "quotation (\"'A hard winter ahead.'\")",
    "table_cells": "a cue's source and content stay in the table cell of its verb (cells joined by ' | ')",
    "head_mention": "a named source, or the phrase a pronoun refers to, is the entity whose mention holds its head "
                    "word, not one that names only a word before it ('the US Attorney's Office said', 'the US "
                    "military ... It said' are not the country); with no such entity the phrase as written speaks",
    "served_person": "a title's person is not the one it serves: 'the Senior Adviser to Ada Quill said', 'an aide to "
                     "Senator Ada Quill' are not Ada Quill; only a name after a body or a place in the title's "
                     "phrase is its holder ('US Ambassador to the UN Nora Pell')",
    "interview_teller": "in an interview written as questions and answers (three questions or more to 'you', "
                        "each answered in the first person in the next paragraph), the answers' 'I' and 'we' are "
                        "the person interviewed's, not the byline's: no one is named for them",
    "byline_teller": "the narration's 'I' and 'we' are the byline's only when it is no site's own name: under "
                     "'Harbourside Articles' or 'Harbour News Staff' on the site (its name or its address's "
                     "registrable label), or the site's name alone, they are an interview's answers or a reprinted "
                     "memo's writer (no speaker name, the mention kept)",
    "object_stances": "a quote outside quote marks whose content is its cue's object, a noun phrase and not a "
                      "clause, and that would be speech, is a stance, mode 'stance' ('denied [the accusations]', "
                      "'called for [a ceasefire]'; not 'denied [taking the money]')",
    "listener_after": "the name after 'tell', 'inform', 'assure', 'remind' or 'notify' is the one told, never the "
                      "source, even when the parser makes it a second subject ('“...,” Jack Buser, director for "
                      "games at Google, tells The Hollywood Reporter': Buser speaks)",
    "pull_quotes": "a quotation with no cue of its own whose first eight words are words of a quote a cue "
                   "attributes elsewhere in the article is a copy of it (a pull-quote set apart on the page) and "
                   "takes that quote's speaker, when every such quote has the same one",
    "relative_not_date": "a relative that the parse hangs on a date, a sum or a number stands for no one named, "
                         "never for '2019' ('a survey from 2019, which found ...'); a 'who' stands for the nearest "
                         "person named before it in its sentence ('a friend, Rachel, in 2019, who told ...'); a "
                         "share may speak ('the 89% who ...')",
    "firm_trade": "a quote outside quote marks whose cue is a verb of a company's trade ('offer', 'promote', "
                  "'show'), whose source is an organisation and whose content is a noun phrase, not a clause, is a "
                  "thing's, mode 'thing' ('Dashlane offers [a free version]', 'the company showed [a profit]')",
    "title_words": "a cue verb written with a capital inside a sentence not in title case is a word of a title or "
                   "a label ('Agatha Christie's Why Didn't They Ask Evans?', 'Tap to Reveal'), no cue",
    "source_in_content": "a source that is the quote's words themselves is not who said them ('the only word to "
                         "describe [Nicole Kidman]' is no quote of hers): the quote keeps no speaker",
    "mute_sources": "a quote outside quote marks whose source is a noun that never names someone who could speak "
                    "(WordNet: no sense a person or a group) is a thing's, mode 'thing' ('a graph shows [...]', "
                    "'the move aims [to ...]'; not 'the jury', 'scouts', 'both sides')",
}
"""Every switchable family, by name, with what it does."""

QUOTE_RULES = RuleSwitches(FAMILIES, "NEWSGRAPH_QUOTE_RULES_OFF", "quote")
enabled = QUOTE_RULES.enabled
