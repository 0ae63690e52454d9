"""Read PETRARCH verb dictionaries (``CAMEO.*.txt``, ``PETR.Validate.verbs.txt``), the verb
patterns users of PETRARCH already keep, and match their patterns on the dependency parse.

The format, as newsgraph reads it::

    &TIETYPES                  a synonym set, its members on the following "+" lines
    +MILITARY
    +ECONOMIC_AID              ("_" or a space joins the words of a member; "&SET" nests)

    --- BREAK  [1717] ---      a verb block: the code its verbs take when no pattern fits
    BREAK {BROKE BROKEN}       a verb of the block (irregular forms: spaCy gives the lemma)
    +BREAK_DOWN {+BROKE_DOWN}  a phrasal verb: "+" marks the verb word, the rest its particle
    - * DIPLOMATIC TIES [064]  a pattern: words before and after the verb (*)
    - % * TALKS [031]          "$" the source, "+" the target, "%" a compound actor,
    - + WAS_ * TO_ ^ FROM $    "^" any one word, "&SET" any member of a synonym set,
                               "_" joins words that must be adjacent (space: words between
                               are allowed)

``[---]`` means no event; ``[032:033]`` codes an event each way (source→target 032,
target→source 033). Codes are kept as written, CAMEO or not: a PETRARCH dictionary may use
WEIS-era codes. ``#`` and ``<!-- -->`` are comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.stages.events.verbs import Phrase, PhraseElem, VerbPattern, VerbTableError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.stages.events.arguments import Actor, Actors

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK = re.compile(r"^---\s*([^\[]+?)\s*\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_FORMS = re.compile(r"\{[^}]*\}")
_MODIFIER = frozenset(("compound", "amod", "poss", "nmod", "case"))
_NOUNS = frozenset(("NOUN", "PROPN"))
_CLAUSES = frozenset(("advcl", "conj", "parataxis", "cc", "mark", "punct", "relcl"))
EVENT_CODE = re.compile(r"\d{2,4}[A-Z]?")


def looks_like_petrarch(text: str) -> bool:
    """A PETRARCH verb dictionary has ``--- VERB [CODE] ---`` block lines."""
    return any(_BLOCK.match(line) for line in text.splitlines()[:5000])


def _code(raw: str) -> tuple[str, str | None] | None:
    """``032`` → ("032", None); ``032:033`` → ("032", "033"); no event → None."""
    raw = raw.strip().upper()
    first, _, second = raw.partition(":")
    if not EVENT_CODE.fullmatch(first):
        return None  # "---", and markers such as "+++" or "025?" code nothing
    return first, (second if EVENT_CODE.fullmatch(second) else None)


def _elements(text: str) -> list[PhraseElem]:
    """The elements of one side of a pattern, each marked when it must follow the previous one
    directly (joined by "_")."""
    out: list[PhraseElem] = []
    for chunk in text.split():
        first = True
        for part in chunk.split("_"):
            if not part:
                continue
            kind = {"$": "source", "+": "target", "%": "compound", "^": "skip"}.get(part)
            if kind is None and part.startswith("&"):
                out.append(PhraseElem("set", part[1:].upper(), adjacent=not first))
            else:
                out.append(PhraseElem(kind or "word", part.upper(), adjacent=not first))
            first = False
    return out


def _split_pattern(body: str) -> tuple[list[PhraseElem], list[PhraseElem]] | None:
    """``- A B * C D`` → elements before and after the verb."""
    if "*" not in body:
        return None
    before, _, after = body.partition("*")
    pre = _elements(before)
    post = _elements(after)
    if after[:1] == "_" and post:  # "*_OUT": directly after the verb
        post[0] = PhraseElem(post[0].kind, post[0].value, adjacent=True)
    if before[-1:] == "_" and pre:  # "IN_*": directly before it
        pre.append(PhraseElem("verb", "", adjacent=True))
    return pre, post


def _uncommented(line: str) -> str:
    """The line without its ``#`` comment (a ``#`` inside ``[...]`` is part of a code)."""
    depth = 0
    for k, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:k].rstrip()
    return line.rstrip()


def _forms_of(line: str) -> list[str]:
    """The forms a verb line lists in braces: ``BREAK {BROKE BROKEN}`` → BROKE, BROKEN."""
    return [w for group in _FORMS.findall(line) for w in group.strip("{}").split()]


def _verb_line(line: str) -> tuple[str, str | None, list[str]] | None:
    """``BAN {BANS}`` → ("ban", None, []); ``+BREAK_DOWN`` → ("break", "down", []);
    ``WIRE_+TAP`` → ("tap", None, ["wire"])."""
    words = _FORMS.sub("", _CODE.sub("", line)).strip().lstrip("+").strip()
    words = "_".join(words.split())  # "LASH OUT" as "LASH_OUT"
    parts = [p for p in words.split("_") if p]
    if not parts or not all(re.fullmatch(r"[A-Z+'-]+", p, re.I) for p in parts):
        return None
    marked = [k for k, p in enumerate(parts) if p.startswith("+")]
    k = marked[0] if marked else 0
    verb = parts[k].lstrip("+").lower()
    after = [p.lstrip("+").lower() for p in parts[k + 1 :]]
    before = [p.lower() for p in parts[:k]]
    if len(after) > 1:
        return None  # a particle of several words: not a phrasal verb spaCy marks
    return verb, (after[0] if after else None), before


