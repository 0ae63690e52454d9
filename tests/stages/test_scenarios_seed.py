"""The seed page's scenarios (issue 7's checks). Skips without ../shared."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Document
from tests.conftest import SEED, needs_seed

pytestmark = needs_seed


@pytest.fixture(scope="module")
def seed() -> Document:
    return newsgraph.analyze(SEED.read_bytes())


def test_three_directions(seed: Document) -> None:
    listed = [s for s in seed.scenarios if len(s.options) == 3]
    assert len(listed) == 1
    s = listed[0]
    assert "three directions" in s.question
    texts = [o.text for o in s.options]
    assert texts[0].startswith("It’s time to consider a face-saving compromise retreat")
    assert texts[1].startswith("Green light to continue or go in even harder")
    assert texts[2].startswith("Either way, nothing from China’s leaders")
    assert ("3", "unlikely") in [(a.option, a.judgement) for a in s.assessments]


def test_the_smart_money_is_on_putin_being_buoyed(seed: Document) -> None:
    concluded = [s for s in seed.scenarios if s.conclusion is not None]
    assert len(concluded) == 1
    s = concluded[0]
    assert s.conclusion is not None
    assert "smart money" in s.conclusion.text
    chosen = next(o for o in s.options if o.label == s.conclusion.option)
    assert "buoyed" in chosen.text and "support" in chosen.text
