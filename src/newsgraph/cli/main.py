"""``newsgraph`` entry point: parses arguments and hands over to one command module.

A command's module is imported only when that command runs (or when every command's options
are wanted, as for the docs test), so that ``newsgraph actors`` does not load the NLP pipeline.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsgraph import __version__

# command -> (module under newsgraph.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": (
        "analyze",
        "analyse pages (files, folders, URLs, - for stdin) and print newsgraph/1 records",
    ),
    "brief": (
        "brief",
        "one article as a brief: actors, quotes, claims, events and scenarios (md or html)",
    ),
    "ingest": (
        "ingest",
        "analyse folders, WARC files, feeds, URL lists or JSON lines into a database",
    ),
    "export": (
        "export",
        "export a database: newsgraph/1 JSON lines, Parquet tables or GDELT 2.0 events",
    ),
    "serve": (
        "serve",
        "answer the query commands over HTTP, as JSON (for --server, scripts and pages)",
    ),
    "schema": ("schema", "print the JSON Schema of the newsgraph/1 output format"),
    "stages": ("stages", "list the registered pipeline stages (built-in and plugins)"),
    "quotes": ("query", "quotes by speaker, newest first"),
    "events": ("query", "events by source, target, date and mode"),
    "actors": ("query", "the actors most mentioned"),
    "relations": (
        "query",
        "events between two actors by period: counts by QuadClass, mean Goldstein",
    ),
    "search": ("query", "full-text search over article text (or quotes, --quotes)"),
    "sql": ("query", "run a read-only SQL query"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with `only`, of that one command alone."""
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Read news the way an analyst does: text, actors, quotes, claims, events.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if only is not None and name != only:
            continue  # each sub-parser costs ~1 ms to build: a query answers in ~150 ms
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        configure = importlib.import_module(f"newsgraph.cli.{module}").configure
        if module == "query":
            configure(p, name)
        else:
            configure(p)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command(args_in))
    args = parser.parse_args(args_in)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":  # python -m newsgraph.cli.main
    sys.exit(main())
