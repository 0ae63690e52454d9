"""Text matching for the real-page scorer: snippets located in the article text, and names
compared word by word.

Snippets are found modulo whitespace (any run is one space), curly or straight quotation marks
and apostrophes, dashes, invisible characters and letter case; offsets map back to the
original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = [
    "PRONOUNS",
    "Normalised",
    "fold",
    "name_matches",
    "name_tokens",
    "overlaps",
    "speaks",
]

_CHARS = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′ʼ`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "…": "...",
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    }
)

# Words that name no one by themselves: a speaker given only as these is no speaker.
PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
    "its", "they", "them", "their", "this", "that", "these", "those", "who", "which", "one",
})  # fmt: skip


class Normalised:
    """A text in matching form, with the original offset of each of its characters."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        where: list[int] = []
        space = True  # drop leading whitespace
        for k, ch in enumerate(text):
            if ch.isspace():
                if not space:
                    chars.append(" ")
                    where.append(k)
                space = True
                continue
            for out in ch.translate(_CHARS).lower():
                chars.append(out)
                where.append(k)
                space = False
        self.text = "".join(chars).rstrip()
        self.where = where[: len(self.text)]

    @staticmethod
    def snippet(text: str) -> str:
        return Normalised(text).text

    def find(self, snippet: str, start: int = 0) -> tuple[int, int] | None:
        """(start, end) in the normalised text of the first match at or after ``start``."""
        needle = self.snippet(snippet)
        at = self.text.find(needle, start) if needle else -1
        return (at, at + len(needle)) if at >= 0 else None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised ``start:end`` comes from."""
        return self.where[start], self.where[end - 1] + 1

    def locate(self, first: str, last: str) -> tuple[int, int] | None:
        """The original span from ``first`` to ``last`` (searched from ``first``'s start on)."""
        head = self.find(first)
        if head is None:
            return None
        tail = self.find(last, head[0])
        if tail is None:
            return None
        return self.original(head[0], max(head[1], tail[1]))

    def find_all(self, snippet: str) -> list[tuple[int, int]]:
        """The original spans of every match of ``snippet``."""
        out: list[tuple[int, int]] = []
        hit = self.find(snippet)
        while hit is not None:
            out.append(self.original(*hit))
            hit = self.find(snippet, hit[0] + 1)
        return out


def name_tokens(name: str) -> list[str]:
    """The words of a name in matching form: lower case, no punctuation, no possessive 's."""
    flat = name.translate(_CHARS).lower()
    flat = re.sub(r"'s\b", "", flat)
    return re.findall(r"\w+", flat)


def fold(name: str) -> str:
    """A name's words joined by one space: equal folds are "the same name"."""
    return " ".join(name_tokens(name))


def speaks(name: str | None) -> bool:
    """Whether a speaker string names someone (not empty, not only pronouns)."""
    return bool(name) and any(t not in PRONOUNS for t in name_tokens(name or ""))


def name_matches(pred: str, gold_names: Iterable[str]) -> bool:
    """The speaker rule: ``pred`` matches when, for one gold name, all the gold name's words
    are among ``pred``'s words, or all ``pred``'s words are among the gold name's words and
    include its last word."""
    said = name_tokens(pred)
    if not said:
        return False
    for gold in gold_names:
        words = name_tokens(gold)
        if not words:
            continue
        if set(words) <= set(said):
            return True
        if set(said) <= set(words) and words[-1] in said:
            return True
    return False


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of ``spans`` shares at least one character with ``start:end``."""
    return any(s < end and start < e for s, e in spans)
