"""Pipelines: a list of stage names, checked when built, run on one page at a time.

``Pipeline.from_names([...])`` checks that every stage's ``requires`` is provided by the
input (``raw``) or by a stage before it, and that no two stages assign the same fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph import registry
from newsgraph.config import DEFAULT_PIPELINE
from newsgraph.errors import PipelineError
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
            for fact in info.assigns:
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
        doc = Document(id="", article=Article(text=""))
        doc._scratch["raw"] = page
        for st in self.stages:
            out = st(doc)
            if not isinstance(out, Document):
                raise PipelineError(
                    f"stage {st.name!r} returned {type(out).__name__}, not a Document; "
                    "a stage must return the document it was given"
                )
            doc = out
            doc.stages.append(st.name)
        doc._scratch.clear()
        return doc

    def pipe(self, pages: Iterable[RawPage]) -> Iterable[Document]:
        for page in pages:
            yield self(page)
