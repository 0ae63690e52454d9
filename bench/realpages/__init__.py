"""Real-page benchmark: newsgraph's precision on web pages as a crawl brings them.

    python -m bench.realpages [--half report|tune|all] [--gold FILE ...] [--data DIR]
                              [--json] [--verbose] [--check]

The set. Hand-annotated English pages from the two *tune* extraction sets
(``extraction/wcxb_articles/dev`` and ``extraction/trafilatura_eval`` under the shared data
folder), mixing genres as a crawl does: news and analysis with attributed statements, essays
and newsletters, press releases, transcripts, commerce and listing pages. For each page the
gold (``bench/realpages/gold.jsonl``, format in the annotation spec) gives the genre, every
attributed statement (its first and last words, speaker and acceptable alternative names,
kind), the main actors with their acceptable CAMEO codes, and strings that must not become
actors. Snippets refer to the article text newsgraph extracts (``extract.v1``).

Halves. A page belongs to the half given by the first hex digit of
``sha1("SET/FILE")``: even → ``tune``, odd → ``report``. Look at the tune half to find
failures; publish figures of the report half, and never read its pages or per-item output.
``--half`` picks the half to score (default ``report``); ``--verbose`` (per-item lists) is
refused with ``--half report`` and lists tune pages only, also with ``--half all``.

Each page runs through newsgraph's whole default pipeline from its bytes, in process, as
``newsgraph analyze PATH`` runs it; textacy's ``direct_quotations`` (the peer: direct quotes
only) runs on the article text newsgraph extracted, parsed by the same spaCy model (when
textacy gives up on a text with an unclosed quotation mark, it runs paragraph by paragraph).
A page newsgraph fails on is listed and left out of every measure.

Rules.

* Gold statement span: ``first`` is located in the article text, then ``last`` from
  ``first``'s start on; the span runs from the one's start to the other's end. Both are
  compared modulo whitespace, curly/straight quotation marks and apostrophes, dashes and
  letter case. A statement whose snippets are not found is counted as "not located" and left
  out (a gold defect to fix).
* Predicted quote span: its parts when it has any, else its whole span. A prediction
  overlaps a statement when they share a character.
* Predicted speaker: the speaker entity's name, else ``speaker_text`` (textacy: the speaker
  tokens' text). A speaker made only of pronouns ("he", "they") is no speaker. A prediction
  with a speaker is *attributed*; the others are counted apart and not judged.
* Speaker rule: the predicted name matches a gold name (``speaker`` or one of
  ``speaker_alt``) when, compared word by word in lower case without punctuation or a
  possessive 's, all the gold name's words are among the predicted name's words, or all the
  predicted name's words are among the gold name's words and include its last word
  ("Roe" and "Dr Jane Roe" match "Jane Roe"; "Jane" does not).
* Quote precision = correct attributed predictions / attributed predictions. A prediction is
  correct when it overlaps a gold statement whose speaker it matches; one that overlaps no
  statement is wrong. Statements marked ``"uncertain": true`` are ignored: a prediction that
  overlaps only such statements is not judged, and they are not in the recall.
* Quote recall = statements recalled / statements (not uncertain, located). A statement is
  recalled by an overlapping prediction with a matching speaker; a statement whose text names
  no speaker (``speaker`` null) by an overlapping prediction without a speaker. Predictions
  are not paired one to one. Attribution F1 is the harmonic mean of the two. The direct
  recall is the same on statements of kind ``direct`` only (textacy's whole scope).
* Actors: a gold actor's entity is one whose name or a mention equals the gold name or an
  alias (same word comparison), or, for a person, one whose name holds the gold name's first
  and last words; of several, the one with most mentions. Code accuracy = found actors whose
  entity code is one of the acceptable codes (exactly; a null among them accepts no code;
  CAMEO's ``MNC`` for a multinational is accepted where a business code ``…BUS`` is) /
  found actors. Coverage = found / gold actors. Code precision = coded found actors whose
  code says nothing wrong / coded found actors: its country, if it names one, is the
  country of an acceptable code, and its roles, if any, begin that code's roles or are begun
  by them ("BUS" for a gold "USABUS" is incomplete, not wrong; "FRABUS" and "USAGOV" are
  wrong). An actor left without a code counts against accuracy, not against precision.
* Not-actor violations: a not-actor string is violated when an entity's name or a mention
  is that string (same word comparison), or holds it as whole words (not counted for an
  entity that is a gold actor of the page: "Officer Jane Roe" may hold "Officer"), or when a
  coded entity has a mention of at least 3 characters lying inside an occurrence of the
  string in the text ("IRA" coded inside "Roth IRA"). Rate = violated strings / strings.
* Event rule: every event in ``doc.events`` counts. It is correct when (a) the page's gold
  genre is neither commerce nor listing; (b) each coded side (source, target; at least one)
  is a gold actor of the page: its entity is the one found for that actor (a side without
  an entity: its text equals a gold name or alias); and (c) the side's code starts with the
  country (first three letters: a country or an international prefix such as IGO) of one of
  the actor's acceptable codes, or one of those codes has no country ("BUS").
* Genre accuracy: ``doc.article.genre.label`` against the gold genre; no genre is wrong.
* Speed: pages and seconds (wall and CPU) of the whole pipeline, model load excluded.

``--check`` only loads the gold and locates its snippets in the extracted text (``extract.v1``
alone): for annotators.
"""

from __future__ import annotations

from bench.realpages.gold import GoldError, GoldPage, half_of, load_gold

__all__ = ["GoldError", "GoldPage", "half_of", "load_gold"]
