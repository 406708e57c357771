"""DUP003 repetitive-lines: Gopher's duplicate line / paragraph fractions over their thresholds."""

from __future__ import annotations

from collections.abc import Iterator

from audit.check.base import Check, register
from audit.model import Category, Finding, Severity
from audit.score.repetition import GOPHER_THRESHOLDS, LINE_KEYS, get
from audit.text import Doc

_WHAT = {
    "repetition_dup_line_frac": "{v:.0%} of the lines repeat an earlier line (limit {t:.0%})",
    "repetition_dup_para_frac": "{v:.0%} of the paragraphs repeat an earlier paragraph (limit {t:.0%})",
    "repetition_dup_line_char_frac": "repeated lines make up {v:.0%} of the text (limit {t:.0%})",
    "repetition_dup_para_char_frac": "repeated paragraphs make up {v:.0%} of the text (limit {t:.0%})",
}


@register
class RepetitiveLines(Check):
    """Too much of the article is made of repeated lines or paragraphs (Gopher's rules).

    The four line/paragraph measures of the Gopher quality filter (Rae et al. 2021,
    Table A1): share of duplicate lines (0.30) and paragraphs (0.30), and share of the
    characters in them (0.20, 0.20). One finding per measure over its limit, placed on
    the first repeated copy.

    **Anti-pattern**

    A body that is mostly the same lines over and over::

        Breaking news from the city centre.
        Breaking news from the city centre.
        Breaking news from the city centre.
        Police closed the main square on Friday evening.

    **Best practice**

    Distinct lines::

        Police closed the main square on Friday evening.
        Shops near the square shut early and buses were diverted.
        The square will reopen on Saturday morning, the city said.
    """

    code = "DUP003"
    name = "repetitive-lines"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    groups = ("repetition", "gopher")

    # thresholds: Rae et al. 2021 (Gopher), Table A1, as in datatrove's GopherRepetitionFilter.
    # min_words=0: Gopher applies these to every document; its 50-word minimum is a
    # separate length rule, applied here only to the n-gram measures (DUP004).
    def __init__(
        self,
        *,
        dup_line_frac: float = GOPHER_THRESHOLDS["repetition_dup_line_frac"],
        dup_para_frac: float = GOPHER_THRESHOLDS["repetition_dup_para_frac"],
        dup_line_char_frac: float = GOPHER_THRESHOLDS["repetition_dup_line_char_frac"],
        dup_para_char_frac: float = GOPHER_THRESHOLDS["repetition_dup_para_char_frac"],
        **kw: object,
    ) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.limits = {
            "repetition_dup_line_frac": dup_line_frac,
            "repetition_dup_para_frac": dup_para_frac,
            "repetition_dup_line_char_frac": dup_line_char_frac,
            "repetition_dup_para_char_frac": dup_para_char_frac,
        }

    def run(self, doc: Doc) -> Iterator[Finding]:
        a = get(doc)
        for key in LINE_KEYS:
            v, t = a.scores.get(key, 0.0), self.limits[key]
            if v > t and key in a.examples:
                s, e = a.examples[key]
                yield self.finding(doc, s, e, _WHAT[key].format(v=v, t=t).capitalize() + ".",
                                   data={"measure": key, "value": v, "threshold": t})
