"""The newsgraph/1 model: JSON round-trip, schema in sync, offsets checked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from newsgraph.model import (
    Article,
    Author,
    Claim,
    Document,
    Entity,
    Event,
    Mention,
    Quote,
    Response,
    Section,
    json_schema_text,
    text_id,
)

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "newsgraph-1.schema.json"

_text = st.text(min_size=0, max_size=60)
_opt = st.none() | _text


@st.composite
def documents(draw: st.DrawFn) -> Document:
    body = draw(st.text(min_size=1, max_size=300))
    n = len(body)

    def span() -> tuple[int, int]:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b

    s, e = span()
    article = Article(
        title=draw(_opt),
        authors=[Author(name=draw(_text), role=draw(_opt)) for _ in range(draw(st.integers(0, 2)))],
        published=draw(st.none() | st.dates(min_value=date(1800, 1, 1)).map(date.isoformat)),
        language=draw(st.none() | st.sampled_from(["en", "de", "ru"])),
        text=body,
        captions=draw(st.lists(_text, max_size=2)),
        sections=[Section(heading=draw(_text), author=draw(_opt), start=s, end=e)],
    )
    ms, me = span()
    entity = Entity(
        id="e1",
        name=draw(_text),
        kind=draw(st.sampled_from(["person", "organization", "country", "location", "group"])),
        code=draw(_opt),
        mentions=[Mention(start=ms, end=me, text=body[ms:me])],
        by="actors.v1",
    )
    qs, qe = span()
    quote = Quote(
        id="q1",
        start=qs,
        end=qe,
        text=body[qs:qe],
        kind=draw(st.sampled_from(["direct", "mixed", "indirect"])),
        speaker="e1",
        by="quotes.v1",
    )
    claim = Claim(
        id="c1",
        claimant="e1",
        cue="claims",
        start=qs,
        end=qe,
        text=body[qs:qe],
        responses=[Response(by=None, stance="deny", cue="denies", start=ms, end=me)],
        by="claims.v1",
    )
    event = Event(
        id="v1",
        trigger=body[qs:qe].split(" ")[0],
        trigger_start=qs,
        trigger_end=qs + len(body[qs:qe].split(" ")[0]),
        cameo="042",
        cameo_name="Make a visit",
        rule="verbs.tsv:1: visit → obj",
        quad_class=draw(st.integers(1, 4)),
        goldstein=draw(st.floats(-10, 10, allow_nan=False)),
        mode=draw(st.sampled_from(["asserted", "future", "hypothetical", "negated", "reported"])),
        start=qs,
        end=qe,
        text=body[qs:qe],
        by="events.v1",
    )
    return Document(
        id=text_id(body),
        article=article,
        entities=[entity],
        quotes=[quote],
        claims=[claim],
        events=[event],
        stages=["extract.v1"],
    )


@settings(max_examples=60, deadline=None)
@given(documents())
def test_json_round_trip(doc: Document) -> None:
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert json.loads(again.to_json()) == json.loads(doc.to_json())


def test_schema_file_matches_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "the committed schema is stale: run `make schema`"
    )


def test_schema_validates_output() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    doc = Document(id="x", article=Article(text="Hello.\n\nWorld."))
    jsonschema.validate(json.loads(doc.to_json()), json.loads(json_schema_text()))


def test_format_fields_are_fixed() -> None:
    doc = json.loads(Document(id="x", article=Article(text="a")).to_json())
    assert doc["format"] == "newsgraph/1"
    assert set(doc) >= {
        "format",
        "id",
        "source",
        "article",
        "entities",
        "quotes",
        "claims",
        "events",
    }
    assert set(doc["article"]) >= {
        "title",
        "authors",
        "published",
        "language",
        "text",
        "captions",
        "sections",
    }
    assert doc["article"]["by"] == "extract.v1"


def test_span_end_before_start_is_rejected() -> None:
    with pytest.raises(ValidationError, match="before its start"):
        Section(heading="h", start=5, end=2)


def test_bad_date_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Article(text="a", published="March 3")


def test_paragraph_offsets() -> None:
    art = Article(text="One.\n\nTwo two.\n\nThree.")
    assert [art.text[a:b] for a, b in art.paragraphs()] == ["One.", "Two two.", "Three."]


def test_text_id_is_stable() -> None:
    assert text_id("abc") == text_id("abc") != text_id("abd")
    assert len(text_id("abc")) == 16