@dataclass
class _Block:
    code: tuple[str, str | None] | None
    verbs: list[
        tuple[str, str | None, list[str], tuple[str, str | None] | None, int, list[str]]
    ] = field(default_factory=list)
    patterns: list[tuple[Phrase, tuple[str, str | None] | None, int]] = field(default_factory=list)


def read_petrarch_verbs(text: str, name: str) -> list[VerbPattern]:
    """The patterns of a PETRARCH verb dictionary called ``name``."""
    sets: dict[str, list[str]] = {}
    current_set: str | None = None
    blocks: list[_Block] = []
    block: _Block | None = None
    lines = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text).splitlines()
    for n, raw in enumerate(lines, 1):
        line = _uncommented(raw)
        if not line.strip():
            continue
        m = _BLOCK.match(line)
        if m:
            block = _Block(_code(m.group(2)))
            blocks.append(block)
            current_set = None
            continue
        if line.startswith("---"):
            raise VerbTableError(f"{name}:{n}: a block line reads '--- VERB [CODE] ---'")
        if line.startswith("&"):
            current_set = line[1:].split()[0].upper().rstrip("_")
            sets[current_set] = []
            block = None
            continue
        if line.startswith("+") and current_set is not None and block is None:
            sets[current_set].append(line[1:].strip())
            continue
        if block is None:
            continue
        if line.startswith("-"):
            cm = _CODE.search(line)
            split = _split_pattern(_CODE.sub("", line)[1:]) if cm else None
            if cm is None or split is None:
                raise VerbTableError(f"{name}:{n}: a pattern needs a verb (*) and a [CODE]")
            pre, post = split
            block.patterns.append((Phrase(tuple(pre), tuple(post)), _code(cm.group(1)), n))
            continue
        entry = _verb_line(line)
        if entry is None:
            continue
        cm = _CODE.search(line)
        own = _code(cm.group(1)) if cm else block.code
        forms = [form[0] for w in _forms_of(line) if (form := _verb_line(w)) is not None]
        block.verbs.append((*entry, own, n, forms))
    if not blocks:
        raise VerbTableError(f"{name}: no '--- VERB [CODE] ---' blocks: not a PETRARCH verb file")
    expanded = _expand_sets(sets)
    out: list[VerbPattern] = []
    for b in blocks:
        for verb, particle, pre_words, own, n, forms in b.verbs:
            lead = tuple(PhraseElem("word", w.upper(), adjacent=True) for w in pre_words)
            # listed forms ("CORDONED") index the same patterns, for lemmas spaCy gets wrong
            for word in dict.fromkeys([verb, *forms]):
                for phrase, code, pn in b.patterns:
                    out.append(
                        _pattern(word, particle, code, phrase, f"{name}:{pn}", expanded, lead)
                    )
                out.append(
                    _pattern(word, particle, own, Phrase((), ()), f"{name}:{n}", expanded, lead)
                )
    return out


def _pattern(
    verb: str,
    particle: str | None,
    code: tuple[str, str | None] | None,
    phrase: Phrase,
    where: str,
    sets: dict[str, tuple[tuple[str, ...], ...]],
    lead: tuple[PhraseElem, ...],
) -> VerbPattern:
    before = phrase.before
    if lead:  # "WIRE_+TAP": the words before the verb word touch it
        before = (*before, *lead, PhraseElem("verb", "", adjacent=True))
    return VerbPattern(
        code=code[0] if code else "",
        verb=verb,
        particle=particle,
        objects=None,
        targets=("obj",),
        where=where,
        phrase=Phrase(before, phrase.after, sets),
        code2=code[1] if code else None,
    )


