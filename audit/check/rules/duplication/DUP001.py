"""DUP001 repeated-sentence: a sentence that repeats an earlier sentence of the same article."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.score.repetition import get
from audit.text import Doc


@register
class RepeatedSentence(Check):
    """A sentence repeats, word for word, an earlier sentence of the same article.

    Scrapers that join page fragments, templates that print a lead twice and spun
    copies all leave the same sentence twice in a body. Case, punctuation and spacing
    are ignored; the later copy is flagged and points at the first (``data.first_start``).
    Sentences inside a repeated paragraph are left to DUP002.

    **Anti-pattern**

    The first sentence of the paragraph is printed again (sentences never cross lines)::

        The budget passed on Tuesday after a long debate. No one walked out. The budget passed on Tuesday after a long debate.

    **Best practice**

    Each sentence appears once::

        The budget passed on Tuesday after a long debate. No one walked out.
    """

    code = "DUP001"
    name = "repeated-sentence"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    groups = ("repetition",)

    # min_words=6: short sentences repeat legitimately in news ("No one was hurt.",
    # "Details were not given."); six words is where an exact repeat stops being a
    # coincidence of formula in our reading of the seeds' languages. A judgement call.
    def __init__(self, *, min_words: int = 6, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words

    def run(self, doc: Doc) -> Iterator[Finding]:
        for r in get(doc).repeats:
            if r.kind != "sentence" or r.words < self.min_words:
                continue
            line, _ = doc.line_col(r.first[0])
            yield self.finding(
                doc, r.span[0], r.span[1],
                f"This sentence repeats the one on line {line}.",
                data={"first_start": r.first[0], "first_end": r.first[1], "words": r.words},
            )
