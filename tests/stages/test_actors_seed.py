"""The seed page's actors (issue 3's checks). Skips without ../shared."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Document, Entity
from tests.conftest import SEED, needs_seed

pytestmark = needs_seed


@pytest.fixture(scope="module")
def seed() -> Document:
    return newsgraph.analyze(SEED.read_bytes())


def by_mention(doc: Document, text: str) -> Entity:
    found = [e for e in doc.entities if any(m.text == text for m in e.mentions)]
    assert found, f"no entity has the mention {text!r}"
    return found[0]


def test_putin_and_xi_are_their_governments(seed: Document) -> None:
    putin = by_mention(seed, "Putin")
    assert putin.code == "RUSGOV"
    assert {"Putin", "President Putin"} <= {m.text for m in putin.mentions}
    xi = by_mention(seed, "Xi")
    assert xi.code == "CHNGOV"
    assert {"Xi", "President Xi", "The Chinese president"} <= {m.text for m in xi.mentions}
    assert by_mention(seed, "his Russian counterpart") is putin


def test_metonyms_and_organisations(seed: Document) -> None:
    assert by_mention(seed, "Beijing").code == "CHN"
    assert by_mention(seed, "Kremlin").code == "RUSGOV"
    assert by_mention(seed, "International Criminal Court").code == "IGO"
    assert by_mention(seed, "NATO").code == "IGO"
    assert by_mention(seed, "Carnegie Endowment for International Peace").code == "NGO"
    assert by_mention(seed, "People\u2019s Liberation Army").code == "CHNMIL"


def test_experts_have_their_roles(seed: Document) -> None:
    assert "journalist" in (by_mention(seed, "Dmitri Muratov").description or "")
    assert "former Nobel Peace Prize winner" in (
        by_mention(seed, "Dmitri Muratov").description or ""
    )
    assert (by_mention(seed, "Alexander Gabuev").description or "").startswith("senior fellow")
    assert by_mention(seed, "Mikhail Khodarenok").description == "military expert"


def test_no_entity_is_a_label_or_a_glued_pair(seed: Document) -> None:
    texts = {m.text for e in seed.entities for m in e.mentions}
    assert "Analysis" not in texts and "Putin-Xi" not in texts
    assert not any("\n" in t for t in texts)
