"""Scorers for the extraction benchmarks, each benchmark with its own published metric.

All functions take gold data and predictions keyed by page id; a missing prediction or ``None``
counts as "no output". Every metric is written here from its description; the numbers are
meant to agree with ``../shared/tools/score_extraction.py`` (checked with ``--pred``):

* ``score_scrapinghub`` -- ScrapingHub article-extraction-benchmark: ``\\w+`` tokens (case
  kept), 4-gram shingles with counts, per-page TP/FP/FN normalised to sum to 1, precision =
  mean over pages that predicted something, recall = mean over pages whose gold has text,
  F1 = harmonic mean of the two means; accuracy = identical token sequence; bootstrap std.
* ``score_fundus`` -- fundus-evaluation ROUGE-LSum (summary-level union LCS, rouge-score's
  default tokenizer, Punkt sentence splitting), best F1 over the variants with and without
  the gold's ``[optional]`` paragraphs, P/R/F1 averaged over articles.
* ``score_snippets`` -- trafilatura's evaluation: "with" snippets that must occur and
  "without" snippets that must not, whitespace-normalised substring test, micro counts.
* ``score_wcxb`` -- WCXB: lowercased ``\\w+`` bag-of-words P/R/F1 per page, macro-averaged.
* ``score_metadata`` -- title exact match, author token F1, date exact match (WCXB gold).
"""

from __future__ import annotations

import itertools
import math
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "MetaGold",
    "MetaPrediction",
    "Predictions",
    "Scores",
    "SnippetGold",
    "WcxbGold",
    "fundus_paragraphs",
    "lcs_indices",
    "reference_variants",
    "rouge_lsum",
    "rouge_tokenize",
    "score_fundus",
    "score_metadata",
    "score_scrapinghub",
    "score_snippets",
    "score_wcxb",
    "sentence_splitter_mode",
    "shingles",
    "split_sentences",
    "wcxb_word_prf",
]

Predictions = Mapping[str, str | None]


@dataclass
class Scores:
    """Headline precision / recall / F1 plus metric-specific extras (all plain floats)."""

    precision: float
    recall: float
    f1: float
    extra: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, **self.extra}


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _mean(xs: Sequence[float]) -> float:
    return statistics.fmean(xs) if xs else math.nan


def _stdev(xs: Sequence[float]) -> float:
    return statistics.stdev(xs) if len(xs) > 1 else 0.0


