"""Benchmark the ``actors`` stage: CAMEO actor coding and speed.

    python -m bench.actors [--data DIR] [--texts N] [--json] [--actors FILE ...]

* NGEC actor tests (``events/ngec/ngec_actor_tests.jsonl``, 387 cases): country and
  sector (first role code) accuracy of ``code_actor`` on each case's text, context and date.
  The 49 ``query_wiki`` cases test a Wikipedia lookup, which newsgraph does not have; they
  are counted and reported as not scored.
* PLOVER gold sentences (``events/plover_gsr_gold.jsonl``): each sentence runs through
  ``nlp`` + ``actors``; the code of the entity mentioned at each event's ``source_text`` /
  ``target_text`` is compared with the gold source/target code, by country prefix and in
  full. Known gold defects are read as the README says (JAP/ITL/VTN = JPN/ITA/VNM).
* Speed: words per CPU-second of ``nlp`` + ``actors`` beside spaCy's parse alone (the same
  model, ``nlp.pipe`` over the whole texts), on the same texts, in the same run; and the
  process's peak memory.

Data: --data DIR, else $NEWSGRAPH_SHARED/data, else ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any

from bench.paths import shared_data
from bench.timing import turn_by_turn
from newsgraph.model import Article, Document
from newsgraph.stages.actors import ActorsStage, code_actor
from newsgraph.stages.actors.coder import INTERNATIONAL, country_of
from newsgraph.stages.actors.dictionaries import read_actor_dictionaries
from newsgraph.stages.actors.names import fold
from newsgraph.stages.actors.tables import tokens_of
from newsgraph.stages.extract import normalise_date
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.nlp.loader import available_model, load_model

GOLD_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass
class Tally:
    n: int = 0
    ok: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, good: bool, what: str, gold: str, pred: str) -> None:
        self.n += 1
        self.ok += good
        if not good:
            self.misses.append((what, gold, pred))

    @property
    def accuracy(self) -> float:
        return self.ok / self.n if self.n else 0.0


def _case_date(raw: str | None) -> str | None:
    if not raw:
        return None
    if raw.strip().lower() == "today":
        return _date.today().isoformat()
    return normalise_date(raw)


# A coder takes (phrase, context, date) and gives a CAMEO code ("" for none).
Coder = Callable[[str, str | None, str | None], str]


def newsgraph_coder(dictionaries: tuple[str, ...]) -> Coder:
    def run(text: str, context: str | None, when: str | None) -> str:
        coding = code_actor(text, context=context, date=when, dictionaries=dictionaries)
        return coding.code or ""

    return run


def split_code(code: str) -> tuple[str, str]:
    """(country slot, first role) of a code, as NGEC's tests read them: an international
    organisation's code goes where the country goes."""
    country = country_of(code)
    if country:
        return country, code[3:6]
    return (code[:3] if code[:3] in INTERNATIONAL else ""), code[:3]


def run_ngec(path: Path, coder: Coder) -> dict[str, Any]:
    country, sector = Tally(), Tally()
    methods: Counter[str] = Counter()
    not_scored = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        method, args, expect = case["method"], case["args"], case["expect"]
        methods[method] += 1
        if method == "query_wiki":
            not_scored += 1
            continue
        text = args[0]
        context = args[1] if len(args) > 1 and args[1] else None
        when = _case_date(args[2]) if len(args) > 2 else None
        pred_country, pred_role = split_code(coder(text, context, when))
        gold_country = expect.get("code[country]", expect.get("cc"))
        if gold_country is not None:
            country.add(pred_country == gold_country, text, gold_country, pred_country)
        elif "code[country] !=" in expect:
            bad = expect["code[country] !="]
            country.add(pred_country != bad, text, f"not {bad}", pred_country)
        if "code[code_1]" in expect:
            gold_role = expect["code[code_1]"]
            sector.add(pred_role == gold_role, text, gold_role, pred_role)
    return {
        "cases": sum(methods.values()),
        "methods": dict(methods),
        "not_scored_wikipedia": not_scored,
        "country": {"n": country.n, "accuracy": country.accuracy},
        "sector": {"n": sector.n, "accuracy": sector.accuracy},
        "_misses": {"country": country.misses, "sector": sector.misses},
    }


