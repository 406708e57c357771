"""MT010 machine-translated-article: several kinds of MT evidence agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.check.base import Check, register
from audit.check.rules.mt._common import DEFAULT_MIN_KINDS, DEFAULT_THRESHOLD, verdict
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Category, Finding, Severity
from audit.text import Doc

_KIND_NAMES = {
    "calque": "calqued formula", "fused": "fused duplicate", "fragment": "stranded fragment",
    "titlecase": "Title-Case run", "untranslated": "untranslated English", "spacing": "spacing artifact",
}


@register
class MachineTranslatedArticle(Check):
    """The article as a whole reads as an unedited machine translation.

    Each MT detector (MT001-MT006) alone is only an observation (``info``): a human can
    strand a word, leave a space before a comma or calque one formula. When the combined
    evidence (``mt_score``, see :mod:`audit.score.mt`) reaches ``threshold`` *and* at least
    ``min_kinds`` different kinds of evidence agree, the article is reported as machine
    translated (``error``), with the span of the strongest piece of evidence and the list of
    the others; the individual signals of such an article are then warnings. The verdict
    is shared with the detectors (``audit.check.rules.mt._common.verdict``), which read this
    check's configured ``threshold`` and ``min_kinds`` when the engine runs it.

    **Anti-pattern**

    A calqued byline, a stranded name and a fused duplicate in one story::

        Ceny gazu w Europie spadły w poniedziałek o 5 procent po doniesieniach o nowych dostawach z Norwegii. Norwegia.
        Rząd Niemiec ogłosił Rząd Niemiec zapowiedział nowe dopłaty dla gospodarstw domowych od stycznia.
        Anna Kowalska Przyczyniła się do raportu.

    **Best practice**

    Edited copy with one stylistic short sentence::

        Ceny gazu w Europie spadły w poniedziałek o 5 procent po doniesieniach o nowych dostawach z Norwegii.
        Rząd Niemiec zapowiedział nowe dopłaty dla gospodarstw domowych od stycznia. Na razie bez szczegółów.
    """

    code = "MT010"
    name = "machine-translated-article"
    category = Category.MACHINE_TRANSLATION
    severity = Severity.ERROR
    languages = SUPPORTED_LANGUAGES

    # threshold=0.5: the logistic midpoint of mt_score; with the weights of audit.score.mt
    # no single kind of evidence reaches it and two kinds at their usual strength pass it.
    # min_kinds=2: the brief's rule that a single kind of weak signal must not condemn an
    # article (a writer may repeat one habit, e.g. spaces before commas, all through a text).
    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, min_kinds: int = DEFAULT_MIN_KINDS,
                 **kw: Any) -> None:
        super().__init__(**kw)
        self.threshold = threshold
        self.min_kinds = min_kinds

    def run(self, doc: Doc) -> Iterator[Finding]:
        from audit.score.mt import WEIGHTS

        v = verdict(doc)
        # the shared verdict uses this instance's thresholds when the engine shares it;
        # re-check with our own for a check run outside the engine
        if not v.signals or v.score < self.threshold or v.evidence < self.min_kinds:
            return
        signals, kinds = v.signals, v.kinds
        best = max(signals, key=lambda s: (WEIGHTS.get(s.kind, 1.0) * s.strength, -s.start))
        counts = {k: sum(1 for s in signals if s.kind == k) for k in kinds}
        listing = ", ".join(f"{counts[k]} {_KIND_NAMES.get(k, k)}" for k in kinds)
        yield self.finding(
            doc, best.start, best.end,
            f"The article reads as an unedited machine translation (mt_score {v.score:.2f}: {listing}).",
            data={"mt_score": round(v.score, 3), "counts": counts,
                  "strongest": {"kind": best.kind, "start": best.start, "end": best.end}},
        )
