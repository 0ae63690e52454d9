"""Find actor mentions in the parse and code each one.

Candidates are spaCy's named entities (people, organisations, places, nationalities), names
from the lexicon that spaCy missed, and role noun phrases ("the Chinese president", "Kenyan
police", "rebels"). Each is coded with the words around it: the titles and modifiers before
a name and its appositive ("Alexander Gabuev, senior fellow at the Carnegie Endowment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsgraph.stages.actors.actorhood import ORG_WORDS
from newsgraph.stages.actors.coder import Coding, code_phrase, compose, country_of, is_place
from newsgraph.stages.actors.evidence import evidence_of, is_short, supported
from newsgraph.stages.actors.names import NameEntry, PhraseIndex, fold
from newsgraph.stages.actors.tables import Lexicon
from newsgraph.stages.actors.things import inside_thing, thing_spans
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Role = Literal["person", "org", "place", "norp", "nominal"]

NER_LABELS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "NORP": "norp",
    "FAC": "org",
}


# Section labels and page furniture that spaCy tends to take for names.
FURNITURE = words(
    "analysis opinion comment commentary editorial explainer update updated breaking "
    "live watch video photo photos gallery advertisement related share follow "
    "subscribe newsletter podcast listen read more reuters ap afp "
)
MODIFIER_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "case", "nummod", "punct", "prep", "pobj"}
)
PLACE_PREPS = words(
    "in to at from near into across around outside inside within throughout toward "
    "towards via through between over "
)
# Roles too generic to make an actor of a phrase that names no country ("experts").
WEAK_ROLES = frozenset(
    {"CVL", "ELI", "EDU", "BUS", "HLH", "LAB", "AGR", "REF", "DEV", "ENV", "GOV"}
)
# Nouns for people that are not actor roles of their own.
PERSON_NOUNS = words("fellow scholar researcher professor author man woman resident member")
_HYPHEN_NAMES = re.compile(r"^[A-Z][\w']+[-\u2010\u2013][A-Z][\w']+$")


@dataclass
class Mention:
    """One coded mention: token span ``[i, j)`` of the parse and its char offsets."""

    i: int
    j: int
    start: int
    end: int
    text: str
    role: Role
    coding: Coding
    entry: NameEntry | None = None  # the lexicon name this mention is
    context: tuple[int, int] | None = None  # token span of the words used to code it
    name_i: int = -1  # where the name starts, after any title ("President | Xi")
    name: str = ""  # the name without its title
    metonym: bool = False
    title: bool = False  # a role noun phrase naming one person ("the Chinese president")
    plural: bool = False

    @property
    def code(self) -> str | None:
        return self.coding.code


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Drop determiners, possessive endings and punctuation from the edges of a span."""
    while i < j and (
        doc[i].lower_ in ("'s", "\u2019s")
        or doc[i].dep_ == "det"
        or doc[i].is_punct
        or doc[i].is_space
        or doc[i].lower_ in ("the", "a", "an")
    ):
        i += 1
    while j > i and (
        doc[j - 1].is_punct
        or doc[j - 1].is_space
        or doc[j - 1].lower_ in ("'s", "\u2019s", "'", "\u2019")
    ):
        j -= 1
    return i, j


def _is_noise(span: Span) -> bool:
    """Text spaCy took for a name that is no actor: page furniture, a heading, a field label,
    two names glued together, words with no capital, an acronym taken for a place."""
    text = span.text
    if "\n" in text or not any(c.isalpha() for c in text):
        return True
    if len(span) == 1 and span[0].lower_ in FURNITURE:
        return True
    named = span.label_ in ("PERSON", "ORG")
    if named and _HYPHEN_NAMES.match(text):
        return True  # "Putin-Xi": two names glued together, not a name
    if named and len(span) == 1 and span[0].is_title and _one_word_line(span):
        return True  # a heading or a label, not a name
    if span.label_ != "PERSON" and _field_label(span.doc, span.start, span.end):
        return True  # "Website: ...": a label (a transcript's "NAME:" names a speaker)
    if _title_case_heading(span):
        return True
    if named and not any(t.text[:1].isupper() for t in span):
        return True  # "black bean tacos": a name has a capital ("de Gaulle", "al-Sisi")
    return span.label_ in ("GPE", "LOC") and _acronym_shaped(text)


