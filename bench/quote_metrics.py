"""Score quote extraction and attribution against gold annotations.

The metric definitions follow the shared scorer ``shared/tools/score_quotes.py`` (Citron-style
exact and overlap metrics plus one-to-one overlap matching); this is an independent
implementation meant to reproduce its figures, so that newsgraph can score quotes in-process.

Input format (JSON lines, one document per line)::

    {"doc_id": str, "text"?: str,
     "quotes": [{"quote_start": int, "quote_end": int, "quote_spans"?: [[s, e], ...],
                 "speaker"?: str|null, "speaker_start"?: int, "speaker_end"?: int,
                 "speaker_aliases"?: [str], "speaker_full"?: str,
                 "cue"?: str|null, "cue_start"?: int, "cue_end"?: int,
                 "type"?: "direct"|"mixed"|"indirect"|...}]}

Metrics returned by :func:`score` (names as in the reference's ``--json`` output):

* ``content.exact``, ``content.match``, ``attribution``, ``full.exact``: ``P``, ``R``, ``F1``
  and the counts ``tp``, ``pred``, ``gold``.
* ``content.overlap``: ``P``, ``R``, ``F1`` and ``overlap_chars``, ``pred_chars``,
  ``gold_chars``.
* ``speaker.accuracy``, ``speaker.exact``, ``cue.accuracy``: ``accuracy``, ``correct``, ``n``.
  When ``n`` is 0 the accuracy is ``nan`` (the reference prints ``None``).

Values are not rounded; the reference rounds to 4 decimals, see :func:`rounded`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]
Spans = tuple[Span, ...]
Metrics = dict[str, dict[str, float]]

# Characters stripped from both ends of every content span when trimming. Only these three
# whitespace characters count (not \r or no-break space), and of the punctuation only , . ; :
_TRIM_CHARS = frozenset(" \t\n" + "\"'" + "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb" + ",.;:")
# Words ignored when comparing speaker names or cue words.
_NAME_STOPWORDS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr"})
_WORD_RE = re.compile(r"\w+")

COUNT_METRICS = ("content.exact", "content.match", "attribution", "full.exact")
ACCURACY_METRICS = ("speaker.accuracy", "speaker.exact", "cue.accuracy")


@dataclass(frozen=True)
class Quote:
    """One quotation: content span(s) plus optional speaker, cue and gold type."""

    spans: Spans
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    speaker_full: str | None = None

    @property
    def has_speaker(self) -> bool:
        return bool((self.speaker or "").strip()) or self.speaker_span is not None

    @property
    def has_cue(self) -> bool:
        return self.cue is not None or self.cue_span is not None


# --------------------------------------------------------------------------------------------
# Loading


def _as_int(value: object, what: str) -> int:
    if isinstance(value, (int, float, str)):
        return int(value)
    raise TypeError(f"{what}: expected a number, got {value!r}")


def _opt_str(obj: Mapping[str, object], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{key}: expected a string or null, got {value!r}")


def _opt_span(obj: Mapping[str, object], prefix: str) -> Span | None:
    start = obj.get(f"{prefix}_start")
    if start is None:
        return None
    end = obj.get(f"{prefix}_end")
    if end is None:
        raise ValueError(f"{prefix}_start is given without {prefix}_end")
    return (_as_int(start, f"{prefix}_start"), _as_int(end, f"{prefix}_end"))


def _content_spans(obj: Mapping[str, object]) -> Spans:
    raw = obj.get("quote_spans")
    if raw:  # an empty or missing list falls back to quote_start/quote_end
        if not isinstance(raw, list):
            raise TypeError(f"quote_spans: expected a list, got {raw!r}")
        pairs: list[Span] = []
        for item in raw:
            if not isinstance(item, (list, tuple)) or len(item) != 2:
                raise TypeError(f"quote_spans: expected [start, end] pairs, got {item!r}")
            pairs.append((_as_int(item[0], "quote_spans"), _as_int(item[1], "quote_spans")))
        return tuple(sorted(pairs))
    start = _as_int(obj.get("quote_start"), "quote_start")
    end = _as_int(obj.get("quote_end"), "quote_end")
    return ((start, end),)


def quote_from_json(obj: Mapping[str, object]) -> Quote:
    """Build a :class:`Quote` from one element of a document's ``quotes`` list."""
    raw_aliases = obj.get("speaker_aliases") or []
    if not isinstance(raw_aliases, list) or not all(isinstance(a, str) for a in raw_aliases):
        raise TypeError(f"speaker_aliases: expected a list of strings, got {raw_aliases!r}")
    return Quote(
        spans=_content_spans(obj),
        speaker=_opt_str(obj, "speaker"),
        speaker_span=_opt_span(obj, "speaker"),
        cue=_opt_str(obj, "cue"),
        cue_span=_opt_span(obj, "cue"),
        type=_opt_str(obj, "type"),
        aliases=tuple(str(a) for a in raw_aliases),
        speaker_full=_opt_str(obj, "speaker_full"),
    )


