"""Stage `quotes`: who said what, on texts written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Article, Document, Genre, Quote
from newsgraph.stages.actors import ActorsStage
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.quotes import QuotesStage
from newsgraph.stages.quotes.marks import find_quoted


def quotes(text: str) -> tuple[Document, list[Quote]]:
    doc = Document(id="t", article=Article(text=text))
    doc = QuotesStage()(ActorsStage()(NlpStage()(doc)))
    return doc, doc.quotes


def speaker_name(doc: Document, q: Quote) -> str | None:
    return next((e.name for e in doc.entities if e.id == q.speaker), None)


def test_inverted_attribution_with_role() -> None:
    doc, qs = quotes(
        "“Nobody trusts the old rules any more,” believes journalist Mira Tal, a former "
        "press prize winner."
    )
    (q,) = qs
    assert q.kind == "direct" and q.cue == "believes"
    assert q.text.startswith("“Nobody trusts")
    assert q.speaker_text is not None and "Mira Tal" in q.speaker_text
    assert speaker_name(doc, q) == "Mira Tal"


def test_split_quote_is_one_quote_in_two_parts() -> None:
    _, qs = quotes("“We have agreed to talk,” Hal Brenner said. “Nothing more.”")
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1
    assert [part.start for part in direct[0].parts] == [0, 44]


def test_colon_lead_in_and_continuation_paragraph() -> None:
    text = (
        "The minister, Ana Duval, said:\n\n“The harbour will reopen next week, whatever the "
        "weather brings us.\n\n“Ships will be inspected one by one, and nobody will be exempt.”"
    )
    doc, qs = quotes(text)
    (q,) = [q for q in qs if q.kind == "direct"]
    assert len(q.parts) == 2
    assert speaker_name(doc, q) == "Ana Duval"


def test_dash_attribution() -> None:
    _, qs = quotes("“The market is empty and nobody comes any more.” ― Lena Ask, a trader.")
    (q,) = qs
    assert q.speaker_text == "Lena Ask" and q.cue == "―"


def test_dash_signatures_line_by_line_with_no_break_spaces() -> None:
    text = (
        "“The market is empty and nobody comes any more.”\u00a0― Lena Ask\u00a0\n"
        "“The bus stopped running in May and never came back.”― Ivo Rand\n"
    )
    _, qs = quotes(text)
    assert [q.speaker_text for q in qs] == ["Lena Ask", "Ivo Rand"]


def test_indirect_and_mixed_quotes() -> None:
    _, qs = quotes(
        "The Norland government says it is neutral in the dispute. Hal Brenner once called "
        "the treaty his “best achievement.”"
    )
    kinds = {q.kind for q in qs}
    assert "indirect" in kinds and "mixed" in kinds
    indirect = next(q for q in qs if q.kind == "indirect")
    assert indirect.text == "it is neutral in the dispute"


def test_pronoun_speaker_is_the_last_person_named() -> None:
    doc, qs = quotes(
        "Sarah Mitchell arrived late on Monday. She said the talks would resume within a week."
    )
    (q,) = qs
    assert speaker_name(doc, q) == "Sarah Mitchell"


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    _, qs = quotes(
        "The so-called “multipolar world” was discussed on “Morning Report with Ana” while the "
        "“West” watched."
    )
    assert qs == []


def test_wire_style_double_apostrophes() -> None:
    _, qs = quotes("''We will not sign this deal in its present form,'' Hal Brenner said.")
    (q,) = qs
    assert q.kind == "direct" and q.cue == "said"


def test_a_missing_mark_costs_only_its_paragraph() -> None:
    text = (
        "“This paragraph never closes its quotation, said nobody at all\n\n"
        "“The second paragraph is fine and complete,” Ana Duval said.\n\n"
        "“So is the third one, with its own cue,” Hal Brenner added."
    )
    _, qs = quotes(text)
    cues = sorted(q.cue or "" for q in qs if q.kind == "direct")
    assert cues == ["added", "said"]


def test_offsets_point_into_the_text() -> None:
    doc, qs = quotes(
        "“It is over,” Hal Brenner said on Monday, adding that the fleet would stay in port."
    )
    assert qs
    for q in qs:
        assert 0 <= q.start < q.end <= len(doc.text)
        if q.cue_start is not None and q.cue_end is not None:
            assert doc.text[q.cue_start : q.cue_end] == q.cue


MARKS = st.sampled_from(["“", "”", '"', "''", "‘", "’", "«", "»", " word", " it’s", "\n", "."])


@settings(max_examples=200)
@given(st.lists(MARKS, max_size=30))
def test_quoted_spans_are_ordered_inside_lines(pieces: list[str]) -> None:
    text = "".join(pieces)
    last = 0
    for q in find_quoted(text):
        assert last <= q.start < q.end <= len(text)
        assert "\n" not in text[q.start : q.end]
        last = q.end


def test_a_relative_clause_speaks_for_the_noun_it_describes() -> None:
    text = "The Norwegian report, which says that Sweden broke the treaty, was published on Monday."
    _, found = quotes(text)
    assert [(q.kind, q.speaker_text) for q in found] == [("indirect", "The Norwegian report")]
    _, found = quotes("Norway passed a bill that says Swedish boats must pay a fee.")
    assert [(q.kind, q.speaker_text) for q in found] == [("indirect", "a bill")]
    # a noun that cannot speak: no quote ("see" is a cue of cognition)
    _, found = quotes("Oslo brokered a deal that saw Sweden and Finland resume ties.")
    assert found == []


# issue 15: never put words in anyone's mouth


def test_a_scare_quote_in_an_object_is_no_reporting_frame() -> None:
    _, qs = quotes("Mara Quill and Odo Vance share the idea of a “free port” without tariffs.")
    assert qs == []
    _, qs = quotes("The harbour master shared that “the pier is late and over budget.”")
    assert [(q.kind, q.cue) for q in qs] == [("direct", "shared")]


def test_everyday_verbs_are_cues_only_in_a_reporting_frame() -> None:
    _, qs = quotes(
        "Larch Academy has maintained its top ranking for a decade. The Valley Courier added "
        "600,000 subscribers last year."
    )
    assert qs == []
    _, qs = quotes(
        "The minister maintained that the port would reopen. Dana Wolk added: “We will not "
        "close it again.” “The tide is with us,” she added."
    )
    assert [(q.kind, q.cue) for q in qs] == [
        ("indirect", "maintained"),
        ("direct", "added"),
        ("direct", "added"),
    ]


def test_the_writers_own_voice_is_never_a_quote() -> None:
    _, qs = quotes(
        "I don't think the answer is a new tax. We hope you'll enjoy the next issue. You will "
        "find that the ferry is late. I believe the river will flood."
    )
    assert qs == []
    doc, qs = quotes("“I think we can win this,” Dana Wolk said.")
    (q,) = qs
    assert speaker_name(doc, q) == "Dana Wolk"


def test_a_negated_cue_makes_no_quote() -> None:
    _, qs = quotes(
        "Officials did not say that the bridge was unsafe. The mayor never claimed the "
        "harbour would close."
    )
    assert qs == []


def test_a_passive_cue_names_its_agent_or_no_one() -> None:
    _, qs = quotes("Mr. Ferro was accused of hiding the ledgers from the auditors.")
    (q,) = qs
    assert q.speaker is None and q.speaker_text is None
    _, qs = quotes("The harbour plan was criticised by Ana Duval as reckless and late.")
    (q,) = qs
    assert q.speaker_text == "Ana Duval"
    _, qs = quotes("The town runs a radio series called Harbour Tales every Sunday.")
    assert qs == []


def test_an_object_or_evidence_needs_a_subject_that_can_speak() -> None:
    _, qs = quotes(
        "Their cameras support memory cards of any size. The overall score shows how your "
        "shop performs against others."
    )
    assert qs == []
    _, qs = quotes("A new study by the Tarsk Institute shows that rents rose by a third.")
    (q,) = qs
    assert q.text == "that rents rose by a third"


def test_a_hyphenated_role_is_part_of_the_speaker() -> None:
    doc, qs = quotes("The findings were surprising, said co-founder Mark Obi, who runs a lab.")
    (q,) = qs
    assert q.speaker_text == "co-founder Mark Obi"
    assert speaker_name(doc, q) == "Mark Obi"


def test_a_pronoun_speaks_only_for_an_entity_that_can_speak() -> None:
    doc, qs = quotes("Mount Orsel rose above the valley. He said the climb was hard.")
    (q,) = qs
    assert q.speaker is None and q.speaker_text == "He"
    doc, qs = quotes(
        "Officer Atanu Serk said the gardens save water, which matters for the Barind region "
        "and for Jon Pell's farm. He said the scheme would grow."
    )
    assert [speaker_name(doc, q) for q in qs] == ["Atanu Serk", "Atanu Serk"]


def test_transcript_turns_are_direct_quotes_by_their_speaker() -> None:
    doc, qs = quotes(
        "The harbour board met Mara Lindt and John Abel on Monday.\n\n"
        "JOHN ABEL: Thank you for having me today, it is a pleasure to be here.\n"
        "LINDT: Let us start with the harbour plan and what it means for the town.\n"
        "JOHN ABEL: The plan is late, and I think everybody in the town knows it."
    )
    assert [(q.kind, speaker_name(doc, q)) for q in qs] == [
        ("direct", "John Abel"),
        ("direct", "Mara Lindt"),
        ("direct", "John Abel"),
    ]
    assert qs[2].text == "The plan is late, and I think everybody in the town knows it."


def test_field_labels_are_not_turns() -> None:
    _, qs = quotes(
        "Note: The office is closed on Sundays and public holidays.\n"
        "Website: The new site has a page for every ferry route."
    )
    assert qs == []


def test_on_a_transcript_page_a_single_turn_is_a_direct_quote() -> None:
    text = "OLGA PRAN: The ferry is the only way to reach the island in winter."
    doc = Document(id="t", article=Article(text=text, genre=Genre(label="transcript")))
    doc = QuotesStage()(ActorsStage()(NlpStage()(doc)))
    (q,) = doc.quotes
    assert q.kind == "direct" and q.speaker_text == "OLGA PRAN"
    _, qs = quotes(text)  # genre unknown: one "NAME:" line is no dialogue
    assert all(q.kind != "direct" for q in qs)


def test_interview_answers_are_by_the_person_introduced() -> None:
    doc, qs = quotes(
        "We spoke with the engineer Jane Roe about the new bridge over the Tarsk river.\n\n"
        "Q: When will the bridge open to traffic?\n\n"
        "A: It opens in May, if the weather holds and the steel arrives on time."
    )
    (q,) = qs
    assert q.kind == "direct" and speaker_name(doc, q) == "Jane Roe"
    assert q.text.startswith("It opens in May")


def test_a_name_on_the_line_above_a_quotation_is_its_speaker() -> None:
    doc, qs = quotes(
        "Voices from the harbour\n\nJane Roe, chief engineer at Orbex\n\n"
        "“The bridge will open in May and everyone in town will cross it on foot.”"
    )
    (q,) = qs
    assert q.kind == "direct" and speaker_name(doc, q) == "Jane Roe"


def test_a_name_between_two_quotations_names_no_one() -> None:
    # testimonials sign the quotation above: the name below is not the next one's speaker
    doc, qs = quotes(
        "Voices from the harbour\n\n"
        "“The bridge will open in May and everyone in town will cross it on foot.”\n\n"
        "Jane Roe, chief engineer at Orbex\n\n"
        "“The ferry will stop running once the bridge is open, and the pier will close.”\n\n"
        "Tom Baker, ferry captain"
    )
    assert all(speaker_name(doc, q) != "Jane Roe" for q in qs)


def test_people_in_general_report_nothing() -> None:
    _, qs = quotes(
        "The espresso maker suits those who want café-style drinks at home. Most people want "
        "a machine that heats up fast."
    )
    assert qs == []


def test_passive_naming_and_advice_are_not_quotes() -> None:
    _, qs = quotes(
        "The cooling latch is called the carrying latch. Residents were advised to stay indoors."
    )
    assert qs == []


def test_lets_say_is_the_writer() -> None:
    _, qs = quotes("Let's say the ferry runs on time for once.")
    assert qs == []


def test_a_field_label_and_colon_is_no_speaker() -> None:
    _, qs = quotes(
        "Header Image: Fishermen have worked the Tarsk coast for many hundreds of years."
    )
    assert qs == []


def test_a_hyphenated_plural_subject_speaks_whole() -> None:
    _, qs = quotes("Two co-authors said the ferry would change the island for good.")
    (q,) = qs
    assert q.speaker_text == "Two co-authors"


def test_a_thing_thinks_nothing_and_an_object_pronoun_is_no_source() -> None:
    _, qs = quotes(
        "The pocket router is small. It knows when the battery runs low, and it sees why the "
        "signal drops."
    )
    assert qs == []
    _, qs = quotes("Trainers expect them to understand the cue by six months of age.")
    assert qs == []


def test_they_and_it_need_a_subject_to_stand_for() -> None:
    _, qs = quotes(
        "Ferries from Italy reach the island twice a week. They said the timetable would change."
    )
    (q,) = qs
    assert q.speaker is None and q.speaker_text == "They"
    doc, qs = quotes("The Tarsk Ferry Company raised its fares. It said the harbour would reopen.")
    (q,) = qs
    assert speaker_name(doc, q) == "Tarsk Ferry Company"


def test_a_name_in_apposition_speaks_for_its_role() -> None:
    doc, qs = quotes("Orbex's owner, Jane Roe, denied any wrongdoing.")
    (q,) = qs
    assert speaker_name(doc, q) == "Jane Roe"


def test_the_writers_own_piece_is_the_writers_voice() -> None:
    _, qs = quotes("This post explains why we built the ferry planner and how it works.")
    assert qs == []


def test_it_wants_nothing() -> None:
    _, qs = quotes("The shake is light, and it supports muscle recovery after long rides.")
    assert qs == []


def test_writing_or_recalling_a_thing_is_no_report() -> None:
    _, qs = quotes(
        "Years later, he wrote me a long letter about the harbour. Recalling her first "
        "winter, she laughed."
    )
    assert qs == []
    _, qs = quotes("The mayor wrote that the harbour would reopen in May.")
    (q,) = qs
    assert q.text == "that the harbour would reopen in May"


def test_whom_a_speaker_tells_is_not_what_was_said() -> None:
    _, qs = quotes("Later that week, Mr. Deyal told this newspaper.")
    assert qs == []
    _, qs = quotes("She had a source who told him the harbour had closed for good.")
    (q,) = qs
    assert q.text == "the harbour had closed for good"


def test_a_small_clause_of_perception_is_no_report() -> None:
    _, qs = quotes("At the fair the mayor saw riders holding their reins in the left hand.")
    assert qs == []
    _, qs = quotes("The mayor saw that the harbour would not reopen in time.")
    (q,) = qs
    assert q.text == "that the harbour would not reopen in time"


def test_a_heading_taken_for_a_name_is_no_speaker() -> None:
    _, qs = quotes(
        "Focus on Long-Tail Keywords: These terms often convert better because they are "
        "specific.\nReduce Bounce Rate: Keep readers engaged with clear, well-structured pages."
    )
    assert qs == []
    _, qs = quotes(
        "Pollster Pat Caddell spoke on Monday.\nPat Caddell: Democrat voters worried about the "
        "harbour for years and nobody listened."
    )
    (q,) = qs
    assert q.speaker_text == "Pat Caddell"


def test_an_everyday_verb_with_a_thing_for_subject_reports_nothing() -> None:
    _, qs = quotes("The extra weight adds that the scooter is hard to carry upstairs.")
    assert qs == []
    _, qs = quotes("Twelve percent indicated that they were not sure.")
    (q,) = qs
    assert q.text == "that they were not sure"


def test_a_thing_or_a_body_of_evidence_says_nothing() -> None:
    for text in (
        "The rising popularity of cold baths suggests that many swimmers want a thrill.",
        "The hardest part was thinking that the ferry had left without us.",
        "Some online rumours argue that the orchard will close in spring.",
        "Careful research shows that no diet works for every runner.",
        "Our data suggests that the lake warms earlier each year.",
        "Forty kilograms of lemons announced that the market had opened.",
    ):
        _, qs = quotes(text)
        assert [q for q in qs if q.speaker_text] == [], text
    _, qs = quotes("The Harbour Board report says that the pier needs new pilings.")
    (q,) = qs
    assert q.text == "that the pier needs new pilings"
    _, qs = quotes(
        "Data from the 2014 Velmont Household Survey show that most families own a boat."
    )
    (q,) = qs
    assert q.text == "that most families own a boat"


def test_a_name_qualifying_the_speaker_is_not_the_speaker() -> None:
    doc, qs = quotes(
        "Velmont University opened a new library in May. Velmont University students say they "
        "wait an hour for a seat."
    )
    (q,) = qs
    assert q.speaker_text == "Velmont University students" and q.speaker is None
    doc, qs = quotes("Velmont University officials say the library will stay open at night.")
    (q,) = qs
    assert speaker_name(doc, q) == "Velmont University"


def test_an_object_alone_is_a_statement_only_for_verbs_of_saying() -> None:
    for text in (
        "Most towns adopted what the planners called quiet streets.",
        "The Ostrava bakery demonstrated strong growth last year.",
        "Both teams showed a small gain in speed after the break.",
        "The Gazette asked Marta Lind five questions about the harbour.",
    ):
        _, qs = quotes(text)
        assert [q.text for q in qs if q.speaker_text] == [], text
    _, qs = quotes("The harbour survey shows Marta Lind well ahead of her rivals.")
    (q,) = qs
    assert q.text.startswith("Marta Lind")
    _, qs = quotes("Marta Lind denied the accusation and defended the harbour fees.")
    assert len(qs) == 2
    _, qs = quotes("The coach suggests soaking the boots in warm water overnight.")
    (q,) = qs
    assert q.text.startswith("soaking the boots")


def test_a_link_line_or_a_preposition_is_no_attribution() -> None:
    _, qs = quotes(
        "The ferry will run twice a day, Marta Lind said.\n\n"
        "Related: Islanders are not using the new ferry much, a harbour survey shows\n\n"
        "The story “Is the old pier actually going to close next year?” (Page A3, May 2) "
        "regarding “the confusion of islanders about everything from fares to timetables” "
        "helps me see why the council needs a plan."
    )
    assert [q.text for q in qs] == ["The ferry will run twice a day"]


def test_a_cue_inside_what_someone_said_is_part_of_it() -> None:
    _, qs = quotes(
        "Marta Lind said some islanders are starting to wonder whether the ferry is worth the fare."
    )
    assert [(q.speaker_text, q.text) for q in qs] == [
        ("Marta Lind", "some islanders are starting to wonder whether the ferry is worth the fare")
    ]
    _, qs = quotes("Marta Lind said some are starting to wonder whether the fare is fair.")
    assert [q.speaker_text for q in qs] == ["Marta Lind"]
    _, qs = quotes("Marta Lind said Tom Brack told her that the ferry would stop in May.")
    assert {q.speaker_text for q in qs} == {"Marta Lind", "Tom Brack"}


def test_a_turn_s_label_is_not_the_subject_of_a_verb_in_the_turn() -> None:
    # written all in capitals, the label parses as a second subject of "said"
    _, qs = quotes(
        "HOST: What happened to the pier?\n\n"
        "JANE ROE: The minister said that taxes will rise soon.\n\n"
        "HOST: And then?\n\n"
        "JANE ROE: We waited for the ferry."
    )
    reported = [q for q in qs if q.cue == "said"]
    assert [q.speaker_text for q in reported] == ["The minister"]