def _one_word_line(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    alone_before = before is None or "\n" in before.text or before.is_space
    alone_after = (
        after is None
        or "\n" in after.text_with_ws
        or (after.is_punct and (span.end + 1 >= len(doc) or "\n" in doc[span.end + 1].text))
    )
    return alone_before and alone_after


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space


def _field_label(doc: Doc, i: int, j: int) -> bool:
    """Words that open a line and end in a colon: a field label ("Website:", "Phone:")."""
    return j < len(doc) and doc[j].text == ":" and j - i <= 3 and _line_start(doc, i)


def _title_case_heading(span: Span) -> bool:
    """A headline in title case taken for a name: a capitalised function word in it
    ("Grads Find Their Degrees No Longer ...", "My Favorite Insurance Company"); names
    keep "of", "the" in lower case and may only open with "The"."""
    return len(span) >= 4 and any(
        t.is_stop and t.is_title and (k > 0 or t.lower_ != "the") for k, t in enumerate(span)
    )


def _acronym_shaped(text: str) -> bool:
    """A short word in capitals ("AI", "LLM"): spaCy's guess of a place for it is no
    evidence (places the tables know were matched before)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in text.strip()


def context_span(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """The words that say who a name is: titles and modifiers before it, its appositive."""
    head = doc[i:j].root
    left = i
    k = i - 1
    while k >= 0 and doc[k].dep_ in MODIFIER_DEPS and not doc[k].is_space:
        anc = doc[k]
        inside = False
        while anc.i != anc.head.i:
            anc = anc.head
            if i <= anc.i < j:
                inside = True
                break
        if not inside or (doc[k].is_punct and doc[k].text not in "-\u2010"):
            break
        left = k
        k -= 1
    right = j
    for child in head.children:
        if child.dep_ == "appos" and child.i >= j:
            sub = list(child.subtree)
            right = max(right, sub[-1].i + 1)
    # "Russia's foreign minister, Sergei Lavrov": the name is the appositive of its title
    if (
        head.dep_ == "appos"
        and head.head.i < i
        and i > 0
        and (doc[i - 1].text == "," or head.head.i == i - 1)
    ):
        title = head.head
        sub = [t for t in title.subtree if t.i < i]
        if (
            sub
            and "\n" not in doc[sub[0].i : j].text
            and not any(t.ent_type_ == "PERSON" for t in sub)
        ):
            left = min(left, sub[0].i)
    # a person is "of" a place; "X in Geneva" only says where X was
    right = max(right, place_after(head, right, ("of",)))
    while right > j and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    if "\n" in doc[left:right].text:
        return i, j
    return left, right


def place_after(head: Token, right: int, preps: tuple[str, ...] = ("of", "in", "from")) -> int:
    """ "King Hassan of Morocco", "security forces in Guinea": the end of a following
    "of/in/from PLACE" that says where the actor belongs (or ``right``)."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in preps and child.i <= right + 1:
            objs = [t for t in child.children if t.dep_ == "pobj"]
            if objs and (objs[0].ent_type_ in ("GPE", "NORP", "LOC") or objs[0].pos_ == "PROPN"):
                return objs[0].right_edge.i + 1
    return right


def _code(
    doc: Doc, i: int, j: int, lex: Lexicon, user: PhraseIndex | None, date: str | None
) -> tuple[Coding, tuple[int, int]]:
    a, b = context_span(doc, i, j)
    head = doc[i:j].root.i - a
    return code_phrase(list(doc[a:b]), lex, user=user, date=date, head=head), (a, b)


def _place_use(tok: Token) -> bool:
    """A place name used as a place ("in Moscow", "to Oslo, Rome and Paris"), not as an
    actor ("Moscow says")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
        return True
    return tok.dep_ in ("compound", "npadvmod")


def find_mentions(
    doc: Doc, lex: Lexicon, user: PhraseIndex | None = None, date: str | None = None
) -> list[Mention]:
    """All actor mentions of the parse, in text order, none overlapping."""
    ev = evidence_of(doc, lex, user)
    words = ev.words
    spans: dict[tuple[int, int], tuple[Role, NameEntry | None]] = {}
    taken = [False] * len(doc)

    # A name inside a longer entity of spaCy's ("America" in "Latin America", "Japan" in
    # "Bank of Japan") is part of that entity.
    ent_span = {
        k: _trim(doc, e.start, e.end)
        for e in doc.ents
        if e.label_ in NER_LABELS
        for k in range(e.start, e.end)
    }
    # ...unless the entity is only a list of names ("Arnor, Osgiliath and Gondor", names spaCy
    # does not know, taken as one): then each name is its own mention.
    for ent in doc.ents:
        if ent.label_ in NER_LABELS and _list_of_names(words[ent.start : ent.end], lex, user):
            for k in range(ent.start, ent.end):
                ent_span.pop(k, None)
    # A name inside the name of a law, an event, a work or a product ("the Kyoto Protocol")
    # is part of that name, and that name is no actor (``things``).
    things = thing_spans(doc)
    # Names from the lexicon first: they are exact ("the People's Liberation Army"), and a
    # one-word name has the evidence of the document (``evidence``).
    for n in (0, 1):
        for a, b, entries in ev.matches.get(n, ()):
            if any(taken[a:b]) or "\n" in doc[a:b].text or inside_thing(things, a, b):
                continue
            if is_short(a, b, entries[0]) and not supported(
                doc[a], entries[0], entries[0].code_on(date), ev, lex
            ):
                continue
            outer = ent_span.get(a)
            if (
                outer is not None
                and (outer[0] < a or outer[1] > b)
                and outer[0] <= a
                and b <= outer[1]
            ):
                continue
            first = _after_place(doc, a, entries, spans)
            role = _role_of(doc, a, b, first, date)
            spans[(a, b)] = (role, first)
            for k in range(a, b):
                taken[k] = True
    # Then spaCy's entities where the lexicon had nothing; a one-word "name" the document
    # also writes in lower case is a common word ("Streamline your payments ... teams
    # that streamline"), not a name.
    for ent in doc.ents:
        kind = NER_LABELS.get(ent.label_)
        if kind is None or _is_noise(ent):
            continue
        if len(ent) == 1 and ent[0].lower_ in ev.common:
            continue
        if len(ent) == 1 and _title_word(doc, ent.start, lex):
            continue  # "Transportation | Secretary Jane Roe": part of a title
        a, b = _trim(doc, ent.start, ent.end)
        if kind == "person":
            poss = [k for k in range(a, b - 1) if doc[k].lower_ in ("'s", "\u2019s")]
            if poss:
                a = poss[-1] + 1  # "Castrovia's Anais Ferou": the name follows the possessive
        if a >= b or any(taken[a:b]) or _holds_thing(things, a, b):
            continue
        if ent.label_ == "FAC":
            continue  # buildings are actors only when the lexicon says so (seats of power)
        if kind == "place" and not _used_as_place(doc, a, b, lex):
            continue  # a place the tables do not know is one only where used as a place
        if kind == "org" and _described_as_person(doc[a:b], lex):
            kind = "person"  # "Ivo Rand, senior fellow at ...": spaCy took a name for an org
        spans[(a, b)] = (kind, None)  # type: ignore[assignment]
        for k in range(a, b):
            taken[k] = True

    out: list[Mention] = []
    for (a, b), (role, entry) in sorted(spans.items()):
        m = _make(doc, a, b, role, entry, lex, user, date)
        if m is not None:
            out.append(m)
    named = {(m.i, m.j): (m.role, m.entry) for m in out}
    taken = [False] * len(doc)
    for m in out:
        for k in range(m.i, m.j):
            taken[k] = True
    out.extend(_nominals(doc, lex, user, date, taken, named))
    out.sort(key=lambda m: m.i)
    return out


def _holds_thing(things: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether ``[a, b)`` is inside a name of a thing or holds one's end ("the Lisbon Jazz
    Festival" taken for an organisation)."""
    return inside_thing(things, a, b) or any(a < e <= b and s >= a for s, e in things)


_LIST_WORDS = frozenset((",", "and", "or", "&", "the"))


def _list_of_names(words: list[str], lex: Lexicon, user: PhraseIndex | None) -> bool:
    """Whether ``words`` are two or more names joined by commas and "and"/"or" only."""
    if not any(w.lower() in (",", "and", "or", "&") for w in words):
        return False
    covered = [False] * len(words)
    hits = 0
    for index in (user, lex.names):
        if index is None or not len(index):
            continue
        for a, b, _entries in index.find_all(words):
            if any(covered[a:b]):
                continue
            hits += 1
            for k in range(a, b):
                covered[k] = True
    return hits >= 2 and all(
        c or w.lower() in _LIST_WORDS for c, w in zip(covered, words, strict=True)
    )


def _role_of(doc: Doc, a: int, b: int, entry: NameEntry, date: str | None) -> Role:
    if entry.kind in ("country", "capital", "city"):
        return "place"
    if entry.kind == "demonym":
        return "norp"
    if entry.kind == "person":
        return "person"
    if entry.kind == "user":
        code = entry.code_on(date) or ""
        if len(code) == 3 and country_of(code) == code and doc[a].ent_type_ != "PERSON":
            return "norp" if doc[a:b].root.pos_ == "ADJ" else "place"
        return "person" if doc[a].ent_type_ == "PERSON" else "org"
    return "org"


def _make(
    doc: Doc,
    a: int,
    b: int,
    role: Role,
    entry: NameEntry | None,
    lex: Lexicon,
    user: PhraseIndex | None,
    date: str | None,
) -> Mention | None:
    span = doc[a:b]
    root = span.root
    # "Chinese President Xi": "Chinese" is part of another mention's context, not an actor
    # itself; "the Chinese say": the nation speaking.
    if role == "norp" and (root.dep_ in ("amod", "compound", "nmod") or root.pos_ == "ADJ"):
        return None
    coding, ctx = _code(doc, a, b, lex, user, date)
    name_i = a
    while role == "person" and name_i + 1 < b and _is_title(doc[name_i], lex):
        name_i += 1  # "President Xi" as spaCy's entity: the name is "Xi"
    if role == "person":
        # "President Xi": the title is part of the mention
        a = _title_start(doc, a, ctx[0], lex)
        span = doc[a:b]
    m = Mention(
        a,
        b,
        span.start_char,
        span.end_char,
        span.text,
        role,
        coding,
        entry,
        ctx,
        name_i=name_i,
        name=doc[name_i:b].text,
    )
    if role == "org" and entry is None and _inside_another_name(doc, a, b, ctx[0], coding, lex):
        m.coding = Coding(names=coding.names, rule="a known name inside another name")
    elif role == "org" and entry is None and _role_off_head(doc, a, b, ctx[0], coding):
        m.coding = Coding(names=coding.names, rule="a role word inside the name of a thing")
    elif role in ("org", "person") and entry is None and _namesake(doc, role, m, lex, user):
        c = m.coding
        m.coding = Coding(
            code=c.role, role=c.role, names=c.names, agents=c.agents, rule="a namesake city"
        )
    if role in ("place", "norp"):
        inside = [h for h in coding.names if is_place(h) and a <= ctx[0] + h.start < b]
        country = country_of(inside[0].code) if inside else None
        if entry is not None and entry.kind in ("capital", "city"):
            country = country_of(entry.code_on(date))  # the place chosen ("Atlanta, Georgia")
        m.coding = Coding(code=country, country=country, names=coding.names, rule="place name")
        within = _within_place(doc, a, b, lex, region=country is not None)
        if role == "place" and within is not None and within != country:
            # "Cambridge, Massachusetts": the place named after the comma says where it is
            m.coding = Coding(code=within, country=within, rule="place in a place")
            return m
        if entry is not None and entry.kind == "capital" and not _place_use(root):
            m.metonym = True
            m.coding.rule = "capital stands for its government"
        if entry is None and role == "place" and country is None:
            m.coding.rule = "place not in the tables"
    return m


_BELONGS = words("of in at from de du")


def _namesake(doc: Doc, role: Role, m: Mention, lex: Lexicon, user: PhraseIndex | None) -> bool:
    """The country of an organisation or a person comes only from a city (or, in an
    organisation's name, a capital) that opens a name ("Georgetown University", "Paris
    Baguette", "Rutgers University-New Brunswick") and that the document points nowhere else
    to: a namesake. A country's own name ("Bank of Japan") is its evidence, and so is a
    place the name says it belongs to ("University of Toronto", "a nurse in Leeds")."""
    coding = m.coding
    if coding.country is None or coding.code is None or coding.code[:3] != coding.country:
        return False
    kinds = ("city", "capital") if role == "org" else ("city",)
    hits = [h for h in coding.names if is_place(h) and country_of(h.code) == coding.country]
    if not hits or any(h.entry.kind not in kinds for h in hits):
        return False
    offset = m.context[0] if m.context else m.i
    if any(h.start > 0 and doc[offset + h.start - 1].lower_ in _BELONGS for h in hits):
        return False
    ev = evidence_of(doc, lex, user)
    return not any(ev.points_to(coding.country, h.entry.canonical) for h in hits)


def _role_off_head(doc: Doc, a: int, b: int, offset: int, coding: Coding) -> bool:
    """A role word of a name that is not its head names no role: "Business Calculus" is a
    course, "Docker Secure Images" software, "the Playa Verde Public Boat Ramp" a place. An
    organisation's name has an organisation's word ("Business Group on Health") or a role
    word for its head, the last word before a preposition ("Fairfield Police", "Reporters
    Without Borders"). Only when the tables know no organisation in the name and every role
    word lies inside it."""
    if coding.role is None or not coding.agents:
        return False
    if any(h.code and not is_place(h) for h in coding.names):
        return False
    if any(t.lower_ in ORG_WORDS or t.lemma_.lower() in ORG_WORDS for t in doc[a:b]):
        return False
    spans = [(offset + s, offset + e) for s, e, _ in coding.agents]
    if any(not (a <= s and e <= b) for s, e in spans):
        return False
    head = next((k - 1 for k in range(a + 1, b) if doc[k].pos_ == "ADP"), b - 1)
    return not any(s <= head < e for s, e in spans)


def _after_place(
    doc: Doc,
    a: int,
    entries: list[NameEntry],
    spans: dict[tuple[int, int], tuple[Role, NameEntry | None]],
) -> NameEntry:
    """Of the places a name can be, the one in the country of the place just before it and
    a comma ("Atlanta, Georgia" is the state); else the tables' first."""
    if len(entries) > 1 and a >= 2 and doc[a - 1].text == ",":
        before = next((e for (x, y), (_, e) in spans.items() if y == a - 1), None)
        code = before.code_on(None) if before is not None else None
        if before is not None and before.kind in ("capital", "city") and code:
            same = [e for e in entries if (e.code_on(None) or "")[:3] == code[:3]]
            if same:
                return same[0]
    return entries[0]


def _title_word(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Is ``doc[i]`` the first word of a two-word title ("Transportation Secretary")?"""
    if i + 1 >= len(doc):
        return False
    pair = (fold(doc[i].text), fold(doc[i + 1].text))
    return lex.agents.get(pair, "title") is not None


def _used_as_place(doc: Doc, a: int, b: int, lex: Lexicon) -> bool:
    """ "in Fairfield", "Fairfield police", "Clifton, New Jersey"."""
    return _place_use(doc[a:b].root) or _within_place(doc, a, b, lex) is not None


def _within_place(doc: Doc, a: int, b: int, lex: Lexicon, region: bool = False) -> str | None:
    """The country of a place named right after a comma ("Cambridge, | Massachusetts"),
    not of the next item of a list ("New York, London and Paris"). With ``region``, only
    of a region or a city that is no capital (a place the tables know keeps its country
    beside a country's name: "Atlanta, Georgia" is not in the Caucasus)."""
    if b + 1 >= len(doc) or doc[b].text != "," or "\n" in doc[b].text_with_ws:
        return None
    if (a > 0 and doc[a - 1].text == ",") or _place_at(doc, b + 1, lex) is None:
        return None  # the place is itself an item of a list
    n, entries = _place_at(doc, b + 1, lex) or (0, [])
    after = b + 1 + n
    if after < len(doc) and doc[after].text[:1].isupper():
        return None  # "Paris, Texas Instruments": the name goes on
    if after < len(doc) and (
        doc[after].lower_ in ("and", "or")
        or (doc[after].text == "," and _place_at(doc, after + 1, lex) is not None)
    ):
        return None  # a list of places
    kinds = ("city",) if region else ("country", "capital", "city")
    places = [e for e in entries if e.kind in kinds]
    return country_of(places[0].code_on(None)) if places else None


def _place_at(doc: Doc, i: int, lex: Lexicon) -> tuple[int, list[NameEntry]] | None:
    """The place name of the tables starting at ``doc[i]``: (length, entries)."""
    if i >= len(doc):
        return None
    hit = lex.names.match_at([t.text for t in doc[i : i + lex.names.longest]], 0)
    if hit is None or not any(e.kind in ("country", "capital", "city") for e in hit[1]):
        return None
    return hit


def _inside_another_name(
    doc: Doc, a: int, b: int, offset: int, coding: Coding, lex: Lexicon
) -> bool:
    """An organisation the tables know ending a longer name they do not know, whose other
    words are names too ("Mobile World Congress" is not Congress): another organisation.
    ("NATO Secretary General Ann Roe" is NATO's.)"""
    known = [
        offset + h.start
        for h in coding.names
        if h.code and not is_place(h) and a < offset + h.start and offset + h.end == b
    ]
    if not known:
        return False
    covered = {k for h in coding.names for k in range(offset + h.start, offset + h.end)}
    return any(
        k not in covered
        and doc[k].is_alpha
        and doc[k].text[:1].isupper()
        and not doc[k].is_stop
        and lex.agents.get((fold(doc[k].text),)) is None
        and lex.agents.get((fold(doc[k].lemma_),)) is None
        for k in range(a, known[0])
    )


def _described_as_person(span: Span, lex: Lexicon) -> bool:
    """A name whose appositive is a person's role ("senior fellow", "spokesman") and which
    has no role word of its own (a "Central Bank" has one)."""
    if len(span) > 4 or not all(t.is_title or t.is_punct for t in span):
        return False
    if any(lex.agents.get((t.lemma_.lower(),)) or lex.agents.get((t.lower_,)) for t in span):
        return False
    return any(
        child.dep_ == "appos"
        and child.tag_ == "NN"
        and (lex.agents.get((child.lemma_.lower(),)) or child.lemma_.lower() in PERSON_NOUNS)
        for child in span.root.children
    )


def _title_start(doc: Doc, a: int, floor: int, lex: Lexicon) -> int:
    """Where the capitalised title before a name starts ("Foreign Minister | José Ibáñez")."""
    while a > floor and doc[a - 1].text[:1].isupper():
        if a - 2 >= floor and doc[a - 2].text[:1].isupper():
            pair = (fold(doc[a - 2].text), fold(doc[a - 1].text))
            if lex.agents.get(pair, "title") or lex.agents.get(pair, "noun"):
                a -= 2
                continue
        if not _is_title(doc[a - 1], lex):
            break
        a -= 1
    return a


def _is_title(tok: Token, lex: Lexicon) -> bool:
    return lex.agents.get((fold(tok.text),), "title") is not None


def _modifies_name(tok: Token, taken: list[bool]) -> bool:
    t = tok
    while t.dep_ in ("compound", "nmod", "amod", "pobj", "prep") and t.head.i != t.i:
        t = t.head
        if taken[t.i]:
            return True
    return False


def _a_field(tok: Token, lex: Lexicon) -> bool:
    """A singular role noun with no determiner, after an adjective that is no role word
    ("artificial intelligence", "collective security"), names a field or a concept, not an
    actor ("the Chinese president", "Kenyan police", "state media" keep theirs)."""
    if tok.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    adjectives = [c for c in tok.lefts if c.dep_ == "amod"]
    return bool(adjectives) and all(
        c.ent_type_ == "" and lex.agents.get((fold(c.text),)) is None for c in adjectives
    )


def _nominals(
    doc: Doc,
    lex: Lexicon,
    user: PhraseIndex | None,
    date: str | None,
    taken: list[bool],
    spans: dict[tuple[int, int], tuple[Role, NameEntry | None]],
) -> list[Mention]:
    """Role noun phrases: "the Chinese president", "Kenyan police", "his counterpart"."""
    out: list[Mention] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or taken[tok.i] or tok.dep_ in ("compound",):
            continue
        key_lemma = (tok.lemma_.lower() or tok.lower_,)
        agent = lex.agents.get(key_lemma) or lex.agents.get((tok.lower_,))
        if agent is None and tok.i > 0 and not taken[tok.i - 1]:
            # two-word role nouns ("foreign minister", "state tv")
            prev = doc[tok.i - 1].lower_
            agent = lex.agents.get((prev, tok.lemma_.lower())) or lex.agents.get((prev, tok.lower_))
        if agent is None or agent.kind == "modifier":
            continue
        if _field_label(doc, tok.i, tok.i + 1):
            continue  # "Website: ...", "Contact: ..."
        if tok.dep_ == "appos" and tok.head.ent_type_:
            continue  # "Gabuev, senior fellow at ...": describes a name, is not an actor
        if _modifies_name(tok, taken):
            continue  # "U.S. Secretary of State Warren Christopher": a title of a name
        left = tok.i
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "nmod", "poss", "det") and not child.is_space:
                left = min(left, child.left_edge.i)
        if "\n" in doc[left : tok.i + 1].text:
            left = tok.i
        right = place_after(tok, tok.i + 1)
        if "\n" in doc[left:right].text:
            right = tok.i + 1
        ctx_list = list(doc[left:right])
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            # "Israeli helicopters and tanks": the tanks are Israeli too
            shared = [c for c in tok.head.lefts if c.dep_ in ("amod", "compound", "nmod")]
            ctx_list = [*shared, *ctx_list]
        ctx_tokens = ctx_list
        head_at = next(k for k, t in enumerate(ctx_tokens) if t.i == tok.i)
        coding = code_phrase(ctx_tokens, lex, user=user, date=date, head=head_at)
        if coding.code is None or (coding.country is None and coding.role in WEAK_ROLES):
            continue
        if coding.country is None and _a_field(tok, lex):
            continue
        countries = [h for h in coding.names if is_place(h)]
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("police", "troops", "forces")
        is_title = (
            lex.agents.get(key_lemma, "title") is not None or tok.lemma_.lower() == "counterpart"
        )
        if any(t.lower_ in ("our", "my", "your") for t in ctx_tokens):
            continue  # "our Russia editor", "your TV": the writer's or the reader's own
        if len(countries) > 1:
            # "Hungarian and Romanian officials": one actor per country
            for h in countries:
                ti = ctx_tokens[h.start].i
                c = Coding(
                    code=compose(h.code, coding.role) or "",
                    country=h.code,
                    role=coding.role,
                    names=[h],
                    agents=coding.agents,
                    rule="one of several countries",
                )
                tj = ctx_tokens[h.end - 1].i + 1
                if taken[ti] or any(o.i == ti for o in out):
                    continue  # a shared modifier, already an actor of the first conjunct
                t = doc[ti:tj]
                out.append(
                    Mention(
                        ti,
                        tj,
                        t.start_char,
                        t.end_char,
                        t.text,
                        "nominal",
                        c,
                        h.entry,
                        (left, tok.i + 1),
                        plural=True,
                    )
                )
            continue
        a, b = _trim(doc, left, tok.i + 1)
        if a > 0 and doc[a - 1].lower_ == "the" and a - 1 >= left:
            a -= 1
        span = doc[a:b]
        if any((x, y) for (x, y) in spans if x < b and a < y):
            # overlaps a name: "Xi's Russian counterpart" keeps the name, the phrase is
            # only the words after it
            a = max(y for (x, y) in spans if x < b and a < y)
            a, b = _trim(doc, a, b)
            if a >= b:
                continue
            span = doc[a:b]
        out.append(
            Mention(
                a,
                b,
                span.start_char,
                span.end_char,
                span.text,
                "nominal",
                coding,
                None,
                (left, tok.i + 1),
                title=is_title and not plural,
                plural=plural,
            )
        )
    return out
