"""The document model: one typed `Document` flows through every stage.

Its JSON form is the public output format ``newsgraph/1`` (see docs/format.md and
``newsgraph-1.schema.json``, generated from these classes by ``newsgraph schema``).

Every annotation carries character offsets (``start``/``end``) into ``article.text`` and
``by``, the name and version of the stage that produced it (for example ``"extract.v1"``).
A claim's responses are produced by the claim's stage; their ``by`` field names the
responding entity, as the format requires.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

FORMAT: Literal["newsgraph/1"] = "newsgraph/1"

EntityKind = Literal["person", "organization", "country", "location", "group"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Stance = Literal["deny", "confirm", "dispute"]
Mode = Literal["asserted", "future", "hypothetical", "negated", "reported"]
GenreLabel = Literal[
    "news", "analysis", "essay", "press_release", "transcript", "commerce", "listing"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class _Span(_Model):
    """Something with offsets into ``article.text``."""

    start: int = Field(ge=0, description="Offset of the first character in article.text.")
    end: int = Field(ge=0, description="Offset one past the last character in article.text.")

    @model_validator(mode="after")
    def _ordered(self) -> _Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Source(_Model):
    """Where the page came from."""

    path: str | None = None
    url: str | None = Field(default=None, description="The URL given or declared by the page.")
    final_url: str | None = Field(default=None, description="The URL after redirects (fetched).")
    status: int | None = Field(default=None, description="HTTP status of the fetch.")


class Author(_Model):
    name: str
    role: str | None = None


class Section(_Span):
    """A headed part of the body, attributed to its author where the page says so."""

    heading: str
    author: str | None = None
    by: str = "extract.v1"


class Genre(_Model):
    """What kind of page the article is, and the evidence that decided it (stage ``genre``).

    ``news`` a news report; ``analysis`` analysis or opinion; ``essay`` a first-person essay,
    blog post or newsletter; ``press_release`` an organisation announcing about itself;
    ``transcript`` an interview or transcript in speaker turns; ``commerce`` a product,
    service or marketing page; ``listing`` a list, index, how-to or anything else.
    """

    label: GenreLabel
    evidence: list[str] = Field(
        default_factory=list, description="The signals that decided the label, strongest first."
    )
    by: str = "genre.v1"


class Article(_Model):
    """Stage ``extract``'s output: the readable article."""

    title: str | None = None
    authors: list[Author] = Field(default_factory=list)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    language: str | None = None
    text: str = Field(description='Clean body text, paragraphs separated by "\\n\\n".')
    captions: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    genre: Genre | None = Field(default=None, description="Set by stage genre; None before it.")
    by: str = "extract.v1"

    def paragraphs(self) -> list[tuple[int, int]]:
        """Offsets of each paragraph of ``text``."""
        out: list[tuple[int, int]] = []
        pos = 0
        for para in self.text.split("\n\n"):
            if para:
                out.append((pos, pos + len(para)))
            pos += len(para) + 2
        return out


class Mention(_Span):
    text: str


class Entity(_Model):
    id: str
    name: str
    kind: EntityKind
    code: str | None = None
    description: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    by: str


class QuotePart(_Span):
    """One quoted stretch of a quote given in several parts ("“A,” she said. “B.”")."""


class Quote(_Span):
    """What a source said. ``start``/``end`` cover the whole quote; a quote in several parts
    lists them in ``parts`` and its ``text`` joins them with " … "."""

    id: str
    text: str
    kind: QuoteKind
    parts: list[QuotePart] = Field(default_factory=list)
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    by: str


class Response(_Span):
    by: str | None = Field(default=None, description="Entity id of the responder.")
    by_text: str | None = None
    stance: Stance
    cue: str


class Referent(_Span):
    """What "this", "that" or "just that" in a claim stands for."""

    text: str


class Claim(_Span):
    id: str
    refers: Referent | None = Field(
        default=None, description='The sentence that "that"/"this" in the claim refers to.'
    )
    claimant: str | None = None
    claimant_text: str | None = None
    cue: str
    text: str
    responses: list[Response] = Field(default_factory=list)
    by: str


class Event(_Span):
    """Who did what to whom. ``start``/``end`` and ``text`` are the sentence; the trigger,
    the source and the target have offsets of their own."""

    id: str
    source: str | None = Field(default=None, description="Entity id of the source actor.")
    target: str | None = Field(default=None, description="Entity id of the target actor.")
    source_code: str | None = None
    target_code: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None
    trigger: str
    trigger_start: int = Field(ge=0)
    trigger_end: int = Field(ge=0)
    cameo: str
    cameo_name: str
    plover: str | None = None
    plover_mode: str | None = None
    quad_class: int | None = Field(
        ge=1, le=4, description="None only for a code outside CAMEO (a user's verb dictionary)."
    )
    goldstein: float | None = Field(
        ge=-10.0, le=10.0, description="None only for a code outside CAMEO."
    )
    mode: Mode
    mode_cue: str | None = Field(
        default=None, description='The words that set the mode ("will", "if", "not").'
    )
    quote: str | None = Field(default=None, description="Id of the quote the event is told in.")
    claim: str | None = Field(default=None, description="Id of the claim the event is part of.")
    text: str
    date: str | None = Field(
        default=None,
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="When, as precise as the text says: YYYY-MM-DD, YYYY-MM or YYYY.",
    )
    rule: str = Field(description="The pattern or rule that produced the event (--explain).")
    by: str


Judgement = Literal["likely", "unlikely", "possible", "preferred", "risky"]


class ScenarioOption(_Span):
    """One of the outcomes a writer lays out ("1. It's time to consider a retreat")."""

    label: str = Field(description='"1", "2", "a", or the position in an either/or: "1", "2".')
    text: str


class Assessment(_Span):
    """The writer's judgement of an option ("This seems to make option three unlikely")."""

    option: str = Field(description="The label of the option it judges.")
    judgement: Judgement
    text: str


class Conclusion(_Span):
    """Where the writer lands ("The smart money seems to be on the latter")."""

    option: str | None = Field(description="The label of the option it favours, if one.")
    text: str


class Scenario(_Span):
    """What could happen next, as the writer lays it out: the question, the options, their
    assessments and the conclusion. ``start``/``end`` cover the question and the options."""

    id: str
    question: str
    options: list[ScenarioOption] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    conclusion: Conclusion | None = None
    by: str = "scenarios.v1"


class Document(_Model):
    """The whole record of one article, as it flows through the pipeline."""

    format: Literal["newsgraph/1"] = FORMAT
    id: str
    source: Source = Field(default_factory=Source)
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    stages: list[str] = Field(
        default_factory=list, description="Names and versions of the stages that ran, in order."
    )

    # Facts stages pass to each other that are not part of the output (e.g. a parse).
    _scratch: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def to_json(self, *, indent: int | None = None) -> str:
        """The ``newsgraph/1`` JSON form."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def text_id(text: str) -> str:
    """Stable id of a document: a hash of its clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``newsgraph/1``, generated from the model."""
    schema: dict[str, Any] = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsgraph.example.org/schema/newsgraph-1.schema.json"
    schema["title"] = "newsgraph/1"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
