"""The user-file options that ``analyze``, ``brief`` and ``ingest`` share: PETRARCH-style actor,
agent, verb and discards files, and the stage options they turn into."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

# option -> (stage name prefix, stage keyword, help)
OPTIONS: dict[str, tuple[str, str, str]] = {
    "actors": (
        "actors.",
        "dictionaries",
        "PETRARCH/Phoenix actor dictionaries (*.actors.txt) to code named actors with, by the "
        "article's date, and agent dictionaries (*.agents.txt) to code role words with; they "
        "take precedence over newsgraph's own tables",
    ),
    "verbs": (
        "events.",
        "verbs",
        "verb pattern files in the format of newsgraph's verbs.tsv, or PETRARCH verb "
        "dictionaries (docs/events.md), consulted before the built-in patterns",
    ),
    "discards": (
        "events.",
        "discards",
        "PETRARCH discards files (*.discards.txt): sentences, or with '+' whole stories, with "
        "these phrases code no events",
    ),
}


def add_options(p: argparse.ArgumentParser) -> None:
    for flag, (_prefix, _key, help_text) in OPTIONS.items():
        p.add_argument(
            f"--{flag}", nargs="+", action="extend", default=[], metavar="FILE", help=help_text
        )


def stage_options(
    args: argparse.Namespace, stages: Sequence[str]
) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The stage options the given files make, for a pipeline of ``stages``; or an error
    line when a file's stage is not in the pipeline."""
    options: dict[str, dict[str, Any]] = {}
    for flag, (prefix, key, _help) in OPTIONS.items():
        values = getattr(args, flag)
        if not values:
            continue
        stage = next((n for n in stages if n.startswith(prefix)), None)
        if stage is None:
            kind = prefix.rstrip(".")
            return {}, f"--{flag} needs the {kind} stage in the pipeline (add '{prefix}v1')"
        options.setdefault(stage, {})[key] = values
    return options, None
