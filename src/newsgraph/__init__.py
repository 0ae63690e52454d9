"""newsgraph: read news the way an analyst does.

    >>> import newsgraph
    >>> article = newsgraph.read(html_bytes, url="https://example.org/story")
    >>> doc = newsgraph.analyze(html_bytes)
    >>> doc.to_json()

`read` runs the first stage only (the readable article); `analyze` runs the whole pipeline
and returns a `Document` in the ``newsgraph/1`` format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    FetchError,
    InputError,
    NewsgraphError,
    NoArticleError,
    NotFoundError,
    PipelineError,
    StoreError,
)

if TYPE_CHECKING:
    from newsgraph.model import (
        FORMAT,
        Article,
        Author,
        Claim,
        Document,
        Entity,
        Event,
        Mention,
        Quote,
        Response,
        Scenario,
        Section,
        Source,
    )
    from newsgraph.pipeline import Pipeline, RawPage
    from newsgraph.registry import Stage, stage

# The model (pydantic) and the pipeline load on first use, so that commands that only
# query a database start quickly.
_LAZY = {
    **dict.fromkeys(
        (
            "FORMAT", "Article", "Author", "Claim", "Document", "Entity", "Event", "Mention",
            "Quote", "Response", "Scenario", "Section", "Source",
        ),
        "newsgraph.model",
    ),
    "Pipeline": "newsgraph.pipeline",
    "RawPage": "newsgraph.pipeline",
    "Stage": "newsgraph.registry",
    "stage": "newsgraph.registry",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "FORMAT",
    "Article",
    "Author",
    "BinaryInputError",
    "Claim",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "Entity",
    "Event",
    "FetchError",
    "InputError",
    "Mention",
    "NewsgraphError",
    "NoArticleError",
    "NotFoundError",
    "Pipeline",
    "PipelineError",
    "Quote",
    "RawPage",
    "Response",
    "Scenario",
    "Section",
    "Source",
    "Stage",
    "StoreError",
    "__version__",
    "analyze",
    "read",
    "stage",
]

_default_pipeline: Pipeline | None = None


def read(data: bytes | str, *, url: str | None = None) -> Article:
    """Read one page (HTML or plain text, bytes in any encoding, gzip too) into an Article.

    Raises an `InputError` subclass saying why when the page holds no article.
    """
    from newsgraph.pipeline import RawPage
    from newsgraph.stages.extract import read_page

    article, _ = read_page(RawPage(data=data, url=url))
    return article


def analyze(data: bytes | str, *, url: str | None = None, published: str | None = None) -> Document:
    """Run the whole default pipeline on one page and return its Document."""
    global _default_pipeline
    from newsgraph.pipeline import Pipeline, RawPage

    if _default_pipeline is None:
        _default_pipeline = Pipeline.from_names()
    return _default_pipeline(RawPage(data=data, url=url, published=published))
