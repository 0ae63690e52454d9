"""Stage `claims`: claims, their claimants, and the responses that answer them."""

from __future__ import annotations

from newsgraph.model import Article, Document
from newsgraph.stages.actors import ActorsStage
from newsgraph.stages.claims import ClaimsStage
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.quotes import QuotesStage


def claims(text: str) -> Document:
    doc = Document(id="t", article=Article(text=text))
    for stage in (NlpStage(), ActorsStage(), QuotesStage(), ClaimsStage()):
        doc = stage(doc)
    return doc


def name(doc: Document, eid: str | None) -> str | None:
    return next((e.name for e in doc.entities if e.id == eid), None)


def test_a_claim_and_its_denial() -> None:
    doc = claims(
        "Could Norland supply the rebels with rockets? Kenya claims that Norland is "
        "considering doing just that. Beijing denies this."
    )
    (claim,) = doc.claims
    assert name(doc, claim.claimant) == "Kenya" and claim.cue == "claims"
    assert claim.refers is not None and claim.refers.text.startswith("Could Norland")
    (response,) = claim.responses
    assert response.stance == "deny" and name(doc, response.by) == "China"
    assert doc.text[response.start : response.end] == "Beijing denies this."


def test_confirmations_and_disputes() -> None:
    doc = claims(
        "Kenyan police said the ferry was overloaded. The ferry company confirmed the report. "
        "A union leader, Hal Brenner, disputed it."
    )
    (claim,) = doc.claims
    assert [r.stance for r in claim.responses] == ["confirm", "dispute"]


def test_taking_something_is_not_a_claim() -> None:
    doc = claims("Beijing wants to claim the mantle of global peacemaker in the region.")
    assert doc.claims == []


def test_no_response_without_an_earlier_statement() -> None:
    doc = claims("The minister denied any wrongdoing on Monday and left for Geneva.")
    assert doc.claims == []
