"""Self-check: quote_metrics must reproduce shared/tools/score_quotes.py figure for figure.

The reference is run as a subprocess (``--json``) on the PolNeAR dev gold and the dev baselines,
and on randomly generated documents that exercise its corner cases. Only dev files are scored:
the test split is report-only and is never opened here.

Tests that need the shared folder ($NEWSGRAPH_SHARED, default: ``shared`` next to the repo root)
skip when it is absent.
"""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import quote_metrics as qm


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", _repo_root().parent / "shared"))
REFERENCE = SHARED / "tools" / "score_quotes.py"
GOLD_DEV = SHARED / "data" / "quotes" / "polnear" / "gold_dev.jsonl"
BASELINES = SHARED / "data" / "quotes" / "baselines"
DEV_PREDICTIONS = ("pred_textacy_dev.jsonl", "pred_citron_polnear_sm_dev.jsonl")

needs_reference = pytest.mark.skipif(
    not REFERENCE.is_file(),
    reason=f"reference scorer not found at {REFERENCE}: the shared folder is absent "
    "(set NEWSGRAPH_SHARED to point at it)",
)

# (test id, reference CLI options besides --json, keyword arguments for qm.score)
CASES: list[tuple[str, list[str], dict[str, Any]]] = [
    ("all", ["--trim"], {}),
    ("direct", ["--trim", "--types", "direct"], {"types": {"direct"}}),
    ("direct+mixed", ["--trim", "--types", "direct,mixed"], {"types": {"direct", "mixed"}}),
    ("mixed", ["--trim", "--types", "mixed"], {"types": {"mixed"}}),
    ("indirect", ["--trim", "--types", "indirect"], {"types": {"indirect"}}),
    ("cue-groups", ["--trim", "--group-by-cue"], {"group_by_cue": True}),
    (
        "cue-groups-direct",
        ["--trim", "--group-by-cue", "--types", "direct"],
        {"group_by_cue": True, "types": {"direct"}},
    ),
    ("min-overlap", ["--trim", "--min-overlap", "0.3"], {"min_overlap": 0.3}),
    ("by-name", ["--trim", "--speaker-by-name"], {"speaker_by_name": True}),
    ("untrimmed", [], {"trim": False}),
]
CASE_IDS = [case[0] for case in CASES]

# Names of the reference's internal tallies behind each accuracy (from its "counts" output).
ACCURACY_COUNTS = {
    "speaker.accuracy": ("spk_ok", "spk_n"),
    "speaker.exact": ("spk_ex_ok", "spk_ex_n"),
    "cue.accuracy": ("cue_ok", "cue_n"),
}
OVERLAP_COUNTS = ("overlap_chars", "pred_chars", "gold_chars")


def _dev_only(path: Path) -> Path:
    if "test" in path.name:
        raise AssertionError(f"refusing to score {path}: the test split is report-only")
    return path


def _reference(gold: Path, pred: Path, options: list[str]) -> dict[str, Any]:
    command = [sys.executable, str(REFERENCE), str(gold), str(pred), "--json", *options]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, f"reference failed: {done.stderr}"
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _assert_close(ours: float, theirs: float, what: str) -> None:
    assert abs(ours - theirs) <= 1e-9, f"{what}: ours {ours!r} != reference {theirs!r}"


def _assert_same(ours: qm.Metrics, ref: dict[str, Any]) -> None:
    """Counts must agree exactly; ratios both before and after the reference's rounding."""
    shown = qm.rounded(ours)
    for name in qm.COUNT_METRICS:
        for key in ("tp", "pred", "gold"):
            assert ours[name][key] == ref[name][key], f"{name}.{key}"
        tp, n_pred, n_gold = (int(ref[name][k]) for k in ("tp", "pred", "gold"))
        exact = {
            "P": tp / n_pred if n_pred else 0.0,
            "R": tp / n_gold if n_gold else 0.0,
            "F1": 2 * tp / (n_pred + n_gold) if tp else 0.0,
        }
        for key in ("P", "R", "F1"):
            _assert_close(shown[name][key], ref[name][key], f"{name}.{key} (rounded)")
            _assert_close(ours[name][key], exact[key], f"{name}.{key} (from reference counts)")
    overlap = ours["content.overlap"]
    for key in OVERLAP_COUNTS:
        assert overlap[key] == ref["content.overlap"][key], f"content.overlap.{key}"
    for key in ("P", "R", "F1"):
        _assert_close(shown["content.overlap"][key], ref["content.overlap"][key], key)
    inter, n_pred, n_gold = (int(ref["content.overlap"][k]) for k in OVERLAP_COUNTS)
    _assert_close(overlap["P"], inter / n_pred if n_pred else 0.0, "content.overlap.P")
    _assert_close(overlap["R"], inter / n_gold if n_gold else 0.0, "content.overlap.R")
    for name, (ok_key, n_key) in ACCURACY_COUNTS.items():
        correct = ref["counts"].get(ok_key, 0)
        n = ref["counts"].get(n_key, 0)
        assert (ours[name]["correct"], ours[name]["n"]) == (correct, n), name
        if ref[name] is None:
            assert math.isnan(ours[name]["accuracy"]), name
        else:
            _assert_close(shown[name]["accuracy"], ref[name], f"{name} (rounded)")
            _assert_close(ours[name]["accuracy"], correct / n, f"{name} (from reference counts)")


