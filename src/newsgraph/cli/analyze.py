"""``newsgraph analyze PATH|URL|- ...``: run the pipeline on pages and print the result.

Each input that cannot be read gives one line on stderr naming it and the reason; the run
goes on with the others and exits 1 if any failed (2 for a usage mistake).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsgraph import inputs
from newsgraph.cli import dictionaries
from newsgraph.cli.render import render_text
from newsgraph.config import DEFAULT_PIPELINE
from newsgraph.errors import InputError, NewsgraphError, PipelineError
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline, RawPage
from newsgraph.stages.extract import normalise_date


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="PATH|URL|-", help="pages to analyse")
    p.add_argument(
        "--jsonl",
        action="append",
        default=[],
        metavar="FILE",
        help="already extracted articles, one JSON object a line: id, text, "
        "[title, published, url]; the text is kept unchanged",
    )
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default=None,
        help="json (default for one input), jsonl (default for several), or text: a readable brief",
    )
    p.add_argument("--out", metavar="FILE", help="write the output to FILE instead of stdout")
    p.add_argument(
        "--pipeline",
        metavar="STAGES",
        help="comma-separated stage names to run (default: the full pipeline)",
    )
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching URLs on loopback, private and link-local addresses",
    )
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        type=_date_arg,
        help="publication date to assume when a page gives none",
    )
    dictionaries.add_options(p)
    p.add_argument(
        "--explain",
        action="store_true",
        help="with --format text: show the pattern or rule behind each event",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(run=run)


def _is_dir(arg: str) -> bool:
    try:
        return Path(arg).is_dir()
    except OSError:
        return False


def _date_arg(value: str) -> str:
    day = normalise_date(value)
    if day is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-03-21")
    return day


def _pages(args: argparse.Namespace) -> Iterator[RawPage | InputError]:
    sources: list[tuple[str, Iterator[RawPage | InputError]]] = [
        (arg, inputs.resolve(arg, allow_private=args.allow_private)) for arg in args.inputs
    ]
    sources += [(arg, inputs.read_jsonl(arg)) for arg in args.jsonl]
    for arg, items in sources:
        try:
            yield from items
        except OSError as exc:  # the input vanished or cannot be read while being listed
            yield InputError(f"cannot be read ({exc.strerror or exc})", source=arg[:200])


def _dated(
    items: Iterator[RawPage | InputError], published: str | None
) -> Iterator[RawPage | InputError]:
    for item in items:
        if published and isinstance(item, RawPage) and item.published is None:
            item = RawPage(**{**item.__dict__, "published": published})
        yield item


def _describe(page: RawPage | None, exc: Exception) -> str:
    """One line for a failed input."""
    name = page.name if page is not None else "<input>"
    if isinstance(exc, InputError):
        return str(exc) if exc.source or page is None else f"{name}: {exc}"
    if isinstance(exc, NewsgraphError):
        return f"{name}: {exc}"
    # a bug in a stage: report it, keep going
    return (
        f"{name}: internal error in newsgraph ({type(exc).__name__}: {exc}); "
        "please report it with this page"
    )


def _error(msg: str) -> None:
    print(f"newsgraph: error: {msg}", file=sys.stderr, flush=True)


class _Output:
    """stdout, or a file written to a temporary name and moved into place when complete."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.tmp: str | None = None
        self.stream: TextIO
        if path is None:
            self.stream = sys.stdout
        else:
            target = Path(path)
            fd, self.tmp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path()
            )
            self.stream = os.fdopen(fd, "w", encoding="utf-8")

    def finish(self) -> None:
        if self.path is None:
            self.stream.flush()
            return
        self.stream.close()
        assert self.tmp is not None
        umask = os.umask(0)
        os.umask(umask)
        Path(self.tmp).chmod(0o666 & ~umask)
        Path(self.tmp).replace(self.path)

    def abort(self) -> None:
        if self.path is not None and self.tmp is not None:
            self.stream.close()
            Path(self.tmp).unlink(missing_ok=True)


def run(args: argparse.Namespace) -> int:
    if not args.inputs and not args.jsonl:
        _error("nothing to analyse: name files, folders, URLs, - for stdin, or --jsonl FILE")
        return 2
    if args.out:
        parent = Path(args.out).parent
        if not parent.is_dir():
            _error(f"{args.out}: cannot write there, folder {str(parent)!r} does not exist")
            return 2
        if Path(args.out).is_dir():
            _error(f"{args.out}: is a folder; --out takes a file name")
            return 2
    names = [n.strip() for n in args.pipeline.split(",") if n.strip()] if args.pipeline else None
    options, problem = dictionaries.stage_options(args, names or DEFAULT_PIPELINE)
    if problem:
        _error(problem)
        return 2
    try:
        pipeline = Pipeline.from_names(names, options)
    except (PipelineError, InputError) as exc:
        _error(str(exc))
        return 2

    fmt = args.format
    if fmt is None:
        single = len(args.inputs) == 1 and not args.jsonl and not _is_dir(args.inputs[0])
        fmt = "json" if single else "jsonl"

    try:
        out = _Output(args.out)
    except OSError as exc:
        _error(f"{args.out}: cannot write there ({exc.strerror or exc})")
        return 2
    failed = done = 0
    show_progress = not args.quiet and sys.stderr.isatty()
    docs: list[Document] = []
    try:
        for page, result in pipeline.run_many(_dated(_pages(args), args.published)):
            if isinstance(result, Exception):
                failed += 1
                _error(_describe(page, result))
                continue
            doc = result
            done += 1
            if show_progress:
                print(f"\ranalysed {done}, failed {failed}", end="", file=sys.stderr, flush=True)
            if fmt == "jsonl":
                out.stream.write(doc.to_json() + "\n")
            elif fmt == "text":
                out.stream.write(render_text(doc, explain=args.explain) + "\n")
            else:
                docs.append(doc)
        if fmt == "json":
            if len(docs) == 1:
                out.stream.write(docs[0].to_json(indent=2) + "\n")
            elif docs:
                out.stream.write(json.dumps([d.to_dict() for d in docs], indent=2) + "\n")
    except BaseException:
        out.abort()
        raise
    if done == 0 and args.out:
        out.abort()  # nothing analysed: leave an existing file as it was
    else:
        try:
            out.finish()
        except OSError as exc:
            out.abort()
            _error(f"{args.out}: cannot write there ({exc.strerror or exc})")
            return 1
    if show_progress:
        print(file=sys.stderr)
    if failed:
        print(
            f"newsgraph: {done} analysed, {failed} failed (see the lines above)",
            file=sys.stderr,
        )
        return 1
    return 0
