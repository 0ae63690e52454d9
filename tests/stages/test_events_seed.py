"""The seed page's events (issue 5's checks). Skips without ../shared."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Document, Event
from tests.conftest import SEED, needs_seed

pytestmark = needs_seed


@pytest.fixture(scope="module")
def seed() -> Document:
    return newsgraph.analyze(SEED.read_bytes())


def find(doc: Document, source: str, target: str, root: str) -> list[Event]:
    return [
        e
        for e in doc.events
        if (e.source_code or "").startswith(source)
        and (e.target_code or "").startswith(target)
        and e.cameo.startswith(root)
    ]


def test_xi_visits_russia(seed: Document) -> None:
    assert any(e.mode == "asserted" for e in find(seed, "CHN", "RUS", "04"))


def test_russia_invaded_ukraine(seed: Document) -> None:
    # the invasion ("since the country invaded Ukraine"), and "Russia's war with Ukraine"
    modes = [e.mode for e in find(seed, "RUS", "UKR", "19")]
    assert modes and set(modes) == {"asserted"}
    assert any(e.trigger == "invaded" for e in find(seed, "RUS", "UKR", "19"))


def test_the_icc_warrant_for_putin(seed: Document) -> None:
    (ev,) = find(seed, "IGO", "RUS", "17")
    assert "warrant" in ev.text and ev.mode == "asserted"


def test_the_planned_agreement_is_future(seed: Document) -> None:
    signed = find(seed, "CHN", "RUS", "057") + find(seed, "RUS", "CHN", "057")
    assert signed and all(e.mode == "future" for e in signed)


def test_china_supplying_russia_is_gabuevs_claim(seed: Document) -> None:
    supplied = [e for e in find(seed, "CHN", "RUS", "07") if e.mode == "reported"]
    assert supplied
    quote = next(q for q in seed.quotes if q.id == supplied[0].quote)
    speaker = next(e.name for e in seed.entities if e.id == quote.speaker)
    assert speaker == "Alexander Gabuev"


def test_the_us_accusation_and_chinas_denial(seed: Document) -> None:
    assert find(seed, "USA", "CHN", "112") and find(seed, "CHN", "USA", "016")


def test_china_brokered_the_iran_saudi_deal(seed: Document) -> None:
    assert find(seed, "CHN", "IRN", "045") and find(seed, "CHN", "SAU", "045")


def test_the_hypothetical_question_is_not_asserted(seed: Document) -> None:
    asked = [e for e in seed.events if "could you expect China" in e.text]
    assert asked and all(e.mode == "hypothetical" for e in asked)


def test_every_event_points_into_the_text(seed: Document) -> None:
    for e in seed.events:
        assert seed.text[e.start : e.end] == e.text
        assert seed.text[e.trigger_start : e.trigger_end] == e.trigger
        if e.source_start is not None and e.source_end is not None:
            assert seed.text[e.source_start : e.source_end] == e.source_text
