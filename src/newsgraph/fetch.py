"""Fetching a URL safely: timeout, size cap, bounded redirects, no private addresses.

Every hop of a redirect chain is checked: a host that resolves to a loopback, private,
link-local, multicast or otherwise reserved address is refused unless ``allow_private`` is
set (``--allow-private`` on the command line), so that a page cannot make newsgraph read
from the machine's own network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from newsgraph import config
from newsgraph.errors import FetchError


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    data: bytes
    content_type: str | None


def _refused(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Anything not on the public internet, including IPv4 wrapped in IPv6."""
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.is_site_local:
            return True
        for inner in (addr.ipv4_mapped, addr.sixtofour, addr.teredo and addr.teredo[1]):
            if inner is not None and not inner.is_global:
                return True
    return not addr.is_global or addr.is_multicast


def _check_host(url: str, allow_private: bool, source: str | None = None) -> None:
    """Refuse ``url`` unless it is http(s) to a public address; errors name ``source``."""
    source = source or url
    where = "" if url == source else f" (redirected to {url})"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"is not a valid URL{where} ({exc})", source=source) from None
    if parts.scheme not in {"http", "https"}:
        raise FetchError(
            f"unsupported URL scheme {parts.scheme!r}{where}; use http or https", source=source
        )
    host = parts.hostname
    if not host:
        raise FetchError(f"the URL has no host{where}", source=source)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"the URL has an invalid port{where}", source=source) from None
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}{where} ({exc})", source=source) from None
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if _refused(addr):
            raise FetchError(
                f"refused: {host}{where} resolves to {addr}, a private or local address "
                "(pass --allow-private to read from your own network)",
                source=source,
            )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = config.FETCH_TIMEOUT_S,
    max_bytes: int = config.FETCH_MAX_BYTES,
    max_redirects: int = config.FETCH_MAX_REDIRECTS,
) -> Fetched:
    """Fetch ``url``; raise FetchError with a clear reason when it cannot be read."""
    import urllib3

    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        headers={"User-Agent": config.USER_AGENT, "Accept": "text/html,*/*;q=0.8"},
        retries=False,
    )
    try:
        current = url
        for _hop in range(max_redirects + 1):
            _check_host(current, allow_private, source=url)
            try:
                resp = http.request(
                    "GET", current, redirect=False, preload_content=False, decode_content=True
                )
            except urllib3.exceptions.HTTPError as exc:
                reason = getattr(exc, "reason", None) or exc
                raise FetchError(f"cannot be fetched ({reason})", source=url) from None
            try:
                if resp.status in {301, 302, 303, 307, 308}:
                    location = resp.headers.get("Location")
                    if not location:
                        raise FetchError(f"redirect ({resp.status}) without a Location", source=url)
                    try:
                        current = urljoin(current, location)
                    except ValueError:
                        raise FetchError(
                            f"redirects to an invalid URL ({location[:100]!r})", source=url
                        ) from None
                    continue
                if resp.status >= 400:
                    raise FetchError(f"the server answered HTTP {resp.status}", source=url)
                chunks: list[bytes] = []
                size = 0
                deadline = time.monotonic() + 3 * timeout  # a server dripping bytes is cut off
                for chunk in resp.stream(65536):
                    if time.monotonic() > deadline:
                        raise FetchError(
                            f"took longer than {3 * timeout:.0f} s to read", source=url
                        )
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(
                            f"is larger than {max_bytes // (1024 * 1024)} MiB; not a news page?",
                            source=url,
                        )
                    chunks.append(chunk)
                return Fetched(
                    url=url,
                    final_url=current,
                    status=resp.status,
                    data=b"".join(chunks),
                    content_type=resp.headers.get("Content-Type"),
                )
            except urllib3.exceptions.HTTPError as exc:
                raise FetchError(f"failed while reading ({exc})", source=url) from None
            finally:
                resp.close()  # also an unread redirect or error body: its socket with it
        raise FetchError(f"more than {max_redirects} redirects", source=url)
    finally:
        http.clear()  # close the pooled connection: one pool per fetch


def is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))
