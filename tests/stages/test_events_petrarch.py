"""PETRARCH verb dictionaries as user verb files (``--verbs``): reading and matching, on a
dictionary and sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.stages.events import NOT_CAMEO, EventsStage
from newsgraph.stages.events.discards import parse_discards
from newsgraph.stages.events.petrarch import read_petrarch_verbs
from newsgraph.stages.events.verbs import VerbTableError, read_patterns
from tests.stages.test_events import events

DICTIONARY = """\
<!-- A small PETRARCH-style verb dictionary, written for these tests -->
&TIES_
+DIPLOMATIC_TIES
+RELATIONS
+&KINDS TIES

&KINDS
+TRADE
+MILITARY

&NEVER
+DID N'T
+WILL NOT

--- RESTORE  [064]  ---
RESTORE  # a comment
- * &TIES_ [064]
- * THE_PROGRAM [---]
- &NEVER * &TIES [112]

--- LEAVE  [032:033] ---
LEAVE {LEFT}

--- HOLD  [---] ---
HOLD
- % * TALKS  [043]

--- EXPEL [174] ---
EXPEL
- + WAS_ * BY $  [174]

--- CORDON [---] ---
+CORDON_OFF {+CORDONED_OFF}  [1711]

--- SNUB [903] ---
SNUB
- * DIPLXMATS [###]  # a code that codes nothing
"""


@pytest.fixture(scope="module")
def verbs(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ...]:
    path = tmp_path_factory.mktemp("dict") / "test.verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return (str(path),)


def coded(doc: Document) -> set[tuple[str, str, str]]:
    return {(e.source_code or "---", e.target_code or "---", e.cameo) for e in doc.events}


def test_the_dictionary_is_read_into_patterns() -> None:
    patterns = read_petrarch_verbs(DICTIONARY, "test.verbs.txt")
    by_verb: dict[str, list[str]] = {}
    for p in patterns:
        by_verb.setdefault(p.verb, []).append(p.code)
    assert by_verb["restore"] == ["064", "", "112", "064"]  # three patterns, then the default
    assert by_verb["leave"] == ["032"]
    leave = next(p for p in patterns if p.verb == "leave")
    assert leave.code2 == "033" and leave.where == "test.verbs.txt:22"
    cordon = next(p for p in patterns if p.verb == "cordon")
    assert (cordon.particle, cordon.code) == ("off", "1711")
    snub = [p.code for p in patterns if p.verb == "snub"]
    assert snub == ["", "903"]  # "[###]" (with "#" inside the brackets) codes nothing
    ties = next(p for p in patterns if p.verb == "restore" and p.code == "064" and p.phrase)
    assert ties.phrase is not None
    # a nested set expands: "&KINDS TIES" gives "TRADE TIES" and "MILITARY TIES"
    assert ("TRADE", "TIES") in ties.phrase.sets["TIES"]
    assert ("DIPLOMATIC", "TIES") in ties.phrase.sets["TIES"]


def test_read_patterns_recognises_the_format(verbs: tuple[str, ...]) -> None:
    assert any(p.phrase is not None for p in read_patterns(verbs[0]))


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("--- RESTORE [064] ---\nRESTORE\n- RELATIONS [064]\n", "test.verbs.txt:3: a pattern"),
        ("--- RESTORE [064] ---\nRESTORE\n- * RELATIONS\n", "test.verbs.txt:3: a pattern"),
        ("--- RESTORE [064] ---\n--- BROKEN ---\n", "test.verbs.txt:2: a block line"),
    ],
)
def test_malformed_lines_name_file_and_line(text: str, error: str) -> None:
    with pytest.raises(VerbTableError, match=error):
        read_petrarch_verbs(text, "test.verbs.txt")


def test_a_synonym_set_member_picks_the_pattern_code(verbs: tuple[str, ...]) -> None:
    doc = events("Norway restored trade ties with Sweden.", verbs=verbs)
    assert coded(doc) == {("NOR", "SWE", "064")}
    assert "test.verbs.txt:17" in doc.events[0].rule


def test_a_no_event_pattern_stops_the_default(verbs: tuple[str, ...]) -> None:
    doc = events("Norway restored the program with Sweden.", verbs=verbs)
    assert coded(doc) == set()


def test_words_before_the_verb_and_a_multiword_set_member(verbs: tuple[str, ...]) -> None:
    doc = events("Norway didn't restore relations with Sweden.", verbs=verbs)
    assert coded(doc) == {("NOR", "SWE", "112")}
    assert doc.events[0].mode == "negated"  # the mode stays newsgraph's own


def test_the_default_code_takes_the_first_actor_after_the_verb(verbs: tuple[str, ...]) -> None:
    doc = events("Norway restored a ferry link to Sweden after a storm hit Denmark.", verbs=verbs)
    assert coded(doc) == {("NOR", "SWE", "064")}


def test_a_two_way_code_gives_the_event_back(verbs: tuple[str, ...]) -> None:
    doc = events("The Norwegian foreign minister left for Sweden on Monday.", verbs=verbs)
    assert coded(doc) == {("NORGOV", "SWE", "032"), ("SWE", "NORGOV", "033")}


def test_a_compound_acts_each_way_once(verbs: tuple[str, ...]) -> None:
    doc = events("Norway and Sweden held talks in Oslo.", verbs=verbs)
    assert sorted((e.source_code, e.target_code, e.cameo) for e in doc.events) == [
        ("NOR", "SWE", "043"),
        ("SWE", "NOR", "043"),
    ]


def test_source_and_target_slots(verbs: tuple[str, ...]) -> None:
    doc = events("The Swedish ambassador was expelled by Norway.", verbs=verbs)
    assert coded(doc) == {("NOR", "SWEGOV", "174")}


def test_a_phrasal_verb_spacy_reads_as_a_preposition(verbs: tuple[str, ...]) -> None:
    doc = events("Norwegian soldiers cordoned off the border with Sweden.", verbs=verbs)
    assert coded(doc) == {("NORMIL", "SWE", "1711")}


def test_a_code_outside_cameo_is_kept_without_cameo_values(verbs: tuple[str, ...]) -> None:
    doc = events("Norway snubbed Sweden.", verbs=verbs)
    (ev,) = doc.events
    assert (ev.cameo, ev.cameo_name, ev.quad_class, ev.goldstein) == ("903", NOT_CAMEO, None, None)
    assert Document.from_json(doc.to_json()).to_json() == doc.to_json()


def test_without_the_dictionary_the_built_in_patterns_code() -> None:
    doc = events("Norway snubbed Sweden.")
    assert all(e.cameo != "903" for e in doc.events)


def test_a_dictionary_file_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(VerbTableError, match="cannot read"):
        read_patterns(tmp_path / "missing.verbs.txt")


# --- discards files ------------------------------------------------------------------------

DISCARDS = """\
# Sentence-level discards, then a story-level one
BRONZE MEDAL
TYPHOON_
BASEBALL
+WORLD CUP   # the whole story
"""


def test_discards_are_read_with_their_kind_and_stem() -> None:
    d = parse_discards(DISCARDS, "test.discards.txt")
    assert [p.words for p in d.sentence] == [("bronze", "medal"), ("typhoon",), ("baseball",)]
    assert [(p.words, p.where) for p in d.story] == [(("world", "cup"), "test.discards.txt:5")]
    assert d.find(["the", "world", "cup"]) is None  # a story phrase, not a sentence one
    assert d.find(["the", "world", "cup"], story=True) is not None
    assert d.find(["two", "baseballs", "flew"]) is not None  # a stem
    assert d.find(["two", "typhoons", "hit"]) is None  # "_": the word exactly
    assert d.find(["the", "typhoon", "hit"]) is not None
    assert d.find(["a", "bronze", "statue"]) is None


@pytest.fixture(scope="module")
def discards(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ...]:
    path = tmp_path_factory.mktemp("discards") / "test.discards.txt"
    path.write_text(DISCARDS, encoding="utf-8")
    return (str(path),)


def events_with(text: str, discards: tuple[str, ...]) -> Document:
    doc = events(text)
    return EventsStage(discards=discards)(doc)


def test_a_sentence_with_a_discard_phrase_codes_no_events(discards: tuple[str, ...]) -> None:
    text = (
        "Norway accused Sweden of cheating after the bronze medal match. "
        "Norway also accused Denmark of spying."
    )
    assert coded(events(text)) == {("NOR", "SWE", "112"), ("NOR", "DNK", "112")}
    assert coded(events_with(text, discards)) == {("NOR", "DNK", "112")}


def test_a_story_discard_phrase_silences_the_whole_story(discards: tuple[str, ...]) -> None:
    text = "Norway accused Sweden of cheating. The World Cup starts in June."
    assert coded(events(text)) == {("NOR", "SWE", "112")}
    assert events_with(text, discards).events == []


def test_a_discards_file_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the discards file"):
        EventsStage(discards=(str(tmp_path / "missing.discards.txt"),))
