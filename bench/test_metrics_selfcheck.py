"""Self-checks of the benchmark scorers on tiny hand-computed examples."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

from bench import extraction
from bench.metrics import (
    MetaGold,
    MetaPrediction,
    SnippetGold,
    WcxbGold,
    fundus_paragraphs,
    lcs_indices,
    reference_variants,
    rouge_lsum,
    rouge_tokenize,
    score_fundus,
    score_metadata,
    score_scrapinghub,
    score_snippets,
    score_wcxb,
    shingles,
    split_sentences,
    wcxb_word_prf,
)


# ----------------------------------------------------------------------------- scrapinghub
def test_shingles_counts_and_short_texts() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("  ,. ") == {}
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2


def test_scrapinghub_identical_and_disjoint() -> None:
    gold = {"p": "one two three four five six"}
    same = score_scrapinghub(gold, {"p": gold["p"]})
    assert (same.precision, same.recall, same.f1) == (1.0, 1.0, 1.0)
    assert same.extra["accuracy"] == 1.0
    other = score_scrapinghub(gold, {"p": "seven eight nine ten eleven"}, n_bootstrap=0)
    assert (other.precision, other.recall, other.f1) == (0.0, 0.0, 0.0)


def test_scrapinghub_page_means() -> None:
    # page a: gold has 2 shingles, prediction 1 of them -> P 1, R 1/2
    # page b: no prediction -> left out of the precision mean, recall 0
    gold = {"a": "a b c d e", "b": "w x y z"}
    s = score_scrapinghub(gold, {"a": "a b c d", "b": None}, n_bootstrap=20)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(0.25)
    assert s.f1 == pytest.approx(2 * 1.0 * 0.25 / 1.25)
    assert s.extra["accuracy"] == 0.0
    assert s.extra["f1_std"] >= 0.0


# ----------------------------------------------------------------------------- ROUGE
def test_rouge_tokenizer_semantics() -> None:
    assert rouge_tokenize("Hello, World! It's 3pm.") == ["hello", "world", "it", "s", "3pm"]
    assert rouge_tokenize("Café—naïve") == ["caf", "na", "ve"]
    assert rouge_tokenize(" -- ") == []


def test_lcs_indices() -> None:
    assert lcs_indices(list("abcd"), list("acdb")) == [0, 2, 3]
    assert lcs_indices(list("abc"), list("xyz")) == []
    assert lcs_indices([], list("abc")) == []
    # ties: read back from the end, stepping up unless left is strictly longer
    assert lcs_indices(list("ab"), list("ba")) == [0]


def test_rouge_lsum_paper_example() -> None:
    # Lin (2004), section 3.2: r = w1..w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5;
    # union LCS = w1 w2 w3 w5 -> 4 hits; R = 4/5, P = 4/10.
    ref = [["w1", "w2", "w3", "w4", "w5"]]
    cand = [["w1", "w2", "w6", "w7", "w8"], ["w1", "w3", "w8", "w9", "w5"]]
    p, r, f = rouge_lsum(ref, cand)
    assert (p, r) == pytest.approx((0.4, 0.8))
    assert f == pytest.approx(2 * 0.4 * 0.8 / 1.2)


def test_rouge_lsum_identical_disjoint_empty() -> None:
    sents = [["the", "cat", "sat"], ["on", "the", "mat"]]
    assert rouge_lsum(sents, sents) == (1.0, 1.0, 1.0)
    assert rouge_lsum(sents, [["dogs", "bark"]]) == (0.0, 0.0, 0.0)
    assert rouge_lsum(sents, []) == (0.0, 0.0, 0.0)


def test_rouge_lsum_counts_each_token_once() -> None:
    # "a" occurs once in the candidate: two reference sentences cannot both hit it
    p, r, _ = rouge_lsum([["a"], ["a"]], [["a"]])
    assert (p, r) == (1.0, 0.5)


def test_reference_variants_order_and_cap() -> None:
    body = ["a", "[b]", "c", "[d]"]
    assert list(reference_variants(body)) == [
        ["a", "b", "c", "d"],
        ["a", "c", "d"],
        ["a", "b", "c"],
        ["a", "c"],
    ]
    many = ["x"] + [f"[o{i}]" for i in range(5)]
    assert list(reference_variants(many)) == [["x", "o0", "o1", "o2", "o3", "o4"], ["x"]]


def test_fundus_paragraphs() -> None:
    assert fundus_paragraphs(" one  two \n\n\tthree\n") == ["one two", "three"]
    assert fundus_paragraphs(None) == []


def test_sentence_splitter_knows_abbreviations() -> None:
    pytest.importorskip("nltk")
    assert split_sentences("Mr. Smith went home. He slept.") == [
        "Mr. Smith went home.",
        "He slept.",
    ]


def test_score_fundus_optional_paragraph() -> None:
    pytest.importorskip("nltk")
    gold = {"x": ["The minister spoke on Monday.", "[Photo: a caption.]"]}
    per: dict[str, tuple[float, float, float]] = {}
    s = score_fundus(gold, {"x": "The minister spoke on Monday."}, per_article=per)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert per["x"] == (1.0, 1.0, 1.0)
    assert s.extra["paragraph_f1"] == 1.0
    empty = score_fundus(gold, {"x": None})
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert math.isnan(empty.extra["paragraph_f1"])


# ----------------------------------------------------------------------------- snippets
def test_snippets_micro_counts() -> None:
    gold = {
        "p": SnippetGold(with_=("hello world",), without=("menu",)),
        "q": SnippetGold(with_=("text",), without=("footer",)),
    }
    s = score_snippets(gold, {"p": "hello\n  world menu", "q": None})
    assert s.extra["tp"] == 1 and s.extra["fp"] == 1
    assert s.extra["fn"] == 1 and s.extra["tn"] == 1
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.f1 == pytest.approx(0.5)
    assert s.extra["accuracy"] == 0.5


# ----------------------------------------------------------------------------- WCXB
def test_wcxb_word_prf() -> None:
    assert wcxb_word_prf("the cat sat", "The cat sat on the mat") == pytest.approx((1, 0.5, 2 / 3))
    assert wcxb_word_prf("", "") == (1.0, 1.0, 1.0)
    assert wcxb_word_prf("x", "") == (0.0, 0.0, 0.0)
    assert wcxb_word_prf("", "x") == (0.0, 0.0, 0.0)


def test_score_wcxb_macro() -> None:
    meta = MetaGold("", "", "")
    gold = {
        "a": WcxbGold("alpha beta", ("alpha",), ("menu",), meta),
        "b": WcxbGold("gamma delta", ("gamma",), (), meta),
    }
    s = score_wcxb(gold, {"a": "Alpha beta menu", "b": None})
    assert s.precision == pytest.approx((2 / 3 + 0) / 2)
    assert s.recall == pytest.approx(0.5)
    assert s.extra["with_rate"] == 0.5
    assert s.extra["without_rate"] == 1.0  # page a found its one "without"; page b has none


def test_score_metadata() -> None:
    gold = {
        "a": MetaGold("The  Title", "Jane Doe", "2024-01-02"),
        "b": MetaGold("", "", ""),
    }
    preds = {
        "a": MetaPrediction("the title", "Jane Doe, John Roe", "2024-01-02T10:00:00"),
        "b": MetaPrediction("Anything"),
    }
    m = score_metadata(gold, preds)
    assert m["title_exact"] == 0.5  # page b has no gold title: a miss for everyone
    assert m["author_f1"] == pytest.approx(2 / 3)
    assert m["author_exact"] == 0.0 and m["author_coverage"] == 1.0
    assert m["date_exact"] == 1.0 and m["pages_with_date"] == 1.0
    none = score_metadata(gold, {})
    assert none["title_exact"] == 0.0 and none["date_coverage"] == 0.0


# ----------------------------------------------------------------------------- CLI
def test_missing_data_dir_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert extraction.main(["--data", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err.strip()
    assert "not found" in err and "\n" not in err


def test_saved_predictions_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "data" / "scrapinghub_aeb"
    (root / "html").mkdir(parents=True)
    gold = {"p1": "a b c d e", "p2": "w x y z"}
    truth = {k: {"articleBody": v, "url": f"https://example.org/{k}"} for k, v in gold.items()}
    (root / "ground-truth.json").write_text(json.dumps(truth))
    for k in gold:
        (root / "html" / f"{k}.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    preds = tmp_path / "out"
    preds.mkdir()
    with gzip.open(preds / "mine.scrapinghub.json.gz", "wt", encoding="utf-8") as f:
        json.dump({"p1": "a b c d", "p2": None}, f)
    out_json = tmp_path / "res.json"
    argv = ["--data", str(tmp_path / "data"), "--bench", "scrapinghub", "--pred"]
    argv += [f"mine={preds}", "--json", str(out_json), "--n-bootstrap", "0"]
    assert extraction.main(argv) == 0
    doc = json.loads(out_json.read_text())
    (res,) = doc["results"]
    assert res["tool"] == "mine" and res["precision"] == 1.0
    assert res["recall"] == pytest.approx(0.25)
    assert "| scrapinghub_aeb | 2 |" in capsys.readouterr().out
