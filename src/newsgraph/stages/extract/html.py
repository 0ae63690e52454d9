"""HTML pages -> Article, built on trafilatura and htmldate.

The cascade, step by step:
  1. trafilatura finds the main content and the page metadata (title, author, date), with
     the settings in `HtmlOptions`;
  2. when that yields nothing usable, it is asked again favouring recall;
  3. the content tree is flattened to lines; headings are remembered;
  4. what trafilatura lacks is added here: image captions (``<figcaption>`` and caption
     elements) are taken out of the body, whole-line interface prompts and lines repeated by
     the page are dropped, bylines inside the body become authors with roles and attribute
     the section that they open;
  5. authors get roles from the page's byline elements ("By Jane Doe, Diplomatic Editor").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml.etree import _Element

from newsgraph.model import Author
from newsgraph.stages.extract.boilerplate import is_boilerplate_line
from newsgraph.stages.extract.layout import looks_like_heading, norm_line, parse_byline
from newsgraph.stages.extract.metadata import PageMeta, read_metadata
from newsgraph.stages.extract.pagescan import scan_page

_ORDERED_MARK = re.compile(r"^- (\d{1,3}\. )")


@dataclass(frozen=True)
class HtmlOptions:
    """Settings passed to trafilatura; the defaults are the ones newsgraph is measured with."""

    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    recall_fallback_chars: int = 250


@dataclass
class HtmlLayout:
    title: str | None
    paragraphs: list[str]
    heading_idx: list[tuple[int, str | None]]
    captions: list[str]
    authors: list[Author]
    date: str | None
    url: str | None
    language: str | None
    page_types: tuple[str, ...] = ()


def _trafilatura(html: str | _Element, url: str | None, opts: HtmlOptions, recall: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=opts.include_tables,
        favor_precision=opts.favor_precision and not recall,
        favor_recall=opts.favor_recall or recall,
    )


def _text_of(el: _Element) -> str:
    return " ".join("".join(str(t) for t in el.itertext()).split())


def _lines(body: _Element | None) -> list[str]:
    if body is None:
        return []
    from trafilatura.xml import xmltotxt

    # Ordered lists keep their numbers ("1. ..."), which readers and later stages rely on.
    for lst in body.iter("list"):
        if lst.get("rend") == "ol":
            items = [item for item in lst if item.tag == "item"]
            for n, item in enumerate(items, 1):
                item.text = f"{n}. {item.text or ''}"
    text = xmltotxt(body, include_formatting=False) or ""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [_ORDERED_MARK.sub(r"\1", line) for line in lines if line]


def _headings(body: _Element | None) -> set[str]:
    if body is None:
        return set()
    return {norm_line(_text_of(h)) for h in body.iter("head")}


def _authors(meta: PageMeta, bylines: list[str]) -> list[Author]:
    names = [n.strip() for n in re.split(r";|\s+and\s+", meta.author or "") if n.strip()]
    roles = dict(meta.author_roles)
    for t in bylines:
        byline = parse_byline(t) or parse_byline("By " + t)
        if byline and byline.role:
            for name in byline.names:
                roles.setdefault(norm_line(name), byline.role)
    return [Author(name=n, role=roles.get(norm_line(n))) for n in names]


def _parse(html: str) -> _Element | None:
    from trafilatura.utils import load_html

    tree: _Element | None = load_html(html)
    if tree is None and html.strip():
        # a bare fragment ("<p>...</p>") that the page parser will not take on its own
        tree = load_html(f"<html><body>{html}</body></html>")
    return tree


def read_html(html: str, url: str | None, opts: HtmlOptions) -> HtmlLayout:
    tree = _parse(html)
    if tree is None:
        return HtmlLayout(None, [], [], [], [], None, url, None)
    # Everything read from the page itself comes first: extraction prunes the tree.
    scan = scan_page(tree)
    meta = read_metadata(tree, url, scan.bylines)
    page_captions, by_heading = scan.captions, scan.section_authors
    authors = _authors(meta, scan.bylines)
    lang_attr = (tree.get("lang") or "").split("-")[0].lower() or None

    result = _trafilatura(tree, url, opts, recall=False)
    text_len = len(result.text or "") if result is not None else 0
    if text_len < opts.recall_fallback_chars:
        retry = _trafilatura(html, url, opts, recall=True)
        if retry is not None and len(retry.text or "") > text_len:
            result = retry

    lines = _lines(result.body if result is not None else None)
    head_keys = _headings(result.body if result is not None else None)
    title = meta.title

    caption_keys = {norm_line(cap): cap for cap in page_captions}

    paragraphs: list[str] = []
    heading_idx: list[tuple[int, str | None]] = []
    captions: list[str] = []
    extra_authors: list[Author] = []
    for line in lines:
        key = norm_line(line)
        if paragraphs and key == norm_line(paragraphs[-1]):
            continue
        if key in caption_keys and key not in head_keys:
            if caption_keys[key] not in captions:
                captions.append(caption_keys[key])
            continue
        if is_boilerplate_line(line):
            continue
        byline = parse_byline(line) if len(line) < 140 else None
        if byline is not None:
            extra_authors.extend(Author(name=n, role=byline.role) for n in byline.names)
            prev = len(paragraphs) - 1
            if prev >= 0 and (
                norm_line(paragraphs[prev]) in head_keys or looks_like_heading(paragraphs[prev])
            ):
                heading_idx = [h for h in heading_idx if h[0] != prev]
                heading_idx.append((prev, byline.names[0]))
            continue
        if key in head_keys and (title is None or key != norm_line(title)):
            heading_idx.append((len(paragraphs), None))
        paragraphs.append(line)

    if by_heading:
        heading_idx = [(i, a or by_heading.get(norm_line(paragraphs[i]))) for i, a in heading_idx]
    kept = {norm_line(c) for c in captions}
    for cap in page_captions:
        if norm_line(cap) not in kept:
            kept.add(norm_line(cap))
            captions.append(cap)
    # The headline repeated as the first line of the body is not body text.
    if paragraphs and title and norm_line(paragraphs[0]) == norm_line(title):
        paragraphs.pop(0)
        heading_idx = [(i - 1, a) for i, a in heading_idx if i > 0]
    # The standfirst opens the body when extraction left it in the page header.
    if scan.standfirst and paragraphs:
        key = norm_line(scan.standfirst)
        if all(key not in norm_line(p) for p in paragraphs[:3]):
            paragraphs.insert(0, scan.standfirst)
            heading_idx = [(i + 1, a) for i, a in heading_idx]
    # A heading must head something: drop trailing headings with no paragraph after them.
    heading_idx = [(i, a) for i, a in heading_idx if i < len(paragraphs) - 1]

    known = {norm_line(a.name) for a in authors}
    for a in extra_authors:
        if norm_line(a.name) not in known:
            known.add(norm_line(a.name))
            authors.append(a)
        else:
            authors = [
                Author(name=x.name, role=x.role or a.role)
                if norm_line(x.name) == norm_line(a.name)
                else x
                for x in authors
            ]
    return HtmlLayout(
        title=title,
        paragraphs=paragraphs,
        heading_idx=sorted(heading_idx),
        captions=captions,
        authors=authors,
        date=meta.date,
        url=meta.url or url,
        language=lang_attr,
        page_types=meta.page_types,
    )