def _norm(code: str) -> str:
    code = code.upper()
    return GOLD_FIXES.get(code[:3], code[:3]) + code[3:]


def _doc_for(text: str, published: str | None) -> Document:
    return Document(id="bench", article=Article(text=text, published=published))


def _records(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        yield json.loads(line)


def _gold_actors(rec: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(side, gold code, actor span as written) of each event's source and target."""
    for ev in rec["events"]:
        for side in ("source", "target"):
            gold, span_text = ev.get(side) or "", ev.get(f"{side}_text") or ""
            if gold and span_text:
                yield side, _norm(gold), span_text


def run_gsr(path: Path, dictionaries: tuple[str, ...]) -> dict[str, Any]:
    nlp_stage = NlpStage()
    actors = ActorsStage(dictionaries=dictionaries)
    prefix, full = Tally(), Tally()
    by_side: dict[str, Tally] = {"source": Tally(), "target": Tally()}
    found_by = Counter[str]()
    for rec in _records(path):
        text = rec["text"]
        # Every sentence carries the same placeholder date (2000-01-01), not the date of its
        # story, so no date is passed: a person is coded by their latest office.
        doc = actors(nlp_stage(_doc_for(text, None)))
        spans = [(m.start, m.end, e.code or "") for e in doc.entities for m in e.mentions]
        for side, gold, span_text in _gold_actors(rec):
            at = text.find(span_text)
            if at < 0:
                at = text.lower().find(span_text.lower())
            end = at + len(span_text)
            hits = [s for s in spans if s[0] < end and at < s[1]] if at >= 0 else []
            if hits:  # the entity mentioned at the span: most overlap, then the shortest
                best = max(hits, key=lambda s: (min(end, s[1]) - max(at, s[0]), s[0] - s[1]))
                pred, how = best[2], "entity"
            else:
                pred, how = _fallback(span_text, None), "phrase"
            found_by[how] += 1
            pred = pred.upper()
            what = f"{rec['id']} {side} {span_text!r}"
            prefix.add(pred[:3] == gold[:3], what, gold, pred)
            full.add(pred == gold, what, gold, pred)
            by_side[side].add(pred[:3] == gold[:3], what, gold, pred)
    return {
        "actors": prefix.n,
        "country_prefix": {"accuracy": prefix.accuracy},
        "full_code": {"accuracy": full.accuracy},
        "source_prefix": by_side["source"].accuracy,
        "target_prefix": by_side["target"].accuracy,
        "coded_from": dict(found_by),
        "_misses": {"prefix": prefix.misses, "full": full.misses},
    }


def run_gsr_phrases(path: Path, coder: Coder) -> dict[str, Any]:
    """Code each gold actor span on its own (what a dictionary coder sees)."""
    prefix, full = Tally(), Tally()
    for rec in _records(path):
        for side, gold, span_text in _gold_actors(rec):
            pred = coder(span_text, None, None).upper()
            what = f"{rec['id']} {side} {span_text!r}"
            prefix.add(pred[:3] == gold[:3], what, gold, pred)
            full.add(pred == gold, what, gold, pred)
    return {
        "actors": prefix.n,
        "country_prefix": {"accuracy": prefix.accuracy},
        "full_code": {"accuracy": full.accuracy},
    }


class DictionaryBaseline:
    """PETRARCH-style lookup with the dictionaries PETRARCH users have: the longest actor
    phrase of the Phoenix actor dictionaries gives the code; a 3-letter (country) code takes
    the role of the longest phrase of ``Phoenix.agents.txt``. No rules beyond that."""

    name = "Phoenix dictionaries (longest match)"

    def __init__(self, folder: Path) -> None:
        files = sorted(folder.glob("Phoenix.*.actors.txt"))
        self.actors = read_actor_dictionaries([str(f) for f in files])
        self.agents: dict[tuple[str, ...], str] = {}
        agent_line = re.compile(r"^([^#\[!{]+?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})")
        for raw in (folder / "Phoenix.agents.txt").read_text("utf-8", "replace").splitlines():
            m = agent_line.match(raw.strip())
            if m:
                words = tuple(fold(w) for w in tokens_of(m.group(1).strip("_ ")))
                self.agents.setdefault(words, m.group(2))
        self.longest_agent = max(map(len, self.agents), default=1)

    def __call__(self, text: str, context: str | None, when: str | None) -> str:
        words = tokens_of(text)
        hits = list(self.actors.find_all(words, proper=False))
        code = ""
        if hits:
            entries = max(hits, key=lambda h: h[1] - h[0])[2]
            code = entries[0].code_on(when) or entries[0].code_on(None) or ""
        if len(code) <= 3:
            role = self._agent(words)
            if role:
                code = code + role
        return code

    def _agent(self, words: list[str]) -> str:
        folded = [fold(w) for w in words]
        best = ""
        best_len = 0
        for i in range(len(folded)):
            for n in range(min(self.longest_agent, len(folded) - i), 0, -1):
                for key in (
                    tuple(folded[i : i + n]),
                    (*folded[i : i + n - 1], folded[i + n - 1].rstrip("s")),
                ):
                    role = self.agents.get(key)
                    if role and n > best_len:
                        best, best_len = role, n
        return best


def _fallback(text: str, when: str | None) -> str:
    return code_actor(text, date=when).code or ""


def _texts(data: Path, limit: int) -> list[str]:
    """Real news texts for timing: PolNeAR dev (a tuning split), else the extraction
    benchmarks' ground-truth bodies."""
    polnear = data / "quotes" / "polnear" / "gold_dev.jsonl"
    out: list[str] = []
    if polnear.is_file():
        for line in polnear.read_text(encoding="utf-8").splitlines():
            out.append(json.loads(line)["text"])
    return out[:limit]


def run_speed(texts: list[str], dictionaries: tuple[str, ...], rounds: int = 3) -> dict[str, Any]:
    """CPU time of both on the same texts, batch by batch (one batch is ``nlp.pipe``'s
    batch): newsgraph and spaCy take turns on each batch, each batch is timed ``rounds``
    times and its fastest time counts, so that load on the machine hits both alike."""
    nlp = load_model()  # the plain model, as spaCy users run it
    nlp_stage = NlpStage()
    actors = ActorsStage(dictionaries=dictionaries)
    words = sum(len(t.split()) for t in texts)
    # warm both paths (lexicon build, model caches) before timing
    actors(nlp_stage(_doc_for(texts[0], None)))
    list(nlp.pipe(texts[:2]))
    size = nlp_stage.batch_size

    def ours(part: list[str]) -> None:
        for doc in nlp_stage.pipe(_doc_for(t, None) for t in part):
            actors(doc)

    def parse(part: list[str]) -> None:
        for _d in nlp.pipe(part, batch_size=size):
            pass

    cpu = turn_by_turn(texts, {"ours": ours, "parse": parse}, batch=size, rounds=rounds)
    parse_rate = words / cpu["parse"]
    ours_rate = words / cpu["ours"]
    return {
        "texts": len(texts),
        "words": words,
        "model": available_model(),
        "spacy_parse_words_per_cpu_s": parse_rate,
        "nlp_actors_words_per_cpu_s": ours_rate,
        "ratio": ours_rate / parse_rate,
    }


def peak_memory_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.actors", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder")
    ap.add_argument("--texts", type=int, default=84, help="texts for the speed test")
    ap.add_argument(
        "--actors",
        nargs="+",
        default=[],
        metavar="FILE",
        help="actor dictionaries to load as user dictionaries",
    )
    ap.add_argument("--misses", type=int, default=0, help="print N misses per measure")
    ap.add_argument(
        "--no-baseline", action="store_true", help="skip the Phoenix dictionary baseline"
    )
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    data = args.data or shared_data()
    ngec = data / "events" / "ngec" / "ngec_actor_tests.jsonl"
    gsr = data / "events" / "plover_gsr_gold.jsonl"
    if not ngec.is_file() or not gsr.is_file():
        print(f"bench.actors: data not found under {data} (use --data DIR)", file=sys.stderr)
        return 2
    dictionaries = tuple(args.actors)
    results: dict[str, Any] = {"dictionaries": list(dictionaries)}
    results["ngec"] = run_ngec(ngec, newsgraph_coder(dictionaries))
    results["plover_gsr"] = run_gsr(gsr, dictionaries)
    results["plover_gsr_spans_alone"] = run_gsr_phrases(gsr, newsgraph_coder(dictionaries))
    phoenix = data / "events" / "petrarch2" / "dictionaries"
    if not args.no_baseline and (phoenix / "Phoenix.agents.txt").is_file():
        base = DictionaryBaseline(phoenix)
        b_ngec = run_ngec(ngec, base)
        b_ngec.pop("_misses")
        results["baseline"] = {
            "name": base.name,
            "ngec": b_ngec,
            "plover_gsr": run_gsr_phrases(gsr, base),
        }
    texts = _texts(data, args.texts)
    if texts:
        results["speed"] = run_speed(texts, dictionaries)
    results["peak_memory_mb"] = peak_memory_mb()
    misses = {k: results[k].pop("_misses") for k in ("ngec", "plover_gsr")}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    n, g = results["ngec"], results["plover_gsr"]
    print(f"newsgraph actors benchmark  (dictionaries: {', '.join(dictionaries) or 'none'})")
    print(
        f"NGEC actor tests: {n['cases']} cases; {n['not_scored_wikipedia']} query_wiki cases "
        "not scored (they need a Wikipedia index)"
    )
    print(f"  country accuracy  {n['country']['accuracy']:.3f}  (n={n['country']['n']})")
    print(f"  sector accuracy   {n['sector']['accuracy']:.3f}  (n={n['sector']['n']})")
    print(
        f"PLOVER gold sentences: {g['actors']} source/target actors (coded from: {g['coded_from']})"
    )
    print(
        f"  country prefix    {g['country_prefix']['accuracy']:.3f}  "
        f"(source {g['source_prefix']:.3f}, target {g['target_prefix']:.3f})"
    )
    print(f"  full code         {g['full_code']['accuracy']:.3f}")
    alone = results["plover_gsr_spans_alone"]
    print(
        f"  each span coded alone, without its sentence: country prefix "
        f"{alone['country_prefix']['accuracy']:.3f}, full code {alone['full_code']['accuracy']:.3f}"
    )
    if "baseline" in results:
        bl = results["baseline"]
        bn, bg = bl["ngec"], bl["plover_gsr"]
        print(f"Baseline, {bl['name']}, same cases:")
        print(
            f"  NGEC country {bn['country']['accuracy']:.3f}  sector "
            f"{bn['sector']['accuracy']:.3f}   PLOVER gold (each span coded alone): "
            f"country prefix {bg['country_prefix']['accuracy']:.3f}  full code "
            f"{bg['full_code']['accuracy']:.3f}"
        )
    if "speed" in results:
        s = results["speed"]
        print(f"Speed on {s['texts']} PolNeAR dev texts ({s['words']} words, {s['model']}):")
        print(f"  spaCy parse alone   {s['spacy_parse_words_per_cpu_s']:8.0f} words/CPU-s")
        print(
            f"  nlp + actors        {s['nlp_actors_words_per_cpu_s']:8.0f} words/CPU-s  "
            f"({s['ratio']:.0%} of the parse alone)"
        )
    print(
        "Peak memory of the whole run (newsgraph, spaCy and the scoring): "
        f"{results['peak_memory_mb']:.0f} MB"
    )
    if args.misses:
        for bench, kinds in misses.items():
            for kind, rows in kinds.items():
                print(f"-- {bench} {kind} misses ({len(rows)}):")
                for what, gold, pred in rows[: args.misses]:
                    print(f"   {what}: gold {gold!r} got {pred!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
