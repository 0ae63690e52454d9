"""The real-page gold: loading, validation, and the tune/report halves.

One JSON object a line (the annotation spec): ``set``, ``file``, ``genre``, ``quotes``,
``actors``, ``not_actors`` and free ``url``, ``genre_why``, ``notes``. A line that does not
follow the format stops the load with a `GoldError` naming the file and line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.datasets import BENCHMARKS

__all__ = [
    "GENRES",
    "GoldActor",
    "GoldError",
    "GoldPage",
    "GoldQuote",
    "half_of",
    "load_gold",
    "parse_page",
]

GENRES = ("news", "analysis", "essay", "press_release", "transcript", "commerce", "listing")
QUOTE_KINDS = ("direct", "indirect", "mixed")
ACTOR_KINDS = ("person", "organization", "country", "place")
# The pages come from the extraction sets that ../shared/README.md marks "tune" only.
TUNE_SETS = tuple(spec.subdir for spec in BENCHMARKS.values() if spec.role == "tune")


class GoldError(ValueError):
    """A gold line that does not follow the annotation format."""


@dataclass(frozen=True)
class GoldQuote:
    first: str
    last: str
    speaker: str | None
    speaker_alt: tuple[str, ...]
    kind: str
    uncertain: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every acceptable speaker name: the speaker, then its alternatives."""
        return tuple(n for n in (self.speaker, *self.speaker_alt) if n)


@dataclass(frozen=True)
class GoldActor:
    name: str
    aliases: tuple[str, ...]
    codes: tuple[str | None, ...]  # acceptable CAMEO codes; None: "no code" is acceptable
    kind: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldPage:
    set: str
    file: str
    genre: str
    quotes: tuple[GoldQuote, ...]
    actors: tuple[GoldActor, ...]
    not_actors: tuple[str, ...]
    url: str | None = None
    where: str = ""  # "FILE:LINE", for messages

    @property
    def key(self) -> str:
        return f"{self.set}/{self.file}"

    @property
    def half(self) -> str:
        return half_of(self.set, self.file)


def half_of(set_name: str, file: str) -> str:
    """ "tune" when the first hex digit of sha1("set/file") is even, else "report"."""
    digit = int(hashlib.sha1(f"{set_name}/{file}".encode()).hexdigest()[0], 16)
    return "tune" if digit % 2 == 0 else "report"


def _str(obj: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{key!r} must be a non-empty string, got {value!r}")
    return value


def _choice(obj: dict[str, Any], key: str, allowed: Sequence[str]) -> str:
    value = obj.get(key)
    if value not in allowed:
        raise GoldError(f"{key!r} must be one of {', '.join(allowed)}; got {value!r}")
    return str(value)


def _strs(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GoldError(f"{key!r} must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def _list(obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise GoldError(f"{key!r} must be a list of objects")
    return value


def _quote(k: int, q: dict[str, Any]) -> GoldQuote:
    try:
        uncertain = q.get("uncertain", False)
        if not isinstance(uncertain, bool):
            raise GoldError(f"'uncertain' must be true or false, got {uncertain!r}")
        return GoldQuote(
            first=str(_str(q, "first")),
            last=str(_str(q, "last")),
            speaker=_str(q, "speaker", required=False),
            speaker_alt=_strs(q, "speaker_alt"),
            kind=_choice(q, "kind", QUOTE_KINDS),
            uncertain=uncertain,
        )
    except GoldError as exc:
        raise GoldError(f"quotes[{k}]: {exc}") from None


def _actor(k: int, a: dict[str, Any]) -> GoldActor:
    try:
        codes = a.get("codes")
        if (
            not isinstance(codes, list)
            or not codes
            or not all(c is None or (isinstance(c, str) and c.strip()) for c in codes)
        ):
            raise GoldError(f"'codes' must be a non-empty list of codes (or null), got {codes!r}")
        return GoldActor(
            name=str(_str(a, "name")),
            aliases=_strs(a, "aliases"),
            codes=tuple(c.strip().upper() if c else None for c in codes),
            kind=_choice(a, "kind", ACTOR_KINDS),
        )
    except GoldError as exc:
        raise GoldError(f"actors[{k}]: {exc}") from None


def _file(obj: dict[str, Any]) -> str:
    file = str(_str(obj, "file"))
    if file.startswith("/") or ".." in Path(file).parts:
        raise GoldError(f"'file' must be a path inside its set's folder, got {file!r}")
    return file


def parse_page(obj: Any, where: str = "") -> GoldPage:
    """One gold line's object as a `GoldPage`; `GoldError` says what is wrong with it."""
    if not isinstance(obj, dict):
        raise GoldError("a line must be a JSON object")
    set_name = str(_str(obj, "set"))
    if not any(set_name == t or set_name.startswith(t + "/") for t in TUNE_SETS):
        raise GoldError(f"'set' must be a tune set ({', '.join(TUNE_SETS)}), got {set_name!r}")
    return GoldPage(
        set=set_name,
        file=_file(obj),
        genre=_choice(obj, "genre", GENRES),
        quotes=tuple(_quote(k, q) for k, q in enumerate(_list(obj, "quotes"))),
        actors=tuple(_actor(k, a) for k, a in enumerate(_list(obj, "actors"))),
        not_actors=_strs(obj, "not_actors"),
        url=_str(obj, "url", required=False),
        where=where,
    )


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            yield n, line


def load_gold(paths: Sequence[Path]) -> list[GoldPage]:
    """Every page of the gold files, in file order; a page given twice is an error."""
    pages: list[GoldPage] = []
    seen: dict[str, str] = {}
    for path in paths:
        for n, line in _lines(path):
            where = f"{path}:{n}"
            try:
                page = parse_page(json.loads(line), where)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
            except GoldError as exc:
                raise GoldError(f"{where}: {exc}") from None
            if page.key in seen:
                raise GoldError(
                    f"{where}: page {page.key} is already annotated at {seen[page.key]}"
                )
            seen[page.key] = where
            pages.append(page)
    return pages
