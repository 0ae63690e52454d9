"""The verb patterns that turn a clause into a CAMEO event.

``data/verbs.tsv`` holds one pattern per line, five tab-separated columns::

    code    verb     particle  object                        target
    042     visit    -         -                             obj
    057     sign     -         agreement|accord|treaty|pact  with
    0874    pull     out       troop|force|soldier           from

- ``verb`` is the lemma of the clause's main verb, ``particle`` its phrasal particle ("-": none).
- ``object`` restricts the head noun of the direct object (lemmas joined by "|"; "-": any):
  light verbs ("hold talks", "launch an attack") are events only with the right object.
- ``target`` says where the target actor is: ``obj`` (the direct object, or the passive
  subject), ``obj*`` (any actor inside the object phrase, as in "broker a deal between A and
  B"), a preposition whose object is the target (on the verb or on the object noun), several
  joined by "|" and tried in order, or "-" for none.

Lines starting with "#" are comments. The most specific pattern wins: one whose particle and
object match beats one that leaves them open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.stages.events.codes import cameo_codes


@dataclass(frozen=True)
class VerbPattern:
    code: str
    verb: str
    particle: str | None
    objects: frozenset[str] | None
    targets: tuple[str, ...]
    where: str  # "file:line", for --explain

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0)

    def describe(self) -> str:
        parts = [self.verb]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            parts.append("[" + "|".join(sorted(self.objects)) + "]")
        if self.targets:
            parts.append("→ " + "|".join(self.targets))
        return " ".join(parts)


class VerbTableError(InputError):
    """A verb pattern file that cannot be read."""


def parse_patterns(lines: Iterable[str], name: str) -> list[VerbPattern]:
    """Patterns from the lines of a ``verbs.tsv``-style file called ``name``."""
    codes = cameo_codes()
    out: list[VerbPattern] = []
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 5:
            raise VerbTableError(f"{name}:{n}: expected 5 tab-separated columns, found {len(cols)}")
        code, verb, particle, objects, target = cols
        if code not in codes:
            raise VerbTableError(f"{name}:{n}: {code!r} is not a CAMEO event code")
        if not verb or verb == "-":
            raise VerbTableError(f"{name}:{n}: the verb column is empty")
        out.append(
            VerbPattern(
                code=code,
                verb=verb.lower(),
                particle=None if particle in ("", "-") else particle.lower(),
                objects=None if objects in ("", "-") else frozenset(objects.lower().split("|")),
                targets=() if target in ("", "-") else tuple(target.lower().split("|")),
                where=f"{name}:{n}",
            )
        )
    return out


@lru_cache(maxsize=1)
def builtin_patterns() -> dict[str, list[VerbPattern]]:
    """newsgraph's own patterns, by verb lemma, most specific first."""
    text = resources.files("newsgraph.stages.events").joinpath("data/verbs.tsv").read_text("utf-8")
    return index(parse_patterns(text.splitlines(), "verbs.tsv"))


def read_patterns(path: str | Path) -> list[VerbPattern]:
    """Patterns from a user's file in the ``verbs.tsv`` format."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VerbTableError(f"{p}: cannot read the verb patterns ({exc})") from exc
    return parse_patterns(text.splitlines(), p.name)


def index(patterns: Iterable[VerbPattern]) -> dict[str, list[VerbPattern]]:
    by_verb: dict[str, list[VerbPattern]] = {}
    for p in patterns:
        by_verb.setdefault(p.verb, []).append(p)
    for entries in by_verb.values():
        entries.sort(key=lambda p: -p.specificity)
    return by_verb
