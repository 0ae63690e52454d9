"""Benchmark the ``events`` stage: who did what to whom, against gold event codes.

    python -m bench.events [--data DIR] [--json] [--misses N]
    python -m bench.events --suite silver [--misses N]
    python -m bench.events --suite petrarch-unit [--peer FILE] [--misses N]

Default suite: the PLOVER gold-standard sentences joined to their CAMEO manual codes
(``events/plover_gsr_gold.jsonl``, 322 sentences). Each sentence runs through the full
pipeline after extraction (``nlp``, ``actors``, ``quotes``, ``claims``, ``events``); its
events that the text states as happening (modes ``asserted``, ``reported`` and ``future``;
``hypothetical`` and ``negated`` ones are not events) are matched one to one against the
gold events at three levels:

* source country, target country and CAMEO root (2 digits);
* the same with the full CAMEO code;
* source country, target country and PLOVER type.

Country = the first three letters of the actor code (IGO, NGO, ... for international actors);
the gold's known code defects are read as the README says (JAP/ITL/VTN = JPN/ITA/VNM). The
gold's placeholder date (2000-01-01) is not passed on. Also reported: the PLOVER mode
accuracy on matched events whose gold gives one, the share of matched events coded as
happening, and speed (sentences per CPU-second of the events stage alone, beyond the parse).

Tuning: look at failures on ``--suite silver`` and ``--suite petrarch-unit`` only. The example
sentences of the CAMEO manual (``cameo/cameo_manual_codebook.json``) are not a tune set: 252 of
its 387 examples are sentences of the PLOVER gold set word for word (about 310 nearly so), so
running the coder on them is reading the report set.

There is no peer coder to run in the same process (PETRARCH-2 needs Python 2 and CoreNLP);
published figures are printed for reference and marked as such.

``--suite petrarch-unit``: PETRARCH's own unit-test records (``petrarch_unittest_gold.jsonl``,
284 records with fictional actors), coded with ``PETR.Validate.verbs.txt`` read as a user verb
dictionary, ``PETR.Validate.actors.txt`` and ``PETR.Validate.agents.txt`` as user actor and
agent dictionaries, and ``PETR.Validate.discards.txt`` as a discards file. Every coded event
counts, whatever
its mode: these records test coder mechanics, not modality. A record passes when the set of
(source, target, code) it yields equals the expected set; event-level P/R/F1 over those sets.
``--peer FILE`` scores another coder's output on the same records with the same scorer, side
by side: JSON lines in record order, each ``{"id": ..., "coded": [[source, target, code], ...]}``
(PETRARCH-2 needs Python 2.7 and the records' own parse trees: run it beside this benchmark).

Data: --data DIR, else $NEWSGRAPH_SHARED/data, else ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.paths import shared_data
from newsgraph.model import Article, Document, Event
from newsgraph.stages.actors import ActorsStage
from newsgraph.stages.claims import ClaimsStage
from newsgraph.stages.events import EventsStage
from newsgraph.stages.events.codes import cameo_codes
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.quotes import QuotesStage

GOLD_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
HAPPENING = ("asserted", "reported", "future")
PUBLISHED = (
    "published, not run here: UniversalPetrarch 44% of events right with extra events equal "
    "to 316% of records; GDELT's audit 81% of event codes correct on 50 events"
)


def country(code: str | None) -> str:
    if not code:
        return "---"
    c = code[:3].upper()
    return GOLD_FIXES.get(c, c)


Key = tuple[str, str, str]
LEVELS: dict[str, Callable[[dict[str, Any]], Key]] = {
    "root (source, target, CAMEO root)": lambda e: (
        country(e["source"]), country(e["target"]), (e["code"] or "-")[:2]
    ),
    "full code (source, target, CAMEO code)": lambda e: (
        country(e["source"]), country(e["target"]), e["code"] or "-"
    ),
    "PLOVER (source, target, PLOVER type)": lambda e: (
        country(e["source"]), country(e["target"]), e["plover"] or "-"
    ),
}  # fmt: skip


def as_gold_shape(ev: Event) -> dict[str, Any]:
    return {
        "source": ev.source_code,
        "target": ev.target_code,
        "code": ev.cameo,
        "plover": ev.plover,
        "plover_mode": ev.plover_mode,
        "mode": ev.mode,
    }


def match(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], key: Callable[..., Key]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with equal keys, in order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        k = key(g)
        for pi, p in enumerate(pred):
            if pi not in used and key(p) == k:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp}


class Coder:
    """The pipeline after extraction, with the events stage timed on its own."""

    def __init__(
        self, verbs: Sequence[str] = (), actors: Sequence[str] = (), discards: Sequence[str] = ()
    ) -> None:
        self.nlp = NlpStage()
        self.before: list[Callable[[Document], Document]] = [
            ActorsStage(list(actors)),
            QuotesStage(),
            ClaimsStage(),
        ]
        self.events = EventsStage(verbs, discards)
        self.events_cpu = 0.0

    def run(self, texts: Sequence[str], dates: Sequence[str | None]) -> list[Document]:
        docs = [
            Document(id=str(n), article=Article(text=t, published=d))
            for n, (t, d) in enumerate(zip(texts, dates, strict=True))
        ]
        out = []
        for doc in self.nlp.pipe(docs):
            for st in self.before:
                doc = st(doc)
            t0 = time.process_time()
            doc = self.events(doc)
            self.events_cpu += time.process_time() - t0
            out.append(doc)
        return out


SUITES = {
    # name: (file, whether its dates are real)
    "plover-gsr": ("plover_gsr_gold.jsonl", False),
    "silver": ("petrarch2_validation_silver.jsonl", True),
}


def _iso(value: str | None) -> str | None:
    """YYYY-MM-DD from the sets' YYYY-MM-DD or YYMMDD dates."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if re.fullmatch(r"\d{6}", value):
        yy = int(value[:2])
        return f"{1900 + yy if yy > 50 else 2000 + yy}-{value[2:4]}-{value[4:]}"
    return None


