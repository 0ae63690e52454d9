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
from dataclasses import dataclass
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
        if not template.startswith("{source} ") or not fields <= FIELDS:
            raise SentenceTableError(
                f"{name}:{n}: a template starts with {{source}} and may name {{target}}, {{name}}"
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


@dataclass(frozen=True)
class Names:
    """How the article names its actors: entity names and kinds by id, country names by code."""

    entities: Mapping[str, str]
    kinds: Mapping[str, str]
    countries: Mapping[str, str]


def actor_names(doc: Document) -> Names:
    """The names the article gives its entities, and its countries by country code."""
    countries: dict[str, str] = {}
    for e in doc.entities:
        if e.kind == "country" and e.code and len(e.code) == 3:
            countries.setdefault(e.code, e.name)
    return Names(
        {e.id: e.name for e in doc.entities}, {e.id: e.kind for e in doc.entities}, countries
    )


def actor_name(entity: str | None, code: str | None, text: str | None, names: Names) -> str:
    """How the sentence names one side of an event."""
    if entity and entity in names.entities:
        return names.entities[entity]
    country = names.countries.get((code or "")[:3])
    role = ROLE_WORDS.get((code or "")[3:6])
    if country and role:
        return f"{country}'s {role}"
    if country and len(code or "") == 3:
        return country
    return text or code or "someone"


def is_plural(entity: str | None, name: str, names: Names) -> bool:
    """Whether a side is many: a group or a role named by a plural common noun ("Chinese
    companies", "Russia's rebels"); not a name ("United States", "Reuters")."""
    if entity and names.kinds.get(entity) != "group":
        return False
    last = name.split()[-1] if name.split() else ""
    return last[:1].islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def base_form(verb: str) -> str:
    """ "makes" → "make", "denies" → "deny", "discusses" → "discuss", "is" → "are"."""
    if verb in ("is", "has"):
        return {"is": "are", "has": "have"}[verb]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") else verb


def plural_predicate(predicate: str) -> str:
    """The predicate for a plural subject: its leading verbs, as listed ("arrests, detains or
    charges", "criticizes or denounces"), in the base form."""
    words = predicate.split()
    i = 0
    while i < len(words):
        comma = "," if words[i].endswith(",") else ""
        words[i] = base_form(words[i].rstrip(",")) + comma
        if comma and i + 1 < len(words):
            i += 1
        elif i + 2 < len(words) and words[i + 1] == "or":
            i += 2
        else:
            break
        if words[i] == "or":
            i += 1
    return " ".join(words)


def _inside(name: str) -> str:
    """A name inside the sentence: "The Chinese government" → "the Chinese government"."""
    return "the" + name[3:] if name.startswith("The ") else name


def event_sentence(ev: Event, names: Names) -> str:
    """The event as a plain sentence, without its codes."""
    source = actor_name(ev.source, ev.source_code, ev.source_text, names)
    target = None
    if ev.target_code or ev.target or ev.target_text:
        target = _inside(actor_name(ev.target, ev.target_code, ev.target_text, names))
    if ev.cameo_name == NOT_CAMEO:  # the verb as the text has it
        return _capital(" ".join(w for w in (source, ev.trigger, target) if w))
    name = predicate(ev.cameo_name)
    template = _template(ev.cameo, builtin_sentences())
    if target is None:
        rest = name
    elif template is None or "{target}" not in template:
        rest = f"{name} (with {target})"  # no wording for this code: the target still shows
    else:
        rest = template.format(source="", target=target, name=name).strip()
    if is_plural(ev.source, source, names):
        rest = plural_predicate(rest)
    return _capital(f"{source} {rest}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
