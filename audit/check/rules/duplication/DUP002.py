"""DUP002 repeated-paragraph: a paragraph that repeats an earlier paragraph of the same article."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.score.repetition import get
from audit.text import Doc


@register
class RepeatedParagraph(Check):
    """A paragraph repeats, word for word, an earlier paragraph of the same article.

    Typical of scraped pages whose body was extracted twice (AMP and canonical copy) or
    of content farms padding a text. Case, punctuation and spacing are ignored; the later
    copy is flagged and points at the first (``data.first_start``).

    **Anti-pattern**

    The first paragraph comes back at the end::

        Heavy rain flooded the old town on Sunday and closed two bridges.

        Firefighters pumped water from cellars until late at night.

        Heavy rain flooded the old town on Sunday and closed two bridges.

    **Best practice**

    Every paragraph appears once::

        Heavy rain flooded the old town on Sunday and closed two bridges.

        Firefighters pumped water from cellars until late at night.
    """

    code = "DUP002"
    name = "repeated-paragraph"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    groups = ("repetition",)

    # min_words=6: the same floor as DUP001 — one-line paragraphs such as "Read more"
    # or a repeated dateline are boilerplate (BP family), not duplicated content.
    def __init__(self, *, min_words: int = 6, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words

    def run(self, doc: Doc) -> Iterator[Finding]:
        for r in get(doc).repeats:
            if r.kind != "paragraph" or r.words < self.min_words:
                continue
            line, _ = doc.line_col(r.first[0])
            yield self.finding(
                doc, r.span[0], r.span[1],
                f"This paragraph repeats the one on line {line}.",
                data={"first_start": r.first[0], "first_end": r.first[1], "words": r.words},
            )
