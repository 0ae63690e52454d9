"""Who: the actors a noun phrase of the parse names, for the source and target of an event.

- A phrase names the actor mentioned at its head word ("President Xi"), else the actors in
  its premodifiers ("Senior Hungarian and Romanian officials": two), else the actor of its
  "of"/"from" phrase ("the foreign minister of Iraq"; for a list of countries, each in the
  role of the head noun: "the foreign ministers of France and Germany" → FRAGOV, DEUGOV).
- Coordinated phrases ("Iran and Saudi Arabia") name one actor per conjunct: compound actors.
- A pronoun names the latest fitting actor before it: a person for he/she/him/her, a group,
  organisation or country for it/its; the subject of an earlier sentence is preferred to
  other mentions. "they" names the latest coordinated actors ("Putin and Xi") or the two
  people of the sentence before, within a few sentences, else a group. "the country" / "the
  nation" names the latest country. "you" names whom the text identified it with ("Imagine
  you are Vladimir Putin").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.stages.actors import code_tokens, role_word
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.stages.actors import ActorMention

PERSON_PRONOUNS = words("he him his she her himself herself")
GROUP_PRONOUNS = words("it its itself")
PLURAL_PRONOUNS = words("they them their themselves")
SECOND_PERSON = words("you your yourself")
COUNTRY_NOUNS = words("country nation")
# people a country adjective makes that country's ("Palestinian prisoners"), where the role
# table has no role for them; not things ("Chinese imports", "a Russian challenge")
PEOPLE_NOUNS = words(
    "people person prisoner captive detainee hostage inmate citizen national civilian "
    "resident villager tourist pilgrim worker family child woman man"
)
LOOKBACK = 3  # sentences
_OF = words("of from")


@dataclass(frozen=True)
class Actor:
    """One actor of an event: its entity, its code as written here, and where it is."""

    entity: str
    code: str | None
    text: str
    start: int
    end: int
    kind: str | None = None


def _in_role(a: Actor, role: str) -> Actor:
    """A country's actor in a role ("France" of "the ministers of France and Germany")."""
    if a.kind != "country" or not a.code or len(a.code) != 3:
        return a
    return Actor(a.entity, a.code + role, a.text, a.start, a.end, a.kind)


