"""STR003 title-without-body: a title but no body, or a body that only repeats the title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc

_NORM_RE = re.compile(r"[\W_]+")
_TERMINAL = ".!?…:;\"”»)"
_SENT_END_RE = re.compile(r"[.!?…]\s")


def _norm(s: str) -> str:
    return _NORM_RE.sub(" ", s).strip().casefold()


@register
class TitleWithoutBody(Check):
    """The article has a title but no body, or its body is just the title again.

    Typical of listing pages and failed extractions: the scraper found the headline
    but not the story. With a ``title`` field: the body is empty or equal to it. Without
    one: the body is a single headline-shaped line (no sentence punctuation, 5 to 20
    words; shorter bodies are STR001's).

    **Anti-pattern**

    The body repeats the title and nothing else::

        Putin și Kim Jong Un, aproape să bată palma pentru furnizarea de arme

    **Best practice**

    A body that carries the story::

        Liderul Coreei de Nord ar fi dispus să încheie un acord cu Rusia privind furnizarea de arme, a declarat luni un oficial al Casei Albe.
    """

    code = "STR003"
    name = "title-without-body"
    category = Category.STRUCTURE
    severity = Severity.ERROR

    # max_headline_words=20: news headlines run 6–15 words in the outlets we sampled
    # (seeds and fixtures); 20 leaves room while staying below a real lead paragraph.
    def __init__(self, *, max_headline_words: int = 20, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.max_headline_words = max_headline_words

    def run(self, doc: Doc) -> Iterator[Finding]:
        title = doc.meta.get("title")
        text = doc.text
        stripped = text.strip()
        s = len(text) - len(text.lstrip())
        if isinstance(title, str) and title.strip():
            if not stripped:
                yield self.field_finding("title", title, 0, len(title),
                                         "The article has a title but no body text.")
            elif _norm(stripped) == _norm(title):
                yield self.finding(doc, s, s + len(stripped),
                                   "The body only repeats the title: the story itself is missing.")
            return
        # no title field: a body that is one headline-shaped line (no sentence
        # punctuation, a handful of words) is a headline without its story
        if (stripped and len(doc.nonblank_lines) == 1 and stripped[-1] not in _TERMINAL
                and not _SENT_END_RE.search(stripped)
                and 5 <= len(doc.words) <= self.max_headline_words):
            yield self.finding(doc, s, s + len(stripped),
                               "The body is a single headline-like line: the story itself is missing.",
                               severity=Severity.WARNING)
