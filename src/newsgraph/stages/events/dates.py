"""When: the date an event's clause gives, resolved against the publication date.

"on Friday" → the latest Friday on or before publication (the next one for a future event);
"yesterday", "today", "tomorrow"; "last year", "this month", "next year"; "two years ago";
"in September 2022", "September 5", "5 September 2022", "in 2022". The result is an ISO
date as precise as the text: "2023-03-17", "2022-09" or "2022". Relative expressions need the
publication date; without it only absolute ones resolve.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
WEEKDAYS = {
    d: n
    for n, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})\.?(?:,? (\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,? (\d{{4}})\b")
_MONTH_ALONE = re.compile(rf"\b(?:in |last |this |next )?({_MONTH})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(r"\b(\d+|[a-z]+) (day|week|month|year)s? ago\b")
_RELATIVE = re.compile(r"\b(last|this|next|past|coming) (week|month|year)\b")


def _month_back(d: date, months: int) -> tuple[int, int]:
    n = d.year * 12 + (d.month - 1) - months
    return n // 12, n % 12 + 1


def _safe(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve_date(text: str, published: str | None, *, future: bool = False) -> str | None:
    """The date ``text`` (a time expression) stands for, or None if it cannot tell."""
    t = " ".join(text.lower().replace(",", ", ").split()).replace(" ,", ",")
    pub = date.fromisoformat(published) if published else None
    for rx, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        m = rx.search(t)
        if m:
            day_s, month_s = (m.group(1), m.group(2)) if order == "dm" else (m.group(2), m.group(1))
            month, day = MONTHS[month_s], int(day_s)
            if m.group(3):
                return _safe(int(m.group(3)), month, day)
            if pub is None:
                return None
            year = pub.year
            if not future and (month, day) > (pub.month, pub.day):
                year -= 1
            elif future and (month, day) < (pub.month, pub.day):
                year += 1
            return _safe(year, month, day)
    m = _MONTH_YEAR.search(t)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}"
    m = _YEAR.search(t)
    if m:
        return m.group(1)
    if pub is None:
        return None
    words_ = t.split()
    if "yesterday" in words_:
        return (pub - timedelta(days=1)).isoformat()
    if "today" in words_ or "tonight" in words_:
        return pub.isoformat()
    if "tomorrow" in words_:
        return (pub + timedelta(days=1)).isoformat()
    for w in words_:
        if w in WEEKDAYS:
            delta = (pub.weekday() - WEEKDAYS[w]) % 7
            nxt = "next" in words_ or future
            if nxt:
                return (pub + timedelta(days=(WEEKDAYS[w] - pub.weekday()) % 7 or 7)).isoformat()
            return (pub - timedelta(days=delta)).isoformat()
    m = _AGO.search(t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1))
        if n is None:
            return None
        unit = m.group(2)
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat()
        if unit == "month":
            y, mo = _month_back(pub, n)
            return f"{y:04d}-{mo:02d}"
        if unit == "year":
            return f"{pub.year - n:04d}"
        return None
    m = _RELATIVE.search(t)
    if m:
        which, unit = m.groups()
        step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[which]
        if unit == "year":
            return f"{pub.year + step:04d}"
        if unit == "month":
            y, mo = _month_back(pub, -step)
            return f"{y:04d}-{mo:02d}"
        return None
    m = _MONTH_ALONE.search(t)
    if m and m.group(1) not in ("may", "mar"):  # "may" and "mar" are too often not months
        month = MONTHS[m.group(1)]
        year = pub.year
        if "last" in words_ or (not future and month > pub.month):
            year -= 1
        elif "next" in words_ or (future and month < pub.month):
            year += 1
        return f"{year:04d}-{month:02d}"
    return None
