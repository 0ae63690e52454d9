"""``python -m bench.realpages``: run, score and print (see the package docstring)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bench.realpages as package
from bench.paths import shared_data
from bench.realpages.gold import GoldError, GoldPage, load_gold
from bench.realpages.run import PageRun, Timing, run_newsgraph, run_textacy
from bench.realpages.score import (
    ActorTally,
    EventTally,
    GenreTally,
    NotActorTally,
    QuoteTally,
    newsgraph_quotes,
    score_actors,
    score_events,
    score_genre,
    score_not_actors,
    score_quotes,
)
from bench.realpages.text import Normalised

DEFAULT_GOLD = Path(__file__).resolve().parent / "gold.jsonl"
HALVES = ("report", "tune", "all")


@dataclass
class PageScores:
    """Every measure of one page (``textacy`` is None when textacy did not run)."""

    quotes: QuoteTally
    textacy: QuoteTally | None
    actors: ActorTally
    not_actors: NotActorTally
    events: EventTally
    genre: GenreTally


@dataclass
class Totals:
    quotes: QuoteTally = field(default_factory=QuoteTally)
    textacy: QuoteTally | None = None
    actors: ActorTally = field(default_factory=ActorTally)
    not_actors: NotActorTally = field(default_factory=NotActorTally)
    events: EventTally = field(default_factory=EventTally)
    genre: GenreTally = field(default_factory=GenreTally)

    def add(self, s: PageScores) -> None:
        self.quotes.add(s.quotes)
        if s.textacy is not None:
            self.textacy = self.textacy or QuoteTally()
            self.textacy.add(s.textacy)
        self.actors.add(s.actors)
        self.not_actors.add(s.not_actors)
        self.events.add(s.events)
        self.genre.add(s.genre)


def score_page(run: PageRun) -> PageScores:
    assert run.doc is not None
    page, doc = run.page, run.doc
    norm = Normalised(doc.article.text)
    return PageScores(
        quotes=score_quotes(page, norm, newsgraph_quotes(doc)),
        textacy=None if run.textacy is None else score_quotes(page, norm, run.textacy),
        actors=score_actors(page, doc),
        not_actors=score_not_actors(page, doc, norm),
        events=score_events(page, doc),
        genre=score_genre(page, doc),
    )


def _frac(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else f"- (0/{b})"


def quote_table(t: Totals) -> list[str]:
    tools: list[tuple[str, QuoteTally]] = [("newsgraph", t.quotes)]
    if t.textacy is not None:
        tools.append(("textacy (direct only)", t.textacy))
    rows: list[tuple[str, Any]] = [
        ("precision", lambda q: _frac(q.correct, q.attributed)),
        ("recall", lambda q: _frac(q.recalled, q.gold)),
        ("attribution F1", lambda q: f"{q.f1:.3f}"),
        ("recall, direct statements", lambda q: _frac(q.recalled_direct, q.gold_direct)),
        ("quotes without a speaker (not judged)", lambda q: str(q.unattributed)),
        ("on uncertain statements only (not judged)", lambda q: str(q.ignored)),
    ]
    lines = [
        "| quotes | " + " | ".join(name for name, _ in tools) + " |",
        "|---|" + "---:|" * len(tools),
    ]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(q) for _, q in tools) + " |")
    return lines


def report(t: Totals, runs: Sequence[PageRun], ng: Timing, tx: Timing | None) -> list[str]:
    q = t.quotes
    lines = quote_table(t)
    lines.append(
        f"gold statements: {q.gold} judged ({q.gold_direct} direct), "
        f"{q.unlocated} not located in the text"
        + (f" ({', '.join(f'{key} #{k}' for key, k in q.unlocated_at)})" if q.unlocated else "")
    )
    if t.textacy is None:
        lines.append("textacy: not installed here (pip install -e '.[bench]')")
    else:
        split = sum(1 for r in runs if r.textacy is not None and not r.textacy_whole)
        lines.append(f"textacy ran paragraph by paragraph on {split} page(s) (unclosed quote)")
    a = t.actors
    lines.append(
        f"actors: code accuracy {_frac(a.correct, a.found)}, "
        f"coverage {_frac(a.found, a.gold)} of gold actors; "
        f"codes given {_frac(a.coded, a.found)}, of which say nothing wrong "
        f"{_frac(a.consistent, a.coded)}"
    )
    n = t.not_actors
    lines.append(f"not-actor violations: {_frac(len(n.violations), n.strings)} strings")
    e = t.events
    lines.append(
        f"events (rule: see bench/realpages): {e.counted} counted, {e.correct} correct, "
        f"precision {_frac(e.correct, e.counted)}"
    )
    g = t.genre
    lines.append(f"genre accuracy: {_frac(g.correct, g.pages)}")
    for (gold, pred), k in sorted(g.pairs.items()):
        mark = "" if gold == pred else "  ✗"
        lines.append(f"  {gold:<14} → {pred:<14} {k}{mark}")
    lines.append(f"speed: newsgraph {ng.pages} pages in {ng.wall_s:.1f} s ({ng.cpu_s:.1f} CPU-s)")
    if tx is not None:
        lines[-1] += f"; textacy (parse included) {tx.wall_s:.1f} s ({tx.cpu_s:.1f} CPU-s)"
    return lines


def _snip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def details(run: PageRun, s: PageScores) -> list[str]:
    """One page's wrong and missed items (tune pages only)."""
    assert run.doc is not None
    genre = run.doc.article.genre
    out = [f"== {run.page.key}  [{run.page.half}; genre {run.page.genre}, got "
           f"{genre.label if genre else 'none'}]"]  # fmt: skip
    for _, p, g in s.quotes.false:
        gold = f"gold: {g.speaker or '(none)'} «{g.first}…»" if g else "gold: no statement"
        out.append(f"  false quote  [{p.speaker}] «{_snip(p.text)}»  {gold}")
    for _, g in s.quotes.missed:
        out.append(f"  missed       [{g.speaker or '(none)'}] «{g.first} … {g.last}» ({g.kind})")
    for _, name, ent, code, ok in s.actors.rows:
        if ent is None:
            out.append(f"  actor        {name}: no entity")
        elif not ok:
            out.append(f"  actor        {name}: entity {ent!r} coded {code}")
    for _, banned, ent, why in s.not_actors.violations:
        out.append(f"  not-actor    {banned!r}: {ent} ({why})")
    for _, sentence, codes, why in s.events.wrong:
        out.append(f"  event        {codes}: {why}  «{_snip(sentence)}»")
    return out


