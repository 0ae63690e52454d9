"""The ingest loop: inputs → pipeline (in worker processes) → store, one batch per transaction.

The main process lists the inputs, skips those already in the store, reads the rest and hands
them to the workers in chunks; each chunk's outcomes (documents or errors) are written in one
transaction, so a document is stored whole or not at all, and a run killed at any point and
run again ends as an uninterrupted run would.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.progress import Progress
from newsgraph.ingest.sources import Input
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline, RawPage
from newsgraph.store.base import Store, Stored

_worker_pipeline: Pipeline | None = None


@dataclass
class IngestReport:
    inputs: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"ingest: {self.inputs} inputs in {self.seconds:.1f} s: {self.stored} stored, "
            f"{self.duplicates} duplicates of stored documents, {self.failed} failed, "
            f"{self.skipped} already ingested"
            + (f", {self.warnings} warnings" if self.warnings else "")
            + (" (see the errors table)" if self.failed or self.warnings else "")
        )


def _init(names: Sequence[str] | None, options: dict[str, dict[str, Any]]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_names(names, options)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _run_chunk(pages: list[RawPage]) -> list[tuple[str | None, str | None]]:
    """(newsgraph/1 JSON, None) or (None, reason) for each page, in order."""
    assert _worker_pipeline is not None
    out: list[tuple[str | None, str | None]] = []
    for _page, result in _worker_pipeline.run_many(pages):
        if isinstance(result, Document):
            out.append((result.to_json(), None))
        else:
            out.append((None, _describe(result)))
    return out


def ingest(
    inputs: Iterable[Input],
    store: Store,
    *,
    names: Sequence[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    workers: int = 1,
    batch: int = 16,
    retry_failed: bool = False,
    quiet: bool = False,
    on_error: Callable[[str], None] | None = None,
) -> IngestReport:
    """Run the pipeline over ``inputs`` and store the results in ``store``."""
    options = options or {}
    listed = list(inputs)
    report = IngestReport(inputs=len(listed))
    t0 = time.monotonic()
    progress = None if quiet else Progress(len(listed), "ingest")
    say = on_error or (lambda msg: print(msg, file=sys.stderr))

    def chunks() -> Iterable[tuple[list[Input], list[Stored], list[tuple[Input, RawPage]]]]:
        for k in range(0, len(listed), batch):
            part = listed[k : k + batch]
            known = store.known_inputs([i.key for i in part])
            if retry_failed:
                known -= _failed(store, known)
            todo: list[tuple[Input, RawPage]] = []
            ready: list[Stored] = []
            seen: set[str] = set()
            for item in part:
                if item.key in known or item.key in seen:
                    report.skipped += 1
                    continue
                seen.add(item.key)
                loaded = item.load()
                if isinstance(loaded, InputError):
                    ready.append(Stored(item.key, item.label, error=_describe(loaded)))
                else:
                    todo.append((item, loaded))
            yield part, ready, todo

    def finish(
        ready: list[Stored],
        todo: list[tuple[Input, RawPage]],
        results: list[tuple[str | None, str | None]],
    ) -> None:
        for (item, _page), (doc_json, reason) in zip(todo, results, strict=True):
            doc = Document.from_json(doc_json) if doc_json is not None else None
            ready.append(Stored(item.key, item.label, doc=doc, error=reason, warning=item.warning))
        before = report.stored
        added = store.write(ready)
        report.stored += added
        for s in ready:
            if s.doc is None:
                report.failed += 1
                say(f"newsgraph: {s.input}: {s.error}")
            if s.warning:
                report.warnings += 1
        report.duplicates += sum(1 for s in ready if s.doc is not None) - (report.stored - before)

    done = 0
    if workers <= 1:
        _init(names, options)
        for part, ready, todo in chunks():
            results = _run_chunk([p for _, p in todo]) if todo else []
            finish(ready, todo, results)
            done += len(part)
            if progress:
                progress.update(done, f" stored {report.stored}")
    else:
        ctx = mp.get_context("spawn")
        with ctx.Pool(workers, initializer=_init, initargs=(names, options)) as pool:
            pending: deque[Any] = deque()
            for part, ready, todo in chunks():
                job = pool.apply_async(_run_chunk, ([p for _, p in todo],)) if todo else None
                pending.append((part, ready, todo, job))
                while len(pending) > 2 * workers:
                    done += _drain(pending.popleft(), finish)
                    if progress:
                        progress.update(done, f" stored {report.stored}")
            while pending:
                done += _drain(pending.popleft(), finish)
                if progress:
                    progress.update(done, f" stored {report.stored}")
    store.finish()
    report.seconds = time.monotonic() - t0
    if progress:
        progress.update(done, f" stored {report.stored}", force=True)
        progress.close()
    return report


def _drain(item: Any, finish: Callable[..., None]) -> int:
    part, ready, todo, job = item
    results = job.get() if job is not None else []
    finish(ready, todo, results)
    return len(part)


def _failed(store: Store, keys: set[str]) -> set[str]:
    if not keys:
        return set()
    _, rows = store.query(
        "SELECT input_key FROM inputs WHERE status = 'failed' AND input_key IN "
        "(SELECT unnest(?::VARCHAR[]))",
        [sorted(keys)],
    )
    return {k for (k,) in rows}
