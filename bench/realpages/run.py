"""Running the tools on the gold pages: newsgraph's whole default pipeline from the page bytes
(as ``newsgraph analyze PATH`` reads them), then textacy's direct quotations on the article
text newsgraph extracted."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.quotes import textacy_finder, textacy_triples
from bench.realpages.gold import GoldPage
from bench.realpages.score import PredQuote
from bench.realpages.text import speaks
from newsgraph.errors import NewsgraphError
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline, RawPage

__all__ = ["PageRun", "Timing", "page_path", "run_newsgraph", "run_textacy"]

_WARM_UP = (
    "<html><body><article><h1>Harbour plan</h1><p>The council of Eldmoor approved the "
    'harbour plan on Monday, its chair Mara Quell said. "We have waited long enough," she '
    "told reporters.</p></article></body></html>"
)


@dataclass
class PageRun:
    page: GoldPage
    doc: Document | None = None
    error: str | None = None
    textacy: list[PredQuote] | None = None  # None: textacy not run
    textacy_whole: bool = True  # False: textacy gave up on the whole text, ran per paragraph


@dataclass(frozen=True)
class Timing:
    pages: int
    wall_s: float
    cpu_s: float


def page_path(data: Path, page: GoldPage) -> Path:
    """The page file under the shared data folder (``extraction/SET/FILE``)."""
    return data / "extraction" / page.set / page.file


def _progress(tool: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r{tool} {done}/{total}", end=end, file=sys.stderr, flush=True)


def _url(page: GoldPage) -> str | None:
    """The page's address as a crawler knows it (the benchmark's own record of it); the
    trafilatura set names some pages "hard::file" instead of a URL."""
    url = page.url or ""
    return url if url.startswith(("http://", "https://")) else None


def run_newsgraph(
    pages: Sequence[GoldPage], data: Path, stages: Sequence[str] | None = None
) -> tuple[list[PageRun], Timing]:
    """The default pipeline (or ``stages``) on each page, in process; a page that fails keeps
    its error."""
    runs = [PageRun(p) for p in pages]
    raws: list[tuple[PageRun, RawPage]] = []
    for run in runs:
        path = page_path(data, run.page)
        if path.is_file():
            raws.append((run, RawPage(data=path.read_bytes(), path=str(path), url=_url(run.page))))
        else:
            run.error = f"page file not found: {path}"
    pipeline = Pipeline.from_names(stages)
    with contextlib.suppress(NewsgraphError):  # load the model before the clock starts
        pipeline(RawPage(data=_WARM_UP, label="warm-up"))
    wall, cpu = time.perf_counter(), time.process_time()
    results = pipeline.run_many(raw for _, raw in raws)
    for done, ((run, _), (_, result)) in enumerate(zip(raws, results, strict=True), 1):
        if isinstance(result, Document):
            run.doc = result
        else:
            run.error = f"{type(result).__name__}: {result}"
        _progress("newsgraph", done, len(raws))
    timing = Timing(len(raws), time.perf_counter() - wall, time.process_time() - cpu)
    return runs, timing


def _speaker(tokens: Iterable[Any]) -> str | None:
    """The speaker tokens' text, in text order; None when they name no one."""
    name = " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))
    return name if speaks(name) else None


def _quotes(triples: Iterable[Any], offset: int) -> list[PredQuote]:
    return [
        PredQuote(
            spans=((offset + q.content.start_char, offset + q.content.end_char),),
            speaker=_speaker(q.speaker),
            text=q.content.text,
        )
        for q in triples
    ]


def _textacy_page(
    nlp: Any, extract: Callable[[Any], Iterable[Any]], run: PageRun, text: str
) -> None:
    """textacy on the whole text; where it gives up (an unclosed quotation mark anywhere),
    on each paragraph alone, so that one stray mark does not cost it the page."""
    whole = textacy_triples(extract, nlp(text))
    if whole is not None:
        run.textacy = _quotes(whole, 0)
        return
    assert run.doc is not None
    spans = run.doc.article.paragraphs()
    found: list[PredQuote] = []
    for (start, _), parsed in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        found += _quotes(textacy_triples(extract, parsed) or [], start)
    run.textacy, run.textacy_whole = found, False


def run_textacy(runs: Sequence[PageRun]) -> Timing | None:
    """textacy's direct quotations on each article text newsgraph extracted (None when
    textacy is not installed); the text is parsed by the same spaCy model newsgraph loads."""
    extract = textacy_finder()
    if extract is None:
        return None
    from newsgraph.stages.nlp.loader import load_model

    nlp = load_model()
    ready = [r for r in runs if r.doc is not None]
    wall, cpu = time.perf_counter(), time.process_time()
    for done, run in enumerate(ready, 1):
        assert run.doc is not None
        _textacy_page(nlp, extract, run, run.doc.article.text)
        _progress("textacy", done, len(ready))
    return Timing(len(ready), time.perf_counter() - wall, time.process_time() - cpu)
