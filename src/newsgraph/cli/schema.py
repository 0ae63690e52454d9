"""``newsgraph schema``: print the JSON Schema of the newsgraph/1 format."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsgraph.model import json_schema_text


def add_parser(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "schema", help="print the JSON Schema of the newsgraph/1 output format"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(json_schema_text())
    return 0
