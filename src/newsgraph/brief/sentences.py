"""An event as a plain sentence: "Xi Jinping visits Russia", beside its codes (042, asserted).

``data/sentences.tsv`` holds a template per CAMEO code; an event takes the row of the longest
code its own code starts with, so a root's row ("19  {source} {name} against {target}")
serves every code under it that has none. ``{name}`` is the code's CAMEO name with its verb in
the third person. An event with no target reads "{source} {name}"; one coded from a user's
verb dictionary (no CAMEO name) reads "{source} {trigger} {target}".

The actors are named as the article names them: the entity's name, else, for an actor coded
from the tables alone ("Russian" in "the Russian invasion"), its country as the article names
it and its role ("Russia's military"), else the words of the text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from newsgraph.errors import NewsgraphError
from newsgraph.model import Document, Event
from newsgraph.stages.events import NOT_CAMEO, cameo_codes

FIELDS = frozenset({"source", "target", "name"})
# the CAMEO role codes an actor coded from the tables alone may carry, as words
ROLE_WORDS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "REB": "rebels",
    "SPY": "intelligence services",
    "PTY": "party",
    "MED": "media",
    "BUS": "businesses",
    "CVL": "civilians",
    "REF": "refugees",
    "ELI": "elites",
}
_NOT_SPECIFIED = re.compile(r",?\s*not spec(ified)? below", re.I)


class SentenceTableError(NewsgraphError):
    """A sentence template table that cannot be read."""


def parse_sentences(lines: Iterable[str], name: str) -> dict[str, str]:
    """Templates by CAMEO code from the lines of a ``sentences.tsv``-style file."""
    codes = cameo_codes()
    out: dict[str, str] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2:
            raise SentenceTableError(f"{name}:{n}: expected 2 tab-separated columns")
        code, template = cols[0].strip(), cols[1].strip()
        if code not in codes:
            raise SentenceTableError(f"{name}:{n}: {code!r} is not a CAMEO event code")
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
        if "source" not in fields or not fields <= FIELDS:
            raise SentenceTableError(
                f"{name}:{n}: a template names {{source}} and may name {{target}}, {{name}}"
            )
        out[code] = template
    return out


@lru_cache(maxsize=1)
def builtin_sentences() -> dict[str, str]:
    text = resources.files("newsgraph.brief").joinpath("data/sentences.tsv").read_text("utf-8")
    return parse_sentences(text.splitlines(), "sentences.tsv")


def third_person(verb: str) -> str:
    """ "make" → "makes", "deny" → "denies", "discuss" → "discusses", "veto" → "vetoes"."""
    low = verb.lower()
    if low in ("be", "have"):
        return {"be": "is", "have": "has"}[low]
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return low + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return low[:-1] + "ies"
    return low + "s"


def plain_name(cameo_name: str) -> str:
    """A CAMEO name without the codebook's "not specified below"."""
    return _NOT_SPECIFIED.sub("", cameo_name).strip().rstrip(",")


def predicate(cameo_name: str) -> str:
    """A CAMEO name as a verb phrase in the third person: "Appeal for economic aid, not
    specified below" → "appeals for economic aid"; "Criticize or denounce" → "criticizes or
    denounces"."""
    words = plain_name(cameo_name).split()
    if not words:
        return ""
    verbs = [0]
    if len(words) > 2 and words[1] == "or":  # "Criticize or denounce"
        verbs.append(2)
    elif len(words) > 1 and words[0].endswith(","):  # "Return, release person(s)"
        verbs.append(1)
    for i in verbs:
        comma = "," if words[i].endswith(",") else ""
        words[i] = third_person(words[i].rstrip(",")) + comma
    return " ".join(words)


def _template(code: str, table: Mapping[str, str]) -> str | None:
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


def actor_names(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    """Entity names by id, and country names by country code (the article's own)."""
    names = {e.id: e.name for e in doc.entities}
    countries: dict[str, str] = {}
    for e in doc.entities:
        if e.kind == "country" and e.code and len(e.code) == 3:
            countries.setdefault(e.code, e.name)
    return names, countries


def actor_name(
    entity: str | None,
    code: str | None,
    text: str | None,
    names: Mapping[str, str],
    countries: Mapping[str, str],
) -> str:
    """How the sentence names one side of an event."""
    if entity and entity in names:
        return names[entity]
    country = countries.get((code or "")[:3])
    role = ROLE_WORDS.get((code or "")[3:6])
    if country and role:
        return f"{country}'s {role}"
    if country and len(code or "") == 3:
        return country
    return text or code or "someone"


def _inside(name: str) -> str:
    """A name inside the sentence: "The Chinese government" → "the Chinese government"."""
    return "the" + name[3:] if name.startswith("The ") else name


def event_sentence(ev: Event, names: Mapping[str, str], countries: Mapping[str, str]) -> str:
    """The event as a plain sentence, without its codes."""
    source = actor_name(ev.source, ev.source_code, ev.source_text, names, countries)
    target = None
    if ev.target_code or ev.target or ev.target_text:
        target = actor_name(ev.target, ev.target_code, ev.target_text, names, countries)
    if ev.cameo_name == NOT_CAMEO:
        said = " ".join(w for w in (source, ev.trigger, target and _inside(target)) if w)
    else:
        name = predicate(ev.cameo_name)
        template = _template(ev.cameo, builtin_sentences())
        if target is None or template is None or "{target}" not in template:
            said = f"{source} {name}"
        else:
            said = template.format(source=source, target=_inside(target), name=name)
    return said[:1].upper() + said[1:]