def run_gold(
    data: Path, misses: int, suite: str = "plover-gsr", verbs: Sequence[str] = ()
) -> dict[str, Any]:
    name, real_dates = SUITES[suite]
    rows = [json.loads(line) for line in (data / "events" / name).read_text().splitlines()]
    coder = Coder(verbs)
    dates = [_iso(r.get("date")) if real_dates else None for r in rows]
    docs = coder.run([r["text"] for r in rows], dates)
    n_sent = len(rows)
    totals = {name: [0, 0, 0] for name in LEVELS}
    modes = Counter[str]()
    plover_mode = [0, 0]
    shown: list[str] = []
    for row, doc in zip(rows, docs, strict=True):
        gold = row["events"]
        pred_all = [as_gold_shape(e) for e in doc.events]
        pred = [p for p in pred_all if p["mode"] in HAPPENING]
        for g in gold:  # the silver set gives CAMEO codes only: map them as the coder does
            if "plover" not in g:
                known = cameo_codes().get(g["code"] or "")
                g["plover"] = known.plover if known else None
        for name, key in LEVELS.items():
            pairs = match(gold, pred, key)
            t = totals[name]
            t[0] += len(pairs)
            t[1] += len(pred)
            t[2] += len(gold)
            if name.startswith("root"):
                for gi, pi in match(gold, pred_all, key):
                    modes[pred_all[pi]["mode"]] += 1
                    gm = gold[gi].get("mode")
                    if gm:
                        plover_mode[1] += 1
                        plover_mode[0] += pred_all[pi]["plover_mode"] == gm
                if len(shown) < misses and (len(pairs) < len(gold) or len(pairs) < len(pred)):
                    g = ", ".join("/".join(key(e)) for e in gold)
                    p = ", ".join("/".join(key(e)) + f"({e['mode']})" for e in pred_all)
                    shown.append(f"{row['id']}: gold {g or '-'} | ours {p or '-'}")
    matched = sum(modes.values())
    return {
        "sentences": n_sent,
        "gold_events": sum(len(r["events"]) for r in rows),
        "levels": {name: prf(*t) for name, t in totals.items()},
        "plover_mode_accuracy": plover_mode[0] / plover_mode[1] if plover_mode[1] else None,
        "plover_mode_n": plover_mode[1],
        "happening_share": sum(modes[m] for m in HAPPENING) / matched if matched else None,
        "modes_of_matched": dict(modes),
        "events_sentences_per_cpu_s": n_sent / coder.events_cpu if coder.events_cpu else None,
        "misses": shown,
    }


