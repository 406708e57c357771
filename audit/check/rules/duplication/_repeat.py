"""What DUP001 (sentences) and DUP002 (paragraphs) share: report the later copies of a
unit found by the repetition analysis (:mod:`audit.score.repetition`), pointing at the first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from audit.check.base import Check
from audit.model import Finding
from audit.score.repetition import get
from audit.text import Doc


class RepeatedUnit(Check):
    """Base of the exact-repeat checks; subclasses set ``unit``."""

    unit: ClassVar[str] = ""  # "sentence" or "paragraph", as the analysis labels repeats

    # min_words=6: short units repeat legitimately in news ("No one was hurt.", a repeated
    # dateline or "Read more", which is boilerplate); six words is where an exact repeat stops
    # being a coincidence of formula in our reading of the seeds' languages. A judgement call.
    def __init__(self, *, min_words: int = 6, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words

    def run(self, doc: Doc) -> Iterator[Finding]:
        for r in get(doc).repeats:
            if r.kind != self.unit or r.words < self.min_words:
                continue
            line, _ = doc.line_col(r.first[0])
            yield self.finding(
                doc, r.span[0], r.span[1],
                f"This {self.unit} repeats the one on line {line}.",
                data={"first_start": r.first[0], "first_end": r.first[1], "words": r.words},
            )