# --------------------------------------------------------------------------------------------
# PolNeAR dev against the dev baselines


@pytest.fixture(scope="module")
def gold_dev() -> tuple[dict[str, list[qm.Quote]], dict[str, str]]:
    if not GOLD_DEV.is_file():
        pytest.skip(f"PolNeAR dev gold not found at {GOLD_DEV} (shared folder absent?)")
    path = _dev_only(GOLD_DEV)
    return qm.load_jsonl(path), qm.load_texts(path)


@needs_reference
@pytest.mark.parametrize("pred_name", DEV_PREDICTIONS)
@pytest.mark.parametrize(("case", "options", "kwargs"), CASES, ids=CASE_IDS)
def test_matches_reference_on_polnear_dev(
    gold_dev: tuple[dict[str, list[qm.Quote]], dict[str, str]],
    pred_name: str,
    case: str,
    options: list[str],
    kwargs: dict[str, Any],
) -> None:
    pred_path = _dev_only(BASELINES / pred_name)
    if not pred_path.is_file():
        pytest.skip(f"baseline predictions not found: {pred_path}")
    gold, texts = gold_dev
    ours = qm.score(gold, qm.load_jsonl(pred_path), texts, **kwargs)
    _assert_same(ours, _reference(GOLD_DEV, pred_path, options))


# --------------------------------------------------------------------------------------------
# Random documents aimed at the reference's corner cases

_ALPHABET = "abcdefgh  \t\n\r\u00a0.,;:!?'\"\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u201a-"
_NAMES = [
    "Mr. Smith",
    "John Smith",
    "the president",
    "Smith",
    "Jones",
    "a spokesman",
    "Dr. Who",
    "Dr.",
    "",
    "  ",
    "O'Neil",
    "Ms. Jones-Smith",
    None,
]
_CUES = ["said", "Said", "told reporters", "the", "added", "", None]


def _span(rng: random.Random, size: int, max_len: int = 25) -> list[int]:
    start = rng.randrange(size)
    length = rng.randrange(0, 3) if rng.random() < 0.25 else rng.randrange(0, max_len)
    return [start, min(size, start + length)]


