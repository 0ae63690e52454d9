"""Self-checks of the petrarch-unit scorer on hand-made records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.events import _peer, score_unit

ROWS: list[dict[str, Any]] = [
    {"id": "A-1", "category": "A", "events": [{"source": "NOR", "target": "SWE", "code": "064"}]},
    {"id": "A-2", "category": "A", "events": []},
    {
        "id": "B-1",
        "category": "B",
        "events": [
            {"source": "NOR", "target": "SWE", "code": "032"},
            {"source": "SWE", "target": "NOR", "code": "033"},
        ],
    },
]


def test_a_record_passes_only_on_the_exact_set() -> None:
    coded = [
        {("NOR", "SWE", "064")},  # exact
        set(),  # nothing expected, nothing coded
        {("NOR", "SWE", "032")},  # one of two
    ]
    r = score_unit(ROWS, coded)
    assert (r["passed"], r["records"]) == (2, 3)
    assert r["by_category"] == {"A": [2, 2], "B": [0, 1]}
    assert r["events"]["tp"] == 2
    assert r["events"]["P"] == 1.0 and r["events"]["R"] == pytest.approx(2 / 3)


def test_a_crash_fails_even_a_record_that_expects_nothing(tmp_path: Path) -> None:
    peer = tmp_path / "peer.jsonl"
    lines = [
        {"id": "A-1", "coded": [["NOR", "SWE", "064"], ["NOR", "SWE", "064"]]},  # duplicates
        {"id": "A-2", "coded": [], "crashed": "TypeError"},
        {"id": "B-1", "coded": [["SWE", "NOR", "033"], ["NOR", "SWE", "032"]]},
    ]
    peer.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    coded = _peer(peer, ROWS)
    assert coded[1] is None
    r = score_unit(ROWS, coded)
    assert r["passed"] == 2 and r["by_category"]["A"] == [1, 2]


def test_peer_output_out_of_order_is_refused(tmp_path: Path) -> None:
    peer = tmp_path / "peer.jsonl"
    peer.write_text(
        "\n".join(json.dumps({"id": i, "coded": []}) for i in ("A-2", "A-1", "B-1")) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit, match="record order"):
        _peer(peer, ROWS)
