"""The entity rule families on top of spaCy's named entities, each behind a named switch.

Every family must pay for itself on real annotated news; `benchmarks/entity_ablation.py` prints the
dev figures with each one switched off. Switch families off for a run with the environment variable
`NEWSGRAPH_ENTITY_RULES_OFF` (comma-separated names), or in Python with `switched_off(...)`.
"""

from __future__ import annotations

from ..switches import RuleSwitches

FAMILIES: dict[str, str] = {
    "headline": "the headline and the deck are parsed and read like the body",
    "trailing_marks": "a name never ends with a comma, semicolon or colon the model's entity took in ('Blue Origin,' "
                      "of a list)",
    "list_types": "names listed together ('Korn, Slipknot, Deftones and Mudvayne') are of one kind: a list of three "
                  "or more whose names are mostly of one type gives it to the others where their form allows "
                  "(`name_lists`)",
    "list_splits": "an organisation or person whose name holds a comma before a capitalised word is two names of a "
                   "list ('Korn, Limp Bizkit'), unless a designator or a generation ends it ('Mattel, Inc.') or it "
                   "joins its words with 'and' ('Keefe, Bruyette & Woods')",
    "not_names": "holidays, the temperature scales and 'Brexit' are never entities (entities.json `not_names`)",
    "titles": "titles and ranks split from names, inside spaCy's entity and before it",
    "described_as_person": "a place or organisation the text describes as a person ('X, the officer who') is a person",
    "gazetteer_descriptions": "no apposition or 'who' clause makes a person of a name the gazetteer knows as a "
                              "town, city, country or US state and as no person's name ('Venezuela, a member of "
                              "OPEC,'); an age between commas still does",
    "firm_appositions": "no apposition makes a person of an organisation when no comma or bracket stands between "
                        "them ('Orvel Bank head of research NAME': the head is NAME) or when it ranks a firm by size "
                        "('X, the region's largest letting adviser')",
    "copular_person": "a place or organisation that is the subject of 'is', 'was' or 'became' with a noun of people "
                      "after it ('X is a mathematician', 'X became the coach') is a person",
    "described_guards": "no description makes a person of a name after a determiner ('the Harriers, who'), of a "
                        "place after a preposition of place ('a farmer in western Ardale, who'), or of a title "
                        "opening a place's or an organisation's name ('Bishop Square')",
    "owners_people": "a body's or place's name the model runs on past a possessive into a person's ('Green Party’s "
                     "Jill Stein', 'NFL Network’s Rich Eisen') is the body, then the person",
    "organization_heads": "a place followed by an organisation head word ('Israel' 'Police') is an organisation",
    "currency_codes": "a currency's ISO 4217 code next to an amount ('$99 (USD)', '40 EUR', 'USD 15 million'; "
                      "entities.json `currency_codes`) is no entity",
    "role_tail": "a person's entity ending in a role noun ('Virginia Governor(s)', 'the Apple CEO') holds no name "
                 "and is dropped; a name tagged a proper noun ('John Major') stays",
    "speaking_names": "a name opening with a given name that the model typed a place or an organisation is a person "
                      "when its last word alone is twice the subject of a speech verb ('Jade Black' ... 'Black said')",
    "institution_names": "a 'person' of several capitalised words ending with a body's head word or a designator "
                         "('Sandy Hook Elementary School', 'Betty Ford Center'), with no title, is an organisation, or "
                         "a place when that word names a structure ('Kennedy Airport'), whatever family made it a "
                         "person",
    "speaking_bodies": "`speaking_names` leaves a name ending with a body's head word ('Troy Police') or opening "
                       "with a country or a region ('France Telecom') as it is",
    "common_words": "an entity written all in lower case ('senate') or an acronym of a common noun ('AI', 'GDP'; "
                    "entities.json `common_acronyms`) is no name",
    "listed_firms": "the name right before a ticker in brackets ('Blinkx (LSE: BLNX)') is a listed company, an "
                    "organisation in every mention, unless the gazetteer knows it as a place; the ticker is a mention "
                    "of it",
    "known_firms": "a listed company's name (data/firms.json, from the companies of twenty stock indices) typed a "
                   "person or a place is an organisation in every mention, and one the model missed is added; a "
                   "name that is also an English word or a short acronym ('Apple', 'IBM') only types a 'person'",
    "ticker_exchanges": "the exchange named before a ticker in brackets ('(LSE: BOO)', '(NYSE: GM)') is an "
                        "organisation",
    "market_terms": "time zones ('0800 GMT') and acronyms of market terms ('EPS', 'NPAs'; entities.json "
                    "`market_acronyms`) are no names",
    "product_models": "a name of two words or more ending with a model word ('MacBook Pro', 'Galaxy S23 Ultra'; "
                      "entities.json `model_words`) typed an organisation or a place is a product: no entity",
    "i_brands": "a name whose first word is a lower-case 'i' before a common noun ('iPhones', 'iTunes Music Store'; "
                "not 'iHeartMedia', 'iFixit') typed an organisation or a place is a product: no entity, unless a "
                "designator ends it or it is a listed company's",
    "common_noun_bodies": "a lone word typed an organisation that the article also writes twice or more in lower "
                          "case as a noun ('Shrine' ... 'the shrines') is no organisation, unless it names a body "
                          "alone (organisation heads, mastheads, designators, `institution_words`: 'the House'), is a "
                          "word of a longer name of the article, or is an outlet's or a listed company's name",
    "vessel_names": "a name right after a ship's common noun ('the ferry Island Star', 'the bulk carrier Hestia "
                    "Moon') is the ship's, no entity",
    "saints": "a 'person' named 'St ...' or 'Saint ...' whose every mention is followed by a possessive ('St Aldwin’s "
              "Cathedral', 'vicar of St Aldwin’s') is the church, school or hospital named after the saint",
    "first_bearer": "a lone surname that several people of the article share belongs to the first of them named, "
                    "not the last ('Trump' after 'Donald Trump Jr.' is Donald Trump; 'Willis' after 'his wife, Emma "
                    "Heming Willis' is Bruce Willis): news style names relatives by their given names after the first",
    "name_sex": "a person's given name that nine in ten of its bearers share the sex of (the 1990 Census lists, "
                "data/given_names.json) and a gendered title ('Queen', 'Pope') tell a pronoun whom it can mean: "
                "'she' is not 'Kevin Allton', 'he' not 'Kristin Wilkins'",
    "kin_appositions": "a name in apposition to a relative's noun has the relative's sex ('his wife, Kimberly,' is a "
                       "woman): no later 'his' means her, so 'his wife' is not made 'Kimberly's wife'",
    "particle_surnames": "a family name written with its particles and no given name ('De Niro', 'Van Der Beek') is "
                         "the person whose full name ends with it ('Robert De Niro'), not a person of its own",
    "named_before": "a description of an organisation ('the company', 'the ministry') refers back: to an "
                     "organisation the article has named before it, not one named only later ('the company "
                     "confirmed ...' is not the magazine Fast Company of a later paragraph); not 'the police', "
                     "the town's force whenever it is named",
    "salience": "a pronoun leans to the person the article has named most so far (up to four names): the "
                "subject of a biography, not the doctor named once in passing",
    "pronoun_people": "an organisation or place named as a person may be (opening with a given name, a given name "
                      "alone, or the last word of such a name in the article) that 'he' or 'she' would mean twice, "
                      "were it a person, is a person ('Holt' beside 'Brock Holt', typed a team's)",
    "appositive_subject": "a name in apposition to a sentence's subject is that subject for the pronouns after it "
                          "('the skipper's wife, Ada, said she ...': 'she' is Ada, not the last person named a subject); "
                          "not a name of no known sex when a possessive pronoun opens the subject ('Her old teacher, "
                          "NAME, praised her'): the one it means stays in view",
    "title_modifiers": "a title's modifier or qualifier written in lower case before it stays with it ('chief "
                       "executive', 'deputy chairman', 'former prime minister'; data/title_forms.json), where only "
                       "capitalised words did ('Acme chief executive' was 'executive')",
    "title_and": "a title's capitalised words may be two joined by 'and' ('Health and Human Services Secretary', 'Fire "
                 "and Rescue Chief'), not after a person or a place ('Salazar and Commerce Secretary') nor a name the "
                 "model tags, unless in one body with an English word ('Rubio and Ohio Gov.'); a body named by its "
                 "second half there ('Rescue') takes its whole name ('Fire and Rescue'), never a title ('Gov. and'); "
                 "so may a title's 'of' phrase ('Secretary of Housing and Urban Development NAME'), and a name the "
                 "model ran that phrase into starts at its first given name or word of no English after the 'and' "
                 "('[Minister of Mines and] Energy NAME'), unless a designator ends it ('... Trust Ltd')",
    "titled_names": "an organisation or place tag on a title and a name opening with a given name is a person "
                    "('Very Rev Ada Marsh'), unless the title is a given name too ('Dean Smith Center')",
    "titled_people": "capitalised names right after a title are people spaCy missed ('Rabbi Shachar')",
    "titled_heads": "a title before capitalised words ending with an organisation's or a place's head word "
                    "('Premier League', 'Deputy City') names no person spaCy missed, unless they open with a given name "
                    "('Director Sam Lake')",
    "title_firms": "a title opening capitalised words that end with an organisation's designator ('General "
                   "Motors', 'General Electric') names the organisation, no titled person",
    "outlets": "news outlets from the gazetteer where spaCy saw no entity",
    "datelines": "a line opening with a town in capitals before a date, a wire or a dash is a dateline: the town is a "
                 "place, and an entity the model ran over it keeps only what follows ('TOKYO (Reuters) -', "
                 "'ANKARA - Central bank of ...')",
    "place_in_name": "the place inside an organisation's name ('Netivot Police Station' -> Netivot)",
    "parenthesis_guards": "a place ('Magadi (Kenya)') or an acronym ('Indian (NRI)') in a parenthesis after a one-word "
                          "person is none of the person's names",
    "parenthesis_name": "a name split by a parenthesis ('Shachar (Butzhak, head of ...)') is one name; a nickname "
                        "there takes the surname after it ('Kimani (Kiki) Gray')",
    "person_wins": "an organisation or place tag on a known person's name is the person, and known people inside a "
                   "longer name ('Lopez and Carrasquillo', 'American Hasim Rahman') are taken out of it",
    "known_lone_words": "a lone word that the gazetteer knows as a place and no person's name, or that is a listed "
                        "company's or a disease's name, is no short form of a 'person' whose name does not open "
                        "with a given name ('Plymouth' beside 'Plymouth Live reports', 'Qualcomm' beside 'Eassa "
                        "(Qualcomm)'), tagged or untagged; tagged a person, such a place stays one only as a word of "
                        "a full name opening with a given name, described, or holding a word in no English use "
                        "('Uzi Arad'; not 'Mountainous Nepal')",
    "person_at_end": "a known person's full name ending a longer organisation or place name is the person, the "
                     "words before it keep their type ('UN Nora Pell' after 'Ambassador to the')",
    "repeats": "untagged repeats of names already found in the article",
    "patronymics": "a lone word is no repeat of a name that has it after 'bin', 'ibn', 'ben' ... ('Salman' beside "
                   "'Mohammed bin Salman' is his father, 'Muhammad' beside 'Ibrahim ibn Muhammad' the prophet)",
    "repeat_full_names": "an untagged repeat of a person's full name ('Ada Quill') is one mention, not one for each "
                         "word; no word inside a longer name's untagged repeat ('Florida' of 'Florida State') is a "
                         "repeat of its own",
    "repeat_tails": "an organisation's or a place's one-word name ending a longer proper name ('Internet [Explorer]') "
                    "is no untagged repeat of it",
    "photographers": "people named in picture credits are photographers (not a credit naming one of the article's "
                     "organisations, or with a designator or an acronym: 'Brindle Studios', 'AP Photo')",
    "demonyms": "an adjective of place ('Canadian', spaCy's NORP) names the place (demonyms.json, from WordNet)",
    "name_form": "the form of a name types it: designators and the outlet gazetteer make organisations; model "
                 "numbers, symbols, acronyms and furniture words no person",
    "furniture_firms": "a name opening with a word of page furniture ('Credit', 'Source', 'Image') is kept when it "
                       "ends with a designator, or the model typed it an organisation and no given name follows "
                       "('Credit Suisse Group AG'; not 'Credit Ada Marsh')",
    "firm_openers": "a 'person' of several words opening an organisation's longer name in the article that ends "
                    "with a designator is that organisation ('Bovis Homes' beside 'Bovis Homes Group plc'), unless "
                    "it opens with a given name",
    "shouted_designators": "a designator written in capitals ends an organisation's name like any other "
                           "('GENERAL MOTORS CO', 'ACME HOLDINGS INC')",
    "place_nouns": "a name after 'the city of', 'the state of' ... is a place spaCy missed ('the city of Ofakim')",
    "street_names": "capitalised proper nouns in no entity before a street's head word ('Wall Street', 'on Lygon "
                    "Street'; entities.json `street_heads`), with no capitalised word after it, are a place",
    "structure_places": "an organisation named after a built structure, with no designator ('Third Mainland Bridge', "
                        "'Heathrow Airport'; entities.json `structure_heads`), is a place",
    "seat_places": "a building whose name stands for the office in it ('the White House said'; entities.json "
                   "`seat_places`) is a place, not an organisation",
    "named_events": "a name ending with an event's head word ('Paris Air Show', '... Conference') is no entity",
    "things": "a name after 'a', 'an' or a possessive ('his iPhone', 'a borrowed Subaru'), or a make after 'the' "
              "('by the Mazda'), is a thing, no entity",
    "headline_case": "in a headline Written Like This, a person the body never names is none ('Comet Chaser')",
    "headline_bylines": "in a headline Written Like This, a person right after 'By' is a byline run into it ('Why "
                        "Stocks Fell By Ada Marsh |') and stays, though the body never names them",
    "headline_phrases": "in a headline Written Like This, an organisation or place holding a word of a clause "
                        "('Sweden Drops Its Investigation Into ...', 'Battery Development Could') is no name",
    "shouted_lines": "in a line written all in capitals ('KAZAKHSTAN WINS AGAIN'), a name is kept only when the rest "
                     "of the article writes each of its words capitalised; known names are found there",
    "lower_variants": "a name of several words that the article also writes with some of them in lower case, as "
                      "often as it writes the name ('Downtown Ardale' ... 'downtown Ardale', 'Privacy Policy' ... "
                      "'its privacy policy') loses those words at its edges, and is no name when none is left",
    "colon_breaks": "a name never spans a colon: it ends before one ('Indiana Pacers:', 'Apple Arcade: So'), or "
                    "starts after a label written with a slash ('School/Team: Marquette'); nothing left, no name",
    "edge_words": "a name does not end with 'and', 'of', 'to', 'x', 'et al.' ... in lower case ('iPad Pro and', "
                  "'Korn x') nor open with a word in lower case other than a particle ('federal Bureau of Prisons')",
    "name_breaks": "a person's name holds no lower-case word but a particle ('Meghan cry', 'Vincent to Emily') and no "
                   "symbol between words ('Abigail • Emily'), and does not open with a verb's past or -s form before "
                   "a given name or a name the article writes alone ('Replied Stephen'), nor with a country before a "
                   "given name and a surname ('to Ukraine Ada Quill'): it ends before them",
    "describing_words": "a person's name of three words or more does not open with an adjective or adverb in use "
                        "that is no given name or Census name before a given name, nor end with one when it opens "
                        "with a given name ('Legendary Ada Quill', 'Ada Quill Together'; WordNet, name_words.json "
                        "`describing`), and such a word alone is no person ('Broken') but in a full name",
    "headline_names": "in a headline, a name the model ran on into the words after it ('Lindsay Lohan Checks', "
                      "'Lohan Checks Into Rehab') ends where the article's own name for the person ends; people of "
                      "the body are found in a headline written in capitals",
    "nickname_aliases": "a nickname written in brackets or quotation marks inside a person's name ('Kimani (Kiki) "
                        "Gray', \"Kimani 'Kiki' Gray\"), not in a headline or a line in title case, is a form of "
                        "that person's name: the nickname alone, tagged or not, is that person ('Rest in peace, "
                        "Kiki')",
    "quoted_nicknames": "a given name, a nickname in quotation marks and a surname are one person's name "
                        "('Vincent \"The Chin\" Gigante'), which the model splits or cuts to the surname",
    "headline_verbs": "in a headline, a person's name the model ran on past a verb in the headline's -s form "
                      "('Obama Reverses Bush on ...') ends before the verb, when the body writes the words before it "
                      "as names and the verb is no name ('Walks' is one)",
    "headline_past_verbs": "in a headline, a person's name the model ran on past a modal or a verb in the past "
                           "tense ('Trump Should Win', 'Gaga Took ...') ends before it, when the body writes the "
                           "words before it as names and the word itself is no name",
    "possessive_names": "a person's name ends at a possessive, straight or curly ('Gladion’s Pokémon' is Gladion's)",
    "common_use": "a word the article uses like a common noun ('the Moon', 'your Mac', 'Thunderbolt 3') in two "
                  "mentions and a third of those it heads is no person's name",
    "place_before_noun": "a 'person' not opening with a given name that the article writes, in at least half its "
                         "mentions, right before a lower-case noun of land or water ('the Ardale beaches', 'Ardale "
                         "airport'; entities.json `place_after_nouns`) is a place",
    "place_heads": "a 'person' ending with a place's head word ('Orlan Town') or opening with a point of the "
                   "compass ('West Varnholm'), and not with a given name, is a place",
    "town_region": "a 'person' written after a preposition and right before a comma and a country, a state or a "
                   "province the article types as a place ('flown to Orlan, France', 'in Dunmore, Ohio'; "
                   "demonyms.json's places and entities.json `regions`) is a town, in every mention; not with a "
                   "title or a description, a word of a person's full name, a full name opening with a given name, "
                   "nor in a list or before a possessive ('Ohio and Utah', 'France's envoy')",
    "region_after_town": "a one-word 'person' written right after a town the article places something in and a "
                         "comma ('near Dymbrook, Kentmere', 'in Dymbrook, Kentmere') is the town's county, state or "
                         "country, in every mention; not with a title or a description, a word of a person's full "
                         "name, a clause's subject after an opening phrase ('After the final in Dymbrook, Quillsby, "
                         "31, thanked ...'), nor in a list or before a possessive",
    "gazetteer_places": "a 'person' whose whole name is a town, city, country or US state of GeoNames and no "
                        "person's name (data/places.json: less the Census names, and names opening with a given "
                        "name), not described as a person nor part of a person's full name in the article, is a place",
    "surname_places": "a lone-word 'person' named by a country, a US state or a place of 100,000 people or more "
                      "whose name is also a rare surname ('Manchester', 'Glasgow', 'China'; data/places.json "
                      "`surname_places`), not described as a person nor part of a person's full name in the article, "
                      "is a place; and no description makes a person of such a country or US state ('China, who')",
    "kind_nouns": "a lone 'person' named by a proper noun WordNet gives a kind, with no title, description or full "
                  "name of the article holding it, is none: a place's people ('Briton', 'Londoners', 'Welshman'), an "
                  "award the article uses as one ('an Oscar nomination', 'Oscar-winning'); a party's name ('Labour') "
                  "is an organisation (data/kind_nouns.json); and a place's people before a person's name is cut from "
                  "it ('Welshman Jimmy Watkins'; not 'Brit', a given name too)",
    "plural_names": "a 'person' the article also writes with a plural 's' ('Lib Dem' beside 'the Lib Dems', "
                    "'former Beatle' beside 'the Beatles', 'a Hutu' beside 'Hutus') names a member of a body or a "
                    "people: an organisation where the plural is a body's name or a 'person' of the article or "
                    "opens a body's name ('Dixon said' beside 'Dixons Group Plc'), else no entity; not with a title "
                    "or description, a lone given name, a word of a person's full name, nor where the plural is one "
                    "('Gate' beside 'Bill Gates')",
    "mastheads": "a 'person' ending with a newspaper's head word ('Orlan Gazette', '... Evening Courier') and not "
                 "opening with a given name is a newspaper, an organisation; so is a picture credit naming one, or "
                 "opening with 'The'; and the head word alone where the article writes such a name ('the Gazette "
                 "reported')",
    "diseases": "a 'person' whose whole name is an infectious disease's ('Covid', 'COVID-19', 'Ebola'; "
                "data/diseases.json, from the Disease Ontology) is no entity",
    "numbered_names": "a 'person' ending with a number ('Saw X') and not opening with a given name is a work or "
                      "a model, no entity",
    "model_codes": "a 'person' or 'place' of one word of capitals and digits ('IE6', 'STS-134', 'A380') is a "
                   "model's, a version's or a mission's code: no entity, unless the gazetteer knows it as a place",
    "lettered_names": "a 'person' of a common noun and a letter ('Vitamin C', 'Path A.', 'Plan B') and not opening "
                      "with a given name is a thing, no entity",
    "generations": "'Gen' before a generation's letter or name ('Gen Z', 'Gen X', 'Gen Alpha') is the generation: "
                   "no general's title, no person",
    "body_opened": "a 'person' of several words opening with a word the article types an organisation alone "
                   "('Ardco Story' where 'Ardco' is a company), and not with a given name, is an organisation",
    "place_closed": "a 'person' of several words ending with a word the article types a place alone, as often, and "
                    "not opening with a given name, is a place ('Downtown Ardale')",
    "teams": "a plural name written after 'the' ('the Seahawks', 'the Los Angeles Rams') is a group, an "
             "organisation, in every mention",
    "thing_heads": "a 'person' ending with a noun of made things, food or substances that is no common surname "
                   "('... Sleep Shorts', from WordNet less the Census names), and not opening with a given name, "
                   "is a product's name",
    "cut_names": "a person the model began inside a longer proper name ('Star [Wars Jedi]') is none, unless it "
                 "opens with a given name, or neither it nor the word before it is English ('Prashant [Kumar "
                 "Ghose]', 'DTs [Javon Hargrave]': a given name no list of ours knows, a position's letters)",
    "run_on_words": "a person's name never takes in a pronoun or modal in lower case or inside a name of a "
                    "title-case line ('Painters You Should'; not a regnal 'I' after a given name), a headline's verb "
                    "('Dorian Valecki Hits'), an opening gerund ('Painting Fowler') or a common word before a given "
                    "name ('Backup Rollo Tanner'); one ending with a plural common noun ('Ozark Democrats') is a "
                    "group or a thing",
    "described_as_thing": "a 'person' the article calls a thing ('X is a game'; twice 'X, a card game') and "
                          "never a person is none; called a group ('X is a band') or written after a company's "
                          "office ('the chief executive of X') it is an organisation; after a locative "
                          "preposition of a verb of place ('fighting in X'; not 'believed in X') in two mentions "
                          "and half of them, a place",
    "modifier_names": "a 'person' written as a modifier ('a Hail Mary interception', 'the X Winter Clearance Sale') "
                      "or a work's title ('a novel called The X') in half of its mentions is none",
    "business_use": "a 'person' of one word used like a shop's, a brand's or a company's name ('on sale at X', "
                    "'X's shoppers', 'X.com', 'retailer X', 'X raised its prices') twice and in a quarter of the "
                    "places the article writes it, and never described as a person, is an organisation",
    "company_kinds": "under `business_use`, a 'person' of one word is used like a company's name also after a noun of "
                     "a company after a noun of its trade ('oil giant X', 'energy firm X') and before a noun only a "
                     "company owns or heads ('X's shareholders', 'X shares'; data/name_use.json `firms`, `holdings`)",
    "its_owners": "a one-word 'person' that is the subject of a verb whose clause then says 'its' ('X said its profits "
                  "rose', 'X claims its downfall was ...') and never 'he', 'his', 'she' or 'her' is an organisation",
    "plural_agreement": "a one-word 'person' that is alone the subject of a verb in the plural ('X are top of the "
                        "league', 'X have signed a striker') and never owns a 'his' or 'her' is an organisation: a "
                        "team, a band or a firm as British English writes them; and an organisation so used is no "
                        "person 'he' or 'she' seems to mean ('Chelsea have won', `pronoun_people`)",
    "list_company": "a 'person' in a list of three or more names whose other members the article types as one kind "
                    "(organisations, places, or spaCy's products and works) and none a person ('Acme, Orlan Works "
                    "and X') is of that kind, unless it opens with a given name or has a title or a description",
    "elided_words": "a 'person' ending with a verb's -ing form with its g dropped and an apostrophe ('Rovin’ the "
                    "Harbour', a song's title) is no name, unless that word is a given name ('Robin’')",
    "label_share": "a lone-word 'person' the body writes without any spaCy label twice or more, and more often "
                   "than spaCy labels it a name ('a call over X' ... 'started X'), is none, unless it is a word of a "
                   "person's full name in the article, a given name, has a title or a description, or was found by "
                   "a rule where spaCy saw no name",
    "date_labels": "a lone-word 'person' named like a month or a weekday that spaCy labels a date or a time in "
                   "more places of the body than it labels it a name, twice or more ('in May' ... 'said May's "
                   "figures'), is none, unless it is a word of a person's full name in the article or has a title or "
                   "a description",
    "role_words": "a 'person' in common words ending with a noun of people, no word a Census name ('Founder', "
                  "'Bronze Sponsor', 'Technology Consultant'; not 'Judge', 'Major', 'Ice Cube'), with no title and no "
                  "description, and (one word) not part of a person's full name in the article, is none",
    "software_names": "a 'person' named by a programming language or an operating system alone, or by two or three "
                      "words ending with a system's ('Scala', 'Kali Linux'; data/software.json, the languages from "
                      "GitHub Linguist), with no title or description and no full name of the article holding it, is "
                      "none; a language's name that is also an English word ('Java', 'Python') only where the "
                      "article names software that is none",
    "compass_places": "a 'person' named by a town, region or country the gazetteer knows and a point of the compass "
                      "('Croydon South', 'Yobe North'; not 'Jerry West', whose first word is a given name), with no "
                      "title or description, is a place: a constituency, a district or a school's name",
    "degrees": "a degree or an honour written after a person's name and a comma ('Ada Marsh, MD, PhD', 'Tom Hale, "
               "Esq.'; entities.json `degrees`) is no entity: not a person 'MD', nor Maryland, nor a place 'Esq'",
    "titled_roles": "a lone 'person' that a title word makes a role ('Executive Editor', 'Deputy Administrator', "
                    "'Chief Whip': title and word together a role in common words, `role_words`), with no "
                    "description and not part of a person's full name in the article, is none",
    "appositive_kind": "a 'person' that an apposition headed by a noun of bodies or places calls one ('Doxim, a "
                       "provider of ...', 'Tarrow, a town in the hills') is that, in every mention; so is a 'place' "
                       "the gazetteer does not know that one calls a body ('Landsbanki, the country's largest lender')",
    "role_of_names": "a 'person' named right after a role held in a body and 'of' ('president and CEO of "
                     "Destination Madison', 'a founder of Hollis Bell'; not before a possessive) is an organisation, "
                     "or a place the gazetteer knows, in every mention",
    "name_edges": "a name keeps no quotation mark at its edges (\"'Oxygen Bar'\") and no bracket it opens and does not "
                  "close ('England (Group A')",
    "hashtags": "a name written as a hashtag ('#MeToo') is no person, organisation or place, unless a designator "
                "ends it ('#Acme, Inc.'): a thing, which votes on the type of the same name elsewhere in the article",
    "given_name_before": "a given name right before a person's name that the model left out of it, a proper noun "
                         "in no entity, no title and no word in common use, is the name's first word ('the Martin "
                         "Luther King Jr. holiday', 'singer-songwriter Carly Simon')",
    "short_forms": "an organisation's name of two words or more that ends one longer organisation name of the "
                   "article, and only one, is that organisation ('the Harbour Authority' after 'the Orlan Harbour "
                   "Authority'; not 'Supreme Court' beside two courts)",
    "common_word_names": "a 'person' of two or three words, each a common English word, the first no given name and "
                         "the last a noun of no person ('Stable Diffusion', 'Action Button'; WordNet, Census names "
                         "included: 'Castle', 'Story'), with no title and no description, is a thing's name; not "
                         "'Baker Mayfield', 'Baba Miller', 'Kid Rock'",
    "demonym_plurals": "a one-word 'person' that is an adjective of place made plural ('Greeks', 'Turkmens') names "
                       "a people, no person",
    "month_days": "a month's name or abbreviation right before a day's number ('Mar 15') is no person",
    "repeat_numbers": "a number word ending or opening a person's name ('Air Force One') finds no repeats ('One "
                      "critic')",
    "one_type_per_name": "one name keeps one type in an article (the majority), and a lone word opening an "
                         "organisation's name is that organisation",
}
"""Every switchable family, by name, with what it does."""

ENTITY_RULES = RuleSwitches(FAMILIES, "NEWSGRAPH_ENTITY_RULES_OFF", "entity")
enabled = ENTITY_RULES.enabled
switched_off = ENTITY_RULES.off
