"""bench.realpages scores by the rules its docstring writes down: checked on a fictional page
and hand-made documents (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.realpages.cli import main
from bench.realpages.gold import GoldError, GoldPage, half_of, load_gold, parse_page
from bench.realpages.score import (
    PredQuote,
    find_entity,
    newsgraph_quotes,
    score_actors,
    score_events,
    score_genre,
    score_not_actors,
    score_quotes,
)
from bench.realpages.text import Normalised, name_matches
from newsgraph.model import (
    Article,
    Document,
    Entity,
    Event,
    Genre,
    Mention,
    Quote,
    QuotePart,
)

TEXT = (
    "Mayor Dara Venn said the bridge would open in May. “We are  ready,” Venn told reporters.\n\n"
    "The Eldmoor Harbour Trust denied the report. I think the plan is sound.\n\n"
    "Website: quillfield.example. Open a Roth IRA today at Quillfield Bank."
)


def _at(snippet: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(snippet, start + 1)
    return start, start + len(snippet)


def _gold(**changes: Any) -> GoldPage:
    obj: dict[str, Any] = {
        "set": "wcxb_articles/dev",
        "file": "html/9001.html.gz",
        "genre": "news",
        "quotes": [
            {"first": "the bridge would open", "last": "in May", "speaker": "Dara Venn",
             "speaker_alt": ["Venn", "Mayor Dara Venn"], "kind": "indirect"},
            {"first": '"we are ready', "last": "ready,”", "speaker": "Dara Venn",
             "speaker_alt": ["Venn"], "kind": "direct"},
            {"first": "denied the report", "last": "denied the report",
             "speaker": "Eldmoor Harbour Trust", "speaker_alt": ["the trust"], "kind": "indirect"},
            {"first": "I think the plan", "last": "is sound", "speaker": None, "kind": "indirect",
             "uncertain": True},
        ],
        "actors": [
            {"name": "Dara Venn", "aliases": ["Venn"], "codes": ["GBRGOV"], "kind": "person"},
            {"name": "Eldmoor Harbour Trust", "aliases": [], "codes": ["GBRBUS", None],
             "kind": "organization"},
            {"name": "Quillfield Bank", "aliases": [], "codes": ["GBRBUS", "BUS"],
             "kind": "organization"},
            {"name": "Orrin Tace", "aliases": [], "codes": ["GBRCVL"], "kind": "person"},
        ],
        "not_actors": ["Roth IRA", "Website:", "Mayor"],
    }  # fmt: skip
    obj.update(changes)
    return parse_page(obj)


def _mention(snippet: str, nth: int = 0) -> Mention:
    start, end = _at(snippet, nth)
    return Mention(start=start, end=end, text=snippet)


def _entity(eid: str, name: str, code: str | None, *mentions: Mention) -> Entity:
    return Entity(id=eid, name=name, kind="person", code=code, mentions=list(mentions), by="t")


VENN = _entity("e1", "Mayor Dara Venn", "GBRGOV", _mention("Mayor Dara Venn"), _mention("Venn", 1))
TRUST = _entity("e2", "Harbour Trust", None, _mention("Eldmoor Harbour Trust"))
BANK = _entity("e3", "Quillfield Bank", "USABUS", _mention("Quillfield Bank"))


def _doc(*entities: Entity, quotes: list[Quote] | None = None, **article: Any) -> Document:
    return Document(
        id="d",
        article=Article(text=TEXT, **article),
        entities=list(entities),
        quotes=quotes or [],
    )


def _pred(snippet: str, speaker: str | None, nth: int = 0) -> PredQuote:
    return PredQuote(spans=(_at(snippet, nth),), speaker=speaker, text=snippet)


def test_halves_follow_the_first_hex_digit_of_sha1() -> None:
    # sha1 first digits: 9001 → "2", 9002 → "f", 9003 → "a", example → "7"
    assert half_of("wcxb_articles/dev", "html/9001.html.gz") == "tune"
    assert half_of("wcxb_articles/dev", "html/9002.html.gz") == "report"
    assert half_of("wcxb_articles/dev", "html/9003.html.gz") == "tune"
    assert half_of("trafilatura_eval", "html/example.html.gz") == "report"


def test_snippets_are_found_modulo_quotes_whitespace_and_case() -> None:
    norm = Normalised(TEXT)
    start, end = _at("“We are  ready,”")
    assert norm.locate('"WE ARE ready', "ready,\u201d") == (start, end)
    # `last` is searched from `first` on: the first "Venn" would come before the statement
    assert norm.locate("reporters", "reporters") == _at("reporters")
    assert norm.locate("told reporters", "Venn") is None
    assert norm.locate("no such words", "May") is None


def test_speaker_rule() -> None:
    assert name_matches("Venn", ["Dara Venn"])
    assert name_matches("Mayor Dara Venn", ["Dara Venn"])
    assert name_matches("Venn's", ["Dara Venn"])
    assert not name_matches("Dara", ["Dara Venn"])
    assert not name_matches("the trust", ["Eldmoor Harbour Trust"])  # misses "harbour"
    assert name_matches("the trust", ["Eldmoor Harbour Trust", "the trust"])
    assert not name_matches("Quillfield Bank", ["Dara Venn", "Venn"])


def test_quote_precision_and_recall() -> None:
    preds = [
        _pred("the bridge would open in May", "Venn"),  # right
        _pred("We are  ready", None),  # no speaker: not judged
        _pred("denied the report", "Dara Venn"),  # wrong speaker
        _pred("I think the plan is sound", "Dara Venn"),  # only an uncertain statement: ignored
        _pred("Open a Roth IRA today", "Quillfield Bank"),  # no statement there: wrong
    ]
    t = score_quotes(_gold(), TEXT, preds)
    assert (t.attributed, t.correct, t.unattributed, t.ignored) == (3, 1, 1, 1)
    assert (t.gold, t.recalled, t.gold_direct, t.recalled_direct) == (3, 1, 1, 0)
    assert t.precision == pytest.approx(1 / 3) and t.recall == pytest.approx(1 / 3)
    assert t.f1 == pytest.approx(1 / 3)
    assert [g.first for _, g in t.missed] == ['"we are ready', "denied the report"]
    assert [p.text for _, p, _ in t.false] == ["denied the report", "Open a Roth IRA today"]


def test_a_statement_without_a_speaker_is_recalled_only_without_one() -> None:
    gold = _gold(
        quotes=[{"first": "denied", "last": "report", "speaker": None, "kind": "indirect"}]
    )
    assert score_quotes(gold, TEXT, [_pred("denied the report", None)]).recalled == 1
    t = score_quotes(gold, TEXT, [_pred("denied the report", "Dara Venn")])
    assert (t.recalled, t.attributed, t.correct) == (0, 1, 0)


def test_unlocated_statements_are_counted_apart() -> None:
    gold = _gold(
        quotes=[{"first": "never written", "last": "here", "speaker": "X", "kind": "direct"}]
    )
    t = score_quotes(gold, TEXT, [])
    assert (t.gold, t.unlocated, t.unlocated_at) == (0, 1, [(gold.key, 0)])


def test_newsgraph_quotes_use_parts_and_entity_names() -> None:
    start, end = _at("Mayor Dara Venn said the bridge would open in May.")
    part = _at("Mayor")
    quotes = [
        Quote(id="q1", start=start, end=end, text="x", kind="mixed", by="t", speaker="e1",
              parts=[QuotePart(start=part[0], end=part[1])]),
        Quote(id="q2", start=start, end=end, text="y", kind="indirect", by="t",
              speaker_text="she"),
        Quote(id="q3", start=start, end=end, text="z", kind="indirect", by="t",
              speaker_text="Dara Venn"),
    ]  # fmt: skip
    preds = newsgraph_quotes(_doc(VENN, quotes=quotes))
    assert [(p.spans, p.speaker) for p in preds] == [
        ((part,), "Mayor Dara Venn"),
        (((start, end),), None),  # a pronoun alone is no speaker
        (((start, end),), "Dara Venn"),
    ]
    # q1's only part lies outside the statement's span: it does not overlap it
    assert score_quotes(_gold(), TEXT, preds[:1]).correct == 0


def test_actor_codes_and_coverage() -> None:
    t = score_actors(_gold(), _doc(VENN, TRUST, BANK))
    assert (t.gold, t.found, t.correct) == (4, 3, 2)  # Bank coded USABUS; Orrin Tace absent
    assert t.accuracy == pytest.approx(2 / 3) and t.coverage == pytest.approx(3 / 4)


def test_find_entity_prefers_the_entity_with_most_mentions() -> None:
    lone = _entity("e9", "Venn", "GBRCVL", _mention("Venn", 1))
    gold = _gold()
    assert find_entity(gold.actors[0], [lone, VENN]) is VENN
    assert find_entity(gold.actors[0], [lone]) is lone
    # an organisation is found only by its name or an alias, not by shared words
    assert find_entity(gold.actors[2], [_entity("e8", "Quillfield", "GBRBUS")]) is None


def test_not_actor_violations() -> None:
    ira_inside = _entity("e4", "IRA", "IRLREB", _mention("IRA"))
    website = _entity("e5", "Website", None, _mention("Website"))
    t = score_not_actors(_gold(), _doc(VENN, ira_inside, website))
    # "Mayor" is inside a gold actor's name: allowed; the other two are violations
    assert t.strings == 3 and [v[1] for v in t.violations] == ["Roth IRA", "Website:"]
    uncoded = _entity("e4", "IRA", None, _mention("IRA"))
    mayor = _entity("e6", "Mayor", None, _mention("Mayor"))
    t = score_not_actors(_gold(), _doc(uncoded, mayor))
    assert [v[1] for v in t.violations] == ["Mayor"]


def _event(
    source: Entity | None, target: Entity | None, s_code: str | None, t_code: str | None
) -> Event:
    return Event(
        id="ev", start=0, end=10, source=source.id if source else None,
        target=target.id if target else None, source_code=s_code, target_code=t_code,
        source_text=source.name if source else None, target_text=target.name if target else None,
        trigger="said", trigger_start=0, trigger_end=4, cameo="010", cameo_name="statement",
        mode="asserted", text="a sentence", rule="test", by="t", quad_class=1, goldstein=0.0,
    )  # fmt: skip


def test_event_rule() -> None:
    stranger = _entity("e7", "Orla Finch", "GBRCVL")
    doc = _doc(VENN, TRUST, BANK, stranger)
    doc.events = [
        _event(VENN, BANK, "GBRGOV", "USABUS"),  # right: Bank accepts "BUS" (no country)
        _event(VENN, TRUST, "USAGOV", "GBRBUS"),  # source's country wrong
        _event(VENN, stranger, "GBRGOV", "GBRCVL"),  # target is not a gold actor
        _event(VENN, stranger, "GBRGOV", None),  # one coded side: judged on it alone
        _event(None, None, None, None),  # no coded actor
    ]
    t = score_events(_gold(), doc)
    assert (t.counted, t.correct) == (5, 2)
    assert [w[3] for w in t.wrong] == [
        "source 'Mayor Dara Venn' coded USAGOV, gold GBRGOV",
        "target 'Orla Finch' is not a gold actor",
        "no coded actor",
    ]
    commerce = score_events(_gold(genre="commerce"), doc)
    assert commerce.correct == 0 and commerce.wrong[0][3] == "an event on a commerce page"


def test_genre() -> None:
    assert score_genre(_gold(), _doc()).correct == 0  # no genre stage: wrong
    t = score_genre(_gold(), _doc(genre=Genre(label="news")))
    t.add(score_genre(_gold(genre="essay"), _doc(genre=Genre(label="news"))))
    assert (t.pages, t.correct) == (2, 1)
    assert t.pairs[("essay", "news")] == 1


def _write(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _row(file: str, **changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"set": "wcxb_articles/dev", "file": file, "genre": "news",
                           "quotes": [], "actors": [], "not_actors": []}  # fmt: skip
    row.update(changes)
    return row


def test_the_loader_names_the_bad_line(tmp_path: Path) -> None:
    good = _row("html/9001.html.gz")
    path = _write(tmp_path / "g.jsonl", good, _row("html/9003.html.gz", genre="gossip"))
    with pytest.raises(GoldError, match=r"g\.jsonl:2: 'genre' must be one of"):
        load_gold([path])
    bad_quote = _row("html/9003.html.gz", quotes=[{"first": "a", "last": "b", "kind": "said"}])
    with pytest.raises(GoldError, match=r":2: quotes\[0\]: 'kind'"):
        load_gold([_write(tmp_path / "q.jsonl", good, bad_quote)])
    with pytest.raises(GoldError, match=r"already annotated at .*a\.jsonl:1"):
        load_gold([_write(tmp_path / "a.jsonl", good), _write(tmp_path / "b.jsonl", good)])
    with pytest.raises(GoldError, match="must be a tune set"):
        load_gold([_write(tmp_path / "r.jsonl", _row("x.html", set="scrapinghub_aeb"))])
    (tmp_path / "j.jsonl").write_text("\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"j\.jsonl:2: not JSON"):
        load_gold([tmp_path / "j.jsonl"])
    pages = load_gold([_write(tmp_path / "ok.jsonl", good, _row("html/9002.html.gz"))])
    assert [p.half for p in pages] == ["tune", "report"]


def test_cli_refuses_verbose_on_the_report_half(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "g.jsonl", _row("html/9002.html.gz"))
    assert main(["--gold", str(gold), "--verbose"]) == 2
    assert "report pages must not be inspected" in capsys.readouterr().err


def test_cli_skips_without_the_shared_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write(tmp_path / "g.jsonl", _row("html/9002.html.gz"))
    assert main(["--gold", str(gold), "--data", str(tmp_path / "none")]) == 2
    assert "skipped" in capsys.readouterr().err
    assert main(["--gold", str(gold), "--half", "tune"]) == 2
    assert "no tune pages" in capsys.readouterr().err


def test_a_code_is_consistent_when_it_says_nothing_wrong() -> None:
    from bench.realpages.score import code_consistent

    assert code_consistent("BUS", ["USABUS"])  # incomplete, not wrong
    assert code_consistent("USA", ["USABUS"])
    assert code_consistent("USAGOV", ["USAGOVLEG"])
    assert not code_consistent("FRABUS", ["USABUS"])
    assert not code_consistent("USAGOV", ["USABUS"])
    assert not code_consistent("MIL", ["KORBUS", "BUS"])
    assert not code_consistent("COP", ["USA"])  # a private person is no police officer
    assert not code_consistent("USACOP", ["USA"])
    assert code_consistent("IGOUNO", ["IGOUNOWFP"])


def test_cameo_s_multinational_code_is_a_business_code() -> None:
    from bench.realpages.score import code_ok

    assert code_ok("MNC", ["USABUS"])
    assert code_ok("MNC", ["BUS"])
    assert not code_ok("MNC", ["USAGOV"])
    assert not code_ok("MNC", [None])