def _pages(args: argparse.Namespace) -> list[GoldPage] | str:
    try:
        pages = load_gold(args.gold)
    except (GoldError, OSError) as exc:
        return f"bench.realpages: bad gold: {exc}"
    chosen = [p for p in pages if args.half in ("all", p.half)]
    if not chosen:
        files = ", ".join(map(str, args.gold))
        return f"bench.realpages: no {args.half} pages in {files} ({len(pages)} pages in all)"
    return chosen


def check(runs: Sequence[PageRun]) -> int:
    """Locate every gold snippet in the extracted text; name the ones not found, and those
    whose ``first`` occurs more than once (the first occurrence is used)."""
    bad = warned = 0
    for run in runs:
        if run.doc is None:
            print(f"{run.page.key}: {run.error}")
            bad += 1
            continue
        norm = Normalised(run.doc.article.text)
        for k, q in enumerate(run.page.quotes):
            if norm.locate(q.first, q.last) is None:
                which = "first" if norm.find(q.first) is None else "last"
                print(f"{run.page.where}: {run.page.key} quotes[{k}]: {which!r} not found")
                bad += 1
            elif len(norm.find_all(q.first)) > 1:
                print(
                    f"{run.page.where}: {run.page.key} quotes[{k}]: warning: 'first' occurs "
                    f"{len(norm.find_all(q.first))} times; the first one is used"
                )
                warned += 1
    print(f"checked {len(runs)} pages: {bad} problem(s), {warned} warning(s)")
    return 1 if bad else 0


