"""A URL's registered domain (``https://wiadomosci.onet.pl/x`` -> ``onet.pl``), offline.

tldextract is built with no suffix-list URLs and no cache directory, so it uses the
Public Suffix List snapshot bundled in the package and never touches the network or
the disk. It (and ``requests``, which it imports) is loaded on first use only: a
stream whose records all carry a source never pays for it.

>>> registered_domain("https://www.bbc.co.uk/news/x")
'bbc.co.uk'
>>> registered_domain("http://localhost:8000/feed")
'localhost'
>>> registered_domain("not a url") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

_extractor: Any = None

# scheme://  or  //host  or a bare host with a dot ("www.onet.pl/a")
_HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|^//")
# the common case, without urlsplit: http(s)://host[:port]/...  (host of letters, digits, - and .)
_FAST_HOST = re.compile(r"https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d*)?(?:[/?#]|$)", re.IGNORECASE)
_BARE_HOST = re.compile(r"^[^\s/:?#@]+\.[^\s/:?#@]+(?:[/:?#]|$)")


def _extract() -> Any:
    global _extractor
    if _extractor is None:
        import tldextract

        _extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)
    return _extractor


def hostname(url: str) -> str | None:
    """The lower-cased host of ``url`` (no port, no credentials, no trailing dot).

    >>> hostname("HTTPS://user:pw@News.Example.COM.:443/a?b#c")
    'news.example.com'
    """
    m = _FAST_HOST.match(url)
    if m:
        return m.group(1).lower()
    url = url.strip()
    if not url:
        return None
    if not _HAS_SCHEME.match(url):
        if not _BARE_HOST.match(url):
            return None
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.rstrip(".").lower() or None


def registered_domain(url: str) -> str | None:
    """The registered domain (domain + public suffix) of ``url``; the host itself when it
    has no public suffix (``localhost``, an IP address); ``None`` when there is no host."""
    host = hostname(url)
    return None if host is None else _domain_of_host(host)


@lru_cache(maxsize=8192)  # keyed by host: a feed has few distinct hosts
def _domain_of_host(host: str) -> str:
    parts = _extract()(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host
