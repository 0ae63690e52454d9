"""bench.actors scores what it claims to: checked on small files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.actors import newsgraph_coder, run_gsr, run_ngec


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_ngec_scoring(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {
            "method": "agent_to_code",
            "args": ["Kenyan police"],
            "expect": {"code[country]": "KEN", "code[code_1]": "COP"},
        },
        {"method": "agent_to_code", "args": ["NATO"], "expect": {"code[country]": "IGO"}},
        {
            "method": "agent_to_code",
            "args": ["Kenyan police"],
            "expect": {"code[country]": "UGA", "code[code_1]": "MIL"},
        },
        {"method": "search_nat", "args": ["a US destroyer"], "expect": {"cc": "USA"}},
        {"method": "agent_to_code", "args": ["soldiers"], "expect": {"code[country] !=": "USA"}},
        {"method": "query_wiki", "args": ["NATO"], "expect": {"wiki[title]": "NATO"}},
    ]
    result = run_ngec(_write(tmp_path / "ngec.jsonl", rows), newsgraph_coder(()))
    assert result["cases"] == 6 and result["not_scored_wikipedia"] == 1
    assert result["country"]["n"] == 5
    assert result["country"]["accuracy"] == pytest.approx(4 / 5)
    assert result["sector"]["n"] == 2 and result["sector"]["accuracy"] == pytest.approx(1 / 2)


def test_gsr_scoring(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {
            "id": "s1",
            "date": "2000-01-01",
            "text": "Kenyan police arrested Ugandan rebels near the border.",
            "events": [
                {
                    "source": "KENCOP",
                    "target": "UGAREB",
                    "source_text": "Kenyan police",
                    "target_text": "Ugandan rebels",
                },
                {
                    "source": "JAPGOV",
                    "target": "",
                    "source_text": "Kenyan police",
                    "target_text": "",
                },
            ],
        },
    ]
    result = run_gsr(_write(tmp_path / "gsr.jsonl", rows), ())
    assert result["actors"] == 3
    assert result["country_prefix"]["accuracy"] == pytest.approx(2 / 3)
    assert result["full_code"]["accuracy"] == pytest.approx(2 / 3)
