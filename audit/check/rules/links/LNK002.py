"""LNK002 unrelated-trailing-headlines: a headerless run of headlines about other stories closing the text."""

from __future__ import annotations

from typing import Any

from audit.check.base import register
from audit.check.rules.links._check import LinkBlockCheck
from audit.model import Category, Severity


@register
class UnrelatedTrailingHeadlines(LinkBlockCheck):
    """The text ends with three or more headlines of other stories, without any header.

    When a scraper drops the "Latest news" header but keeps the links, the article ends with
    a run of short, title-like lines (no final full stop, four words or more each) after the
    last paragraph. A header the lexicon does not know ("Lesenswert", "Stories picked for you")
    -- a line of at most five words without a sentence ending just above the run -- is part of
    the run. If their vocabulary does not overlap the article's, they are navigation,
    not content. Lists introduced by a colon ("Ingredients:", "Programme:") and related
    lines are left alone. The fix deletes the run.

    **Anti-pattern**

    A court report followed by three unrelated headlines::

        A former hospital manager was jailed for six years on Friday for defrauding the health
        service of more than two million pounds through fake invoices for cleaning contracts.
        The judge said the manager had abused a position of trust at the hospital for a decade.
        Prosecutors said the manager created companies that billed the hospital for cleaning.
        The hospital said it had changed its rules on cleaning contracts and invoices.
        Taylor Swift announces extra dates for European tour
        Heatwave warning issued for southern Spain as temperatures hit 44C
        Apple unveils new iPhone with titanium frame and USB-C port

    **Best practice**

    A report that ends with its last paragraph::

        A former hospital manager was jailed for six years on Friday for defrauding the health
        service of more than two million pounds through fake invoices for cleaning contracts.
        Police are seeking to confiscate his properties.
    """

    code = "LNK002"
    name = "unrelated-trailing-headlines"
    category = Category.UNRELATED_LINKS
    severity = Severity.ERROR
    fixable = True

    # the threshold: the same measurement as LNK001 (the trailing variants of tests/test_links_data.py)
    def reports(self, b: Any) -> bool:
        return b.kind == "trailing" and self.unrelated(b)

    def describe(self, b: Any, header: str) -> tuple[str, dict[str, Any]]:
        under = f" under \"{header}\"" if header else ""
        return (
            f"The text ends with {len(b.items)} headlines of other stories{under} (relatedness "
            f"{b.relatedness:.2f} < {self.threshold(b):g}): pasted site navigation.",
            {"items": len(b.items), "relatedness": round(b.relatedness, 3), "header": header,
             "item_relatedness": [None if x is None else round(x, 3) for x in b.scores]},
        )