def _random_quote(rng: random.Random, size: int, gold: bool) -> dict[str, Any]:
    quote: dict[str, Any] = {}
    spans = [_span(rng, size) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    if rng.random() < 0.6:
        quote["quote_spans"] = spans
        first, last = min(spans), max(spans)
        quote["quote_start"], quote["quote_end"] = first[0], last[1]
    else:
        if rng.random() < 0.2:
            quote["quote_spans"] = []  # empty list: start/end are used
        quote["quote_start"], quote["quote_end"] = spans[0]
    quote["speaker"] = rng.choice(_NAMES)
    if rng.random() < 0.6:
        quote["speaker_start"], quote["speaker_end"] = _span(rng, size, 8)
    quote["cue"] = rng.choice(_CUES)
    if rng.random() < 0.6:
        quote["cue_start"], quote["cue_end"] = _span(rng, size, 6)
    if gold:
        kind = rng.choice(["direct", "mixed", "indirect", None])
        if kind is not None:
            quote["type"] = kind
        if rng.random() < 0.3:
            quote["speaker_aliases"] = rng.sample([n for n in _NAMES if n], 2)
        if rng.random() < 0.2:
            quote["speaker_full"] = rng.choice([n for n in _NAMES if n])
    return quote


def _variant(rng: random.Random, gold_quote: dict[str, Any], size: int) -> dict[str, Any]:
    """A prediction derived from a gold quote: copied, shifted, or with another speaker/cue."""
    quote = {k: v for k, v in gold_quote.items() if k not in ("type", "speaker_aliases")}
    if rng.random() < 0.5:
        shift = rng.choice([-2, -1, 1, 2])
        start = max(0, min(size, int(quote["quote_start"]) + shift))
        quote["quote_start"] = start
        quote["quote_end"] = max(start, min(size, int(quote["quote_end"]) + shift))
        quote.pop("quote_spans", None)
    if rng.random() < 0.3:
        quote["speaker"] = rng.choice(_NAMES)
        quote.pop("speaker_start", None)
        quote.pop("speaker_end", None)
    if rng.random() < 0.3:
        quote["cue"] = rng.choice(_CUES)
    return quote


def _random_corpus(seed: int, gold_path: Path, pred_path: Path) -> None:
    rng = random.Random(seed)
    gold_lines: list[dict[str, Any]] = []
    pred_lines: list[dict[str, Any]] = []
    for doc in range(8):
        size = rng.randrange(30, 160)
        text = "".join(rng.choice(_ALPHABET) for _ in range(size))
        gold_quotes = [_random_quote(rng, size, gold=True) for _ in range(rng.randrange(0, 7))]
        pred_quotes = [_random_quote(rng, size, gold=False) for _ in range(rng.randrange(0, 5))]
        pred_quotes += [_variant(rng, q, size) for q in gold_quotes if rng.random() < 0.7]
        if pred_quotes and rng.random() < 0.5:  # duplicates and shared cues
            twin = dict(rng.choice(pred_quotes))
            pred_quotes.append(twin)
            for quote in rng.sample(pred_quotes, min(3, len(pred_quotes))):
                quote["cue_start"], quote["cue_end"] = (
                    twin.get("cue_start", 0),
                    twin.get("cue_end", 3),
                )
        rng.shuffle(pred_quotes)
        doc_id = f"doc{doc}"
        gold_doc: dict[str, Any] = {"doc_id": doc_id, "quotes": gold_quotes}
        if doc != 3:  # one document without text: no trimming, every character counts
            gold_doc["text"] = text
        gold_lines.append(gold_doc)
        if doc != 5:  # one gold document without predictions
            pred_lines.append({"doc_id": doc_id, "quotes": pred_quotes})
    pred_lines.append({"doc_id": "not-in-gold", "quotes": [{"quote_start": 0, "quote_end": 9}]})
    for path, lines in ((gold_path, gold_lines), (pred_path, pred_lines)):
        path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


@needs_reference
@pytest.mark.parametrize("seed", range(20))
def test_matches_reference_on_random_documents(seed: int, tmp_path: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    _random_corpus(seed, gold_path, pred_path)
    gold, pred, texts = qm.load_jsonl(gold_path), qm.load_jsonl(pred_path), qm.load_texts(gold_path)
    for case, options, kwargs in CASES:
        ours = qm.score(gold, pred, texts, **kwargs)
        try:
            _assert_same(ours, _reference(gold_path, pred_path, options))
        except AssertionError as err:
            raise AssertionError(f"seed {seed}, case {case}: {err}") from err


# --------------------------------------------------------------------------------------------
# Behaviour pinned without the reference


def _q(start: int, end: int, **fields: Any) -> qm.Quote:
    return qm.Quote(spans=((start, end),), **fields)


def test_equal_overlaps_go_to_the_later_prediction() -> None:
    gold = {"d": [_q(0, 10, speaker="Jones")]}
    pred = {"d": [_q(0, 5, speaker="Smith"), _q(5, 10, speaker="Jones")]}
    result = qm.score(gold, pred, None)
    assert result["content.match"]["tp"] == 1
    assert result["attribution"]["tp"] == 1  # the second prediction got the gold quote


def test_other_type_spans_are_not_trimmed() -> None:
    # The ignored gold quote is just ",", empty once trimmed; its raw span still hides the
    # prediction around it.
    text = "x, y"
    gold = {"d": [_q(1, 2, type="indirect")]}
    pred = {"d": [_q(0, 4)]}
    result = qm.score(gold, pred, {"d": text}, types={"direct"})
    assert result["content.match"]["pred"] == 0
    assert qm.score(gold, pred, {"d": text})["content.match"]["pred"] == 1


def test_trim_strips_only_its_own_characters() -> None:
    text = '"Yes!"\r'
    gold = {"d": [_q(1, 5)]}  # Yes!
    assert qm.score(gold, {"d": [_q(0, 7)]}, {"d": text})["content.exact"]["tp"] == 0  # \r stays
    assert qm.score(gold, {"d": [_q(0, 6)]}, {"d": text})["content.exact"]["tp"] == 1


def test_overlap_ignores_whitespace_only_when_text_is_known() -> None:
    gold = {"d": [_q(0, 5)]}
    pred = {"d": [_q(0, 5)]}
    with_text = qm.score(gold, pred, {"d": "a b c"}, trim=False)["content.overlap"]
    without = qm.score(gold, pred, None, trim=False)["content.overlap"]
    assert (with_text["gold_chars"], without["gold_chars"]) == (3, 5)


def test_merge_by_cue_keeps_first_quote_fields() -> None:
    first = _q(10, 20, speaker="A", cue="said", cue_span=(21, 25))
    second = _q(0, 5, speaker="B", cue="said", cue_span=(21, 25))
    merged = qm.merge_by_cue([first, _q(30, 40), second])
    assert merged[0].spans == ((0, 5), (10, 20))
    assert merged[0].speaker == "A"
    assert len(merged) == 2
