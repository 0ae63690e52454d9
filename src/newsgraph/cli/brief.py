"""``newsgraph brief PATH|URL``: one article as a page a person can read and share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.brief import brief_of, render_html, render_markdown
from newsgraph.cli import dictionaries
from newsgraph.cli.analyze import _date_arg
from newsgraph.config import DEFAULT_PIPELINE
from newsgraph.errors import InputError, PipelineError
from newsgraph.inputs import resolve
from newsgraph.pipeline import Pipeline, RawPage


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="PATH|URL", help="the page (a file, a URL, or - for stdin)")
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("--out", metavar="FILE", help="write the brief there instead of standard output")
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        type=_date_arg,
        help="publication date if the page gives none",
    )
    p.add_argument("--allow-private", action="store_true", help="allow URLs on private addresses")
    dictionaries.add_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(run=run)


def _error(msg: str) -> int:
    print(f"newsgraph: error: {msg}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    options, problem = dictionaries.stage_options(args, DEFAULT_PIPELINE)
    if problem:
        return _error(problem)
    try:
        pipeline = Pipeline.from_names(None, options)
    except (PipelineError, InputError) as exc:
        return _error(str(exc))
    pages = list(resolve(args.input, allow_private=args.allow_private))
    if len(pages) != 1:
        return _error(f"{args.input}: brief takes one page; use analyze for folders")
    page = pages[0]
    if isinstance(page, InputError):
        return _error(f"{page.source or args.input}: {page}")
    if args.published and page.published is None:
        page = RawPage(**{**page.__dict__, "published": args.published})
    show_progress = not args.quiet and sys.stderr.isatty()
    if show_progress:
        print(f"\ranalysing {page.name}", end="", file=sys.stderr, flush=True)
    try:
        doc = pipeline(page)
    except InputError as exc:
        failed: InputError | None = exc
    else:
        failed = None
    if show_progress:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    if failed is not None:
        return _error(f"{args.input}: {failed}")
    brief = brief_of(doc)
    text = render_html(brief) if args.format == "html" else render_markdown(brief)
    if args.out:
        out = Path(args.out)
        if not out.parent.is_dir():
            return _error(f"{args.out}: folder {str(out.parent)!r} does not exist")
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    else:
        sys.stdout.write(text)
    return 0
