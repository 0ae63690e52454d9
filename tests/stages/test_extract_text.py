"""Plain-text scraped copies: title, captions, bylines, sections, boilerplate, repeats."""

from __future__ import annotations

from pathlib import Path

import newsgraph
from tests.conftest import SEED, needs_seed


def _scraped(pages: Path) -> newsgraph.Article:
    return newsgraph.read((pages / "scraped_copy.txt").read_bytes())


def test_title_captions_and_authors(pages: Path) -> None:
    art = _scraped(pages)
    assert art.title and art.title.startswith("Norland and Vestmark close in")
    assert len(art.captions) == 2
    assert any("(pictured left)" in c for c in art.captions)
    for cap in art.captions:
        assert cap not in art.text
    assert [(a.name, a.role) for a in art.authors] == [
        ("Karin Solberg", "Economics Editor"),
        ("Jonas Ekberg", "Diplomatic Editor"),
    ]


def test_sections_are_attributed_and_offsets_point_at_headings(pages: Path) -> None:
    art = _scraped(pages)
    assert [(s.heading, s.author) for s in art.sections] == [
        ("Water, power and money", "Karin Solberg"),
        ("How the talks could end", "Jonas Ekberg"),
    ]
    for s in art.sections:
        assert art.text[s.start : s.start + len(s.heading)] == s.heading
        assert s.by == "extract.v1"
    assert art.sections[0].end < art.sections[1].start
    assert art.sections[-1].end == len(art.text)


def test_boilerplate_and_repeated_bylines_are_gone(pages: Path) -> None:
    text = _scraped(pages).text
    for chrome in ("Show More", "Leave a Reply", "will not be published", "Back to top"):
        assert chrome not in text
    assert "Analysis by" not in text
    assert "©" not in text


def test_numbered_items_and_quotes_stay(pages: Path) -> None:
    text = _scraped(pages).text
    paras = text.split("\n\n")
    assert sum(p[:2] in {"1.", "2.", "3."} for p in paras) == 3
    assert sum(p.startswith("“") for p in paras) >= 2


def test_plain_text_from_a_string() -> None:
    art = newsgraph.read(
        "A headline about a harbour\n\n"
        "The first paragraph of the story says what happened in the harbour on Monday.\n\n"
        "The second paragraph adds who said what about it, and why it matters to the town.\n"
    )
    assert art.title == "A headline about a harbour"
    assert art.text.startswith("The first paragraph")
    assert art.language == "en"


@needs_seed
def test_seed_page() -> None:
    art = newsgraph.read(SEED.read_bytes())
    assert art.title == "What to expect from China-Russia talks?"
    assert [(a.name, a.role) for a in art.authors] == [
        ("Steve Rosenberg", "Russia Editor"),
        ("Stephen McDonell", "China Correspondent"),
    ]
    assert len(art.captions) == 2
    assert all(c not in art.text for c in art.captions)
    assert [(s.heading, s.author) for s in art.sections] == [
        ("Putin seeks help from a friend", "Steve Rosenberg"),
        ("Xi’s signals to Putin can only go in three directions", "Stephen McDonell"),
    ]
    # Every article paragraph is kept; boilerplate and byline boxes are not.
    raw_blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    body = art.text.split("\n\n")
    chrome = {"Show More", "Leave a Reply", "Back to top button"}
    for block in raw_blocks[4:]:
        if (
            block.startswith("Analysis box by")
            or block in chrome
            or "will not be published" in block
        ):
            assert block not in body
        else:
            assert block in body, block
    assert art.text.count("Analysis box by") == 0


def test_repeated_short_answers_are_kept() -> None:
    art = newsgraph.read(
        "An interview about the harbour\n\n"
        "Will the harbour reopen before the summer season begins next year?\n\nYes.\n\n"
        "And will the ferries run on the old timetable from the first day?\n\nYes.\n"
    )
    assert art.text.count("Yes.") == 2
