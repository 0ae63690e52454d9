"""Phrase indexes: names (countries, organisations, people, seats of power) and role words.

Entries are token sequences, tokenised the way the parse is, so that a match on the parse is
a dictionary lookup. Keys are folded (case, diacritics, curly apostrophes); a name written
with a capital inside a word (``US``, ``WHO``, ``LeT``, ``PBoC``) only matches text with the
same letter case, and a name only matches text that starts with a capital, so that "us",
"who", "Let's" and "china" (the porcelain) do not become actors.

Codes may be date-ranged (``Coded``): a person is coded by the role they held on the
article's date.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

NameKind = Literal["country", "demonym", "capital", "city", "seat", "org", "person", "user"]


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """A token's matching key: casefolded, without diacritics, with straight apostrophes."""
    t = token.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t.casefold()


@dataclass(frozen=True)
class Coded:
    """A code valid from ``start`` to ``end`` (ISO dates, inclusive; None = open)."""

    code: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        if self.start is not None and date < self.start:
            return False
        return not (self.end is not None and date > self.end)


@dataclass(frozen=True)
class NameEntry:
    """One name: what it is, its canonical form and its (date-ranged) codes."""

    kind: NameKind
    canonical: str
    codes: tuple[Coded, ...]
    acronym: bool = False  # written with capitals inside a word: text must have its case
    stem: bool = False  # last token matches as a prefix (PETRARCH stems such as ARGENTIN)
    title: str | None = None  # a person's office, e.g. "President of China"
    form: str = ""  # the letters of the written form, for an ``acronym`` ("IRA", "LeT")

    def code_on(self, date: str | None) -> str | None:
        """The code valid on ``date``; the latest-starting one if several, else the
        undated one, else (for a date outside every range) None."""
        valid = [c for c in self.codes if c.valid_on(date)]
        if not valid:
            return None
        dated = [c for c in valid if c.start is not None or c.end is not None]
        pool = dated or valid
        return max(pool, key=lambda c: c.start or "").code


def is_acronym(text: str) -> bool:
    """A name written with a capital inside a word ("IRA", "U.N.", "LeT", "PBoC"): its
    letter case tells it from a common word, so text must match it case and all."""
    return any(len(w) > 1 and any(c.isupper() for c in w[1:]) for w in _letters(text).split())


def case_form(text: str) -> str:
    """The letters of ``text`` without diacritics, in their case ("U.N." → "UN")."""
    return "".join(_letters(text).split())


def _letters(text: str) -> str:
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    text = text.replace(".", "")  # "U.N." is "UN"
    return "".join(c if c.isalpha() else " " for c in text)


@dataclass
class PhraseIndex:
    """Token-sequence index with longest-match lookup."""

    entries: dict[tuple[str, ...], list[NameEntry]] = field(default_factory=dict)
    # Stems are keyed by their leading tokens and the first three letters of the last one.
    stems: dict[tuple[str, ...], list[tuple[str, NameEntry]]] = field(default_factory=dict)
    firsts: dict[str, int] = field(default_factory=dict)  # first word -> longest entry
    lower_first: set[tuple[str, ...]] = field(default_factory=set)  # "al-Qaeda", "de Gaulle"
    longest: int = 0

    def add(self, tokens: Sequence[str], entry: NameEntry) -> None:
        key = tuple(fold(t) for t in tokens if t.strip())
        if not key:
            return
        if tokens[0][:1].islower():
            self.lower_first.add(key)
        if entry.stem:
            self.stems.setdefault((*key[:-1], key[-1][:3]), []).append((key[-1], entry))
            first = key[0][:3] if len(key) == 1 else key[0]
        else:
            bucket = self.entries.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            first = key[0]
        self.firsts[first] = max(self.firsts.get(first, 0), len(key))
        self.longest = max(self.longest, len(key))

    def __len__(self) -> int:
        return len(self.entries) + len(self.stems)

    def match_at(
        self,
        words: Sequence[str],
        i: int,
        *,
        proper: bool = True,
        folded: Sequence[str] | None = None,
    ) -> tuple[int, list[NameEntry]] | None:
        """The longest entry starting at ``words[i]``: (length, entries) or None.

        With ``proper``, the text must start with a capital (or a digit) and acronyms must
        be in capitals. ``folded`` is ``[fold(w) for w in words]``, if already made.
        """
        first = words[i]
        capital = first[:1].isupper() or first[:1].isdigit()
        if proper and not capital and not self.lower_first:
            return None
        keys = folded if folded is not None else [fold(w) for w in words]
        f0 = keys[i]
        top = max(self.firsts.get(f0, 0), self.firsts.get(f0[:3], 0))
        if not top:
            return None
        top = min(top, len(words) - i)
        for n in range(top, 0, -1):
            key = tuple(keys[i : i + n])
            if proper and not capital and key not in self.lower_first:
                continue
            found = self.entries.get(key)
            if found:
                ok = [
                    e for e in found if not (e.acronym and proper) or _case_ok(e, words[i : i + n])
                ]
                if ok:
                    return n, ok
            if self.stems:
                stem_hits = self._stem(key)
                if stem_hits:
                    return n, stem_hits
        return None

    def _stem(self, key: tuple[str, ...]) -> list[NameEntry]:
        cands = self.stems.get((*key[:-1], key[-1][:3]), ())
        return [e for stem, e in cands if key[-1].startswith(stem)]

    def find_all(
        self, words: Sequence[str], *, proper: bool = True
    ) -> Iterable[tuple[int, int, list[NameEntry]]]:
        """Non-overlapping longest matches, left to right: (start, end, entries)."""
        i = 0
        folded = [fold(w) for w in words]
        while i < len(words):
            hit = self.match_at(words, i, proper=proper, folded=folded)
            if hit is None:
                i += 1
                continue
            n, found = hit
            yield i, i + n, found
            i += n


def _case_ok(entry: NameEntry, words: Sequence[str]) -> bool:
    """The text has the letter case of the entry's written form (any form, for an entry
    written several ways without its own ``form``: then all in capitals)."""
    text = case_form(" ".join(words))
    if entry.form:
        return text == entry.form
    return not any(c.islower() for c in text)
