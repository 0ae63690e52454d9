"""What a page shows of its genre: each signal is a strength in [0, 1] read off the page.

Signals come from three places, strongest first:
  * what the page declares itself to be (schema.org ``@type`` of its JSON-LD, ``og:type``);
  * its URL's path ("/press-releases/", "/opinion/", "/blog/", "/product/");
  * its text: the writer's own persons ("I", "we", "you" outside quotation marks), reporting
    verbs, speaker turns, announcement and contact formulas, prices and calls to buy, steps.

The signals only measure; ``data/weights.tsv`` says how much each one counts for which genre.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from newsgraph.wordsets import words


@dataclass(frozen=True)
class Page:
    """The parts of an article the signals read."""

    text: str
    title: str = ""
    url: str = ""
    page_types: tuple[str, ...] = ()

    @cached_property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]

    @cached_property
    def words(self) -> int:
        return max(1, len(self.text.split()))

    @cached_property
    def turns(self) -> int:
        """Paragraphs that are speaker turns ("NAME: ..."), when there are enough to be a
        transcript's, by two speakers at least."""
        labels = [p.split(":", 1)[0].strip().lower() for p in self.paragraphs if _is_turn(p)]
        # a dialogue has two speakers at least: one label over and over is a field or a heading
        return len(labels) if len(labels) >= _MIN_TURNS and len(set(labels)) >= 2 else 0

    @cached_property
    def own_text(self) -> str:
        """The writer's own words: the text without what stands in quotation marks and
        without speaker turns."""
        paras = [p for p in self.paragraphs if not (self.turns and _is_turn(p))]
        return _QUOTED.sub(" ", "\n\n".join(paras))

    @cached_property
    def path(self) -> str:
        """The URL's host label and path in lower case, "-" between words ("/how-to-buy/")."""
        try:
            parts = urlsplit(self.url)
        except ValueError:
            return ""
        host = (parts.hostname or "").split(".")[0]
        return "-" + re.sub(r"[/._?=&+-]+", "-", f"{host}/{parts.path}".lower()) + "-"

    @cached_property
    def path_words(self) -> frozenset[str]:
        return frozenset(p for p in self.path.split("-") if p)

    @cached_property
    def brand(self) -> str:
        """The site's own name as its host gives it ("rutgers" of www.rutgers.edu)."""
        try:
            host = urlsplit(self.url).hostname or ""
        except ValueError:
            return ""
        labels = host.lower().split(".")[:-1]  # without the top-level domain
        while labels and labels[-1] in _SECOND_LEVEL:
            labels.pop()
        return re.sub(r"[^a-z0-9]", "", labels[-1]) if labels else ""

    @cached_property
    def types(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.page_types)


_SECOND_LEVEL = words("co com org net edu gov ac")
_MIN_BRAND = 5

_QUOTED = re.compile(r"“[^”\n]{0,2000}”|\"[^\"\n]{0,2000}\"|‘[^’\n]{3,400}’(?!\w)")


_SMOOTH_WORDS = 200  # a short page needs more than one "we" to sound like a company


def _rate(count: int, page: Page, per_1000_full: float) -> float:
    """``count`` per thousand words, scaled so that ``per_1000_full`` is full strength; short
    pages are read as if they had ``_SMOOTH_WORDS`` more words without the feature."""
    return min(1.0, count * 1000.0 / (page.words + _SMOOTH_WORDS) / per_1000_full)


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def rate_of(pattern: re.Pattern[str], full: float, *, own: bool) -> Callable[[Page], float]:
    """How often ``pattern`` occurs per thousand words (``full`` is full strength), in the
    writer's own words (``own``) or in the whole text."""

    def signal(page: Page) -> float:
        return _rate(_count(pattern, page.own_text if own else page.text), page, full)

    return signal


# --- what the page declares --------------------------------------------------------------

