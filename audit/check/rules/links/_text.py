"""Helpers shared by the spam-bio, links and boilerplate families: lexicon unions, crude stems,
headline-likeness and the span arithmetic of line deletions.

Deleting a block of whole lines takes the line break(s) *after* it, up to the next content
line (a block that ends the text takes none: the previous line keeps its line break). Two
adjacent deleted blocks therefore never overlap, every finding's span starts on the line it is
about, and everything outside the deleted spans stays byte-identical.

>>> t = "Body line.\\nBio. Bio.\\nMore\\nHeadline one"
>>> s, e = deletion_span(t, 11, 20)
>>> t[:s] + t[e:]
'Body line.\\nMore\\nHeadline one'
>>> s, e = deletion_span(t, 21, len(t))
>>> t[:s] + t[e:]
'Body line.\\nBio. Bio.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from audit.lexicons import SUPPORTED_LANGUAGES, load
from audit.text import WORD_RE, Doc

#: characters that may decorate the start of a list item or header ("• ", "» ", "- ")
BULLETS = "-–—•·*▪■►▶»›>→#|"
_BULLET_RE = re.compile(r"^[\s" + re.escape(BULLETS) + r"]+")
_DATE_ONLY_RE = re.compile(r"^[\d\s.:/\-,|]+$")
_CLOSERS = "\"'”’»“)]"
#: an agency signature or a parenthesised note closing a paragraph: "(PAP)", "(AFP, Reuters)"
_SIGNATURE_RE = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def langs_for(lang: str | None) -> tuple[str, ...]:
    """The article's language first, then every other supported one."""
    if lang in SUPPORTED_LANGUAGES:
        return (lang, *(x for x in SUPPORTED_LANGUAGES if x != lang))
    return SUPPORTED_LANGUAGES


def union(family: str, key: str, langs: Iterable[str] = SUPPORTED_LANGUAGES) -> tuple[str, ...]:
    """The values of list ``key`` of a lexicon family, over several languages, deduplicated."""
    seen: dict[str, None] = {}
    for lang in langs:
        for v in load(family, lang).get(key, []):
            seen.setdefault(v, None)
    return tuple(seen)


@cache
def stopwords(lang: str | None) -> frozenset[str]:
    """Stopwords of ``lang``; of every supported language when the language is unknown."""
    langs = (lang,) if lang in SUPPORTED_LANGUAGES else SUPPORTED_LANGUAGES
    return frozenset(w.lower() for w in union("stopwords", "stopwords", langs))


_FOLD = str.maketrans({"ё": "е", "ş": "ș", "ţ": "ț", "’": "'"})


def stems(text: str, lang: str | None, *, stem_len: int = 5) -> list[str]:
    """Crude stems of the content words of ``text``: lowercase, stopwords and numbers dropped,
    cut to ``stem_len`` letters (enough to merge most inflected forms in the supported languages)."""
    stop = stopwords(lang)
    out = []
    for m in WORD_RE.finditer(text):
        w = m.group().lower().translate(_FOLD)
        if len(w) < 3 or w in stop or not w[0].isalpha():
            continue
        out.append(w[:stem_len])
    return out


def strip_bullet(text: str, start: int, end: int) -> int:
    """The start of a line's content after any list bullet."""
    m = _BULLET_RE.match(text, start, end)
    return m.end() if m else start


def is_date_only(s: str) -> bool:
    return bool(_DATE_ONLY_RE.match(s))


def headline_like(doc: Doc, start: int, end: int, *, min_words: int, max_words: int) -> bool:
    """A line that reads like a link title: a few words, starts with a capital, a digit or a quote,
    and does not end like a sentence or an introduction (``.``, ``:``, ``;``, ``,``)."""
    text = doc.text
    s = strip_bullet(text, start, end)
    line = text[s:end].rstrip()
    if not line or len(line) > 300:
        return False
    core = _SIGNATURE_RE.sub("", line).rstrip(_CLOSERS)  # "… do środy. (PAP)" ends a sentence
    if not core or (core[-1] in ".:;," and not core.endswith("...")) or "@" in line:
        return False
    n = len(doc.words_in(s, end))
    if not min_words <= n <= max_words:
        return False
    first = next((ch for ch in line if ch.isalnum()), "")
    return bool(first) and (first.isupper() or first.isdigit())


def deletion_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete so that the lines ``[start, end)`` disappear with their line break(s).

    ``start`` must be the start of a line's content and ``end`` the end of a line's content.
    The span runs from the line start (indentation included) through the following line
    breaks and blank lines, up to the start of the next content line.
    """
    n = len(text)
    p = start
    while p > 0 and text[p - 1] in " \t\u00a0":
        p -= 1
    e = end
    while e < n and text[e] in " \t\u00a0":
        e += 1
    q = e
    while q < n and text[q].isspace():
        q += 1
    if q < n:  # stop at the start of the next content line (keep its indentation)
        q = max(text.rfind("\n", e, q), text.rfind("\r", e, q)) + 1 or e
    return p, max(q, e)


def inline_deletion_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete for a tail of a line (``"… text. Foto: PAP"``): the tail and the
    horizontal space before it."""
    p = start
    while p > 0 and text[p - 1] in " \t\u00a0":
        p -= 1
    return p, end


@cache
def _cta_res() -> dict[str, re.Pattern[str]]:
    pats: dict[str, list[str]] = {}
    for lang in SUPPORTED_LANGUAGES:
        for kind, ps in load("boilerplate", lang).get("cta", {}).items():
            pats.setdefault(kind, []).extend(ps)
    # patterns are written in lowercase (tests/test_links_lexicons.py) and matched against the
    # lowercased text: 3x faster than IGNORECASE
    return {k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in pats.items()}


def cta_kind(s: str, *, anchored: bool = False) -> str | None:
    """The kind of website call to action (``[cta]`` of ``audit/lexicons/boilerplate``) that
    ``s`` holds (``anchored``: starts with), or ``None``. Used by BP001 and to stop link blocks."""
    core = s.strip(" \t\"'„“”«»*-–—•·>|").lower()
    for kind, rx in _cta_res().items():
        if (rx.match(core) if anchored else rx.search(core)):
            return kind
    return None
