"""Defaults: the pipeline newsgraph runs when none is named, and limits for fetching."""

from __future__ import annotations

# Later stages (actors, quotes, claims, events, scenarios) are appended here as they land.
DEFAULT_PIPELINE: tuple[str, ...] = (
    "extract.v1",
    "genre.v1",
    "nlp.v1",
    "actors.v1",
    "quotes.v1",
    "claims.v1",
    "events.v1",
    "scenarios.v1",
)

FETCH_TIMEOUT_S = 20.0
FETCH_MAX_BYTES = 20 * 1024 * 1024
FETCH_MAX_REDIRECTS = 5
USER_AGENT = "newsgraph/0.1 (+offline news analysis)"
