"""Main-content extraction benchmark: newsgraph and trafilatura side by side.

    python -m bench.extraction [--data DIR] [--bench NAME ...] [--extractor NAME ...]
                               [--limit N] [--json FILE] [--save-outputs DIR]
                               [--pred NAME=PATH ...]

Benchmarks (each scored with its own published metric, see bench/metrics.py):
scrapinghub (scrapinghub_aeb, 181 pages), fundus (fundus_eval, 80), trafilatura
(trafilatura_eval, 990), wcxb (wcxb_articles/dev, 711; also title, author and date).

Data: --data DIR, else $NEWSGRAPH_SHARED/data/extraction, else ../shared/data/extraction
beside the repository. Speed is pages / summed wall time of the extraction calls alone, in
this one process, after one untimed warm-up call; the tools take turns page by page, so that
both see the same machine conditions. It depends on the machine.

--pred NAME=PATH scores saved predictions instead of running an extractor: PATH is a folder
holding NAME.BENCH.json[.gz] files (what --save-outputs and the reference scorer
../shared/tools/score_extraction.py write), a file with "{bench}" in its name, or one file
({id: text}) used for every benchmark whose page ids it covers.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import math
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.datasets import BENCHMARKS, Benchmark, Page, load_benchmark
from bench.metrics import MetaPrediction, Scores, score_metadata, sentence_splitter_mode
from bench.paths import shared_data

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EXTRACTORS = ("newsgraph", "trafilatura")
PROGRESS_EVERY = 50


def default_data_dir() -> Path:
    return shared_data() / "extraction"


# ----------------------------------------------------------------------------- adapters
class AdapterUnavailable(Exception):
    """The extractor cannot be imported here."""


@dataclass(frozen=True)
class Output:
    text: str | None
    meta: MetaPrediction | None = None


class Adapter:
    """An extractor under test. ``extract`` gets one page; when it also returns metadata
    (``combined_meta``), no separate metadata call is made."""

    name = ""
    combined_meta = False

    def setup(self) -> str:
        """Import what is needed; return the version. Raises AdapterUnavailable."""
        raise NotImplementedError

    def extract(self, page: Page) -> Output:
        raise NotImplementedError

    def extract_meta(self, page: Page) -> MetaPrediction | None:
        return None


def _import(module: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise AdapterUnavailable(f"cannot import {module} ({type(e).__name__}: {e})") from e


def _dist_version(dist: str, module: ModuleType | None = None) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return str(getattr(module, "__version__", "?"))


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(x) for x in value) or None
    return str(value) or None


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    iso = getattr(value, "isoformat", None)
    return str(iso() if callable(iso) else value) or None


class NewsgraphAdapter(Adapter):
    """``newsgraph.read(raw_bytes, url=url)``: text, title, authors, published date."""

    name = "newsgraph"
    combined_meta = True

    def __init__(self) -> None:
        self._mod: Any = None

    def setup(self) -> str:
        try:
            self._mod = importlib.import_module("newsgraph")
        except ModuleNotFoundError as e:
            src = REPO / "src"
            if e.name != "newsgraph" or not (src / "newsgraph" / "__init__.py").is_file():
                raise AdapterUnavailable(f"cannot import newsgraph ({e})") from e
            # Not installed: use the working tree (src layout) this benchmark belongs to.
            sys.path.insert(0, str(src))
            try:
                self._mod = importlib.import_module("newsgraph")
            except ImportError as e2:
                raise AdapterUnavailable(f"cannot import newsgraph from {src} ({e2})") from e2
        except ImportError as e:
            raise AdapterUnavailable(f"cannot import newsgraph ({type(e).__name__}: {e})") from e
        if not callable(getattr(self._mod, "read", None)):
            raise AdapterUnavailable("newsgraph has no read() function yet")
        return _dist_version("newsgraph", self._mod)

    def extract(self, page: Page) -> Output:
        art = self._mod.read(page.raw, url=page.url)
        authors = ", ".join(str(a.name) for a in (art.authors or ()))
        meta = MetaPrediction(
            title=_opt_str(art.title), author=authors or None, date=_date_str(art.published)
        )
        return Output(_opt_str(art.text) or "", meta)


class TrafilaturaAdapter(Adapter):
    """``trafilatura.extract(raw, url=url, include_comments=False, **options)``; metadata from
    ``trafilatura.bare_extraction(raw, url=url, with_metadata=True, **options)``."""

    def __init__(self, name: str, **options: bool) -> None:
        self.name = name
        self.options = options
        self._mod: Any = None

    def setup(self) -> str:
        self._mod = _import("trafilatura")
        return _dist_version("trafilatura", self._mod)

    def extract(self, page: Page) -> Output:
        text = self._mod.extract(page.raw, url=page.url, include_comments=False, **self.options)
        return Output(text if isinstance(text, str) else None)

    def extract_meta(self, page: Page) -> MetaPrediction | None:
        doc = self._mod.bare_extraction(page.raw, url=page.url, with_metadata=True, **self.options)
        if doc is None:
            return None
        d = doc if isinstance(doc, dict) else doc.as_dict()
        return MetaPrediction(
            title=_opt_str(d.get("title")),
            author=_opt_str(d.get("author")),
            date=_date_str(d.get("date")),
        )


ADAPTERS: dict[str, Callable[[], Adapter]] = {
    "newsgraph": NewsgraphAdapter,
    "trafilatura": lambda: TrafilaturaAdapter("trafilatura"),
    "trafilatura_precision": lambda: TrafilaturaAdapter(
        "trafilatura_precision", favor_precision=True
    ),
    "trafilatura_recall": lambda: TrafilaturaAdapter("trafilatura_recall", favor_recall=True),
}


# ----------------------------------------------------------------------------- saved predictions
def _read_json_any(path: Path) -> Any:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data)


def load_text_predictions(path: Path) -> dict[str, str | None]:
    """{id: text|null}, {id: {"articleBody"|"body": text}} or {"version", "output": {...}}."""
    data = _read_json_any(path)
    if isinstance(data, dict) and set(data) == {"version", "output"}:
        data = data["output"]
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object keyed by page id")
    out: dict[str, str | None] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = value.get("articleBody", value.get("body"))
        if isinstance(value, list):  # paragraphs
            value = "\n".join(str(x) for x in value)
        out[str(key)] = value if isinstance(value, str) else None
    return out


def load_meta_predictions(path: Path) -> dict[str, MetaPrediction | None]:
    data = _read_json_any(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object keyed by page id")
    out: dict[str, MetaPrediction | None] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[str(key)] = MetaPrediction(
                title=_opt_str(value.get("title")),
                author=_opt_str(value.get("author")),
                date=_date_str(value.get("date")),
            )
        else:
            out[str(key)] = None
    return out


@dataclass
class PredictionSource:
    """Saved predictions given with --pred NAME=PATH."""

    name: str
    path: Path

    def _find(self, stem: str) -> Path | None:
        if self.path.is_dir():
            for suffix in (".json.gz", ".json"):
                candidate = self.path / f"{self.name}.{stem}{suffix}"
                if candidate.is_file():
                    return candidate
            return None
        if "{bench}" in str(self.path):
            candidate = Path(str(self.path).replace("{bench}", stem))
            return candidate if candidate.is_file() else None
        return self.path if self.path.is_file() else None

    def texts(self, bench: str) -> tuple[Path, dict[str, str | None]] | None:
        found = self._find(bench)
        return (found, load_text_predictions(found)) if found else None

    def metas(self, bench: str) -> dict[str, MetaPrediction | None] | None:
        if not self.path.is_dir() and "{bench}" not in str(self.path):
            return None
        found = self._find(f"{bench}-meta")
        return load_meta_predictions(found) if found else None


# ----------------------------------------------------------------------------- running
@dataclass
class ToolRun:
    tool: str
    version: str
    texts: dict[str, str | None]
    metas: dict[str, MetaPrediction | None] | None = None
    seconds: float | None = None  # None: precomputed
    meta_seconds: float | None = None
    errors: int = 0
    error_types: Counter[str] = field(default_factory=Counter)
    first_error: str = ""
    meta_errors: int = 0
    source: str = ""


@dataclass
class Result:
    bench: str
    run: ToolRun
    pages: int
    scores: Scores
    meta: dict[str, float] | None

    @property
    def pages_per_s(self) -> float | None:
        s = self.run.seconds
        return self.pages / s if s else None

    @property
    def meta_pages_per_s(self) -> float | None:
        s = self.run.meta_seconds
        return self.pages / s if s else None

    def as_json(self) -> dict[str, Any]:
        r = self.run
        return {
            "bench": self.bench,
            "tool": r.tool,
            "version": r.version,
            "source": r.source,
            "pages": self.pages,
            **self.scores.as_dict(),
            "seconds": r.seconds,
            "pages_per_s": self.pages_per_s,
            "errors": r.errors,
            "error_types": dict(r.error_types),
            "first_error": r.first_error,
            "metadata": self.meta,
            "meta_seconds": r.meta_seconds,
            "meta_pages_per_s": self.meta_pages_per_s,
            "meta_errors": r.meta_errors,
        }


def _progress(bench: str, tool: str, done: int, total: int, what: str = "") -> None:
    if done % PROGRESS_EVERY == 0 or done == total:
        print(f"  [{bench}] {tool}{what} {done}/{total}", file=sys.stderr, flush=True)


def _describe(e: BaseException) -> str:
    return f"{type(e).__name__}: {str(e)[:160]}"


def _timed_extract(adapter: Adapter, page: Page, run: ToolRun, separate_meta: bool) -> float:
    t0 = time.perf_counter()
    try:
        out: Output | None = adapter.extract(page)
    except Exception as e:
        out = None
        run.errors += 1
        run.error_types[type(e).__name__] += 1
        run.first_error = run.first_error or f"{page.id}: {_describe(e)}"
    spent = time.perf_counter() - t0
    run.texts[page.id] = out.text if out else None
    if run.metas is not None and not separate_meta:
        run.metas[page.id] = out.meta if out else None
    return spent


def _timed_meta(adapter: Adapter, page: Page, run: ToolRun) -> float:
    t0 = time.perf_counter()
    try:
        meta = adapter.extract_meta(page)
    except Exception:
        meta = None
        run.meta_errors += 1
    spent = time.perf_counter() - t0
    assert run.metas is not None
    run.metas[page.id] = meta
    return spent


def run_adapters(
    adapters: Sequence[tuple[Adapter, str]], bench: Benchmark, want_meta: bool
) -> list[ToolRun]:
    """Run every extractor over a benchmark's pages, interleaved page by page.

    Each page is given to every tool in turn (the order rotating from page to page), so that
    both tools see the same machine conditions: on a shared or throttled machine, timing one
    tool's whole run after the other's can swing the ratio by a third. An exception counts
    as no output and one error.
    """
    pages = bench.pages
    runs = [ToolRun(a.name, ver, {}, {} if want_meta else None, seconds=0.0) for a, ver in adapters]
    separate = [want_meta and not a.combined_meta for a, _ in adapters]
    if pages:  # untimed warm-up: imports and lazy set-up are not counted
        for (adapter, _), sep in zip(adapters, separate, strict=True):
            try:
                adapter.extract(pages[0])
                if sep:
                    adapter.extract_meta(pages[0])
            except Exception:  # the timed run below records errors
                pass
    seconds = [0.0 for _ in adapters]
    meta_seconds = [0.0 for _ in adapters]
    k = len(adapters)
    for n, page in enumerate(pages, 1):
        for j in range(k):
            i = (n + j) % k
            adapter = adapters[i][0]
            seconds[i] += _timed_extract(adapter, page, runs[i], separate[i])
            if separate[i]:
                meta_seconds[i] += _timed_meta(adapter, page, runs[i])
        _progress(bench.name, "+".join(a.name for a, _ in adapters), n, len(pages))
    for i, run in enumerate(runs):
        run.seconds = seconds[i]
        if separate[i]:
            run.meta_seconds = meta_seconds[i]
        elif want_meta:
            run.meta_seconds = run.seconds  # same call
    return runs


def score_run(bench: Benchmark, run: ToolRun) -> Result:
    scores = bench.score(run.texts)
    meta = None
    if bench.meta_gold is not None and run.metas is not None:
        meta = score_metadata(bench.meta_gold, run.metas)
    return Result(bench.name, run, len(bench.pages), scores, meta)


# ----------------------------------------------------------------------------- reporting
def _f(x: float | None, digits: int = 3) -> str:
    if x is None or math.isnan(x):
        return "-"
    return f"{x:.{digits}f}"


def _speed(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _extra_note(bench: str, s: Scores) -> str:
    e = s.extra
    if bench == "scrapinghub":
        std = f"F1±{_f(e['f1_std'])} " if "f1_std" in e else ""
        return f"{std}acc {_f(e.get('accuracy'))}"
    if bench == "fundus":
        return f"F1 sd {_f(e.get('f1_std'))} para-F1 {_f(e.get('paragraph_f1'))}"
    if bench == "trafilatura":
        return f"acc {_f(e.get('accuracy'))}"
    if bench == "wcxb":
        return f"with {_f(e.get('with_rate'))} without {_f(e.get('without_rate'))}"
    return ""


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Plain fixed-width table: first and last columns left-aligned, numbers right-aligned."""
    rows = [list(r) for r in rows]
    widths = [max(len(c) for c in col) for col in zip(header, *rows, strict=True)]
    last = len(widths) - 1

    def fmt(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i in (0, last) else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([fmt(header), *(fmt(r) for r in rows)])


def bench_table(bench: str, results: Sequence[Result]) -> str:
    header = ["tool", "P", "R", "F1", "pages/s", "errors"]
    meta = any(r.meta is not None for r in results)
    if meta:
        header += ["title exact", "author F1", "date exact", "meta pages/s"]
    header.append("")
    rows = []
    for r in results:
        s = r.scores
        row = [
            r.run.tool,
            _f(s.precision),
            _f(s.recall),
            _f(s.f1),
            _speed(r.pages_per_s),
            str(r.run.errors) if r.run.seconds is not None else "-",
        ]
        if meta:
            m = r.meta or {}
            row += [
                _f(m.get("title_exact")),
                _f(m.get("author_f1")),
                _f(m.get("date_exact")),
                _speed(r.meta_pages_per_s),
            ]
        row.append(_extra_note(bench, s))
        rows.append(row)
    lines = [_table(header, rows)]
    for r in results:
        if r.run.errors:
            kinds = ", ".join(f"{k} x{v}" for k, v in r.run.error_types.most_common())
            lines.append(f"  {r.run.tool} errors: {kinds}; first: {r.run.first_error}")
        if r.run.meta_errors:
            lines.append(f"  {r.run.tool} metadata errors: {r.run.meta_errors}")
    return "\n".join(lines)


_SUMMARY_METRIC = {
    "scrapinghub": "4-gram shingle F1",
    "fundus": "ROUGE-LSum F1",
    "trafilatura": "snippet F1 (micro)",
    "wcxb": "bag-of-words F1",
}


def summary_markdown(
    results: Sequence[Result], tools: Sequence[str], labels: Mapping[str, str]
) -> str:
    """One row per benchmark (F1 and speed per tool), then WCXB metadata rows."""
    by = {(r.bench, r.run.tool): r for r in results}
    benches = list(dict.fromkeys(r.bench for r in results))
    header = ["benchmark", "pages", "metric"]
    header += [f"{t} F1" for t in tools] + [f"{t} pages/s" for t in tools]
    rows: list[list[str]] = []
    for b in benches:
        label, metric = labels.get(b, b), _SUMMARY_METRIC.get(b, "F1")
        pages = next(r.pages for r in results if r.bench == b)
        cells = [label, str(pages), metric]
        cells += [_f(by[b, t].scores.f1) if (b, t) in by else "" for t in tools]
        cells += [_speed(by[b, t].pages_per_s) if (b, t) in by else "" for t in tools]
        rows.append(cells)
        with_meta = [r for r in results if r.bench == b and r.meta is not None]
        if not with_meta:
            continue
        m0 = with_meta[0].meta or {}
        for key, name, count in (
            ("title_exact", "title exact match", "pages"),
            ("author_f1", "author token F1", "pages_with_author"),
            ("date_exact", "date exact match", "pages_with_date"),
        ):
            cells = [f"{label}: metadata", str(int(m0.get(count, 0))), name]
            for t in tools:
                r = by.get((b, t))
                cells.append(_f((r.meta or {}).get(key)) if r and r.meta is not None else "")
            for t in tools:
                r = by.get((b, t))
                show = key == "title_exact" and r is not None and r.meta is not None
                cells.append(_speed(r.meta_pages_per_s) if show and r else "")
            rows.append(cells)
    lines = [
        "| " + " | ".join(header) + " |",
        "|---|---:|---|" + "---:|" * (len(header) - 3),
    ]
    lines += ["| " + " | ".join(c or " " for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:60]


def save_outputs(folder: Path, bench: str, run: ToolRun) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / _safe_name(run.tool)
    with gzip.open(f"{base}.{bench}.json.gz", "wt", encoding="utf-8") as f:
        json.dump(run.texts, f, ensure_ascii=False)
    if run.metas is not None:
        metas = {
            k: (None if m is None else {"title": m.title, "author": m.author, "date": m.date})
            for k, m in run.metas.items()
        }
        with gzip.open(f"{base}.{bench}-meta.json.gz", "wt", encoding="utf-8") as f:
            json.dump(metas, f, ensure_ascii=False)


# ----------------------------------------------------------------------------- CLI
def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m bench.extraction",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--data", type=Path, help="benchmark data folder (default: see above)")
    ap.add_argument(
        "--bench",
        nargs="+",
        action="extend",
        choices=list(BENCHMARKS),
        metavar="NAME",
        help="benchmarks to run: " + ", ".join(BENCHMARKS) + " (default: all)",
    )
    ap.add_argument(
        "--extractor",
        nargs="+",
        action="extend",
        choices=list(ADAPTERS),
        metavar="NAME",
        help=f"extractors: {', '.join(ADAPTERS)} (default: {' '.join(DEFAULT_EXTRACTORS)}; "
        "none when --pred is given)",
    )
    ap.add_argument(
        "--pred",
        nargs="+",
        action="extend",
        default=[],
        metavar="NAME=PATH",
        help="score saved predictions (see above)",
    )
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each benchmark")
    ap.add_argument(
        "--n-bootstrap",
        type=int,
        default=1000,
        help="bootstrap resamples for the scrapinghub standard deviations (default 1000)",
    )
    ap.add_argument("--json", type=Path, metavar="FILE", help="write all results as JSON")
    ap.add_argument(
        "--save-outputs",
        type=Path,
        metavar="DIR",
        help="write each tool's outputs as DIR/TOOL.BENCH.json.gz (+ TOOL.BENCH-meta.json.gz)",
    )
    return ap


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def main(argv: Sequence[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.limit < 0 or args.n_bootstrap < 0:
        ap.error("--limit and --n-bootstrap must not be negative")
    err = sys.stderr
    data_dir: Path = args.data or default_data_dir()
    if not data_dir.is_dir():
        print(
            f"bench.extraction: benchmark data not found at {data_dir} "
            "(give --data DIR or set NEWSGRAPH_SHARED to the shared folder)",
            file=err,
        )
        return 2
    benches: list[str] = list(dict.fromkeys(args.bench or BENCHMARKS))
    missing = [b for b in benches if not (data_dir / BENCHMARKS[b].subdir).is_dir()]
    if missing:
        names = ", ".join(BENCHMARKS[b].subdir for b in missing)
        print(f"bench.extraction: {names} missing under {data_dir}", file=err)
        return 2
    for out in (args.json, args.save_outputs):
        if out is not None and _inside(out, data_dir):
            print(f"bench.extraction: refusing to write into the data folder ({out})", file=err)
            return 2

    sources: list[PredictionSource] = []
    for spec in args.pred:
        name, sep, path = spec.partition("=")
        if not sep or not name or not path:
            print(f"bench.extraction: --pred wants NAME=PATH, got {spec!r}", file=err)
            return 2
        if "{bench}" not in path and not Path(path).exists():
            print(f"bench.extraction: --pred {name}: {path} not found", file=err)
            return 2
        sources.append(PredictionSource(name, Path(path)))
    wanted = args.extractor or ([] if sources else list(DEFAULT_EXTRACTORS))
    adapters: list[tuple[Adapter, str]] = []
    for name in dict.fromkeys(wanted):
        adapter = ADAPTERS[name]()
        try:
            adapters.append((adapter, adapter.setup()))
        except AdapterUnavailable as e:
            print(f"bench.extraction: skipping {name}: {e}", file=err)
    tools = [a.name for a, _ in adapters] + [s.name for s in sources]
    if len(set(tools)) != len(tools):
        print(f"bench.extraction: tool names must be unique, got {tools}", file=err)
        return 2
    if not tools:
        print("bench.extraction: no extractor available to run", file=err)
        return 2

    results: list[Result] = []
    labels: dict[str, str] = {}
    splitter = ""
    started = datetime.now(UTC)
    for b in benches:
        spec = BENCHMARKS[b]
        bench = load_benchmark(b, data_dir, args.limit or None, args.n_bootstrap)
        labels[b] = bench.label
        want_meta = bench.meta_gold is not None
        print(f"  [{b}] {len(bench.pages)} pages loaded", file=err, flush=True)
        bench_results: list[Result] = []
        for run in run_adapters(adapters, bench, want_meta):
            if args.save_outputs:
                save_outputs(args.save_outputs, b, run)
            bench_results.append(score_run(bench, run))
        for src in sources:
            found = src.texts(b)
            if found is None:
                print(f"  [{b}] {src.name}: no predictions under {src.path}", file=err)
                continue
            path, texts = found
            covered = sum(p.id in texts for p in bench.pages)
            if covered == 0:
                print(f"  [{b}] {src.name}: {path} has none of this benchmark's pages", file=err)
                continue
            if covered < len(bench.pages):
                print(
                    f"  [{b}] {src.name}: {path} covers {covered}/{len(bench.pages)} pages "
                    "(the rest count as empty output)",
                    file=err,
                )
            metas = src.metas(b) if want_meta else None
            run = ToolRun(src.name, "saved", texts, metas, source=str(path))
            bench_results.append(score_run(bench, run))
        if b == "fundus":
            splitter = sentence_splitter_mode()
        title = f"== {bench.label}: {len(bench.pages)} pages, {spec.metric} [{spec.role}]"
        print(f"\n{title}")
        if b == "fundus":
            print(f"   sentence splitter: {splitter}")
        if bench_results:
            print(bench_table(b, bench_results))
        sys.stdout.flush()
        results += bench_results

    if not results:
        print("bench.extraction: nothing was scored", file=err)
        return 1
    run_tools = list(dict.fromkeys(r.run.tool for r in results))
    summary = summary_markdown(results, run_tools, labels)
    versions = {r.run.tool: r.run.version for r in results}
    env = (
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, single process; "
        + ", ".join(f"{t} {v}" for t, v in versions.items())
    )
    print("\n## Extraction benchmark summary\n")
    print(summary)
    notes = [
        "F1 on each benchmark's own metric (0-1); pages/s = pages / summed wall time of the "
        "extraction calls (one untimed warm-up call)."
    ]
    if any(r.meta is not None and r.run.seconds is not None for r in results):
        same = ", ".join(a.name for a, _ in adapters if a.combined_meta)
        separate = ", ".join(a.name for a, _ in adapters if not a.combined_meta)
        parts = [f"{same}: same call as the text" if same else ""]
        parts.append(f"{separate}: a separate metadata call" if separate else "")
        notes.append("Metadata pages/s (" + "; ".join(p for p in parts if p) + ").")
    notes.append(f"{env}; {started:%Y-%m-%d}.")
    print("\n" + "\n".join(notes))
    if args.json:
        doc = {
            "generated_at": started.isoformat(timespec="seconds"),
            "environment": env,
            "data_dir": str(data_dir),
            "limit": args.limit or None,
            "sentence_splitter": splitter or None,
            "tools": versions,
            "benchmarks": {
                b: {"folder": labels[b], "metric": BENCHMARKS[b].metric} for b in benches
            },
            "results": [r.as_json() for r in results],
            "summary_markdown": summary,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(_json_safe(doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"  results written to {args.json}", file=err)
    return 0


def _entry(argv: Sequence[str] | None = None) -> int:
    try:
        return main(argv)
    except KeyboardInterrupt:
        print("\nbench.extraction: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(_entry())
