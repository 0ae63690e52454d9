"""Stage ``extract``: page bytes -> Article (title, authors, date, language, body, captions,
sections). Generic: nothing in it is specific to one site or one page.

    decode.py      bytes -> text (gzip, BOM, declared charset, detection)
    html.py        HTML pages, on top of trafilatura
    plaintext.py   scraped plain-text copies
    layout.py      bylines, headings, captions, list items: rules shared by both readers
    boilerplate.py whole-line interface prompts (share, comment, cookie, "Show More" ...)
    language.py    language identification
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from newsgraph.errors import NoArticleError
from newsgraph.model import Article, Author, Document, Section, Source, text_id
from newsgraph.pipeline import RawPage
from newsgraph.registry import stage
from newsgraph.stages.extract.decode import decode, repair_double_utf8
from newsgraph.stages.extract.html import HtmlOptions, read_html
from newsgraph.stages.extract.language import detect_language
from newsgraph.stages.extract.plaintext import read_layout, sections_from

STAGE = "extract.v1"
PAGE_TYPES = "page_types"
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|main|section|span|table|br|"
    r"pre|h[1-6]|ul|ol|li|blockquote|figure|header|nav|a|img|script|style)\b",
    re.IGNORECASE,
)
MIN_YEAR = 1800  # earlier "publication dates" are typos or not dates at all
_MIN_ARTICLE_WORDS = 15
_MIN_PARAGRAPH_WORDS = 8


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _words(text: str) -> int:
    """Words, counting two CJK characters as one word (those scripts use no spaces)."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def has_article_text(paragraphs: list[str]) -> bool:
    """Enough prose to be an article: some words, and at least one real sentence."""
    words = sum(_words(p) for p in paragraphs)
    longest = max((_words(p) for p in paragraphs), default=0)
    return words >= _MIN_ARTICLE_WORDS and longest >= _MIN_PARAGRAPH_WORDS


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def looks_like_html(text: str) -> bool:
    """A page or fragment of HTML: it opens with a tag, or is dense with known tags."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_SNIFF.match(head):
        return True
    return len(_HTML_SNIFF.findall(head)) >= 3


def normalise_date(value: str | None) -> str | None:
    """A date as YYYY-MM-DD, or None when it cannot be read as one."""
    if not value:
        return None
    v = " ".join(value.split()).replace(",", "")
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
    day: date | None = None
    if m:
        y, mo, d = (int(x) for x in m.groups())
        try:
            day = date(y, mo, d)
        except ValueError:
            return None
    else:
        for fmt in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d %b. %Y", "%b. %d %Y"):
            try:
                day = datetime.strptime(v, fmt).date()
                break
            except ValueError:
                continue
    if day is None or day.year < MIN_YEAR:
        return None
    return day.isoformat()


def _section_spans(paragraphs: list[str], headings: list[tuple[int, str | None]]) -> list[Section]:
    _, sections = sections_from(paragraphs, headings)
    return [s.model_copy(update={"by": STAGE}) for s in sections]


def read_page(page: RawPage, options: HtmlOptions | None = None) -> tuple[Article, Source]:
    """Read one page into an Article; raises an InputError subclass when it cannot."""
    article, source, _ = _read(page, options)
    return article, source


def page_types_of(doc: Document) -> tuple[str, ...]:
    """What the page declared itself to be (schema.org types, ``og:`` type), as the extract
    stage read it; empty for text, a given article or a document loaded from JSON."""
    value = doc._scratch.get(PAGE_TYPES, ())
    return tuple(value) if isinstance(value, (tuple, list)) else ()


def _read(page: RawPage, options: HtmlOptions | None) -> tuple[Article, Source, tuple[str, ...]]:
    opts = options or HtmlOptions()
    source = Source(path=page.path, url=page.url, final_url=page.final_url, status=page.status)
    label = page.name
    if page.given is not None:
        art = page.given
        update: dict[str, object] = {"by": STAGE, "published": normalise_date(art.published)}
        if page.published and not art.published:
            update["published"] = normalise_date(page.published)
        if art.language is None:
            update["language"] = detect_language(art.text)
        return Article.model_validate({**art.model_dump(), **update}), source, ()

    if page.data is None:
        raise NoArticleError("no data was given", source=label)
    text = page.data if isinstance(page.data, str) else decode(page.data, source=label).text
    text = repair_double_utf8(text)
    if not text.strip():
        raise NoArticleError("is empty", source=label)

    # Text is NFC-normalised (composed accents), so that the same words always match; for
    # HTML only what is kept is normalised, which is much less than the page.
    if looks_like_html(text):
        lay = read_html(text, page.final_url or page.url, opts)
        paragraphs, headings = [_nfc(p) for p in lay.paragraphs], lay.heading_idx
        body = "\n\n".join(paragraphs)
        if not has_article_text(paragraphs):
            raise NoArticleError(
                "is a web page but no article text was found in it "
                "(a login page, an index or a page built by JavaScript?)",
                source=label,
            )
        art = Article(
            title=_nfc(lay.title) if lay.title else None,
            authors=[
                Author(name=_nfc(a.name), role=_nfc(a.role) if a.role else None)
                for a in lay.authors
            ],
            published=normalise_date(page.published) or normalise_date(lay.date),
            language=detect_language(body, hint=lay.language),
            text=body,
            captions=[_nfc(c) for c in lay.captions],
            sections=_section_spans(paragraphs, headings),
            by=STAGE,
        )
        if lay.url and not source.url:
            source = source.model_copy(update={"url": lay.url})
        return art, source, lay.page_types

    tl = read_layout(_nfc(text))
    body = "\n\n".join(tl.paragraphs)
    if not has_article_text(tl.paragraphs):
        raise NoArticleError("has no article text (too short after cleaning)", source=label)
    art = Article(
        title=tl.title,
        authors=list(tl.authors),
        published=normalise_date(page.published) or normalise_date(tl.date_text),
        language=detect_language(body),
        text=body,
        captions=tl.captions,
        sections=_section_spans(tl.paragraphs, tl.headings),
        by=STAGE,
    )
    return art, source, ()


@stage(STAGE, requires={"raw"}, assigns={"article", PAGE_TYPES})
class ExtractStage:
    """Read a page (HTML, plain text or a given article) into the document's article."""

    def __init__(self, **options: bool | int) -> None:
        self.options = HtmlOptions(**options)  # type: ignore[arg-type]

    def __call__(self, doc: Document) -> Document:
        page: RawPage = doc._scratch["raw"]
        article, source, page_types = _read(page, self.options)
        doc._scratch[PAGE_TYPES] = page_types
        doc.article = article
        doc.source = source
        doc.id = page.id or text_id(article.text)
        return doc
