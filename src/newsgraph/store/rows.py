"""A Document flattened into the rows of the store's tables (one dict of columns per table)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the model (pydantic) is not needed to query a store
    from newsgraph.model import Document


Rows = dict[str, list[tuple[Any, ...]]]

# table -> (column, DuckDB type); the order is the order of the rows' values.
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("title", "VARCHAR"),
        ("published", "VARCHAR"),
        ("url", "VARCHAR"),
        ("path", "VARCHAR"),
        ("language", "VARCHAR"),
        ("authors", "VARCHAR"),
        ("n_chars", "INTEGER"),
        ("story_id", "VARCHAR"),
        ("stages", "VARCHAR"),
        ("text", "VARCHAR"),
        ("record", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
    ],
    "entities": [
        ("doc_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("code", "VARCHAR"),
        ("description", "VARCHAR"),
        ("n_mentions", "INTEGER"),
    ],
    "mentions": [
        ("doc_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "quotes": [
        ("uid", "VARCHAR PRIMARY KEY"),  # doc_id:quote_id, for the full-text index
        ("doc_id", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("speaker_id", "VARCHAR"),
        ("speaker", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("text", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("published", "VARCHAR"),
    ],
    "claims": [
        ("doc_id", "VARCHAR"),
        ("claim_id", "VARCHAR"),
        ("claimant_id", "VARCHAR"),
        ("claimant", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("n_responses", "INTEGER"),
        ("responses", "VARCHAR"),
    ],
    "events": [
        ("doc_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("source_id", "VARCHAR"),
        ("source", "VARCHAR"),
        ("source_code", "VARCHAR"),
        ("target_id", "VARCHAR"),
        ("target", "VARCHAR"),
        ("target_code", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("cameo_name", "VARCHAR"),
        ("root", "VARCHAR"),
        ("plover", "VARCHAR"),
        ("quad_class", "INTEGER"),
        ("goldstein", "DOUBLE"),
        ("mode", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("claim_id", "VARCHAR"),
        ("date", "VARCHAR"),
        ("published", "VARCHAR"),
        ("day", "DATE"),
        ("trigger", "VARCHAR"),
        ("sentence", "VARCHAR"),
        ("rule", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ],
    "stories": [
        ("story_id", "VARCHAR PRIMARY KEY"),
        ("title", "VARCHAR"),
        ("first_published", "VARCHAR"),
        ("n_documents", "INTEGER"),
        ("n_sources", "INTEGER"),
    ],
    # derived: one row per actor (name and code) over all documents, kept in step with
    # `entities` in each write transaction, so that `newsgraph actors` reads totals
    "actors": [
        ("key", "VARCHAR PRIMARY KEY"),
        ("name", "VARCHAR"),
        ("code", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("documents", "INTEGER"),
        ("mentions", "INTEGER"),
    ],
    "errors": [
        ("input_key", "VARCHAR"),
        ("input", "VARCHAR"),
        ("level", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("at", "TIMESTAMP"),
    ],
    "inputs": [
        ("input_key", "VARCHAR PRIMARY KEY"),
        ("input", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("status", "VARCHAR"),
        ("at", "TIMESTAMP"),
    ],
    # near-duplicate detection (stories.py): one MinHash signature and its bands per document
    "signatures": [
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("signature", "UBIGINT[]"),
    ],
    "bands": [
        ("band", "SMALLINT"),
        ("hash", "UBIGINT"),
        ("doc_id", "VARCHAR"),
    ],
}

DOC_TABLES = ("documents", "entities", "mentions", "quotes", "claims", "events")


def _day(date: str | None, published: str | None) -> str | None:
    for d in (date, published):
        if d and len(d) == 10:
            return d
    return None


def document_rows(doc: Document, story_id: str | None, now: Any) -> Rows:
    """The rows ``doc`` adds to each document table."""
    art = doc.article
    did = doc.id
    names = {e.id: e.name for e in doc.entities}
    rows: Rows = {t: [] for t in DOC_TABLES}
    rows["documents"].append(
        (
            did,
            art.title,
            art.published,
            doc.source.final_url or doc.source.url,
            doc.source.path,
            art.language,
            json.dumps([a.name for a in art.authors], ensure_ascii=False),
            len(art.text),
            story_id,
            ",".join(doc.stages),
            art.text,
            doc.to_json(),
            now,
        )
    )
    for e in doc.entities:
        rows["entities"].append((did, e.id, e.name, e.kind, e.code, e.description, len(e.mentions)))
        rows["mentions"].extend((did, e.id, m.start, m.end, m.text) for m in e.mentions)
    for q in doc.quotes:
        rows["quotes"].append(
            (
                f"{did}:{q.id}", did, q.id, q.speaker, names.get(q.speaker or ""),
                q.speaker_text, q.kind, q.text, q.cue, q.start, q.end, art.published,
            )
        )  # fmt: skip
    for c in doc.claims:
        responses = [r.model_dump() for r in c.responses]
        rows["claims"].append(
            (
                did, c.id, c.claimant, names.get(c.claimant or "") or c.claimant_text, c.cue,
                c.text, c.start, c.end, len(c.responses), json.dumps(responses),
            )
        )  # fmt: skip
    for v in doc.events:
        rows["events"].append(
            (
                did, v.id, v.source, names.get(v.source or "") or v.source_text, v.source_code,
                v.target, names.get(v.target or "") or v.target_text, v.target_code, v.cameo,
                v.cameo_name, v.cameo[:2], v.plover, v.quad_class, v.goldstein, v.mode,
                v.quote, v.claim, v.date, art.published, _day(v.date, art.published),
                v.trigger, v.text, v.rule, v.start, v.end,
            )
        )  # fmt: skip
    return rows


def merge(into: Rows, more: Iterable[tuple[str, list[tuple[Any, ...]]]]) -> None:
    for table, rows in more:
        into.setdefault(table, []).extend(rows)
