"""Stage ``quotes``: who said what — direct, mixed and indirect quotes with speaker and cue.

    marks.find_quoted   quotation marks, paragraph by paragraph
    cues                reporting verbs
    frame               is a cue used to report someone (not the writer, not negated, in a
                        reporting frame), and can its subject speak
    turns               speaker turns ("JANE ROE: ...", "A: ...") and names in a label above
                        a quotation
    find.find_quotes    cues, sources and what they said; quotations without a cue

Each quote's speaker is resolved to an entity of the ``actors`` stage: the entity mentioned
at the speaker, or for a pronoun the entity it stands for among those that can speak (a person
for "he"/"she", an organisation, country or group for "they"/"it"); when there is none the
speaker stays empty and ``speaker_text`` keeps the pronoun.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from newsgraph.model import Document, Quote, QuotePart
from newsgraph.registry import stage
from newsgraph.stages.actors import actor_mentions_of
from newsgraph.stages.nlp import parse_of
from newsgraph.stages.quotes.find import PRONOUNS, Found, find_quotes
from newsgraph.stages.quotes.frame import REPRESENTATIVES
from newsgraph.syntax import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.stages.actors import ActorMention

_STAGE = "quotes.v1"
_SUBJECT_WINDOW = 3  # sentences back in which a subject is preferred as a pronoun's antecedent


@stage(_STAGE, requires={"parse", "entities"}, assigns={"quotes"})
class QuotesStage:
    """Find direct, mixed and indirect quotes and resolve their speakers to entities."""

    def __call__(self, doc: Document) -> Document:
        parsed = parse_of(doc)
        mentions: list[tuple[ActorMention, str]] = actor_mentions_of(doc)
        kinds = {e.id: e.kind for e in doc.entities}
        people = _people_by_name(doc)
        quotes: list[Quote] = []
        spoken = {t for m, _ in mentions for t in range(m.i, m.j)}
        genre = doc.article.genre
        transcript = genre is not None and genre.label == "transcript"
        for n, f in enumerate(find_quotes(parsed, spoken, transcript), 1):
            q = _quote(doc.text, parsed, f, n, mentions, kinds)
            if q.speaker is None and q.speaker_text is not None:
                q.speaker = people.get(q.speaker_text.casefold())  # "ROE:" is Jane Roe
            quotes.append(q)
        doc.quotes = quotes
        return doc


def _people_by_name(doc: Document) -> dict[str, str]:
    """Each person entity by its name and by its surname when no other person has it, in
    lower case ("jane roe", "roe"): how a transcript's labels name them."""
    by_name: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.kind != "person" or not e.name.split():
            continue  # an entity read from a JSON document may have any name, even ""
        by_name[e.name.casefold()] = e.id
        surnames.setdefault(e.name.split()[-1].casefold(), set()).add(e.id)
    for surname, ids in surnames.items():
        if len(ids) == 1 and surname not in by_name:
            by_name[surname] = next(iter(ids))
    return by_name


def _quote(
    text: str,
    parsed: Doc,
    f: Found,
    n: int,
    mentions: list[tuple[ActorMention, str]],
    kinds: Mapping[str, str],
) -> Quote:
    parts = [QuotePart(start=a, end=b) for a, b in f.parts] if len(f.parts) > 1 else []
    body = " … ".join(text[a:b] for a, b in f.parts)
    speaker = _speaker_entity(parsed, f, mentions, kinds)
    return Quote(
        id=f"q{n}",
        start=f.start,
        end=f.end,
        text=body,
        kind=f.kind,
        parts=parts,
        speaker=speaker,
        speaker_text=text[f.speaker[0] : f.speaker[1]] if f.speaker else None,
        cue=text[f.cue[0] : f.cue[1]] if f.cue else None,
        cue_start=f.cue[0] if f.cue else None,
        cue_end=f.cue[1] if f.cue else None,
        by=_STAGE,
    )


def _speaker_entity(
    parsed: Doc, f: Found, mentions: list[tuple[ActorMention, str]], kinds: Mapping[str, str]
) -> str | None:
    if f.speaker_token is None:
        return None
    return entity_at(parsed, f.speaker_token, f.speaker, mentions, kinds)


def entity_at(
    parsed: Doc,
    i: int,
    span: tuple[int, int] | None,
    mentions: list[tuple[ActorMention, str]],
    kinds: Mapping[str, str],
) -> str | None:
    """The entity a source's head token ``i`` (and phrase ``span``) refers to; for a pronoun,
    the entity it stands for (``_antecedent``)."""
    tok = parsed[i]
    a, b = span or (tok.idx, tok.idx + len(tok.text))
    # the entity mentioned at the speaker's head word, else anywhere in the speaker phrase
    for m, eid in mentions:
        if m.i <= tok.i < m.j:
            return eid
    inside = [(m, eid) for m, eid in mentions if a <= m.start and m.end <= b]
    if inside:
        return _in_phrase(tok, inside)
    if tok.lower_ in PRONOUNS:
        return _antecedent(parsed, tok, mentions, kinds)
    return None


def _subject_like(t: Token) -> bool:
    """A subject, or the name in one ("Norland's government", "Orbex officials")."""
    if t.dep_ in ("poss", "compound") and t.head.i != t.i:
        t = t.head
    return t.dep_ in SUBJECTS


def _in_phrase(head: Token, inside: list[tuple[ActorMention, str]]) -> str | None:
    """The entity named inside a speaker phrase whose head word is none: the person in
    apposition ("Noble's owner, Joe Hannouch"); the body a source noun speaks for ("a
    spokesperson for Orbex", "Pentagon officials", ``frame.REPRESENTATIVES``); no one when
    the head is another common noun ("Stanford students", "prices for Wegovy": the name only
    qualifies them)."""
    for c in head.children:
        if c.dep_ == "appos":
            for m, eid in inside:
                if m.i <= c.i < m.j:
                    return eid
    if head.pos_ == "NOUN" and head.lemma_.lower() not in REPRESENTATIVES:
        return None
    return min(inside, key=lambda x: x[0].start)[1]


def _antecedent(
    parsed: Doc, tok: Token, mentions: list[tuple[ActorMention, str]], kinds: Mapping[str, str]
) -> str | None:
    """The entity a pronoun speaker stands for, only among those that can speak: a person for
    "he"/"she", an organisation, country or group for "they"/"it"; otherwise None ("Mount
    Orsel rose above the valley. He said ..." names no one). The latest such entity in subject
    position within a few sentences wins over a later one named in passing ("Sarker said ...
    the Barind region. He said ..."); else, for "he"/"she", the latest person. "They" and "it"
    need such a subject: a country or product named in passing is no antecedent."""
    wanted = ("group", "organization", "country") if tok.lower_ in ("they", "it") else ("person",)
    if tok.lower_ not in ("he", "she", "they", "it", "him", "her", "them"):
        return None  # "I", "we", "you": the writer or a speaker quoted, never a third party
    before = [(m, eid) for m, eid in mentions if m.end <= tok.idx and kinds.get(eid) in wanted]
    if not before:
        return None
    sents = {s.start: n for n, s in enumerate(parsed.sents)}
    here = sents[tok.sent.start]
    subjects = [
        (m, eid)
        for m, eid in before
        if here - sents[parsed[m.i].sent.start] <= _SUBJECT_WINDOW
        and any(_subject_like(parsed[k]) for k in range(m.i, m.j))
    ]
    if not subjects and tok.lower_ in ("they", "it", "them"):
        return None
    return max(subjects or before, key=lambda x: x[0].end)[1]
