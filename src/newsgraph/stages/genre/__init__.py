"""Stage ``genre``: what kind of page the article is, with the evidence that decided it.

    signals.SIGNALS   what the page shows: its declared type, its URL, its writer's voice
    data/weights.tsv  how much each signal counts for each genre (rules as data)

Later stages read ``doc.article.genre``: the writer's own voice is never a quote, a
transcript's speaker turns are direct quotes, product and listing pages code no events.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import get_args

from newsgraph.errors import PipelineError
from newsgraph.model import Document, Genre, GenreLabel
from newsgraph.registry import stage
from newsgraph.stages.extract import page_types_of
from newsgraph.stages.genre.signals import DESCRIBE, SIGNALS, Page

_STAGE = "genre.v1"
GENRES: tuple[str, ...] = get_args(GenreLabel)
_MAX_EVIDENCE = 4

__all__ = ["GENRES", "GenreStage", "Weight", "classify", "weights"]


@dataclass(frozen=True)
class Weight:
    signal: str
    genre: str
    weight: float


@lru_cache(maxsize=1)
def weights() -> tuple[Weight, ...]:
    """The weight table, checked: every signal and genre must exist."""
    text = resources.files("newsgraph.stages.genre").joinpath("data/weights.tsv").read_text("utf-8")
    return parse_weights(text)


def parse_weights(text: str) -> tuple[Weight, ...]:
    out: list[Weight] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise PipelineError(f"genre weights line {n}: expected signal, genre, weight")
        signal, genre, value = cols
        if signal != "bias" and signal not in SIGNALS:
            raise PipelineError(f"genre weights line {n}: unknown signal {signal!r}")
        if genre not in GENRES:
            raise PipelineError(f"genre weights line {n}: unknown genre {genre!r}")
        try:
            out.append(Weight(signal, genre, float(value)))
        except ValueError:
            raise PipelineError(f"genre weights line {n}: {value!r} is not a number") from None
    return tuple(out)


def classify(
    text: str, *, title: str | None = None, url: str | None = None, page_types: tuple[str, ...] = ()
) -> Genre:
    """The genre of a page's article text, given what else is known of the page."""
    page = Page(text=text, title=title or "", url=url or "", page_types=page_types)
    table = weights()
    strengths = {"bias": 1.0}
    for name in sorted({w.signal for w in table} - {"bias"}):
        strengths[name] = SIGNALS[name](page)
    scores = dict.fromkeys(GENRES, 0.0)
    parts: dict[str, list[tuple[float, str]]] = {g: [] for g in GENRES}
    for w in table:
        contribution = w.weight * strengths[w.signal]
        scores[w.genre] += contribution
        if contribution > 0 and w.signal != "bias":
            parts[w.genre].append((contribution, w.signal))
    best = max(GENRES, key=lambda g: (scores[g], -GENRES.index(g)))
    evidence = [DESCRIBE[s] for _, s in sorted(parts[best], reverse=True)[:_MAX_EVIDENCE]]
    return Genre.model_validate(
        {"label": best, "evidence": evidence or ["no stronger signal (the default)"], "by": _STAGE}
    )


@stage(_STAGE, requires={"article"}, assigns={"genre"})
class GenreStage:
    """Tell what kind of page it is (news, analysis, essay, press release, transcript ...)."""

    def __call__(self, doc: Document) -> Document:
        art = doc.article
        url = doc.source.final_url or doc.source.url
        genre = classify(art.text, title=art.title, url=url, page_types=page_types_of(doc))
        doc.article = art.model_copy(update={"genre": genre})
        return doc
