"""Judgements: which option a later sentence speaks of, and what it makes of it.

An option is named by ordinal ("option three", "number two", "the first"), by "this option"
(the one named just before), by "the latter" / "the former" (the last or first of the
alternatives just laid out), or by content (two or more of the option's content words and a
judgement word). The judgement comes from the sentence's words, checked in this order:
unlikely, likely, risky, preferred, possible. A sentence that lands the argument ("the smart
money", "most likely", "in the end", "ultimately") is the conclusion.
"""

from __future__ import annotations

import re

from newsgraph.model import Judgement
from newsgraph.wordsets import words

ORDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
    "a": 1, "b": 2, "c": 3, "d": 4, "e": 5,
}  # fmt: skip
_ORDINAL = re.compile(
    r"\b(?:option|options|scenario|number|no\.|possibility|path|direction)\s+"
    r"(one|two|three|four|five|[1-5]|[a-e])\b"
    r"|\bthe\s+(first|second|third|fourth|fifth)\b(?:\s+(?:option|scenario|one|possibility|path))?"
    r"|\b(first|second|third|fourth|fifth)\s+(?:option|scenario|possibility|path)\b",
    re.IGNORECASE,
)
_LATTER = re.compile(r"\bthe\s+(latter|former)\b", re.IGNORECASE)
_THIS = re.compile(r"\b(?:this|that)\s+(?:option|scenario|possibility|path)\b", re.IGNORECASE)
JUDGEMENTS: tuple[tuple[Judgement, re.Pattern[str]], ...] = (
    ("unlikely", re.compile(r"\b(unlikely|improbable|doubtful|hard to (see|imagine)|less likely|"
                            r"remote|slim|far-fetched|implausible)\b", re.I)),
    ("likely", re.compile(r"\b(likely|probable|expected|smart money|odds|bet|favou?rite|"
                          r"in the cards)\b", re.I)),
    ("risky", re.compile(r"\b(risk|risks|risky|riskier|riskiest|dangerous|danger|dirtiest|"
                         r"dirty|problem|costly|backfire|perilous|reckless)\b", re.I)),
    ("preferred", re.compile(r"\b(prefer|prefers|preferred|preferable|best|ideal|favou?rs?|"
                             r"nice|attractive|welcome|benefit)\b", re.I)),
    ("possible", re.compile(r"\b(possible|possibly|could|might|may|conceivable|plausible)\b",
                            re.I)),
)  # fmt: skip
_CONCLUDES = re.compile(
    r"\b(smart money|most likely|in the end|ultimately|all signs point|my bet|the safe bet|"
    r"on balance|seems to be on)\b",
    re.IGNORECASE,
)
STOP = words(
    "the a an of to in on for and or but with from by that this it its is be are was were "
    "will would can could may might their his her they them than then there what which who "
    "even more most very just also only into about over after before"
)
_WORD = re.compile(r"[A-Za-z]+")


def judgement(sentence: str) -> Judgement | None:
    for name, rx in JUDGEMENTS:
        if rx.search(sentence):
            return name
    return None


def concludes(sentence: str) -> bool:
    return bool(_CONCLUDES.search(sentence))


def ordinal(sentence: str) -> int | None:
    m = _ORDINAL.search(sentence)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    return ORDINALS.get(word.lower())


def latter_or_former(sentence: str) -> str | None:
    m = _LATTER.search(sentence)
    return m.group(1).lower() if m else None


def says_this_option(sentence: str) -> bool:
    return bool(_THIS.search(sentence))


def content_words(text: str) -> set[str]:
    """Content words cut to their first four letters, a crude stem ("selling" ~ "sell")."""
    return {w.lower()[:4] for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in STOP}
