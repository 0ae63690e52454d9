"""Stage `events`: who did what to whom, in which mode, and when — on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, Document, Event, Genre
from newsgraph.stages.actors import ActorsStage
from newsgraph.stages.claims import ClaimsStage
from newsgraph.stages.events import EventsStage
from newsgraph.stages.events.codes import cameo_codes
from newsgraph.stages.events.framing import framed_code, framing_table
from newsgraph.stages.events.nouns import NounTableError, parse_nouns
from newsgraph.stages.events.verbs import VerbTableError, builtin_patterns, read_patterns
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.quotes import QuotesStage

_NLP = NlpStage()


def events(
    text: str,
    published: str | None = None,
    verbs: tuple[str, ...] = (),
    *,
    genre: str | None = None,
    all_events: bool = False,
) -> Document:
    page = Genre(label=genre, evidence=["written for the test"]) if genre else None
    doc = Document(id="t", article=Article(text=text, published=published, genre=page))
    coder = EventsStage(verbs, all_events=all_events)
    for stage in (_NLP, ActorsStage(), QuotesStage(), ClaimsStage(), coder):
        doc = stage(doc)
    return doc


def triples(doc: Document) -> set[tuple[str, str, str, str]]:
    """(source country, target country, CAMEO root, mode) of each event."""
    return {
        ((e.source_code or "---")[:3], (e.target_code or "---")[:3], e.cameo[:2], e.mode)
        for e in doc.events
    }


def only(doc: Document) -> Event:
    assert len(doc.events) == 1, [(e.source_code, e.target_code, e.cameo) for e in doc.events]
    return doc.events[0]


# --- who and what -------------------------------------------------------------------------


def test_a_visit_with_offsets_codes_and_rule() -> None:
    doc = events("The Kenyan president visited Tanzania on Monday.", published="2024-05-08")
    ev = only(doc)
    assert (ev.source_code, ev.target_code, ev.cameo, ev.mode) == (
        "KENGOV",
        "TZA",
        "042",
        "asserted",
    )
    assert doc.text[ev.trigger_start : ev.trigger_end] == "visited"
    assert doc.text[ev.source_start : ev.source_end] == "The Kenyan president"
    assert doc.text[ev.target_start : ev.target_end] == "Tanzania"
    assert ev.text == doc.text[ev.start : ev.end]
    assert ev.date == "2024-05-06"  # the Monday before publication
    known = cameo_codes()["042"]
    assert (ev.quad_class, ev.goldstein, ev.plover) == (
        known.quad_class,
        known.goldstein,
        "CONSULT",
    )
    assert "visit" in ev.rule and "verbs.tsv:" in ev.rule


def test_passive_source_is_the_agent() -> None:
    ev = only(events("Tanzania was visited by the Kenyan foreign minister last week."))
    assert (ev.source_code, ev.target_code, ev.cameo[:2]) == ("KENGOV", "TZA", "04")
    assert "passive" in ev.rule
    # the target's phrase hangs on the object the pattern names, here the passive subject
    ev = only(events("Evidence against Sweden was presented by Norway."))
    assert (ev.source_code, ev.target_code, ev.cameo) == ("NOR", "SWE", "112")


def test_light_verb_needs_its_object() -> None:
    assert triples(events("Norway held talks with Iceland.")) == {("NOR", "ISL", "04", "asserted")}
    assert not events("Norway held the trophy for Iceland.").events


def test_compound_target_gives_one_event_per_pair() -> None:
    doc = events("Egypt condemned Chad and Niger.")
    assert triples(doc) == {("EGY", "TCD", "11", "asserted"), ("EGY", "NER", "11", "asserted")}


def test_compound_source_without_target_is_mutual() -> None:
    doc = events("Peru and Chile signed a trade agreement.")
    assert triples(doc) == {("PER", "CHL", "05", "asserted"), ("CHL", "PER", "05", "asserted")}


def test_a_compound_acts_on_itself_only_when_the_verb_says_so() -> None:
    assert triples(events("Peru and Chile praised each other.")) == {
        ("PER", "CHL", "05", "asserted"),
        ("CHL", "PER", "05", "asserted"),
    }
    assert not events("Peru and Chile will tour together next spring.").events  # no visit
    assert not events("The package includes tours of Peru, Chile and Bolivia.").events


def test_they_after_a_plural_noun_of_its_sentence_is_not_an_earlier_list() -> None:
    text = "Peru and Chile traded coffee. Cafes were for men, where they could condemn Bolivia."
    assert not [e for e in events(text).events if e.target_code == "BOL"]
    text = "Peru and Chile met in Lima. Officials said they would condemn Bolivia."
    assert ("PER", "BOL", "11") in {t[:3] for t in triples(events(text))}  # a role noun


def test_a_list_of_three_meets_each_way() -> None:
    doc = events("Peru, Chile and Bolivia met in Lima.")
    assert len(doc.events) == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine received weapons from Norway.", ("NOR", "UKR", "072")),
        ("Norway received a call from Sweden.", ("SWE", "NOR", "041")),
        ("Latvia accepted aid from Sweden.", ("SWE", "LVA", "070")),
    ],
)
def test_the_giver_of_what_is_received_is_the_source(
    text: str, expected: tuple[str, str, str]
) -> None:
    ev = only(events(text))
    assert (ev.source_code, ev.target_code, ev.cameo) == expected


def test_a_noun_with_a_nationality_names_its_country() -> None:
    ev = only(events("Norway released 20 Swedish prisoners."))
    assert (ev.source_code, ev.target_code, ev.cameo) == ("NOR", "SWE", "0841")


def test_relative_clause_subject() -> None:
    doc = events("Kenya condemned Chad, which invaded Niger in March.")
    assert {(s, t, r) for s, t, r, _ in triples(doc)} >= {
        ("KEN", "TCD", "11"),
        ("TCD", "NER", "19"),
    }


def test_gerund_after_preposition_takes_the_main_subject() -> None:
    doc = events("Norway is coming back from brokering a deal between Peru and Chile.")
    assert {("NOR", "PER", "04", "asserted"), ("NOR", "CHL", "04", "asserted")} <= triples(doc)


def test_ditransitive_with_target_and_thing() -> None:
    ev = only(events("Norway supplied Iceland with rifles."))
    assert (ev.source_code, ev.target_code, ev.cameo) == ("NOR", "ISL", "072")


def test_pronoun_subject_takes_the_earlier_subject() -> None:
    doc = events("Norway hosted Iceland's prime minister. It also attacked Sweden.")
    assert ("NOR", "SWE", "19", "asserted") in triples(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Oslo was mild on Tuesday.",
        "Norway's economy grew by two percent last year.",
        "The minister said the report would be published soon.",
        "Iceland warned that growth would slow.",  # a warning with no target is no event
        "Residents held their breath as the storm passed.",
        # the "on" phrase belongs to the object, not to the verb ("call on")
        "A Lima bank called the court's ruling on Chile a landmark judgment.",
        # a phrase before the verb sets the scene: no "call on"
        "On Norwegian television, the Swedish premier called the plan reckless.",
        # asking a question is no appeal
        "The Norwegian reporter asked the Swedish premier.",
        "Norway asked whether Sweden had signed the treaty.",
        # an act of a noun that frames nothing has no source: "no plans to meet" is no meeting
        "Norway has no plans to meet Sweden.",
    ],
)
def test_sentences_with_no_event(text: str) -> None:
    assert not events(text).events


# --- mode -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Norway attacked Sweden.", "asserted"),
        ("Norway will attack Sweden.", "future"),
        ("Norway and Sweden are set to meet in Oslo.", "future"),
        ("Norway is to sign a treaty with Sweden.", "future"),
        ("Norway did not attack Sweden.", "negated"),
        ("Norway never attacked Sweden.", "negated"),
        ("Norway refused to attack Sweden.", "negated"),
        ("If Norway attacked Sweden, the region would suffer.", "hypothetical"),
        ("Norway could attack Sweden.", "hypothetical"),
        ("Would Norway ever attack Sweden?", "hypothetical"),
        ("Norway is considering attacking Sweden.", "hypothetical"),
        ("Oslo wants Stockholm to attack Finland.", "hypothetical"),
        ("Norway hopes Sweden will attack Latvia.", "hypothetical"),  # spaCy's lemma: "hop"
        # "would" reported after a past verb of saying is the "will" of the words reported
        ("Norway said it would attack Sweden.", "reported"),
        ("Norway said it would attack Sweden if Latvia agreed.", "hypothetical"),
        ("Norway says it would attack Sweden.", "hypothetical"),
        ("“Norway would attack Sweden,” the Latvian minister said.", "hypothetical"),
        ("Latvia never said that Norway attacked Sweden.", "negated"),  # not said is not told
        # a verb listed before it is no governor: "called" (as in "called for") frames nothing
        ("Norway called the talks a failure and attacked Sweden.", "asserted"),
        ("Norway refused to meet and negotiate with Sweden.", "asserted"),  # the refusal (125)
    ],
)
def test_mode(text: str, mode: str) -> None:
    modes = {e.mode for e in events(text).events}
    assert modes == {mode}, text


def test_hypothetical_question_is_never_asserted() -> None:
    doc = events(
        "Could you expect Norway to help you now in the war, supplying lethal aid to Sweden?"
    )
    assert doc.events and all(e.mode == "hypothetical" for e in doc.events)


def test_event_inside_a_quote_is_reported_and_linked() -> None:
    doc = events(
        '"At a minimum, Norway provides Sweden with rifles and money," said Hal Brenner, '
        "a fellow at the Oslo Institute."
    )
    ev = next(e for e in doc.events if e.cameo.startswith("07"))
    assert ev.mode == "reported" and ev.quote is not None
    quote = next(q for q in doc.quotes if q.id == ev.quote)
    assert quote.speaker_text is not None and "Hal Brenner" in quote.speaker_text


def test_accusation_and_denial_from_a_claim() -> None:
    doc = events("Kenya claims that Norway is arming the rebels. Norway denies this.")
    codes = {(e.source_code, e.target_code, e.cameo) for e in doc.events}
    assert ("KEN", "NOR", "112") in codes and ("NOR", "KEN", "016") in codes
    assert all(e.claim for e in doc.events if e.cameo in ("112", "016"))


def test_a_claim_accuses_only_the_subject_of_its_content() -> None:
    doc = events("Kenya claims to be the best friend of Norway in Africa.")
    assert not [e for e in doc.events if e.cameo == "112"]  # a claim about itself


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Norway attacked Sweden on Friday.", "2024-05-03"),
        ("Norway attacked Sweden yesterday.", "2024-05-07"),
        ("Norway attacked Sweden last year.", "2023"),
        ("Norway attacked Sweden in September 2022.", "2022-09"),
        ("Norway attacked Sweden on 5 March 2021.", "2021-03-05"),
        ("Norway will attack Sweden on Friday.", "2024-05-10"),
        ("Norway attacked Sweden.", None),
    ],
)
def test_dates_against_publication(text: str, date: str | None) -> None:
    ev = only(events(text, published="2024-05-08"))  # a Wednesday
    assert ev.date == date


# --- framed acts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # intent (03): offered, agreed, is ready to
        ("Norway has agreed to send 300 peacekeepers to Latvia.", ("NOR", "LVA", "0334")),
        ("Norway is ready to provide aid to Latvia.", ("NOR", "LVA", "033")),
        # a hostile act promised is a threat (13)
        ("Norway vowed to attack Sweden.", ("NOR", "SWE", "138")),
        ("Norway threatened to impose sanctions on Sweden.", ("NOR", "SWE", "1312")),
        # appeal (02) and demand (10): the target is whom it is addressed to
        ("Norway urged Sweden to withdraw its troops from Latvia.", ("NOR", "SWE", "0256")),
        ("Norway called on Sweden to release the detained fishermen.", ("NOR", "SWE", "0253")),
        ("Norway demanded that Sweden release the fishermen.", ("NOR", "SWE", "1053")),
        # wanting: intent, or an appeal to whom it wants to act
        ("Norway is seeking to expand trade with Sweden.", ("NOR", "SWE", "0311")),
        ("Norway wants to attack Sweden.", ("NOR", "SWE", "138")),
        ("Norway wants Sweden to sign a treaty with Latvia.", ("NOR", "SWE", "020")),
        ("Norway hopes to sign a treaty with Sweden.", ("NOR", "SWE", "030")),  # "hopes": "hop"
        # refusal to yield (12)
        ("Norway refused to release the Swedish fishermen.", ("NOR", "SWE", "1243")),
    ],
)
def test_a_framed_act_is_coded_as_its_framing(text: str, expected: tuple[str, str, str]) -> None:
    ev = only(events(text))
    assert ((ev.source_code or "")[:3], (ev.target_code or "")[:3], ev.cameo) == expected
    assert ev.mode == "asserted"  # the offer, threat or demand happened, whatever comes of it
    assert "framed by" in (ev.rule or "")
    assert text[ev.trigger_start : ev.trigger_end] == ev.trigger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway made an offer to send peacekeepers to Latvia.", ("NOR", "LVA", "0334")),
        ("Norway repeated its threat to impose sanctions on Sweden.", ("NOR", "SWE", "1312")),
        (
            "Norway's refusal to release the Swedish fishermen angered Stockholm.",
            ("NOR", "SWE", "1243"),
        ),
    ],
)
def test_a_noun_frames_an_act_as_its_verb_does(text: str, expected: tuple[str, str, str]) -> None:
    ev = only(events(text))
    assert ((ev.source_code or "")[:3], (ev.target_code or "")[:3], ev.cameo) == expected
    assert text[ev.trigger_start : ev.trigger_end] == ev.trigger


def test_each_framed_act_of_a_list_is_coded() -> None:
    doc = events("Norway threatened to cut aid to Latvia and to expel Swedish diplomats.")
    assert {(e.target_code, e.cameo) for e in doc.events} == {("LVA", "1311"), ("SWEGOV", "1313")}


def test_a_mutual_act_agreed_is_a_mutual_intent() -> None:
    doc = events("Norway and Sweden agreed to hold talks.")
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events} == {
        ("NOR", "SWE", "036"),
        ("SWE", "NOR", "036"),
    }


@pytest.mark.parametrize(
    ("text", "code", "mode"),
    [
        ("Norway will not release the Swedish fishermen.", "1243", "asserted"),
        ("Norway won't sign a treaty with Sweden.", "120", "asserted"),
        ("Norway said it would not provide aid to Latvia.", "122", "reported"),
        # what did not happen, a condition, or an act with no refusal code: negated as it was
        ("Norway did not release the Swedish fishermen.", "0841", "negated"),
        ("Norway would not provide aid to Latvia if Sweden objected.", "070", "negated"),
        ("Norway will not attack Sweden.", "190", "negated"),
        ("Norway won't admit it will release the Swedish fishermen.", "0841", "negated"),
    ],
)
def test_an_act_said_not_to_come_is_a_refusal(text: str, code: str, mode: str) -> None:
    ev = only(events(text))
    assert (ev.cameo, ev.mode) == (code, mode)


def test_a_framing_that_did_not_happen_keeps_its_mode() -> None:
    assert only(events("Norway did not agree to send peacekeepers to Latvia.")).mode == "negated"


def test_an_act_the_framing_table_has_no_row_for_keeps_its_own_code() -> None:
    ev = only(events("Norway refused to attack Sweden."))  # no refusal code for an attack
    assert (ev.cameo[:2], ev.mode) == ("19", "negated")


# --- tables -----------------------------------------------------------------------------------


def test_every_pattern_uses_a_known_code() -> None:
    codes = cameo_codes()
    patterns = [p for ps in builtin_patterns().values() for p in ps]
    assert len(patterns) > 1000
    assert all(p.code in codes for p in patterns)
    assert all(1 <= c.quad_class <= 4 and -10 <= c.goldstein <= 10 for c in codes.values())


def test_the_framing_table_maps_known_codes_within_their_family() -> None:
    codes = cameo_codes()
    table = framing_table()
    assert len(table) > 100
    roots = {"intent": "03", "appeal": "02", "demand": "10", "refuse": "12", "threaten": "13"}
    for (family, act), code in table.items():
        assert act in codes and code in codes
        assert code.startswith(roots[family]), (family, act, code)
    assert framed_code("intent", "0874") == "0356"  # longest prefix: 087 de-escalate
    assert framed_code("intent", "1722") == "1322"  # a hostile act promised is a threat
    assert framed_code("appeal", "112") is None  # no appeal to accuse


def test_user_patterns_come_first(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("# mine\n0231\tpester\t-\t-\tobj\n", encoding="utf-8")
    ev = only(events("Norway pestered Sweden.", verbs=(str(f),)))
    assert ev.cameo == "0231" and ev.rule.startswith("mine.tsv:2")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("999\tvisit\t-\t-\tobj\n", "not a CAMEO event code"),
        ("042\tvisit\t-\tobj\n", "expected 5 tab-separated columns"),
        ("042\t-\t-\t-\tobj\n", "verb column is empty"),
        ("043\thost\t-\t-\tobj\tmaybe\n", "needs column is '-' or 'political'"),
    ],
)
def test_bad_pattern_files_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text("# header\n" + line, encoding="utf-8")
    with pytest.raises(VerbTableError, match=rf"bad\.tsv:2: .*{message}"):
        read_patterns(f)


def test_the_place_is_the_target_only_when_there_is_no_other() -> None:
    ev = only(events("Norway attended a summit in Chile."))
    assert (ev.source_code, ev.target_code, ev.cameo[:2]) == ("NOR", "CHL", "04")
    assert "the place" in ev.rule
    assert not events("Norway held a summit in Oslo.").events  # at home: no other party
    doc = events("Norway met Sweden in Chile.")
    assert {(e.source_code, e.target_code) for e in doc.events} == {("NOR", "SWE")}


def test_a_trip_home_is_no_visit() -> None:
    assert not events("The Kenyan president returned to Nairobi and visited Kenya's coast.").events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway's visit to Chile went well.", {("NOR", "CHL", "04", "asserted")}),
        ("The Swedish invasion of Finland began in June.", {("SWE", "FIN", "19", "asserted")}),
        (
            "Talks between Peru and Chile resumed.",
            {("PER", "CHL", "04", "asserted"), ("CHL", "PER", "04", "asserted")},
        ),
        ("Oslo fears a Swedish attack on Finland.", {("SWE", "FIN", "19", "hypothetical")}),
        ("There will be no Swedish attack on Finland.", {("SWE", "FIN", "19", "negated")}),
        (
            "The Norwegian crackdown on Swedish protesters drew criticism.",
            {("NOR", "SWE", "17", "asserted")},
        ),
        (
            "Clashes between Norway and Sweden left three dead.",
            {("NOR", "SWE", "19", "asserted"), ("SWE", "NOR", "19", "asserted")},
        ),
        ("Russia's war on Ukraine entered its third year.", {("RUS", "UKR", "19", "asserted")}),
        ("The war in Ukraine entered its third year.", set()),  # whose war the text says not
    ],
)
def test_events_carried_by_nouns(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert triples(events(text)) == expected


def test_a_noun_a_verb_already_used_is_not_coded_twice() -> None:
    doc = events("Norway held talks with Sweden.")
    assert len(doc.events) == 1 and doc.events[0].rule.startswith("verbs.tsv")


def test_a_pronoun_that_names_a_phrase_holding_itself_ends() -> None:
    # "you were … part of a tiny crew, maybe just you": "you" is identified with a phrase that
    # contains "you" again; resolving it must stop, not recurse.
    from newsgraph.stages.actors import MENTIONS
    from newsgraph.stages.events.arguments import Actors
    from newsgraph.stages.nlp import parse_of

    text = "Be yourself, they say. You are you, and nobody else is."
    doc = ActorsStage()(_NLP(Document(id="t", article=Article(text=text))))
    parsed = parse_of(doc)
    actors = Actors(parsed, doc._scratch.get(MENTIONS, []), {}, {})
    for tok in parsed:
        if tok.lower_ == "you":
            assert actors.of_phrase(tok) == []


def test_role_nouns_of_a_list_of_countries_take_their_role() -> None:
    doc = events("The foreign ministers of France, Germany and Italy met in Rome on Monday.")
    assert {(e.source_code, e.target_code) for e in doc.events} == {
        (a, b)
        for a in ("FRAGOV", "DEUGOV", "ITAGOV")
        for b in ("FRAGOV", "DEUGOV", "ITAGOV")
        if a != b
    }


# --- GDELT's rule: a coded actor on one side, not on product or listing pages ------------------


def test_an_event_between_uncoded_actors_is_kept_only_on_request() -> None:
    text = "Ann Lee criticized Tom Baker on Friday."
    assert not events(text).events
    ev = only(events(text, all_events=True))
    assert (ev.source_code, ev.target_code, ev.cameo) == (None, None, "111")


def test_one_coded_side_is_enough() -> None:
    ev = only(events("Ann Lee criticized the Kenyan government."))
    assert (ev.source_code, ev.target_code, ev.cameo) == (None, "KENGOV", "111")


@pytest.mark.parametrize(
    ("genre", "kept"), [("commerce", False), ("listing", False), ("news", True)]
)
def test_product_and_listing_pages_code_no_events(genre: str, kept: bool) -> None:
    text = "Norway criticized Sweden over the fishing quota."
    assert bool(events(text, genre=genre).events) is kept
    assert only(events(text, genre=genre, all_events=True)).cameo == "111"


def test_all_events_reaches_the_stage_from_the_command_line() -> None:
    import argparse

    from newsgraph.cli import dictionaries
    from newsgraph.config import DEFAULT_PIPELINE

    p = argparse.ArgumentParser()
    dictionaries.add_options(p)
    options, problem = dictionaries.stage_options(p.parse_args(["--all-events"]), DEFAULT_PIPELINE)
    assert problem is None and options == {"events.v1": {"all_events": True}}
    _options, problem = dictionaries.stage_options(p.parse_args(["--all-events"]), ["nlp.v1"])
    assert problem is not None and "--all-events needs the events stage" in problem


# --- verbs whose sense depends on their object ("needs political") ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee hosts the Morning Show in Kenya.",  # a presenter: no visit hosted in Kenya
        "The Kenyan government retreated from the Geneva Convention.",  # no retreat from Geneva
        "Uganda announced its withdrawal from the Paris Agreement.",  # nor from France
        "There were clashes between reporters and Senator Mark Dunn's entourage.",  # no fight
        "The Kenyan ministry released Uganda's annual rainfall report.",  # frees no one
    ],
)
def test_a_verb_needing_a_political_object_codes_nothing_without_one(text: str) -> None:
    assert not events(text).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanzania welcomed the Kenyan president.", ("TZA", "KEN", "04", "asserted")),
        ("Kenya hosted the Ugandan president with a dinner.", ("KEN", "UGA", "04", "asserted")),
        ("Uganda announced its withdrawal from Somalia.", ("UGA", "SOM", "08", "reported")),
        ("Kenyan police clashed with Ugandan troops.", ("KEN", "UGA", "19", "asserted")),
        ("Kenya released the Ugandan troops.", ("KEN", "UGA", "08", "asserted")),
    ],
)
def test_a_verb_needing_a_political_object_codes_one(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in triples(events(text))


def test_the_tables_mark_verbs_and_nouns_that_need_a_political_object(tmp_path: Path) -> None:
    political = {p.verb for ps in builtin_patterns().values() for p in ps if p.political}
    assert {"host", "retreat", "clash"} <= political
    f = tmp_path / "mine.tsv"
    f.write_text("043\tentertain\t-\t-\tobj\tpolitical\n", encoding="utf-8")
    assert only(events("Norway entertained Sweden.", verbs=(str(f),))).cameo == "043"
    assert not events("Norway entertained the Morning Show in Chile.", verbs=(str(f),)).events
    nouns = parse_nouns(["190\tbrawl\tposs|amod\twith\tpolitical"], "mine.tsv")
    assert nouns["brawl"].political
    with pytest.raises(NounTableError, match=r"mine\.tsv:1: .*needs column"):
        parse_nouns(["190\tbrawl\tposs|amod\twith\tsometimes"], "mine.tsv")


def test_the_actors_files_reach_events_role_words(tmp_path: Path) -> None:
    # --actors files go to the actors stage and, for role words and nationalities, to events
    import argparse

    from newsgraph.cli import dictionaries
    from newsgraph.config import DEFAULT_PIPELINE
    from newsgraph.stages.events.arguments import Actors
    from newsgraph.stages.nlp import parse_text

    agents = tmp_path / "port.agents.txt"
    agents.write_text("HARBOUR_MASTER [~GOVHBR]\n", encoding="utf-8")
    p = argparse.ArgumentParser()
    dictionaries.add_options(p)
    options, problem = dictionaries.stage_options(
        p.parse_args(["--actors", str(agents)]), DEFAULT_PIPELINE
    )
    assert problem is None
    assert options["events.v1"] == {"dictionaries": [str(agents)]}
    assert options["actors.v1"] == {"dictionaries": [str(agents)]}
    parsed = parse_text("The harbour master spoke.")
    master = next(t for t in parsed if t.text == "master")
    assert Actors(parsed, [], {}, {}, (str(agents),)).role_of(master) == "GOVHBR"
    assert Actors(parsed, [], {}, {}).role_of(master) is None