_NEWS_TYPES = words("newsarticle reportagenewsarticle")
_OPINION_TYPES = words(
    "opinionnewsarticle analysisnewsarticle backgroundnewsarticle review criticreview "
    "reviewnewsarticle"
)
_BLOG_TYPES = words("blogposting socialmediaposting og:blog liveblogposting")
_PRODUCT_TYPES = words(
    "product productgroup individualproduct offer aggregateoffer og:product "
    "og:product.item product.item softwareapplication"
)
_LISTING_TYPES = words(
    "howto faqpage itemlist collectionpage recipe course qapage searchresultspage"
)


def declared(kinds: frozenset[str]) -> Callable[[Page], float]:
    def signal(page: Page) -> float:
        return 1.0 if page.types & kinds else 0.0

    return signal


# --- the URL --------------------------------------------------------------------------------

_URL_WORDS: dict[str, frozenset[str]] = {
    "url_news": words("news world politics national local breaking worldnews"),
    "url_press": words(
        "press pressreleases pressrelease press-releases newsroom announcements media-center "
        "mediacenter prnewswire businesswire globenewswire releases"
    ),
    "url_opinion": words(
        "opinion opinions commentary analysis editorial editorials column "
        "columns columnists op-ed oped ideas perspective perspectives letters views voices"
    ),
    "url_blog": words("blog blogs newsletter newsletters substack diary journal"),
    "url_product": words("product products shop store buy item pricing cart catalog"),
    "url_howto": words(
        "how-to howto guide guides tutorial tutorials wiki docs faq learn tips where-to-buy "
        "buying-guide what-is"
    ),
    "url_transcript": words("transcript transcripts interview interviews podcast episode"),
}


def url_words(kind: str) -> Callable[[Page], float]:
    """A word of the kind in the URL's path; an entry with a "-" is a phrase ("how-to")."""
    single = frozenset(w for w in _URL_WORDS[kind] if "-" not in w)
    phrases = tuple(f"-{w}-" for w in _URL_WORDS[kind] if "-" in w)

    def signal(page: Page) -> float:
        hit = page.path_words & single or any(p in page.path for p in phrases)
        return 1.0 if hit else 0.0

    return signal


# --- the text -------------------------------------------------------------------------------

