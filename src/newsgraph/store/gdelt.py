"""Events as a GDELT 2.0 Events table: 61 tab-separated fields, no header, one event a line,
so that tools built for GDELT read newsgraph's events.

The field names and types are those of the GDELT 2.0 Event codebook. newsgraph has no tone
and no geocoding: AvgTone is 0, the *_Geo_Type fields are 0 (no location) and the other
location fields are empty. NumMentions, NumSources and NumArticles are 1 (one document).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

FIELDS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "INTEGER"),
    ("SQLDATE", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "FLOAT"),
    ("Actor1Code", "STRING"),
    ("Actor1Name", "STRING"),
    ("Actor1CountryCode", "STRING"),
    ("Actor1KnownGroupCode", "STRING"),
    ("Actor1EthnicCode", "STRING"),
    ("Actor1Religion1Code", "STRING"),
    ("Actor1Religion2Code", "STRING"),
    ("Actor1Type1Code", "STRING"),
    ("Actor1Type2Code", "STRING"),
    ("Actor1Type3Code", "STRING"),
    ("Actor2Code", "STRING"),
    ("Actor2Name", "STRING"),
    ("Actor2CountryCode", "STRING"),
    ("Actor2KnownGroupCode", "STRING"),
    ("Actor2EthnicCode", "STRING"),
    ("Actor2Religion1Code", "STRING"),
    ("Actor2Religion2Code", "STRING"),
    ("Actor2Type1Code", "STRING"),
    ("Actor2Type2Code", "STRING"),
    ("Actor2Type3Code", "STRING"),
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "STRING"),
    ("EventBaseCode", "STRING"),
    ("EventRootCode", "STRING"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "FLOAT"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "FLOAT"),
    ("Actor1Geo_Type", "INTEGER"),
    ("Actor1Geo_FullName", "STRING"),
    ("Actor1Geo_CountryCode", "STRING"),
    ("Actor1Geo_ADM1Code", "STRING"),
    ("Actor1Geo_ADM2Code", "STRING"),
    ("Actor1Geo_Lat", "FLOAT"),
    ("Actor1Geo_Long", "FLOAT"),
    ("Actor1Geo_FeatureID", "STRING"),
    ("Actor2Geo_Type", "INTEGER"),
    ("Actor2Geo_FullName", "STRING"),
    ("Actor2Geo_CountryCode", "STRING"),
    ("Actor2Geo_ADM1Code", "STRING"),
    ("Actor2Geo_ADM2Code", "STRING"),
    ("Actor2Geo_Lat", "FLOAT"),
    ("Actor2Geo_Long", "FLOAT"),
    ("Actor2Geo_FeatureID", "STRING"),
    ("ActionGeo_Type", "INTEGER"),
    ("ActionGeo_FullName", "STRING"),
    ("ActionGeo_CountryCode", "STRING"),
    ("ActionGeo_ADM1Code", "STRING"),
    ("ActionGeo_ADM2Code", "STRING"),
    ("ActionGeo_Lat", "FLOAT"),
    ("ActionGeo_Long", "FLOAT"),
    ("ActionGeo_FeatureID", "STRING"),
    ("DATEADDED", "INTEGER"),
    ("SOURCEURL", "STRING"),
)
NAMES = tuple(n for n, _ in FIELDS)
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC", "UIS", "REB", "INS", "SEP", "PKO")

QUERY = """
SELECT e.doc_id, e.event_id, e.day, e.source, e.source_code, e.target, e.target_code,
       e.cameo, e.quad_class, e.goldstein, e.start_char, d.ingested_at,
       coalesce(d.url, d.path) AS url, d.text
FROM events e JOIN documents d USING (doc_id)
WHERE e.mode IN (SELECT unnest(?::VARCHAR[]))
ORDER BY d.ingested_at, e.doc_id, e.start_char, e.event_id
"""


def _actor(code: str | None, name: str | None) -> list[str]:
    """Actor{1,2}Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2,
    Type1..3."""
    code = code or ""
    country = group = ""
    if code[:3] in ("IGO", "NGO") and len(code) >= 6:  # IGOUNO: the United Nations
        group, rest = code[3:6], code[6:]
    elif code[:3] in INTERNATIONAL:
        group, rest = code[:3], code[3:]
    else:
        country, rest = code[:3], code[3:]
    types = [rest[i : i + 3] for i in range(0, min(len(rest), 9), 3)]
    types += [""] * (3 - len(types))
    return [code, (name or "").upper(), country, group, "", "", "", *types]


def rows(records: Sequence[tuple[Any, ...]]) -> Iterator[list[str]]:
    """GDELT rows for the events query's records."""
    for n, (_doc, _eid, day, src, src_code, tgt, tgt_code, cameo, quad, gold, start, added,
            url, text) in enumerate(records, 1):  # fmt: skip
        if isinstance(day, date):
            when = day
        else:  # no date in the text and no publication date: the day it was added
            when = added.date() if isinstance(added, datetime) else date(1970, 1, 1)
        frac = when.year + (when.timetuple().tm_yday - 1) / 365.0
        first_para = text.find("\n\n")
        root = 1 if first_para < 0 or start < first_para else 0
        added_s = added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else ""
        row = [
            str(n),
            when.strftime("%Y%m%d"),
            when.strftime("%Y%m"),
            str(when.year),
            f"{frac:.4f}",
            *_actor(src_code, src),
            *_actor(tgt_code, tgt),
            str(root),
            cameo,
            cameo[:3],
            cameo[:2],
            str(quad),
            f"{gold:.1f}",
            "1",
            "1",
            "1",
            "0",
        ]
        for _geo in range(3):  # Actor1Geo, Actor2Geo, ActionGeo: type 0, the rest empty
            row += ["0", "", "", "", "", "", "", ""]
        row += [added_s, url or ""]
        assert len(row) == len(FIELDS)
        yield row