Triple = tuple[str, str, str]
UNIT = "petrarch_unittest_gold.jsonl"


def score_unit(
    rows: Sequence[dict[str, Any]], coded: Sequence[set[Triple] | None]
) -> dict[str, Any]:
    """Pass rate (overall and by category) and event-level P/R/F1 of ``coded`` per record
    (None: the coder crashed on the record, which fails it)."""
    passed = 0
    by_cat: dict[str, list[int]] = {}
    tp = n_pred = n_gold = 0
    for row, result in zip(rows, coded, strict=True):
        gold = {(e["source"], e["target"], e["code"]) for e in row["events"]}
        got = result or set()
        ok = result is not None and got == gold
        passed += ok
        cat = by_cat.setdefault(row.get("category") or "-", [0, 0])
        cat[0] += ok
        cat[1] += 1
        tp += len(got & gold)
        n_pred += len(got)
        n_gold += len(gold)
    return {
        "records": len(rows),
        "passed": passed,
        "pass_rate": passed / len(rows) if rows else 0.0,
        "by_category": by_cat,
        "events": prf(tp, n_pred, n_gold),
    }


def _peer(path: Path, rows: Sequence[dict[str, Any]]) -> list[set[Triple] | None]:
    """A peer coder's output, one JSON line per record in record order (``"crashed"``: the
    coder failed on the record)."""
    text = path.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    if len(lines) != len(rows) or any(
        a.get("id") != b["id"] for a, b in zip(lines, rows, strict=False)
    ):
        raise SystemExit(f"bench.events: {path}: expected {len(rows)} lines in record order")
    return [
        None
        if line.get("crashed")
        else {(str(s), str(t), str(c)) for s, t, c in line.get("coded") or []}
        for line in lines
    ]


def run_unit(data: Path, misses: int, peer: Path | None) -> dict[str, Any]:
    rows = [json.loads(line) for line in (data / "events" / UNIT).read_text().splitlines()]
    dicts = data / "events" / "petrarch2" / "dictionaries"
    coder = Coder(
        [str(dicts / "PETR.Validate.verbs.txt")],
        [str(dicts / "PETR.Validate.actors.txt"), str(dicts / "PETR.Validate.agents.txt")],
        [str(dicts / "PETR.Validate.discards.txt")],
    )
    docs = coder.run([r["text"] for r in rows], [_iso(r.get("date")) for r in rows])
    ours = [
        {(e.source_code or "---", e.target_code or "---", e.cameo) for e in doc.events}
        for doc in docs
    ]
    result: dict[str, Any] = {"newsgraph": score_unit(rows, list(ours))}
    if peer is not None:
        result["peer"] = score_unit(rows, _peer(peer, rows))
    shown: list[str] = []
    for row, got in zip(rows, ours, strict=True):
        gold = {(e["source"], e["target"], e["code"]) for e in row["events"]}
        if got != gold and len(shown) < misses:
            shown.append(f"{row['id']}: gold {sorted(gold)} | ours {sorted(got)}")
    result["misses"] = shown
    return result