# ----------------------------------------------------------------------------- scrapinghub
_WORD_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of the ``n``-grams of ``\\w+`` tokens; a text shorter than ``n`` tokens gives
    one shorter shingle (all its tokens), an empty text gives none."""
    tokens = _WORD_RE.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _page_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Shingle TP/FP/FN of one page, scaled so that they sum to 1 (left as is when all 0)."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _shingle_aggregate(counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    precisions = [_page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in counts if c[0] + c[2] > 0]
    # No page with any predicted (or any gold) shingle: the mean is undefined; report 0.
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return p, r, _harmonic(p, r)


def score_scrapinghub(
    gold: Mapping[str, str], preds: Predictions, n_bootstrap: int = 1000, seed: int = 0
) -> Scores:
    """ScrapingHub AEB metric; ``extra`` holds accuracy and bootstrap standard deviations
    (``n_bootstrap`` resamples of the pages, drawn with ``random.Random(seed)``)."""
    keys = sorted(gold)
    counts = [_page_counts(gold[k], preds.get(k) or "") for k in keys]
    exact = [float(_WORD_RE.findall(gold[k]) == _WORD_RE.findall(preds.get(k) or "")) for k in keys]
    p, r, f = _shingle_aggregate(counts)
    extra = {"accuracy": _mean(exact)}
    if n_bootstrap > 0 and keys:
        rng = random.Random(seed)
        samples: dict[str, list[float]] = {"precision": [], "recall": [], "f1": [], "accuracy": []}
        n = len(keys)
        for _ in range(n_bootstrap):
            idx = [rng.randint(0, n - 1) for _ in range(n)]
            bp, br, bf = _shingle_aggregate([counts[i] for i in idx])
            samples["precision"].append(bp)
            samples["recall"].append(br)
            samples["f1"].append(bf)
            samples["accuracy"].append(statistics.fmean(exact[i] for i in idx))
        for name, values in samples.items():
            extra[f"{name}_std"] = _stdev(values)
    return Scores(p, r, f, extra)


# ----------------------------------------------------------------------------- fundus / ROUGE
# English abbreviations given to the untrained Punkt model when NLTK's trained "punkt_tab"
# data is not installed (lowercase, without the final period), as the reference scorer does.
PUNKT_ABBREVIATIONS = frozenset(
    """
    a.m approx ariz ave blvd calif capt co col conn corp d.c dec dept dr e.g est etc feb fig
    fla ft gen gov i.e inc jan jr jul jun lt ltd mar mass mr mrs ms mt n.y no nov oct p.m pa
    prof rep rev sen sep sept sgt sr st u.k u.n u.s va vs wash apr aug
    """.split()  # noqa: SIM905 (a word list reads better than 61 quoted strings)
)

_splitter: Callable[[str], list[str]] | None = None
_splitter_mode = ""


def _trained_punkt_available() -> bool:
    import nltk  # type: ignore[import-untyped,unused-ignore]

    try:
        path = nltk.data.find("tokenizers/punkt_tab/english/abbrev_types.txt")
        # An offline placeholder package ships an empty file: that is no trained model.
        return Path(str(path)).stat().st_size > 0
    except (LookupError, OSError):
        return False


def _get_splitter() -> Callable[[str], list[str]]:
    global _splitter, _splitter_mode
    if _splitter is None:
        import nltk  # type: ignore[import-untyped,unused-ignore]

        if _trained_punkt_available():

            def trained(text: str) -> list[str]:
                return list(nltk.sent_tokenize(text))

            _splitter = trained
            _splitter_mode = "nltk punkt (trained english)"
        else:
            from nltk.tokenize.punkt import (  # type: ignore[import-untyped,unused-ignore]
                PunktParameters,
                PunktSentenceTokenizer,
            )

            params = PunktParameters()
            params.abbrev_types = set(PUNKT_ABBREVIATIONS)
            tokenizer = PunktSentenceTokenizer(params)

            def untrained(text: str) -> list[str]:
                return list(tokenizer.tokenize(text))

            _splitter = untrained
            _splitter_mode = (
                "nltk Punkt algorithm, untrained + built-in abbreviation list "
                "(punkt data unavailable)"
            )
    return _splitter


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` as ROUGE-Lsum's ``split_summaries`` sees them (non-empty only)."""
    return [s for s in _get_splitter()(text) if s]


def sentence_splitter_mode() -> str:
    """Which sentence splitter the fundus metric uses (loads it if needed)."""
    _get_splitter()
    return _splitter_mode


_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def rouge_tokenize(text: str) -> list[str]:
    """rouge-score's default tokenizer without stemming: lowercase, every run of characters
    other than ``[a-z0-9]`` becomes a space, split."""
    return _NON_ALNUM_RE.sub(" ", text.lower()).split()


