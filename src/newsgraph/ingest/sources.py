"""What ``newsgraph ingest`` reads: each source named on the command line becomes a list of
inputs, each with a stable key (so that a second run skips what the first stored).

- a folder: its ``.html``, ``.htm``, ``.txt`` and ``.gz`` pages, recursively;
- a WARC file (``.warc``, ``.warc.gz``): each HTML response record;
- an RSS or Atom feed (a file or a URL): the pages its entries link to, fetched;
- a file of URLs, one per line (``#`` comments allowed): each page, fetched;
- JSON lines in the ``--jsonl`` form of ``analyze``;
- a page file or a URL.

Keys: a file page is keyed by its path and the hash of its bytes, a WARC record by the file
and its record id, a URL by the URL, a JSON line by the file, its line and the line's hash.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.fetch import fetch, is_url
from newsgraph.inputs import PAGE_SUFFIXES, read_jsonl
from newsgraph.pipeline import RawPage

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
URL_LIST_SUFFIXES = (".urls", ".txt", ".lst")
MAX_BYTES = 10 * 1024 * 1024
_URL_LINE = re.compile(r"^https?://\S+$")


@dataclass
class Input:
    """One input to ingest: its key, a label for messages, and how to load it."""

    key: str
    label: str
    load: Callable[[], RawPage | InputError]
    warning: str | None = field(default=None)


def _const(value: RawPage | InputError) -> Callable[[], RawPage | InputError]:
    return lambda: value


def _sha(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16]


def _utf8_warning(data: bytes) -> str | None:
    """A warning for text that is not valid UTF-8 and declares no other encoding."""
    if data[:2] == b"\x1f\x8b" or b"\x00" in data[:1024]:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[:2048].lower()
        if b"charset" in head or b"encoding=" in head:
            return None
        return (
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and "
            "declares no encoding: decoded by charset detection, check its text"
        )
    return None


def file_input(path: Path, max_bytes: int) -> Input:
    """A page file: read, hashed and checked when its key is first needed."""
    label = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        err = InputError(f"cannot be read ({exc.strerror or exc})", source=label)
        return Input(f"file:{path.resolve()}:unreadable", label, _const(err))
    if size > max_bytes:
        err = InputError(
            f"is {size / 2**20:.1f} MiB, larger than the {max_bytes / 2**20:.0f} MiB limit for "
            "a page (--max-bytes)",
            source=label,
        )
        return Input(f"file:{path.resolve()}:{size}", label, _const(err))
    try:
        data = path.read_bytes()
    except OSError as exc:
        err = InputError(f"cannot be read ({exc.strerror or exc})", source=label)
        return Input(f"file:{path.resolve()}:unreadable", label, _const(err))
    page = RawPage(data=data, path=label)
    return Input(f"file:{path.resolve()}:{_sha(data)}", label, _const(page), _utf8_warning(data))


def url_input(url: str, allow_private: bool) -> Input:
    def load() -> RawPage | InputError:
        try:
            got = fetch(url, allow_private=allow_private)
        except InputError as exc:
            return exc
        return RawPage(data=got.data, url=got.url, final_url=got.final_url, status=got.status)

    return Input(f"url:{url}", url, load)


def warc_inputs(path: Path, max_bytes: int) -> Iterator[Input]:
    """The HTML responses of a WARC file; a broken record ends the file with an error."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    label = str(path)
    offset = 0
    try:
        with path.open("rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                if record.rec_type != "response":
                    continue
                ctype = (
                    (record.http_headers.get_header("Content-Type") or "")
                    if record.http_headers
                    else ""
                )
                if ctype and "html" not in ctype.lower():
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"@{offset}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(max_bytes + 1)
                offset = it.get_record_offset()  # (after reading: asking first loses the body)
                where = f"{label}#{rid}"
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if len(data) <= max_bytes and missing > 0:
                    raise EOFError(f"the record ends {missing} bytes short of its Content-Length")
                if len(data) > max_bytes:
                    err = InputError(
                        f"record is larger than {max_bytes // 2**20} MiB", source=where
                    )
                    yield Input(f"warc:{path.resolve()}#{rid}", where, _const(err))
                    continue
                page = RawPage(data=data, url=url, label=where)
                yield Input(f"warc:{path.resolve()}#{rid}", where, _const(page))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        where = f"{label}@{offset}"
        err = InputError(
            f"WARC record at byte {offset} is truncated or corrupt ({type(exc).__name__}: "
            f"{str(exc)[:120]}); the records before it were read",
            source=label,
        )
        yield Input(f"warc:{path.resolve()}@{offset}:broken", where, _const(err))


def feed_inputs(source: str, data: bytes, allow_private: bool) -> Iterator[Input]:
    import feedparser

    parsed = feedparser.parse(data)
    links = [e.get("link") for e in parsed.entries if e.get("link")]
    if not links:
        err = InputError("is a feed with no entry links", source=source)
        yield Input(f"feed:{source}:empty:{_sha(data)}", source, _const(err))
        return
    for link in links:
        yield url_input(str(link), allow_private)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    )


