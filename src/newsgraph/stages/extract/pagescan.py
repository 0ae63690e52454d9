"""One pass over the page for what content extraction drops: captions and byline boxes.

Content extraction removes figures and author boxes, but a reader needs both: captions are
kept apart from the body, bylines give authors their roles, and a byline box that follows a
section heading attributes that section to its author. All three are collected in a single
walk of the tree, before extraction prunes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element

from newsgraph.stages.extract.boilerplate import is_boilerplate_line
from newsgraph.stages.extract.layout import norm_line, parse_byline

_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption)(?:$|[\s_-])|caption__", re.I)
_BYLINE_CLASS = re.compile(r"byline|author", re.I)
_ARTICLE_CONTAINER = re.compile(r"article|story|content|post|entry|body|main", re.I)
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SMALL_BLOCKS = frozenset({"p", "div", "span", "address", "a"})
_BY_WORD = re.compile(r"\bby\b", re.I)
_CLASS_TOKEN = re.compile(r"[\s_-]+")
_STANDFIRST_TOKENS = frozenset(
    {
        "standfirst",
        "dek",
        "deck",
        "lede",
        "summary",
        "subtitle",
        "subheadline",
        "subhead",
        "intro",
        "excerpt",
        "teaser",
        "strapline",
        "sapo",
        "chapo",
        "abstract",
    }
)


@dataclass
class PageScan:
    captions: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    # normalised heading text -> author name
    section_authors: dict[str, str] = field(default_factory=dict)
    # the summary paragraph under the headline ("standfirst", "dek"), which sites often put in
    # the page header where content extraction does not look
    standfirst: str | None = None


_NOT_STANDFIRST = frozenset({"author", "bio", "byline", "share", "meta", "cart", "promo"})


def _reads_as_prose(text: str) -> bool:
    """Not a byline, a template placeholder or an interface prompt."""
    if "{{" in text or "{%" in text or text.lower().startswith(("by ", "by:", "written by")):
        return False
    return parse_byline(text) is None and not is_boilerplate_line(text)


def _text(el: _Element) -> str:
    return " ".join(str(el.xpath("string()")).split())


def _in_article(node: _Element) -> bool:
    for anc in node.iterancestors():
        if anc.tag in {"article", "main"}:
            return True
        if anc.tag in {"nav", "footer", "aside", "header"}:
            return False
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''} {anc.get('itemprop') or ''}"
        if _ARTICLE_CONTAINER.search(marks):
            return True
    return False


def scan_page(tree: _Element, max_captions: int = 12) -> PageScan:
    out = PageScan()
    heading: str | None = None
    since_h1 = -1  # elements since the headline; the standfirst sits right under it
    for el in tree.iter("*"):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "h1":
            heading = None
            since_h1 = 0
            continue
        if since_h1 >= 0:
            since_h1 += 1
        if tag in _HEADINGS:
            heading = _text(el)
            continue
        cls = el.get("class") or ""
        if 0 <= since_h1 <= 40 and out.standfirst is None and tag in {"p", "div", "h2"} and cls:
            tokens = set(_CLASS_TOKEN.split(cls.lower()))
            if tokens & _STANDFIRST_TOKENS and not tokens & _NOT_STANDFIRST:
                text = _text(el)
                if 40 <= len(text) <= 500 and len(el) <= 6 and _reads_as_prose(text):
                    out.standfirst = text
                    continue
        # Plain substring tests first: this loop sees every element of the page.
        if (
            tag == "figcaption"
            or el.get("itemprop") == "caption"
            or ("aption" in cls and _CAPTION_CLASS.search(cls))
        ):
            if len(out.captions) < max_captions:
                text = _text(el)
                if text and len(text) <= 400 and text not in out.captions and _in_article(el):
                    out.captions.append(text)
            continue
        is_byline_box = (
            el.get("rel") == "author"
            or el.get("itemprop") == "author"
            or (
                ("uthor" in cls or "yline" in cls or "UTHOR" in cls or "YLINE" in cls)
                and bool(_BYLINE_CLASS.search(cls))
            )
        )
        if is_byline_box:
            text = _text(el)
            if text and len(text) <= 160 and text not in out.bylines:
                out.bylines.append(text)
        # A byline box after a section heading: "Analysis by Jane Doe, Editor".
        if heading is not None and tag in _SMALL_BLOCKS and len(el) <= 4:
            own = el.text or ""
            if is_byline_box or (
                ("by" in own or "By" in own or "BY" in own) and _BY_WORD.search(own)
            ):
                text = _text(el)
                byline = parse_byline(text) if len(text) <= 140 else None
                if byline is not None:
                    out.section_authors.setdefault(norm_line(heading), byline.names[0])
                    heading = None
    return out