def parser() -> argparse.ArgumentParser:
    doc = package.__doc__ or ""
    ap = argparse.ArgumentParser(
        prog="python -m bench.realpages",
        description=doc.split("\n")[0],
        epilog="Rules: see bench/realpages/__init__.py.",
    )
    ap.add_argument(
        "--gold", nargs="+", type=Path, default=[DEFAULT_GOLD], metavar="FILE",
        help=f"gold files, JSON lines (default: {DEFAULT_GOLD.name} beside this module)",
    )  # fmt: skip
    ap.add_argument(
        "--half", choices=HALVES, default="report",
        help="pages to score: sha1('SET/FILE') first hex digit even = tune, odd = report",
    )  # fmt: skip
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--verbose", "-v", action="store_true",
        help="list each tune page's false and missed quotes, actor misses, not-actor "
        "violations and wrong events (refused with --half report; report pages never listed)",
    )  # fmt: skip
    ap.add_argument(
        "--check", action="store_true",
        help="only check that every gold snippet is found in the extracted text",
    )  # fmt: skip
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.verbose and args.half == "report":
        print(
            "bench.realpages: --verbose lists items of each page; report pages must not be "
            "inspected: use it with --half tune (or all)",
            file=sys.stderr,
        )
        return 2
    pages = _pages(args)
    if isinstance(pages, str):
        print(pages, file=sys.stderr)
        return 2
    data = args.data or shared_data()
    if not (data / "extraction").is_dir():
        print(
            f"bench.realpages: skipped: {data / 'extraction'} not found "
            "(the shared folder is absent; use --data DIR or NEWSGRAPH_SHARED)",
            file=sys.stderr,
        )
        return 2
    if args.check:
        return check(run_newsgraph(pages, data, ["extract.v1"])[0])
    runs, ng_time = run_newsgraph(pages, data)
    tx_time = run_textacy(runs)
    totals = Totals()
    scored: list[tuple[PageRun, PageScores]] = []
    for run in runs:
        if run.doc is not None:
            scores = score_page(run)
            totals.add(scores)
            scored.append((run, scores))
    failed = [r for r in runs if r.doc is None]
    halves = {h: sum(1 for r in runs if r.page.half == h) for h in ("tune", "report")}
    head = {
        "half": args.half,
        "gold": [str(p) for p in args.gold],
        "pages": len(runs),
        "pages_by_half": halves,
        "failed": [{"page": r.page.key, "error": r.error} for r in failed],
    }
    if args.json:
        result = {
            **head,
            "quotes": {
                "newsgraph": totals.quotes.as_json(),
                **({"textacy": totals.textacy.as_json()} if totals.textacy else {}),
            },
            "actors": totals.actors.as_json(),
            "not_actors": totals.not_actors.as_json(),
            "events": totals.events.as_json(),
            "genre": totals.genre.as_json(),
            "speed": {
                "newsgraph": vars(ng_time),
                **({"textacy": vars(tx_time)} if tx_time else {}),
            },
        }
        print(json.dumps(result, indent=2))
    else:
        print(
            f"bench.realpages: {len(runs)} pages, half={args.half} ({halves['tune']} tune, "
            f"{halves['report']} report); {len(scored)} scored, {len(failed)} failed"
        )
        for r in failed:
            print(f"  failed, left out: {r.page.key}: {r.error}")
        for line in report(totals, runs, ng_time, tx_time):
            print(line)
    if args.verbose:  # per-item lists of tune pages only, also with --half all
        for run, scores in scored:
            if run.page.half != "tune":
                continue
            for line in details(run, scores):
                print(line, file=sys.stderr if args.json else sys.stdout)
    return 0
