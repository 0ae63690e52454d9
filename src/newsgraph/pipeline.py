"""Pipelines: a list of stage names, checked when built, run on one page at a time.

``Pipeline.from_names([...])`` checks that every stage's ``requires`` is provided by the
input (``raw``) or by a stage before it, and that no two stages assign the same fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph import registry
from newsgraph.config import DEFAULT_PIPELINE
from newsgraph.errors import NewsgraphError, PipelineError
from newsgraph.model import Article, Document

INPUT_FACTS = frozenset({"raw"})


@dataclass(frozen=True)
class RawPage:
    """One input, before extraction.

    ``data`` is page bytes or text; ``given`` is an already extracted article (``--jsonl``),
    which the extract stage takes as it is so that offsets refer to the given text.
    """

    data: bytes | str | None
    url: str | None = None
    path: str | None = None
    final_url: str | None = None
    status: int | None = None
    published: str | None = None
    id: str | None = None
    given: Article | None = None
    label: str | None = None

    @property
    def name(self) -> str:
        return self.label or self.path or self.url or "<input>"


@dataclass
class Pipeline:
    stages: list[registry.Stage]
    names: list[str] = field(default_factory=list)

    @classmethod
    def from_names(
        cls, names: Sequence[str] | None = None, options: dict[str, dict[str, Any]] | None = None
    ) -> Pipeline:
        names = list(DEFAULT_PIPELINE if names is None else names)
        if not names:
            raise PipelineError("the pipeline is empty; name at least the 'extract.v1' stage")
        options = options or {}
        available = set(INPUT_FACTS)
        assigned_by: dict[str, str] = dict.fromkeys(INPUT_FACTS, "the input")
        stages: list[registry.Stage] = []
        for name in names:
            info = registry.get(name)
            missing = info.requires - available
            if missing:
                raise PipelineError(
                    f"stage {name!r} requires {', '.join(sorted(missing))}, which no stage before "
                    f"it assigns; put a stage that assigns it earlier in the pipeline"
                )
            for fact in sorted(info.assigns):
                if fact in assigned_by:
                    raise PipelineError(
                        f"stages {assigned_by[fact]!r} and {name!r} both assign {fact!r}; "
                        "keep only one of them"
                    )
                assigned_by[fact] = name
            available |= info.assigns
            try:
                stages.append(info.factory(**options.get(name, {})))
            except TypeError as exc:
                raise PipelineError(f"stage {name!r} does not take these options ({exc})") from None
        return cls(stages=stages, names=names)

    def __call__(self, page: RawPage) -> Document:
        doc = _start(page)
        for st in self.stages:
            doc = _step(st, doc)
        doc._scratch.clear()
        return doc

    def pipe(self, pages: Iterable[RawPage]) -> Iterable[Document]:
        """Documents for ``pages``, in order; the first failure raises."""
        for _page, result in self.run_many(pages):
            if isinstance(result, BaseException):
                raise result
            yield result

    def run_many(
        self, items: Iterable[RawPage | NewsgraphError], batch_size: int = 16
    ) -> Iterator[tuple[RawPage | None, Document | Exception]]:
        """Run the pipeline over many pages, in order, yielding (page, document or error).

        A stage with a ``pipe(docs)`` method (the parser) gets the documents in batches of
        ``batch_size``; every other stage runs document by document. An error in one page
        is that page's result and never stops the others; an error given as an item is
        passed through.
        """
        batch: list[RawPage | NewsgraphError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(
        self, items: list[RawPage | NewsgraphError]
    ) -> Iterator[tuple[RawPage | None, Document | Exception]]:
        cut = next((k for k, st in enumerate(self.stages) if hasattr(st, "pipe")), None)
        results: list[Document | Exception] = []
        for item in items:
            if isinstance(item, NewsgraphError):
                results.append(item)
                continue
            try:
                doc = _start(item)
                for st in self.stages[: cut if cut is not None else len(self.stages)]:
                    doc = _step(st, doc)
                results.append(doc)
            except Exception as exc:
                results.append(exc)
        if cut is not None:
            ready = [r for r in results if isinstance(r, Document)]
            batched = self.stages[cut]
            try:
                done = list(batched.pipe(ready))  # type: ignore[attr-defined]
                for d in done:
                    d.stages.append(batched.name)
            except Exception:
                done = []  # find the page at fault: run them one by one
            by_id = {id(d): d for d in done}
            for k, r in enumerate(results):
                if not isinstance(r, Document):
                    continue
                try:
                    doc = r if id(r) in by_id else _step(batched, r)
                    for st in self.stages[cut + 1 :]:
                        doc = _step(st, doc)
                    results[k] = doc
                except Exception as exc:
                    results[k] = exc
        for item, r in zip(items, results, strict=True):
            if isinstance(r, Document):
                r._scratch.clear()
            yield (item if isinstance(item, RawPage) else None), r


def _start(page: RawPage) -> Document:
    doc = Document(id="", article=Article(text=""))
    doc._scratch["raw"] = page
    return doc


def _step(st: registry.Stage, doc: Document) -> Document:
    out = st(doc)
    if not isinstance(out, Document):
        raise PipelineError(
            f"stage {st.name!r} returned {type(out).__name__}, not a Document; "
            "a stage must return the document it was given"
        )
    out.stages.append(st.name)
    return out