def lcs_indices(ref: Sequence[str], cand: Sequence[str]) -> list[int]:
    """Indices into ``ref`` of one longest common subsequence of ``ref`` and ``cand``.

    Which LCS is chosen matters for the union-LCS hit count, so ties are broken the classic
    way (read back from the bottom-right corner: take a match, else step left only when that
    keeps a strictly longer prefix LCS, else step up)."""
    cols = len(cand)
    positions: dict[str, list[int]] = {}
    for j, tok in enumerate(cand):
        positions.setdefault(tok, []).append(j)
    table = [[0] * (cols + 1)]
    for tok in ref:
        prev = table[-1]
        if tok not in positions:
            # No match in this row: every cell equals the cell above (rows never decrease).
            table.append(prev)
            continue
        row = [0] * (cols + 1)
        for j in range(cols):
            if cand[j] == tok:
                row[j + 1] = prev[j] + 1
            else:
                up, left = prev[j + 1], row[j]
                row[j + 1] = up if up >= left else left
        table.append(row)
    out: list[int] = []
    i, j = len(ref), cols
    while i > 0 and j > 0:
        if ref[i - 1] == cand[j - 1]:
            out.append(i - 1)
            i -= 1
            j -= 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    out.reverse()
    return out


def _union_lcs(ref: Sequence[str], cands: Sequence[Sequence[str]]) -> list[str]:
    """Tokens of ``ref`` covered by the union of its LCS with each candidate sentence."""
    ref_types = set(ref)
    covered: set[int] = set()
    for cand in cands:
        if ref_types.isdisjoint(cand):
            continue
        covered.update(lcs_indices(ref, cand))
    return [ref[i] for i in sorted(covered)]


def rouge_lsum(
    ref_sents: Sequence[Sequence[str]],
    cand_sents: Sequence[Sequence[str]],
    cache: dict[tuple[str, ...], list[str]] | None = None,
) -> tuple[float, float, float]:
    """Summary-level ROUGE-L (ROUGE-Lsum) of tokenised sentences: (precision, recall, F1).

    Hits are the union-LCS tokens of each reference sentence, each token type counted at most
    as often as it occurs in both summaries. ``cache`` (reference sentence -> union LCS) may be
    shared between calls that use the same candidate sentences."""
    m = sum(len(s) for s in ref_sents)
    n = sum(len(s) for s in cand_sents)
    if m == 0 or n == 0:
        return 0.0, 0.0, 0.0
    left_ref: Counter[str] = Counter()
    left_cand: Counter[str] = Counter()
    for s in ref_sents:
        left_ref.update(s)
    for s in cand_sents:
        left_cand.update(s)
    hits = 0
    for sent in ref_sents:
        key = tuple(sent)
        if cache is not None and key in cache:
            union = cache[key]
        else:
            union = _union_lcs(sent, cand_sents)
            if cache is not None:
                cache[key] = union
        for tok in union:
            if left_cand[tok] > 0 and left_ref[tok] > 0:
                hits += 1
                left_cand[tok] -= 1
                left_ref[tok] -= 1
    precision, recall = hits / n, hits / m
    return precision, recall, _harmonic(precision, recall)


def _tokenised_sentences(text: str) -> list[list[str]]:
    return [rouge_tokenize(s) for s in split_sentences(text)]


def fundus_paragraphs(text: str | None) -> list[str]:
    """Extractor output as fundus-evaluation normalises it: one paragraph per line,
    whitespace collapsed, empty lines dropped."""
    if not text:
        return []
    return [p for p in (" ".join(line.split()) for line in text.split("\n")) if p]


def _is_optional(paragraph: str) -> bool:
    return paragraph.startswith("[") and paragraph.endswith("]")


def reference_variants(body: Sequence[str], max_optional: int | None = 4) -> Iterator[list[str]]:
    """Gold bodies to compare against: every subset of the ``[optional]`` paragraphs removed
    (brackets stripped from those kept), smallest removals first; with more than
    ``max_optional`` optional paragraphs only "keep all" and "drop all"."""
    optional = [i for i, p in enumerate(body) if _is_optional(p)]

    def variant(dropped: set[int]) -> list[str]:
        return [p[1:-1] if _is_optional(p) else p for i, p in enumerate(body) if i not in dropped]

    if max_optional is not None and len(optional) > max_optional:
        yield variant(set())
        yield variant(set(optional))
        return
    for k in range(len(optional) + 1):
        for dropped in itertools.combinations(optional, k):
            yield variant(set(dropped))


