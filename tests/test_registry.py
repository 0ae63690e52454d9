"""Stages register by name and version; pipelines check requires/assigns when built."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newsgraph import registry
from newsgraph.errors import PipelineError
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline, RawPage


@registry.stage("testcount.v1", requires={"article"}, assigns={"wordcount"})
class WordCount:
    """Counts words (a third-party-style stage used by these tests)."""

    def __call__(self, doc: Document) -> Document:
        doc._scratch["wordcount"] = len(doc.text.split())
        return doc


@registry.stage("testbroken.v1", requires={"article"}, assigns={"nothing"})
class Broken:
    """Returns the wrong type."""

    def __call__(self, doc: Document) -> Document:
        return "oops"  # type: ignore[return-value]


def test_extract_is_registered_through_its_entry_point() -> None:
    names = [s.name for s in registry.available()]
    assert "extract.v1" in names
    info = registry.get("extract.v1")
    assert info.requires == {"raw"}
    assert info.assigns == {"article", "page_types"}


def test_default_pipeline_builds_and_runs(pages: Path) -> None:
    pipe = Pipeline.from_names()
    doc = pipe(RawPage(data=(pages / "scraped_copy.txt").read_bytes(), path="x.txt"))
    assert doc.stages == [
        "extract.v1",
        "genre.v1",
        "nlp.v1",
        "actors.v1",
        "quotes.v1",
        "claims.v1",
        "events.v1",
        "scenarios.v1",
    ]
    assert doc.article.text and doc.entities
    assert "parse" not in doc._scratch  # the parse is not kept once the document is done


def test_third_party_stage_runs_after_extract(pages: Path) -> None:
    pipe = Pipeline.from_names(["extract.v1", "testcount.v1"])
    doc = pipe(RawPage(data=(pages / "scraped_copy.txt").read_bytes()))
    assert doc.stages == ["extract.v1", "testcount.v1"]


def test_unknown_stage_lists_the_available_ones() -> None:
    with pytest.raises(PipelineError, match=r"unknown stage 'nope\.v1'.*extract\.v1"):
        Pipeline.from_names(["extract.v1", "nope.v1"])


def test_unmet_requirement_is_caught_when_building() -> None:
    with pytest.raises(PipelineError, match="requires article"):
        Pipeline.from_names(["testcount.v1", "extract.v1"])


def test_two_stages_assigning_the_same_fact_are_refused() -> None:
    with pytest.raises(PipelineError, match="both assign 'article'"):
        Pipeline.from_names(["extract.v1", "extract.v1"])


def test_stage_returning_something_else_is_an_error(pages: Path) -> None:
    pipe = Pipeline.from_names(["extract.v1", "testbroken.v1"])
    with pytest.raises(PipelineError, match="not a Document"):
        pipe(RawPage(data=(pages / "scraped_copy.txt").read_bytes()))


def test_bad_stage_names_are_refused() -> None:
    with pytest.raises(PipelineError, match="must look like"):
        registry.stage("NoVersion", requires=set(), assigns=set())


def test_registering_a_name_twice_is_refused() -> None:
    with pytest.raises(PipelineError, match="registered twice"):

        @registry.stage("testcount.v1", requires=set(), assigns=set())
        class Other:
            pass


def test_pipeline_is_picklable(pages: Path) -> None:
    pipe = pickle.loads(pickle.dumps(Pipeline.from_names()))
    doc = pipe(RawPage(data=(pages / "scraped_copy.txt").read_bytes()))
    assert doc.article.title


def test_pipeline_is_deterministic(pages: Path) -> None:
    data = (pages / "scraped_copy.txt").read_bytes()
    pipe = Pipeline.from_names()
    assert pipe(RawPage(data=data)).to_json() == pipe(RawPage(data=data)).to_json()


def test_run_many_batches_the_parser_keeps_order_and_isolates_failures(pages: Path) -> None:
    from newsgraph.errors import InputError

    good = (pages / "scraped_copy.txt").read_bytes()
    items: list[RawPage | InputError] = [
        RawPage(data=good, path="a.txt"),
        RawPage(data=b"", path="empty.txt"),
        InputError("missing", source="gone.txt"),
        RawPage(data=good, path="b.txt"),
    ]
    pipe = Pipeline.from_names(["extract.v1", "nlp.v1", "actors.v1"])
    results = list(pipe.run_many(items, batch_size=3))
    assert [p.path if p else None for p, _ in results] == ["a.txt", "empty.txt", None, "b.txt"]
    kinds = [type(r).__name__ for _, r in results]
    assert kinds[0] == kinds[3] == "Document"
    assert isinstance(results[1][1], InputError) and isinstance(results[2][1], InputError)
    one = pipe(RawPage(data=good, path="a.txt"))
    first = results[0][1]
    assert isinstance(first, Document)
    assert first.stages == ["extract.v1", "nlp.v1", "actors.v1"]
    assert first.to_dict() == one.to_dict()
