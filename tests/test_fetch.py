"""URL fetching: redirects, size cap, private addresses, schemes (local server only)."""

from __future__ import annotations

import pytest

from newsgraph.errors import FetchError
from newsgraph.fetch import fetch
from tests.servers import serve


def test_redirects_are_followed_and_recorded() -> None:
    routes = {"/a": (302, b"", {"Location": "/b"}), "/b": (200, b"<p>hello</p>")}
    with serve(routes) as base:
        got = fetch(base + "/a", allow_private=True)
    assert got.status == 200
    assert got.final_url == base + "/b"
    assert got.data == b"<p>hello</p>"


def test_too_many_redirects() -> None:
    routes = {f"/{i}": (302, b"", {"Location": f"/{i + 1}"}) for i in range(10)}
    with serve(routes) as base, pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(base + "/0", allow_private=True, max_redirects=3)


def test_size_cap() -> None:
    with serve({"/big": (200, b"x" * 5000)}) as base, pytest.raises(FetchError, match="larger"):
        fetch(base + "/big", allow_private=True, max_bytes=1000)


def test_private_addresses_are_refused_by_default() -> None:
    with serve({"/": (200, b"hi")}) as base:
        with pytest.raises(FetchError, match="private or local address"):
            fetch(base + "/")
        assert fetch(base + "/", allow_private=True).data == b"hi"


def test_every_redirect_hop_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.fetch as fetch_module

    checked: list[str] = []
    real = fetch_module._check_host

    def spy(url: str, allow_private: bool, source: str | None = None) -> None:
        checked.append(url)
        real(url, allow_private, source)

    monkeypatch.setattr(fetch_module, "_check_host", spy)
    routes = {"/a": (302, b"", {"Location": "/b"}), "/b": (200, b"ok")}
    with serve(routes) as base:
        fetch(base + "/a", allow_private=True)
    assert checked == [base + "/a", base + "/b"]


@pytest.mark.parametrize(
    ("url", "reason"),
    [("ftp://example.org/x", "unsupported URL scheme"), ("http:///nohost", "no host")],
)
def test_bad_urls(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch(url)


def test_connection_refused_is_a_fetch_error() -> None:
    with serve({}) as base:
        dead = base
    with pytest.raises(FetchError, match="cannot be fetched"):
        fetch(dead + "/", allow_private=True, timeout=2)
