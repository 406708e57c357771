"""What LNK001, LNK002 and BP008 share: one relatedness threshold and one walk over the
article's link blocks (:func:`audit.check.rules.links._blocks.link_analysis`). Each check
says which blocks it reports (:meth:`LinkBlockCheck.reports`) and how (:meth:`describe`);
every finding deletes its whole block (``replacement=""``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.check.base import Check
from audit.check.rules.links._blocks import link_analysis
from audit.check.rules.links._text import deletion_span
from audit.model import Finding
from audit.text import Doc

# Block relatedness below which a link block is "unrelated". Measured on the hand-labelled
# blocks of tests/test_links_data.py (11 articles, 9 languages, 88 header / spaced / trailing /
# inline variants): unrelated 0.00-0.20, related 0.60-1.57; and on tests/corpus/dev (26 link
# blocks, 9 languages): unrelated 0.00-0.17 (seed 001's "More Stories" 0.08), related 0.67-1.0.
# 0.4 sits in the middle of the common gap (0.20, 0.60): precision = recall = 1.0 on both.
# tests/test_links_measure.py re-measures the first set.
DEFAULT_MIN_RELATEDNESS = 0.4

# A one-link block ("Czytaj także: <headline>") is judged on the five to eight words of one
# headline, so a single shared word moves its relatedness by 0.14-0.33 and the two classes
# overlap: on tests/corpus/dev (waves 1-5) the seven one-link blocks the writers labelled
# on-topic score 0.17, 0.33, 0.4 and 0.75-1.5 (none is labelled unrelated), and the inline
# variants of tests/test_links_data.py score 0.0 (9 of 11), 0.14 and 0.2 when unrelated, 0.6
# and more when related. One headline that shares a content word with the article is
# therefore not condemned as pasted navigation (BP008 reports it as a "read also" link); only
# one that shares none (relatedness below 0.1, i.e. 0) is. Blocks of two or more headlines
# keep DEFAULT_MIN_RELATEDNESS: their median over several headlines does separate.
DEFAULT_MIN_RELATEDNESS_ONE_LINK = 0.1


class LinkBlockCheck(Check):
    """Base of the link-block checks (not registered itself)."""

    # min_relatedness: see DEFAULT_MIN_RELATEDNESS above (at or above it a block is related);
    # min_relatedness_one_link: the same for a block of one headline (see above)
    def __init__(self, *, min_relatedness: float = DEFAULT_MIN_RELATEDNESS,
                 min_relatedness_one_link: float = DEFAULT_MIN_RELATEDNESS_ONE_LINK, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_relatedness = min_relatedness
        self.min_relatedness_one_link = min_relatedness_one_link

    def threshold(self, b: Any) -> float:
        """The relatedness under which block ``b`` is unrelated (one headline: stricter)."""
        return self.min_relatedness_one_link if len(b.items) == 1 else self.min_relatedness

    def unrelated(self, b: Any) -> bool:
        """Measured, and below the threshold for its size."""
        return b.relatedness is not None and b.relatedness < self.threshold(b)

    def reports(self, b: Any) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, b: Any, header: str) -> tuple[str, dict[str, Any]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self, doc: Doc) -> Iterator[Finding]:
        for b in link_analysis(doc).blocks:
            if not self.reports(b):
                continue
            s, e = deletion_span(doc.text, b.start, b.end)
            message, data = self.describe(b, b.header_text(doc.text))
            yield self.finding(doc, s, e, message, replacement="", data=data)
