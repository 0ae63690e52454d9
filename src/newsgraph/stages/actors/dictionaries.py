"""Read PETRARCH/Phoenix actor dictionaries (``*.actors.txt``), the format users of
PETRARCH already keep, into a phrase index that codes named actors by date.

The format, as newsgraph reads it::

    VLADIMIR_PUTIN_            # a new entry; "_" joins words, a final "_" ends the word
    +PRESIDENT_PUTIN_          # a synonym of the entry above
        [RUSGOV 000507-080507] # a code valid in a date range (YYMMDD or YYYYMMDD)
        [RUSELI]               # a code with no range
    ARGENTIN [ARG]             # no final "_": the last word is a stem (Argentina, Argentine)

``>DATE`` opens a range at DATE, ``<DATE`` closes it. ``#`` and ``<!-- -->`` are comments.

Agent dictionaries (``*.agents.txt``) are read from the same files: an entry whose code has a
``~`` is a role word, not a name::

    !MINIST! = MINISTER, MINISTRY       a substitution used in the entries below
    FOREIGN_!MINIST! [~GOVFRM]          the role code follows the country: "Norwegian foreign
                                        minister" → NORGOVFRM
    HUMAN_RIGHTS_BODY [NGO~]            the role code comes first: "a Norwegian human rights
                                        body" → NGONOR
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   plurals in braces
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.stages.actors.names import Coded, NameEntry, PhraseIndex, fold
from newsgraph.stages.actors.tables import Agent, AgentIndex, AgentKind, tokens_of

_CODE = re.compile(r"\[\s*([^\]\s]+)\s*([^\]]*)\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


class DictionaryError(InputError):
    """An actor dictionary that cannot be read."""


def _date(raw: str) -> str | None:
    raw = raw.strip()
    if re.fullmatch(r"\d{8}", raw):
        y, m, d = raw[:4], raw[4:6], raw[6:]
    elif re.fullmatch(r"\d{6}", raw):
        yy = int(raw[:2])
        y, m, d = str(1900 + yy if yy >= 30 else 2000 + yy), raw[2:4], raw[4:]
    else:
        return None
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def parse_code(code: str, when: str) -> Coded | None:
    """``[CODE when]`` → Coded; None for codes that carry nothing (``---``, agents ``~``)."""
    code = code.upper()
    if code.startswith("~") or not re.fullmatch(r"[A-Z]{3,15}", code):
        return None
    when = when.strip()
    if not when:
        return Coded(code)
    if when.startswith(">"):
        return Coded(code, start=_date(when[1:]))
    if when.startswith("<"):
        return Coded(code, end=_date(when[1:]))
    if "-" in when:
        a, b = when.split("-", 1)
        return Coded(code, start=_date(a), end=_date(b))
    return Coded(code)


@dataclass
class _Group:
    phrases: list[str] = field(default_factory=list)
    codes: list[Coded] = field(default_factory=list)


def _groups(text: str) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    for raw in _COMMENT.sub("", text).splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "!")):
            continue
        codes = [c for c in (parse_code(m[0], m[1]) for m in _CODE.findall(line)) if c]
        phrase = _CODE.sub("", line).strip()
        if line[0] in " \t":
            if current is not None:
                current.codes.extend(codes)
            continue
        if line.startswith("+"):
            if current is not None:
                current.phrases.append(phrase[1:].strip())
                current.codes.extend(codes)
            continue
        current = _Group([phrase], list(codes))
        groups.append(current)
    return groups


def read_actor_dictionary(path: str | Path, index: PhraseIndex | None = None) -> PhraseIndex:
    """Add the entries of one dictionary file to ``index`` (a new one by default)."""
    index = index if index is not None else PhraseIndex()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(
            f"cannot read actor dictionary ({exc.strerror})", source=str(p)
        ) from None
    groups = _groups(text)
    if not any(g.codes for g in groups) and not agent_entries(text):
        raise DictionaryError(
            "is not a PETRARCH/Phoenix actor or agent dictionary (no [CODE] entries found)",
            source=str(p),
        )
    for g in groups:
        if not g.codes:
            continue
        canonical = g.phrases[0].replace("_", " ").strip().title()
        for phrase in g.phrases:
            if not phrase.strip("_ "):
                continue
            stem = not phrase.endswith("_")
            words = tokens_of(phrase.strip("_ ").replace("_", " "))
            if not words:
                continue
            index.add(words, NameEntry("user", canonical, tuple(g.codes), stem=stem))
    return index


def read_actor_dictionaries(paths: list[str] | list[Path]) -> PhraseIndex:
    index = PhraseIndex()
    for p in paths:
        read_actor_dictionary(p, index)
    return index


_MACRO = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.I)
_BRACES = re.compile(r"\{([^}]*)\}")


def _expand(phrase: str, macros: dict[str, list[str]], depth: int = 0) -> list[str]:
    """``FOREIGN_!MINIST!`` → every phrase the substitution gives."""
    m = re.search(r"![A-Z0-9_]+!", phrase, re.I)
    if m is None or depth > 3:
        return [phrase]
    alts = macros.get(m.group(0).upper())
    if not alts:
        return [phrase.replace(m.group(0), "")]
    out: list[str] = []
    for alt in alts:
        out += _expand(phrase[: m.start()] + alt + phrase[m.end() :], macros, depth + 1)
    return out


def agent_entries(text: str) -> list[tuple[tuple[str, ...], str]]:
    """The role words of an agent dictionary: (words, role), a role ending in "~" coming
    before the country ("NGO~")."""
    macros: dict[str, list[str]] = {}
    out: list[tuple[tuple[str, ...], str]] = []
    for raw in _COMMENT.sub("", text).splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes or "~" not in codes[0][0]:
            continue
        code = codes[0][0].strip().upper()
        role = code[1:] if code.startswith("~") else code
        if not role.strip("~") or not re.fullmatch(r"[A-Z]{2,12}~?", role):
            continue
        head = _CODE.sub("", line)
        phrases = [_BRACES.sub("", head).strip()]
        phrases += [w for group in _BRACES.findall(head) for w in group.split()]
        for phrase in phrases:
            for each in _expand(phrase.lstrip("+"), macros):
                words = tokens_of(each.strip("_ ").replace("_", " "))
                if words:
                    out.append((tuple(words), role))
    return out


def read_agent_dictionaries(paths: list[str] | list[Path]) -> list[tuple[tuple[str, ...], str]]:
    out: list[tuple[tuple[str, ...], str]] = []
    for p in paths:
        try:
            text = Path(p).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise DictionaryError(
                f"cannot read actor dictionary ({exc.strerror})", source=str(p)
            ) from None
        out += agent_entries(text)
    return out


def with_user_agents(agents: AgentIndex, entries: list[tuple[tuple[str, ...], str]]) -> AgentIndex:
    """``agents`` with the user's role words first: a word the built-in table has keeps its
    kinds (title, noun, modifier) with the user's code; a new word is a noun."""
    merged = AgentIndex()
    for words, role in entries:
        key = tuple(words)
        # the built-in kinds of the word, in their order (a noun before a modifier)
        kinds: list[AgentKind] = list(
            dict.fromkeys(a.kind for a in agents.entries.get(tuple(fold(w) for w in key), ()))
        )
        for kind in kinds or ["noun"]:
            merged.add(key, Agent(role, kind, " ".join(words)))
    for key, bucket in agents.entries.items():
        for a in bucket:
            merged.add(key, a)
    return merged