def _documents(path: str | Path) -> Iterator[tuple[str, dict[str, object]]]:
    with Path(path).open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            if not isinstance(doc, dict) or "doc_id" not in doc:
                raise ValueError(f"{path}:{lineno}: expected an object with a doc_id")
            yield str(doc["doc_id"]), doc


def load_jsonl(path: str | Path) -> dict[str, list[Quote]]:
    """Read a quotes JSONL file into ``doc_id -> quotes``; a repeated doc_id keeps its last line."""
    out: dict[str, list[Quote]] = {}
    for doc_id, doc in _documents(path):
        raw = doc.get("quotes") or []
        if not isinstance(raw, list):
            raise TypeError(f"{doc_id}: quotes must be a list")
        quotes: list[Quote] = []
        for item in raw:
            if not isinstance(item, dict):
                raise TypeError(f"{doc_id}: each quote must be an object, got {item!r}")
            quotes.append(quote_from_json(item))
        out[doc_id] = quotes
    return out


def load_texts(path: str | Path) -> dict[str, str]:
    """Read ``doc_id -> text`` from a JSONL file (gold files carry the article text)."""
    out: dict[str, str] = {}
    for doc_id, doc in _documents(path):
        text = doc.get("text")
        if isinstance(text, str):
            out[doc_id] = text
        else:  # the last line for a doc_id wins, also when it has no text
            out.pop(doc_id, None)
    return out


# --------------------------------------------------------------------------------------------
# Span helpers


def _trim(spans: Iterable[Span], text: str | None) -> Spans:
    """Shrink each span past trim characters at either end; spans left empty are dropped."""
    kept: list[Span] = []
    for start, end in spans:
        if text is not None:
            while start < end and text[start] in _TRIM_CHARS:
                start += 1
            while end > start and text[end - 1] in _TRIM_CHARS:
                end -= 1
        if end > start:
            kept.append((start, end))
    return tuple(kept)


def _shared_length(left: Iterable[Span], right: Sequence[Span]) -> int:
    """Characters shared by two span lists, summed over every pair of spans."""
    total = 0
    for a_start, a_end in left:
        for b_start, b_end in right:
            total += max(0, min(a_end, b_end) - max(a_start, b_start))
    return total


def _visible_positions(spans: Iterable[Span], text: str | None) -> set[int]:
    """Character offsets covered by ``spans``, leaving out whitespace when the text is known."""
    if text is None:
        return {pos for start, end in spans for pos in range(start, end)}
    return {pos for start, end in spans for pos in range(start, end) if not text[pos].isspace()}


def _name_words(value: str | None) -> list[str]:
    return [w for w in _WORD_RE.findall((value or "").lower()) if w not in _NAME_STOPWORDS]


# --------------------------------------------------------------------------------------------
# Per-pair judgements


def _speaker_correct(pred: Quote, gold: Quote, by_name: bool) -> bool:
    if not gold.has_speaker:
        return not pred.has_speaker
    if not pred.has_speaker:
        return False
    if not by_name and pred.speaker_span is not None and gold.speaker_span is not None:
        return _shared_length([pred.speaker_span], [gold.speaker_span]) > 0
    predicted = _name_words(pred.speaker)
    if not predicted:
        return False
    for name in (gold.speaker, *gold.aliases, gold.speaker_full):
        accepted = _name_words(name)
        if accepted and (
            predicted == accepted or accepted[-1] in predicted or predicted[-1] in accepted
        ):
            return True
    return False


def _speaker_span_exact(pred: Quote, gold: Quote) -> bool | None:
    if not gold.has_speaker:
        return not pred.has_speaker
    if pred.speaker_span is None or gold.speaker_span is None:
        return None
    return pred.speaker_span == gold.speaker_span


def _cue_correct(pred: Quote, gold: Quote) -> bool | None:
    if not gold.has_cue:
        return None
    if pred.cue_span is not None and gold.cue_span is not None:
        return _shared_length([pred.cue_span], [gold.cue_span]) > 0
    return not set(_name_words(pred.cue)).isdisjoint(_name_words(gold.cue))


def _cue_span_exact(pred: Quote, gold: Quote) -> bool:
    if pred.cue_span is not None and gold.cue_span is not None:
        return pred.cue_span == gold.cue_span
    return not gold.has_cue  # nothing to find when gold has no cue at all


# --------------------------------------------------------------------------------------------
# Scoring


