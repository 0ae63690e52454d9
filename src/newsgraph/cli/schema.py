"""``newsgraph schema``: print the JSON Schema of the newsgraph/1 format."""

from __future__ import annotations

import argparse
import sys

from newsgraph.model import json_schema_text


def configure(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(json_schema_text())
    return 0
