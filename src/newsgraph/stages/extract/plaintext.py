"""Plain-text scraped copies -> Article.

A scraped copy is a headline line, then blocks separated by blank lines (or by single line
breaks when the scraper kept no blank lines). The reader, step by step:
  1. split into blocks and drop blocks repeated by the scraper (a block equal to the one
     before it, or a byline already seen);
  2. take the first block as the title when it is short enough to be one;
  3. cut the site's trailing chrome (a comment area, "Show More", "Back to top" ...) and
     drop whole-line interface prompts anywhere;
  4. bylines ("Analysis by NAME, ROLE") become authors; a heading line just before a byline
     opens a section attributed to that author; a byline is kept out of the body;
  5. lines right after the title that do not end like a sentence, and lines with a caption
     cue ("(pictured ...)"), are image captions and are kept out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.model import Author, Section
from newsgraph.stages.extract.boilerplate import is_boilerplate_line, opens_comment_area
from newsgraph.stages.extract.layout import (
    ends_like_sentence,
    has_caption_cue,
    is_numbered_item,
    looks_like_heading,
    norm_line,
    parse_byline,
)

_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|date)\s*:?\s*)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"(?:[\sT,]+\d{1,2}:\d{2}.*)?$",
    re.IGNORECASE,
)


@dataclass
class TextLayout:
    title: str | None
    paragraphs: list[str]
    captions: list[str]
    authors: list[Author]
    # (heading paragraph index, author name or None)
    headings: list[tuple[int, str | None]] = field(default_factory=list)
    date_text: str | None = None


def split_blocks(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if re.search(r"\n[ \t]*\n", text):
        raw = re.split(r"\n[ \t]*\n+", text)
        blocks = [" ".join(b.split()) for b in raw]
    else:
        blocks = [" ".join(line.split()) for line in text.split("\n")]
    return [b for b in blocks if b]


def _drop_repeats(blocks: list[str]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for b in blocks:
        key = norm_line(b)
        if kept and key == norm_line(kept[-1]):
            continue
        # Further copies of a byline are the scraper's; a repeated "Yes." is the article's.
        if key in seen and parse_byline(b) is not None:
            continue
        seen.add(key)
        kept.append(b)
    return kept


def _cut_chrome(blocks: list[str]) -> list[str]:
    # A comment area in the last part of the page ends the article.
    n = len(blocks)
    for i, b in enumerate(blocks):
        if i >= n // 2 and opens_comment_area(b):
            blocks = blocks[:i]
            break
    while blocks and is_boilerplate_line(blocks[-1]):
        blocks.pop()
    return [b for b in blocks if not is_boilerplate_line(b)]


def read_layout(text: str) -> TextLayout:
    blocks = _drop_repeats(split_blocks(text))
    title: str | None = None
    if (
        len(blocks) > 1
        and len(blocks[0]) <= 250
        and len(blocks[0].split()) <= 30
        and not blocks[0].endswith((".", "”", '"', "»"))
    ):
        title = blocks.pop(0)
    # A date line near the top is metadata; take it before chrome rules see it.
    date_text: str | None = None
    for i, b in enumerate(blocks[:4]):
        m = _DATE_LINE.match(b)
        if m:
            date_text = m.group("date")
            blocks.pop(i)
            break
    blocks = _cut_chrome(blocks)

    captions: list[str] = []
    # Leading blocks that are not sentences: captions (or a date line).
    while len(blocks) > 1:
        b = blocks[0]
        if parse_byline(b) is not None:
            break
        if ends_like_sentence(b) or is_numbered_item(b) or len(b.split()) < 4:
            break
        if looks_like_heading(b) and len(blocks) > 1 and parse_byline(blocks[1]) is not None:
            break
        captions.append(blocks.pop(0))

    paragraphs: list[str] = []
    authors: list[Author] = []
    headings: list[tuple[int, str | None]] = []
    seen_authors: set[str] = set()
    for b in blocks:
        byline = parse_byline(b)
        if byline is not None:
            for name in byline.names:
                if name.casefold() not in seen_authors:
                    seen_authors.add(name.casefold())
                    authors.append(Author(name=name, role=byline.role))
            if paragraphs and looks_like_heading(paragraphs[-1]):
                idx = len(paragraphs) - 1
                headings = [h for h in headings if h[0] != idx]
                headings.append((idx, byline.names[0]))
            continue
        if has_caption_cue(b):
            captions.append(b)
            continue
        paragraphs.append(b)

    # Headings without a byline: a heading-like line between two prose paragraphs.
    for i in range(1, len(paragraphs) - 1):
        if any(h[0] == i for h in headings):
            continue
        p = paragraphs[i]
        if (
            looks_like_heading(p)
            and ends_like_sentence(paragraphs[i - 1])
            and len(paragraphs[i + 1].split()) >= 8
            and not looks_like_heading(paragraphs[i + 1])
        ):
            headings.append((i, None))
    headings.sort()
    return TextLayout(title, paragraphs, captions, authors, headings, date_text)


def sections_from(
    paragraphs: list[str], headings: list[tuple[int, str | None]]
) -> tuple[str, list[Section]]:
    """Join paragraphs with blank lines and compute each section's span."""
    starts: list[int] = []
    pos = 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 2
    text = "\n\n".join(paragraphs)
    sections: list[Section] = []
    for k, (idx, author) in enumerate(headings):
        start = starts[idx]
        end = starts[headings[k + 1][0]] - 2 if k + 1 < len(headings) else len(text)
        sections.append(Section(heading=paragraphs[idx], author=author, start=start, end=end))
    return text, sections