class Actors:
    """The actors of one parsed document, looked up by noun phrase."""

    def __init__(
        self,
        parsed: Doc,
        mentions: Sequence[tuple[ActorMention, str]],
        kinds: Mapping[str, str],
        codes: Mapping[str, str | None],
        dictionaries: Sequence[str] = (),
    ) -> None:
        self.parsed = parsed
        self.dictionaries = tuple(dictionaries)
        self.kinds = kinds
        self.codes = codes
        self.mentions = sorted(mentions, key=lambda x: x[0].i)
        self._starts = [m.i for m, _ in self.mentions]
        self._nationalities: dict[str, str | None] = {}
        self._resolving: set[int] = set()
        self.at: dict[int, tuple[ActorMention, str]] = {}
        for m, eid in self.mentions:
            for i in range(m.i, m.j):
                self.at.setdefault(i, (m, eid))

    def role_of(self, tok: Token) -> str | None:
        """The CAMEO role of a role noun ("ministers" → GOV, "troops" → MIL), if it is one,
        by the user's agent dictionaries first ("foreign ministers": with the word before)."""
        prev = tok.doc[tok.i - 1].text if tok.i > 0 else None
        return role_word(tok.lemma_, prev, dictionaries=self.dictionaries)

    def actor(self, m: ActorMention, eid: str) -> Actor:
        """The event actor of mention ``m`` of entity ``eid``."""
        return self._actor(m, eid)

    def _actor(self, m: ActorMention, eid: str) -> Actor:
        code = m.code or self.codes.get(eid)
        return Actor(eid, code, m.text, m.start, m.end, self.kinds.get(eid))

    def of_phrase(self, head: Token) -> list[Actor]:
        """The actors the phrase headed by ``head`` names, one per conjunct."""
        if head.i in self._resolving:  # "they" inside the very phrase it would refer to
            return []
        self._resolving.add(head.i)
        try:
            out: list[Actor] = []
            members = [head, *head.conjuncts]
            for child in head.children:
                # "The US, Russia, and Switzerland": a list parsed as apposition
                if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
                    members += [child, *child.conjuncts]
            for h in members:
                for a in self._one(h):
                    if all(a.entity != b.entity for b in out):
                        out.append(a)
            return out
        finally:
            self._resolving.discard(head.i)

    def at_head(self, head: Token) -> list[Actor]:
        """The actors the phrase headed by ``head`` names *as what it is*, one per conjunct: a
        mention at its head, a role or people noun with its country ("Hungarian officials",
        "the ministers of France"), a pronoun or "the country". Not the owner or premodifier of
        some other thing: "the Paris Agreement" is no France, "the senator's entourage" no
        senator. A date the parser took for the head ("met with President Assad Tuesday")
        leaves the name before it."""
        out: list[Actor] = []
        for h in [head, *head.conjuncts]:
            low = h.lower_
            named = (
                h.i in self.at
                or h.ent_type_ in ("DATE", "TIME")
                or h.lemma_.lower() in PEOPLE_NOUNS
                or low in PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS | SECOND_PERSON
                or h.lemma_.lower() in COUNTRY_NOUNS
                or self.role_of(h) is not None
            )
            for a in self._one(h) if named else []:
                if all(a.entity != b.entity or a.code != b.code for b in out):
                    out.append(a)
        return out

    def _one(self, h: Token) -> list[Actor]:
        hit = self.at.get(h.i)
        if hit is not None:
            return [self._actor(*hit)]
        pre = self._within(h.left_edge.i, h.i)
        if pre:
            return pre
        if h.lemma_.lower() in PEOPLE_NOUNS:  # "150 Palestinian prisoners": their country
            nat = [
                a
                for c in h.children
                if c.dep_ in ("amod", "compound") and c.i < h.i
                for a in [self.nationality(c)]
                if a is not None
            ]
            if nat:
                return nat
        for child in h.children:
            if child.dep_ == "prep" and child.lower_ in _OF:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.of_phrase(pobj)
                        role = self.role_of(h) if len(found) > 1 else None
                        # "the foreign ministers of France and Germany": each country's
                        return [_in_role(a, role) for a in found] if role else found
        low = h.lower_
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self._antecedent(h)
        if low in PLURAL_PRONOUNS:
            if self._plural_noun_before(h):
                return []
            return self._plural(h) or self._antecedent(h)
        if low in SECOND_PERSON:
            return self._you(h)
        if h.lemma_.lower() in COUNTRY_NOUNS and h.tag_ == "NN":
            det = [c for c in h.children if c.dep_ == "det"]
            if det and det[0].lower_ in ("the", "this", "that") and h.n_lefts == 1:
                return self._latest(h.i, ("country",))
        return []

    def _within(self, i: int, j: int) -> list[Actor]:
        """Actors mentioned wholly inside tokens [i, j)."""
        out: list[Actor] = []
        k = bisect_left(self._starts, i)
        while k < len(self.mentions) and self.mentions[k][0].i < j:
            m, eid = self.mentions[k]
            if m.j <= j and all(a.entity != eid for a in out):
                out.append(self._actor(m, eid))
            k += 1
        return out

    def _antecedent(self, pron: Token) -> list[Actor]:
        person = pron.lower_ in PERSON_PRONOUNS
        wanted = ("person",) if person else ("group", "organization", "country")
        if pron.dep_ in ("nsubj", "nsubjpass"):
            first = self.parsed[max(0, self._sentence_start(pron, LOOKBACK))].i
            k = bisect_left(self._starts, pron.i) - 1
            while k >= 0 and self.mentions[k][0].i >= first:
                m, eid = self.mentions[k]
                if self.kinds.get(eid) in wanted and self._is_subject(m):
                    return [self._actor(m, eid)]
                k -= 1
        return self._latest(pron.i, wanted)

    def _latest(self, i: int, wanted: tuple[str, ...]) -> list[Actor]:
        k = bisect_left(self._starts, i) - 1
        while k >= 0:
            m, eid = self.mentions[k]
            if m.j <= i and self.kinds.get(eid) in wanted:
                return [self._actor(m, eid)]
            k -= 1
        return []

    def _is_subject(self, m: ActorMention) -> bool:
        for i in range(m.i, m.j):
            tok = self.parsed[i]
            if tok.head.i < m.i or tok.head.i >= m.j or tok.head.i == tok.i:
                return tok.dep_ in ("nsubj", "nsubjpass") or (
                    tok.dep_ in ("compound", "poss", "amod") and tok.head.dep_ == "nsubj"
                )
        return False

    def _sentence_start(self, tok: Token, back: int) -> int:
        """Token index where the sentence ``back`` sentences before ``tok``'s begins."""
        start = tok.sent.start
        for _ in range(back):
            if start == 0:
                break
            start = self.parsed[start - 1].sent.start
        return start

    def _plural_noun_before(self, pron: Token) -> bool:
        """Whether "they" more likely names a plural noun earlier in its own sentence, one that
        is no actor, no role ("officials") and no country noun: "Coffee houses were for men
        only, where they could discuss business" is not about the companies of the paragraph
        before."""
        for tok in pron.sent:
            if tok.i >= pron.i:
                return False
            if (
                tok.tag_ == "NNS"
                and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj")
                and tok.lemma_.lower() not in COUNTRY_NOUNS
                and not self._within(tok.left_edge.i, tok.right_edge.i + 1)
                and self.role_of(tok) is None
            ):
                return True
        return False

    def _plural(self, pron: Token) -> list[Actor]:
        """ "they": the latest coordinated actors, or the people of one earlier sentence."""
        first = self._sentence_start(pron, LOOKBACK)
        k = bisect_left(self._starts, pron.i) - 1
        while k >= 0 and self.mentions[k][0].i >= first:
            m = self.mentions[k][0]
            head = self.parsed[m.j - 1]
            if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
                root = head.head if head.dep_ == "conj" else head
                if root.i < pron.i:
                    found = self.of_phrase(root)
                    if len(found) > 1:
                        return found
            k -= 1
        sent_start = pron.sent.start
        while sent_start > first:
            prev = self.parsed[sent_start - 1].sent
            people = [
                a
                for a in self._within(prev.start, prev.end)
                if self.kinds.get(a.entity) == "person"
            ]
            distinct = {a.entity: a for a in people}
            if len(distinct) >= 2:
                return list(distinct.values())
            sent_start = prev.start
        return []

    def _you(self, pron: Token) -> list[Actor]:
        """ "you" as the text identified it: "you are X" earlier in the text."""
        for tok in self.parsed[: pron.i]:
            if tok.lower_ == "you" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
                for attr in tok.head.children:
                    if attr.dep_ == "attr":
                        found = self.of_phrase(attr)
                        if found:
                            return found[:1]
        return []

    def nationality(self, tok: Token) -> Actor | None:
        """A country adjective or name no actor mention covers ("Russian invasion"), coded
        from the tables: an actor with no entity."""
        if not tok.text[:1].isupper():
            return None
        key = tok.text
        if key not in self._nationalities:
            coding = code_tokens([tok], dictionaries=self.dictionaries)
            ok = coding.country is not None and coding.code == coding.country
            self._nationalities[key] = coding.code if ok else None
        code = self._nationalities[key]
        if code is None:
            return None
        return Actor("", code, tok.text, tok.idx, tok.idx + len(tok.text), "country")

    def inside(self, i: int, j: int) -> list[Actor]:
        """Every actor mentioned in tokens [i, j)."""
        return self._within(i, j)

    def in_phrase(self, head: Token) -> list[Actor]:
        """The actors anywhere in the phrase of ``head`` ("a deal that saw Iran and Saudi
        Arabia resume ties", "a warrant with your name on it"), pronouns resolved."""
        found = self._within(head.left_edge.i, head.right_edge.i + 1)
        if found:
            return found
        for tok in head.subtree:
            if tok.i != head.i and tok.pos_ == "PRON":
                got = self._one(tok)
                if got:
                    return got
        return []
