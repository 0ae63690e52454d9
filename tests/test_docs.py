"""The docs keep up with the code: every command and option is in the README."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_and_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, sub in _subparsers(build_parser()).items():
        assert f"newsgraph {name}" in readme, f"command {name!r} is not in the README"
        assert sub.description or sub.format_help(), name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert f"`{flag}" in readme, f"option {flag} of {name!r} is not in the README"


def test_format_doc_names_every_field() -> None:
    from newsgraph.model import Article, Claim, Document, Entity, Event, Quote

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for model in (Document, Article, Entity, Quote, Claim, Event):
        for field in model.model_fields:
            assert f'"{field}"' in doc, f"{model.__name__}.{field} is not in docs/format.md"
