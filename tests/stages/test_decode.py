"""Bytes -> text: encodings round-trip, and no input makes the reader crash."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.errors import InputError
from newsgraph.stages.extract.decode import decode, repair_double_utf8

_page = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=400
).filter(lambda t: t.strip())


@settings(max_examples=80, deadline=None)
@given(_page)
def test_utf8_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8")).text == text


@settings(max_examples=40, deadline=None)
@given(_page, st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_byte_order_marks(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == text


@settings(max_examples=40, deadline=None)
@given(_page)
def test_gzip_is_transparent(text: str) -> None:
    assert decode(gzip.compress(text.encode("utf-8"), mtime=0)).text == text


@pytest.mark.parametrize(
    ("codec", "word"),
    [("cp1251", "Новости дня"), ("latin-1", "Élodie Brénac"), ("shift_jis", "東京のニュース")],
)
def test_declared_charsets(codec: str, word: str) -> None:
    label = {"latin-1": "iso-8859-1"}.get(codec, codec)
    html = f'<html><head><meta charset="{label}"></head><body><p>{word}</p></body></html>'
    assert word in decode(html.encode(codec)).text


def test_declared_utf8_with_a_broken_byte_is_still_utf8() -> None:
    page = '<meta charset="utf-8"><p>Zürich café</p>'.encode() + b"\xe4 ok"
    text = decode(page).text
    assert "Zürich café" in text and "\ufffd" in text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        art = newsgraph.read(data)
    except InputError as exc:
        assert str(exc)
    else:
        assert art.text.strip()


def _written_twice(text: str) -> str:
    """``text`` as a page shows it after its UTF-8 was read as Windows-1252 and saved again."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # bytes Windows-1252 leaves undefined come through as controls
    return "".join(out)


def test_utf8_read_as_windows_1252_is_mended() -> None:
    original = "“We will rebuild the pier,” the mayor said. It’s the town’s — and Zoë’s — pier."
    page = f"<html><body><p>{_written_twice(original)}</p></body></html>".encode()
    text = repair_double_utf8(decode(page).text)
    assert original in text


def test_text_with_one_odd_pair_is_left_alone() -> None:
    # "Ã©" once is more likely a name or a typo than a page written twice.
    text = "The label read Ã© and nothing else; the café was closed."
    assert repair_double_utf8(text) == text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_mending_never_raises_and_leaves_plain_text_alone(text: str) -> None:
    assert isinstance(repair_double_utf8(text), str)
    plain = text.encode("ascii", "ignore").decode()
    assert repair_double_utf8(plain) == plain


@settings(max_examples=80, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0xA0, max_codepoint=0x24F),
            st.sampled_from(list(" harbour.,“”’—")),
        ),
        min_size=2,
        max_size=80,
    )
)
def test_text_written_twice_comes_back(text: str) -> None:
    assume(sum(1 for ch in text if ord(ch) > 0x7F) >= 2)
    assert repair_double_utf8(_written_twice(text)) == text
