"""Names of things: a place or an organisation inside a longer name of a thing is part of it.

"the Kyoto Protocol", "the Lisbon Jazz Festival", "the Canadian Spring Outlook", "a Vexo
4070" name a law, an event, a report and a product: the place or the firm in them is no
mention of that place or firm, and the whole name is no actor. A name of a thing is

1. an entity spaCy labels as a law, an event, a work, a product or a language;
2. a run of capitalised words on one line that ends in a noun for a thing ("Festival",
   "Agreement", "Outlook", "Edition");
3. a name followed by a model number ("Vexo 4070", "Strato X200") or a plus ("Lumo TV+").

Only a name strictly inside such a name is dropped: a name that is the whole of it (spaCy
calling "The Daily Ledger" a work) stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

THING_LABELS = frozenset({"LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "LANGUAGE"})
# the last word of a name of an event, an agreement, a publication or a product
THING_NOUNS = words(
    "festival festivals fest agreement agreements accord accords protocol treaty outlook "
    "forecast edition editions award awards prize prizes marathon expo fair games cup "
    "championship championships olympics biennale biennial triennale week mode act "
    "doctrine declaration convention show tour rally race series plus pro max ultra mini "
    "lite wikipedia"
)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or (text[:1].isdigit() and any(c.isalpha() for c in text))


def _model_number(text: str) -> bool:
    """ "4070", "X200", "c6i": letters with digits, or three digits or more that are no year."""
    if text.isdigit():
        return len(text) >= 3 and not (len(text) == 4 and text[:2] in ("19", "20"))
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def thing_spans(doc: Doc) -> list[tuple[int, int]]:
    """The token spans ``[i, j)`` of the document's names of things (see module)."""
    out = [(e.start, e.end) for e in doc.ents if e.label_ in THING_LABELS]
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i].text) or not any(c.isalpha() for c in doc[i].text):
            i += 1
            continue
        j = i + 1
        while j < n and _capitalised(doc[j].text) and "\n" not in doc[j - 1].text_with_ws:
            j += 1
        last = doc[j - 1]
        if j - i >= 2 and (
            last.lower_ in THING_NOUNS or _model_number(last.text) or last.text.endswith("+")
        ):
            out.append((i, j))
        glued = j < n and "\n" not in doc[j - 1].text_with_ws
        if glued and (
            _model_number(doc[j].text) or (doc[j].text == "+" and not doc[j - 1].whitespace_)
        ):
            out.append((i, j + 1))
        i = j
    return out


def inside_thing(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether ``[a, b)`` lies inside a name of a thing and is not the whole of it."""
    return any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)
