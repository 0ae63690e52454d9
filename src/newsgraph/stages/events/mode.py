"""Mode: whether the text says an event happened, will happen, might happen or did not happen.

The clause of the trigger and the clauses it hangs on without a subject of their own
("agreed to sign", "will meet and sign", "from brokering", "supplying lethal aid") are read
for: a negation ("did not sign", "never", "refused to sign", "failed to sign") → ``negated``;
a condition, a modal or a question ("if Beijing supplied", "could", "would", "might",
"... ?"), or a verb of wanting, trying or weighing ("considering doing", "wants to meet")
→ ``hypothetical``; a future auxiliary or plan ("will sign", "are set to meet", "are to
sign", "plans to visit") → ``future``. Negation wins over hypothesis, which wins over future.
Whether the event is reported (inside a quote or claim) is decided by the stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from newsgraph.stages.events.find import is_verb, verb_above
from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Token

Modality = Literal["asserted", "future", "hypothetical", "negated"]

FUTURE_AUX = words("will shall 'll wo")
HYPOTHETICAL_AUX = words("would could might may should must can ca 'd ought")
CONDITIONS = words("if unless whether lest")
NEGATORS = words("not n't never no nt")
NEGATING_VERBS = words("fail refuse decline avoid stop cease halt abandon forgo deny")
HYPOTHETICAL_VERBS = words(
    "want hope seek try attempt consider weigh mull contemplate wish propose offer ask urge "
    "demand call push press threaten need aim intend mean like prefer ponder explore "
    "discuss debate study may might could would should"
)
FUTURE_VERBS = words("plan schedule set due expect prepare poise slate")
BACKSHIFTED_WILL = words("would 'd")  # "said it would sign": the "will" of the words reported
REPORTING = words(
    "say tell announce state declare add confirm report reveal indicate signal write tweet "
    "promise pledge vow warn insist predict agree decide believe think expect know"
)
SUBJECTS = words("nsubj nsubjpass csubj csubjpass expl")
_UP_ALWAYS = words("xcomp pcomp")
WEIGHING = words("ccomp")  # "wants Putin to attack": only the governing verb's meaning counts
_UP_WITHOUT_SUBJECT = words("conj advcl acl")


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def clause_chain(tok: Token) -> list[Token]:
    """The trigger and the verbs above it that share its subject or control it. A verb
    reached through a clausal complement ends the chain (see ``modality``)."""
    chain = [tok]
    node = tok
    while node.head.i != node.i:
        dep = node.dep_
        head = node.head
        if dep in WEIGHING:
            chain.append(head)
            break
        climbs = dep in _UP_ALWAYS or (dep in _UP_WITHOUT_SUBJECT and not _has_subject(node))
        gerund = dep == "pobj" and head.dep_ == "prep" and node.tag_ == "VBG"  # "after meeting"
        if not (climbs or gerund):
            break
        # "from brokering": go on to the verb the phrase hangs on
        node = verb_above(head) if head.pos_ == "ADP" else head
        chain.append(node)
    return chain


def _negation(child: Token) -> bool:
    return child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never")


def _backshifted(chain: list[Token]) -> bool:
    """Whether a "would" in ``chain`` is a reported "will": the chain ends in a clause a
    past-tense verb of saying or thinking reports ("Oslo said it would sign"), and no
    condition hangs on it ("... would sign if Stockholm agreed")."""
    if len(chain) < 2 or chain[-2].dep_ not in WEIGHING:
        return False
    head = chain[-1]
    if head.tag_ != "VBD" or not is_verb(head, REPORTING):
        return False
    clause = chain[-2]
    a, b = sorted((head.i, clause.left_edge.i if clause.i > head.i else clause.right_edge.i))
    if any(t.is_quote for t in head.doc[a : b + 1]):
        return False  # the speaker's own words ("'He would not recognise it,' she said")
    return not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for node in chain[:-1]
        for c in node.children
    )


def modality(tok: Token) -> tuple[Modality, str]:
    """The mode of the event triggered at ``tok`` and the words that decided it."""
    negated, hypothetical, future = _cues(tok)
    if negated:
        return "negated", negated
    if hypothetical:
        return "hypothetical", hypothetical
    if future:
        return "future", future
    return "asserted", ""


def refusal(tok: Token) -> str | None:
    """The words of a refusal: an act its actor says will not happen ("will not sign", "said
    it would not sign"), with no condition or modal besides. CAMEO codes it as a refusal (12)."""
    negated, hypothetical, future = _cues(tok)
    if not (negated and future) or hypothetical:
        return None
    own: list[Token] = []  # the act's own clauses, not a verb of saying above them
    for node in clause_chain(tok):
        own.append(node)
        if node.dep_ in WEIGHING:
            break
    if not any(_negation(c) for node in own for c in node.children):
        return None  # "won't admit they will support him" refuses no support
    return f"{future} {negated}".replace(" n't", "n't")  # "won't": "wo" + "n't"


def _cues(tok: Token) -> tuple[str, str, str]:
    """The words that make the event at ``tok`` negated, hypothetical and future ("" if none)."""
    chain = clause_chain(tok)
    backshifted = _backshifted(chain)
    negated = hypothetical = future = ""
    for depth, node in enumerate(chain):
        if depth and chain[depth - 1].dep_ in WEIGHING:
            if is_verb(node, HYPOTHETICAL_VERBS):
                hypothetical = hypothetical or node.text
            elif is_verb(node, NEGATING_VERBS - {"deny"}) or any(
                _negation(c)
                for c in node.children  # "never said he would attack"
            ):
                negated = negated or node.text
            break
        for child in node.children:
            low = child.lower_
            if _negation(child):
                negated = negated or low
            elif child.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX or (low in BACKSHIFTED_WILL and backshifted):
                    future = future or low
                elif low in HYPOTHETICAL_AUX:
                    hypothetical = hypothetical or low
            elif child.dep_ == "mark" and low in CONDITIONS:
                hypothetical = hypothetical or low
        if depth and chain[depth - 1].dep_ != "conj":  # a verb's meaning bears on its
            # complements, not on the verbs listed with it ("called him a fraud and attacked")
            lemma = node.lemma_.lower()
            if is_verb(node, NEGATING_VERBS):
                negated = negated or node.text
            elif is_verb(node, HYPOTHETICAL_VERBS):
                hypothetical = hypothetical or node.text
            elif (
                is_verb(node, FUTURE_VERBS)
                or (lemma == "go" and node.tag_ == "VBG")  # "is going to sign"
                or (lemma == "be" and chain[depth - 1].dep_ == "xcomp")  # "are to sign"
            ):
                future = future or node.text
    sentence = tok.sent
    if sentence.text.rstrip().endswith("?"):
        hypothetical = hypothetical or "?"
    return negated, hypothetical, future
