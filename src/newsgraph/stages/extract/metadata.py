"""Title, authors and publication date of an HTML page.

Built on trafilatura's metadata readers (meta tags, JSON-LD, title and author heuristics) and
htmldate, with what they lack for news:
  1. the publication date: htmldate's quick rules first, then the page's structured data
     (JSON-LD ``datePublished``, ``article:published_time`` and kin, ``<time>`` elements
     marked as the publication time), and htmldate's slow search of the whole page only for
     pages that declare no date at all;
  2. the title drops the site name that pages append to it ("Headline | Site Name"), using the
     page's own ``<h1>`` to decide which part is the headline.
Only the fields newsgraph uses are computed (no site name, categories, tags or licence).
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml.etree import _Element

from newsgraph.stages.extract.layout import norm_line, parse_byline

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "date_published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "date",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:»-]\s+")


@dataclass
class PageMeta:
    title: str | None
    author: str | None
    date: str | None
    url: str | None
    # normalised author name -> job title, from schema.org Person objects
    author_roles: dict[str, str]
    # what the page says it is: schema.org types of its JSON-LD objects, "og:" + og:type
    page_types: tuple[str, ...] = ()


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if not 1990 <= day.year <= date.today().year + 1:  # a news page's date, not a birth date
        return None
    return day.isoformat()


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO_DATE.search(value)
    if not m:
        return None
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_MAX_JSON_LD = 1_000_000


def json_ld_objects(tree: _Element) -> list[dict[str, Any]]:
    """Every schema.org object in the page's JSON-LD, nested ones (authors, @graph) too."""
    out: list[dict[str, Any]] = []
    for node in tree.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json" or not node.text:
            continue
        if len(node.text) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(node.text)
        except (ValueError, TypeError, RecursionError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return out


def _json_ld_roles(objects: list[dict[str, Any]]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for item in objects:
        if item.get("@type") == "Person" and isinstance(item.get("name"), str):
            job = item.get("jobTitle")
            if isinstance(job, str) and job.strip():
                roles[norm_line(item["name"])] = job.strip()
    return roles


_MAX_PAGE_TYPES = 24


def declared_types(tree: _Element, objects: list[dict[str, Any]]) -> tuple[str, ...]:
    """What the page declares itself to be: the schema.org ``@type`` of each JSON-LD object
    (in page order, each once) and its Open Graph type as ``"og:" + og:type``."""
    out: list[str] = []
    for item in objects:
        kind = item.get("@type")
        for k in kind if isinstance(kind, list) else [kind]:
            name = k.strip()[:64] if isinstance(k, str) else ""
            if name and name not in out:
                out.append(name)
    for node in tree.iter("meta"):
        if (node.get("property") or node.get("name") or "").lower() == "og:type":
            value = (node.get("content") or "").strip().lower()
            if value and f"og:{value}" not in out:
                out.append(f"og:{value[:64]}")
            break
    return tuple(out[:_MAX_PAGE_TYPES])


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(k, str) and ("Article" in k or k in {"BlogPosting", "Report"}) for k in kinds
    )


def structured_date(tree: _Element, objects: list[dict[str, Any]] | None = None) -> str | None:
    """The publication date the page declares in its structured data, if any."""
    for obj in json_ld_objects(tree) if objects is None else objects:
        if _is_article(obj):
            found = _iso(str(obj.get("datePublished") or obj.get("dateCreated") or ""))
            if found:
                return found
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if key and content and key not in metas:
            metas[key] = content
    for key in _DATE_META:
        found = _iso(metas.get(key))
        if found:
            return found
    for node in tree.iter("time"):
        marks = (
            f"{node.get('itemprop') or ''} {node.get('class') or ''} {node.get('pubdate') or ''}"
        )
        if "datePublished" in marks or "pub" in marks.lower() or node.get("pubdate") is not None:
            found = _iso(node.get("datetime"))
            if found:
                return found
    return None


def _h1_texts(tree: _Element) -> list[str]:
    return [" ".join(" ".join(str(t) for t in h.itertext()).split()) for h in tree.iter("h1")]


def clean_title(title: str | None, tree: _Element) -> str | None:
    """Drop a site name appended or prepended to the headline."""
    if not title:
        return None
    title = " ".join(title.split())
    h1s = {h.casefold() for h in _h1_texts(tree) if h}
    if title.casefold() in h1s:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    for part in parts:
        if part.casefold() in h1s:
            return part
    # Otherwise the longest part is the headline, the short one the site.
    longest = max(parts, key=len)
    if len(longest.split()) >= 3 and len(longest) >= 0.6 * len(title) - 10:
        return longest
    return title


_MONTHS: dict[str, int] = {}
for _n, _name in enumerate(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    1,
):
    _MONTHS[_name] = _n
    _MONTHS[_name[:3]] = _n
_MONTHS["sept"] = 9
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TEXT_DATES: list[re.Pattern[str]] = [
    # March 3, 2024 / Mar. 3rd 2024
    re.compile(
        rf"\b(?P<m>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I
    ),
    # 3 March 2024 / 3rd of March, 2024
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})\.?,?\s+(?P<y>\d{{4}})\b",
        re.I,
    ),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b"),
]
_VISIBLE_TEXT = (
    ".//text()[not(ancestor::script)][not(ancestor::style)]"
    "[not(ancestor::footer)][not(ancestor::nav)]"
)