def _print_unit(result: dict[str, Any], peer: Path | None) -> None:
    ours = result["newsgraph"]
    other = result.get("peer")
    print(
        f"petrarch-unit: {ours['records']} PETRARCH unit-test records; PETR.Validate verbs, "
        "actors, agents and discards files loaded as user files; every mode counted"
    )
    head = "| | newsgraph |" + (" peer |" if other else "")
    print(head)
    print("|---|---:|" + ("---:|" if other else ""))

    def row(name: str, a: str, b: str | None) -> None:
        print(f"| {name} | {a} |" + (f" {b} |" if other else ""))

    def rate(r: dict[str, Any]) -> str:
        return f"{r['passed']}/{r['records']} ({r['pass_rate']:.1%})"

    row("records passed", rate(ours), rate(other) if other else None)
    for k in ("P", "R", "F1"):
        row(
            f"events {k}",
            f"{ours['events'][k]:.3f}",
            f"{other['events'][k]:.3f}" if other else None,
        )
    for cat, (ok, n) in ours["by_category"].items():
        theirs = other["by_category"].get(cat, [0, 0]) if other else None
        row(f"  {cat}", f"{ok}/{n}", f"{theirs[0]}/{theirs[1]}" if theirs else None)
    if other:
        print(f"peer: {peer} (scored here with the same scorer)")
    else:
        print("peer: none given (--peer FILE scores PETRARCH-2's output on these records)")
    for line in result["misses"]:
        print("  " + line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.events", description=__doc__.split("\n")[0])
    ap.add_argument(
        "--suite",
        choices=(*SUITES, "petrarch-unit"),
        default="plover-gsr",
        help="plover-gsr (the report set, default), silver (78 hand-checked wire sentences: "
        "a sanity check and the set to look at failures on), petrarch-unit (PETRARCH's unit-test "
        "records with its validation dictionaries: coder mechanics)",
    )
    ap.add_argument(
        "--verbs",
        nargs="+",
        default=[],
        metavar="FILE",
        help="plover-gsr, silver: user verb files to load first, as `analyze --verbs` does "
        "(e.g. a PETRARCH CAMEO verb dictionary)",
    )
    ap.add_argument(
        "--peer",
        type=Path,
        default=None,
        help="petrarch-unit: another coder's output to score beside newsgraph's",
    )
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--misses", type=int, default=0, help="show N sentences with misses")
    args = ap.parse_args(argv)
    data = args.data or shared_data()
    if not (data / "events").is_dir():
        print(f"bench.events: {data / 'events'} not found (use --data DIR)", file=sys.stderr)
        return 2
    if args.suite == "petrarch-unit":
        unit = run_unit(data, args.misses, args.peer)
        if args.json:
            print(json.dumps(unit, indent=2))
        else:
            _print_unit(unit, args.peer)
        return 0
    result = run_gold(data, args.misses, args.suite, args.verbs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{args.suite}: {result['sentences']} sentences, {result['gold_events']} gold "
        "events; counted: events coded as happening (asserted, reported, future)"
        + (f"; user verbs: {', '.join(args.verbs)}" if args.verbs else "")
    )
    print("| match | P | R | F1 |")
    print("|---|---:|---:|---:|")
    for name, m in result["levels"].items():
        print(f"| {name} | {m['P']:.3f} | {m['R']:.3f} | {m['F1']:.3f} |")
    pm = result["plover_mode_accuracy"]
    if pm is not None:
        n = result["plover_mode_n"]
        print(f"PLOVER mode accuracy on matched events with a gold mode: {pm:.3f} (n={n})")
    hs = result["happening_share"]
    if hs is not None:
        print(f"matched events coded as happening: {hs:.3f}  {result['modes_of_matched']}")
    rate = result["events_sentences_per_cpu_s"]
    if rate:
        print(f"speed: {rate:,.0f} sentences per CPU-second in the events stage (beyond the parse)")
    print(PUBLISHED)
    for line in result["misses"]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
