"""HTML pages: metadata, body without chrome, captions apart, sections, encodings."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import BinaryInputError, DecodeError, EmptyInputError, NoArticleError

CHROME = (
    "Accept all cookies",
    "Share on Facebook",
    "Leave a Reply",
    "will not be published",
    "Back to top",
    "Sign up",
    "Advertisement",
    "All rights reserved",
)


@pytest.mark.parametrize(
    "name", ["aurelia-talks.html", "harbour-analysis.html", "wire-geneva.html"]
)
def test_examples_have_metadata_and_a_clean_body(examples: Path, name: str) -> None:
    art = newsgraph.read((examples / name).read_bytes())
    assert art.title and " | " not in art.title
    assert art.authors and all(a.role for a in art.authors)
    assert art.published and art.published.startswith("2024-")
    assert art.language == "en"
    assert len(art.paragraphs()) >= 8
    for chrome in CHROME:
        assert chrome.lower() not in art.text.lower(), chrome
    for cap in art.captions:
        assert cap not in art.text


def test_latin1_page_keeps_accents_and_entities(examples: Path) -> None:
    art = newsgraph.read((examples / "aurelia-talks.html").read_bytes())
    assert art.authors[0].name == "Élodie Brénac"
    assert art.authors[0].role == "Diplomatic Correspondent"
    assert "“" in art.text and "\ufffd" not in art.text


def test_analysis_sections_are_attributed_to_their_authors(examples: Path) -> None:
    art = newsgraph.read((examples / "harbour-analysis.html").read_bytes())
    assert [s.author for s in art.sections] == ["Helena Varga", "Marcus Oyelaran"]
    for s in art.sections:
        assert art.text[s.start : s.end].startswith(s.heading)
    assert "Analysis by" not in art.text
    assert art.captions, "the figure caption is kept apart"
    assert "1. " in art.text and "3. " in art.text  # the ordered list keeps its numbers


def test_gzip_utf16_and_cp1251(pages: Path) -> None:
    gz = newsgraph.read((pages / "article.html.gz").read_bytes())
    assert gz.title == "Wrenford votes to close its old quarter to cars"
    assert newsgraph.read(gzip.decompress((pages / "article.html.gz").read_bytes())) == gz
    u16 = newsgraph.read((pages / "utf16.html").read_bytes())
    assert u16.title and "Montclaire" in u16.title and "Léa Fontanel" in u16.authors[0].name
    ru = newsgraph.read((pages / "cp1251.html").read_bytes())
    assert ru.language == "ru"
    assert "мост" in ru.text


def test_page_without_article(pages: Path) -> None:
    with pytest.raises(NoArticleError, match="no article text"):
        newsgraph.read((pages / "no_article.html").read_bytes())


def test_empty_binary_and_undecodable_bytes(pages: Path) -> None:
    with pytest.raises(EmptyInputError):
        newsgraph.read(b"")
    with pytest.raises(EmptyInputError):
        newsgraph.read(b"  \n\t ")
    with pytest.raises(BinaryInputError, match="PNG"):
        newsgraph.read((pages / "binary.bin").read_bytes())
    with pytest.raises(DecodeError, match="utf-8 byte-order mark"):
        newsgraph.read(b"\xef\xbb\xbfcaf\xe9 \xff\xfe broken")
    with pytest.raises(BinaryInputError, match="gzip"):
        newsgraph.read(b"\x1f\x8b\x08\x00garbage")


def test_title_repeated_in_body_is_dropped() -> None:
    para = "<p>" + "The council met on Monday and agreed a budget for the harbour. " * 3 + "</p>"
    html = (
        "<html><head><title>Council agrees budget</title></head><body><article>"
        f"<h1>Council agrees budget</h1>{para}{para.replace('Monday', 'Friday')}"
        "</article></body></html>"
    )
    art = newsgraph.read(html)
    assert art.title == "Council agrees budget"
    assert not art.text.startswith("Council agrees budget")
