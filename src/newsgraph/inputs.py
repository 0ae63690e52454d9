"""Turning what a user names (files, folders, URLs, ``-``, JSON lines) into pages.

Each function yields, per input, either a `RawPage` or the `InputError` that explains why
that input cannot be read, so that one bad input never stops the others.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError, NotFoundError
from newsgraph.fetch import fetch, is_url
from newsgraph.model import Article
from newsgraph.pipeline import RawPage
from newsgraph.stages.extract import normalise_date

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".gz", ".xhtml")


def _page_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES) and not p.name.startswith(".")
    )


MAX_PAGE_BYTES = 64 * 1024 * 1024


def _read_file(path: Path) -> RawPage | InputError:
    try:
        if not path.is_file():
            return InputError("is not a regular file (a device or a pipe?)", source=str(path))
        if path.stat().st_size > MAX_PAGE_BYTES:
            return InputError(
                f"is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB; not a news page?",
                source=str(path),
            )
        data = path.read_bytes()
    except PermissionError:
        return InputError("cannot be read: permission denied", source=str(path))
    except OSError as exc:
        return InputError(f"cannot be read ({exc.strerror or exc})", source=str(path))
    return RawPage(data=data, path=str(path))


def resolve(arg: str, *, allow_private: bool = False) -> Iterator[RawPage | InputError]:
    """The pages named by one command-line argument."""
    if arg == "-":
        yield RawPage(data=sys.stdin.buffer.read(), label="<stdin>")
        return
    if is_url(arg):
        try:
            got = fetch(arg, allow_private=allow_private)
        except InputError as exc:
            yield exc
            return
        yield RawPage(data=got.data, url=got.url, final_url=got.final_url, status=got.status)
        return
    path = Path(arg)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        yield InputError(f"cannot be read ({exc.strerror or exc})", source=arg[:200])
        return
    if is_dir:
        files = _page_files(path)
        if not files:
            yield NotFoundError(
                "is a folder with no pages in it (looked for "
                + ", ".join(PAGE_SUFFIXES)
                + " files)",
                source=arg,
            )
        for f in files:
            yield _read_file(f)
        return
    if not exists:
        bare_host = "." in arg and "/" not in arg and not arg.lower().endswith(PAGE_SUFFIXES)
        hint = " (a URL must start with http:// or https://)" if bare_host else ""
        yield NotFoundError(f"no such file or folder{hint}", source=arg)
        return
    yield _read_file(path)


def read_jsonl(arg: str) -> Iterator[RawPage | InputError]:
    """Already extracted articles, one JSON object a line: id, text, [title, published, url]."""
    if arg == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = Path(arg).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            yield NotFoundError("no such file", source=arg)
            return
        except UnicodeDecodeError:
            yield InputError("is not UTF-8 text; JSON lines must be UTF-8", source=arg)
            return
        except OSError as exc:
            yield InputError(f"cannot be read ({exc.strerror or exc})", source=arg)
            return
    for n, line in enumerate(lines, 1):
        where = f"{arg}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"is not valid JSON ({exc.msg} at column {exc.colno})", source=where)
            continue
        if not isinstance(obj, dict):
            yield InputError("must be a JSON object with 'id' and 'text'", source=where)
            continue
        text, doc_id = obj.get("text"), obj.get("id")
        if not isinstance(text, str) or not text.strip():
            yield InputError("has no 'text' (a non-empty string is required)", source=where)
            continue
        if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
            yield InputError("'id' must be a string or a number", source=where)
            continue
        title = obj.get("title")
        url = obj.get("url")
        published = obj.get("published")
        if published is not None and (
            not isinstance(published, str) or normalise_date(published) is None
        ):
            yield InputError(
                f"'published' must be a date like 2024-03-21, not {published!r}", source=where
            )
            continue
        given = Article(
            title=title if isinstance(title, str) else None,
            text=text,
            by="extract.v1",
        )
        yield RawPage(
            data=None,
            url=url if isinstance(url, str) else None,
            published=published if isinstance(published, str) else None,
            id=str(doc_id) if doc_id is not None else None,
            given=given,
            label=where,
        )