def _paragraph_match_f1(ref: Sequence[str], hyp: Sequence[str]) -> float:
    """Exact-paragraph multiset F1 (NaN when undefined)."""
    rc, hc = Counter(ref), Counter(hyp)
    tp = sum((rc & hc).values())
    fp = sum((hc - rc).values())
    fn = sum((rc - hc).values())
    if tp + fp == 0 or tp + fn == 0 or tp == 0:
        return math.nan
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r)


def score_fundus(
    gold: Mapping[str, Sequence[str]],
    preds: Predictions,
    max_optional: int | None = 4,
    per_article: dict[str, tuple[float, float, float]] | None = None,
) -> Scores:
    """fundus-evaluation ROUGE-LSum over articles (0..1 scale; their table shows x100)."""
    ps: list[float] = []
    rs: list[float] = []
    fs: list[float] = []
    para: list[float] = []
    for key in sorted(gold):
        hyp_pars = fundus_paragraphs(preds.get(key))
        cand = _tokenised_sentences("\n\n".join(hyp_pars))
        variants = list(reference_variants(gold[key], max_optional))
        cache: dict[tuple[str, ...], list[str]] = {}
        best: tuple[float, float, float] | None = None
        for body in variants:
            ref = _tokenised_sentences("\n\n".join(body))
            score = rouge_lsum(ref, cand, cache)
            if best is None or score[2] > best[2]:
                best = score
        assert best is not None  # at least one variant always exists
        ps.append(best[0])
        rs.append(best[1])
        fs.append(best[2])
        para_f1 = [_paragraph_match_f1(body, hyp_pars) for body in variants]
        defined = [x for x in para_f1 if not math.isnan(x)]
        para.append(max(defined) if defined else math.nan)
        if per_article is not None:
            per_article[key] = best
    para_defined = [x for x in para if not math.isnan(x)]
    extra = {
        "precision_std": _stdev(ps),
        "recall_std": _stdev(rs),
        "f1_std": _stdev(fs),
        "paragraph_f1": _mean(para_defined),
    }
    return Scores(_mean(ps), _mean(rs), _mean(fs), extra)


# ----------------------------------------------------------------------------- trafilatura
@dataclass(frozen=True)
class SnippetGold:
    """Snippets that a good extraction of a page contains (``with_``) or lacks (``without``)."""

    with_: tuple[str, ...]
    without: tuple[str, ...]


def _squash(text: str) -> str:
    return " ".join(text.split())


def score_snippets(gold: Mapping[str, SnippetGold], preds: Predictions) -> Scores:
    """trafilatura evaluation: micro-summed counts over all snippets of all pages.

    TP = "with" snippet found, FN = not found, FP = "without" snippet found, TN = not found.
    A page without output (``None``) finds nothing."""
    tp = fp = fn = tn = 0
    for key, item in gold.items():
        text = preds.get(key)
        found_with = found_without = 0
        if text is not None:
            flat = _squash(text)
            found_with = sum(_squash(s) in flat for s in item.with_)
            found_without = sum(_squash(s) in flat for s in item.without)
        tp += found_with
        fn += len(item.with_) - found_with
        fp += found_without
        tn += len(item.without) - found_without
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0
    total = tp + fp + fn + tn
    accuracy = (tp + tn) / total if total else math.nan
    extra = {"accuracy": accuracy, "tp": tp, "fp": fp, "fn": fn, "tn": tn}
    return Scores(precision, recall, f1, {k: float(v) for k, v in extra.items()})


# ----------------------------------------------------------------------------- WCXB
@dataclass(frozen=True)
class MetaGold:
    """Gold metadata of a page; empty strings where the gold has none."""

    title: str
    author: str
    publish_date: str


@dataclass(frozen=True)
class WcxbGold:
    main_content: str
    with_: tuple[str, ...]
    without: tuple[str, ...]
    meta: MetaGold