_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself)\b")
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|[Oo]urselves)\b")
_SECOND = re.compile(r"\b[Yy]ou(?:rs?|rself|rselves)?\b")
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|added|stated|declared|denied|confirmed|"
    r"reported|explained|noted|warned|argued|insisted)\b"
)
_PRESS = re.compile(
    r"(?:\btoday announced\b|\bannounced today\b|\bis (?:pleased|proud|excited|thrilled) to "
    r"announce\b|\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|OTC)[^)]{0,20}\)|/PRNewswire|PRNewswire|"
    r"Business Wire|GLOBE NEWSWIRE|Media [Cc]ontacts?:?|Press [Cc]ontacts?:?|"
    r"^About [A-Z][\w&.,' -]{1,60}$|^#{3}$|For more information,? (?:please )?visit|"
    r"Forward-[Ll]ooking [Ss]tatements)",
    re.MULTILINE,
)
_TURN = re.compile(
    r"^(?:Q|A|Q\.|A\.|[A-Z][A-Z.'’ -]{1,30}|[A-Z][a-z]+(?: [A-Z][a-z'’]+){0,2})\s?:\s+\S",
    re.MULTILINE,
)
_COMMERCE = re.compile(
    r"(?:\badd to (?:cart|bag|basket)\b|\bbuy (?:now|it now|online)\b|\bfree shipping\b|"
    r"\bin stock\b|\bout of stock\b|\border (?:now|today|online)\b|\bshop now\b|"
    r"[$£€]\s?\d[\d,]*(?:\.\d\d)?|\bcontact us\b|\bcall us\b|\brequest a (?:quote|demo)\b|"
    r"\bbook (?:now|a|an|your)\b|\bfree (?:consultation|trial|quote|estimate)\b|"
    r"\bget started\b|\bour (?:team|services|products|experts|clients|customers)\b|"
    r"\bwe offer\b|\bsign up\b|\bschedule (?:a|your)\b|\b(?:get|book|request|schedule) a demo\b|"
    r"\btry (?:it )?(?:for )?free\b|\bfree trial\b|\bcontact (?:sales|our sales)\b|\bpricing\b)",
    re.IGNORECASE,
)
_PRICE = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:\.\d\d)? (?:USD|EUR|GBP|dollars)\b")
_PITCH = re.compile(
    r"(?:\badd to (?:cart|bag|basket)\b|\bbuy (?:now|it now|online)\b|\bfree shipping\b|"
    r"\border (?:now|today|online)\b|\bshop (?:now|our)\b|\bcontact us\b|\bcall us\b|"
    r"\b(?:get|request) a (?:quote|demo)\b|"
    r"\bfree (?:consultation|quote|estimate|case evaluation)\b|"
    r"\bget started\b|\bour (?:team|services|products|experts|clients|customers|solutions?|"
    r"platform|lawyers|attorneys|store|shop|range|collection)\b|\bwe offer\b|\bsign up\b|"
    r"\bschedule (?:a|your)\b|\btry (?:it )?(?:for )?free\b|\bfree trial\b|"
    r"\bcontact (?:sales|our)\b|"
    r"\bwe (?:can help|help (?:you|businesses|clients|customers))\b)",
    re.IGNORECASE,
)
_ANNOUNCE = re.compile(
    r"\b(?:[Ww]e|[Ww]e['’]re|[Ww]e are|[Ww]e have|[Ww]e['’]ve)"
    r"(?: (?:now|today|also|just))? "
    r"(?:(?:excited|thrilled|proud|pleased|happy) to "
    r"(?:announce|introduce|share|launch|release|unveil)|"
    r"announc(?:e|ing)|introduc(?:e|ing)|launch(?:ed|ing)?|releas(?:ed|ing)|unveil(?:ed|ing)?)\b"
)
_ANNOUNCE_TITLE = re.compile(
    r"^(?:Introducing|Announcing|Meet)\b|\b(?:introduces|announces|launches|unveils|releases)\b"
)
_ROUNDUP = re.compile(
    r"^(?:Pros|Cons|Best for|What we like|What we don['’]t like|Why we (?:like|chose) it|Specs|"
    r"Key (?:specs|features)|Check (?:the )?price|Our (?:verdict|rating|pick)|Rating|Price)\b",
    re.MULTILINE | re.IGNORECASE,
)
_EXPERIENCE = re.compile(
    r"\bI (?:was|had|did|went|moved|started|decided|built|wrote|tried|found|remember|spent|"
    r"learned|realized|realised|felt|wanted|used to|grew up|loved)\b"
)
_ARGUMENT = re.compile(
    r"\b(?:however|but|yet|indeed|in fact|of course|therefore|thus|instead|rather|nevertheless|"
    r"nonetheless|after all|arguably|surely|clearly)\b",
    re.IGNORECASE,
)
_STEPS = re.compile(r"^(?:Step \d+|\d{1,2}[.)] |\d{1,2}\. )", re.MULTILINE | re.IGNORECASE)
_HOWTO_TITLE = re.compile(
    r"^(?:how to|how do|what is|what are|why you|\d{1,3} (?:best|top|ways|tips|things|steps|"
    r"reasons|ideas)|the (?:best|ultimate|complete)|top \d+|best \w+|a (?:guide|beginner))\b|"
    r"\b(?:guide|tutorial|tips|checklist|explained|review)\b",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\b(?:subscribe|newsletter|this week(?:'s|’s)? (?:issue|edition)|thanks for reading|"
    r"in this issue|hi (?:friends|everyone|all)|dear readers?|until next (?:time|week)|"
    r"see you next)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:I think|I believe|I'd argue|I’d argue|in my (?:view|opinion)|we should|we must|"
    r"it is time|it's time|it’s time|should be|must be|ought to|the truth is|the problem is)\b",
    re.IGNORECASE,
)
_MIN_TURNS = 4
_MAX_LABEL = 32
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{2,40}(?:, [A-Z][A-Za-z. ]{2,20})?\s?(?:\([A-Za-z. ]{2,30}\)\s?)?"
    r"[—–-]{1,2}\s"
)


_LABEL = re.compile(
    r"\b(?:analysis|opinion|commentary|column|editorial|op-ed|viewpoint|perspective|essay)\b",
    re.IGNORECASE,
)
_OWN_QUESTION = re.compile(r"[^.!?\n]{8,}\?(?=\s|$)")
_MODAL = re.compile(r"\b(?:could|might|may|would|perhaps|likely|unlikely|seems?)\b")


def analysis_label(page: Page) -> float:
    """The page labels itself analysis or opinion in its title or a short line."""
    short = [p for p in page.paragraphs if len(p.split()) <= 12]
    return 1.0 if any(_LABEL.search(x) for x in [page.title, *short]) else 0.0


def own_questions(page: Page) -> float:
    return _rate(_count(_OWN_QUESTION, page.own_text) + (page.title.endswith("?") * 2), page, 4.0)


def self_mentions(page: Page) -> float:
    """The site writes about itself: its own name (from its host) recurs in the text, in more
    than one paragraph (one is a footer's "follow us")."""
    brand = page.brand
    if len(brand) < _MIN_BRAND:
        return 0.0
    paras = sum(1 for p in page.paragraphs if brand in re.sub(r"[^a-z0-9]", "", p.lower()))
    return min(1.0, max(0, paras - 1) / 2.0)


def impersonal(page: Page) -> float:
    """The writer never says I, we or you in their own words."""
    own = page.own_text
    n = _count(_FIRST_SINGULAR, own) + _count(_FIRST_PLURAL, own) + _count(_SECOND, own)
    return max(0.0, 1.0 - n * 1000.0 / page.words / 4.0)


def press_formulas(page: Page) -> float:
    return min(1.0, _count(_PRESS, page.text) / 2.0)


# Labels of fields, not speakers ("Pros: light", "Price: $129", "Note: ...").
_FIELD_LABELS = words(
    "pros cons price prices rating verdict specs features note notes tip tips step source "
    "sources photo image credit credits update updated date time location website web phone "
    "tel email e-mail address size weight colour color material warranty summary ingredients "
    "availability category tags"
)


def _is_turn(paragraph: str) -> bool:
    label = paragraph.split(":", 1)[0]
    return (
        bool(_TURN.match(paragraph))
        and len(label) <= _MAX_LABEL
        and label.strip().lower() not in _FIELD_LABELS
    )


def speaker_turns(page: Page) -> float:
    return min(1.0, page.turns / max(1, len(page.paragraphs)) / 0.3)


def sales_pitch(page: Page) -> float:
    """The site offers its own goods or services to the reader ("contact us", "our team",
    "free consultation", "get started")."""
    return min(1.0, _count(_PITCH, page.own_text) / 4.0)


def self_announcement(page: Page) -> float:
    """The writer, as we, announces or introduces something ("we're introducing", "we are
    excited to announce"); a title that introduces or announces counts twice."""
    title = 2 if page.title and _ANNOUNCE_TITLE.search(page.title) else 0
    return min(1.0, (_count(_ANNOUNCE, page.own_text) + title) / 2.0)


def product_roundup(page: Page) -> float:
    """Lines of a product round-up: "Pros", "Cons", "Best for", "Check price"."""
    return min(1.0, _count(_ROUNDUP, page.text) / 4.0)


def steps(page: Page) -> float:
    paras = page.paragraphs
    numbered = sum(1 for p in paras if _STEPS.match(p))
    short = sum(1 for p in paras if len(p.split()) <= 8 and not p.endswith((".", "?", "!", "”")))
    return min(1.0, (numbered + short / 2) / max(4, len(paras)) / 0.35)


def howto_title(page: Page) -> float:
    return 1.0 if page.title and _HOWTO_TITLE.search(page.title) else 0.0


def newsletter_formulas(page: Page) -> float:
    return min(1.0, _count(_NEWSLETTER, page.own_text) / 2.0)


def dateline(page: Page) -> float:
    first = page.paragraphs[0] if page.paragraphs else ""
    return 1.0 if _DATELINE.match(first) else 0.0


# What each signal means, as the genre's evidence names it.
DESCRIBE: dict[str, str] = {
    "declared_news": "the page declares itself a news article",
    "declared_opinion": "the page declares itself opinion, analysis or a review",
    "declared_blog": "the page declares itself a blog post",
    "declared_product": "the page declares a product or an offer",
    "declared_listing": "the page declares a how-to, FAQ, list or collection",
    "url_news": "a news section in the URL",
    "url_press": "a press or newsroom section in the URL",
    "url_opinion": "an opinion or analysis section in the URL",
    "url_blog": "a blog or newsletter in the URL",
    "url_product": "a shop or product path in the URL",
    "url_howto": "a guide, how-to or docs path in the URL",
    "url_transcript": "an interview, transcript or podcast path in the URL",
    "first_singular": "the writer speaks as I",
    "first_plural": "the writer speaks as we",
    "second_person": "the writer addresses the reader as you",
    "impersonal": "the writer never says I, we or you",
    "reporting": "reporting verbs (said, told, according to)",
    "quotations": "quotations",
    "press_formulas": "announcement formulas (today announced, About ..., media contact)",
    "speaker_turns": "speaker turns (NAME: ...)",
    "commerce_formulas": "prices and calls to buy or contact",
    "prices": "prices",
    "sales_pitch": "the site offers its own goods or services (contact us, our team)",
    "self_announcement": "the writer announces or introduces something as we",
    "product_roundup": "product round-up lines (pros, cons, best for)",
    "experience": "the writer tells what they did (I moved, I tried)",
    "argument": "the writer argues (but, however, in fact, therefore)",
    "steps": "numbered steps or many short headings",
    "howto_title": "a how-to, list or guide title",
    "newsletter_formulas": "newsletter formulas (subscribe, this week's issue)",
    "opinion_formulas": "the writer's judgements (I think, we should, it is time)",
    "dateline": "a dateline opening the text",
    "analysis_label": "labelled analysis or opinion",
    "own_questions": "the writer asks questions",
    "modality": "the writer weighs what could or might happen",
    "self_mentions": "the site writes about itself (its own name recurs)",
}

SIGNALS: dict[str, Callable[[Page], float]] = {
    "declared_news": declared(_NEWS_TYPES),
    "declared_opinion": declared(_OPINION_TYPES),
    "declared_blog": declared(_BLOG_TYPES),
    "declared_product": declared(_PRODUCT_TYPES),
    "declared_listing": declared(_LISTING_TYPES),
    **{name: url_words(name) for name in _URL_WORDS},
    "first_singular": rate_of(_FIRST_SINGULAR, 12.0, own=True),
    "first_plural": rate_of(_FIRST_PLURAL, 15.0, own=True),
    "second_person": rate_of(_SECOND, 15.0, own=True),
    "impersonal": impersonal,
    "reporting": rate_of(_REPORTING, 6.0, own=False),
    "quotations": rate_of(_QUOTED, 5.0, own=False),
    "press_formulas": press_formulas,
    "speaker_turns": speaker_turns,
    "commerce_formulas": rate_of(_COMMERCE, 6.0, own=False),
    "prices": rate_of(_PRICE, 6.0, own=False),
    "sales_pitch": sales_pitch,
    "self_announcement": self_announcement,
    "product_roundup": product_roundup,
    "experience": rate_of(_EXPERIENCE, 3.0, own=True),
    "argument": rate_of(_ARGUMENT, 10.0, own=True),
    "steps": steps,
    "howto_title": howto_title,
    "newsletter_formulas": newsletter_formulas,
    "opinion_formulas": rate_of(_OPINION, 3.0, own=True),
    "dateline": dateline,
    "analysis_label": analysis_label,
    "own_questions": own_questions,
    "modality": rate_of(_MODAL, 10.0, own=True),
    "self_mentions": self_mentions,
}