def _expand_sets(sets: dict[str, list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each synonym set as word sequences, nested sets expanded (a cycle expands once)."""

    def expand(name: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for member in sets.get(name, []):
            seqs: list[tuple[str, ...]] = [()]
            for word in member.replace("_", " ").split():
                word = word.upper()
                if word.startswith("&"):
                    sub = word[1:]
                    alts = expand(sub, seen | {name}) if sub not in seen else []
                    seqs = [s + a for s in seqs for a in alts]
                else:
                    seqs = [(*s, word) for s in seqs]
            out += [s for s in seqs if s]
        return out

    return {name: tuple(expand(name, frozenset())) for name in sets}


# --- matching ------------------------------------------------------------------------------


@dataclass
class PhraseMatch:
    sources: list[Actor] | None = None
    targets: list[Actor] | None = None
    compound: list[Actor] | None = None
    mutual: bool = False  # "% * TALKS": the compound's members act on one another


def _word_fits(tok: Token, word: str) -> bool:
    """Pattern words match as written ("EFFORT" is not "efforts"): alternatives are what
    synonym sets are for. Only the verb itself is matched by its lemma."""
    return tok.text.upper() == word


def _phrase_actors(tok: Token, actors: Actors) -> tuple[list[Actor], int] | None:
    """The actors of the phrase starting at ``tok`` (conjuncts included) and the index just
    past its first mention; None when no actor is mentioned there."""
    hit = actors.at.get(tok.i)
    if hit is None:
        return None
    mention = hit[0]
    head = tok
    while head.head.i != head.i and mention.i <= head.head.i < mention.j:
        head = head.head
    # "Osgiliath soldiers", "Gondor's government": the noun the name modifies is the actor
    noun = head
    while noun.dep_ in _MODIFIER and noun.head.i > noun.i and noun.head.pos_ in _NOUNS:
        noun = noun.head
    found = (actors.of_phrase(noun) if noun is not head else []) or actors.of_phrase(head)
    end = max(mention.j, noun.i + 1)
    return found or [actors.actor(*hit)], end


def _match(
    elems: Sequence[PhraseElem],
    toks: Sequence[Token],
    pos: int,
    actors: Actors,
    phrase: Phrase,
    got: PhraseMatch,
    back: bool = False,
) -> bool:
    """Backtracking match of ``elems`` on ``toks`` from ``pos``; fills ``got``. ``back``:
    ``toks`` run leftwards from the verb, so a set member's words are read in reverse."""
    if not elems:
        return True
    e, rest = elems[0], elems[1:]
    last = pos if e.adjacent else len(toks) - 1
    for p in range(pos, min(last, len(toks) - 1) + 1):
        tok = toks[p]
        if (e.kind == "word" and _word_fits(tok, e.value)) or e.kind == "skip":
            if _match(rest, toks, p + 1, actors, phrase, got, back):
                return True
        elif e.kind == "set":
            for members in phrase.sets.get(e.value, ()):
                seq = members[::-1] if back else members
                if (
                    p + len(seq) <= len(toks)
                    and all(_word_fits(toks[p + k], w) for k, w in enumerate(seq))
                    and _match(rest, toks, p + len(seq), actors, phrase, got, back)
                ):
                    return True
        elif e.kind in ("source", "target", "compound"):
            found = _phrase_actors(tok, actors)
            if found is not None:
                who, end = found
                nxt = p + 1
                while nxt < len(toks) and toks[nxt].i < end:
                    nxt += 1
                if _match(rest, toks, nxt, actors, phrase, got, back):
                    if e.kind == "source":
                        got.sources = who
                    elif e.kind == "target":
                        got.targets = who
                    else:
                        got.compound = who
                    return True
    return False


def _reverse(elems: Iterable[PhraseElem]) -> list[PhraseElem]:
    """Elements before the verb, read from the verb leftwards: adjacency moves to the
    element it joins."""
    items = list(elems)
    out: list[PhraseElem] = []
    for k in range(len(items) - 1, -1, -1):
        joined = k + 1 < len(items) and items[k + 1].adjacent
        out.append(PhraseElem(items[k].kind, items[k].value, adjacent=joined))
    if out and out[0].kind == "verb":
        rest = out[1:]
        out = [PhraseElem(rest[0].kind, rest[0].value, adjacent=True), *rest[1:]] if rest else []
    return out


def match_phrase(
    p: VerbPattern, verb: Token, actors: Actors, sentence: frozenset[str] | None = None
) -> PhraseMatch | None:
    """Whether the PETRARCH pattern ``p`` fits around ``verb``, and the actors it marks.
    ``sentence``: the sentence's words in capitals, to skip a pattern whose words are absent
    (a large dictionary has hundreds of patterns a verb)."""
    phrase = p.phrase
    if phrase is None:
        return None
    if sentence is not None and not phrase.words <= sentence:
        return None
    got = PhraseMatch()
    if phrase.after:
        right = [t for t in verb.subtree if t.i > verb.i and not t.is_punct]
        if not _match(phrase.after, right, 0, actors, phrase, got):
            return None
    if got.compound:  # "* WITH %": the compound is on the receiving end
        got.targets, got.compound = got.targets or got.compound, None
    if phrase.before:
        left = [t for t in verb.sent if t.i < verb.i and not t.is_punct][::-1]
        if not _match(_reverse(phrase.before), left, 0, actors, phrase, got, back=True):
            return None
    if got.compound:  # "% * TALKS": the compound acts, each member with the others
        got.sources, got.compound = got.sources or got.compound, None
        got.mutual = not got.targets
    return got


def first_actor_after(verb: Token, actors: Actors) -> list[Actor]:
    """PETRARCH's default target: the first actor in the verb's phrase after the verb (its
    objects and prepositional phrases; not a clause of its own, as in "after X was seen")."""
    for child in verb.rights:
        if child.dep_ in _CLAUSES:
            continue
        for t in child.subtree:
            found = _phrase_actors(t, actors)
            if found is not None:
                return found[0]
    return []