def merge_by_cue(quotes: Sequence[Quote]) -> list[Quote]:
    """Fold quotes with the same cue span into one multi-span quote.

    The merged quote sits where the first of its parts was and keeps that part's speaker, cue
    and type; quotes without a cue span are left alone.
    """
    merged: list[Quote] = []
    slot_of_cue: dict[Span, int] = {}
    for quote in quotes:
        if quote.cue_span is None:
            merged.append(quote)
            continue
        slot = slot_of_cue.get(quote.cue_span)
        if slot is None:
            slot_of_cue[quote.cue_span] = len(merged)
            merged.append(quote)
        else:
            first = merged[slot]
            spans = tuple(sorted((*first.spans, *quote.spans)))
            merged[slot] = Quote(
                spans=spans,
                speaker=first.speaker,
                speaker_span=first.speaker_span,
                cue=first.cue,
                cue_span=first.cue_span,
                type=first.type,
                aliases=first.aliases,
                speaker_full=first.speaker_full,
            )
    return merged


@dataclass
class _Tally:
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, key: str, amount: int | bool = 1) -> None:
        self.counts[key] += int(amount)


def _match_one_to_one(
    pred_spans: Sequence[Spans], gold_spans: Sequence[Spans], min_overlap: float
) -> dict[int, int]:
    """Pair predictions with gold quotes, largest overlap first.

    Ties are resolved in favour of the later prediction, then the later gold quote (the order
    the reference scorer uses). A pair needs some overlap, and more than ``min_overlap`` of the
    gold quote's length.
    """
    gold_length = [sum(end - start for start, end in spans) or 1 for spans in gold_spans]
    candidates: list[tuple[int, int, int]] = []
    for p_idx, p_spans in enumerate(pred_spans):
        for g_idx, g_spans in enumerate(gold_spans):
            shared = _shared_length(p_spans, g_spans)
            if shared > 0 and shared / gold_length[g_idx] > min_overlap:
                candidates.append((shared, p_idx, g_idx))
    candidates.sort(reverse=True)
    gold_of_pred: dict[int, int] = {}
    taken_gold: set[int] = set()
    for _, p_idx, g_idx in candidates:
        if p_idx not in gold_of_pred and g_idx not in taken_gold:
            gold_of_pred[p_idx] = g_idx
            taken_gold.add(g_idx)
    return gold_of_pred


