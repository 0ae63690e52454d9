"""Stage `genre`: what kind of page an article is, on pages written here."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import PipelineError
from newsgraph.pipeline import Pipeline, RawPage
from newsgraph.stages.genre import GENRES, classify, parse_weights, weights

NEWS = (
    "PORT ALDER — The harbour authority closed the northern pier on Tuesday after a storm "
    "damaged two cranes, officials said.\n\n"
    "“We cannot let ships dock until the cranes are inspected,” said Mara Quill, the "
    "authority's director. She told reporters the inspection would take a week.\n\n"
    "Fishermen said the closure would cost them a season's catch. According to the port's "
    "figures, 40 boats used the pier last year.\n\n"
    "The mayor's office said it would ask the regional government for emergency funds."
)

PRESS = (
    "PORT ALDER, March 3, 2031 /Wirecast/ — Quill Logistics (NASDAQ: QLOG) today announced "
    "the opening of a new cold-storage terminal at the northern pier.\n\n"
    "The terminal adds 12,000 pallet positions and is expected to serve 300 customers.\n\n"
    "“This terminal is the next step for our network,” said Mara Quill, chief executive.\n\n"
    "About Quill Logistics\n\n"
    "Quill Logistics runs terminals in eleven ports.\n\n"
    "Media Contact: press office, Quill Logistics"
)

TRANSCRIPT = (
    "Our host sat down with the harbour master to talk about the storm.\n\n"
    "HOST: What happened to the cranes on Tuesday night?\n\n"
    "ODO VANCE: The wind reached ninety knots and the brakes on two cranes failed.\n\n"
    "HOST: Could that have been prevented?\n\n"
    "ODO VANCE: We had asked for new brakes last year, and we did not get the money.\n\n"
    "HOST: When will the pier open again?\n\n"
    "ODO VANCE: Not before the inspectors have signed off, in a week or two."
)

ESSAY = (
    "I moved to Port Alder in the spring, and I did not expect to fall for a harbour.\n\n"
    "My mornings start on the northern pier. I watch the boats leave, I drink my coffee, and "
    "I think about the town I left behind.\n\n"
    "Last week I walked the length of the breakwater for the first time. I was alone, and it "
    "was the best hour of my month.\n\n"
    "If you ever come here, I hope you will walk it too. Thanks for reading, and subscribe "
    "if you want my next letter."
)

COMMERCE = (
    "Keep your catch cold from the pier to the market with the Alder ColdBox.\n\n"
    "Our team designs every box by hand. We offer three sizes, from $149.00 to $329.00, with "
    "free shipping on every order.\n\n"
    "Add to cart today, or contact us for a free quote for your whole fleet.\n\n"
    "Your fish will thank you: the ColdBox keeps ice for five days. Order now and get started."
)

LISTING = (
    "Step 1. Check the weather forecast before you leave the harbour.\n\n"
    "Step 2. Tell someone on shore when you plan to return.\n\n"
    "Step 3. Carry a radio and a spare battery.\n\n"
    "Step 4. Wear your life jacket at all times on deck.\n\n"
    "Step 5. Keep a first-aid kit where you can reach it."
)

ANALYSIS = (
    "Analysis by Ines Marr, Harbour Correspondent\n\n"
    "What will the port do now? The closure could last a week, or it might last a season.\n\n"
    "The authority may well be tempted to blame the storm. But the truth is the cranes were "
    "old, and the money for new brakes never came. It is time the region paid for its port.\n\n"
    "If the pier stays closed, the fishermen would likely move to the southern harbour, and "
    "they might never come back. That seems the likelier outcome."
)


@pytest.mark.parametrize(
    ("text", "title", "url", "label"),
    [
        (NEWS, "Storm closes northern pier", "https://example.org/news/pier-closed", "news"),
        (PRESS, "Quill Logistics opens terminal", None, "press_release"),
        (TRANSCRIPT, "The harbour master on the storm", None, "transcript"),
        (ESSAY, "A year on the pier", None, "essay"),
        (COMMERCE, "Alder ColdBox", None, "commerce"),
        (LISTING, "How to stay safe at sea", None, "listing"),
        (ANALYSIS, "Will the port recover?", None, "analysis"),
    ],
)
def test_each_genre_from_the_text(text: str, title: str, url: str | None, label: str) -> None:
    genre = classify(text, title=title, url=url)
    assert genre.label == label, genre.evidence
    assert genre.evidence
    assert genre.by == "genre.v1"


def test_the_page_s_own_declaration_counts() -> None:
    plain = "The tide tables for the week. The harbour opens at six and closes at nine."
    assert classify(plain, page_types=("Product", "Offer")).label == "commerce"
    assert classify(plain, page_types=("OpinionNewsArticle",)).label == "analysis"
    declared = classify(plain, page_types=("Product",))
    assert declared.evidence[0] == "the page declares a product or an offer"


def test_quoted_first_person_is_not_the_writer_s_voice() -> None:
    # The "I" and "we" are inside quotation marks: the speaker's, not the writer's.
    text = (
        "“I will not resign, and we will rebuild the pier,” the mayor said on Monday.\n\n"
        "“I have asked the region for money,” she told the council, officials said.\n\n"
        "Council members said they would vote on the budget next week."
    )
    assert classify(text).label == "news"


def test_the_stage_reads_declared_types_from_html() -> None:
    html = (
        "<html><head><title>Pier closed</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script>'
        '<meta property="og:type" content="article"></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in NEWS.split("\n\n"))
        + "</article></body></html>"
    )
    pipe = Pipeline.from_names(["extract.v1", "genre.v1"])
    doc = pipe(RawPage(data=html.encode(), url="https://example.org/2031/pier"))
    assert doc.article.genre is not None
    assert doc.article.genre.label == "news"
    assert "the page declares itself a news article" in doc.article.genre.evidence


def test_plain_text_without_the_stage_has_no_genre() -> None:
    doc = Pipeline.from_names(["extract.v1"])(RawPage(data=NEWS))
    assert doc.article.genre is None


def test_the_weight_table_is_checked() -> None:
    assert {w.genre for w in weights()} == set(GENRES)
    with pytest.raises(PipelineError, match="line 2: unknown signal 'shouting'"):
        parse_weights("reporting\tnews\t1.0\nshouting\tnews\t1.0\n")
    with pytest.raises(PipelineError, match="unknown genre 'gossip'"):
        parse_weights("reporting\tgossip\t1.0\n")
    with pytest.raises(PipelineError, match="'lots' is not a number"):
        parse_weights("reporting\tnews\tlots\n")


def test_url_phrases_count_as_one_word() -> None:
    plain = "The knot holds when the rope is wet. Pull the loose end through the loop twice."
    genre = classify(plain, url="https://example.org/2031/how-to-tie-a-bowline")
    assert "a guide, how-to or docs path in the URL" in genre.evidence
    other = classify(plain, url="https://example.org/2031/how-the-rope-held")
    assert "a guide, how-to or docs path in the URL" not in other.evidence


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=0, max_size=600),
    url=st.one_of(st.none(), st.text(max_size=80)),
    types=st.lists(st.text(max_size=20), max_size=4),
)
def test_any_page_gets_one_genre_with_evidence(
    text: str, url: str | None, types: list[str]
) -> None:
    genre = classify(text, title=text[:40], url=url, page_types=tuple(types))
    assert genre.label in GENRES
    assert genre.evidence


# A company's own announcement on its blog, with no wire formulas (no "today announced", no
# "About ...", no media contact): the writer announces as we.
SELF_ANNOUNCEMENT = (
    "Today we're introducing Tidewatch, a buoy that reports wave height every minute.\n\n"
    "We built Tidewatch after three winters of storms on the northern pier. It runs for a year "
    "on one battery and sends its readings over the harbour radio.\n\n"
    "We are also releasing the firmware under an open licence, so any port can adapt it.\n\n"
    "Tidewatch ships to the first twenty ports in May."
)

# A buying guide that lists other people's products: prices and pros and cons, but the site
# sells nothing of its own.
ROUNDUP = (
    "We tested nine harbour radios over a season on the water.\n\n"
    "1. Alder Marine HX4\n\n"
    "Best for: small boats\n\n"
    "Pros: loud speaker, floats\n\n"
    "Cons: short battery life\n\n"
    "Price: $129\n\n"
    "2. Quill VHF Pro\n\n"
    "Best for: fishing fleets\n\n"
    "Pros: long range, rugged case\n\n"
    "Cons: heavy\n\n"
    "Price: $249"
)


def test_a_company_announcing_as_we_is_a_press_release() -> None:
    genre = classify(SELF_ANNOUNCEMENT, title="Introducing Tidewatch")
    assert genre.label == "press_release", genre.evidence
    assert "the writer announces or introduces something as we" in genre.evidence


def test_a_product_round_up_is_a_listing_not_a_shop() -> None:
    genre = classify(ROUNDUP, title="The best harbour radios")
    assert genre.label == "listing", genre.evidence
    assert "product round-up lines (pros, cons, best for)" in genre.evidence


def test_the_new_signals_read_the_writer_s_own_words() -> None:
    from newsgraph.stages.genre.signals import Page, sales_pitch, self_announcement

    quoted = Page(text="“We are introducing a new ferry,” the mayor said on Monday.")
    assert self_announcement(quoted) == 0.0
    titled = Page(text="The council met.", title="Introducing the new ferry")
    assert self_announcement(titled) == 1.0
    pitch = "Contact us for a free consultation. Our team will get started the same week."
    assert sales_pitch(Page(text=pitch)) == 1.0
    assert sales_pitch(Page(text=f"“{pitch}” read the sign, the inspectors said.")) == 0.0


def test_one_label_over_and_over_is_no_dialogue() -> None:
    # Field lines under each item ("Berth: ...") look like speaker turns, but a dialogue needs
    # two speakers at least.
    fields = "\n\n".join(
        f"Berth: {n} on the northern pier, with water and power for boats up to {n + 8} metres."
        for n in range(4, 12)
    )
    genre = classify(fields, title="Berths for visiting boats")
    assert genre.label != "transcript", genre.evidence
    assert "speaker turns (NAME: ...)" not in genre.evidence
