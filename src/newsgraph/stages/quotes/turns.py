"""Quotes with no verb of speech: speaker turns and speakers named in a label above.

- Transcript turns: lines opening with a speaker's name and a colon ("JANE ROE: ...",
  "Roe: ..."). In a dialogue (two or more turn lines by two or more names, or any turn on a
  page whose genre is ``transcript``) each turn is a direct quote by its speaker. A label is a
  name when the parse tags it as a person or organisation, when it is written in capitals, or
  when it is the name or surname of a person named elsewhere on the page; field labels
  ("Note:", "Website:", "Pros:") are not names.
- Interview turns "Q:" / "A:": the answers are direct quotes by the interviewee when the text
  before the first question names exactly one person. Questions have no named speaker.
- A label above a quotation: a short line that is a person's name, optionally with a role
  ("Jane Roe, chief engineer at Orbex"), followed by a paragraph in quotation marks (round-ups,
  panels, testimonials).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.wordsets import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LINE = re.compile(
    r"^[ \t]*(?P<label>Q|A|[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})[ \t]?:[ \t]+"
    r"(?P<body>\S[^\n]*)$",
    re.MULTILINE,
)
# Labels that head a field or a section, not a speaker's turn.
FIELD_LABELS = words(
    "note notes update updates editor editor's correction warning disclaimer source sources "
    "photo photos credit credits tags tag related advertisement read watch listen subscribe "
    "email e-mail phone tel fax website web address price prices pros cons summary background "
    "faq step tip tips key takeaway takeaways bottom line verdict rating location date time "
    "when where who what why how category categories filed posted published updated via "
    "image video audio caption transcript contact follow share example examples"
)
MIN_TURN_WORDS = 3  # a turn says something: "JANE ROE: Yes." is too short to stand alone
MAX_LABEL_WORDS = 12  # a label line above a quotation: a name and a short role


@dataclass(frozen=True)
class Turn:
    label: tuple[int, int]  # the speaker label as written
    colon: int  # offset of the colon (the turn's cue)
    body: tuple[int, int]  # what the speaker says, to the end of the line
    speaker: tuple[int, int]  # the speaker as named (for "A:", the interviewee's name)
    speaker_token: int


def find_turns(doc: Doc, transcript: bool) -> list[Turn]:
    """The speaker turns of ``doc``: in a dialogue, or on a transcript page."""
    text = doc.text
    persons = _person_names(doc)
    named: list[Turn] = []
    answers: list[re.Match[str]] = []
    first_question: int | None = None
    for m in _LINE.finditer(text):
        body = m.group("body")
        if sum(1 for w in body.split() if any(c.isalnum() for c in w)) < MIN_TURN_WORDS:
            continue
        label = m.group("label")
        if label in ("Q", "A"):
            if label == "Q" and first_question is None:
                first_question = m.start()
            elif label == "A":
                answers.append(m)
            continue
        if not _is_name(doc, m, persons):
            continue
        head = _token_at(doc, m.end("label") - 1)
        if head is None:
            continue
        span = (m.start("label"), m.end("label"))
        named.append(Turn(span, m.end("label"), _body(m), span, head))
    labels = {text[t.label[0] : t.label[1]].lower() for t in named}
    dialogue = len(named) >= 2 and len(labels) >= 2
    turns = named if dialogue or (transcript and named) else []
    return turns + _answers(doc, answers, first_question)


def _body(m: re.Match[str]) -> tuple[int, int]:
    a, b = m.start("body"), m.end("body")
    text = m.string
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _token_at(doc: Doc, offset: int) -> int | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].i if span is not None and len(span) else None


def _person_names(doc: Doc) -> set[str]:
    """Names and surnames of the people the parse finds (a label "ROE:" names Jane Roe)."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            out.add(ent.text.casefold())
            out.add(ent[-1].text.casefold())
    return out


def _is_name(doc: Doc, m: re.Match[str], persons: set[str]) -> bool:
    label = m.group("label")
    if any(w.casefold().strip(".") in FIELD_LABELS for w in label.split()):
        return False
    if label.casefold() in persons:
        return True
    letters = [c for c in label if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        return True  # "JANE ROE:", "MODERATOR:"
    first = _token_at(doc, m.start("label"))
    return first is not None and doc[first].ent_type_ in ("PERSON", "ORG")


def _answers(doc: Doc, answers: list[re.Match[str]], first_q: int | None) -> list[Turn]:
    """ "A:" turns by the one person the text names before the first "Q:"."""
    if not answers or first_q is None:
        return []
    people: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.end_char <= first_q:
            people.setdefault(ent[-1].text.casefold(), ent)
    if len(people) != 1:
        return []
    (who,) = people.values()
    spk = (who.start_char, who.end_char)
    return [
        Turn((m.start("label"), m.end("label")), m.end("label"), _body(m), spk, who[-1].i)
        for m in answers
    ]


_OPENING = '\u201c"\u2018\u00ab'
_CLOSING = '\u201d"\u2019\u00bb'


def label_above(doc: Doc, start: int) -> tuple[tuple[int, int], int] | None:
    """The person named on a short line right above a paragraph that opens at ``start`` with
    a quotation ("Jane Roe, chief engineer\\n\\n“…”"): the name's offsets and head token."""
    text = doc.text
    if start > 0 and text[start - 1] != "\n":
        return None
    end = start
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start:end]
    if not line or len(line.split()) > MAX_LABEL_WORDS or line.rstrip().endswith((".", "?", "!")):
        return None
    span = doc.char_span(line_start, end, alignment_mode="expand")
    if span is None or not len(span) or span[0].ent_type_ != "PERSON" or span[0].ent_iob_ != "B":
        return None
    k = 0
    while k < len(span) and span[k].ent_type_ == "PERSON" and (k == 0 or span[k].ent_iob_ == "I"):
        k += 1
    rest = text[span[k - 1].idx + len(span[k - 1].text) : end].strip()
    if rest and rest[0] not in ",\u2013\u2014-|(:":
        return None  # "Jane Roe walked in" is a sentence, not a label
    if _quotation_paragraph_before(text, line_start):
        return None  # "“…”\n\nJane Roe\n\n“…”": the label may sign the quote above it
    return (span[0].idx, span[k - 1].idx + len(span[k - 1].text)), span[k - 1].i


def _quotation_paragraph_before(text: str, line_start: int) -> bool:
    """Is the paragraph before the line at ``line_start`` a quotation on its own? Then a
    name between two quotations is as likely to sign the one above (testimonials) as to
    introduce the one below: no one is named."""
    end = line_start
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    para = text[text.rfind("\n", 0, end) + 1 : end].strip()
    return len(para) > 1 and para[0] in _OPENING and para[-1] in _CLOSING