def _score_document(
    tally: _Tally,
    gold_quotes: Sequence[Quote],
    pred_quotes: Sequence[Quote],
    text: str | None,
    *,
    trim: bool,
    types: set[str] | None,
    group_by_cue: bool,
    min_overlap: float,
    speaker_by_name: bool,
) -> None:
    if types is None:
        gold_kept = list(gold_quotes)
        other_type: list[Spans] = []
    else:
        gold_kept = [q for q in gold_quotes if q.type in types]
        # Spans of gold quotes of other types are used as they are (never trimmed).
        other_type = [tuple(sorted(q.spans)) for q in gold_quotes if q.type not in types]
    preds = merge_by_cue(pred_quotes) if group_by_cue else list(pred_quotes)

    def content(quote: Quote) -> Spans:
        spans = tuple(sorted(quote.spans))
        return _trim(spans, text) if trim else spans

    gold_spans = [content(q) for q in gold_kept]
    pred_spans = [content(q) for q in preds]
    gold_of_pred = _match_one_to_one(pred_spans, gold_spans, min_overlap)

    # A prediction that found no partner but touches a gold quote of a filtered-out type is
    # ignored altogether; everything else counts as a prediction.
    counted = [
        idx
        for idx, spans in enumerate(pred_spans)
        if idx in gold_of_pred or not any(_shared_length(spans, o) for o in other_type)
    ]
    tally.add("pred", len(counted))
    tally.add("gold", len(gold_kept))
    tally.add("match_tp", len(gold_of_pred))

    # Exact matches: identical span tuples, each gold quote used at most once.
    gold_by_spans = Counter(gold_spans)
    pred_by_spans = Counter(pred_spans[idx] for idx in counted)
    tally.add("exact_tp", sum(min(n, gold_by_spans[key]) for key, n in pred_by_spans.items()))

    # Character overlap over the union of spans on each side.
    pred_chars: set[int] = set()
    for idx in counted:
        pred_chars |= _visible_positions(pred_spans[idx], text)
    gold_chars: set[int] = set()
    for spans in gold_spans:
        gold_chars |= _visible_positions(spans, text)
    tally.add("overlap_chars", len(pred_chars & gold_chars))
    tally.add("pred_chars", len(pred_chars))
    tally.add("gold_chars", len(gold_chars))

    for p_idx, g_idx in gold_of_pred.items():
        pred, gold = preds[p_idx], gold_kept[g_idx]
        speaker_ok = _speaker_correct(pred, gold, speaker_by_name)
        tally.add("speaker_n")
        tally.add("speaker_ok", speaker_ok)
        tally.add("attribution_tp", speaker_ok)
        speaker_exact = _speaker_span_exact(pred, gold)
        if speaker_exact is not None:
            tally.add("speaker_exact_n")
            tally.add("speaker_exact_ok", speaker_exact)
        cue_ok = _cue_correct(pred, gold)
        if cue_ok is not None:
            tally.add("cue_n")
            tally.add("cue_ok", cue_ok)
        if pred_spans[p_idx] == gold_spans[g_idx] and speaker_exact and _cue_span_exact(pred, gold):
            tally.add("full_exact_tp")


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _count_metric(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision, recall, f1 = _prf(tp, n_pred, n_gold)
    return {"P": precision, "R": recall, "F1": f1, "tp": tp, "pred": n_pred, "gold": n_gold}


def _accuracy(correct: int, n: int) -> dict[str, float]:
    return {"accuracy": correct / n if n else math.nan, "correct": correct, "n": n}


def score(
    gold: Mapping[str, Sequence[Quote]],
    pred: Mapping[str, Sequence[Quote]],
    texts: Mapping[str, str] | None,
    *,
    trim: bool = True,
    types: Iterable[str] | None = None,
    group_by_cue: bool = False,
    min_overlap: float = 0.0,
    speaker_by_name: bool = False,
) -> Metrics:
    """Score predicted quotes against gold quotes, document by document.

    Only documents present in ``gold`` are scored: predictions for other documents are not
    counted, a gold document without predictions contributes only misses.

    ``texts`` (doc_id -> article text) is used to trim span ends (``trim``) and to leave
    whitespace out of the character-overlap metric (used whether or not ``trim`` is set).
    ``types`` keeps only gold quotes of those types; an unmatched prediction overlapping a gold
    quote of another type is then neither a true nor a false positive. ``group_by_cue`` merges
    predictions sharing a cue span first (gold is left as is). ``min_overlap`` makes a
    content.match pair need overlap / gold length above the threshold. ``speaker_by_name``
    compares speaker names even when both sides give speaker offsets.
    """
    type_filter = None if types is None else set(types)
    tally = _Tally()
    for doc_id, gold_quotes in gold.items():
        _score_document(
            tally,
            gold_quotes,
            pred.get(doc_id, ()),
            texts.get(doc_id) if texts is not None else None,
            trim=trim,
            types=type_filter,
            group_by_cue=group_by_cue,
            min_overlap=min_overlap,
            speaker_by_name=speaker_by_name,
        )
    c = tally.counts
    n_pred, n_gold = c["pred"], c["gold"]
    overlap_p, overlap_r, overlap_f1 = _prf(c["overlap_chars"], c["pred_chars"], c["gold_chars"])
    return {
        "content.exact": _count_metric(c["exact_tp"], n_pred, n_gold),
        "content.match": _count_metric(c["match_tp"], n_pred, n_gold),
        "content.overlap": {
            "P": overlap_p,
            "R": overlap_r,
            "F1": overlap_f1,
            "overlap_chars": c["overlap_chars"],
            "pred_chars": c["pred_chars"],
            "gold_chars": c["gold_chars"],
        },
        "speaker.accuracy": _accuracy(c["speaker_ok"], c["speaker_n"]),
        "speaker.exact": _accuracy(c["speaker_exact_ok"], c["speaker_exact_n"]),
        "attribution": _count_metric(c["attribution_tp"], n_pred, n_gold),
        "cue.accuracy": _accuracy(c["cue_ok"], c["cue_n"]),
        "full.exact": _count_metric(c["full_exact_tp"], n_pred, n_gold),
    }


def score_by_type(
    gold: Mapping[str, Sequence[Quote]],
    pred: Mapping[str, Sequence[Quote]],
    texts: Mapping[str, str] | None,
    *,
    trim: bool = True,
    group_by_cue: bool = False,
    min_overlap: float = 0.0,
    speaker_by_name: bool = False,
) -> dict[str, Metrics]:
    """:func:`score` over all gold quotes (key ``"all"``) and for each gold type on its own."""

    def run(types: set[str] | None) -> Metrics:
        return score(
            gold,
            pred,
            texts,
            trim=trim,
            types=types,
            group_by_cue=group_by_cue,
            min_overlap=min_overlap,
            speaker_by_name=speaker_by_name,
        )

    out = {"all": run(None)}
    gold_types = sorted({q.type for quotes in gold.values() for q in quotes if q.type is not None})
    for gold_type in gold_types:
        out[gold_type] = run({gold_type})
    return out


def rounded(metrics: Metrics, ndigits: int = 4) -> Metrics:
    """Round the ratios (not the counts) as the reference scorer does in its output."""
    ratio_keys = {"P", "R", "F1", "accuracy"}
    return {
        name: {k: round(v, ndigits) if k in ratio_keys else v for k, v in values.items()}
        for name, values in metrics.items()
    }
