"""Discard lists (PETRARCH's ``*.discards.txt``): phrases that mark a sentence or a whole story
as one to code no events from (sports results, historical asides, weather).

The format, as newsgraph reads it::

    # a comment
    YEARS AGO                    a sentence with these words codes no events
    BRONZE MEDAL
    +WORLD GOLF CHAMPIONSHIPS    "+": a story with these words codes no events at all
    BASEBALL                     the last word may be the start of a longer word (BASEBALLS)
    TYPHOON_                     a final "_": the word exactly

Matching ignores case and compares words (spaCy tokens), so "BALL" does not match "football".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError

_COMMENT = re.compile(r"<!--.*?-->", re.S)


class DiscardsError(InputError):
    """A discards file that cannot be read."""


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # lower case
    stem: bool  # the last word may continue ("baseball" matches "baseballs")
    where: str  # "file:line"

    def at(self, words: Sequence[str], i: int) -> bool:
        n = len(self.words)
        if i + n > len(words):
            return False
        for k, w in enumerate(self.words):
            got = words[i + k]
            last = k == n - 1
            if got != w and not (last and self.stem and got.startswith(w)):
                return False
        return True


@dataclass(frozen=True)
class Discards:
    sentence: tuple[Phrase, ...] = ()
    story: tuple[Phrase, ...] = ()
    # each kind's phrases by the first three letters of their first word
    _sentence_index: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)
    _story_index: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, compare=False)

    def __bool__(self) -> bool:
        return bool(self.sentence or self.story)

    def find(self, words: Sequence[str], *, story: bool = False) -> Phrase | None:
        """The first sentence-level (or story-level) phrase in ``words`` (lower case)."""
        index = self._story_index if story else self._sentence_index
        for i, w in enumerate(words):
            for key in {w[:1], w[:2], w[:3]}:
                for p in index.get(key, ()):
                    if p.at(words, i):
                        return p
        return None


def _index(phrases: Sequence[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    by_first: dict[str, list[Phrase]] = {}
    for p in phrases:
        by_first.setdefault(p.words[0][:3], []).append(p)
    return {k: tuple(v) for k, v in by_first.items()}


def _build(sentence: Sequence[Phrase], story: Sequence[Phrase]) -> Discards:
    return Discards(tuple(sentence), tuple(story), _index(sentence), _index(story))


def parse_discards(text: str, name: str) -> Discards:
    """The phrases of one discards file called ``name``."""
    sentence: list[Phrase] = []
    story: list[Phrase] = []
    lines = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text).splitlines()
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        whole = line.startswith("+")
        phrase = line.lstrip("+").strip()
        stem = not phrase.endswith("_")
        words = tuple(w.lower() for w in phrase.replace("_", " ").split())
        if words:
            (story if whole else sentence).append(Phrase(words, stem, f"{name}:{n}"))
    return _build(sentence, story)


def read_discards(paths: Sequence[str | Path]) -> Discards:
    """The phrases of the user's discards files."""
    sentence: list[Phrase] = []
    story: list[Phrase] = []
    for path in paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise DiscardsError(
                f"cannot read the discards file ({exc.strerror or exc})", source=str(p)
            ) from None
        one = parse_discards(text, p.name)
        sentence += one.sentence
        story += one.story
    return _build(sentence, story)