def _bag(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def wcxb_word_prf(pred: str, ref: str) -> tuple[float, float, float]:
    """Bag-of-words (lowercased ``\\w+``) precision, recall, F1 of one text against another.
    An empty reference scores 1 for an empty prediction and 0 otherwise."""
    pt, rt = _bag(pred), _bag(ref)
    if not rt:
        return (1.0, 1.0, 1.0) if not pt else (0.0, 0.0, 0.0)
    if not pt:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(pt) & Counter(rt)).values())
    p, r = overlap / len(pt), overlap / len(rt)
    return p, r, _harmonic(p, r)


def _share_found(snippets: Sequence[str], text_lower: str) -> float:
    if not snippets:
        return 1.0
    return sum(s.lower() in text_lower for s in snippets) / len(snippets)


def score_wcxb(gold: Mapping[str, WcxbGold], preds: Predictions) -> Scores:
    """WCXB: per-page bag-of-words P/R/F1, macro-averaged; ``with_rate`` / ``without_rate``
    = share of the page's snippets found (case-insensitive substring), macro-averaged."""
    ps: list[float] = []
    rs: list[float] = []
    fs: list[float] = []
    with_rate: list[float] = []
    without_rate: list[float] = []
    for key in sorted(gold):
        g = gold[key]
        pred = preds.get(key) or ""
        p, r, f = wcxb_word_prf(pred, g.main_content)
        ps.append(p)
        rs.append(r)
        fs.append(f)
        low = pred.lower()
        with_rate.append(_share_found(g.with_, low))
        without_rate.append(_share_found(g.without, low))
    extra = {"with_rate": _mean(with_rate), "without_rate": _mean(without_rate)}
    return Scores(_mean(ps), _mean(rs), _mean(fs), extra)


# ----------------------------------------------------------------------------- metadata
@dataclass(frozen=True)
class MetaPrediction:
    """What an extractor says about a page (``None`` = nothing)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None


def _norm_meta(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def score_metadata(
    gold: Mapping[str, MetaGold], preds: Mapping[str, MetaPrediction | None]
) -> dict[str, float]:
    """Title exact match (casefolded, whitespace-normalised; over all pages, a page without a
    gold title counts as a miss) and title token F1; author token F1, exact match and coverage
    over pages whose gold names an author; date exact match (first 10 characters) and coverage
    over pages whose gold has a date."""
    title_exact: list[float] = []
    title_f1: list[float] = []
    author_f1: list[float] = []
    author_exact: list[float] = []
    author_cov: list[float] = []
    date_exact: list[float] = []
    date_cov: list[float] = []
    for key, g in gold.items():
        pred = preds.get(key) or MetaPrediction()
        t_pred, t_ref = _norm_meta(pred.title), _norm_meta(g.title)
        title_exact.append(float(bool(t_ref) and t_pred == t_ref))
        title_f1.append(wcxb_word_prf(t_pred, t_ref)[2])
        if g.author:
            a_pred, a_ref = _norm_meta(pred.author), _norm_meta(g.author)
            author_cov.append(float(bool(a_pred)))
            author_f1.append(wcxb_word_prf(a_pred, a_ref)[2])
            author_exact.append(float(a_pred == a_ref))
        if g.publish_date:
            d_pred = (pred.date or "")[:10]
            date_cov.append(float(bool(d_pred)))
            date_exact.append(float(d_pred == g.publish_date[:10]))
    return {
        "title_exact": _mean(title_exact),
        "title_f1": _mean(title_f1),
        "author_f1": _mean(author_f1),
        "author_exact": _mean(author_exact),
        "author_coverage": _mean(author_cov),
        "date_exact": _mean(date_exact),
        "date_coverage": _mean(date_cov),
        "pages": float(len(gold)),
        "pages_with_author": float(len(author_f1)),
        "pages_with_date": float(len(date_exact)),
    }
