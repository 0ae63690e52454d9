"""The verb patterns that turn a clause into a CAMEO event.

``data/verbs.tsv`` holds one pattern per line, five tab-separated columns and an optional
sixth::

    code    verb     particle  object                        target  needs
    042     visit    -         -                             obj
    057     sign     -         agreement|accord|treaty|pact  with
    0874    pull     out       troop|force|soldier           from
    043     host     -         -                             obj     political

- ``verb`` is the lemma of the clause's main verb, ``particle`` its phrasal particle ("-": none).
- ``object`` restricts the head noun of the direct object (lemmas joined by "|"; "-": any):
  light verbs ("hold talks", "launch an attack") are events only with the right object.
- ``target`` says where the target actor is: ``obj`` (the direct object, or the passive
  subject), ``obj*`` (any actor inside the object phrase, as in "broker a deal between A and
  B"), a preposition whose object is the target (on the verb or on the object noun), several
  joined by "|" and tried in order, or "-" for none.
- ``needs`` (optional; "-" or absent: nothing) ``political`` for a verb whose sense depends on
  what it acts on: its object (or the phrase its target comes from) must name a political
  actor or be an event noun. "Kenya hosted the Ugandan president" is 043, "Ann Lee hosts the
  Morning Show" is no event; "retreated from the capital" is 0874, "retreated from the Paris
  Agreement" is not.

Lines starting with "#" are comments. The most specific pattern wins: one whose particle and
object match beats one that leaves them open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.stages.events.codes import cameo_codes


@dataclass(frozen=True)
class PhraseElem:
    """One element of a PETRARCH pattern (``petrarch``): a word, a synonym set, an actor slot
    (source, target, compound), any one word (skip), or the verb itself."""

    kind: str
    value: str
    adjacent: bool = False  # must directly follow the element before it


@dataclass(frozen=True)
class Phrase:
    """The words a PETRARCH pattern wants before and after its verb."""

    before: tuple[PhraseElem, ...]
    after: tuple[PhraseElem, ...]
    sets: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.before, self.after))

    @cached_property
    def words(self) -> frozenset[str]:
        """The plain words the pattern needs, to rule it out before matching."""
        return frozenset(e.value for e in (*self.before, *self.after) if e.kind == "word")

    def describe(self) -> str:
        def show(elems: tuple[PhraseElem, ...]) -> str:
            marks = {"source": "$", "target": "+", "compound": "%", "skip": "^", "verb": ""}
            out = ""
            for e in elems:
                text = marks.get(e.kind, ("&" if e.kind == "set" else "") + e.value)
                out += ("_" if e.adjacent and out else " " if out else "") + text
            return out

        return f"{show(self.before)} * {show(self.after)}".strip()


@dataclass(frozen=True)
class VerbPattern:
    code: str  # "" for a pattern that codes no event (PETRARCH's [---])
    verb: str
    particle: str | None
    objects: frozenset[str] | None
    targets: tuple[str, ...]
    where: str  # "file:line", for --explain
    phrase: Phrase | None = None  # a PETRARCH pattern's words around the verb
    code2: str | None = None  # the code of the event back (PETRARCH's [032:033])
    political: bool = False  # its object must be a political actor or an event noun

    @property
    def specificity(self) -> int:
        if self.phrase is not None:
            return 10 * (len(self.phrase.before) + len(self.phrase.after))
        return (2 if self.objects else 0) + (1 if self.particle else 0)

    def describe(self) -> str:
        if self.phrase is not None:
            code = self.code or "---"
            code += f":{self.code2}" if self.code2 else ""
            return f"{self.verb} [{code}] " + (self.phrase.describe().replace("*", self.verb))
        parts = [self.verb]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            parts.append("[" + "|".join(sorted(self.objects)) + "]")
        if self.targets:
            parts.append("→ " + "|".join(self.targets))
        if self.political:
            parts.append("(political object)")
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
        if len(cols) not in (5, 6):
            raise VerbTableError(
                f"{name}:{n}: expected 5 tab-separated columns (6 with 'needs'), found {len(cols)}"
            )
        code, verb, particle, objects, target = cols[:5]
        if code not in codes:
            raise VerbTableError(f"{name}:{n}: {code!r} is not a CAMEO event code")
        if not verb or verb == "-":
            raise VerbTableError(f"{name}:{n}: the verb column is empty")
        political = needs_political(cols[5] if len(cols) == 6 else "", f"{name}:{n}")
        out.append(
            VerbPattern(
                code=code,
                verb=verb.lower(),
                particle=None if particle in ("", "-") else particle.lower(),
                objects=None if objects in ("", "-") else frozenset(objects.lower().split("|")),
                targets=() if target in ("", "-") else tuple(target.lower().split("|")),
                where=f"{name}:{n}",
                political=political,
            )
        )
    return out


def needs_political(value: str, where: str) -> bool:
    """The ``needs`` column of a verb or noun table: "political" or nothing ("-", empty)."""
    if value in ("", "-"):
        return False
    if value.lower() == "political":
        return True
    raise VerbTableError(f"{where}: the needs column is '-' or 'political', not {value!r}")


@lru_cache(maxsize=1)
def builtin_patterns() -> dict[str, list[VerbPattern]]:
    """newsgraph's own patterns, by verb lemma, most specific first."""
    text = resources.files("newsgraph.stages.events").joinpath("data/verbs.tsv").read_text("utf-8")
    return index(parse_patterns(text.splitlines(), "verbs.tsv"))


def read_patterns(path: str | Path) -> list[VerbPattern]:
    """Patterns from a user's file: the ``verbs.tsv`` format, or a PETRARCH verb dictionary
    (``--- VERB [CODE] ---`` blocks, read by ``petrarch``)."""
    from newsgraph.stages.events.petrarch import looks_like_petrarch, read_petrarch_verbs

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise VerbTableError(f"{p}: cannot read the verb patterns ({exc.strerror or exc})") from exc
    if looks_like_petrarch(text):
        return read_petrarch_verbs(text, p.name)
    return parse_patterns(text.splitlines(), p.name)


def index(patterns: Iterable[VerbPattern]) -> dict[str, list[VerbPattern]]:
    by_verb: dict[str, list[VerbPattern]] = {}
    for p in patterns:
        by_verb.setdefault(p.verb, []).append(p)
    for entries in by_verb.values():
        entries.sort(key=lambda p: -p.specificity)
    return by_verb
