"""Finding the options a writer lays out: numbered or lettered lists after a lead-in that
announces outcomes, "either … or …", "one option is … another …", and "three scenarios: …".

A list is a scenario only when its lead-in says so: a word for outcomes (directions,
scenarios, options, possibilities, outcomes, alternatives, futures, paths) or a modal with
"ways" ("this could go two ways:"). A list of facts or a recipe has no such lead-in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.wordsets import words

OUTCOME_NOUNS = words(
    "direction directions scenario scenarios option options possibility possibilities outcome "
    "outcomes alternative alternatives future futures path paths route routes"
)
MODALS = words("can could might may will would should must")
WAY_NOUNS = words("way ways")
NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "one": 1, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
}  # fmt: skip
_MARKER = re.compile(r"(?:(?<=^)|(?<=[\s:;(]))\(?(\d{1,2}|[a-h])[.)](?=\s)", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z’']+")
_EITHER = re.compile(
    r"\beither\s+(?!way\b|side\b|of\b|one\b)(?P<a>[^.?!;]{3,}?)\s*,?\s+\bor\s+(?P<b>[^.?!;]{3,}?)\s*(?=[.?!;]|$)",
    re.IGNORECASE,
)
_ONE_OPTION = re.compile(
    r"\b[Oo]ne (?P<noun>option|possibility|scenario|path|choice|outcome|alternative)"
    r" (?:is|would be|could be|:)\s+(?P<a>[^.;]+)[.;]"
)
_ANOTHER = re.compile(
    r"\b(?:[Aa]nother|[Aa] second|[Tt]he other|[Aa] third)(?: (?:option|possibility|scenario|"
    r"path|choice|outcome|alternative|one))? (?:is|would be|could be)\s+(?P<x>[^.;]+)[.;]"
)
_ITEM_SPLIT = re.compile(r";\s*(?:and|or)\s+|;\s*|,\s*(?:and|or)\s+|\s+(?:and|or)\s+|,\s*")
_COLON_LIST = re.compile(
    r"(?P<lead>[^.?!\n]*\b(?P<n>two|three|four|five)\s+(?P<noun>\w+)\s*:\s*)"
    r"(?P<items>[^.?!\n]+)[.?!]?"
)


@dataclass
class Found:
    """A scenario before assessment: its question span and its options' spans."""

    q_start: int
    q_end: int
    options: list[tuple[str, int, int]]  # (label, start, end)
    kind: str  # "list", "either", "one-another", "colon"


def _lead_in_says_outcomes(lead: str) -> bool:
    ws = {w.lower() for w in _WORD.findall(lead)}
    if ws & OUTCOME_NOUNS:
        return True
    return bool(ws & WAY_NOUNS and ws & MODALS)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n.;,":
        end -= 1
    return start, end


def numbered_lists(text: str) -> list[Found]:
    """Runs of markers 1, 2, 3 … (or a, b, c …) after a lead-in that announces outcomes."""
    marks = [(m.start(), m.end(), m.group(1).lower()) for m in _MARKER.finditer(text)]
    found: list[Found] = []
    k = 0
    while k < len(marks):
        first = marks[k][2]
        if first not in ("1", "a"):
            k += 1
            continue
        run = [marks[k]]
        expect = "2" if first == "1" else "b"
        j = k + 1
        while j < len(marks):
            if marks[j][2] == expect and marks[j][0] - run[-1][1] < 600:
                run.append(marks[j])
                expect = str(int(expect) + 1) if expect.isdigit() else chr(ord(expect) + 1)
            elif marks[j][0] - run[-1][1] >= 600:
                break
            j += 1
        if len(run) < 2:
            k += 1
            continue
        start = run[0][0]
        para_start = text.rfind("\n\n", 0, start)
        line_start = text.rfind("\n", 0, start) + 1
        if line_start < start and text[line_start:start].strip():
            q_start = max(text.rfind(".", 0, start) + 1, line_start)  # "… directions: 1. …"
            q_end = start
        else:
            prev_end = para_start if para_start >= 0 else line_start - 1
            q_start = max(text.rfind("\n", 0, max(prev_end, 0)) + 1, 0)
            q_end = max(prev_end, 0)
        q_start, q_end = _trim(text, q_start, q_end)
        lead = text[q_start:q_end]
        if not lead or len(lead) > 400 or not _lead_in_says_outcomes(lead):
            k += len(run)
            continue
        options = []
        for n, (_s, e, label) in enumerate(run):
            stop = run[n + 1][0] if n + 1 < len(run) else _item_end(text, e)
            a, b = _trim(text, e, stop)
            options.append((label, a, b))
        found.append(Found(q_start, q_end, options, "list"))
        k += len(run)
    return found


def _item_end(text: str, start: int) -> int:
    """The last item runs to the end of its line (or paragraph)."""
    nl = text.find("\n", start)
    return len(text) if nl < 0 else nl


def either_or(text: str, sentences: list[tuple[int, int]]) -> list[Found]:
    """ "X will either A or B": two options when the sentence speaks of what may come."""
    out: list[Found] = []
    for s, e in sentences:
        sent = text[s:e]
        m = _EITHER.search(sent)
        if not m:
            continue
        head = {w.lower() for w in _WORD.findall(sent[: m.start()] + " " + m.group("a"))}
        if not head & MODALS and not head & words("going going_to"):
            continue
        a0, a1 = _trim(text, s + m.start("a"), s + m.end("a"))
        b0, b1 = _trim(text, s + m.start("b"), s + m.end("b"))
        if len(text[a0:a1].split()) < 2 or len(text[b0:b1].split()) < 2:
            continue
        out.append(Found(s, e, [("1", a0, a1), ("2", b0, b1)], "either"))
    return out


def one_and_another(text: str) -> list[Found]:
    out: list[Found] = []
    for m in _ONE_OPTION.finditer(text):
        rest = _ANOTHER.search(text, m.end(), m.end() + 600)
        if not rest:
            continue
        options = [("1", *_trim(text, m.start("a"), m.end("a")))]
        nxt: re.Match[str] | None = rest
        n = 2
        while nxt is not None and n <= 5:
            options.append((str(n), *_trim(text, nxt.start("x"), nxt.end("x"))))
            n += 1
            nxt = _ANOTHER.search(text, nxt.end(), nxt.end() + 600)
        out.append(Found(m.start(), m.end(), options, "one-another"))
    return out


def colon_lists(text: str) -> list[Found]:
    """ "There are three scenarios: A; B; and C." """
    out: list[Found] = []
    for m in _COLON_LIST.finditer(text):
        noun = m.group("noun").lower()
        if noun not in OUTCOME_NOUNS:
            continue
        count = NUMBERS[m.group("n").lower()]
        items_text = m.group("items")
        parts = [p for p in _ITEM_SPLIT.split(items_text) if p.strip()]
        if len(parts) != count:
            continue
        options = []
        pos = m.start("items")
        for n, part in enumerate(parts, 1):
            a = text.index(part, pos)
            options.append((str(n), *_trim(text, a, a + len(part))))
            pos = a + len(part)
        q0, q1 = _trim(text, m.start("lead"), m.end("lead"))
        out.append(Found(q0, q1, options, "colon"))
    return out
