"""Syntax helpers the stages share: the subject of a verb and a speaker phrase as written.

Used by ``quotes`` (who said something) and ``claims`` (who claims or answers something); they
read the dependency parse of the ``nlp`` stage and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_HYPHENS = ("-", "\u2011")


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from ("X did Y, saying Z")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        return _named_first(subjects)
    # "X did Y, saying Z" / "X, who said Z": the source is the subject of the governing verb
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and verb.dep_ == "advcl":
        return None  # "To counter sanctions, Russia ...": a purpose, not a report
    if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "relcl") and verb.head.i != verb.i:
        if verb.dep_ in ("acl", "relcl"):
            return verb.head
        for child in verb.head.children:
            if child.dep_ in SUBJECTS:
                return child
    return None


def _named_first(subjects: list[Token]) -> Token:
    """Of several subjects the parser gives one verb ("said co-founder Mark Obi" parsed as
    "co", "-", "Obi"), the name: a word broken off a hyphenated role is no subject."""
    if len(subjects) == 1:
        return subjects[0]
    whole = [t for t in subjects if not (_hyphen_piece(t) or _label(t))] or subjects
    named = [t for t in whole if t.pos_ == "PROPN" or t.ent_type_]
    return named[0] if named else whole[-1]


def _label(t: Token) -> bool:
    """ "JANE ROE" of "JANE ROE: The minister said ...": a speaker's label before a colon,
    which the parser may take for a second subject of the turn's verb."""
    edge = t.right_edge
    if edge.text == ":":  # the parser may hang the colon on the label
        return True
    return edge.i + 1 < len(t.doc) and t.doc[edge.i + 1].text == ":"


def _hyphen_piece(t: Token) -> bool:
    """ "co" or "-" of "co-founder": a piece of a hyphenated word."""
    if t.text in _HYPHENS:
        return True
    return t.i + 1 < len(t.doc) and not t.whitespace_ and t.doc[t.i + 1].text in _HYPHENS


def _hyphen_left(first: Token) -> int:
    """Where a phrase starting at ``first`` starts once a hyphenated role written before
    it is joined ("co-" of "co-founder", which the parser may cut off), with the words the
    piece governs ("Two co-authors")."""
    doc, left = first.doc, first.i
    while (
        left >= 2
        and doc[left - 1].text in _HYPHENS
        and not doc[left - 1].whitespace_
        and not doc[left - 2].whitespace_
        and doc[left - 2].is_alpha
    ):
        left = doc[left - 2].left_edge.i
    return left


def speaker_span(subj: Token, without: Token | None = None) -> tuple[int, int]:
    """The subject as written, with its role ("Gabuev, senior fellow at ..."), no clause;
    never the clause ``without`` ("the report, which says ...": the report)."""
    skip = {t.i for t in without.subtree} if without is not None else set()
    toks = [
        t
        for t in subj.subtree
        if t.i not in skip and not (t.dep_ in ("relcl", "acl") and t.i > subj.i)
    ]
    left = _hyphen_left(subj.doc[min(t.i for t in toks)])
    right = subj.i
    for t in toks:
        if t.i > subj.i and not any(
            a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i != subj.i and subj.i < a.i
        ):
            right = max(right, t.i)
    doc = subj.doc
    while right > subj.i and (doc[right].is_punct or doc[right].is_space or right in skip):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)
