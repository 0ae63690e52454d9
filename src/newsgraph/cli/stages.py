"""``newsgraph stages``: list the registered stages and what they require and assign."""

from __future__ import annotations

import argparse

from newsgraph import registry
from newsgraph.config import DEFAULT_PIPELINE
from newsgraph.errors import PipelineError


def configure(p: argparse.ArgumentParser) -> None:
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        infos = registry.available()
    except PipelineError as exc:
        print(f"newsgraph: error: {exc}")
        return 1
    for info in infos:
        default = " (default)" if info.name in DEFAULT_PIPELINE else ""
        print(f"{info.name}{default}: {info.doc}")
        print(f"    requires: {', '.join(sorted(info.requires)) or '-'}")
        print(f"    assigns:  {', '.join(sorted(info.assigns)) or '-'}")
    return 0
