"""Loaders for the local copies of the four extraction benchmarks (read-only input).

Layout expected under the data folder (``../shared/data/extraction`` by default):

* ``scrapinghub_aeb/``: ``ground-truth.json`` ({id: {articleBody, url}}), ``html/ID.html.gz``
* ``fundus_eval/dataset/``: ``ground_truth.json`` ({file: {body: [paragraphs], url,
  crawl_date}}), ``html/FILE`` (gzipped)
* ``trafilatura_eval/``: ``evaldata.json`` ({key: {file, with, without, ...}}),
  ``html/FILE.gz``
* ``wcxb_articles/SPLIT/``: ``ground-truth/ID.json`` (url, ground_truth{main_content, with,
  without, title, author, publish_date}), ``html/ID.html.gz``

Pages are kept as raw bytes: every extractor gets the bytes and decodes them itself.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.metrics import (
    MetaGold,
    Predictions,
    Scores,
    SnippetGold,
    WcxbGold,
    score_fundus,
    score_scrapinghub,
    score_snippets,
    score_wcxb,
)

__all__ = ["BENCHMARKS", "Benchmark", "BenchmarkSpec", "Page", "load_benchmark"]


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    raw: bytes


@dataclass(frozen=True)
class Benchmark:
    """A loaded benchmark: its pages and a scorer bound to its gold data."""

    name: str
    label: str  # folder name as shown in reports, e.g. "wcxb_articles/dev"
    pages: list[Page]
    score: Callable[[Predictions], Scores]
    meta_gold: Mapping[str, MetaGold] | None = None


@dataclass(frozen=True)
class BenchmarkSpec:
    name: str
    subdir: str
    metric: str
    role: str  # "report" or "tune", as ../shared/README.md assigns them
    loader: Callable[[Path, int | None, int], Benchmark]


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _gunzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def _first(keys: list[str], limit: int | None) -> list[str]:
    return keys[:limit] if limit else keys


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in value) if isinstance(value, list) else ()


def _http_url(value: Any) -> str | None:
    """The page URL if it is a real http(s) URL (some benchmark keys only look like one)."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None


def load_scrapinghub(root: Path, limit: int | None = None, n_bootstrap: int = 1000) -> Benchmark:
    gt: dict[str, Any] = _read_json(root / "ground-truth.json")
    keys = _first(sorted(gt), limit)
    pages = [
        Page(k, _http_url(gt[k].get("url")), _gunzip(root / "html" / f"{k}.html.gz")) for k in keys
    ]
    gold = {k: _str(gt[k].get("articleBody")) for k in keys}
    return Benchmark(
        "scrapinghub",
        root.name,
        pages,
        lambda preds: score_scrapinghub(gold, preds, n_bootstrap=n_bootstrap),
    )


def load_fundus(root: Path, limit: int | None = None, n_bootstrap: int = 0) -> Benchmark:
    base = root / "dataset"
    gt: dict[str, Any] = _read_json(base / "ground_truth.json")
    keys = _first(sorted(gt), limit)
    pages = [Page(k, _http_url(gt[k].get("url")), _gunzip(base / "html" / k)) for k in keys]
    gold = {k: list(_strs(gt[k].get("body"))) for k in keys}
    return Benchmark("fundus", root.name, pages, lambda preds: score_fundus(gold, preds))


def load_trafilatura(root: Path, limit: int | None = None, n_bootstrap: int = 0) -> Benchmark:
    ev: dict[str, Any] = _read_json(root / "evaldata.json")
    keys = _first(sorted(ev), limit)
    # Keys are URLs, except a few labels such as "hard::site.html": those pages get no URL.
    pages = [Page(k, _http_url(k), _gunzip(root / "html" / f"{ev[k]['file']}.gz")) for k in keys]
    gold = {k: SnippetGold(_strs(ev[k].get("with")), _strs(ev[k].get("without"))) for k in keys}
    return Benchmark("trafilatura", root.name, pages, lambda preds: score_snippets(gold, preds))


def load_wcxb(root: Path, limit: int | None = None, n_bootstrap: int = 0) -> Benchmark:
    """All splits present (this copy has ``dev`` only); page id = file stem."""
    entries: dict[str, tuple[Path, Any]] = {}
    for f in sorted(root.glob("*/ground-truth/*.json")):
        if f.stem in entries:
            raise ValueError(f"duplicate WCXB page id {f.stem!r} ({f} and {entries[f.stem][0]})")
        entries[f.stem] = (f, _read_json(f))
    keys = _first(sorted(entries), limit)
    pages: list[Page] = []
    gold: dict[str, WcxbGold] = {}
    for k in keys:
        f, doc = entries[k]
        g = doc.get("ground_truth") or {}
        pages.append(
            Page(k, _http_url(doc.get("url")), _gunzip(f.parent.parent / "html" / f"{k}.html.gz"))
        )
        gold[k] = WcxbGold(
            main_content=_str(g.get("main_content")),
            with_=_strs(g.get("with")),
            without=_strs(g.get("without")),
            meta=MetaGold(
                title=_str(g.get("title")),
                author=_str(g.get("author")),
                publish_date=_str(g.get("publish_date")),
            ),
        )
    meta_gold = {k: g.meta for k, g in gold.items()}
    splits = "+".join(sorted({entries[k][0].parts[-3] for k in keys}))
    label = f"{root.name}/{splits}"
    return Benchmark("wcxb", label, pages, lambda preds: score_wcxb(gold, preds), meta_gold)


BENCHMARKS: dict[str, BenchmarkSpec] = {
    spec.name: spec
    for spec in (
        BenchmarkSpec(
            "scrapinghub",
            "scrapinghub_aeb",
            "4-gram shingle P/R/F1 (page means)",
            "report",
            load_scrapinghub,
        ),
        BenchmarkSpec(
            "fundus", "fundus_eval", "ROUGE-LSum P/R/F1 (article means)", "report", load_fundus
        ),
        BenchmarkSpec(
            "trafilatura",
            "trafilatura_eval",
            "with/without snippets (micro)",
            "tune",
            load_trafilatura,
        ),
        BenchmarkSpec(
            "wcxb", "wcxb_articles", "bag-of-words P/R/F1 (page means)", "tune", load_wcxb
        ),
    )
}


def load_benchmark(
    name: str, data_dir: Path, limit: int | None = None, n_bootstrap: int = 1000
) -> Benchmark:
    spec = BENCHMARKS[name]
    return spec.loader(data_dir / spec.subdir, limit, n_bootstrap)
