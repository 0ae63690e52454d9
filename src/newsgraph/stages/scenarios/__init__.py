"""Stage ``scenarios``: what could happen next, as the writer lays it out.

    options.*     the options: numbered or lettered lists after a lead-in that announces
                  outcomes ("can only go in three directions:"), "either … or …", "one option
                  is … another …", "three scenarios: A; B; and C"
    assess.*      later sentences that judge an option (by ordinal, "this option", "the
                  latter", or content) and the one that concludes

A marker glued to the line before ("… three directions: 1. …"), as a naive sentence split
leaves it, is dropped from the option's text; the options' offsets point at their words only.
"""

from __future__ import annotations

from newsgraph.model import Assessment, Conclusion, Document, Scenario, ScenarioOption
from newsgraph.registry import stage
from newsgraph.stages.nlp import parse_of
from newsgraph.stages.scenarios import assess
from newsgraph.stages.scenarios.options import (
    Found,
    colon_lists,
    either_or,
    numbered_lists,
    one_and_another,
)

_STAGE = "scenarios.v1"
LOOKAHEAD = 12  # sentences after a scenario in which its assessments are looked for


@stage(_STAGE, requires={"parse"}, assigns={"scenarios"})
class ScenariosStage:
    """Find the scenarios of an analysis: options, assessments, conclusion."""

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        parsed = parse_of(doc)
        sentences = [
            _trimmed(text, s.start_char, s.end_char) for s in parsed.sents if s.text.strip()
        ]
        found = numbered_lists(text) + colon_lists(text) + one_and_another(text)
        taken = [(f.q_start, f.options[-1][2]) for f in found]
        for f in either_or(text, sentences):
            if not any(a <= f.options[0][1] < b for a, b in taken):
                found.append(f)
        found.sort(key=lambda f: f.q_start)
        scenarios = [_scenario(text, f, n) for n, f in enumerate(found, 1)]
        _assess(text, sentences, scenarios)
        doc.scenarios = scenarios
        return doc


def _scenario(text: str, f: Found, n: int) -> Scenario:
    end = max(f.q_end, f.options[-1][2])
    return Scenario(
        id=f"s{n}",
        question=text[f.q_start : f.q_end],
        start=f.q_start,
        end=end,
        options=[
            ScenarioOption(label=lab, text=text[a:b], start=a, end=b) for lab, a, b in f.options
        ],
        by=_STAGE,
    )


def _assess(text: str, sentences: list[tuple[int, int]], scenarios: list[Scenario]) -> None:
    """Attach each later sentence that judges an option to the latest scenario before it."""
    last_option: dict[str, str] = {}
    for s, e in sentences:
        before = [k for k, sc in enumerate(scenarios) if sc.end <= s]
        if not before:
            continue
        sentence = text[s:e]
        k = before[-1]
        sc = scenarios[k]
        if _sentence_index(sentences, s) - _sentence_index(sentences, sc.end - 1) > LOOKAHEAD:
            continue
        label = _which(sentence, sc, last_option.get(sc.id))
        if label is None:
            continue
        last_option[sc.id] = label
        if assess.concludes(sentence):
            if sc.conclusion is None:
                sc.conclusion = Conclusion(option=label, text=sentence, start=s, end=e)
            continue
        verdict = assess.judgement(sentence)
        if verdict is not None:
            sc.assessments.append(
                Assessment(option=label, judgement=verdict, text=sentence, start=s, end=e)
            )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_index(sentences: list[tuple[int, int]], pos: int) -> int:
    for n, (s, e) in enumerate(sentences):
        if s <= pos < e:
            return n
    return len(sentences)


def _which(sentence: str, sc: Scenario, last: str | None) -> str | None:
    labels = [o.label for o in sc.options]
    n = assess.ordinal(sentence)
    if n is not None and 1 <= n <= len(labels):
        return labels[n - 1]
    lf = assess.latter_or_former(sentence)
    if lf is not None:
        return labels[-1] if lf == "latter" else labels[0]
    if assess.says_this_option(sentence) and last is not None:
        return last
    words = assess.content_words(sentence)
    if assess.judgement(sentence) is None:
        return None
    best = max(
        ((len(words & assess.content_words(o.text)), o.label) for o in sc.options),
        default=(0, None),
    )
    return best[1] if best[0] >= 2 else None
