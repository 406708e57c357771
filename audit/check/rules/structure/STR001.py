"""STR001 empty-text: an article whose body is empty or nearly so."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.text import Doc


@register
class EmptyText(Check):
    """The article has no body text, or only a few words.

    An empty body usually means the scraper hit a paywall, a consent wall or a
    JavaScript-only page. Nothing downstream can use such a record.

    **Anti-pattern**

    A body of three words::

        Read more here

    **Best practice**

    A body long enough to carry a story::

        The city council approved the new budget on Tuesday after a four-hour debate,
        the mayor's office said in a statement.
    """

    code = "STR001"
    name = "empty-text"
    category = Category.STRUCTURE
    severity = Severity.ERROR

    # min_words=5: below five words no sentence with subject, verb and object survives;
    # a deliberately low floor so that briefs and wire flashes ("BREAKING: ...") pass.
    def __init__(self, *, min_words: int = 5, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words

    def run(self, doc: Doc) -> Iterator[Finding]:
        n = len(doc.words)
        if n == 0:
            yield self.finding(doc, 0, len(doc.text), "The article has no text at all.",
                               data={"words": 0})
        elif n < self.min_words:
            s, e = doc.nonblank_lines[0][0], doc.nonblank_lines[-1][1]
            yield self.finding(doc, s, e, f"The article body is only {n} word(s) long.",
                               data={"words": n})