def _url_lines(data: bytes) -> list[str] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if lines and all(_URL_LINE.match(ln) for ln in lines):
        return lines
    return None


def jsonl_inputs(arg: str) -> Iterator[Input]:
    base = str(Path(arg).resolve()) if arg != "-" else "stdin"
    for n, item in enumerate(read_jsonl(arg), 1):
        if isinstance(item, InputError):
            err = item
            yield Input(f"jsonl:{base}:{n}:error", item.source or arg, _const(err))
            continue
        page = item
        digest = _sha(((page.id or "") + "\x00" + (page.given.text if page.given else "")).encode())
        yield Input(f"jsonl:{base}:{n}:{digest}", f"{arg}:{page.id or n}", _const(page))


def expand(arg: str, *, allow_private: bool = False, max_bytes: int = MAX_BYTES) -> Iterator[Input]:
    """The inputs one command-line source stands for."""
    if is_url(arg):
        if arg.lower().endswith(FEED_SUFFIXES) or "/feed" in arg.lower() or "rss" in arg.lower():
            try:
                got = fetch(arg, allow_private=allow_private)
            except InputError as exc:
                err = exc
                yield Input(f"url:{arg}", arg, _const(err))
                return
            if _looks_like_feed(got.data):
                yield from feed_inputs(arg, got.data, allow_private)
                return
            page = RawPage(data=got.data, url=got.url, final_url=got.final_url, status=got.status)
            yield Input(f"url:{arg}", arg, _const(page))
            return
        yield url_input(arg, allow_private)
        return
    path = Path(arg)
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not p.name.startswith(".") and p.name.lower().endswith(PAGE_SUFFIXES)
        )
        if not files:
            err = InputError("is a folder with no pages in it", source=arg)
            yield Input(f"dir:{path.resolve()}:empty", arg, _const(err))
        for f in files:
            if f.name.lower().endswith(WARC_SUFFIXES):
                yield from warc_inputs(f, max_bytes)
            else:
                yield file_input(f, max_bytes)
        return
    if not path.exists():
        err = InputError("no such file or folder", source=arg)
        yield Input(f"missing:{arg}", arg, _const(err))
        return
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from warc_inputs(path, max_bytes)
        return
    if name.endswith(".jsonl"):
        yield from jsonl_inputs(arg)
        return
    if path.stat().st_size <= max_bytes:
        data = path.read_bytes()
        if _looks_like_feed(data):
            yield from feed_inputs(arg, data, allow_private)
            return
        if name.endswith(URL_LIST_SUFFIXES):
            urls = _url_lines(data)
            if urls is not None:
                for u in urls:
                    yield url_input(u, allow_private)
                return
    yield file_input(path, max_bytes)
