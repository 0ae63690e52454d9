"""Benchmark the ``quotes`` stage on PolNeAR, beside the published baselines.

    python -m bench.quotes [--split test|dev] [--data DIR] [--save FILE] [--json]

Runs ``nlp`` + ``actors`` + ``quotes`` over the split's articles, scores the quotes with our
own scorer (``bench.quote_metrics``, which reproduces ``../shared/tools/score_quotes.py
--trim`` figure for figure; ``--save`` writes the predictions so that the reference can be run
on them too), and prints, on the same split and in the same run, the scores of the baseline
predictions in ``quotes/baselines/`` (textacy 0.13: direct quotes only; Citron retrained on
PolNeAR train). Speed is characters per CPU-second including the parse; textacy's own rate is
measured on the same texts when textacy is installed.

Tune on ``--split dev`` (and train); ``test`` is the report split: read only its totals.
Data: --data DIR, else $NEWSGRAPH_SHARED/data, else ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench import quote_metrics as qm
from bench.paths import shared_data
from bench.timing import turn_by_turn
from newsgraph.model import Article, Document
from newsgraph.stages.actors import ActorsStage
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.quotes import QuotesStage

BASELINES = {
    "textacy": "pred_textacy_{split}.jsonl",
    "citron": "pred_citron_polnear_sm_{split}.jsonl",
}
ROWS = (
    ("all types", None),
    ("direct", {"direct"}),
    ("mixed", {"mixed"}),
    ("indirect", {"indirect"}),
)


def predict(texts: dict[str, str]) -> list[dict[str, Any]]:
    """newsgraph's quotes for each document, as scorer JSON."""
    nlp, actors, quotes = NlpStage(), ActorsStage(), QuotesStage()
    docs = (Document(id=k, article=Article(text=t)) for k, t in texts.items())
    out: list[dict[str, Any]] = []
    for done, doc in enumerate(nlp.pipe(docs), 1):
        doc = quotes(actors(doc))
        out.append({"doc_id": doc.id, "quotes": [_as_json(q) for q in doc.quotes]})
        if sys.stderr.isatty():
            print(f"\rnewsgraph {done}/{len(texts)}", end="", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return out


def _as_json(q: Any) -> dict[str, Any]:
    spans = [[p.start, p.end] for p in q.parts] or [[q.start, q.end]]
    return {
        "quote_start": q.start,
        "quote_end": q.end,
        "quote_spans": spans,
        "speaker": q.speaker_text,
        "cue": q.cue,
        "cue_start": q.cue_start,
        "cue_end": q.cue_end,
        "type": q.kind,
    }


def textacy_finder() -> Callable[[Any], Iterable[Any]] | None:
    """textacy's direct-quotation finder (``direct_quotations``: a parsed spaCy doc in,
    (speaker tokens, cue tokens, content span) triples out), or None when textacy is not
    installed (``pip install -e '.[bench]'``)."""
    try:
        from textacy.extract.triples import (  # type: ignore[import-not-found,unused-ignore]
            direct_quotations,
        )
    except ImportError:
        return None
    finder: Callable[[Any], Iterable[Any]] = direct_quotations
    return finder


def textacy_triples(extract: Callable[[Any], Iterable[Any]], parsed: Any) -> list[Any] | None:
    """textacy's quotations in a parsed doc, or None when it gives up on the doc: it raises
    ValueError on a document with an unclosed quotation mark."""
    try:
        return list(extract(parsed))
    except ValueError:
        return None


def speeds(texts: list[str], rounds: int = 2, batch: int = 16) -> dict[str, float]:
    """Characters per CPU-second, parse included, on the same texts, of: newsgraph (nlp +
    actors + quotes), spaCy's parse alone, and textacy's direct quotations (when installed)
    over the full spaCy pipeline and over the pipeline without NER (the fastest setting that
    still finds all of textacy's quotes: it needs lemmas, not entities). The runners take
    turns batch by batch and each batch's fastest time counts, so load hits all alike."""
    nlp_stage, actors, quotes = NlpStage(), ActorsStage(), QuotesStage()
    extract = textacy_finder()
    from newsgraph.stages.nlp.loader import load_model

    nlp = load_model()  # the same model newsgraph uses, all its components (textacy needs lemmas)
    list(nlp.pipe(texts[:1]))

    def ours(part: list[str]) -> None:
        for doc in nlp_stage.pipe(Document(id="t", article=Article(text=t)) for t in part):
            quotes(actors(doc))

    def parse(part: list[str]) -> None:
        for _ in nlp.pipe(part):
            pass

    def textacy(disable: list[str]) -> Callable[[list[str]], None]:
        def run(part: list[str]) -> None:
            assert extract is not None
            for parsed in nlp.pipe(part, disable=disable):
                textacy_triples(extract, parsed)

        return run

    runners: dict[str, Callable[[list[str]], object]] = {"newsgraph": ours, "spaCy parse": parse}
    if extract is not None:
        runners["textacy"] = textacy([])
        runners["textacy, no NER"] = textacy(["ner"])
    cpu = turn_by_turn(texts, runners, batch=batch, rounds=rounds)
    chars = sum(map(len, texts))
    return {name: chars / s for name, s in cpu.items()}


def table(scores: dict[str, dict[str, qm.Metrics]]) -> list[str]:
    tools = list(scores)
    lines = [
        "| quotes | " + " | ".join(f"{t} match P/R/F1 | {t} attribution F1" for t in tools) + " |",
        "|---|" + "---:|---:|" * len(tools),
    ]
    for label, _ in ROWS:
        cells = []
        for t in tools:
            m = scores[t][label]
            c, a = m["content.match"], m["attribution"]
            cells.append(f"{c['P']:.3f}/{c['R']:.3f}/{c['F1']:.3f} | {a['F1']:.3f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.quotes", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("test", "dev", "train"), default="test")
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder")
    ap.add_argument("--save", type=Path, default=None, help="write newsgraph's predictions here")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    data = args.data or shared_data()
    gold_path = data / "quotes" / "polnear" / f"gold_{args.split}.jsonl"
    if not gold_path.is_file():
        print(f"bench.quotes: {gold_path} not found (use --data DIR)", file=sys.stderr)
        return 2
    gold = qm.load_jsonl(gold_path)
    texts = qm.load_texts(gold_path)
    preds = predict(texts)
    if args.save:
        args.save.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    runs: dict[str, dict[str, list[qm.Quote]]] = {
        "newsgraph": {p["doc_id"]: [qm.quote_from_json(q) for q in p["quotes"]] for p in preds}
    }
    for name, pattern in BASELINES.items():
        path = data / "quotes" / "baselines" / pattern.format(split=args.split)
        if path.is_file():
            runs[name] = qm.load_jsonl(path)
    scores = {
        name: {label: qm.score(gold, pred, texts, trim=True, types=types) for label, types in ROWS}
        for name, pred in runs.items()
    }
    chars = sum(map(len, texts.values()))
    rates = speeds(list(texts.values()))
    result = {
        "split": args.split,
        "documents": len(texts),
        "characters": chars,
        "scores": scores,
        "chars_per_cpu_s": rates,
    }
    if args.json:
        print(json.dumps(result, indent=2, default=float))
        return 0
    n_gold = sum(len(v) for v in gold.values())
    print(
        f"PolNeAR {args.split}: {len(texts)} articles, {n_gold} gold quotes; "
        "scored by bench.quote_metrics (= score_quotes.py --trim)"
    )
    for line in table(scores):
        print(line)
    print("speed, characters per CPU-second on the same texts (parse included):")
    for name, rate in rates.items():
        print(f"  {name:<16} {rate:>8,.0f}")
    if "textacy" not in rates:
        print("  textacy          not measured (not installed here: pip install -e '.[bench]')")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
