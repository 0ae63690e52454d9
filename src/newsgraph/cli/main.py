"""``newsgraph`` entry point: parses arguments and hands over to one command module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsgraph import __version__
from newsgraph.cli import analyze, brief, export, ingest, query, schema, stages


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Read news the way an analyst does: text, actors, quotes, claims, events.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (analyze, brief, ingest, export, schema, stages):
        module.add_parser(sub)
    query.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
