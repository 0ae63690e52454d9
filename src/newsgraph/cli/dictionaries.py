"""The stage options that ``analyze``, ``brief`` and ``ingest`` share: PETRARCH-style actor,
agent, verb and discards files, ``--all-events``, and the stage options they turn into."""

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


# option -> the other stages that take the same files when they are in the pipeline: events
# read role words and nationalities through the actors' lookup, with the user's dictionaries
ALSO: dict[str, tuple[tuple[str, str], ...]] = {"actors": (("events.", "dictionaries"),)}

# switch -> (stage name prefix, stage keyword, help)
SWITCHES: dict[str, tuple[str, str, str]] = {
    "all-events": (
        "events.",
        "all_events",
        "keep every event: also those with no coded actor on either side, and those of product "
        "and listing pages (by default only events with a coded source or target, GDELT's rule)",
    ),
}


def add_options(p: argparse.ArgumentParser) -> None:
    for flag, (_prefix, _key, help_text) in OPTIONS.items():
        p.add_argument(
            f"--{flag}", nargs="+", action="extend", default=[], metavar="FILE", help=help_text
        )
    for flag, (_prefix, _key, help_text) in SWITCHES.items():
        p.add_argument(f"--{flag}", action="store_true", help=help_text)


def stage_options(
    args: argparse.Namespace, stages: Sequence[str]
) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The stage options the given files and switches make, for a pipeline of ``stages``; or
    an error line when an option's stage is not in the pipeline."""
    options: dict[str, dict[str, Any]] = {}
    given = [(f, OPTIONS[f], getattr(args, f)) for f in OPTIONS]
    given += [(f, SWITCHES[f], getattr(args, f.replace("-", "_"))) for f in SWITCHES]
    for flag, (prefix, key, _help), values in given:
        if not values:
            continue
        stage = next((n for n in stages if n.startswith(prefix)), None)
        if stage is None:
            kind = prefix.rstrip(".")
            return {}, f"--{flag} needs the {kind} stage in the pipeline (add '{prefix}v1')"
        options.setdefault(stage, {})[key] = values
        for also_prefix, also_key in ALSO.get(flag, ()):
            other = next((n for n in stages if n.startswith(also_prefix)), None)
            if other is not None:
                options.setdefault(other, {})[also_key] = values
    return options, None
