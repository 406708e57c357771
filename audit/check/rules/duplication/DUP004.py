"""DUP004 repetitive-ngrams: Gopher's top / duplicate word n-gram fractions over their thresholds."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.score.repetition import GOPHER_THRESHOLDS, NGRAM_KEYS, get
from audit.text import Doc


@register
class RepetitiveNgrams(Check):
    """The same word sequences come back too often (Gopher's n-gram repetition rules).

    The n-gram measures of the Gopher quality filter (Rae et al. 2021, Table A1): the
    characters covered by the most frequent 2-, 3- and 4-gram (limits 0.20, 0.18, 0.16)
    and by repeated 5- to 10-grams (0.15 down to 0.10). One finding per measure over its
    limit, placed on a repeated copy of the n-gram. Keyword-stuffed and spun texts trip
    these; a news story almost never does.

    **Anti-pattern**

    Keyword stuffing::

        Best cheap flights to Rome. Best cheap flights to Rome today. Book best cheap
        flights to Rome now, because best cheap flights to Rome sell out and best cheap
        flights to Rome are the best cheap flights to Rome you can find. Best cheap
        flights to Rome, best cheap flights to Rome, best cheap flights to Rome again.

    **Best practice**

    Ordinary prose::

        Airlines added winter flights to Rome after demand rose by a fifth this year,
        the airport operator said on Monday. Most of the new routes start in November
        and run until March, when the summer timetable begins. Fares on the busiest
        routes have fallen slightly, travel agents said, because several low-cost
        carriers now compete on them, while business travellers still pay the most.
    """

    code = "DUP004"
    name = "repetitive-ngrams"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    groups = ("repetition", "gopher")

    # thresholds: Rae et al. 2021 (Gopher), Table A1. min_words=50: Gopher's own minimum
    # document length (same table); below it a single repeated name dominates the ratios.
    def __init__(self, *, min_words: int = 50, scale: float = 1.0, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.min_words = min_words
        self.limits = {k: GOPHER_THRESHOLDS[k] * scale for k in NGRAM_KEYS}

    def run(self, doc: Doc) -> Iterator[Finding]:
        a = get(doc)
        if a.words < self.min_words:
            return
        for key in NGRAM_KEYS:
            v, t = a.scores.get(key, 0.0), self.limits[key]
            if v > t and key in a.examples:
                s, e = a.examples[key]
                n = key.removeprefix("repetition_").removesuffix("gram")
                what = (f"the most frequent {n[4:]}-word sequence covers {v:.0%} of the text"
                        if n.startswith("top") else
                        f"repeated {n[4:]}-word sequences cover {v:.0%} of the text")
                yield self.finding(doc, s, e, f"{what[0].upper()}{what[1:]} (limit {t:.0%}).",
                                   data={"measure": key, "value": v, "threshold": t})
