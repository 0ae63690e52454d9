"""Raw page bytes -> text: gzip, byte-order marks, declared charsets, detection.

Each step is tried in order and the first that fits wins:
  1. gunzip when the bytes start with the gzip magic number;
  2. refuse known binary formats (images, PDF, archives) and NUL-laden bytes;
  3. a byte-order mark (UTF-8, UTF-16, UTF-32);
  4. strict UTF-8 (valid UTF-8 is UTF-8, whatever the page declares);
  5. a charset declared in the page (``<meta charset>``, ``http-equiv``, XML prolog);
  6. charset detection (charset-normalizer), accepted only when it is confident.

``repair_double_utf8`` then mends text that was UTF-8 read as Latin-1 or Windows-1252 before
the page was written ("â€œ" or "â" with invisible control characters for "“"): the page's
own bytes are valid UTF-8, so no decoding choice can undo it.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from dataclasses import dataclass

from newsgraph.errors import BinaryInputError, DecodeError, EmptyInputError

_GZIP_MAGIC = b"\x1f\x8b"
_MAX_GUNZIP = 64 * 1024 * 1024

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"WARC/", "a WARC archive (use `newsgraph ingest` for web archives)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

# Browsers read these labels as the wider Windows code pages (WHATWG encoding standard).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "shift-jis": "shift_jis",
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def gunzip_if_needed(data: bytes, source: str | None = None) -> bytes:
    if not data.startswith(_GZIP_MAGIC):
        return data
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, _MAX_GUNZIP)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise BinaryInputError(
            f"looks gzip-compressed but cannot be decompressed ({exc})", source=source
        ) from None
    if not d.eof and not d.unconsumed_tail:
        raise BinaryInputError("is a truncated or damaged gzip file", source=source)
    if d.unconsumed_tail:
        raise BinaryInputError(
            f"decompresses to more than {_MAX_GUNZIP // (1024 * 1024)} MiB; is it really one page?",
            source=source,
        )
    return out


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _normalise_label(label: str) -> str | None:
    name = label.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Only text encodings: a page may "declare" base64 or rot13, which are codecs too.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:8192]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample)


def decode(data: bytes, source: str | None = None) -> Decoded:
    """Decode page bytes (gzip-compressed or not) to text, or raise a clear InputError."""
    data = gunzip_if_needed(data, source)
    if not data.strip():
        raise EmptyInputError("is empty", source=source)
    kind = _binary_kind(data)
    if kind:
        raise BinaryInputError(f"is {kind}, not a web page or text", source=source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), enc)
            except UnicodeDecodeError:
                raise DecodeError(
                    f"starts with a {enc} byte-order mark but is not valid {enc}", source=source
                ) from None
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            "contains NUL bytes: binary data, not a web page or text", source=source
        )
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares: pages that
    # declare a legacy charset but are served as UTF-8 are common, the reverse is not.
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    match = _DECLARED.search(data[:8192])
    declared: str | None = None
    if match:
        label = (match.group(1) or match.group(2)).decode("ascii", "ignore")
        declared = _normalise_label(label)
        if declared and declared not in {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"}:
            try:
                return Decoded(data.decode(declared), declared)
            except (UnicodeError, LookupError):
                pass  # the declaration lies; fall through to detection
    # Declared UTF-8 with a few broken bytes (a bad copy-paste, a truncated character):
    # decode it as a browser would, with replacement characters, not as a legacy code page.
    if declared == "utf-8":
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is not None and best.encoding:
        detected = str(best.encoding)
        try:
            text = data.decode(detected, errors="replace")
        except (UnicodeError, LookupError):
            text = ""
        if text and _control_share(text) < 0.01:
            return Decoded(text, detected)
    raise DecodeError(
        "cannot be decoded as text in any likely encoding; "
        "save it as UTF-8 or declare its charset in a <meta charset> tag",
        source=source,
    )


# The characters Windows-1252 gives the bytes 0x80-0x9f (where Latin-1 has control codes).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CONTINUATION = f"[\u0080-\u00bf{_CP1252_HIGH}]"
_DOUBLE_UTF8 = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
    f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)
_MIN_REPAIRS = 2  # one odd pair can be real text; two or more are a page written twice


def _as_byte(ch: str) -> int | None:
    if ord(ch) <= 0xFF:
        return ord(ch)
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def _redecode(run: str) -> str | None:
    raw = [_as_byte(ch) for ch in run]
    if any(b is None for b in raw):
        return None
    try:
        out = bytes(b for b in raw if b is not None).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return out if len(out) == 1 else None


def repair_double_utf8(text: str) -> str:
    """Text with its UTF-8-read-as-Windows-1252 sequences mended; unchanged when fewer than
    two such sequences are found (ordinary text never has them)."""
    if text.isascii():
        return text
    found = [m for m in _DOUBLE_UTF8.finditer(text) if _redecode(m.group()) is not None]
    if len(found) < _MIN_REPAIRS:
        return text
    out: list[str] = []
    pos = 0
    for m in found:
        out.append(text[pos : m.start()])
        out.append(_redecode(m.group()) or m.group())
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