def text_date(tree: _Element, max_chars: int = 20000) -> str | None:
    """The earliest-placed full date written in the page's visible text (a dateline)."""
    body = tree.find("body")
    if body is None:
        return None
    found = body.xpath(_VISIBLE_TEXT)
    texts = [str(t) for t in found] if isinstance(found, list) else []
    text = " ".join(texts)[:max_chars]
    best: tuple[int, str] | None = None
    for rx in _TEXT_DATES:
        for m in rx.finditer(text):
            month = m.group("m")
            mo = int(month) if month.isdigit() else _MONTHS.get(month.lower(), 0)
            iso = _valid(int(m.group("y")), mo, int(m.group("d")))
            if iso is None:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), iso)
            break
    return best[1] if best else None


def _find_date(tree: _Element, url: str | None, objects: list[dict[str, Any]]) -> str | None:
    """htmldate's quick rules, then the page's structured data, then the first full date
    written in the page's visible text."""
    from htmldate import find_date

    params: dict[str, Any] = {"url": url, "original_date": True}
    params["max_date"] = date.today().isoformat()
    quick: str | None = find_date(tree, extensive_search=False, **params)
    if quick:
        return quick
    return structured_date(tree, objects) or text_date(tree)


def _byline_names(bylines: list[str]) -> str | None:
    """Author names from the page's byline elements ("By Jane Doe, Editor"), if any parse."""
    for prefix in ("", "By "):  # a real byline first, then an element holding a bare name
        for text in bylines:
            byline = parse_byline(prefix + text)
            if byline is not None:
                return "; ".join(byline.names)
    return None


def read_metadata(tree: _Element, url: str | None, bylines: list[str] | None = None) -> PageMeta:
    """The page's metadata; ``bylines`` are the texts of its byline elements (pagescan)."""
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
        extract_url,
    )

    meta: Any = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader is not infallible
        meta = extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.author:
        # The byline elements already found are read first: trafilatura's own author search
        # runs dozens of XPath queries over the page.
        meta.author = _byline_names(bylines or []) or extract_author(tree)
    page_url = meta.url or extract_url(tree, url) or url
    objects = json_ld_objects(tree)
    found = _find_date(tree, page_url, objects)
    return PageMeta(
        title=clean_title(meta.title, tree),
        author=meta.author,
        date=_iso(found),
        url=page_url,
        author_roles=_json_ld_roles(objects),
        page_types=declared_types(tree, objects),
    )
