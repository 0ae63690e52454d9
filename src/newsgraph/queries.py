"""The corpus queries: quotes, events, actors, relations, search and sql.

Each query has options (`add_options`: the same for the command line and the HTTP API, so the
two cannot disagree) and becomes one DuckDB SQL statement with parameters (`sql_for`), run on a
read-only database by `newsgraph QUERY` or by `newsgraph serve`.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Any

from newsgraph.errors import StoreError

Query = tuple[str, list[Any]]

NAMES = ("quotes", "events", "actors", "relations", "search", "sql")
# the options a query takes as positional arguments on the command line, in order
POSITIONAL: dict[str, tuple[str, ...]] = {
    "relations": ("actor1", "actor2"),
    "search": ("text",),
    "sql": ("query",),
}
# the options that are flags (true when given)
FLAGS: dict[str, tuple[str, ...]] = {"relations": ("one_way",), "search": ("quotes",)}


class QueryError(StoreError):
    """A query that will not be run (a write through `sql`)."""


def _date(value: str) -> str:
    from datetime import date

    parts = value.split("-")
    try:
        if len(parts) > 3 or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise ValueError
        date(int(parts[0]), *(int(p) for p in parts[1:]), *([1] * (3 - len(parts))))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None
    return value


def _like(code: str) -> str:
    return code.upper().replace("%", "").replace("_", "") + "%"


def q_quotes(a: argparse.Namespace) -> Query:
    where, params = ["1=1"], []
    if a.speaker:
        where.append("(q.speaker ILIKE ? OR q.speaker_text ILIKE ?)")
        params += [f"%{a.speaker}%"] * 2
    if a.since:
        where.append("q.published >= ?")
        params.append(a.since)
    if a.kind:
        where.append("q.kind = ?")
        params.append(a.kind)
    sql = (
        "SELECT q.published, coalesce(q.speaker, q.speaker_text) AS speaker, q.kind, q.text, "
        "d.title FROM quotes q JOIN documents d USING (doc_id) WHERE "
        + " AND ".join(where)
        + " ORDER BY q.published DESC NULLS LAST, q.doc_id, q.start_char LIMIT ?"
    )
    return sql, [*params, a.limit]


def q_events(a: argparse.Namespace) -> Query:
    where, params = ["1=1"], []
    if a.source:
        where.append("e.source_code LIKE ?")
        params.append(_like(a.source))
    if a.target:
        where.append("e.target_code LIKE ?")
        params.append(_like(a.target))
    if a.since:
        where.append("coalesce(e.date, e.published) >= ?")
        params.append(a.since)
    if a.mode:
        where.append("e.mode = ?")
        params.append(a.mode)
    if a.code:
        where.append("e.cameo LIKE ?")
        params.append(a.code + "%")
    sql = (
        "SELECT coalesce(e.date, e.published) AS date, e.source_code, e.source, e.target_code, "
        "e.target, e.cameo, e.cameo_name, e.mode, e.goldstein, e.sentence FROM events e WHERE "
        + " AND ".join(where)
        + " ORDER BY date DESC NULLS LAST, e.doc_id, e.start_char LIMIT ?"
    )
    return sql, [*params, a.limit]


def q_actors(a: argparse.Namespace) -> Query:
    where, params = ["1=1"], []
    if a.kind:
        where.append("kind = ?")
        params.append(a.kind)
    sql = (
        "SELECT name, code, kind, documents, mentions FROM actors WHERE "
        + " AND ".join(where)
        + " ORDER BY mentions DESC, documents DESC, name, code LIMIT ?"
    )
    return sql, [*params, a.top]


def q_relations(a: argparse.Namespace) -> Query:
    period = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[a.by]
    sql = f"""
        SELECT strftime(day, '{period}') AS period,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_class = 2) AS material_coop,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM events
        WHERE day IS NOT NULL AND mode IN ('asserted', 'reported')
          AND ((source_code LIKE ? AND target_code LIKE ?)
               OR (? AND source_code LIKE ? AND target_code LIKE ?))
        GROUP BY period ORDER BY period LIMIT ?
    """
    a1, a2 = _like(a.actor1), _like(a.actor2)
    return sql, [a1, a2, not a.one_way, a2, a1, a.limit]


def q_search(a: argparse.Namespace) -> Query:
    from newsgraph.store.duck import bm25

    if a.quotes:
        sql = (
            "SELECT s.score, q.published, coalesce(q.speaker, q.speaker_text) AS speaker, "
            f"q.text, d.title FROM ({bm25('quotes')}) s JOIN quotes q ON q.uid = s.key "
            "JOIN documents d USING (doc_id) ORDER BY s.score DESC, q.uid LIMIT ?"
        )
        return sql, [a.text, a.limit]
    sql = (
        "SELECT s.score, d.published, d.title, d.url, d.path, d.story_id "
        f"FROM ({bm25('documents')}) s JOIN documents d ON d.doc_id = s.key "
        "ORDER BY s.score DESC, d.doc_id LIMIT ?"
    )
    return sql, [a.text, a.limit]


_WRITES = re.compile(
    r"^\s*(insert|update|delete|create|drop|alter|attach|detach|copy|pragma|install|load|"
    r"set|call|checkpoint|vacuum|export|import)\b",
    re.IGNORECASE,
)


def q_sql(a: argparse.Namespace) -> Query:
    if _WRITES.match(a.query):
        raise QueryError("newsgraph sql runs read-only queries (SELECT, WITH, DESCRIBE, SHOW)")
    return a.query, []


QUERIES: dict[str, Callable[[argparse.Namespace], Query]] = {
    "quotes": q_quotes,
    "events": q_events,
    "actors": q_actors,
    "relations": q_relations,
    "search": q_search,
    "sql": q_sql,
}


def sql_for(name: str, args: argparse.Namespace) -> Query:
    """The SQL and parameters of query `name` with these options."""
    return QUERIES[name](args)


def needs_search(name: str, sql: str) -> bool:
    """Only `search`, and SQL that calls the full-text index, pay for loading the extension."""
    return name == "search" or (name == "sql" and "fts_" in sql.lower())


def add_options(p: argparse.ArgumentParser, name: str) -> None:
    """The options of query `name` (`--limit` included), as the CLI and the API take them."""
    if name == "quotes":
        p.add_argument("--speaker", help="part of the speaker's name")
        p.add_argument("--since", type=_date, help="published on or after this date")
        p.add_argument("--kind", choices=("direct", "mixed", "indirect"))
    elif name == "events":
        p.add_argument("--source", help="source actor code or its start (CHN, CHNGOV)")
        p.add_argument("--target", help="target actor code or its start")
        p.add_argument("--since", type=_date, help="on or after this date")
        p.add_argument(
            "--mode", choices=("asserted", "future", "hypothetical", "negated", "reported")
        )
        p.add_argument("--code", help="CAMEO code or its start (04, 042)")
    elif name == "actors":
        p.add_argument("--top", type=int, default=20, help="how many (default 20)")
        p.add_argument("--kind", choices=("person", "organization", "country", "location", "group"))
    elif name == "relations":
        p.add_argument("actor1", help="an actor code or its start (CHN)")
        p.add_argument("actor2", help="an actor code or its start (RUS)")
        p.add_argument("--by", choices=("day", "month", "year"), default="month")
        p.add_argument("--one-way", action="store_true", help="only actor1 → actor2")
    elif name == "search":
        p.add_argument("text", help="words to look for")
        p.add_argument("--quotes", action="store_true", help="search quotes instead of articles")
    elif name == "sql":
        p.add_argument("query", help='a read-only query, e.g. "SELECT count(*) FROM events"')
    p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50)")


def cell(v: Any) -> Any:
    """A value as JSON and CSV show it."""
    from datetime import date  # a datetime is a date too

    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return round(v, 3)
    return v
