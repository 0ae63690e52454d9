"""The seed page's quotes and claims (issue 4's checks). Skips without ../shared."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Document, Quote
from tests.conftest import SEED, needs_seed

pytestmark = needs_seed


@pytest.fixture(scope="module")
def seed() -> Document:
    return newsgraph.analyze(SEED.read_bytes())


def speaker(doc: Document, q: Quote) -> str | None:
    return next((e.name for e in doc.entities if e.id == q.speaker), None)


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("Dmitri Muratov", "“Putin is building"),
        ("Alexander Gabuev", "“War has become"),
        ("Mikhail Khodarenok", "“Before President Xi"),
    ],
)
def test_expert_quotes_span_two_paragraphs(seed: Document, name: str, opening: str) -> None:
    (q,) = [q for q in seed.quotes if q.text.startswith(opening)]
    assert q.kind == "direct" and speaker(seed, q) == name
    assert len(q.parts) == 2
    first, second = q.parts
    assert "\n\n" in seed.text[first.end : second.start]


def test_best_friend_is_xis(seed: Document) -> None:
    (q,) = [q for q in seed.quotes if "best friend" in q.text]
    assert speaker(seed, q) == "Xi Jinping"


def test_scare_quotes_are_not_quotes(seed: Document) -> None:
    for scare in ("“West”", "“conflict”", "“war”", "“invasion”", "“no limits partnership”"):
        assert not any(q.text.strip() == scare for q in seed.quotes), scare


def test_the_us_claim_and_beijings_denial(seed: Document) -> None:
    names = {e.id: (e.name, e.code) for e in seed.entities}
    (claim,) = [c for c in seed.claims if "considering doing just that" in c.text]
    assert names[claim.claimant or ""][1] == "USA"
    (response,) = claim.responses
    assert response.stance == "deny" and names[response.by or ""][1] == "CHN"
