"""Find quotes in the parse: who said what, with which cue.

1. Cue verbs (``cues``) with a subject give a source; their clausal complement is what was
   said (indirect), or a quotation (direct), or a clause with a quoted fragment (mixed).
   "According to X, ..." gives X as source of the sentence.
2. Quotations no cue verb governs take the cue of their sentence ("“…,” believes journalist
   X"), of the sentence before it when that one ends with a colon, or continue the quote of
   the paragraph before ("continuation paragraphs").
3. Quotations sharing a cue are one quote in several parts ("“A,” she said. “B.”").
4. Short quotations with no cue are scare quotes or titles, not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsgraph.stages.quotes.cues import (
    COGNITION,
    CUES,
    EVIDENCE,
    FRAME_ONLY,
    NAMING,
    SPEECH,
)
from newsgraph.stages.quotes.frame import (
    RECORDS,
    SOURCE_NOUNS,
    SPEAKING_ENTITIES,
    agent,
    can_speak,
    framed,
    free_object,
    naming,
    needs_speaker,
    negated,
    no_one,
    no_thinker,
    passive,
    thing,
    unnamed_act,
    writer_voice,
)
from newsgraph.stages.quotes.marks import Quoted, find_quoted
from newsgraph.stages.quotes.turns import FIELD_LABELS, find_turns, label_above
from newsgraph.syntax import speaker_span, subject_of

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Span, Token

Kind = Literal["direct", "mixed", "indirect"]


PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "you", "him", "her", "them"])
COMMISSIVE = frozenset(["pledge", "promise", "vow", "threaten", "swear", "post", "thank"])
# Verbs whose object is whom they address ("told reporters"), not what they said.
ADDRESSING = frozenset(["tell", "ask", "inform", "notify", "assure", "warn", "advise", "brief"])
WH_TAGS = ("WP", "WDT")  # "what", "which", "that" as relative words
MIN_DIRECT_WORDS = 4  # shorter quotations are scare quotes or titles unless a cue governs them


@dataclass
class Found:
    parts: list[tuple[int, int]]
    kind: Kind
    cue: tuple[int, int] | None  # char offsets
    speaker: tuple[int, int] | None  # char offsets of the speaker as written
    speaker_token: int | None = None  # the speaker's head token
    cue_token: int | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# Participles used as prepositions ("regarding the vote", "considering the cost"): no cue.
PREPOSITIONS = frozenset(["regarding", "concerning", "considering"])


def is_cue(tok: Token) -> bool:
    """A cue verb; not a participle used as a preposition ("Regarding “…” (Page B1): ...")."""
    if tok.lower_ in PREPOSITIONS and tok.tag_ == "VBG":
        return False
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUES


# The labels of a line that links to another page ("Related: ...", "Read more: ...", "See
# also: ...", "Watch: ..."): a headline, no one's words.
LINK_LABELS = ("related", "read more", "read", "see also", "also read", "watch", "listen", "more")
_LINK_LINE = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in LINK_LABELS) + r")\s*:", re.IGNORECASE
)


def link_line(text: str, at: int) -> bool:
    """Is the paragraph around offset ``at`` a link to another page ("Related: ...")?"""
    start = text.rfind("\n", 0, at) + 1
    return _LINK_LINE.match(text, start) is not None


def _antecedent_speaker(cue: Token) -> Token | None:
    """The noun a relative clause's "which"/"that" stands for, when it can speak: a name, a
    source noun ("the report, which says"), or anything a verb of speech makes speak ("a bill
    that says"); not "a deal that saw Iran resume ties"."""
    if cue.dep_ != "relcl" or cue.head.i == cue.i:
        return None
    noun = cue.head
    if noun.pos_ == "PROPN" or noun.ent_type_ in SPEAKING_ENTITIES:
        return noun
    if cue.lemma_.lower() in SPEECH:  # "a bill that says ...", "the law, which states ..."
        return noun
    return noun if noun.lemma_.lower() in SOURCE_NOUNS else None


def _content(verb: Token) -> tuple[tuple[int, int], bool] | None:
    """What ``verb`` reports, and whether it is a clause (a clausal complement, or the clause
    around a parenthetical "he said") rather than an object."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _span(child), True
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        # "But to prevent problems, he said, officials should be vigilant": the clause around
        around = _around(verb.head, verb)
        return (around, True) if around is not None else None
    lemma = verb.lemma_.lower()
    if lemma in COGNITION or lemma in COMMISSIVE:
        return None  # "expects to", "pledged to": an intention, not a report
    # "called the treaty his “best achievement”": the object and what follows it
    comps = [
        c
        for c in verb.rights
        if c.dep_ in ("dobj", "xcomp", "oprd", "attr", "dative")
        or (c.dep_ == "prep" and c.lower_ in ("for", "on", "about", "against", "of", "as"))
    ]
    if not comps or not _object_reports(verb, comps):
        return None
    a = _span(comps[0])[0]
    b = max(_span(c)[1] for c in comps)
    return (a, b), False


def _object_reports(verb: Token, comps: list[Token]) -> bool:
    """Can what ``verb`` governs without a clause be a statement? Not whom it addresses ("told
    this newspaper", "asked Mr Malone five questions"), not a bare name ("what researchers
    call X", "what they called labs": a name given to something), not what a thing shows ("the
    firm demonstrated growth", "researchers revealed an algorithm"): only a record shows
    something without a clause ("the poll shows Clinton ahead"), save a proposal ("suggests
    soaking it")."""
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in comps}
    if lemma in ADDRESSING and deps <= {"dobj", "dative"}:
        return False
    if lemma in NAMING and any(c.dep_ == "dobj" and c.tag_ in WH_TAGS for c in verb.children):
        return False  # "what researchers call X": a name for something, not a statement
    if lemma in EVIDENCE and comps[0].tag_ != "VBG":
        subj = subject_of(verb)
        return subj is not None and subj.lemma_.lower() in RECORDS
    return True


def _around(head: Token, skip: Token) -> tuple[int, int] | None:
    """The span of ``head``'s clause without the subtree of ``skip`` (the "he said")."""
    inner = {t.i for t in skip.subtree}
    toks = [t for t in head.subtree if t.i not in inner and not t.is_space]
    while toks and (toks[-1].is_punct or toks[0].is_punct):
        if toks[-1].is_punct:
            toks.pop()
        elif toks[0].is_punct:
            toks.pop(0)
    if len(toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _span(tok: Token) -> tuple[int, int]:
    doc = tok.doc
    a, b = tok.left_edge.i, tok.right_edge.i
    while b > a and ((doc[b].is_punct and doc[b].text not in "”’\"'") or doc[b].is_space):
        b -= 1
    while a < b and (doc[a].is_space or doc[a].text in (",", ";", ":")):
        a += 1
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def reports(tok: Token) -> bool:
    """Is ``tok`` a cue verb that reports someone: not negated, not naming, not the writer?"""
    if not is_cue(tok) or negated(tok) or naming(tok):
        return False
    if passive(tok):
        return agent(tok) is not None or unnamed_act(tok)
    subj = subject_of(tok)
    return subj is None or not (
        writer_voice(subj) or no_one(subj) or no_thinker(subj, tok) or thing(subj)
    )


def _cue_quote(
    doc: Doc, tok: Token, quoted: list[Quoted], spoken: Collection[int]
) -> tuple[Found, list[int]] | None:
    """The quote cue verb ``tok`` governs, and the quotations it takes; None when ``tok`` is no
    cue, or reports no one (``frame``)."""
    if not reports(tok) or any(q.start < tok.idx < q.end for q in quoted):
        return None  # a cue inside a quotation is part of what was said
    subj, clause = _source(tok)
    if subj is not None and thing(subj):
        return None  # "the research, which shows that ...": a thing says nothing
    got = _content(tok)
    if (subj is None and not passive(tok)) or got is None or _trivial(doc, got[0]):
        return None
    content, clausal = got
    inside = [k for k, q in enumerate(quoted) if _overlap((q.start, q.end), content) > 0]
    q_chars = sum(_overlap((quoted[k].start, quoted[k].end), content) for k in inside)
    # a scare-quoted phrase in an object is no quotation of what was said ("share the idea
    # of a “multipolar world”"): the quotation must be at least half of the content
    if not framed(tok, q_chars >= 0.5 * (content[1] - content[0])):
        return None  # "the paper added 600,000 subscribers"
    if subj is not None and needs_speaker(tok, clausal, subj) and not can_speak(subj, spoken):
        return None  # "the tape adds grip", "the score shows how ..."
    cue = (tok.idx, tok.idx + len(tok.text))
    spk = speaker_span(subj, clause) if subj is not None else None
    head = subj.i if subj is not None else None
    if spk is not None and _overlap(spk, content) > 0:
        return None
    if not inside:
        return Found([content], "indirect", cue, spk, head, tok.i), inside
    if q_chars >= 0.7 * (content[1] - content[0]):
        parts = [(quoted[k].start, quoted[k].end) for k in inside]
        return Found(parts, "direct", cue, spk, head, tok.i), inside
    return Found([content], "mixed", cue, spk, head, tok.i), inside


def _source(tok: Token) -> tuple[Token | None, Token | None]:
    """Who speaks through cue ``tok`` (None: no one named), and the clause to leave out of the
    speaker phrase ("the report, which says ...": the report)."""
    if passive(tok):
        return agent(tok), None  # "was criticised by the mayor"; "was accused of": no one named
    subj = subject_of(tok)
    if subj is not None and subj.tag_ == "WDT":
        return _antecedent_speaker(tok), tok
    return subj, None


def find_quotes(doc: Doc, spoken: Collection[int] = (), transcript: bool = False) -> list[Found]:
    """The quotes of ``doc``; ``spoken`` holds the tokens of coded actors (who can speak);
    ``transcript``: the page is a transcript (its speaker turns are quotes)."""
    text = doc.text
    quoted = list(find_quoted(text))
    used: set[int] = set()  # indexes of quoted spans taken
    found: list[Found] = []
    by_cue: dict[int, Found] = {}

    for tok in doc:
        got = _cue_quote(doc, tok, quoted, spoken)
        if got is not None:
            f, inside = got
            found.append(f)
            by_cue[tok.i] = f
            used.update(inside)

    found = _drop_nested(doc, found, by_cue)
    by_cue = {i: f for i, f in by_cue.items() if any(f is g for g in found)}
    found.extend(_according_to(doc))
    found.extend(_turn_quotes(doc, quoted, used, transcript))
    found.extend(_name_colon_lines(doc, quoted, found, used))

    # Quotations no cue governs
    last_direct: Found | None = None
    owner = {p: f for f in found if f.kind == "direct" for p in f.parts}
    for k, q in enumerate(quoted):
        if k in used:
            last_direct = owner.get((q.start, q.end), last_direct)
            continue
        inner = text[q.start : q.end]
        if is_title(text, q):
            continue
        dashed = _dash_speaker(doc, text, q)
        if dashed is not None:
            speaker, cue, head = dashed
            f = Found([(q.start, q.end)], "direct", cue, speaker, head, None)
            found.append(f)
            used.add(k)
            last_direct = f
            continue
        above = label_above(doc, q.start) if _whole_paragraph(text, q) else None
        if above is not None and _words(inner) >= MIN_DIRECT_WORDS:
            f = Found([(q.start, q.end)], "direct", None, above[0], above[1], None)
            found.append(f)  # "Jane Roe, chief engineer\n\n“…”": a label names the speaker
            used.add(k)
            last_direct = f
            continue
        sent_cue = _cue_near(doc, q, quoted)
        if sent_cue is not None:
            governed = by_cue.get(sent_cue.i)
            if governed is not None and governed.kind == "direct":
                governed.parts.append((q.start, q.end))
                governed.parts.sort()
                used.add(k)
                last_direct = governed
                continue
            subj, _ = _source(sent_cue)
            sentence_like = inner.rstrip("\u201d\u2019\"' ").endswith((".", ",", "!", "?"))
            if subj is not None and (_words(inner) >= MIN_DIRECT_WORDS or sentence_like):
                cue = (sent_cue.idx, sent_cue.idx + len(sent_cue.text))
                f = Found([(q.start, q.end)], "direct", cue, speaker_span(subj), subj.i, sent_cue.i)
                found.append(f)
                by_cue[sent_cue.i] = f
                used.add(k)
                last_direct = f
                continue
        if last_direct is not None and _same_paragraph(text, last_direct, q):
            last_direct.parts.append((q.start, q.end))  # "“A,” she said. “B.”"
            used.add(k)
            continue
        if _words(inner) < MIN_DIRECT_WORDS:
            continue  # a scare quote, a title, a single word
        if (
            last_direct is not None
            and _starts_paragraph(text, q)
            and _follows(text, last_direct, q)
        ):
            last_direct.parts.append((q.start, q.end))  # a continuation paragraph
            used.add(k)
    found = [f for f in found if not link_line(text, f.start)]
    found.sort(key=lambda f: f.start)
    return found


def _drop_nested(doc: Doc, found: list[Found], by_cue: dict[int, Found]) -> list[Found]:
    """A cue inside what someone else is reported to say is part of it ("Winkler said some are
    starting to wonder whether ...": Winkler's words, not a quote by "some"), unless it names
    its own speaker (a name, a pronoun, a coded actor: "she said the mayor told her ...")."""
    kept: list[Found] = []
    for f in found:
        if f.kind != "direct" and f.cue_token is not None and f.speaker_token is not None:
            at = doc[f.cue_token].idx
            inside = any(
                g is not f and g.kind != "direct" and g.start <= at < g.end for g in by_cue.values()
            )
            if inside and _common(doc[f.speaker_token]):
                continue
        kept.append(f)
    return kept


def _common(tok: Token) -> bool:
    """A source that is no name: a common noun or a quantifier ("some", "leading companies")."""
    return (tok.pos_ in ("NOUN", "DET", "ADJ", "NUM") or tok.tag_ == "DT") and not tok.ent_type_


def _according_to(doc: Doc) -> list[Found]:
    """ "According to X, ...": X reports the rest of the sentence, before or after."""
    text = doc.text
    found: list[Found] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if not objs or not (
                objs[0].ent_type_ in SPEAKING_ENTITIES
                or objs[0].lower_ in PRONOUNS
                or objs[0].lemma_.lower() in SOURCE_NOUNS
            ):
                continue
            sent = tok.sent
            a, b = _span(objs[0])
            # what is reported is the rest of the sentence, before or after "according to X"
            before = [t for t in sent if t.i < tok.i and not (t.is_space or t.is_punct)]
            after = [t for t in sent if t.i > objs[0].right_edge.i and not t.is_space]
            side = before if len(before) >= len(after) else after
            if len(side) < 3:
                continue
            content = (side[0].idx, side[-1].idx + len(side[-1].text))
            cue = (tok.idx, doc[tok.i + 1].idx + 2)
            found.append(Found([_strip(text, content)], "indirect", cue, (a, b), objs[0].i, tok.i))
    return found


def _turn_quotes(doc: Doc, quoted: list[Quoted], used: set[int], transcript: bool) -> list[Found]:
    """ "JANE ROE: ..." turns of a dialogue or transcript; "A: ..." by the interviewee. The
    quotations inside a turn are taken (``used``)."""
    found: list[Found] = []
    for turn in find_turns(doc, transcript):
        inside = [j for j, q in enumerate(quoted) if _overlap((q.start, q.end), turn.body) > 0]
        cue = (turn.colon, turn.colon + 1)
        found.append(Found([turn.body], "direct", cue, turn.speaker, turn.speaker_token, None))
        used.update(inside)
    return found


def _name_colon_lines(
    doc: Doc, quoted: list[Quoted], before: list[Found], used: set[int]
) -> list[Found]:
    """ "Pat Caddell: Democrat voters worried about ...": a person's name and a colon open a
    line, a person the text names elsewhere too (not a field label, "Header Image: ...", nor a
    heading the parser takes for a name, "Reduce Bounce Rate: ..."); lines no quote found
    ``before`` covers."""
    text = doc.text
    found: list[Found] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 5 or toks[0].ent_type_ != "PERSON":
            continue
        k = 0
        while k < len(toks) and toks[k].ent_type_ == toks[0].ent_type_ and toks[k].ent_iob_ != "O":
            if k > 0 and toks[k].ent_iob_ == "B":
                break
            k += 1
        if (
            k >= len(toks) - 3
            or toks[k].text != ":"
            or any(t.lower_ in FIELD_LABELS for t in toks[:k])
            or not _named_elsewhere(text, toks[k - 1])
            or (toks[0].i > 0 and "\n" not in doc[toks[0].i - 1].text_with_ws)
        ):
            continue
        content = _strip(text, (toks[k + 1].idx, toks[-1].idx + len(toks[-1].text)))
        if any(_overlap((f.start, f.end), content) for f in before + found):
            continue
        inside = [j for j, q in enumerate(quoted) if _overlap((q.start, q.end), content) > 0]
        kind: Kind = "mixed" if inside else "indirect"
        speaker = (toks[0].idx, toks[k - 1].idx + len(toks[k - 1].text))
        found.append(
            Found(
                [content], kind, (toks[k].idx, toks[k].idx + 1), speaker, toks[k - 1].i, toks[k].i
            )
        )
        used.update(inside)
    return found


def is_title(text: str, q: Quoted) -> bool:
    """A show, book or nickname in quotation marks: short, capitalised, no sentence in it."""
    a, b = q.inner
    words = [w for w in text[a:b].split() if any(c.isalpha() for c in w)]
    if not words or len(words) > 7 or any(text[a:b].rstrip().endswith(p) for p in ".?!"):
        return False
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "with", "at", "by"}
    capital = sum(1 for w in words if w[:1].isupper() or w.lower() in small)
    return capital == len(words) and any(w[:1].isupper() for w in words)


_DASHES = ("\u2015", "\u2014", "\u2013", "-", "--")


def _dash_speaker(
    doc: Doc, text: str, q: Quoted
) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """ "“…” ― Sonya Herridge": a quotation signed with a dash and a name."""
    i = q.end
    while i < len(text) and text[i].isspace() and text[i] != "\n":
        i += 1
    dash = next((d for d in _DASHES if text.startswith(d, i)), None)
    if dash is None:
        return None
    j = i + len(dash)
    while j < len(text) and text[j].isspace() and text[j] != "\n":
        j += 1
    span = doc.char_span(j, j + 1, alignment_mode="expand")
    if span is None or not span[0].text[:1].isupper():
        return None
    first = span[0]
    end = first.i
    while (
        end + 1 < len(doc)
        and (doc[end + 1].text[:1].isupper() or doc[end + 1].text == ".")
        and "\n" not in doc[end].text_with_ws
        and doc[end + 1].text not in ("\u201c", '"')
    ):
        end += 1
    while doc[end].text == "." and end > first.i:
        end -= 1
    return (first.idx, doc[end].idx + len(doc[end].text)), (i, i + len(dash)), end


def _trivial(doc: Doc, content: tuple[int, int]) -> bool:
    """ "has shown anything", "denies this": a pronoun is not what was said."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    return len(words) <= 1 and (not words or words[0].pos_ in ("PRON", "DET"))


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and text[a] in " ,;:":
        a += 1
    while b > a and text[b - 1] in " ,;:.":
        b -= 1
    return a, b


def _cue_near(doc: Doc, q: Quoted, quoted: list[Quoted]) -> Token | None:
    """The cue of the sentence(s) the quotation is in, outside every quotation; else the cue
    of the sentence before when it ends with a colon ("Gabuev said:")."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    sents: list[Span] = []
    for t in (span[0], span[-1]):
        if t.sent not in sents:
            sents.append(t.sent)
    # the words right after a closing quotation: "“…,” said X" may be parsed as its own sentence
    after = span[-1].i + 1
    if (
        after < len(doc)
        and doc[after].sent not in sents
        and "\n" not in doc[span[-1].i].text_with_ws
    ):
        sents.append(doc[after].sent)
    best: Token | None = None
    for s in sents:
        for t in s:
            closer = best is None or abs(t.idx - q.end) < abs(best.idx - q.end)
            if closer and _quoting(t, quoted) and not any(x.start <= t.idx < x.end for x in quoted):
                best = t
    if best is not None:
        return best
    first = span[0].sent
    if first.start > 0:
        prev = doc[first.start - 1].sent
        words = [t for t in prev if not t.is_space]
        if words and words[-1].text == ":":
            for t in prev:
                if _quoting(t, quoted):
                    return t
    return None


def _quoting(t: Token, quoted: list[Quoted]) -> bool:
    """Can cue ``t`` introduce a quotation next to it? Not when negated or the writer's, nor a
    verb of ``FRAME_ONLY`` busy with an object of its own ("the paper added 600 jobs")."""
    if not reports(t) or (passive(t) and agent(t) is None):
        return False
    if t.lemma_.lower() in FRAME_ONLY:
        return not free_object(t, [(q.start, q.end) for q in quoted])
    return True


def _same_paragraph(text: str, f: Found, q: Quoted) -> bool:
    """Is ``q`` right after ``f``'s attribution, in the same paragraph ("“A,” she said.
    “B.”")? Only the attribution's sentence may lie between them."""
    between = text[f.end : q.start]
    if "\n" in between or f.cue is None or not (f.end <= f.cue[0] < q.start):
        return False
    return len(between) < 120 and between.rstrip().endswith((".", ",", ":"))


def _named_elsewhere(text: str, name: Token) -> bool:
    """Does the word ``name`` (a surname) occur in ``text`` outside this place?"""
    pattern = re.compile(rf"\b{re.escape(name.text)}\b")
    return any(m.start() != name.idx for m in pattern.finditer(text))


def _whole_paragraph(text: str, q: Quoted) -> bool:
    """Is the quotation its paragraph, save punctuation after it?"""
    nl = text.find("\n", q.end)
    after = text[q.end : len(text) if nl < 0 else nl]
    return _starts_paragraph(text, q) and all(not c.isalnum() for c in after)


def _starts_paragraph(text: str, q: Quoted) -> bool:
    return q.start == 0 or text[q.start - 1] == "\n"


def _follows(text: str, f: Found, q: Quoted) -> bool:
    """Is ``q`` in the paragraph right after the last part of ``f``?"""
    between = text[f.end : q.start]
    return (
        between.count("\n\n") <= 1
        and between.strip().count("\n") <= 1
        and len(between.strip()) < 400
    )
