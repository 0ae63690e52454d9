"""Stage ``claims``: reported assertions, who makes them, and who denies, confirms or disputes
them.

- A claim is a reported statement (indirect or mixed quote) whose cue asserts a state of
  affairs ("The US claims that China is considering doing just that"), or any reported
  statement that someone answers.
- A claim ending in "that", "this", "just that" or "so" refers to the sentence before it;
  that sentence is its ``refers``.
- A response is a verb of denial, confirmation or dispute ("Beijing denies this") whose
  object is the claim: a pronoun, a noun such as "the claim" or "the report", or a clause
  repeating the claim's words. It answers the latest claim before it, within a few sentences,
  made by someone else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from newsgraph.model import Claim, Document, Quote, Referent, Response, Stance
from newsgraph.registry import stage
from newsgraph.stages.actors import actor_mentions_of
from newsgraph.stages.nlp import parse_of
from newsgraph.stages.quotes import entity_at
from newsgraph.syntax import speaker_span, subject_of
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsgraph.stages.actors import ActorMention

_STAGE = "claims.v1"


CLAIM_CUES = words("claim allege assert contend insist maintain charge accuse argue report")
STANCES: dict[str, Stance] = {
    **dict.fromkeys(words("deny reject refute dismiss rebut disavow"), "deny"),
    **dict.fromkeys(words("confirm acknowledge admit concede corroborate"), "confirm"),
    **dict.fromkeys(words("dispute question contest challenge doubt"), "dispute"),
}
CLAIM_NOUNS = words(
    "claim allegation accusation charge report story suggestion assertion rumour rumor "
    "reports claims allegations accusations charges stories"
)
ANAPHORS = words("this that it so these those")
WINDOW = 3  # sentences between a claim and its response


@stage(_STAGE, requires={"parse", "entities", "quotes"}, assigns={"claims"})
class ClaimsStage:
    """Find claims and link each denial, confirmation or dispute to the claim it answers."""

    def __call__(self, doc: Document) -> Document:
        parsed = parse_of(doc)
        mentions = actor_mentions_of(doc)
        kinds = {e.id: e.kind for e in doc.entities}
        sentences = list(parsed.sents)
        starts = [s.start_char for s in sentences]
        claims: list[Claim] = []
        by_quote: dict[str, Claim] = {}

        def claim_for(q: Quote) -> Claim:
            if q.id not in by_quote:
                c = _claim(parsed, q, len(claims) + 1, sentences, starts)
                by_quote[q.id] = c
                claims.append(c)
            return by_quote[q.id]

        for q in doc.quotes:
            cue = _cue_token(parsed, q)
            if (
                q.kind != "direct"
                and cue is not None
                and cue.lemma_.lower() in CLAIM_CUES
                and _is_clause(parsed, q)
            ):
                claim_for(q)
        for tok in parsed:
            stance = STANCES.get(tok.lemma_.lower())
            if stance is None or tok.pos_ not in ("VERB", "AUX"):
                continue
            subj = subject_of(tok)
            if subj is None or not _answers(tok):
                continue
            target = _answered(
                doc.quotes, tok, subj, sentences, starts, by_quote, mentions, parsed, kinds
            )
            if target is None:
                continue
            claim = claim_for(target)
            sent = tok.sent
            spk = speaker_span(subj)
            claim.responses.append(
                Response(
                    start=sent.start_char,
                    end=_end(sent),
                    by=entity_at(parsed, subj.i, spk, mentions, kinds),
                    by_text=doc.text[spk[0] : spk[1]],
                    stance=stance,
                    cue=tok.text,
                )
            )
        claims.sort(key=lambda c: c.start)
        doc.claims = claims
        return doc


def _end(sent: Span) -> int:
    toks = [t for t in sent if not t.is_space]
    return toks[-1].idx + len(toks[-1].text) if toks else sent.end_char


def _cue_token(parsed: Doc, q: Quote) -> Token | None:
    if q.cue_start is None or q.cue_end is None:
        return None
    span = parsed.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    return span.root if span is not None else None


def _sentence_index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _claim(parsed: Doc, q: Quote, n: int, sentences: list[Span], starts: list[int]) -> Claim:
    refers = None
    last = q.text.rstrip(" .").split()[-1:] if q.text.strip() else []
    if last and last[0].lower() in ANAPHORS:
        k = _sentence_index(starts, q.start)
        if k > 0:
            prev = sentences[k - 1]
            refers = Referent(
                start=prev.start_char,
                end=_end(prev),
                text=parsed.text[prev.start_char : _end(prev)],
            )
    return Claim(
        id=f"c{n}",
        claimant=q.speaker,
        claimant_text=q.speaker_text,
        cue=q.cue or "",
        start=q.start,
        end=q.end,
        text=q.text,
        refers=refers,
        by=_STAGE,
    )


def _is_clause(parsed: Doc, q: Quote) -> bool:
    """ "claims that China is considering it", not "claim the mantle of peacemaker"."""
    span = parsed.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def _answers(verb: Token) -> bool:
    """Does the verb take a claim as its object ("denies this", "rejected the report")?"""
    for child in verb.children:
        if child.dep_ in ("dobj", "ccomp", "nsubjpass", "attr"):
            if child.lower_ in ANAPHORS or child.lemma_.lower() in CLAIM_NOUNS:
                return True
            if child.dep_ == "ccomp" or child.pos_ in ("NOUN", "PROPN"):
                return True
    return False


def _answered(
    quotes: list[Quote],
    verb: Token,
    subj: Token,
    sentences: list[Span],
    starts: list[int],
    by_quote: dict[str, Claim],
    mentions: list[tuple[ActorMention, str]],
    parsed: Doc,
    kinds: Mapping[str, str],
) -> Quote | None:
    """The latest reported statement before the response, within ``WINDOW`` sentences, whose
    source is not the responder."""
    k = _sentence_index(starts, verb.idx)
    earliest = sentences[max(0, k - WINDOW)].start_char
    responder = entity_at(parsed, subj.i, None, mentions, kinds)
    before = [
        q
        for q in quotes
        if earliest <= q.start
        and q.end <= verb.idx
        and q.kind != "direct"
        and (responder is None or q.speaker != responder)
        and not (q.cue_start is not None and q.cue_start == verb.idx)
    ]
    claims_first = [q for q in before if q.id in by_quote] or before
    return max(claims_first, key=lambda q: q.start) if claims_first else None
