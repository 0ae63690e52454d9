"""What a verb or noun marked ``political`` in the tables (``needs`` column) may act on.

Some verbs change their sense with their object: a country that "hosts" a president hosts a
visit (043), a presenter who "hosts" a show does not; troops that "retreat from" a town
retreat (0874), a government that "withdraws from" an agreement does not; a "clash" with an
army is a fight (190), a "clash" between reporters and a politician's entourage is not. For
these the object, or the phrase the target comes from, must be

- a political actor: one the phrase names at its head (``Actors.at_head``: a name, a role or
  people noun, a pronoun; not the owner of another thing, as in "the senator's entourage"),
  coded, and not only a sector outside politics (media, business, schools, health); or
- an event noun, one of the noun table (``nouns``): "hosted talks", "withdrew from the talks".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.stages.events.arguments import Actor, Actors
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Token

# CAMEO sector roles whose acts are no political events: "hosted by a reporter" (MED), "clashed
# with the board" (BUS), "retreated from the university" (EDU)
NOT_POLITICAL = words("MED BUS MNC EDU HLH")


def political_code(code: str | None) -> bool:
    """Whether ``code`` codes a political actor: any code with no sector role outside
    politics ("FRA", "KENGOV", "IGO"; not "MED", "USAMED", "BUS")."""
    if not code:
        return False
    return not any(code[i : i + 3] in NOT_POLITICAL for i in range(0, len(code), 3))


def political_actors(head: Token, actors: Actors) -> list[Actor]:
    """The political actors the phrase headed by ``head`` names, one per conjunct."""
    return [a for a in actors.at_head(head) if political_code(a.code)]


def is_event_noun(tok: Token) -> bool:
    """Whether ``tok`` is a noun of the noun table ("talks", "summit", "attack")."""
    from newsgraph.stages.events.nouns import builtin_nouns  # nouns imports find, find this

    return tok.lemma_.lower() in builtin_nouns() or tok.lower_ in builtin_nouns()


def fits_political(head: Token, actors: Actors) -> bool:
    """Whether the phrase headed by ``head`` names a political actor or is an event noun."""
    return is_event_noun(head) or bool(political_actors(head, actors))
