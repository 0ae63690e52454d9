"""Stage `scenarios`: options, assessments and conclusions, on texts written here."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Document, Scenario
from newsgraph.stages.nlp import NlpStage
from newsgraph.stages.scenarios import ScenariosStage

_NLP = NlpStage()


def scenarios(text: str) -> list[Scenario]:
    doc = Document(id="t", article=Article(text=text))
    return ScenariosStage()(_NLP(doc)).scenarios


def test_a_numbered_list_one_a_line_with_ordinal_assessments() -> None:
    text = (
        "The council's next move can go in three directions:\n\n"
        "1. Raise the harbour fees\n\n"
        "2. Close the northern pier\n\n"
        "3. Do nothing until the spring\n\n"
        "The mayor has ruled out new taxes, which makes option one unlikely. "
        "The riskiest of the options is number two, which would anger the fishermen."
    )
    (s,) = scenarios(text)
    assert s.question == "The council's next move can go in three directions:"
    assert [(o.label, o.text) for o in s.options] == [
        ("1", "Raise the harbour fees"),
        ("2", "Close the northern pier"),
        ("3", "Do nothing until the spring"),
    ]
    for o in s.options:
        assert text[o.start : o.end] == o.text
    assert [(a.option, a.judgement) for a in s.assessments] == [("1", "unlikely"), ("2", "risky")]
    assert all(text[a.start : a.end] == a.text for a in s.assessments)
    assert text[s.start : s.start + len(s.question)] == s.question


def test_markers_run_together_on_one_line_are_dropped_from_the_options() -> None:
    text = (
        "Analysts see three possible outcomes: 1. a truce 2. a frozen conflict 3. a new offensive."
    )
    (s,) = scenarios(text)
    assert [o.text for o in s.options] == ["a truce", "a frozen conflict", "a new offensive"]
    assert all(not o.text[0].isdigit() for o in s.options)


def test_a_lettered_list() -> None:
    text = (
        "The board has three options:\n"
        "a) sell the stadium\n"
        "b) rebuild it\n"
        "c) share it with the rugby club\n\n"
        "Selling the stadium looks likely, insiders say."
    )
    (s,) = scenarios(text)
    assert [o.label for o in s.options] == ["a", "b", "c"]
    assert [(a.option, a.judgement) for a in s.assessments] == [("a", "likely")]


def test_either_or_and_the_latter() -> None:
    text = (
        "When the talks end on Friday, the union will either accept the offer of the owners "
        "or call a strike across the northern ports. The smart money is on the latter."
    )
    (s,) = scenarios(text)
    assert [o.text for o in s.options] == [
        "accept the offer of the owners",
        "call a strike across the northern ports",
    ]
    assert s.conclusion is not None and s.conclusion.option == "2"
    assert s.conclusion.text == "The smart money is on the latter."
    assert text[s.conclusion.start : s.conclusion.end] == s.conclusion.text


def test_the_former_and_this_option() -> None:
    text = (
        "Next year the club could either move to a new ground or stay at the old stadium. "
        "The former would be costly. The main problem with this option is the debt."
    )
    (s,) = scenarios(text)
    assert [(a.option, a.judgement) for a in s.assessments] == [("1", "risky"), ("1", "risky")]


def test_one_option_and_another() -> None:
    text = (
        "One option is to extend the ceasefire for a month. Another is to let it lapse and "
        "return to the talks in Geneva. The first seems unlikely after Tuesday's shelling."
    )
    (s,) = scenarios(text)
    assert [o.text for o in s.options] == [
        "to extend the ceasefire for a month",
        "to let it lapse and return to the talks in Geneva",
    ]
    assert [(a.option, a.judgement) for a in s.assessments] == [("1", "unlikely")]


def test_three_scenarios_after_a_colon() -> None:
    text = "Diplomats sketch three scenarios: a quick deal; a long stalemate; and a collapse."
    (s,) = scenarios(text)
    assert [o.text for o in s.options] == ["a quick deal", "a long stalemate", "a collapse"]


@pytest.mark.parametrize(
    "text",
    [
        # a list of facts
        "Key facts about the bridge:\n\n1. It is 40 metres long\n\n2. It opened in 1998\n\n"
        "3. It carries 9,000 cars a day",
        # a recipe
        "Ingredients:\n1. Two eggs\n2. A cup of flour\n\nMethod:\n1. Beat the eggs\n"
        "2. Fold in the flour\n3. Bake for twenty minutes",
        # "either … or" about the past
        "The minister either forgot the meeting or ignored it, his aides said.",
        # numbers that are not a list
        "Prices rose 1. 5 percent in May and 2. 1 percent in June, the office said.",
        # "either way" and "either side"
        "Either way, nothing will change. Troops on either side of the river stayed put.",
    ],
)
def test_no_false_scenarios(text: str) -> None:
    assert scenarios(text) == []
